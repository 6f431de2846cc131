package sim_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dctwin/dctwin/models/power"
	"github.com/dctwin/dctwin/models/tariff"
)

// A year at 15-minute steps on a grid connection 8 % below the site's peak:
// the draw never passes the limit, the battery stays within its state of
// charge limits, storage conserves energy (charge = discharge + losses +
// change in store), and every printed row keeps the grid identity exactly.
func TestGridLimitYear(t *testing.T) {
	s := testSite(t, "limit", "phoenix", 365, "15m")
	out := t.TempDir()
	free := run(t, t.TempDir(), testSite(t, "limit", "phoenix", 365, "15m"))[0]
	limit := 0.92 * free.Peak.Facility
	b := power.Battery{EnergyKWh: 800, PowerKW: 200, RoundTrip: 0.88, MinSoC: 0.1, MaxSoC: 0.9, InitialSoC: 0.5}
	s.Ledger.Battery = &b
	s.Ledger.LimitKW = limit
	s.Ledger.FlexibleITFrac = 0.03
	s.Ledger.Tariff = &tariff.Tariff{Currency: "USD", EnergyPerKWh: 0.08, DemandPerKWMonth: 12, WaterPerM3: 1.5, SewerPerM3: 2}
	sm := run(t, out, s)[0]
	if sm.Peak.Grid > limit+1e-9 {
		t.Errorf("peak grid draw %.3f kW passes the limit %.3f kW", sm.Peak.Grid, limit)
	}
	t.Logf("unmet cooling %.1f kWh, hours at limit %.1f, shed IT %.0f kWh, battery out %.0f kWh", sm.Unmet.KWh, sm.GridLimit.HoursAtLimit, sm.GridLimit.ShedITKWh, sm.Supply.BatteryDischargeKW)
	lim := sm.GridLimit
	if lim.HoursAtLimit == 0 || lim.ShedITKWh == 0 {
		t.Errorf("a tight limit was never reached: %+v", *lim)
	}
	sup := sm.Supply
	if gap := sup.BatteryChargeKWh - sup.BatteryDischargeKW - sup.BatteryLossKWh - sup.BatteryDeltaKWh; math.Abs(gap) > 1e-6*sup.BatteryChargeKWh {
		t.Errorf("storage: charge %g = discharge %g + loss %g + Δ %g fails by %g kWh", sup.BatteryChargeKWh, sup.BatteryDischargeKW, sup.BatteryLossKWh, sup.BatteryDeltaKWh, gap)
	}
	if sup.BatteryDischargeKW == 0 {
		t.Error("the battery never discharged")
	}
	e := sm.Energy
	if gap := e.Facility - e.PV - sup.BatteryDischargeKW + sup.BatteryChargeKWh - sup.GeneratorKWh - sm.UnservedKWh - e.Grid; math.Abs(gap) > 1e-6*e.Facility {
		t.Errorf("energy: facility − supply − grid = %g kWh", gap)
	}
	if e.Facility >= free.Energy.Facility {
		t.Errorf("shedding did not lower facility energy: %g vs %g", e.Facility, free.Energy.Facility)
	}
	if math.Abs(sm.CUE-sm.CarbonKg/e.IT) > 1e-12 {
		t.Errorf("CUE %g != carbon/IT %g", sm.CUE, sm.CarbonKg/e.IT)
	}
	c := sm.Cost
	if c == nil || c.Energy <= 0 || c.Demand <= 0 || math.Abs(c.Total-(c.Energy+c.Demand+c.Water+c.Sewer+c.Fuel)) > 1e-6 {
		t.Errorf("cost %+v", c)
	}
	if want := sm.Water.Withdrawal / 1000 * 1.5; math.Abs(c.Water-want) > 1e-6 {
		t.Errorf("water cost %g, want %g", c.Water, want)
	}

	header, rows := readRows(t, filepath.Join(out, "limit", "timeseries.csv"))
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for i, r := range rows {
		v := func(name string) int64 { return milli(t, r[col[name]]) }
		if g := v("grid_kw"); g != v("facility_kw")-v("pv_kw")-v("battery_discharge_kw")+v("battery_charge_kw")-v("generator_kw")-v("unserved_kw") {
			t.Fatalf("line %d: grid_kw is not facility − supply", i+2)
		}
		if g := float64(v("grid_kw")) / 1000; g > limit+0.005 {
			t.Fatalf("line %d: grid %g kW above the limit %g", i+2, g, limit)
		}
		if soc := v("battery_soc_pct"); soc < 10000-5 || soc > 90000+5 {
			t.Fatalf("line %d: state of charge %s %% outside 10..90", i+2, r[col["battery_soc_pct"]])
		}
		if d := v("heat_rejected_kw") - v("facility_kw"); sm.Unmet.KWh == 0 && (d < -5 || d > 5) {
			t.Fatalf("line %d: heat rejected differs from facility power by %d mW after shedding", i+2, d)
		}
		if r[col["offsite_water_withdrawal_l"]] != "" {
			t.Fatalf("line %d: off-site withdrawal printed without factors", i+2)
		}
	}
}

// summary.json carries the ledger's keys, null where a figure is unknown.
func TestSummaryJSONHasLedgerKeys(t *testing.T) {
	out := t.TempDir()
	run(t, out, testSite(t, "ledger", "dublin", 2, "1h"))
	data, err := os.ReadFile(filepath.Join(out, "ledger", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range strings.Fields("offsite_water_l wue_source_l_per_kwh scarcity_weighted_water_l cfe_pct ref unserved_kwh cost supply grid_limit water_source_l") {
		if _, ok := m[k]; !ok {
			t.Errorf("summary.json lacks %s", k)
		}
	}
	if _, ok := m["energy_kwh"].(map[string]any)["pv"]; !ok {
		t.Error("energy_kwh lacks pv")
	}
	// A constant-carbon site without water factors or a tariff: unknown.
	if m["wue_source_l_per_kwh"] != nil || m["cost"] != nil || m["offsite_water_l"].(map[string]any)["consumption"] != nil {
		t.Errorf("unknown figures given values: wue_source %v, cost %v, offsite %v", m["wue_source_l_per_kwh"], m["cost"], m["offsite_water_l"])
	}
}
