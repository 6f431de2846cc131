package sim

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/dctwin/dctwin/models/grid"
	"github.com/dctwin/dctwin/models/power"
	"github.com/dctwin/dctwin/models/tariff"
)

// Dispatch is a battery dispatch policy.
type Dispatch int

// The battery dispatch policies.
const (
	// DispatchPeakShave discharges whenever the grid draw would exceed the
	// peak-shaving threshold, and recharges from the grid below it (never
	// lifting the draw above it).
	DispatchPeakShave Dispatch = iota
	// DispatchCarbon does what DispatchPeakShave does, and in addition
	// charges in each day's lowest-intensity hours and discharges in its
	// highest (the intensity series is known in advance, as a forecast).
	DispatchCarbon
)

// Ledger is the site's energy, water, carbon and cost accounting beyond its
// meter: on-site supply, storage, the grid connection, contracted clean
// supply, off-site water and prices. The zero value is a site fed by the grid
// alone, without limit and without prices.
type Ledger struct {
	PV          *power.PV      // nil: none
	Battery     *power.Battery // nil: none
	Dispatch    Dispatch
	PeakShaveKW float64 // grid-draw threshold of peak shaving; 0: the interconnection limit
	Generator   *power.Generator
	// GeneratorTestH is the generators' monthly test run, h, on a load bank
	// from 10:00 on the first day of each month at GeneratorTestLoad of
	// their rating; the energy goes to the load bank, fuel and CO₂ count.
	GeneratorTestH    float64
	GeneratorTestLoad float64

	// LimitKW is the interconnection limit on the grid draw, kW; 0: none.
	LimitKW float64
	// FlexibleITFrac is the share of the IT load that may be shed when the
	// draw would pass the limit (with the cooling and losses it causes).
	FlexibleITFrac float64

	// Intensity holds hourly water intensities and carbon-free shares from a
	// fuel-mix file; nil: the constants below apply. Carbon always comes from
	// Site.Carbon.
	Intensity *grid.Intensity
	// OffsiteConsumptionLPerKWh and OffsiteWithdrawalLPerKWh are constant
	// water intensities of grid electricity, L/kWh, used without a fuel-mix
	// file; NaN: unknown (reported as null), 0: none.
	OffsiteConsumptionLPerKWh, OffsiteWithdrawalLPerKWh float64
	// GridCFEFrac is a constant carbon-free share of grid generation, used
	// without a fuel-mix file.
	GridCFEFrac float64

	// CleanKW is contracted clean supply (a PPA) per hour of the period, kW;
	// nil: none. It counts as renewable for REF unless CleanNotRenewable
	// (a nuclear PPA, say, is carbon-free but not renewable).
	CleanKW           []float64
	CleanNotRenewable bool
	// GOFrac is the share of the grid energy covered by guarantees of origin
	// (or renewable energy certificates) retired for the site; renewable.
	GOFrac float64
	// ResidualMixG is the residual-mix carbon intensity of the grid
	// energy no contractual instrument covers, g/kWh, for the market-based
	// figure (GHG Protocol Scope 2); nil: not given, no market-based figure.
	ResidualMixG *float64

	Tariff *tariff.Tariff // nil: no costs

	// SiteStress and GridStress weight site and off-site water consumption
	// by the scarcity of water where it is taken (e.g. from WRI Aqueduct
	// baseline water stress); 0: not given.
	SiteStress, GridStress float64
	// PotableFrac and ReclaimedFrac split the site's withdrawal by source;
	// the rest is "other".
	PotableFrac, ReclaimedFrac float64
}

// withdrawalKnown reports whether off-site withdrawal can be computed.
func (l *Ledger) withdrawalKnown() bool {
	if l.Intensity != nil {
		return l.Intensity.WithdrawalL != nil
	}
	return !math.IsNaN(l.OffsiteWithdrawalLPerKWh)
}

