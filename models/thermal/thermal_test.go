package thermal

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/dctwin/dctwin/models/cooling"
)

// hall is a 1 MW hall: 800 m³ of air, 40 racks of 600 kg of steel, 10 m³ of
// chilled water with 9 K of headroom.
func hall() Mass {
	return Mass{RoomVolumeM3: 800, AirRhoCp: 1.2, AirMultiplier: 1, ITMassKg: 40 * 600, ITSpecificHeat: 0.5,
		LoopM3: 10, HeadroomK: 9, MaxRiseK: 30}
}

// Uncoupled (pumps stopped), a constant deficit warms the air side at
// Q/C: the time to a rise is C·ΔT/Q, the hand calculation.
func TestAirWarmsAtQOverC(t *testing.T) {
	m, err := NewModel(hall())
	if err != nil {
		t.Fatal(err)
	}
	ca := 800*1.2 + 24000*0.5 // 12,960 kJ/K
	if math.Abs(m.AirKJPerK()-ca) > 1e-9 {
		t.Fatalf("air capacity %g kJ/K, want %g", m.AirKJPerK(), ca)
	}
	const q, limit = 1000.0, 8.0 // kW, K
	want := ca * limit / q       // 103.68 s
	m.Advance(q, 0, 600, false)
	if got := m.CrossingS(limit); math.Abs(got-want) > 1e-9 {
		t.Errorf("crossing at %.4f s, want %.4f s", got, want)
	}
	if got := m.SecondsAbove(limit); math.Abs(got-(600-want)) > 1e-9 {
		t.Errorf("%.4f s above, want %.4f s", got, 600-want)
	}
}

// Coupled, the water takes the heat first, then air and water warm
// together: the time to a rise ΔT is (Cw·H + (Ca + Cw)·ΔT)/Q.
func TestWaterAbsorbsFirst(t *testing.T) {
	m, _ := NewModel(hall())
	ca, cw := m.AirKJPerK(), 10*WaterRhoCp
	const q, limit = 1000.0, 8.0
	want := (cw*9 + (ca+cw)*limit) / q
	m.Reset()
	var at float64 = -1
	for i := range 10000 {
		m.Advance(q, 0, 10, true)
		if c := m.CrossingS(limit); c >= 0 {
			at = float64(i)*10 + c
			break
		}
		if m.AirRiseK() == 0 && m.WaterRiseK() > 9+1e-9 {
			t.Fatalf("water at +%.3f K past its headroom with the air at rest", m.WaterRiseK())
		}
	}
	if math.Abs(at-want) > 1e-6 {
		t.Errorf("crossing at %.3f s, want %.3f s", at, want)
	}
}

// Heat is conserved: stored = added − removed − not stored, over any
// sequence of segments, coupled or not.
func TestStoredHeatIsConserved(t *testing.T) {
	m, _ := NewModel(hall())
	var in, lost float64
	steps := []struct {
		air, water, dt float64
		coupled        bool
	}{{500, 100, 60, false}, {800, 0, 300, true}, {-300, 0, 120, true}, {2000, 50, 3600, false}, {0, 0, 60, true}, {-1000, 0, 600, true}}
	for _, s := range steps {
		before := m.StoredKJ()
		l := m.Advance(s.air, s.water, s.dt, s.coupled)
		lost += l
		added := (s.air + s.water) * s.dt
		if m.StoredKJ() == 0 && before+added < 0 {
			added = -before // removal is capped at what is stored
		}
		in += added
		if got := m.StoredKJ(); math.Abs(got-(in-lost)) > 1e-6*max(1, in) {
			t.Fatalf("after %+v: stored %.3f kJ, want %.3f kJ (lost %.3f)", s, got, in-lost, lost)
		}
	}
	if lost == 0 {
		t.Error("2 MW for an hour without coupling should pass the shutdown rise")
	}
}

