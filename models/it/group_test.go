package it

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func TestGroupSpecValidate(t *testing.T) {
	if err := quietSpec(t, 0.5).Validate(); err != nil {
		t.Fatalf("valid spec: %v", err)
	}
	for _, c := range []struct {
		field  string
		mutate func(*GroupSpec)
		msg    string // exact message, when given
	}{
		{"racks", func(g *GroupSpec) { g.Racks = 0 }, "racks: 0 is not allowed; want 1..1000000"},
		{"racks", func(g *GroupSpec) { g.Racks = 2_000_000 }, ""},
		{"peak_kw", func(g *GroupSpec) { g.PeakKW = 0 }, "peak_kw: 0 is not allowed; want more than 0, at most 1000"},
		{"peak_kw", func(g *GroupSpec) { g.PeakKW = math.NaN() }, ""},
		{"idle_frac", func(g *GroupSpec) { g.IdleFrac = 1.5 }, "idle_frac: 1.5 is not allowed; want 0..1"},
		{"curve", func(g *GroupSpec) { g.Curve = 5 }, ""},
		{"fan_frac", func(g *GroupSpec) { g.FanFrac = 0.6 }, "fan_frac: 0.6 is not allowed; want 0..0.5"},
		{"fan_min_speed", func(g *GroupSpec) { g.FanMinSpeed = -0.1 }, ""},
		{"fan_ramp_c", func(g *GroupSpec) { g.FanRampC = math.Inf(1) }, ""},
		{"fan_speed_per_k", func(g *GroupSpec) { g.FanSpeedPerK = -1 }, ""},
		{"fan_max_boost", func(g *GroupSpec) { g.FanMaxBoost = 0.9 }, "fan_max_boost: 0.9 is not allowed; want 1..3"},
		{"liquid_frac", func(g *GroupSpec) { g.LiquidFrac = 2 }, ""},
		{"workload", func(g *GroupSpec) { g.Workload = nil }, ""},
		{"rack_bias_sd", func(g *GroupSpec) { g.RackBiasSD = -0.1 }, ""},
		{"noise_sd", func(g *GroupSpec) { g.NoiseSD = math.NaN() }, ""},
		{"noise_tau", func(g *GroupSpec) { g.NoiseTau = -time.Second }, "noise_tau: -1s is not allowed; want 0s..8784h0m0s"},
		{"inlet_spread_k", func(g *GroupSpec) { g.InletSpreadK = 50 }, ""},
	} {
		g := quietSpec(t, 0.5)
		c.mutate(&g)
		err := g.Validate()
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%s: got %v, want a FieldError for %s", c.field, err, c.field)
			continue
		}
		if c.msg != "" && err.Error() != c.msg {
			t.Errorf("%s: message %q, want %q", c.field, err.Error(), c.msg)
		}
	}
}

func TestGroupSpecValidateReportsAll(t *testing.T) {
	g := quietSpec(t, 0.5)
	g.Racks, g.IdleFrac, g.LiquidFrac = -1, 2, 3
	err := g.Validate()
	for _, field := range []string{"racks:", "idle_frac:", "liquid_frac:"} {
		if err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("error %v does not report %s", err, field)
		}
	}
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 3 {
		t.Errorf("%d errors joined, want 3", n)
	}
}

// TestRackKW checks the rack model at its defining points.
func TestRackKW(t *testing.T) {
	g := quietSpec(t, 0)
	// Full load with inlet at the ramp: exactly the peak.
	c, f := g.RackKW(1, g.FanRampC)
	within(t, "peak", c+f, g.PeakKW, 0, 1e-15)
	within(t, "fan share at peak", f/(c+f), g.FanFrac, 0, 1e-15)
	// Idle: idle compute and fans at minimum speed (affinity law).
	c, f = g.RackKW(0, 20)
	within(t, "idle compute", c, g.IdleFrac*(1-g.FanFrac)*g.PeakKW, 0, 1e-15)
	within(t, "idle fan", f, g.FanFrac*g.PeakKW*math.Pow(g.FanMinSpeed, 3), 0, 1e-15)
	// 4 K above the ramp: speed ×1.2, fan power ×1.2³; compute unchanged.
	c2, f2 := g.RackKW(0.5, g.FanRampC+4)
	c1, f1 := g.RackKW(0.5, g.FanRampC)
	within(t, "compute vs inlet", c2, c1, 0, 1e-15)
	within(t, "fan at +4 K", f2, f1*1.2*1.2*1.2, 0, 1e-14)
	// Far above: capped at FanMaxBoost.
	_, f3 := g.RackKW(0.5, g.FanRampC+40)
	within(t, "fan capped", f3, f1*math.Pow(g.FanMaxBoost, 3), 0, 1e-14)
}