// OffsiteWaterL is the water evaporated (consumption) and withdrawn at the
// power plants that fed the site's grid draw, L; null when unknown.
type OffsiteWaterL struct {
	Consumption *float64 `json:"consumption"`
	Withdrawal  *float64 `json:"withdrawal"`
}

// CostTotals is the operating cost over the period by component, in
// Currency.
type CostTotals struct {
	Currency string  `json:"currency"`
	Total    float64 `json:"total"`
	Energy   float64 `json:"energy"`
	Demand   float64 `json:"demand"`
	Water    float64 `json:"water"`
	Sewer    float64 `json:"sewer"`
	Fuel     float64 `json:"fuel"`
}

// SupplyTotals are the on-site supply and storage totals.
type SupplyTotals struct {
	PVGeneratedKWh     float64 `json:"pv_generated_kwh"`
	PVCurtailedKWh     float64 `json:"pv_curtailed_kwh"`
	BatteryChargeKWh   float64 `json:"battery_charge_kwh"`
	BatteryDischargeKW float64 `json:"battery_discharge_kwh"`
	BatteryLossKWh     float64 `json:"battery_loss_kwh"`
	BatteryDeltaKWh    float64 `json:"battery_stored_change_kwh"`
	GeneratorKWh       float64 `json:"generator_kwh"`
	GeneratorHours     float64 `json:"generator_hours"`
	GeneratorTestHours float64 `json:"generator_test_hours"`
	GeneratorFuelL     float64 `json:"generator_fuel_l"`
	GeneratorCO2Kg     float64 `json:"generator_co2_kg"`
	CleanSupplyKWh     float64 `json:"clean_supply_kwh"`
}

// GridLimitTotals report the site against its grid connection.
type GridLimitTotals struct {
	LimitKW      float64 `json:"limit_kw"`
	HoursAtLimit float64 `json:"hours_at_limit"` // hours the demand net of PV would have passed the limit
	ShedITKWh    float64 `json:"shed_it_kwh"`
	UnservedKWh  float64 `json:"unserved_kwh"`
}

// WaterSourceL splits site withdrawal by source, L.
type WaterSourceL struct {
	Potable   float64 `json:"potable"`
	Reclaimed float64 `json:"reclaimed"`
	Other     float64 `json:"other"`
}

// ledger is the ledger stage of one site's run: per-hour inputs resolved
// before the step loop and the state that carries between steps.
type ledger struct {
	cfg          *Ledger
	stepH        float64
	stepsPerHour int
	start        time.Time

	carbon, cons, wd, cfe, pv, clean, price []float64
	plan                                    []int8 // carbon dispatch per hour: +1 charge, −1 discharge
	genTest                                 []bool
	month                                   []uint16
	monthPeak                               []float64

	bat    power.BatteryState
	start0 float64

	// the hour being accumulated for the hourly CFE match
	hour                     int
	hGrid, hPV, hGen, hClean float64
	cfeKWh, loadKWh          float64
	genSteps                 float64 // steps the generators ran, counting a step's share
	genTestSteps, lim        int
}

