package sim_test

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites"
)

// A run from mid-2025 over 600 days splits into the calendar years 2025,
// 2026 and 2027 and their months; the years' and the months' totals add up
// to the period's, and each part is bounded by its calendar.
func TestCalendarYearsAddUp(t *testing.T) {
	s := testSite(t, "years", "phoenix", 600, "1h")
	out := t.TempDir()
	sum := run(t, out, s)[0]
	// summary.csv: the whole period, then each calendar year.
	head, rows := readRows(t, filepath.Join(out, "summary.csv"))
	col := func(name string) int { return slices.Index(head, name) }
	if len(rows) != 4 || rows[0][col("period")] != "all" || rows[1][col("period")] != "2025" || rows[3][col("period")] != "2027" {
		t.Fatalf("summary.csv rows %v", rows)
	}
	for i, y := range sum.Years {
		r := rows[i+1]
		if r[col("site")] != "years" || r[col("it_kwh")] != strconv.FormatFloat(y.ITKWh, 'f', -1, 64) || r[col("start")] != y.Start || r[col("peak_day_water_withdrawal_l")] != "" {
			t.Errorf("summary.csv row of %d: %v", y.Year, r)
		}
	}
	if len(sum.Years) != 3 || sum.Years[0].Year != 2025 || sum.Years[2].Year != 2027 {
		t.Fatalf("years %+v", sum.Years)
	}
	if sum.Years[0].Start != "2025-07-01T00:00:00-07:00" || sum.Years[1].Start != "2026-01-01T00:00:00-07:00" || sum.Years[2].End != sum.End {
		t.Errorf("year bounds: %s, %s .. %s", sum.Years[0].Start, sum.Years[1].Start, sum.Years[2].End)
	}
	if h := sum.Years[1].Hours; h != 8760 {
		t.Errorf("2026 has %v h", h)
	}
	if len(sum.Months) != 20 {
		t.Errorf("%d months, want 20", len(sum.Months))
	}
	var y, m sim.PeriodTotals
	add := func(to *sim.PeriodTotals, p sim.PeriodTotals) {
		to.Hours += p.Hours
		to.ITKWh += p.ITKWh
		to.FacilityKWh += p.FacilityKWh
		to.GridKWh += p.GridKWh
		to.WithdrawalL += p.WithdrawalL
		to.CarbonKg += p.CarbonKg
		to.CoolingDegDays += p.CoolingDegDays
		to.UPSOutputKWh += p.UPSOutputKWh
	}
	for _, p := range sum.Years {
		add(&y, p.PeriodTotals)
		if math.Abs(p.PUE-p.FacilityKWh/p.ITKWh) > 1e-12 || p.PeakGridKW > sum.Peak.Grid+1e-9 {
			t.Errorf("%d: PUE %v, peak grid %v (period %v)", p.Year, p.PUE, p.PeakGridKW, sum.Peak.Grid)
		}
	}
	for _, p := range sum.Months {
		add(&m, p.PeriodTotals)
	}
	want := sim.PeriodTotals{Hours: 600 * 24, ITKWh: sum.Energy.IT, FacilityKWh: sum.Energy.Facility, GridKWh: sum.Energy.Grid,
		WithdrawalL: sum.Water.Withdrawal, CarbonKg: sum.CarbonKg, CoolingDegDays: sum.Climate.CoolingDegreeDays, UPSOutputKWh: sum.Energy.UPSOutput}
	for _, got := range []sim.PeriodTotals{y, m} {
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"hours", got.Hours, want.Hours}, {"IT", got.ITKWh, want.ITKWh}, {"facility", got.FacilityKWh, want.FacilityKWh},
			{"grid", got.GridKWh, want.GridKWh}, {"withdrawal", got.WithdrawalL, want.WithdrawalL}, {"carbon", got.CarbonKg, want.CarbonKg},
			{"cooling degree days", got.CoolingDegDays, want.CoolingDegDays}, {"UPS output", got.UPSOutputKWh, want.UPSOutputKWh}} {
			if math.Abs(c.got-c.want) > 1e-9*math.Max(1, c.want) {
				t.Errorf("%s: parts add to %v, the period has %v", c.name, c.got, c.want)
			}
		}
	}
	// Phoenix summers are hot: degree days there, none in January.
	if sum.Climate.CoolingDegreeDays < 100 || sum.Months[6].CoolingDegDays != 0 {
		t.Errorf("cooling degree days %v, January 2026 %v", sum.Climate.CoolingDegreeDays, sum.Months[6].CoolingDegDays)
	}
	if sum.Energy.UPSOutput <= sum.Energy.IT || sum.Energy.UPSOutput-sum.Energy.IT > sum.PowerLoss.PDU+1e-6 {
		t.Errorf("UPS output %v for IT %v and PDU losses %v", sum.Energy.UPSOutput, sum.Energy.IT, sum.PowerLoss.PDU)
	}
}

