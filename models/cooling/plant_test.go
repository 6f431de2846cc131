package cooling

import (
	"math"
	"testing"
)

// testPlant is a plant for about 10 MW of IT: five 3,500 kW chillers (N+1),
// six tower cells, 80 CRAHs.
func testPlant(t testing.TB, econ bool) *Plant {
	t.Helper()
	p := &Plant{
		CRAH:         CRAH{Units: 80, AirflowM3S: 12, FanKW: 11, MinSpeed: 0.3, SupplyAirC: 22, ReturnAirC: 34},
		CDU:          CDU{CapacityKW: 6000, PumpKW: 36, MinSpeed: 0.3},
		ChilledWater: ChilledWater{SupplyC: 10, DeltaTK: 6, PumpKW: 300, MinFlow: 0.3, StaticFrac: 0.25},
		Chillers:     5,
		Chiller:      DOE2Centrifugal(3500),
		StagePLR:     0.9,
		Condenser:    Condenser{DeltaTK: 5.6, PumpKW: 48, SetpointC: 24},
		Tower:        Tower{Cells: 6, CellKW: 4500, FanKW: 49, MinFanSpeed: 0.2, DesignLG: 1.2},
		Economizer:   Economizer{Enabled: econ, ApproachK: 1.5},
	}
	if err := p.Init(97000); err != nil {
		t.Fatal(err)
	}
	return p
}

// Every kW that enters the plant leaves through the towers, or is reported
// unmet: tower heat + tower fan = met load + all cooling power.
func TestPlantConservesEnergy(t *testing.T) {
	for _, econ := range []bool{false, true} {
		p := testPlant(t, econ)
		for twb := -20.0; twb <= 30; twb += 0.5 {
			for _, load := range []Load{{AirHeatKW: 6000, LiquidHeatKW: 4000}, {AirHeatKW: 2000}, {AirHeatKW: 30000, LiquidHeatKW: 9000}} {
				load.WetBulbC = twb
				var r Result
				p.Solve(load, &r)
				in := load.AirHeatKW + load.LiquidHeatKW - r.UnmetKW + r.CoolingKW()
				out := r.TowerHeatKW + r.TowerFanKW
				if math.Abs(in-out) > 1e-6*in {
					t.Fatalf("econ %v, twb %g, load %+v: in %.6f kW != out %.6f kW (%+v)", econ, twb, load, in, out, r)
				}
				if r.UnmetKW < 0 || r.EconomizerKW < -1e-9 || r.EconomizerKW > r.EvaporatorKW+1e-9 {
					t.Fatalf("twb %g: implausible result %+v", twb, r)
				}
			}
		}
	}
}

func TestEconomizerModesFollowWetBulb(t *testing.T) {
	p := testPlant(t, true)
	mode := func(twb float64) (Result, Mode) {
		var r Result
		p.Solve(Load{AirHeatKW: 6000, LiquidHeatKW: 3000, WetBulbC: twb}, &r)
		return r, r.Mode
	}
	cold, m := mode(-5)
	if m != ModeFree || cold.ChillerKW != 0 || cold.ChillersOn != 0 {
		t.Errorf("wet bulb −5 °C: mode %v, chillers %.1f kW; want free cooling", m, cold.ChillerKW)
	}
	if math.Abs(cold.CondWaterC-(10-1.5)) > 0.01 && cold.TowerFanSpeed > p.Tower.MinFanSpeed {
		t.Errorf("free cooling: tower water %.2f °C, want the 8.5 °C the exchanger needs", cold.CondWaterC)
	}
	mid, m := mode(5)
	if m != ModePartial || !(mid.EconomizerKW > 0 && mid.ChillerKW > 0) {
		t.Errorf("wet bulb 5 °C: mode %v, economizer %.0f kW, chillers %.0f kW; want partial", m, mid.EconomizerKW, mid.ChillerKW)
	}
	hot, m := mode(24)
	if m != ModeChillers || hot.EconomizerKW != 0 {
		t.Errorf("wet bulb 24 °C: mode %v; want chillers only", m)
	}
	if !(cold.CoolingKW() < mid.CoolingKW() && mid.CoolingKW() < hot.CoolingKW()) {
		t.Errorf("cooling power should rise with the wet bulb: %.0f, %.0f, %.0f kW", cold.CoolingKW(), mid.CoolingKW(), hot.CoolingKW())
	}
}

