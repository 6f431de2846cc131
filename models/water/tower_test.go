package water

import (
	"math"
	"testing"

	"github.com/dctwin/dctwin/models/psychro"
)

func inlet(dryBulbC, wetBulbC, p float64) Inlet {
	s := psychro.FromTWetBulb(dryBulbC, wetBulbC, p)
	return Inlet{HumRatio: s.HumRatio, EnthalpyJPerKg: s.EnthalpyJPerKg, PressurePa: p}
}

// At the YorkCalc reference wet bulb, in air cooler than the water (a
// "typical climate"), the evaporation must close the balances: the air's
// enthalpy rise equals the heat, its moisture gain the evaporation, and the
// latent share is near the 0.89 implied by the 0.85 %-per-10 °F rule
// (REFERENCE.md §2.2).
func TestEvaporationAtReferenceCondition(t *testing.T) {
	sat := psychro.NewSatTable()
	const heatKW, p = 6465.0, 101325.0
	in := inlet(28, 25.6, p)
	air := 1000.0 / 3.6 * 1.0 / 1.2 // kg/s: 1000 m³/h of water at L/G 1.2
	e := EvaporationKgS(in, heatKW, air, sat)
	hfg := 2501 - 2.33*30.0 // kJ/kg at the mean water temperature
	latent := e * hfg / heatKW
	if latent < 0.8 || latent > 1.0 {
		t.Errorf("latent share %.3f of the heat; want about 0.89", latent)
	}
	// Mass balance: the leaving air is saturated at h_in + Q/ṁ.
	hOut := in.EnthalpyJPerKg + 1000*heatKW/air
	tOut := psychro.SatTempFromEnthalpy(hOut, p)
	wOut := psychro.SatHumRatio(tOut, p)
	if want := air * (wOut - in.HumRatio); math.Abs(e-want) > 1e-4*want {
		t.Errorf("evaporation %.5f kg/s, exact saturated-exit %.5f", e, want)
	}
	// The rule-of-thumb volume, 0.85 % of 1000 m³/h per 5.56 K = 8.5 m³/h.
	if m3h := e / waterDensity * 3600; m3h < 7 || m3h < 0 || m3h > 10.5 {
		t.Errorf("evaporation %.2f m³/h; the 0.85 %% rule gives 8.5 m³/h", m3h)
	}
}

// Hot dry air evaporates more per kWh than the latent heat alone; cold air less.
func TestEvaporationFollowsClimate(t *testing.T) {
	sat := psychro.NewSatTable()
	const heatKW, air = 5000.0, 180.0
	perKWh := func(in Inlet) float64 { return EvaporationKgS(in, heatKW, air, sat) * 3600 / heatKW }
	latentOnly := 3600 / (2501 - 2.33*25)
	hotDry := perKWh(inlet(42, 20, 97000))
	mild := perKWh(inlet(25, 18, 101325))
	cold := perKWh(inlet(0, -2, 101325))
	if !(hotDry > latentOnly && hotDry > mild && mild > cold) {
		t.Errorf("kg per kWh: hot-dry %.3f, mild %.3f, cold %.3f; latent-only %.3f", hotDry, mild, cold, latentOnly)
	}
	if cold < 0.5 || hotDry > 2.6 {
		t.Errorf("kg per kWh out of the plausible 0.5–2.6 range: cold %.3f, hot-dry %.3f", cold, hotDry)
	}
}

func TestStepBalancesAndBlowdown(t *testing.T) {
	sat := psychro.NewSatTable()
	for _, cycles := range []float64{2, 3, 5, 10} {
		tw := Tower{DriftPct: 0.008, Cycles: cycles}
		if err := tw.Validate(); err != nil {
			t.Fatal(err)
		}
		u := tw.Step(inlet(30, 22, 100000), TowerFlow{HeatKW: 8000, AirKgS: 300, DesignWaterM3S: 0.4, FanSpeed: 0.8}, 60, sat)
		if d := u.WithdrawalL() - (u.ConsumptionL() + u.DischargeL()); d != 0 {
			t.Errorf("withdrawal − consumption − discharge = %g L", d)
		}
		// Dissolved solids balance: makeup·c = (blowdown + drift)·cycles·c.
		if got := u.WithdrawalL() / (u.BlowdownL + u.DriftL); math.Abs(got-cycles) > 1e-9*cycles {
			t.Errorf("cycles %g: makeup/(blowdown+drift) = %g", cycles, got)
		}
		if want := 0.4 * 0.008 / 100 * 0.8 * 1000 * 60; math.Abs(u.DriftL-want) > 1e-12 {
			t.Errorf("drift %g L, want %g", u.DriftL, want)
		}
	}
}

func TestValidateRejects(t *testing.T) {
	for _, tw := range []Tower{{DriftPct: -1, Cycles: 3}, {DriftPct: 0.01, Cycles: 1}, {DriftPct: 0.01, Cycles: 0.5}, {DriftPct: 2, Cycles: 3}} {
		if tw.Validate() == nil {
			t.Errorf("Validate accepted %+v", tw)
		}
	}
}
