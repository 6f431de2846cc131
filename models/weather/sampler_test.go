package weather

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// rampYear returns a year whose hour i has dry bulb i (and other fields
// derived from it), so that interpolated values reveal which points they
// came from.
func rampYear(leapDay bool) *Year {
	y := &Year{Hours: make([]Conditions, HoursPerYear)}
	for i := range y.Hours {
		y.Hours[i] = Conditions{DryBulbC: float64(i), PressurePa: 100000 + float64(i), WindSpeedMS: float64(i % 24)}
	}
	if leapDay {
		y.LeapDay = make([]Conditions, 24)
		for h := range y.LeapDay {
			y.LeapDay[h] = Conditions{DryBulbC: -1000 - float64(h)}
		}
	}
	return y
}

// est is the site's standard time in the tests: UTC−5.
var est = time.FixedZone("UTC-05:00", -5*3600)

func TestSamplerHourlyIsMeanOfNeighbours(t *testing.T) {
	y := rampYear(false)
	s, err := y.NewSampler(time.Date(2023, 1, 1, 0, 0, 0, 0, est), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	// The step 00:00–01:00 Jan 1 has its midpoint between Dec 31 24:00
	// (Hours[8759]) and Jan 1 01:00 (Hours[0]).
	within(t, "first step", s.Next().DryBulbC, (8759+0)/2.0, 1e-9)
	for i := 0; i < HoursPerYear-1; i++ {
		got := s.Next()
		within(t, fmt.Sprintf("step %d", i+1), got.DryBulbC, float64(2*i+1)/2, 1e-9)
		within(t, "pressure", got.PressurePa, 100000+float64(2*i+1)/2, 1e-9)
	}
	// The next year starts again on the ring.
	within(t, "Jan 1 2024 00:30", s.Next().DryBulbC, 8759/2.0, 1e-9)
}

func TestSamplerMinuteSteps(t *testing.T) {
	y := rampYear(false)
	// Start at 10:00 on Jan 2: between the points of 10:00 (Hours[24+9]) and
	// 11:00 (Hours[24+10]), the 1-minute steps' midpoints fall at m + 0.5 min.
	s, err := y.NewSampler(time.Date(2023, 1, 2, 10, 0, 0, 0, est), time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	for m := 0; m < 24*60; m++ {
		want := float64(24+9) + (float64(m)+0.5)/60
		within(t, fmt.Sprintf("minute %d", m), s.Next().DryBulbC, want, 1e-9)
	}
}

func TestSamplerOddStart(t *testing.T) {
	y := rampYear(false)
	// 15-minute steps from 10:07:30: midpoints at 10:15, 10:30, 10:45, 11:00, 11:15.
	s, err := y.NewSampler(time.Date(2023, 1, 1, 10, 7, 30, 0, est), 15*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []float64{9.25, 9.5, 9.75, 10, 10.25} {
		within(t, "step", s.Next().DryBulbC, want, 1e-9)
	}
	// The wall clock of the start's zone counts: 15:00 UTC is 10:00 at UTC−5.
	s, _ = y.NewSampler(time.Date(2023, 1, 1, 15, 0, 0, 0, time.UTC).In(est), time.Hour)
	within(t, "10:30 local", s.Next().DryBulbC, 9.5, 1e-9)
}

func TestSamplerNewYear(t *testing.T) {
	y := rampYear(false)
	s, err := y.NewSampler(time.Date(2023, 12, 31, 23, 0, 0, 0, est), 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	// Dec 31 23:15 and 23:45, between 23:00 (Hours[8758]) and 24:00
	// (Hours[8759]); then Jan 1 00:15 and 00:45, between Hours[8759] and Hours[0].
	for _, want := range []float64{8758.25, 8758.75, 0.75*8759 + 0.25*0, 0.25*8759 + 0.75*0, 0.25, 0.75} {
		within(t, "step", s.Next().DryBulbC, want, 1e-9)
	}
}

func TestSamplerLeapYear(t *testing.T) {
	for _, c := range []struct {
		name    string
		leapDay bool
		feb29   func(h int) float64 // dry bulb of the point at the end of Feb 29 hour h+1
	}{
		{"with leap day", true, func(h int) float64 { return -1000 - float64(h) }},
		{"Feb 28 repeated", false, func(h int) float64 { return float64(feb29Hour - 24 + h) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			y := rampYear(c.leapDay)
			s, err := y.NewSampler(time.Date(2024, 2, 28, 0, 0, 0, 0, est), time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			point := func(k int) float64 { // k-th point from Feb 28 00:00
				switch {
				case k <= 24:
					return float64(feb29Hour - 25 + k) // Feb 28, from Feb 27 24:00
				case k <= 48:
					return c.feb29(k - 25)
				default:
					return float64(feb29Hour + k - 49) // Mar 1 onward
				}
			}
			for k := 0; k < 72; k++ {
				within(t, fmt.Sprintf("step %d from Feb 28", k), s.Next().DryBulbC, (point(k)+point(k+1))/2, 1e-9)
			}
			// A leap year has 8784 steps of an hour; the year after restarts
			// on the ring.
			s, _ = y.NewSampler(time.Date(2024, 1, 1, 0, 0, 0, 0, est), time.Hour)
			for i := 0; i < 8784; i++ {
				s.Next()
			}
			within(t, "Jan 1 2025 00:30", s.Next().DryBulbC, 8759/2.0, 1e-9)
		})
	}
}

func TestSamplerSeveralYears(t *testing.T) {
	y := rampYear(false)
	s, _ := y.NewSampler(time.Date(2023, 6, 1, 0, 0, 0, 0, est), 20*time.Minute)
	// Three years and a leap day later, the same calendar minute gives the
	// same value.
	first := s.Next()
	steps := (365*3 + 1) * 24 * 3
	for i := 1; i < steps; i++ {
		s.Next()
	}
	if got := s.Next(); got != first {
		t.Errorf("after 3 years: %+v, want %+v", got, first)
	}
}

func TestNewSamplerRejects(t *testing.T) {
	y := rampYear(false)
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, est)
	for _, step := range []time.Duration{0, 30 * time.Second, 7 * time.Minute, 61 * time.Minute, 2 * time.Hour, -time.Minute} {
		if _, err := y.NewSampler(start, step); !errors.Is(err, ErrStep) {
			t.Errorf("step %v: error %v", step, err)
		}
	}
	for _, step := range []time.Duration{time.Minute, 90 * time.Second, 5 * time.Minute, 15 * time.Minute, time.Hour} {
		if _, err := y.NewSampler(start, step); err != nil {
			t.Errorf("step %v: %v", step, err)
		}
	}
	bad := &Year{Hours: make([]Conditions, 100)}
	if _, err := bad.NewSampler(start, time.Hour); !errors.Is(err, ErrStep) {
		t.Errorf("short year: %v", err)
	}
	bad = &Year{Hours: make([]Conditions, HoursPerYear), LeapDay: make([]Conditions, 3)}
	if _, err := bad.NewSampler(start, time.Hour); !errors.Is(err, ErrStep) {
		t.Errorf("bad leap day: %v", err)
	}
}

func TestSamplerNextDoesNotAllocate(t *testing.T) {
	s, _ := rampYear(true).NewSampler(time.Date(2024, 1, 1, 0, 0, 0, 0, est), time.Minute)
	if n := testing.AllocsPerRun(100000, func() { s.Next() }); n != 0 {
		t.Errorf("Next allocates %v times per call", n)
	}
}

func BenchmarkSamplerNext(b *testing.B) {
	c, _ := LookupClimate("phoenix")
	y, _ := c.Generate(1)
	s, _ := y.NewSampler(time.Date(2024, 1, 1, 0, 0, 0, 0, y.Location.StandardTime()), time.Minute)
	b.ReportAllocs()
	var sum float64
	for b.Loop() {
		sum += s.Next().WetBulbC
	}
	_ = sum
}