// Cooling degree days by hand: days at a mean of 27 °C count 6 each, days
// at 23.9 °C none (Eurostat: Tm ≥ 24 °C counts Tm − 21).
func TestCoolingDegreeDaysByHand(t *testing.T) {
	for _, c := range []struct{ dryBulbC, want float64 }{{27, 12}, {23.9, 0}, {24, 6}} {
		s := testSite(t, "cdd", "phoenix", 2, "1h")
		for h := range s.Weather.Hours {
			s.Weather.Hours[h].DryBulbC = c.dryBulbC
		}
		sum := run(t, t.TempDir(), s)[0]
		if got := sum.Climate.CoolingDegreeDays; math.Abs(got-c.want) > 1e-9 {
			t.Errorf("two days at %v °C: cooling degree days %v, want %v", c.dryBulbC, got, c.want)
		}
	}
}

// Renewables by origin and the market-based CO₂, by hand from the
// summary's own energies: PPA up to the grid energy (only if renewable),
// guarantees of origin on the rest, the residual mix on what is left.
func TestRenewablesAndMarketCarbon(t *testing.T) {
	for _, renewable := range []bool{true, false} {
		src := fmt.Sprintf(siteTOML, "market", 3, "1h", "dublin") +
			"residual_mix_g_per_kwh = 500\ngo_frac = 0.25\nsource = \"test\"\n[clean_supply]\nkw = 300\nsource = \"test\"\nrenewable = " + strconv.FormatBool(renewable) + "\n"
		s, err := sites.Parse([]byte(src), "market.toml", ".", sites.Overrides{})
		if err != nil {
			t.Fatal(err)
		}
		sum := run(t, t.TempDir(), s)[0]
		grid, clean := sum.Energy.Grid, 300.0*72
		ppa := 0.0
		if renewable {
			ppa = clean
		}
		goKWh := math.Min(0.25*grid, grid-ppa)
		r := sum.Renewables
		if math.Abs(r.PPA-ppa) > 1e-6 || math.Abs(r.GuaranteesOfOrigin-goKWh) > 1e-6 || math.Abs(r.Total-ppa-goKWh) > 1e-6 {
			t.Errorf("renewable %v: split %+v, want PPA %v, GO %v", renewable, r, ppa, goKWh)
		}
		if want := (ppa + goKWh) / sum.Energy.Facility; math.Abs(sum.REF-want) > 1e-12 {
			t.Errorf("renewable %v: REF %v, want %v", renewable, sum.REF, want)
		}
		want := (grid - math.Min(clean+0.25*grid, grid)) * 500 / 1000
		if sum.CarbonMarketKg == nil || math.Abs(*sum.CarbonMarketKg-want) > 1e-6*want {
			t.Errorf("renewable %v: market-based %v kg, want %v", renewable, sum.CarbonMarketKg, want)
		}
		if len(sum.UnsourcedInputs) != 0 {
			t.Errorf("unsourced %q", sum.UnsourcedInputs)
		}
	}
	// Without a residual-mix factor there is no market-based figure.
	if sum := run(t, t.TempDir(), testSite(t, "plain", "dublin", 2, "1h"))[0]; sum.CarbonMarketKg != nil {
		t.Errorf("market-based %v without a factor", *sum.CarbonMarketKg)
	}
}
