package sites

import (
	"fmt"
	"strings"

	"github.com/dctwin/dctwin/sim"
)

// file records an input file the site reads, with its SHA-256. A file that
// cannot be read is left out: its reader reports it.
func (b *builder) file(role, path string) {
	sum, err := sim.HashFile(path)
	if err != nil {
		return
	}
	b.files = append(b.files, sim.InputFile{Role: role, Path: path, SHA256: sum})
}

// sourced gives the input just listed its source, or, without one, records
// what was typed as an unsourced input: a warning a reviewer sees first.
func (b *builder) sourced(source, key, what string) {
	if source != "" {
		b.site.Inputs[len(b.site.Inputs)-1].Source = source
		return
	}
	b.unsourced(key, what)
}

func (b *builder) unsourced(key, what string) {
	b.site.Unsourced = append(b.site.Unsourced, what)
	b.warn("unsourced input: %s is typed into the site file without a source (give %s); the report shows it as the user's figure, not cited data", what, key)
}

// gridFactors lists the values typed in [grid] besides the carbon
// intensity (carbon-free share, water factors, residual mix, guarantees of
// origin) as one input with grid.source.
func (b *builder) gridFactors() {
	g := b.spec.Grid
	l := &b.site.Ledger
	if g.ResidualMixGPerKWh != nil {
		x := *g.ResidualMixGPerKWh
		l.ResidualMixG = &x
	}
	l.GOFrac = or(g.GOFrac, 0)
	var typed []string
	for _, k := range []struct {
		name, unit string
		v          *float64
	}{
		{"cfe_frac", "", g.CFEFrac}, {"water_consumption_l_per_kwh", " L/kWh", g.WaterConsumptionLKWh},
		{"water_withdrawal_l_per_kwh", " L/kWh", g.WaterWithdrawalLKWh},
		{"residual_mix_g_per_kwh", " gCO2/kWh", g.ResidualMixGPerKWh}, {"go_frac", "", g.GOFrac},
	} {
		if k.v != nil && !(k.name == "go_frac" && *k.v == 0) { // 0 is the default
			typed = append(typed, fmt.Sprintf("%s %g%s", k.name, *k.v, k.unit))
		}
	}
	if len(typed) == 0 {
		return
	}
	b.input("grid factors", "%s", strings.Join(typed, ", "))
	b.sourced(or(g.Source, ""), "grid.source", "grid "+strings.Join(typed, ", "))
}

// waterFactors lists the water-stress factors and source split typed in
// the site file as one input with water.source.
func (b *builder) waterFactors() {
	s := b.spec
	var typed []string
	for _, k := range []struct {
		name string
		v    *float64
	}{
		{"water.stress_factor", s.Water.StressFactor}, {"grid.water_stress_factor", s.Grid.WaterStressFactor},
		{"water.potable_frac", s.Water.PotableFrac}, {"water.reclaimed_frac", s.Water.ReclaimedFrac},
	} {
		if k.v != nil {
			typed = append(typed, fmt.Sprintf("%s %g", k.name, *k.v))
		}
	}
	if len(typed) == 0 {
		return
	}
	b.input("water factors", "%s", strings.Join(typed, ", "))
	b.sourced(or(s.Water.Source, ""), "water.source", strings.Join(typed, ", "))
}
