package sites

import (
	"fmt"
	"math"
	"time"

	"github.com/dctwin/dctwin/models/cooling"
	"github.com/dctwin/dctwin/models/grid"
	"github.com/dctwin/dctwin/models/it"
	"github.com/dctwin/dctwin/models/power"
	"github.com/dctwin/dctwin/models/psychro"
	"github.com/dctwin/dctwin/models/series"
	"github.com/dctwin/dctwin/models/water"
	"github.com/dctwin/dctwin/sim"
)

// period settles the simulated calendar.
func (b *builder) period() bool {
	p := b.spec.Period
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, b.zone)
	switch v := p.Start.(type) {
	case time.Time:
		if name := v.Location().String(); name == "date-local" || name == "datetime-local" || name == "time-local" {
			start = time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, b.zone)
		} else {
			start = v.In(b.zone)
		}
	case string:
		t, err := parseDate(v, b.zone)
		if err != nil {
			b.add("period.start", "%v: want 2025-01-01 or 2025-01-01T00:00", err)
			return false
		}
		start = t.In(b.zone)
	}
	days := int(or(p.Days, 365))
	step := orDuration(p.Step, 15*time.Minute)
	report := orDuration(p.ReportInterval, time.Hour)
	stepKey, reportKey := "period.step", "period.report_interval"
	if b.o.Start != "" {
		t, err := parseDate(b.o.Start, b.zone)
		if err != nil {
			b.add("--start", "%q: want a date such as 2025-01-01", b.o.Start)
			return false
		}
		start = t
	}
	if b.o.Days != 0 {
		days = b.o.Days
	}
	if b.o.Step != "" {
		d, err := time.ParseDuration(b.o.Step)
		if err != nil {
			b.add("--step", "%q is not a duration: want e.g. 15m or 1h", b.o.Step)
			return false
		}
		step, stepKey = d, "--step"
	}
	if b.o.ReportInterval != "" {
		d, err := time.ParseDuration(b.o.ReportInterval)
		if err != nil {
			b.add("--report-interval", "%q is not a duration: want e.g. 1h", b.o.ReportInterval)
			return false
		}
		report, reportKey = d, "--report-interval"
	}
	if step < time.Minute || step > time.Hour || time.Hour%step != 0 {
		b.add(stepKey, "%v: want 1m to 1h, dividing an hour (1m, 5m, 15m, 30m, 1h, ...)", step)
		return false
	}
	if p.ReportInterval == nil && b.o.ReportInterval == "" && report < step {
		report = step
	}
	if report < step || report%step != 0 || (24*time.Hour)%report != 0 {
		b.add(reportKey, "%v: want a multiple of the step %v that divides a day", report, step)
		return false
	}
	if days < 1 || days > 36600 {
		b.add("--days", "%d: want 1..36600", days)
		return false
	}
	if start.Sub(start.Truncate(step)) != 0 {
		b.add("period.start", "%v does not fall on a whole step of %v", start.Format(time.RFC3339), step)
		return false
	}
	b.site.Period = sim.Period{Start: start, Step: step, Report: report, Steps: int(time.Duration(days) * 24 * time.Hour / step)}
	b.input("period", "%s to %s (%d days), step %s, rows every %s", start.Format("2006-01-02 15:04 MST"), b.site.Period.End().Format("2006-01-02 15:04 MST"), days, sim.FormatDuration(step), sim.FormatDuration(report))
	b.input("seed", "%d", b.site.Seed)
	return true
}

// calendar places the site's steps in time.
func (b *builder) calendar() it.Calendar {
	return it.Calendar{Start: b.site.Period.Start, Step: b.site.Period.Step}
}

