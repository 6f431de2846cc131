package sites

import (
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/dctwin/dctwin/models/grid"
	"github.com/dctwin/dctwin/models/power"
	"github.com/dctwin/dctwin/models/series"
	"github.com/dctwin/dctwin/models/tariff"
	"github.com/dctwin/dctwin/sim"
)

// isMixFile reports whether the CSV file at path is a fuel-mix file, by its
// header.
func isMixFile(path string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false // the series reader reports it
	}
	header, _, _ := strings.Cut(string(data), "\n")
	return grid.IsMixHeader(strings.TrimRight(header, "\r"))
}

// factors returns the per-fuel factors with the site file's overrides, and
// whether any carbon factor was given.
func (b *builder) factors() (grid.Factors, bool) {
	f := grid.DefaultFactors()
	m := b.spec.Grid.Factors
	carbonGiven := false
	for i, name := range grid.FuelNames() {
		if v, ok := m[name+"_carbon_g_per_kwh"]; ok {
			f.CarbonGPerKWh[i], carbonGiven = v, true
		}
		if v, ok := m[name+"_consumption_l_per_mwh"]; ok {
			f.ConsumptionLPerMWh[i] = v
		}
		if v, ok := m[name+"_withdrawal_l_per_mwh"]; ok {
			f.WithdrawalLPerMWh[i] = v
		}
	}
	// Withdrawal has no built-in factors: a partial set would leave the
	// other fuels' withdrawal unknown, so it is all or none.
	var given, missing []string
	for _, name := range grid.FuelNames() {
		if _, ok := m[name+"_withdrawal_l_per_mwh"]; ok {
			given = append(given, name)
		} else {
			missing = append(missing, "grid.factors."+name+"_withdrawal_l_per_mwh")
		}
	}
	if len(given) > 0 && len(missing) > 0 {
		b.add("grid.factors."+given[0]+"_withdrawal_l_per_mwh", "withdrawal factors are all or none (there are no built-in ones): also give %s", strings.Join(missing, ", "))
	}
	return f, carbonGiven
}

// gridMix reads a fuel-mix file: carbon and water intensities by hour.
func (b *builder) gridMix(file, key string) {
	g := b.spec.Grid
	p := b.site.Period
	m, filled, err := grid.LoadMix(file, b.zone, int(or(g.MaxFillH, 24)), p.Start, p.Hours(), or(g.Wrap, false))
	if err != nil {
		b.add(key, "%v", err)
		return
	}
	f, carbonGiven := b.factors()
	how := "the file's own average (avg_CI)"
	switch {
	case m.FileCarbon == nil:
		how = "per-fuel factors"
	case carbonGiven:
		m.FileCarbon, how = nil, "per-fuel factors (given in grid.factors, in place of the file's own average)"
	}
	in, err := m.Intensity(f)
	if err != nil {
		b.add(key, "%v", err)
		return
	}
	c, err := grid.Hourly(in.CarbonG, fmt.Sprintf("fuel mix %s: carbon from %s", file, how))
	if err != nil {
		b.add(key, "%v", err)
		return
	}
	if len(filled) > 0 {
		b.warn("grid: %d missing hours of %s were filled by interpolation (first at line %d)", len(filled), file, filled[0])
	}
	b.site.Carbon = c
	b.site.Ledger.Intensity = in
	b.input("grid carbon", "%s", c.Source)
	wd := "not computed (no per-fuel withdrawal factors given)"
	if in.WithdrawalL != nil {
		wd = "from grid.factors"
	}
	b.input("grid water", "consumption from per-fuel factors; withdrawal %s", wd)
}

