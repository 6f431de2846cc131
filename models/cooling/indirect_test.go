package cooling

import (
	"fmt"
	"testing"

	"github.com/dctwin/dctwin/models/psychro"
)

// The latent heat of vaporization: 2501 kJ/kg at 0 °C, 2454 at 20 °C, 2443
// at 25 °C and 2420 at 35 °C (REFERENCE.md §2.1: 2501 − 2.33·t).
func TestLatentHeat(t *testing.T) {
	for _, v := range []struct{ t, want float64 }{{0, 2501}, {20, 2454.48}, {25, 2442.85}, {35, 2419.59}, {-10, 2501}} {
		near(t, fmt.Sprintf("h_fg(%g °C)", v.t), latentHeatKJ(v.t), v.want, 1e-9)
	}
}

// The wetted scavenger air takes the heat as latent heat: the water
// evaporated times h_fg is the heat removed from the primary air, and the
// scavenger air's enthalpy rises by the heat plus that of the liquid water
// it took up (first law on the secondary stream), in the unsaturated and in
// the saturated regime.
func TestIndirectEvaporationEnergyBalance(t *testing.T) {
	sat := psychro.NewSatTable()
	const p = 101325.0
	for _, tc := range []struct {
		tdb, twb, qKW, secKgS float64
		saturated             bool
	}{
		{25, 18, 100, 20, false},
		{40, 20, 500, 40, false},  // Phoenix-like
		{32, 27, 300, 30, false},  // Miami-like
		{32, 30, 300, 5, true},    // little, humid scavenger air: leaves saturated
		{15, 14.5, 200, 3, true},  // cool, near-saturated air
		{5, 2, 50, 10, false},     // cold
		{45, 18, 2000, 50, false}, // very hot, very dry
	} {
		t.Run(fmt.Sprintf("%g/%g", tc.tdb, tc.twb), func(t *testing.T) {
			w := psychro.HumRatioFromTWetBulb(tc.tdb, tc.twb, p)
			h := psychro.MoistAirEnthalpy(tc.tdb, w)
			evap, tOut := indirectEvaporation(sat, tc.qKW, tc.secKgS, tc.tdb, w, h, p)
			wOut := w + evap/tc.secKgS
			// First law on the secondary air, kW.
			gain := tc.secKgS * (psychro.MoistAirEnthalpy(tOut, wOut) - h) / 1000
			near(t, "air enthalpy gain − (Q + liquid enthalpy)", gain-(tc.qKW+evap*4.186*tc.tdb), 0, 2e-3*tc.qKW)
			if ws := psychro.SatHumRatio(tOut, p); wOut > ws*(1+1e-3) {
				t.Errorf("outlet W %.5f above saturation %.5f at %.2f °C", wOut, ws, tOut)
			}
			latent := evap * latentHeatKJ(tc.tdb)
			if tc.saturated {
				if !(tOut > tc.tdb && latent < tc.qKW) {
					t.Errorf("saturated exit: %.2f °C (entering %g), latent %.1f of %.1f kW", tOut, tc.tdb, latent, tc.qKW)
				}
				return
			}
			near(t, "latent heat of the water − heat removed", latent-tc.qKW, 0, 1e-9*tc.qKW)
			near(t, "outlet dry bulb", tOut, tc.tdb, 0)
		})
	}
}

// Through the hall: in wet operation the indirect coolers evaporate
// 1/h_fg ≈ 1.47 kg per kWh removed at 25 °C and bleed half of that at three
// cycles of concentration. Drier air at the same dry bulb removes more heat
// for the same scavenger air but needs no more water per kWh: it evaporates
// in proportion to the heat, as physics allows, at most 1/h_fg.
func TestIndirectWaterPerKWh(t *testing.T) {
	h := airHall(t, AirIndirect)
	perKWh := func(tdb, twb float64) (evap, bleed, removedKW float64) {
		in := load(tdb, twb, Outage{})
		in.AirHeatKW, in.LiquidHeatKW = 4000, 0
		var r Result
		h.Solve(in, &r)
		if !r.Design.Evaporative || r.EconomizerKW <= 0 {
			t.Fatalf("%g/%g °C: not in wet operation: %+v", tdb, twb, r.Design)
		}
		return r.Design.SprayEvapKgS * 3600 / r.EconomizerKW, r.Design.SprayBleedKgS * 3600 / r.EconomizerKW, r.EconomizerKW
	}
	evap, bleed, _ := perKWh(25, 17)
	near(t, "evaporation at 25 °C, kg/kWh", evap, 3600/2442.85, 1e-6)
	near(t, "evaporation at 25 °C, kg/kWh (rounded)", evap, 1.47, 0.01)
	near(t, "bleed at 3 cycles, kg/kWh", bleed, evap/2, 1e-9)

	prevKW := 0.0
	for _, twb := range []float64{24, 21, 18, 15, 12} { // ever drier air at 30 °C
		evap, _, kw := perKWh(30, twb)
		near(t, fmt.Sprintf("kg/kWh at 30/%g °C", twb), evap, 3600/latentHeatKJ(30), 1e-6)
		if kw < prevKW {
			t.Errorf("30/%g °C: %.0f kW removed, less than %.0f kW in more humid air", twb, kw, prevKW)
		}
		prevKW = kw
	}
	// Across climates the water per kWh varies only with h_fg (1 % from 20
	// to 45 °C), far below the old saturated-exit balance in dry air.
	lo, hi := 3600/latentHeatKJ(20), 3600/latentHeatKJ(45)
	for _, c := range []struct{ tdb, twb float64 }{{20, 14}, {35, 20}, {40, 20}, {45, 22}, {33, 27}} {
		if evap, _, _ := perKWh(c.tdb, c.twb); evap < lo*(1-1e-9) || evap > hi*(1+1e-9) {
			t.Errorf("%g/%g °C: %.4f kg/kWh, want %.4f..%.4f", c.tdb, c.twb, evap, lo, hi)
		}
	}
}