// newLedger resolves the hourly inputs of s's ledger.
func newLedger(s *Site) (*ledger, error) {
	cfg := &s.Ledger
	p := s.Period
	hours := p.Hours()
	l := &ledger{cfg: cfg, stepH: p.Step.Hours(), stepsPerHour: int(time.Hour / p.Step), start: p.Start}
	l.carbon = make([]float64, hours)
	for h := range hours {
		l.carbon[h] = s.Carbon.At(h)
	}
	if in := cfg.Intensity; in != nil {
		if len(in.ConsumptionL) != hours {
			return nil, fmt.Errorf("ledger: intensity series has %d hours, the period %d", len(in.ConsumptionL), hours)
		}
		l.cons, l.wd, l.cfe = in.ConsumptionL, in.WithdrawalL, in.CFEFrac
	} else {
		l.cfe = constant(hours, cfg.GridCFEFrac)
		if !math.IsNaN(cfg.OffsiteConsumptionLPerKWh) {
			l.cons = constant(hours, cfg.OffsiteConsumptionLPerKWh)
		}
		if !math.IsNaN(cfg.OffsiteWithdrawalLPerKWh) {
			l.wd = constant(hours, cfg.OffsiteWithdrawalLPerKWh)
		}
	}
	l.pv = make([]float64, hours)
	if cfg.PV != nil {
		pv, err := cfg.PV.Hourly(s.Weather, p.Start, hours)
		if err != nil {
			return nil, err
		}
		l.pv = pv
	}
	l.clean = make([]float64, hours)
	if cfg.CleanKW != nil {
		if len(cfg.CleanKW) != hours {
			return nil, fmt.Errorf("ledger: clean supply has %d hours, the period %d", len(cfg.CleanKW), hours)
		}
		l.clean = cfg.CleanKW
	}
	l.price = make([]float64, hours)
	if cfg.Tariff != nil {
		if err := cfg.Tariff.Validate(); err != nil {
			return nil, err
		}
		pr, err := cfg.Tariff.Prices(p.Start, hours)
		if err != nil {
			return nil, err
		}
		l.price = pr
	}
	if b := cfg.Battery; b != nil {
		if err := b.Validate(); err != nil {
			return nil, err
		}
		l.bat = b.Start()
		l.start0 = l.bat.StoredKWh
		if cfg.Dispatch == DispatchCarbon {
			l.plan = carbonPlan(l.carbon, b)
		}
	}
	l.genTest = make([]bool, hours)
	l.month = make([]uint16, hours)
	first := p.Start
	for h := range hours {
		t := p.Start.Add(time.Duration(h) * time.Hour)
		l.month[h] = uint16((t.Year()-first.Year())*12 + int(t.Month()) - int(first.Month()))
		if cfg.Generator != nil && t.Day() == 1 && t.Hour() >= 10 && float64(t.Hour()-10) < cfg.GeneratorTestH {
			l.genTest[h] = true
		}
	}
	l.monthPeak = make([]float64, int(l.month[hours-1])+1)
	return l, nil
}

func constant(n int, x float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = x
	}
	return v
}

// carbonPlan marks, for each day of the period (24-hour blocks from its
// start), the n lowest-intensity hours for charging and the n highest for
// discharging, n being the hours the battery takes to go from its lowest to
// its highest state of charge at full power.
func carbonPlan(ci []float64, b *power.Battery) []int8 {
	plan := make([]int8, len(ci))
	n := 1
	if b.PowerKW > 0 {
		n = int(math.Ceil(b.EnergyKWh * (b.MaxSoC - b.MinSoC) / b.PowerKW))
	}
	idx := make([]int, 0, 24)
	for d := 0; d < len(ci); d += 24 {
		idx = idx[:0]
		for h := d; h < min(d+24, len(ci)); h++ {
			idx = append(idx, h)
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			switch {
			case ci[a] < ci[b]:
				return -1
			case ci[a] > ci[b]:
				return 1
			}
			return 0
		})
		k := min(n, len(idx)/2)
		if k == 0 || ci[idx[0]] == ci[idx[len(idx)-1]] {
			continue
		}
		for _, h := range idx[:k] {
			plan[h] = 1
		}
		for _, h := range idx[len(idx)-k:] {
			plan[h] = -1
		}
	}
	return plan
}