// racks builds the rack groups with their workloads.
func (b *builder) racks() {
	names := map[string]int{}
	for i, r := range b.spec.Racks {
		p := fmt.Sprintf("racks[%d]", i)
		kind := or(r.Kind, "cpu")
		pre := rackPresets[kind]
		g := it.GroupSpec{
			Name:         or(r.Name, ""),
			Racks:        int(or(r.Count, 0)),
			PeakKW:       or(r.PeakKW, pre.peakKW),
			IdleFrac:     or(r.IdleFrac, pre.idleFrac),
			Curve:        pre.curve,
			FanFrac:      or(r.FanFrac, pre.fanFrac),
			FanMinSpeed:  or(r.FanMinSpeedFrac, 0.4),
			FanRampC:     or(r.FanRampC, 27),
			FanSpeedPerK: or(r.FanSpeedPerK, 0.05),
			FanMaxBoost:  or(r.FanMaxBoost, 1.6),
			LiquidFrac:   or(r.LiquidFrac, pre.liquidFrac),
			RackBiasSD:   or(r.UtilBiasSD, 0.05),
			NoiseSD:      or(r.UtilNoiseSD, pre.noiseSD),
			NoiseTau:     orDuration(r.UtilNoiseTau, 30*time.Minute),
			InletSpreadK: or(r.InletSpreadK, 2),
		}
		if j, dup := names[g.Name]; dup {
			b.add(p+".name", "%q is also the name of racks[%d]: group names must differ", g.Name, j)
		}
		names[g.Name] = i
		if r.Curve != nil {
			c, err := it.ParseCurve(*r.Curve)
			if err != nil {
				b.add(p+".curve", "%v", err)
			}
			g.Curve = c
		}
		w, err := b.workload(p+".workload", r.Workload, pre)
		if err != nil {
			continue
		}
		g.Workload = w
		if err := g.Validate(); err != nil {
			b.add(p, "%v", err)
			continue
		}
		b.site.Racks = append(b.site.Racks, g)
		b.input("racks "+g.Name, "%d × %s racks of %g kW peak (idle %.0f %%, %s curve), %.0f %% of heat to liquid, workload %s",
			g.Racks, kind, g.PeakKW, 100*g.IdleFrac, g.Curve, 100*g.LiquidFrac*(1-g.FanFrac), workloadKind(r.Workload, pre))
	}
}

func workloadKind(w *workloadSpec, pre rackPreset) string {
	if w == nil {
		return pre.workload
	}
	return or(w.Kind, pre.workload)
}

// workload builds a group's utilisation profile; errors are reported at key.
func (b *builder) workload(key string, w *workloadSpec, pre rackPreset) (it.Workload, error) {
	if w == nil {
		w = &workloadSpec{}
	}
	kind := workloadKind(w, pre)
	cal := b.calendar()
	mean := or(w.Mean, 0.6)
	amp := or(w.Amplitude, 0.1)
	peak := or(w.PeakHour, 15)
	var (
		wl  it.Workload
		err error
	)
	switch kind {
	case "constant":
		wl, err = it.NewConstant(mean)
	case "diurnal":
		wl, err = it.NewDiurnal(cal, mean, amp, peak)
	case "weekly":
		wl, err = it.NewWeekly(cal, mean, or(w.WeekendMean, math.Max(mean-0.1, 0)), amp, peak)
	case "training":
		tp := it.DefaultTrainingParams()
		tp.BusyUtil = or(w.BusyUtil, tp.BusyUtil)
		tp.CheckpointEvery = orDuration(w.CheckpointEvery, tp.CheckpointEvery)
		tp.CheckpointLength = orDuration(w.CheckpointLength, tp.CheckpointLength)
		tp.CheckpointUtil = or(w.CheckpointUtil, tp.CheckpointUtil)
		tp.InterruptsPerDay = or(w.InterruptsPerDay, 2.5)
		tp.InterruptLength = orDuration(w.InterruptLength, tp.InterruptLength)
		tp.IdleUtil = or(w.IdleUtil, tp.IdleUtil)
		wl, err = it.NewTraining(cal, tp, sim.SeedFor(b.site.Seed, b.site.Name, key))
	case "trace":
		wl, err = b.trace(key, w)
	}
	if err != nil {
		b.add(key, "%v", err)
	}
	return wl, err
}

func (b *builder) trace(key string, w *workloadSpec) (it.Workload, error) {
	path := b.path(*w.File)
	b.file("workload trace "+key, path)
	s, err := series.Load(path, series.ReadOptions{ValueColumn: or(w.Column, ""), Location: b.zone, Min: 0, Max: 1})
	if err != nil {
		return nil, err
	}
	p := b.site.Period
	hourly, err := s.Hourly(p.Start, p.Hours(), or(w.Wrap, false))
	if err != nil {
		return nil, err
	}
	return it.NewTrace(b.calendar(), hourly)
}

