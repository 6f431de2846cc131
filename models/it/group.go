package it

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// GroupSpec describes a group of identical racks that share a workload.
type GroupSpec struct {
	Name         string
	Racks        int
	PeakKW       float64       // electric power of one rack at full utilisation with fans at design speed, kW
	IdleFrac     float64       // idle compute power / peak compute power, 0..1
	Curve        Curve         // shape of compute power between idle and peak
	FanFrac      float64       // share of PeakKW drawn by server fans at design speed, 0..0.5
	FanMinSpeed  float64       // fan speed at idle as a fraction of design speed, 0..1
	FanRampC     float64       // rack inlet temperature above which fans speed up, °C
	FanSpeedPerK float64       // fractional fan-speed increase per K above FanRampC, 1/K
	FanMaxBoost  float64       // cap on the temperature speed-up factor m, ≥ 1
	LiquidFrac   float64       // share of the non-fan heat captured by liquid, 0..1
	Workload     Workload      // mean utilisation of the group at each step
	RackBiasSD   float64       // SD of each rack's static utilisation offset
	NoiseSD      float64       // stationary SD of each rack's fluctuating utilisation
	NoiseTau     time.Duration // correlation time of that fluctuation; 0 = white noise
	InletSpreadK float64       // rack inlets run 0..InletSpreadK above the supply air, K
}

// MaxRacksPerGroup bounds GroupSpec.Racks.
const MaxRacksPerGroup = 1_000_000

// FieldError reports a parameter outside its allowed range. Field is the
// parameter's name as written in a site file (snake_case), so that callers
// can point at the line that sets it.
type FieldError struct {
	Field string // e.g. "idle_frac"
	Value string // the offending value as text
	Want  string // the allowed range or form, e.g. "0..1"
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("%s: %s is not allowed; want %s", e.Field, e.Value, e.Want)
}

// checker collects FieldErrors so that a validation reports every problem at
// once.
type checker struct{ errs []error }

func (c *checker) fail(field, value, want string) {
	c.errs = append(c.errs, &FieldError{Field: field, Value: value, Want: want})
}

// float requires lo ≤ v ≤ hi; NaN always fails.
func (c *checker) float(field string, v, lo, hi float64) {
	if !(v >= lo && v <= hi) {
		c.fail(field, formatFloat(v), formatFloat(lo)+".."+formatFloat(hi))
	}
}

func (c *checker) int(field string, v, lo, hi int) {
	if v < lo || v > hi {
		c.fail(field, strconv.Itoa(v), strconv.Itoa(lo)+".."+strconv.Itoa(hi))
	}
}

func (c *checker) duration(field string, v, lo, hi time.Duration) {
	if v < lo || v > hi {
		c.fail(field, v.String(), lo.String()+".."+hi.String())
	}
}

func (c *checker) err() error { return errors.Join(c.errs...) }

// formatFloat prints v to 10 significant digits, hiding binary rounding (0.05, not 0.050000000000000044).
func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', 10, 64) }

// Validate reports every parameter outside its range, each as a *FieldError
// (joined with errors.Join), or nil.
func (g GroupSpec) Validate() error {
	var c checker
	c.int("racks", g.Racks, 1, MaxRacksPerGroup)
	if !(g.PeakKW > 0 && g.PeakKW <= 1000) {
		c.fail("peak_kw", formatFloat(g.PeakKW), "more than 0, at most 1000")
	}
	c.float("idle_frac", g.IdleFrac, 0, 1)
	if !g.Curve.valid() {
		c.fail("curve", g.Curve.String(), `"linear" or "concave"`)
	}
	c.float("fan_frac", g.FanFrac, 0, 0.5)
	c.float("fan_min_speed", g.FanMinSpeed, 0, 1)
	c.float("fan_ramp_c", g.FanRampC, -50, 100)
	c.float("fan_speed_per_k", g.FanSpeedPerK, 0, 1)
	c.float("fan_max_boost", g.FanMaxBoost, 1, 3)
	c.float("liquid_frac", g.LiquidFrac, 0, 1)
	if g.Workload == nil {
		c.fail("workload", "none", "a workload")
	}
	c.float("rack_bias_sd", g.RackBiasSD, 0, 1)
	c.float("noise_sd", g.NoiseSD, 0, 1)
	c.duration("noise_tau", g.NoiseTau, 0, 366*24*time.Hour)
	c.float("inlet_spread_k", g.InletSpreadK, 0, 30)
	return c.err()
}

// inletClasses is the number of rack positions with distinct recirculation:
// rack r runs r mod inletClasses steps of InletSpreadK/(inletClasses − 1)
// above the supply air.
const inletClasses = 4

// fanSpeedFactor is m(T) of the model: the fan speed-up at inlet temperature
// inletC relative to the speed set by load, capped at maxBoost. It is our
// linear-ramp form of the inlet-temperature dependence of the air-flow curve
// of EnergyPlus ElectricEquipment:ITE:AirCooled (REFERENCE.md §4.1), whose
// example file raises flow by 0.1 of design per K of inlet temperature.
func fanSpeedFactor(inletC, rampC, perK, maxBoost float64) float64 {
	// Branches rather than min and max: Step calls this for every group and
	// class, and successive steps take the same branches.
	m := 1.0
	if inletC > rampC {
		m = 1 + perK*(inletC-rampC)
		if m > maxBoost {
			m = maxBoost
		}
	}
	return m
}

// fanSpeed is s(u): server fans follow load between FanMinSpeed at idle and
// design speed at full utilisation.
func (g GroupSpec) fanSpeed(u float64) float64 {
	return g.FanMinSpeed + (1-g.FanMinSpeed)*u
}

// RackKW returns the electric power of one rack at utilisation u (0..1) and
// inlet temperature inletC, from the exact formulas of the model: compute
// power on the group's curve plus fan power by the affinity law (power ∝
// speed³). It is the reference the fleet's tabulated kernel is tested
// against, and lets callers size a rack.
func (g GroupSpec) RackKW(u, inletC float64) (computeKW, fanKW float64) {
	computeKW = g.PeakKW * (1 - g.FanFrac) * (g.IdleFrac + (1-g.IdleFrac)*g.Curve.Shape(u))
	s := g.fanSpeed(u) * fanSpeedFactor(inletC, g.FanRampC, g.FanSpeedPerK, g.FanMaxBoost)
	fanKW = g.PeakKW * g.FanFrac * s * s * s
	return computeKW, fanKW
}
