package cooling

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// The capacity on ln s and its derivative agree with capacity() and with a
// central difference, with the air the smaller stream (low speed) and the
// water (high speed, little water).
func TestDryCoolerCapacityDerivative(t *testing.T) {
	d := testDryCooler()
	if err := d.init(); err != nil {
		t.Fatal(err)
	}
	cwDesign := d.UnitKW / d.RangeK
	for _, c := range []struct{ s, cwFrac float64 }{{0.3, 1}, {0.9, 1}, {0.5, 0.3}, {1, 0.5}, {0.21, 0.25}} {
		t.Run(fmt.Sprintf("s=%g,cw=%g", c.s, c.cwFrac), func(t *testing.T) {
			const n, dT, q = 4, 14.0, 1500.0
			cw := n * cwDesign * c.cwFrac
			lnK := d.lnK(n, cw)
			g, dg := d.capacityLnD(n, math.Log(c.s), cw, lnK, dT, q)
			want := d.capacity(n, c.s, cw, 20+dT, 20)
			near(t, "capacity", g+q, want, 1e-9*want)
			const h = 1e-5
			gp, _ := d.capacityLnD(n, math.Log(c.s)+h, cw, lnK, dT, q)
			gm, _ := d.capacityLnD(n, math.Log(c.s)-h, cw, lnK, dT, q)
			near(t, "d capacity/d ln s", dg, (gp-gm)/(2*h), 1e-6*math.Abs(dg))
			if !(dg > 0) {
				t.Errorf("capacity falls with speed: %g", dg)
			}
		})
	}
}

// Started from the last speed, the Newton solve finds what the bracketing
// solve finds (to its 1e-5), with the capacity at the speed equal to the
// heat to 1e-8, and the same answer at the bounds: full speed too little,
// minimum speed enough. Starts far from the answer do as well.
func TestDryCoolerSpeedFromWarmStart(t *testing.T) {
	d := testDryCooler()
	if err := d.init(); err != nil {
		t.Fatal(err)
	}
	cwDesign := d.UnitKW / d.RangeK
	rng := rand.New(rand.NewPCG(1, 2))
	var interior, full, minimum int
	warm := 0.0
	for i := range 3000 {
		n := 1 + rng.IntN(4)
		q := 4000 * rng.Float64()
		cw := float64(n) * cwDesign * (0.3 + 0.7*rng.Float64())
		tAir := 10 + 30*rng.Float64()
		twIn := tAir + 2 + 20*rng.Float64()
		if i%7 == 0 {
			warm = []float64{0.2, 1, 0.5, 0.99, 0.21}[i%5] // far starts and the bounds
		}
		want, wantOK := d.speedFor(n, q, cw, twIn, tAir)
		got, ok := d.speedFrom(n, q, cw, twIn, tAir, &warm)
		if ok != wantOK || math.Abs(got-want) > 1e-5 || warm != got {
			t.Fatalf("n %d, q %.1f, cw %.1f, water %.2f, air %.2f: speedFrom %.7f %v (warm %g), speedFor %.7f %v",
				n, q, cw, twIn, tAir, got, ok, warm, want, wantOK)
		}
		switch {
		case !ok:
			full++
		case got == d.MinSpeed:
			minimum++
		default:
			interior++
			near(t, "capacity at the speed − heat", d.capacity(n, got, cw, twIn, tAir)-q, 0, 1e-8*q)
		}
	}
	if interior < 300 || full < 300 || minimum < 300 {
		t.Errorf("cases: %d interior, %d full speed too little, %d minimum speed enough", interior, full, minimum)
	}
}
