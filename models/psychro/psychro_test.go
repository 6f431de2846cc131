package psychro

import (
	"math"
	"testing"
)

func within(t *testing.T, name string, got, want, absTol, relTol float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > math.Max(absTol, relTol*math.Abs(want)) {
		t.Errorf("%s = %.10g, want %.10g (abs tol %g, rel tol %g)", name, got, want, absTol, relTol)
	}
}

// The vectors are PsychroLib's SI test suite (tests/test_psychrolib_si.py),
// whose reference values come from ASHRAE Fundamentals 2017 ch. 1 tables 1–3
// and example 1. REFERENCE.md §1.4 lists them with their tolerances.

func TestSatVapPres(t *testing.T) {
	for _, c := range []struct{ t, want, abs, rel float64 }{
		{-60, 1.08, 0.01, 0},
		{-20, 103.24, 0, 3e-4},
		{-5, 401.74, 0, 3e-4},
		{5, 872.6, 0, 3e-4},
		{25, 3169.7, 0, 3e-4},
		{50, 12351.3, 0, 3e-4},
		{100, 101418.0, 0, 3e-4},
		{150, 476101.4, 0, 3e-4},
	} {
		within(t, "SatVapPres", SatVapPres(c.t), c.want, c.abs, c.rel)
	}
}

func TestSatHumRatio(t *testing.T) {
	for _, c := range []struct{ t, want, rel float64 }{
		{-50, 0.0000243, 0.01}, {-20, 0.0006373, 0.01}, {-5, 0.0024863, 0.005},
		{5, 0.005425, 0.005}, {25, 0.020173, 0.005}, {50, 0.086863, 0.01}, {85, 0.838105, 0.02},
	} {
		within(t, "SatHumRatio", SatHumRatio(c.t, 101325), c.want, 0, c.rel)
	}
}

func TestSatAirEnthalpy(t *testing.T) {
	for _, c := range []struct{ t, want, rel float64 }{
		{-50, -50222, 0.01}, {-20, -18542, 0.01}, {-5, 1164, 0.03}, {5, 18639, 0.01},
		{25, 76504, 0.01}, {50, 275353, 0.01}, {85, 2307539, 0.01},
	} {
		within(t, "SatAirEnthalpy", SatAirEnthalpy(c.t, 101325), c.want, 0, c.rel)
	}
}

func TestDewPointRoundTrip(t *testing.T) {
	for _, c := range []struct{ tdb, tdp float64 }{{15, -20}, {15, 5}, {60, 50}} {
		within(t, "TDewPointFromVapPres", TDewPointFromVapPres(c.tdb, VapPresFromTDewPoint(c.tdp)), c.tdp, 0.001, 0)
	}
}

func TestWetBulbFromRelHum(t *testing.T) {
	within(t, "TWetBulbFromRelHum(7, 0.61, 100000)", TWetBulbFromRelHum(7, 0.61, 100000), 3.92667433781955, 0, 0.001)
}

func TestHumRatioAndVapPres(t *testing.T) {
	w := HumRatioFromVapPres(3169.7, 95461)
	within(t, "HumRatioFromVapPres", w, 0.0213603998047487, 0, 1e-6)
	within(t, "VapPresFromHumRatio", VapPresFromHumRatio(w, 95461), 3169.7, 1e-4, 0)
	within(t, "VapPresFromRelHum", VapPresFromRelHum(25, 0.8), 2535.76, 0, 3e-4)
}

func TestWetBulbHumRatio(t *testing.T) {
	w := HumRatioFromTWetBulb(30, 25, 95461)
	within(t, "HumRatioFromTWetBulb(30, 25)", w, 0.0192281274241096, 0, 3e-4)
	within(t, "TWetBulbFromHumRatio(30)", TWetBulbFromHumRatio(30, w, 95461), 25, 0.001, 0)
	w = HumRatioFromTWetBulb(-1, -5, 95461)
	within(t, "HumRatioFromTWetBulb(-1, -5)", w, 0.00120399819933844, 0, 3e-4)
	within(t, "TWetBulbFromHumRatio(-1)", TWetBulbFromHumRatio(-1, w, 95461), -5, 0.001, 0)
}