// nameplateKW is the racks' total peak power, kW.
func (b *builder) nameplateKW() float64 {
	var kw float64
	for _, g := range b.site.Racks {
		kw += float64(g.Racks) * g.PeakKW
	}
	return kw
}

// liquidDesignKW is the racks' heat to liquid at peak, kW.
func (b *builder) liquidDesignKW() float64 {
	var kw float64
	for _, g := range b.site.Racks {
		kw += float64(g.Racks) * g.PeakKW * (1 - g.FanFrac) * g.LiquidFrac
	}
	return kw
}

func (b *builder) power() {
	p := b.spec.Power
	np := b.nameplateKW()
	stage := func(name string, capacity, noLoad, prop, square *float64, defCap float64, def power.Stage) power.Stage {
		return power.Stage{Name: name, RatingKW: or(capacity, defCap), NoLoad: or(noLoad, def.NoLoad), Proportional: or(prop, def.Proportional), Square: or(square, def.Square)}
	}
	b.site.Power = power.Chain{
		UPS:         stage("UPS", p.UPSCapacityKW, p.UPSNoLoadFrac, p.UPSProportionalFrac, p.UPSSquareFrac, 1.5*np, power.DefaultUPS),
		PDU:         stage("PDU", p.PDUCapacityKW, p.PDUNoLoadFrac, p.PDUProportionalFrac, p.PDUSquareFrac, 1.5*np, power.DefaultPDU),
		Transformer: stage("transformer", p.TransformerCapacityKW, p.TransformerNoLoadFrac, p.TransformerProportionalFr, p.TransformerSquareFrac, 2.5*np, power.DefaultTransformer),
		LightingKW:  or(p.LightingKW, 0.005*np),
		OfficeKW:    or(p.OfficeKW, 0.01*np),
	}
	ch := &b.site.Power
	if ch.UPS.RatingKW < np {
		b.add("power.ups_capacity_kw", "%.0f kW is below the racks' nameplate %.0f kW: the UPS cannot carry them", ch.UPS.RatingKW, np)
	}
	if ch.PDU.RatingKW < np {
		b.add("power.pdu_capacity_kw", "%.0f kW is below the racks' nameplate %.0f kW: the PDUs cannot carry them", ch.PDU.RatingKW, np)
	}
	b.input("IT nameplate", "%.0f kW in %d racks", np, b.rackCount())
	b.input("power chain", "UPS %.0f kW, PDU %.0f kW, transformers %.0f kW; lighting %.0f kW, offices %.0f kW",
		ch.UPS.RatingKW, ch.PDU.RatingKW, ch.Transformer.RatingKW, ch.LightingKW, ch.OfficeKW)
}

func (b *builder) rackCount() int {
	n := 0
	for _, g := range b.site.Racks {
		n += g.Racks
	}
	return n
}

// Pump sizing: power = flow × head / efficiency.
const (
	chwPumpHeadKPa  = 300
	condPumpHeadKPa = 200
	pumpEfficiency  = 0.75
	waterRhoCp      = 998 * 4.186 // kJ/(m³·K)
)

