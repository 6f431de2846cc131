package cooling

import (
	"math"
	"testing"
)

// Equipment out of service: the plant conserves energy, reports what it
// cannot remove, and stops what has no power.
func TestOutages(t *testing.T) {
	load := Load{AirHeatKW: 9000, LiquidHeatKW: 4000, WetBulbC: 24}
	for _, tc := range []struct {
		name      string
		out       Outage
		onUPS     bool
		wantUnmet bool // some load unmet
		allUnmet  bool // the whole chilled-water load unmet
	}{
		{name: "one chiller of five (N+1)", out: Outage{ChillersOut: 1}},
		{name: "two chillers of five", out: Outage{ChillersOut: 2}, wantUnmet: true},
		{name: "three tower cells of six", out: Outage{HeatRejectionOut: 3}},
		{name: "every chiller", out: Outage{ChillersOut: 5}, wantUnmet: true, allUnmet: true},
		{name: "no water", out: Outage{NoWater: true}, wantUnmet: true, allUnmet: true},
		{name: "no power, pumps off", out: Outage{NoPower: true}, wantUnmet: true, allUnmet: true},
		{name: "no power, pumps on UPS", out: Outage{NoPower: true}, onUPS: true, wantUnmet: true, allUnmet: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := testPlant(t, true)
			p.ChilledWater.OnUPS = tc.onUPS
			in := load
			in.Outage = tc.out
			var r Result
			p.Solve(in, &r)
			met := in.AirHeatKW + in.LiquidHeatKW - r.UnmetKW + r.CoolingKW()
			if out := r.TowerHeatKW + r.TowerFanKW; math.Abs(met-out) > 1e-6*max(met, 1) {
				t.Fatalf("in %.3f kW != out %.3f kW (%+v)", met, out, r)
			}
			if got := r.UnmetKW > 1e-9; got != tc.wantUnmet {
				t.Errorf("unmet %.1f kW, want unmet: %v", r.UnmetKW, tc.wantUnmet)
			}
			if tc.allUnmet {
				heat := in.AirHeatKW + in.LiquidHeatKW + r.CRAHFanKW + r.CDUPumpKW + r.CHWPumpKW
				if math.Abs(r.UnmetKW-heat) > 1e-6 || r.TowerHeatKW != 0 || r.ChillerKW != 0 {
					t.Errorf("unmet %.1f kW of %.1f kW, towers %.1f kW, chillers %.1f kW", r.UnmetKW, heat, r.TowerHeatKW, r.ChillerKW)
				}
			}
			if tc.out.NoPower {
				if r.ChillerKW+r.TowerFanKW+r.CondPumpKW != 0 || r.CRAHFanKW == 0 || r.CDUPumpKW == 0 {
					t.Errorf("without power: %+v", r)
				}
				if (r.CHWPumpKW > 0) != tc.onUPS {
					t.Errorf("chilled-water pumps %.1f kW, on UPS %v", r.CHWPumpKW, tc.onUPS)
				}
			}
			if r.ChillersOn > p.Chillers-tc.out.ChillersOut {
				t.Errorf("%d chillers on with %d out of %d", r.ChillersOn, tc.out.ChillersOut, p.Chillers)
			}
		})
	}
}

// With every chiller tripped on a cold day, the economizer still carries the
// load.
func TestEconomizerCarriesChillerTripInWinter(t *testing.T) {
	p := testPlant(t, true)
	var r Result
	p.Solve(Load{AirHeatKW: 6000, LiquidHeatKW: 3000, WetBulbC: -5, Outage: Outage{ChillersOut: 5}}, &r)
	if r.UnmetKW != 0 || r.Mode != ModeFree {
		t.Errorf("cold day, chillers out: unmet %.1f kW, mode %d", r.UnmetKW, r.Mode)
	}
}