// ledger assembles the site's supply, storage, grid connection, clean supply,
// water sources and prices.
func (b *builder) ledger() {
	s := b.spec
	g := s.Grid
	l := &b.site.Ledger
	p := b.site.Period
	l.LimitKW = or(g.LimitKW, 0)
	l.FlexibleITFrac = or(g.FlexibleITFrac, 0)
	l.OffsiteConsumptionLPerKWh, l.OffsiteWithdrawalLPerKWh = math.NaN(), math.NaN()
	if l.Intensity != nil && b.o.GridFile == "" {
		for _, k := range []struct {
			key string
			v   *float64
		}{{"grid.water_consumption_l_per_kwh", g.WaterConsumptionLKWh}, {"grid.water_withdrawal_l_per_kwh", g.WaterWithdrawalLKWh}, {"grid.cfe_frac", g.CFEFrac}} {
			if k.v != nil {
				b.add(k.key, "not used with a fuel-mix file, whose fuels set it: remove it or give grid.factors")
			}
		}
	} else if l.Intensity == nil {
		if g.Factors != nil {
			b.add("grid.factors", "per-fuel factors need a fuel-mix file (grid.carbon_file or --grid)")
		}
		l.OffsiteConsumptionLPerKWh = or(g.WaterConsumptionLKWh, math.NaN())
		l.OffsiteWithdrawalLPerKWh = or(g.WaterWithdrawalLKWh, math.NaN())
		l.GridCFEFrac = or(g.CFEFrac, 0)
	}
	if g.WaterStressFactor != nil && s.Water.StressFactor == nil {
		b.add("grid.water_stress_factor", "needs water.stress_factor too: scarcity-weighted water weights the site's water and the plants'")
	}
	l.SiteStress = or(s.Water.StressFactor, 0)
	l.GridStress = or(g.WaterStressFactor, 0)
	b.gridFactors()
	b.waterFactors()
	l.ReclaimedFrac = or(s.Water.ReclaimedFrac, 0)
	l.PotableFrac = or(s.Water.PotableFrac, 1-l.ReclaimedFrac)
	if l.PotableFrac+l.ReclaimedFrac > 1+1e-9 {
		b.add("water.reclaimed_frac", "potable_frac %g + reclaimed_frac %g = %g: want at most 1", l.PotableFrac, l.ReclaimedFrac, l.PotableFrac+l.ReclaimedFrac)
	}

	if pv := s.PV; pv != nil {
		if pv.CapacityKW == nil {
			b.add("pv.capacity_kw", "missing: the array's DC nameplate")
		} else {
			a := power.DefaultPV(*pv.CapacityKW, b.site.Weather.Location)
			a.TiltDeg = or(pv.TiltDeg, a.TiltDeg)
			a.AzimuthDeg = or(pv.AzimuthDeg, a.AzimuthDeg)
			a.LossesFrac = or(pv.LossesPct, 14) / 100
			a.InverterEff = or(pv.InverterEff, a.InverterEff)
			a.DCACRatio = or(pv.DCACRatio, a.DCACRatio)
			a.Albedo = or(pv.Albedo, a.Albedo)
			if _, err := a.Hourly(b.site.Weather, p.Start, 1); err != nil {
				b.add("pv", "%v", err)
			}
			l.PV = &a
			b.input("pv", "%.0f kWdc, tilt %.0f°, azimuth %.0f°, losses %.0f %%, inverter %.3f, DC/AC %.2f (PVWatts v5 losses, temperature and inverter; isotropic sky, NOCT cell temperature)",
				a.CapacityKW, a.TiltDeg, a.AzimuthDeg, 100*a.LossesFrac, a.InverterEff, a.DCACRatio)
		}
	}
	if bs := s.Battery; bs != nil {
		if bs.EnergyKWh == nil || bs.PowerKW == nil {
			b.add("battery", "missing: energy_kwh and power_kw are required")
		} else {
			bt := power.Battery{EnergyKWh: *bs.EnergyKWh, PowerKW: *bs.PowerKW, RoundTrip: or(bs.RoundTripEff, 0.88),
				MinSoC: or(bs.MinSoCFrac, 0.1), MaxSoC: or(bs.MaxSoCFrac, 0.9)}
			bt.InitialSoC = or(bs.InitialSoCFrac, bt.MaxSoC)
			if err := bt.Validate(); err != nil {
				b.add("battery", "%v", err)
			}
			l.Battery = &bt
			l.PeakShaveKW = or(bs.PeakShaveKW, 0)
			if or(bs.Dispatch, "peak-shave") == "carbon" {
				l.Dispatch = sim.DispatchCarbon
			}
			if l.PeakShaveKW == 0 && l.LimitKW == 0 && l.Dispatch == sim.DispatchPeakShave {
				b.warn("battery: peak-shave dispatch without battery.peak_shave_kw or grid.limit_kw has no threshold; the battery only stores surplus PV")
			}
			b.input("battery", "%.0f kWh, %.0f kW, round trip %.2f, state of charge %.2f..%.2f, dispatch %s",
				bt.EnergyKWh, bt.PowerKW, bt.RoundTrip, bt.MinSoC, bt.MaxSoC, or(bs.Dispatch, "peak-shave"))
		}
	}
	if gs := s.Generator; gs != nil {
		if gs.CapacityKW == nil {
			b.add("generator.capacity_kw", "missing: the sets' total rating")
		} else {
			gen := power.DefaultGenerator(*gs.CapacityKW)
			l.Generator = &gen
			l.GeneratorTestH = or(gs.TestHPerMonth, 1)
			l.GeneratorTestLoad = or(gs.TestLoadFrac, 0.3)
			b.input("generator", "%.0f kW diesel, tests %.1f h a month at %.0f %%", gen.CapacityKW, l.GeneratorTestH, 100*l.GeneratorTestLoad)
		}
	}
	if cs := s.CleanSupply; cs != nil {
		switch {
		case count(cs.KW != nil, cs.File != nil) != 1:
			b.add("clean_supply", "give exactly one of kw and file")
		case cs.KW != nil:
			hours := p.Hours()
			l.CleanKW = make([]float64, hours)
			for h := range l.CleanKW {
				l.CleanKW[h] = *cs.KW
			}
			b.input("clean supply", "%.0f kW constant", *cs.KW)
		default:
			file := b.path(*cs.File)
			v, err := b.hourlyFile(file, series.ReadOptions{Location: b.zone, Min: 0, Max: 1e7, Unit: "kW"}, or(cs.Wrap, false))
			if err != nil {
				b.add("clean_supply.file", "%v", err)
			}
			l.CleanKW = v
			b.file("clean supply", file)
			b.input("clean supply", "hourly file %s", file)
		}
		l.CleanNotRenewable = !or(cs.Renewable, true)
		if l.CleanNotRenewable {
			b.site.Inputs[len(b.site.Inputs)-1].Value += ", not renewable (not counted in REF)"
		}
		b.sourced(or(cs.Source, ""), "clean_supply.source", "the clean-supply contract")
	}
	if ts := s.Tariff; ts != nil {
		t := &tariff.Tariff{Currency: or(ts.Currency, "USD"), EnergyPerKWh: or(ts.EnergyPerKWh, 0),
			DemandPerKWMonth: or(ts.DemandPerKWMonth, 0), WaterPerM3: or(ts.WaterPerM3, 0),
			SewerPerM3: or(ts.SewerPerM3, 0), FuelPerL: or(ts.FuelPerL, 0)}
		for i, pr := range ts.TOU {
			key := fmt.Sprintf("tariff.tou[%d]", i)
			if pr.StartH == nil || pr.EndH == nil || pr.PricePerKWh == nil {
				b.add(key, "missing: start_h, end_h and price_per_kwh are required")
				continue
			}
			days := map[string]tariff.Days{"all": tariff.AllDays, "weekdays": tariff.Weekdays, "weekends": tariff.Weekends}[or(pr.Days, "all")]
			if (pr.FirstMonth == nil) != (pr.LastMonth == nil) {
				b.add(key, "give both first_month and last_month, or neither")
				continue
			}
			t.TOU = append(t.TOU, tariff.Period{StartH: int(*pr.StartH), EndH: int(*pr.EndH), Days: days,
				FirstMonth: int(or(pr.FirstMonth, 0)), LastMonth: int(or(pr.LastMonth, 0)), PricePerKWh: *pr.PricePerKWh})
		}
		if ts.PriceFile != nil {
			file := b.path(*ts.PriceFile)
			b.file("tariff prices", file)
			v, err := b.hourlyFile(file, series.ReadOptions{Location: b.zone, Min: -10, Max: 100, Unit: "per kWh"}, or(ts.PriceWrap, false))
			if err != nil {
				b.add("tariff.price_file", "%v", err)
			}
			t.HourlyPerKWh = v
		}
		if err := t.Validate(); err != nil {
			b.add("tariff", "%v", err)
		}
		l.Tariff = t
		b.input("tariff", "%s: energy %g/kWh (%d time-of-use periods%s), demand %g/kW-month, water %g/m³, sewer %g/m³, fuel %g/L",
			t.Currency, t.EnergyPerKWh, len(t.TOU), map[bool]string{true: ", hourly price file", false: ""}[t.HourlyPerKWh != nil],
			t.DemandPerKWMonth, t.WaterPerM3, t.SewerPerM3, t.FuelPerL)
	}
	if l.LimitKW > 0 {
		b.input("grid connection", "limit %.0f kW, flexible IT share %.2f", l.LimitKW, l.FlexibleITFrac)
	}
}

// hourlyFile reads an hourly series and aligns it to the period.
func (b *builder) hourlyFile(file string, opt series.ReadOptions, wrap bool) ([]float64, error) {
	s, err := series.Load(file, opt)
	if err != nil {
		return nil, err
	}
	p := b.site.Period
	v, err := s.Hourly(p.Start, p.Hours(), wrap)
	if err != nil {
		return nil, err
	}
	if len(s.Filled) > 0 {
		b.warn("%s: %d missing hours were filled by interpolation (first at line %d)", file, len(s.Filled), s.Filled[0])
	}
	return v, nil
}