func (b *builder) cooling() {
	c := b.spec.Cooling
	kind := or(c.Kind, "chilled-water")
	b.checkCoolingSections(kind)
	if kind != "chilled-water" {
		b.coolingDesign(kind)
		return
	}
	np := b.nameplateKW()
	liquid := b.liquidDesignKW()
	pressure := psychro.StandardAtmPressure(b.site.Weather.Location.ElevationM)

	supplyAir := or(c.CRAH.SupplyAirC, 22)
	returnAir := or(c.CRAH.ReturnAirC, 34)
	if returnAir <= supplyAir {
		b.add("cooling.crah.return_air_c", "%g °C is not warmer than supply_air_c %g °C: the air must warm across the racks", returnAir, supplyAir)
		return
	}
	chwSupply := or(c.ChilledWater.SupplyC, 10)
	if supplyAir < chwSupply+1 {
		b.add("cooling.crah.supply_air_c", "%g °C: the coils cannot make air colder than the chilled water %g °C plus 1 K", supplyAir, chwSupply)
		return
	}

	// Design loads: the racks at nameplate, with lighting and power-chain
	// losses in the room.
	lighting := b.site.Power.LightingKW
	airDesign := np - liquid + lighting + 0.05*np
	airflow := or(c.CRAH.UnitAirflowM3S, 12)
	rhoCp := (1.006 + 1.86*0.008) / psychro.MoistAirVolume(supplyAir, 0.008, pressure)
	unitKW := airflow * rhoCp * (returnAir - supplyAir)
	crahUnits := int(or(c.CRAH.Units, int64(math.Ceil(1.2*airDesign/unitKW))))

	curves := or(c.Chillers.Curves, "doe2-centrifugal")
	capKW := or(c.Chillers.CapacityKW, 3500)
	var chiller cooling.Chiller
	if curves == "mcquay-pfh" {
		chiller = cooling.McQuayPFH(capKW)
	} else {
		chiller = cooling.DOE2Centrifugal(capKW)
	}
	chiller.COP = or(c.Chillers.COP, chiller.COP)
	if chwSupply > chiller.CapFT.XMax || chwSupply < chiller.CapFT.XMin {
		b.warn("chilled water at %g °C is outside the %g–%g °C range the %s chiller curves were fitted for; they are evaluated at the nearest limit, as EnergyPlus does", chwSupply, chiller.CapFT.XMin, chiller.CapFT.XMax, curves)
	}
	evapDesign := 1.08*np + lighting
	needed := int(math.Ceil(evapDesign / capKW))
	nChillers := int(or(c.Chillers.Count, int64(needed+spareChillers(or(b.spec.Resilience.Redundancy, "N+1"), needed))))
	condHeat := capKW * (1 + 1/chiller.COP)
	deltaCond := or(c.Condenser.DeltaTK, 5.6)
	deltaCHW := or(c.ChilledWater.DeltaTK, 6)
	chwFlow := float64(nChillers) * capKW / (waterRhoCp * deltaCHW)
	condFlow := condHeat / (waterRhoCp * deltaCond)
	cdu := or(c.CDU.CapacityKW, 1.2*liquid)
	cellKW := or(c.Towers.CellCapacityKW, 1.15*condHeat)

	b.site.Plant = cooling.Plant{
		CRAH: cooling.CRAH{
			Units: crahUnits, AirflowM3S: airflow, FanKW: or(c.CRAH.UnitFanKW, 0.9*airflow),
			MinSpeed: or(c.CRAH.MinSpeedFrac, 0.3), SupplyAirC: supplyAir, ReturnAirC: returnAir,
		},
		CDU: cooling.CDU{CapacityKW: cdu, PumpKW: or(c.CDU.PumpKW, 8*cdu/1000), MinSpeed: or(c.CDU.MinSpeedFrac, 0.3)},
		ChilledWater: cooling.ChilledWater{
			SupplyC: chwSupply, DeltaTK: deltaCHW,
			PumpKW:  or(c.ChilledWater.PumpKW, chwFlow*chwPumpHeadKPa/pumpEfficiency),
			MinFlow: or(c.ChilledWater.MinFlowFrac, 0.3), StaticFrac: or(c.ChilledWater.StaticHeadFrac, 0.25),
		},
		Chillers: nChillers,
		Chiller:  chiller,
		StagePLR: or(c.Chillers.StagePLR, 0.9),
		Condenser: cooling.Condenser{
			DeltaTK: deltaCond, PumpKW: or(c.Condenser.PumpKW, condFlow*condPumpHeadKPa/pumpEfficiency),
			SetpointC: or(c.Condenser.SetpointC, 24),
		},
		Tower: cooling.Tower{
			Cells: int(or(c.Towers.Cells, int64(nChillers))), CellKW: cellKW, FanKW: or(c.Towers.FanKW, 0.011*cellKW),
			MinFanSpeed: or(c.Towers.MinFanSpeedFrac, 0.2), DesignLG: or(c.Towers.DesignLG, 1.2),
		},
		Economizer: cooling.Economizer{Enabled: or(c.Economizer.Enabled, true), ApproachK: or(c.Economizer.ApproachK, 1.5)},
	}
	b.site.Water = water.Tower{DriftPct: or(c.Towers.DriftPct, 0.008), Cycles: or(c.Towers.Cycles, 4)}
	if err := b.site.Plant.Init(pressure); err != nil {
		b.add("cooling", "%v", err)
		return
	}
	b.capacityChecks(airDesign, liquid, evapDesign, unitKW, crahUnits, cdu)
	pl := &b.site.Plant
	econ := "none"
	if pl.Economizer.Enabled {
		econ = fmt.Sprintf("waterside, %g K approach", pl.Economizer.ApproachK)
	}
	b.input("cooling", "chilled water %g °C supply, %g K ΔT; %d CRAHs (supply air %g °C); %d × %.0f kW chillers (%s, COP %g); %d tower cells of %.0f kW; economizer %s; CDUs %.0f kW",
		chwSupply, deltaCHW, pl.CRAH.Units, supplyAir, pl.Chillers, capKW, curves, chiller.COP, pl.Tower.Cells, cellKW, econ, cdu)
	b.input("tower water", "cycles of concentration %g, drift %g %%", b.site.Water.Cycles, b.site.Water.DriftPct)
}

