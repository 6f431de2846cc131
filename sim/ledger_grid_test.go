package sim_test

import (
	"math"
	"testing"

	"github.com/dctwin/dctwin/models/refdata"
	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites"
)

// gridTOML is a flat 1 MW load (constant utilisation) whose grid series wraps
// onto 2025.
const gridTOML = `
[site]
name = "g"
[period]
start = 2025-01-01
days = 365
step = "1h"
[weather]
climate = "phoenix"
[[racks]]
name = "cpu"
count = 60
[racks.workload]
kind = "constant"
mean = 0.6
[cooling.chillers]
capacity_kw = 1000
[grid]
carbon_g_per_kwh = 400
wrap = true
`

func siteOnGrid(t *testing.T, file string) *sim.Site {
	t.Helper()
	s, err := sites.Parse([]byte(gridTOML), "g.toml", ".", sites.Overrides{GridFile: file})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The same site on the AZPS (coal and gas) and BPAT (hydro) grids: carbon and
// off-site water follow the fuel mix, CUE is carbon over IT energy, and the
// grid-energy-weighted intensity of a near-flat load reproduces the file's
// own annual mean (avg_CI) within 1 %.
func TestSameSiteOnTwoGrids(t *testing.T) {
	var sums []*sim.Summary
	for _, ba := range []string{"AZPS", "BPAT"} {
		path := refdata.Path(t, "grid/eia930_"+ba+"_2022.csv")
		s := siteOnGrid(t, path)
		sm := run(t, t.TempDir(), s)[0]
		sums = append(sums, sm)
		var mean float64
		for h := range 8760 {
			mean += s.Carbon.At(h) / 8760
		}
		if math.Abs(sm.CUE-sm.CarbonKg/sm.Energy.IT) > 1e-12 {
			t.Errorf("%s: CUE %g != carbon/IT %g", ba, sm.CUE, sm.CarbonKg/sm.Energy.IT)
		}
		if gap := (sm.CarbonIntensity - mean) / mean; math.Abs(gap) > 0.01 {
			t.Errorf("%s: load-weighted intensity %.1f vs the file's mean %.1f g/kWh", ba, sm.CarbonIntensity, mean)
		}
		t.Logf("%s: %.1f g/kWh (file %.1f), carbon %.0f t, off-site water %.0f m³, WUE source %.2f L/kWh, CFE %.1f %%",
			ba, sm.CarbonIntensity, mean, sm.CarbonKg/1000, *sm.OffsiteWater.Consumption/1000, *sm.WUESource, *sm.CFEPct)
	}
	az, bp := sums[0], sums[1]
	if az.CarbonKg < 5*bp.CarbonKg {
		t.Errorf("carbon AZPS %.0f t, BPAT %.0f t: want AZPS far above", az.CarbonKg/1000, bp.CarbonKg/1000)
	}
	if *az.OffsiteWater.Consumption < 2**bp.OffsiteWater.Consumption {
		t.Errorf("off-site water AZPS %.0f m³, BPAT %.0f m³: want AZPS far above", *az.OffsiteWater.Consumption/1000, *bp.OffsiteWater.Consumption/1000)
	}
	if *az.CFEPct > *bp.CFEPct {
		t.Errorf("CFE AZPS %.1f %% above BPAT %.1f %%", *az.CFEPct, *bp.CFEPct)
	}
	if az.OffsiteWater.Withdrawal != nil {
		t.Error("off-site withdrawal without withdrawal factors")
	}
}

// PV on the Phoenix weather file: the site uses all of a small array's output
// (it never exceeds the load), the summary's PV energy is the model's annual
// output, and the grid draw falls by it.
func TestPVOnSite(t *testing.T) {
	epw := refdata.Path(t, "weather/USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw")
	src := gridTOML + "\n[pv]\ncapacity_kw = 500\n"
	s, err := sites.Parse([]byte(src), "g.toml", ".", sites.Overrides{WeatherFile: epw})
	if err != nil {
		t.Fatal(err)
	}
	sm := run(t, t.TempDir(), s)[0]
	hourly, err := s.Ledger.PV.Hourly(s.Weather, s.Period.Start, 8760)
	if err != nil {
		t.Fatal(err)
	}
	var want float64
	for _, kw := range hourly {
		want += kw
	}
	if math.Abs(sm.Energy.PV-want) > 1e-6*want || sm.Supply.PVCurtailedKWh != 0 {
		t.Errorf("PV %g kWh (curtailed %g), model %g kWh", sm.Energy.PV, sm.Supply.PVCurtailedKWh, want)
	}
	if gap := sm.Energy.Facility - sm.Energy.PV - sm.Energy.Grid; math.Abs(gap) > 1e-6*sm.Energy.Facility {
		t.Errorf("grid %g != facility %g − PV %g", sm.Energy.Grid, sm.Energy.Facility, sm.Energy.PV)
	}
	if sm.REF <= 0 || math.Abs(sm.REF-sm.Energy.PV/sm.Energy.Facility) > 1e-12 {
		t.Errorf("REF %g, want PV/facility %g", sm.REF, sm.Energy.PV/sm.Energy.Facility)
	}
	t.Logf("500 kWdc at latitude tilt in Phoenix: %.0f MWh a year (%.0f kWh/kWdc), REF %.3f", want/1000, want/500, sm.REF)
}
