package it

import (
	"errors"
	"math"
	"testing"
)

func TestParseCurve(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Curve
		ok   bool
	}{
		{"linear", CurveLinear, true},
		{"concave", CurveConcave, true},
		{" Concave\t", CurveConcave, true},
		{"LINEAR", CurveLinear, true},
		{"cubic", 0, false},
		{"", 0, false},
		{"lin ear", 0, false},
	} {
		got, err := ParseCurve(c.in)
		if c.ok != (err == nil) || (c.ok && got != c.want) {
			t.Errorf("ParseCurve(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
		if !c.ok && !errors.Is(err, ErrUnknownCurve) {
			t.Errorf("ParseCurve(%q) error %v is not ErrUnknownCurve", c.in, err)
		}
	}
	for _, c := range []Curve{CurveLinear, CurveConcave} {
		if back, err := ParseCurve(c.String()); err != nil || back != c {
			t.Errorf("round trip of %v gave %v, %v", c, back, err)
		}
	}
	if s := Curve(7).String(); s != "Curve(7)" {
		t.Errorf("Curve(7).String() = %q", s)
	}
}

// TestConcaveShape checks the formula against values computed by hand from
// Fan, Weber and Barroso's P(u) = P_idle + (P_max − P_idle)(2u − u^1.4).
func TestConcaveShape(t *testing.T) {
	for _, c := range []struct{ u, want float64 }{
		{0, 0},
		{0.25, 0.5 - 0.14358729437462939}, // 0.25^1.4 = e^{1.4·ln 0.25}
		{0.5, 1 - 0.37892914162759955},
		{1, 1},
	} {
		within(t, "concave shape", CurveConcave.Shape(c.u), c.want, 1e-15, 0)
	}
	// Concave means above the linear curve in between.
	for u := 0.01; u < 1; u += 0.01 {
		if CurveConcave.Shape(u) <= u {
			t.Fatalf("concave shape(%g) = %g is not above linear", u, CurveConcave.Shape(u))
		}
	}
}

// TestShapeTable checks the kernel's table against the exact formulas on a
// dense grid: within 1e−4 everywhere, exact at 0 and 1, and exact for the
// linear curve.
func TestShapeTable(t *testing.T) {
	for _, c := range []Curve{CurveLinear, CurveConcave} {
		tab := shapeTables[c]
		var worst float64
		const n = 200_000
		for i := 0; i <= n; i++ {
			u := float64(i) / n
			worst = math.Max(worst, math.Abs(tab.eval(u)-c.Shape(u)))
		}
		if worst > 1e-4 {
			t.Errorf("%v table departs from the formula by %g, want ≤ 1e-4", c, worst)
		}
		if c == CurveLinear && worst != 0 {
			t.Errorf("linear table is not exact: %g", worst)
		}
		within(t, c.String()+" table at 0", tab.eval(0), 0, 1e-15, 0)
		within(t, c.String()+" table at 1", tab.eval(1), 1, 1e-15, 0)
		t.Logf("%v: largest table error %.2e", c, worst)
	}
}

func FuzzParseCurve(f *testing.F) {
	for _, s := range []string{"linear", "concave", " Concave ", "", "x", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCurve(s)
		if err != nil {
			if !errors.Is(err, ErrUnknownCurve) {
				t.Fatalf("error %v is not ErrUnknownCurve", err)
			}
			return
		}
		if !c.valid() {
			t.Fatalf("ParseCurve(%q) accepted invalid %d", s, c)
		}
		if back, err := ParseCurve(c.String()); err != nil || back != c {
			t.Fatalf("round trip of %q: %v, %v", s, back, err)
		}
	})
}
