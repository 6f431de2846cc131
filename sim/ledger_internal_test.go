package sim

import (
	"math"
	"testing"

	"github.com/dctwin/dctwin/models/power"
)

func testLedger(cfg *Ledger, hours int) *ledger {
	l := &ledger{cfg: cfg, stepH: 0.25, stepsPerHour: 4,
		carbon: constant(hours, 400), cons: constant(hours, 1.5), cfe: constant(hours, 0.2),
		pv: make([]float64, hours), clean: make([]float64, hours), price: constant(hours, 0.1),
		genTest: make([]bool, hours), month: make([]uint16, hours), monthPeak: make([]float64, 1)}
	if cfg.Battery != nil {
		l.bat = cfg.Battery.Start()
	}
	return l
}

func loadStep(it float64) stepValues {
	var v stepValues
	v[qITKW], v[qChillerKW], v[qUPSLossKW], v[qLightingKW] = it, 0.2*it, 0.05*it, 10
	v[qHeatRejectedKW] = v.facilityKW()
	return v
}

// In a utility outage the battery, then the generators, then flexible IT
// carry the load; the grid supplies nothing, and what is left is unserved.
func TestLedgerUtilityOutage(t *testing.T) {
	b := power.Battery{EnergyKWh: 100, PowerKW: 200, RoundTrip: 0.9, MinSoC: 0.1, MaxSoC: 0.9, InitialSoC: 0.5}
	g := power.DefaultGenerator(500)
	l := testLedger(&Ledger{Battery: &b, Generator: &g, FlexibleITFrac: 0.2}, 4)
	for k := range 16 {
		v := loadStep(1000) // 1260 kW facility
		facility := v.facilityKW()
		l.step(k, &v, 1)
		if v[qGridKW] != 0 {
			t.Fatalf("step %d: grid %g kW during an outage", k, v[qGridKW])
		}
		served := v[qBatteryDischargeKW] + v[qGeneratorKW] + v[qUnservedKW]
		if math.Abs(served-v.facilityKW()) > 1e-9 {
			t.Fatalf("step %d: battery + generator + unserved %g != facility after shedding %g", k, served, v.facilityKW())
		}
		if shed := facility - v.facilityKW(); shed < 0 || v[qShedITKW] > 0.2*1000+1e-9 {
			t.Fatalf("step %d: shed %g kW of facility, %g kW of IT", k, shed, v[qShedITKW])
		}
		if v[qGeneratorKW] > 500 || v[qGeneratorFuelL] <= 0 {
			t.Fatalf("step %d: generator %g kW, fuel %g L", k, v[qGeneratorKW], v[qGeneratorFuelL])
		}
		if want := v[qGeneratorFuelL] * g.CO2KgPerL; math.Abs(v[qCarbonKg]-want) > 1e-9 {
			t.Fatalf("step %d: carbon %g kg, want the generators' %g", k, v[qCarbonKg], want)
		}
	}
	if l.bat.StoredKWh > b.MinSoC*b.EnergyKWh+1e-9 {
		t.Errorf("the battery kept %g kWh through a 4-hour outage", l.bat.StoredKWh)
	}
}

// With the utility on, the grid draw stays within the limit and the row
// identity grid = facility − PV − discharge + charge − generator − unserved
// holds step by step.
func TestLedgerLimitStep(t *testing.T) {
	b := power.Battery{EnergyKWh: 400, PowerKW: 100, RoundTrip: 0.88, MinSoC: 0.1, MaxSoC: 0.9, InitialSoC: 0.9}
	l := testLedger(&Ledger{Battery: &b, LimitKW: 1100, FlexibleITFrac: 0.05}, 24)
	for k := range 96 {
		v := loadStep(900 + 10*float64(k%24))
		l.pv[k/4] = 50
		l.step(k, &v, 0)
		if v[qGridKW] > 1100+1e-9 {
			t.Fatalf("step %d: grid %g kW above the limit", k, v[qGridKW])
		}
		id := v.facilityKW() - v[qPVKW] - v[qBatteryDischargeKW] + v[qBatteryChargeKW] - v[qGeneratorKW] - v[qUnservedKW]
		if math.Abs(id-v[qGridKW]) > 1e-9 {
			t.Fatalf("step %d: grid %g kW, identity gives %g", k, v[qGridKW], id)
		}
	}
	// Demand net of PV passes 1100 kW from 14:00 (facility 1.25·IT + 10).
	if l.lim == 0 || l.lim >= 96 {
		t.Errorf("%d of 96 steps at the limit", l.lim)
	}
}