func TestEconomizerSavesEnergy(t *testing.T) {
	with, without := testPlant(t, true), testPlant(t, false)
	for _, twb := range []float64{-10, 0, 5} {
		var a, b Result
		load := Load{AirHeatKW: 7000, LiquidHeatKW: 2000, WetBulbC: twb}
		with.Solve(load, &a)
		without.Solve(load, &b)
		if !(a.CoolingKW() < b.CoolingKW()) {
			t.Errorf("wet bulb %g: economizer %.0f kW not below %.0f kW without", twb, a.CoolingKW(), b.CoolingKW())
		}
	}
}

func TestUnmetWhenCapacityShort(t *testing.T) {
	p := testPlant(t, false)
	var r Result
	p.Solve(Load{AirHeatKW: 9000, LiquidHeatKW: 9000, WetBulbC: 28}, &r)
	// The CDUs carry 6 MW of the 9 MW liquid heat.
	if r.UnmetKW < 3000-1e-6 {
		t.Fatalf("unmet %.0f kW, want at least the 3,000 kW above the CDUs' capacity", r.UnmetKW)
	}
	// Chillers at their limit in hot weather.
	p.Solve(Load{AirHeatKW: 13000, LiquidHeatKW: 6000, WetBulbC: 28}, &r)
	avail := float64(p.Chillers) * p.Chiller.AvailableKW(10, r.CondWaterC)
	if r.UnmetKW <= 0 || math.Abs(r.EvaporatorKW-r.UnmetKW-avail) > 1e-3*avail {
		t.Errorf("evaporator %.0f kW, unmet %.0f kW: met load should equal the chillers' %.0f kW", r.EvaporatorKW, r.UnmetKW, avail)
	}
	if r.ChillersOn != p.Chillers {
		t.Errorf("%d chillers on, want all %d", r.ChillersOn, p.Chillers)
	}
}

func TestStagingKeepsPartLoadBelowLimit(t *testing.T) {
	p := testPlant(t, false)
	for load := 500.0; load <= 12000; load += 500 {
		var r Result
		p.Solve(Load{AirHeatKW: load / 2, LiquidHeatKW: load / 2, WetBulbC: 22}, &r)
		avail := p.Chiller.AvailableKW(10, r.CondWaterC)
		plr := (r.EvaporatorKW - r.UnmetKW) / (float64(r.ChillersOn) * avail)
		if r.ChillersOn < p.Chillers && plr > p.StagePLR*(1+1e-3) {
			t.Errorf("load %g kW: %d chillers at PLR %.3f above the staging limit", load, r.ChillersOn, plr)
		}
		if r.ChillersOn > 1 && plr*float64(r.ChillersOn)/float64(r.ChillersOn-1) <= p.StagePLR*(1-1e-3) {
			t.Errorf("load %g kW: %d chillers where %d would do (PLR %.3f)", load, r.ChillersOn, r.ChillersOn-1, plr)
		}
	}
}

func TestInitRejectsBadPlant(t *testing.T) {
	for name, mutate := range map[string]func(*Plant){
		"supply warmer than return": func(p *Plant) { p.CRAH.ReturnAirC = 20 },
		"no chillers":               func(p *Plant) { p.Chillers = 0 },
		"negative tower capacity":   func(p *Plant) { p.Tower.CellKW = -1 },
		"COP above 15":              func(p *Plant) { p.Chiller.COP = 55 },
		"air colder than water":     func(p *Plant) { p.CRAH.SupplyAirC = 9 },
	} {
		p := testPlant(t, true)
		mutate(p)
		if err := p.Init(101325); err == nil {
			t.Errorf("%s: Init accepted the plant", name)
		}
	}
}

func BenchmarkSolve(b *testing.B) {
	p := testPlant(b, true)
	var r Result
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p.Solve(Load{AirHeatKW: 6000, LiquidHeatKW: 3000, WetBulbC: float64(i%40) - 10}, &r)
	}
}

// Warmer, more humid air never makes cooling cheaper.
func TestCoolingPowerRisesWithWetBulb(t *testing.T) {
	for _, econ := range []bool{false, true} {
		p := testPlant(t, econ)
		prev := 0.0
		for twb := -15.0; twb <= 29; twb += 0.25 {
			var r Result
			p.Solve(Load{AirHeatKW: 6000, LiquidHeatKW: 3000, WetBulbC: twb}, &r)
			if r.CoolingKW() < prev-0.5 {
				t.Errorf("economizer %v: cooling %.1f kW at wet bulb %g below %.1f kW at %g", econ, r.CoolingKW(), twb, prev, twb-0.25)
			}
			prev = r.CoolingKW()
		}
	}
}