// step settles step k after the facility's power is known: on-site supply,
// storage, the grid connection, and the carbon, off-site water and cost of
// the step. outFrac is the share of the step without utility supply (the
// generators, the battery and load shedding carry the site then). It writes the
// ledger quantities of v and may scale the IT, cooling and loss quantities
// of v down when load is shed. It does not allocate.
func (l *ledger) step(k int, v *stepValues, outFrac float64) {
	cfg := l.cfg
	dt := l.stepH
	h := k / l.stepsPerHour
	if h != l.hour {
		l.closeHour()
		l.hour = h
	}
	facility := v.facilityKW()
	pvAvail := l.pv[h]
	var pvUsed, charge, discharge, loss, gen, shedIT, unserved, grid float64
	bat := cfg.Battery
	limit := math.Inf(1)
	if cfg.LimitKW > 0 {
		limit = cfg.LimitKW
	}
	f := min(max(outFrac, 0), 1)
	net := facility - pvAvail
	surplus := net < 0
	if surplus {
		// Surplus PV charges the battery; the rest is curtailed (no export).
		if bat != nil {
			charge, loss = bat.Charge(&l.bat, -net, dt)
		}
		pvUsed = facility + charge
		net = 0
	} else {
		pvUsed = pvAvail
		if cfg.LimitKW > 0 && f == 0 && net > limit {
			l.lim++ // the demand net of PV would pass the limit
		}
		threshold := limit
		if cfg.PeakShaveKW > 0 {
			threshold = min(cfg.PeakShaveKW, limit)
		}
		if f > 0 {
			// The battery carries the outage's share first.
			threshold = (1 - f) * min(threshold, net)
		}
		if bat != nil {
			var want int8
			if l.plan != nil {
				want = l.plan[h]
			}
			switch {
			case net > threshold:
				discharge, loss = bat.Discharge(&l.bat, net-threshold, dt)
			case want < 0:
				discharge, loss = bat.Discharge(&l.bat, net, dt)
			case !math.IsInf(threshold, 1) || want > 0:
				// Recharge below the threshold, or in a planned clean hour.
				room := bat.PowerKW
				if !math.IsInf(threshold, 1) {
					room = min(room, threshold-net)
				}
				charge, loss = bat.Charge(&l.bat, room, dt)
			}
		}
		net -= discharge
	}
	// The utility is out for the share f of the step: the generators carry
	// that share (up to their capacity), the grid only the rest, on average
	// over the step at most (1 − f) × the limit. What neither carries is shed
	// (the flexible IT share) or unserved.
	gridCharge := charge
	if surplus {
		gridCharge = 0 // the battery charged from PV
	}
	demand := net + gridCharge
	var outage float64 // the outage's share of the demand, after the battery
	if f > 0 && net > 0 {
		outage = min(max(f*(net+discharge)-discharge, 0), net)
		if cfg.Generator != nil {
			gen = min(outage, f*cfg.Generator.CapacityKW)
		}
	}
	gridCap := limit
	if f > 0 {
		gridCap = 0
		if f < 1 {
			gridCap = (1 - f) * limit
		}
	}
	grid = min(demand-outage, gridCap)
	if short := demand - gen - grid; short > 0 {
		// Shed the flexible IT share with the cooling and losses it causes:
		// IT, cooling and power-chain losses scale together.
		scalable := v[qITKW] + v.coolingKW() + v.lossKW()
		x := 0.0
		if scalable > 0 {
			x = min(short/scalable, cfg.FlexibleITFrac)
		}
		if x > 0 {
			shedIT = x * v[qITKW]
			l.scale(v, 1-x)
			short -= x * scalable
		}
		if short > 1e-9*demand { // above rounding
			unserved = short
		}
	}
	var fuel float64
	if g := cfg.Generator; g != nil {
		load := gen
		if l.genTest[h] && f == 0 {
			load = cfg.GeneratorTestLoad * g.CapacityKW
			l.genTestSteps++
		}
		fuel = g.FuelLPerH(load) * dt
		if gen > 0 {
			// The sets run for the share f of the step, at gen/f.
			fuel = f * g.FuelLPerH(gen/f) * dt
			l.genSteps += f
		}
	}
	v[qPVKW] = pvUsed
	v[qPVCurtailedKW] = pvAvail - pvUsed
	v[qBatteryChargeKW] = charge
	v[qBatteryDischargeKW] = discharge
	v[qBatteryLossKW] = loss
	if bat != nil && bat.EnergyKWh > 0 {
		v[qBatterySoCPct] = 100 * l.bat.StoredKWh / bat.EnergyKWh
	}
	v[qGeneratorKW] = gen
	v[qGeneratorFuelL] = fuel
	v[qShedITKW] = shedIT
	v[qUnservedKW] = unserved
	v[qGridKW] = grid
	v[qCarbonKg] = grid * dt * l.carbon[h] / 1000
	if g := cfg.Generator; g != nil {
		v[qCarbonKg] += fuel * g.CO2KgPerL
	}
	v[qIntensityG] = l.carbon[h]
	if l.cons != nil {
		v[qOffsiteConsL] = grid * dt * l.cons[h]
	}
	if l.wd != nil {
		v[qOffsiteWdL] = grid * dt * l.wd[h]
	}
	v[qEnergyCost] = grid * dt * l.price[h]
	v[qCleanKW] = l.clean[h]
	if m := l.month[h]; grid > l.monthPeak[m] {
		l.monthPeak[m] = grid
	}
	l.hGrid += grid * dt
	l.hPV += pvUsed * dt
	l.hGen += gen * dt
	l.hClean += l.clean[h] * dt
}