// Carbon-aware dispatch charges in each day's cleanest hours and discharges
// in its dirtiest, lowering the carbon of the same load.
func TestLedgerCarbonDispatch(t *testing.T) {
	b := power.Battery{EnergyKWh: 400, PowerKW: 100, RoundTrip: 0.9, MinSoC: 0.1, MaxSoC: 0.9, InitialSoC: 0.5}
	const hours = 72
	ci := make([]float64, hours)
	for h := range ci {
		ci[h] = 300 + 200*math.Sin(2*math.Pi*float64(h%24)/24) // dirtiest at 06:00, cleanest at 18:00
	}
	run := func(bat *power.Battery) (carbon float64, charged, discharged []float64) {
		l := testLedger(&Ledger{Battery: bat, Dispatch: DispatchCarbon}, hours)
		l.carbon = ci
		if bat != nil {
			l.plan = carbonPlan(ci, bat)
		}
		charged, discharged = make([]float64, hours), make([]float64, hours)
		for k := range hours * 4 {
			v := loadStep(400)
			l.step(k, &v, 0)
			carbon += v[qCarbonKg]
			charged[k/4] += v[qBatteryChargeKW]
			discharged[k/4] += v[qBatteryDischargeKW]
		}
		return carbon, charged, discharged
	}
	plain, _, _ := run(nil)
	shifted, ch, dis := run(&b)
	if shifted >= plain {
		t.Errorf("carbon with carbon-aware dispatch %.1f kg, without %.1f kg", shifted, plain)
	}
	for h := range hours {
		if ch[h] > 0 && ci[h] > 300 {
			t.Errorf("hour %d: charging at %g g/kWh, above the daily mean", h, ci[h])
		}
		if dis[h] > 0 && ci[h] < 300 {
			t.Errorf("hour %d: discharging at %g g/kWh, below the daily mean", h, ci[h])
		}
	}
}

// The hourly CFE match by hand: a 510 kW load, 500 kW of contracted clean
// supply and a grid 20 % carbon-free give min(510, 500 + 0.2·10) = 502 kWh of
// 510 each hour; a supply above the load counts only up to the load.
func TestLedgerCFEByHand(t *testing.T) {
	for _, c := range []struct{ clean, want float64 }{{500, 100 * 502.0 / 510}, {800, 100}, {0, 20}} {
		l := testLedger(&Ledger{}, 3)
		for h := range l.clean {
			l.clean[h] = c.clean
		}
		for k := range 12 {
			v := loadStep(400)
			l.step(k, &v, 0)
		}
		var sm Summary
		l.finish(&sm, &accumulator{})
		if math.Abs(*sm.CFEPct-c.want) > 1e-9 {
			t.Errorf("clean %g kW: CFE %.6f %%, want %.6f %%", c.clean, *sm.CFEPct, c.want)
		}
	}
}

// A part-step outage: the generators carry the outage's share of the step,
// the grid the rest; PV beyond the load charges the battery without any grid
// draw; the row identity holds in both.
func TestLedgerPartialOutageAndSurplus(t *testing.T) {
	check := func(name string, v *stepValues) {
		t.Helper()
		id := v.facilityKW() - v[qPVKW] - v[qBatteryDischargeKW] + v[qBatteryChargeKW] - v[qGeneratorKW] - v[qUnservedKW]
		if math.Abs(id-v[qGridKW]) > 1e-9 {
			t.Fatalf("%s: grid %g kW, identity gives %g", name, v[qGridKW], id)
		}
	}
	g := power.DefaultGenerator(5000)
	l := testLedger(&Ledger{Generator: &g}, 1)
	v := loadStep(1000)
	facility := v.facilityKW()
	l.step(0, &v, 0.25)
	check("outage", &v)
	if math.Abs(v[qGeneratorKW]-0.25*facility) > 1e-9 || math.Abs(v[qGridKW]-0.75*facility) > 1e-9 || v[qUnservedKW] != 0 {
		t.Fatalf("quarter-step outage: generator %g, grid %g, unserved %g kW; want %g, %g, 0",
			v[qGeneratorKW], v[qGridKW], v[qUnservedKW], 0.25*facility, 0.75*facility)
	}

	b := power.Battery{EnergyKWh: 400, PowerKW: 100, RoundTrip: 0.9, MinSoC: 0.1, MaxSoC: 0.9, InitialSoC: 0.5}
	l = testLedger(&Ledger{Battery: &b}, 1)
	v = loadStep(100)
	l.pv[0] = 2 * v.facilityKW()
	l.step(0, &v, 0)
	check("surplus", &v)
	if v[qGridKW] != 0 || v[qBatteryChargeKW] <= 0 {
		t.Fatalf("PV surplus: grid %g kW, battery charge %g kW; want 0 and > 0", v[qGridKW], v[qBatteryChargeKW])
	}
}