func TestEnthalpyAndVolume(t *testing.T) {
	within(t, "DryAirEnthalpy(25)", DryAirEnthalpy(25), 25148, 0, 3e-4)
	within(t, "DryAirVolume(25, 101325)", DryAirVolume(25, 101325), 0.8443, 0, 0.001)
	within(t, "TDryBulbFromEnthalpyAndHumRatio", TDryBulbFromEnthalpyAndHumRatio(81316, 0.02), 30, 0.001, 0)
	within(t, "MoistAirEnthalpy(30, 0.02)", MoistAirEnthalpy(30, 0.02), 81316, 0, 3e-4)
	within(t, "MoistAirVolume", MoistAirVolume(30, 0.02, 95461), 0.940855374352943, 0, 3e-4)
	within(t, "MoistAirDensity", MoistAirDensity(30, 0.02, 95461), 1.08411986348219, 0, 3e-4)
}

func TestStandardAtmosphere(t *testing.T) {
	for _, c := range []struct{ z, p, t float64 }{
		{-500, 107478, 18.2}, {0, 101325, 15.0}, {500, 95461, 11.8},
		{1000, 89875, 8.5}, {4000, 61640, -11.0}, {10000, 26436, -50.0},
	} {
		within(t, "StandardAtmPressure", StandardAtmPressure(c.z), c.p, 1, 0)
		within(t, "StandardAtmTemperature", StandardAtmTemperature(c.z), c.t, 0.1, 0)
	}
	within(t, "SeaLevelPressure", SeaLevelPressure(101226.5, 105, 17.19), 102484.0, 1, 0)
	within(t, "SpecificHumFromHumRatio", SpecificHumFromHumRatio(0.006), 0.00596421471, 0, 0.01)
}

// ASHRAE Fundamentals 2017 ch. 1, example 1, and its reverse (REFERENCE.md §1.4 #44, #45).
func TestASHRAEExample1(t *testing.T) {
	s := FromTWetBulb(40, 20, 101325)
	within(t, "W", s.HumRatio, 0.0065, 1e-4, 0)
	within(t, "Tdp", s.DewPointC, 7, 0.5, 0)
	within(t, "RH", s.RelHum, 0.14, 0.01, 0)
	within(t, "h", s.EnthalpyJPerKg, 56700, 100, 0)
	within(t, "v", s.VolumeM3PerKg, 0.896, 0, 0.01)
	within(t, "Twb from dew point", FromTDewPoint(40, s.DewPointC, 101325).WetBulbC, 20, 0.1, 0)
	within(t, "Twb from RH", FromRelHum(40, s.RelHum, 101325).WetBulbC, 20, 0.1, 0)
}

// PsychroLib requires the wet-bulb solver to converge over the whole range.
func TestWetBulbConverges(t *testing.T) {
	for tdb := -100.0; tdb < 200; tdb++ {
		for rh := 0.0; rh < 0.95; rh += 0.1 {
			for p := 60000.0; p <= 110000; p += 10000 {
				twb := TWetBulbFromRelHum(tdb, rh, p)
				if math.IsNaN(twb) {
					// Saturated air above the boiling point at low pressure has no state.
					if SatVapPres(tdb)*rh < p {
						t.Fatalf("TWetBulbFromRelHum(%g, %g, %g) = NaN", tdb, rh, p)
					}
					continue
				}
				if twb > tdb+tolC {
					t.Fatalf("wet bulb %g above dry bulb %g", twb, tdb)
				}
			}
		}
	}
}

// Stull (2011) gives 13.7 °C for 20 °C and 50 % at sea level; the exact
// solution is 13.78 °C (REFERENCE.md §1.6).
func TestStullExample(t *testing.T) {
	within(t, "TWetBulbFromRelHum(20, 0.5)", TWetBulbFromRelHum(20, 0.5, 101325), 13.78, 0.01, 0)
}

func TestSatTempFromEnthalpy(t *testing.T) {
	for _, tc := range []float64{-30, -5, 0.5, 10, 25, 35, 60} {
		for _, p := range []float64{80000, 101325} {
			h := SatAirEnthalpy(tc, p)
			within(t, "SatTempFromEnthalpy", SatTempFromEnthalpy(h, p), tc, 0.001, 0)
		}
	}
}

func TestOutOfDomainIsNaN(t *testing.T) {
	for name, v := range map[string]float64{
		"SatVapPres(-150)":            SatVapPres(-150),
		"SatVapPres(250)":             SatVapPres(250),
		"VapPresFromRelHum(rh 1.2)":   VapPresFromRelHum(20, 1.2),
		"HumRatioFromTWetBulb(wb>db)": HumRatioFromTWetBulb(20, 25, 101325),
		"FromTDewPoint(dp>db)":        FromTDewPoint(20, 25, 101325).HumRatio,
	} {
		if !math.IsNaN(v) {
			t.Errorf("%s = %g, want NaN", name, v)
		}
	}
}