func TestSchedule(t *testing.T) {
	min := time.Minute
	events := []Event{
		{Kind: ChillerTrip, Start: 10 * min, Duration: 30 * min, Units: 1},
		{Kind: UtilityOutage, Start: 100 * min, Duration: 20 * min, GeneratorStart: 15 * time.Second, ChillerRestart: 5 * min},
		{Kind: WaterInterruption, Start: 200 * min, Duration: 60 * min},
	}
	if err := ValidateEvents(events, 24*time.Hour, 3, 3); err != nil {
		t.Fatal(err)
	}
	s := NewSchedule(events, 3, 3)
	for _, tc := range []struct {
		at   time.Duration
		want State
	}{
		{0, State{}},
		{10 * min, State{Outage: outage(1, 0, false, false)}},
		{40 * min, State{}},
		{100*min + 10*time.Second, State{Outage: outage(0, 0, false, true), UtilityOut: true}},
		{100*min + 15*time.Second, State{Outage: outage(3, 0, false, false), UtilityOut: true}},
		{100*min + 5*min + 15*time.Second, State{UtilityOut: true}},
		{120 * min, State{}},
		{230 * min, State{Outage: outage(0, 0, true, false)}},
	} {
		if got, _ := s.At(tc.at); got != tc.want {
			t.Errorf("at %v: %+v, want %+v", tc.at, got, tc.want)
		}
	}
}

func TestValidateEvents(t *testing.T) {
	h := time.Hour
	err := ValidateEvents([]Event{
		{Kind: ChillerTrip, Start: 30 * h, Duration: h, Units: 1},              // outside a day
		{Kind: ChillerTrip, Start: h, Duration: 2 * h, Units: 4},               // more than installed
		{Kind: TowerOut, Start: h, Duration: 2 * h, Units: 1},                  //
		{Kind: CoolerTrip, Start: 2 * h, Duration: h, Units: 1},                // overlaps the tower-out
		{Kind: WaterInterruption, Start: 23 * h, Duration: 2 * h},              // runs past the end
		{Kind: UtilityOutage, Start: 5 * h, Duration: 0, GeneratorStart: 10e9}, // no duration
	}, 24*h, 3, 4)
	want := map[[2]any]bool{{0, "start"}: true, {1, "units"}: true, {3, "start"}: true, {4, "duration"}: true, {5, "duration"}: true}
	var got []*EventError
	for _, e := range unjoinAll(err) {
		var ee *EventError
		if !errors.As(e, &ee) {
			t.Fatalf("%v is not an EventError", e)
		}
		got = append(got, ee)
		if !want[[2]any{ee.Index, ee.Field}] {
			t.Errorf("unexpected %v", ee)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d: %v", len(got), len(want), err)
	}
}

func unjoinAll(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

func outage(chillers, rejection int, noWater, noPower bool) (o cooling.Outage) {
	o.ChillersOut, o.HeatRejectionOut, o.NoWater, o.NoPower = chillers, rejection, noWater, noPower
	return o
}

func TestClasses(t *testing.T) {
	for name, maxC := range map[string]float64{"A1": 32, "A2": 35, "A3": 40, "A4": 45} {
		c, ok := LookupClass(name)
		if !ok || c.AllowableMaxC != maxC || c.RecommendedMaxC != 27 || c.RecommendedMinC != 18 {
			t.Errorf("%s: %+v", name, c)
		}
	}
	if _, ok := LookupClass("B"); ok {
		t.Error("class B found")
	}
}

// Random failures: deterministic from the seed, never overlapping, and the
// long-run unavailability of a unit is MTTR/(MTBF + MTTR).
func TestRandomEvents(t *testing.T) {
	f := Failures{Kind: ChillerTrip, Units: 4, MTBF: 1000 * time.Hour, MTTR: 50 * time.Hour}
	period := 1_000_000 * time.Hour
	a, b := RandomEvents(f, period, 7), RandomEvents(f, period, 7)
	if len(a) == 0 || len(a) != len(b) || a[0] != b[0] || a[len(a)-1] != b[len(b)-1] {
		t.Fatal("the same seed gave different failures")
	}
	if c := RandomEvents(f, period, 8); c[0] == a[0] {
		t.Error("another seed gave the same first failure")
	}
	var down float64 // unit-hours
	for i, e := range a {
		if e.Units < 1 || e.Units > f.Units || e.Duration <= 0 || e.End() > period {
			t.Fatalf("event %d: %+v", i, e)
		}
		if i > 0 && e.Start < a[i-1].End() {
			t.Fatalf("event %d overlaps the one before", i)
		}
		down += float64(e.Units) * e.Duration.Hours()
	}
	want := 4 * period.Hours() * 50 / 1050
	if math.Abs(down-want) > 0.05*want {
		t.Errorf("%.0f unit-hours down, want about %.0f", down, want)
	}
	if err := ValidateEvents(a, period, 4, 4); err != nil {
		t.Errorf("random events do not validate: %.200v", err)
	}
}
