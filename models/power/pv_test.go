package power

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/dctwin/dctwin/models/refdata"
	"github.com/dctwin/dctwin/models/weather"
)

// Solar noon at the equinox on the equator: the sun is overhead within the
// declination (≈ 0) and the equation of time.
func TestSunPosition(t *testing.T) {
	p := PV{LatitudeDeg: 0, LongitudeDeg: 0, TimeZoneH: 0}
	// Mar 20 (doy 79), 12:07 clock (EoT ≈ −7.5 min).
	cosZ, _ := p.SunCosZenith(79, 12+7.5/60)
	if z := math.Acos(cosZ) * 180 / math.Pi; z > 1.5 {
		t.Errorf("equinox noon zenith %.2f°, want < 1.5°", z)
	}
	// Phoenix (33.43 N) at the June solstice noon: zenith = lat − 23.44 ≈ 10°.
	p = PV{LatitudeDeg: 33.43, LongitudeDeg: -112.0, TimeZoneH: -7}
	best := 90.0
	for m := 0; m < 120; m++ {
		cosZ, _ := p.SunCosZenith(172, 11+float64(m)/60)
		best = math.Min(best, math.Acos(cosZ)*180/math.Pi)
	}
	if math.Abs(best-(33.43-23.44)) > 0.3 {
		t.Errorf("Phoenix solstice noon zenith %.2f°, want %.2f°", best, 33.43-23.44)
	}
	// Morning sun stands in the east (azimuth < 180°), afternoon in the west.
	if _, a := p.SunCosZenith(172, 9); a*180/math.Pi > 180 {
		t.Errorf("morning azimuth %.0f°", a*180/math.Pi)
	}
	if _, a := p.SunCosZenith(172, 16); a*180/math.Pi < 180 {
		t.Errorf("afternoon azimuth %.0f°", a*180/math.Pi)
	}
}

func TestPVSyntheticClimateIsAnError(t *testing.T) {
	c, _ := weather.LookupClimate("phoenix")
	y, err := c.Generate(1)
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultPV(1000, y.Location)
	if _, err := p.Hourly(y, time.Date(2025, 1, 1, 0, 0, 0, 0, y.Location.StandardTime()), 24); !errors.Is(err, ErrNoIrradiance) {
		t.Errorf("PV on a synthetic climate: err = %v, want ErrNoIrradiance", err)
	}
}

// A horizontal array's annual output against a hand calculation from the EPW
// irradiance: E = ΣGHI/1000 · P_dc0 · (1 − 0.14) · 0.96 · (1 + γ(T̄_cell −
// 25)), with T̄_cell the irradiance-weighted NOCT cell temperature. The model
// differs by splitting GHI into DNI·cos z + DHI hour by hour and by the
// inverter's part-load curve; they agree within 3 %. A south-facing array
// tilted at the latitude collects more than the horizontal one in Phoenix.
func TestPVAnnualAgainstHandCalculation(t *testing.T) {
	y, err := weather.LoadEPW(refdata.Path(t, "weather/USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw"))
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultPV(1000, y.Location)
	p.TiltDeg, p.DCACRatio = 0, 1
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, y.Location.StandardTime())
	ac, err := p.Hourly(y, start, 8760)
	if err != nil {
		t.Fatal(err)
	}
	var model, sumG, sumGT float64
	for h, kw := range ac {
		model += kw
		c := y.Hours[h]
		sumG += c.GlobalHorizWm2
		sumGT += c.GlobalHorizWm2 * (c.DryBulbC + c.GlobalHorizWm2/800*25)
	}
	cell := sumGT / sumG
	hand := sumG / 1000 * 1000 * 0.86 * 0.96 * (1 - 0.0047*(cell-25))
	t.Logf("horizontal 1 MWdc in Phoenix: model %.0f MWh, hand %.0f MWh (GHI %.0f kWh/m², mean cell %.1f °C), %+.1f %%",
		model/1000, hand/1000, sumG/1000, cell, 100*(model-hand)/hand)
	if math.Abs(model-hand) > 0.03*hand {
		t.Errorf("model %.0f kWh vs hand %.0f kWh", model, hand)
	}
	p.TiltDeg = 33
	tilted, _ := p.Hourly(y, start, 8760)
	var sumT float64
	for _, kw := range tilted {
		sumT += kw
	}
	if !(sumT > 1.05*model && sumT < 1.3*model) {
		t.Errorf("latitude tilt %.0f kWh vs horizontal %.0f kWh: want 5–30 %% more", sumT, model)
	}
}

func TestBatteryLimitsAndConservation(t *testing.T) {
	b := Battery{EnergyKWh: 1000, PowerKW: 400, RoundTrip: 0.88, MinSoC: 0.1, MaxSoC: 0.9, InitialSoC: 0.5}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	s := b.Start()
	r := rand.New(rand.NewPCG(1, 2))
	var in, out, loss float64
	start := s.StoredKWh
	const h = 0.25
	for range 100000 {
		kw := r.Float64() * 800
		if r.IntN(2) == 0 {
			d, l := b.Charge(&s, kw, h)
			if d > b.PowerKW+1e-9 {
				t.Fatalf("charge %g kW above the power limit", d)
			}
			in += d * h
			loss += l * h
		} else {
			d, l := b.Discharge(&s, kw, h)
			if d > b.PowerKW+1e-9 {
				t.Fatalf("discharge %g kW above the power limit", d)
			}
			out += d * h
			loss += l * h
		}
		if s.StoredKWh < b.MinSoC*b.EnergyKWh-1e-9 || s.StoredKWh > b.MaxSoC*b.EnergyKWh+1e-9 {
			t.Fatalf("stored %g kWh outside the limits", s.StoredKWh)
		}
	}
	if gap := in - out - loss - (s.StoredKWh - start); math.Abs(gap) > 1e-6*in {
		t.Errorf("energy in %g = out %g + loss %g + Δstored %g fails by %g kWh", in, out, loss, s.StoredKWh-start, gap)
	}
	if eff := out / in; eff > 0.88+1e-3 {
		t.Errorf("delivered/charged %.3f beats the round trip", eff)
	}
}

func TestGeneratorFuel(t *testing.T) {
	g := DefaultGenerator(2000)
	// HOMER's curve at full load: 0.08145 + 0.246 = 0.327 L/kWh, a typical
	// full-load figure for large diesel sets (≈ 3 kWh/L).
	if got := g.FuelLPerH(2000) / 2000; math.Abs(got-0.32745) > 1e-9 {
		t.Errorf("full-load fuel %g L/kWh", got)
	}
	if g.FuelLPerH(0) != 0 || g.FuelLPerH(500)/500 <= g.FuelLPerH(2000)/2000 {
		t.Error("part-load fuel per kWh should exceed full-load; off burns nothing")
	}
	if math.Abs(g.CO2KgPerL-2.697) > 0.001 {
		t.Errorf("CO2 %g kg/L", g.CO2KgPerL)
	}
}
