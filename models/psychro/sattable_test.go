package psychro

import (
	"math"
	"testing"
)

func TestSatTableMatchesExact(t *testing.T) {
	tab := NewSatTable()
	for tc := -55.0; tc <= 90; tc += 0.37 {
		exact := SatVapPres(tc)
		if got := tab.SatVapPres(tc); math.Abs(got-exact) > 1e-5*exact {
			t.Fatalf("table SatVapPres(%g) = %g, exact %g", tc, got, exact)
		}
	}
	for _, p := range []float64{70000, 94000, 101325, 104000} {
		for tc := -40.0; tc <= 60; tc += 1.3 {
			h := SatAirEnthalpy(tc, p)
			gotT, gotW := tab.SatStateFromEnthalpy(h, p)
			if math.Abs(gotT-tc) > 2e-3 {
				t.Fatalf("SatStateFromEnthalpy(%g, %g): t = %g, want %g", h, p, gotT, tc)
			}
			if w := SatHumRatio(tc, p); math.Abs(gotW-w) > 1e-5*w+1e-8 {
				t.Fatalf("SatStateFromEnthalpy(%g, %g): w = %g, want %g", h, p, gotW, w)
			}
		}
	}
}

func BenchmarkSatStateFromEnthalpy(b *testing.B) {
	tab := NewSatTable()
	b.ReportAllocs()
	h := 90e3
	for i := 0; i < b.N; i++ {
		tc, _ := tab.SatStateFromEnthalpy(h+float64(i%100), 97000)
		if tc < -100 {
			b.Fatal(tc)
		}
	}
}
