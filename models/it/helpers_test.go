package it

import (
	"context"
	"math"
	"testing"
	"time"
)

// within fails t unless got is within max(absTol, relTol·|want|) of want.
func within(t testing.TB, name string, got, want, absTol, relTol float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > math.Max(absTol, relTol*math.Abs(want)) {
		t.Errorf("%s = %.12g, want %.12g (abs tol %g, rel tol %g)", name, got, want, absTol, relTol)
	}
}

// testZone is a site's standard time, a fixed offset as the engine uses.
var testZone = time.FixedZone("UTC-5", -5*3600)

func testCalendar(step time.Duration) Calendar {
	return Calendar{Start: time.Date(2025, 1, 1, 0, 0, 0, 0, testZone), Step: step}
}

func mustConstant(t testing.TB, u float64) Workload {
	t.Helper()
	w, err := NewConstant(u)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// quietSpec is an air-cooled CPU group without random variation, so that
// its power follows the formulas exactly.
func quietSpec(t testing.TB, u float64) GroupSpec {
	return GroupSpec{
		Name: "cpu", Racks: 10, PeakKW: 12, IdleFrac: 0.4, Curve: CurveConcave,
		FanFrac: 0.1, FanMinSpeed: 0.3, FanRampC: 27, FanSpeedPerK: 0.05, FanMaxBoost: 1.5,
		Workload: mustConstant(t, u), InletSpreadK: 3,
	}
}

func mustFleet(t testing.TB, specs []GroupSpec, step time.Duration, seed uint64, block int) *Fleet {
	t.Helper()
	f, err := NewFleet(specs, step, seed, block)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(f.Close)
	return f
}

// simulate runs steps steps in Compute calls of at most chunk steps and
// returns the power of every step at supply air supplyC(k).
func simulate(t testing.TB, f *Fleet, steps, chunk int, supplyC func(k int) float64) []Power {
	t.Helper()
	out := make([]Power, 0, steps)
	for first := 0; first < steps; first += chunk {
		n := min(chunk, steps-first)
		if err := f.Compute(context.Background(), first, n); err != nil {
			t.Fatal(err)
		}
		for i := range n {
			out = append(out, f.Step(i, supplyC(first+i)))
		}
	}
	return out
}

func constantSupply(c float64) func(int) float64 { return func(int) float64 { return c } }

func meanSD(xs []float64) (mean, sd float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)-1))
}

// lag1 returns the lag-1 autocorrelation of xs.
func lag1(xs []float64) float64 {
	mean, sd := meanSD(xs)
	var c float64
	for i := 1; i < len(xs); i++ {
		c += (xs[i] - mean) * (xs[i-1] - mean)
	}
	return c / float64(len(xs)-1) / (sd * sd)
}