// capacityChecks reports equipment too small for the design load: an error
// when it cannot carry the racks at all, a warning when it runs without spare.
func (b *builder) capacityChecks(airDesign, liquid, evapDesign, unitKW float64, crahUnits int, cdu float64) {
	pl := &b.site.Plant
	if airKW := float64(crahUnits) * unitKW; airKW < airDesign {
		b.warn("the %d CRAHs move air for %.0f kW at the design ΔT, below the design air heat of %.0f kW: expect unmet cooling at high load", crahUnits, airKW, airDesign)
	}
	if liquid > 0 && cdu < liquid {
		b.add("cooling.cdu.capacity_kw", "%.0f kW is below the racks' liquid heat at peak, %.0f kW", cdu, liquid)
	}
	if liquid == 0 && cdu > 0 && b.spec.Cooling.CDU.CapacityKW != nil {
		b.warn("CDUs of %.0f kW are given but no rack group sends heat to liquid", cdu)
	}
	total := float64(pl.Chillers) * pl.Chiller.CapacityKW
	if total < evapDesign {
		b.warn("the %d chillers' %.0f kW is below the design chilled-water load of about %.0f kW: expect unmet cooling in hot weather, or enable the economizer", pl.Chillers, total, evapDesign)
	}
	if towers := float64(pl.Tower.Cells) * pl.Tower.CellKW; towers < evapDesign*1.1 {
		b.warn("the towers' nominal %.0f kW is below the design heat rejection of about %.0f kW", towers, evapDesign*1.1)
	}
}

func (b *builder) grid() {
	g := b.spec.Grid
	p := b.site.Period
	file, key := "", "grid.carbon_file"
	switch {
	case b.o.GridFile != "":
		file, key = b.o.GridFile, "--grid"
	case g.CarbonFile != nil:
		file = b.path(*g.CarbonFile)
	default:
		c, err := grid.Constant(*g.CarbonGPerKWh, fmt.Sprintf("constant %g gCO2/kWh", *g.CarbonGPerKWh))
		if err != nil {
			b.add("grid.carbon_g_per_kwh", "%v", err)
			return
		}
		b.site.Carbon = c
		b.input("grid carbon", "%s", c.Source)
		b.sourced(or(g.Source, ""), "grid.source", fmt.Sprintf("grid.carbon_g_per_kwh %g gCO2/kWh", *g.CarbonGPerKWh))
		return
	}
	b.file("grid", file)
	if isMixFile(file) {
		b.gridMix(file, key)
		return
	}
	s, err := grid.LoadSeries(file, b.zone, int(or(g.MaxFillH, 24)))
	if err != nil {
		b.add(key, "%v", err)
		return
	}
	hourly, err := s.Hourly(p.Start, p.Hours(), or(g.Wrap, false))
	if err != nil {
		b.add(key, "%v", err)
		return
	}
	c, err := grid.Hourly(hourly, fmt.Sprintf("hourly series %s (column %s)", file, s.Column))
	if err != nil {
		b.add(key, "%v", err)
		return
	}
	if len(s.Filled) > 0 {
		b.warn("grid: %d missing hours of %s were filled by interpolation (first at line %d)", len(s.Filled), file, s.Filled[0])
	}
	b.site.Carbon = c
	b.input("grid carbon", "%s", c.Source)
}