// scale multiplies every quantity that follows from the IT load by f: IT,
// its heat, cooling, power-chain losses, the heat they reject and the tower
// water they evaporate. Lighting and offices are not shed, nor the heat they
// release, so heat rejected still equals facility power.
func (l *ledger) scale(v *stepValues, f float64) {
	for _, q := range [...]int{qITKW, qITFanKW, qITAirKW, qITLiquidKW, qCRAHFanKW, qCDUPumpKW, qCHWPumpKW,
		qCondPumpKW, qChillerKW, qTowerFanKW, qUPSLossKW, qPDULossKW, qTransformerLossKW, qEvaporatorKW,
		qEconomizerKW, qUnmetKW, qEvaporationL, qDriftL, qBlowdownL, qCondFanKW, qDryCoolerFanKW, qFWPumpKW,
		qHeatPumpKW, qHeatReusedKW, qReuseHeatC, qAirRejectedKW, qSprayEvapL, qSprayBleedL} {
		v[q] *= f
	}
	fixed := v[qOfficeKW] + v[qLightingKW]
	v[qHeatRejectedKW] = fixed + f*(v[qHeatRejectedKW]-fixed)
}

// closeHour adds the hour just ended to the 24/7 carbon-free energy match
// (Google 2021, "24/7 by 2030: Realizing a carbon-free future"; EnergyTag
// 2022): in each hour, the load met by carbon-free energy is the on-site and
// contracted clean supply, plus the grid's carbon-free share of the grid
// energy that clean supply did not cover, at most the load.
func (l *ledger) closeHour() {
	load := l.hGrid + l.hPV + l.hGen
	if load > 0 {
		cfe := l.hPV + l.hClean + l.cfe[l.hour]*math.Max(0, l.hGrid-l.hClean)
		l.cfeKWh += math.Min(load, cfe)
		l.loadKWh += load
	}
	l.hGrid, l.hPV, l.hGen, l.hClean = 0, 0, 0, 0
}

// finish closes the last hour and writes the ledger's part of the summary.
func (l *ledger) finish(sm *Summary, total *accumulator) {
	l.closeHour()
	cfg := l.cfg
	stepH := l.stepH
	e := func(q int) float64 { return total.sum[q] * stepH }
	sm.Energy.PV = e(qPVKW)
	sup := SupplyTotals{
		PVGeneratedKWh: e(qPVKW) + e(qPVCurtailedKW), PVCurtailedKWh: e(qPVCurtailedKW),
		BatteryChargeKWh: e(qBatteryChargeKW), BatteryDischargeKW: e(qBatteryDischargeKW), BatteryLossKWh: e(qBatteryLossKW),
		BatteryDeltaKWh: l.bat.StoredKWh - l.start0,
		GeneratorKWh:    e(qGeneratorKW), GeneratorHours: l.genSteps * stepH,
		GeneratorTestHours: float64(l.genTestSteps) * stepH, GeneratorFuelL: total.sum[qGeneratorFuelL],
		CleanSupplyKWh: e(qCleanKW),
	}
	if cfg.Generator != nil {
		sup.GeneratorCO2Kg = sup.GeneratorFuelL * cfg.Generator.CO2KgPerL
	}
	// The grid's intensity over the energy drawn, without the generators'
	// fuel.
	sm.CarbonIntensity = ratio(1000*(sm.CarbonKg-sup.GeneratorCO2Kg), sm.Energy.Grid)
	sm.Supply = &sup
	sm.UnservedKWh = e(qUnservedKW)
	sm.GridLimit = &GridLimitTotals{LimitKW: cfg.LimitKW, HoursAtLimit: float64(l.lim) * stepH, ShedITKWh: e(qShedITKW), UnservedKWh: sm.UnservedKWh}
	it := sm.Energy.IT
	var off OffsiteWaterL
	if l.cons != nil {
		c := total.sum[qOffsiteConsL]
		off.Consumption = &c
		src := ratio(sm.Water.Consumption+c, it)
		sm.WUESource = &src
		if cfg.SiteStress > 0 {
			gs := cfg.GridStress
			if gs == 0 {
				gs = cfg.SiteStress
			}
			w := cfg.SiteStress*sm.Water.Consumption + gs*c
			sm.ScarcityWeighted = &w
		}
	}
	if l.wd != nil {
		w := total.sum[qOffsiteWdL]
		off.Withdrawal = &w
	}
	sm.OffsiteWater = &off
	cfe := 100 * ratio(l.cfeKWh, l.loadKWh)
	sm.CFEPct = &cfe
	ren := cfg.renewables(sm.Energy.PV, sup.CleanSupplyKWh, sm.Energy.Grid)
	sm.Renewables = &ren
	sm.REF = ratio(ren.Total, sm.Energy.Facility)
	sm.CarbonMarketKg = cfg.marketCarbon(sm.Energy.Grid, sup.CleanSupplyKWh, sup.GeneratorCO2Kg)
	wdr := sm.Water.Withdrawal
	other := 1 - cfg.PotableFrac - cfg.ReclaimedFrac
	if other < 1e-9 {
		other = 0 // the fractions' rounding, not a source
	}
	sm.WaterSource = &WaterSourceL{Potable: wdr * cfg.PotableFrac, Reclaimed: wdr * cfg.ReclaimedFrac, Other: wdr * other}
	if t := cfg.Tariff; t != nil {
		c := CostTotals{Currency: t.Currency, Energy: total.sum[qEnergyCost]}
		for _, p := range l.monthPeak {
			c.Demand += p * t.DemandPerKWMonth
		}
		c.Water = sm.Water.Withdrawal / 1000 * t.WaterPerM3
		c.Sewer = sm.Water.Discharge / 1000 * t.SewerPerM3
		c.Fuel = sup.GeneratorFuelL * t.FuelPerL
		c.Total = c.Energy + c.Demand + c.Water + c.Sewer + c.Fuel
		sm.Cost = &c
	}
	if sup.PVCurtailedKWh > 0.05*sup.PVGeneratedKWh {
		sm.Warnings = append(sm.Warnings, fmt.Sprintf("PV: %.0f of %.0f kWh (%.0f %%) curtailed because the site could not use it (no export); the array is large for the load, or the battery small",
			sup.PVCurtailedKWh, sup.PVGeneratedKWh, 100*sup.PVCurtailedKWh/sup.PVGeneratedKWh))
	}
	if sm.UnservedKWh > 0 {
		sm.Warnings = append(sm.Warnings, fmt.Sprintf("the grid connection of %.0f kW could not carry the load: %.0f kWh unserved after shedding %.0f kWh of flexible IT; raise the limit, the flexible share or the storage",
			cfg.LimitKW, sm.UnservedKWh, sm.GridLimit.ShedITKWh))
	}
}
