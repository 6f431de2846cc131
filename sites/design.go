package sites

import (
	"fmt"
	"math"
	"reflect"
	"sort"

	"github.com/dctwin/dctwin/models/cooling"
	"github.com/dctwin/dctwin/models/psychro"
	"github.com/dctwin/dctwin/models/water"
)

// coolingKinds are the cooling designs a site file may choose.
var coolingKinds = []string{"chilled-water", "air-cooled-chiller", "liquid", "airside-economizer", "indirect-evaporative"}

func wClassNames() []string {
	var n []string
	for _, c := range cooling.WClasses {
		n = append(n, c.Name)
	}
	return n
}

func envelopeNames() []string {
	var n []string
	for _, e := range cooling.Envelopes {
		n = append(n, e.Name)
	}
	return n
}

// given reports whether any key of a section's struct was set.
func given(section any) bool {
	v := reflect.ValueOf(section)
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.Pointer && !f.IsNil() {
			return true
		}
	}
	return false
}

// checkCoolingSections reports the sections (and keys) that do not apply to
// the chosen cooling design: a strict file says nothing the design ignores.
func (b *builder) checkCoolingSections(kind string) {
	c := &b.spec.Cooling
	facility := kind == "liquid" || kind == "airside-economizer" || kind == "indirect-evaporative"
	towers := kind == "chilled-water" || (facility && or(c.Facility.HeatRejection, "dry-cooler") == "tower")
	sections := []struct {
		name    string
		set     bool
		applies bool
		where   string
	}{
		{"crah", given(c.CRAH), kind == "chilled-water" || kind == "air-cooled-chiller" || kind == "liquid", "kinds chilled-water, air-cooled-chiller and liquid"},
		{"chillers", given(c.Chillers), kind == "chilled-water", "kind chilled-water (the other designs use [cooling.air_cooled_chillers])"},
		{"condenser", given(c.Condenser), kind == "chilled-water", "kind chilled-water"},
		{"economizer", given(c.Economizer), kind == "chilled-water", "kind chilled-water"},
		{"towers", given(c.Towers), towers, "kind chilled-water, or a facility-water loop with heat_rejection = \"tower\""},
		{"air_cooled_chillers", given(c.AirCooled), kind != "chilled-water", "the kinds other than chilled-water"},
		{"facility_water", given(c.Facility), facility, "kinds liquid, airside-economizer and indirect-evaporative"},
		{"trim_chiller", given(c.Trim), facility, "kinds liquid, airside-economizer and indirect-evaporative"},
		{"heat_reuse", given(c.HeatReuse), facility, "kinds liquid, airside-economizer and indirect-evaporative"},
		{"dry_coolers", given(c.DryCoolers), facility && or(c.Facility.HeatRejection, "dry-cooler") == "dry-cooler", "a facility-water loop with heat_rejection = \"dry-cooler\""},
		{"airside", given(c.Airside), kind == "airside-economizer" || kind == "indirect-evaporative", "kinds airside-economizer and indirect-evaporative"},
	}
	for _, s := range sections {
		if s.set && !s.applies {
			b.add("cooling."+s.name, "does not apply to cooling kind %q: it belongs to %s", kind, s.where)
		}
	}
	a := &c.Airside
	if kind == "airside-economizer" {
		for _, k := range []struct {
			key string
			set bool
		}{{"wetbulb_effectiveness", a.WetBulbEff != nil}, {"dry_effectiveness", a.DryEff != nil}, {"secondary_fan_kw", a.SecondaryFanKW != nil}, {"secondary_air_ratio", a.SecondaryAirRatio != nil}} {
			if k.set {
				b.add("cooling.airside."+k.key, "applies to kind indirect-evaporative, not %q", kind)
			}
		}
	}
	if kind == "indirect-evaporative" && a.DirectEff != nil {
		b.add("cooling.airside.direct_effectiveness", "applies to kind airside-economizer, not %q", kind)
	}
	if d := &c.DryCoolers; d.Adiabatic == nil || !*d.Adiabatic {
		for _, k := range []struct {
			key string
			set bool
		}{{"pad_effectiveness", d.PadEffectiveness != nil}, {"spray_above_c", d.SprayAboveC != nil}, {"cycles", d.Cycles != nil}} {
			if k.set {
				b.add("cooling.dry_coolers."+k.key, "applies only with adiabatic = true")
			}
		}
	}
}

// designPercentile returns the dry bulb and wet bulb exceeded in 0.4 % of the
// weather year's hours (ASHRAE's cooling design condition).
func (b *builder) designPercentile() (dryC, wetC float64) {
	h := b.site.Weather.Hours
	db := make([]float64, len(h))
	wb := make([]float64, len(h))
	for i := range h {
		db[i], wb[i] = h[i].DryBulbC, h[i].WetBulbC
	}
	sort.Float64s(db)
	sort.Float64s(wb)
	k := len(h) - 1 - int(0.004*float64(len(h)))
	return db[k], wb[k]
}

// coolingDesign assembles and autosizes a design other than the chilled-water
// plant.
func (b *builder) coolingDesign(kind string) {
	c := b.spec.Cooling
	np := b.nameplateKW()
	liquid := b.liquidDesignKW()
	pressure := psychro.StandardAtmPressure(b.site.Weather.Location.ElevationM)
	lighting := b.site.Power.LightingKW
	airDesign := np - liquid + lighting + 0.05*np
	designDB, designWB := b.designPercentile()
	h := &cooling.Hall{}
	b.site.CoolingKind = kind
	b.site.Water = water.Tower{DriftPct: 0.008, Cycles: 4} // towers, if any, set their own

	// Air side.
	chwSupply := or(c.ChilledWater.SupplyC, 14)
	var chwLoad float64 // design load of the air-cooled chilled water
	switch kind {
	case "air-cooled-chiller", "liquid":
		h.Air = cooling.AirCRAH
		supplyAir := or(c.CRAH.SupplyAirC, 22)
		returnAir := or(c.CRAH.ReturnAirC, 34)
		if returnAir <= supplyAir {
			b.add("cooling.crah.return_air_c", "%g °C is not warmer than supply_air_c %g °C: the air must warm across the racks", returnAir, supplyAir)
			return
		}
		if supplyAir < chwSupply+1 {
			b.add("cooling.crah.supply_air_c", "%g °C: the coils cannot make air colder than the chilled water %g °C plus 1 K", supplyAir, chwSupply)
			return
		}
		airflow := or(c.CRAH.UnitAirflowM3S, 12)
		rhoCp := (1.006 + 1.86*0.008) / psychro.MoistAirVolume(supplyAir, 0.008, pressure)
		unitKW := airflow * rhoCp * (returnAir - supplyAir)
		h.CRAH = cooling.CRAH{
			Units: int(or(c.CRAH.Units, int64(math.Ceil(1.2*airDesign/unitKW)))), AirflowM3S: airflow,
			FanKW: or(c.CRAH.UnitFanKW, 0.9*airflow), MinSpeed: or(c.CRAH.MinSpeedFrac, 0.3),
			SupplyAirC: supplyAir, ReturnAirC: returnAir,
		}
		if kw := float64(h.CRAH.Units) * unitKW; kw < airDesign {
			b.warn("the %d CRAHs move air for %.0f kW at the design ΔT, below the design air heat of %.0f kW: expect unmet cooling at high load", h.CRAH.Units, kw, airDesign)
		}
		chwLoad = 1.05 * airDesign
	default:
		h.Air = cooling.AirDirect
		if kind == "indirect-evaporative" {
			h.Air = cooling.AirIndirect
		}
		a := c.Airside
		env, _ := cooling.LookupEnvelope(or(a.Envelope, "A1"))
		supplyAir := or(a.SupplyAirC, 24)
		returnAir := or(a.ReturnAirC, 36)
		if supplyAir < env.MinDryBulbC || supplyAir > env.MaxDryBulbC {
			b.add("cooling.airside.supply_air_c", "%g °C is outside the %s envelope's %g–%g °C", supplyAir, env.Name, env.MinDryBulbC, env.MaxDryBulbC)
			return
		}
		if returnAir <= supplyAir {
			b.add("cooling.airside.return_air_c", "%g °C is not warmer than supply_air_c %g °C", returnAir, supplyAir)
			return
		}
		airflow := or(a.UnitAirflowM3S, 25)
		rhoCp := (1.006 + 1.86*0.008) / psychro.MoistAirVolume(supplyAir, 0.008, pressure)
		unitKW := airflow * rhoCp * (returnAir - supplyAir)
		fan := or(a.UnitFanKW, 1.2*airflow)
		h.Airside = cooling.Airside{
			Units: int(or(a.Units, int64(math.Ceil(1.2*airDesign/unitKW)))), AirflowM3S: airflow, FanKW: fan,
			MinSpeed: or(a.MinSpeedFrac, 0.3), SupplyAirC: supplyAir, ReturnAirC: returnAir, Envelope: env,
			DirectEff: or(a.DirectEff, 0.85), WetBulbEff: or(a.WetBulbEff, 0.7), DryEff: or(a.DryEff, 0.55),
			SecondaryFanKW: or(a.SecondaryFanKW, 0.6*fan), SecondaryRatio: or(a.SecondaryAirRatio, 1), Cycles: or(a.Cycles, 3),
		}
		if h.Air == cooling.AirIndirect && h.Airside.DryEff > h.Airside.WetBulbEff {
			b.add("cooling.airside.dry_effectiveness", "%g is above the wet-bulb effectiveness %g: wetting the exchanger cannot make it worse", h.Airside.DryEff, h.Airside.WetBulbEff)
		}
		if kw := float64(h.Airside.Units) * unitKW; kw < airDesign {
			b.warn("the %d air handlers move air for %.0f kW at the design ΔT, below the design air heat of %.0f kW: expect unmet cooling at high load", h.Airside.Units, kw, airDesign)
		}
		chwLoad = 1.05 * airDesign // the trim coils back up the whole air load
	}

	// Liquid side.
	cdu := or(c.CDU.CapacityKW, 1.2*liquid)
	h.CDU = cooling.CDU{CapacityKW: cdu, PumpKW: or(c.CDU.PumpKW, 8*cdu/1000), MinSpeed: or(c.CDU.MinSpeedFrac, 0.3)}
	if liquid > 0 && cdu < liquid {
		b.add("cooling.cdu.capacity_kw", "%.0f kW is below the racks' liquid heat at peak, %.0f kW", cdu, liquid)
	}
	switch {
	case kind == "air-cooled-chiller":
		h.LiquidOnCHW = true
		chwLoad += 1.02 * liquid
	case liquid > 0:
		if !b.facilityWater(h, liquid, designDB, designWB) {
			return
		}
	case kind == "liquid":
		b.add("racks", "cooling kind \"liquid\" needs rack groups that send heat to liquid (kind gpu-liquid or gb200, or liquid_frac > 0)")
		return
	default:
		h.CDU = cooling.CDU{}
		if given(c.Facility) || given(c.DryCoolers) || given(c.Trim) || given(c.HeatReuse) {
			b.add("cooling.facility_water", "no rack group sends heat to liquid, so there is no facility-water loop to configure")
			return
		}
	}

	// Air-cooled chillers on the chilled water.
	ac := c.AirCooled
	unit := cooling.AirCooledChiller(or(ac.CapacityKW, 1000))
	unit.COP = or(ac.COP, unit.COP)
	avail := unit.AvailableKW(chwSupply, designDB)
	deltaCHW := or(c.ChilledWater.DeltaTK, 6)
	needed := int(math.Ceil(chwLoad / avail))
	h.Chillers = cooling.ChillerBank{
		Count: int(or(ac.Count, int64(needed+spareChillers(or(b.spec.Resilience.Redundancy, "N+1"), needed)))), Unit: unit,
		CondFanRatio: or(ac.CondenserFanFrac, cooling.DefaultCondFanRatio), StagePLR: or(ac.StagePLR, 0.9),
	}
	if or(ac.FreeCooling, false) {
		h.FreeApproachK = or(ac.FreeApproachK, 5)
	} else if ac.FreeApproachK != nil {
		b.add("cooling.air_cooled_chillers.free_cooling_approach_k", "applies only with free_cooling = true")
	}
	chwFlow := float64(h.Chillers.Count) * unit.CapacityKW / (waterRhoCp * deltaCHW)
	h.CHW = cooling.ChilledWater{
		SupplyC: chwSupply, DeltaTK: deltaCHW,
		PumpKW:  or(c.ChilledWater.PumpKW, chwFlow*chwPumpHeadKPa/pumpEfficiency),
		MinFlow: or(c.ChilledWater.MinFlowFrac, 0.3), StaticFrac: or(c.ChilledWater.StaticHeadFrac, 0.25),
	}
	if total := float64(h.Chillers.Count) * avail; total < chwLoad {
		b.warn("the %d air-cooled chillers give %.0f kW at the %.1f °C design dry bulb, below the design chilled-water load of about %.0f kW: expect unmet cooling in hot weather",
			h.Chillers.Count, total, designDB, chwLoad)
	}

	b.site.Cooling = h
	if err := h.Init(pressure); err != nil {
		b.add("cooling", "%v", err)
		return
	}
	if h.HasFacility() {
		b.facilityChecks(h, liquid, designDB, designWB)
	}
	b.designInputs(kind, h, designDB, designWB)
}

// facilityWater assembles the facility-water loop, its heat rejection and
// heat reuse; false when a problem stops the build.
func (b *builder) facilityWater(h *cooling.Hall, liquid, designDB, designWB float64) bool {
	c := b.spec.Cooling
	fw := c.Facility
	var class cooling.WClass
	if fw.Class != nil {
		class, _ = cooling.LookupWClass(*fw.Class)
	}
	supply := 0.0
	switch {
	case fw.SupplyC != nil:
		supply = *fw.SupplyC
		if fw.Class == nil {
			class = cooling.WClasses[len(cooling.WClasses)-1]
			for _, k := range cooling.WClasses {
				if supply <= k.LimitC {
					class = k
					break
				}
			}
		}
	default:
		if fw.Class == nil {
			class, _ = cooling.LookupWClass("W32")
		}
		supply = class.LimitC - 2
	}
	if supply > class.LimitC {
		b.add("cooling.facility_water.supply_c", "%g °C is above the %s limit of %g °C: choose a warmer class or a colder supply", supply, class.Name, class.LimitC)
		return false
	}
	delta := or(fw.DeltaTK, 8)
	flow := h.CDU.CapacityKW / (waterRhoCp * delta)
	f := &h.Facility
	*f = cooling.FacilityWater{
		SupplyC: supply, DeltaTK: delta, Class: class,
		PumpKW: or(fw.PumpKW, flow*250/pumpEfficiency), MinFlow: or(fw.MinFlowFrac, 0.3),
	}
	heat := 1.02 * liquid // with CDU and facility pumps
	switch or(fw.HeatRejection, "dry-cooler") {
	case "dry-cooler":
		d := c.DryCoolers
		unitKW := or(d.UnitCapacityKW, 1000)
		f.Rejection = cooling.RejectDryCooler
		f.DryCooler = cooling.DryCooler{
			Units: int(or(d.Units, int64(math.Ceil(1.1*heat/unitKW)))), UnitKW: unitKW,
			DesignAirC: or(d.DesignDryBulbC, designDB), ApproachK: or(d.ApproachK, 6), RangeK: delta,
			FanKW: or(d.FanKW, 0.02*unitKW), MinSpeed: or(d.MinSpeedFrac, 0.2),
			Adiabatic: or(d.Adiabatic, false), PadEff: or(d.PadEffectiveness, 0.8),
			SprayAboveC: or(d.SprayAboveC, math.NaN()), Cycles: or(d.Cycles, 3),
		}
	case "tower":
		t := c.Towers
		cellKW := or(t.CellCapacityKW, 2000)
		f.Rejection = cooling.RejectTower
		f.Tower = cooling.Tower{
			Cells: int(or(t.Cells, int64(math.Ceil(1.15*heat/cellKW)))), CellKW: cellKW, FanKW: or(t.FanKW, 0.011*cellKW),
			MinFanSpeed: or(t.MinFanSpeedFrac, 0.2), DesignLG: or(t.DesignLG, 1.2),
		}
		b.site.Water.DriftPct, b.site.Water.Cycles = or(t.DriftPct, 0.008), or(t.Cycles, 4)
	}
	tr := c.Trim
	trimUnit := cooling.AirCooledChiller(or(tr.CapacityKW, 1000))
	trimUnit.COP = or(tr.COP, trimUnit.COP)
	f.Trim = cooling.ChillerBank{Unit: trimUnit, CondFanRatio: cooling.DefaultCondFanRatio, StagePLR: 0.9}
	if tr.Count != nil {
		f.Trim.Count = int(*tr.Count)
	} else {
		short := b.designShortfall(h, heat, designDB, designWB)
		if short > 0 {
			f.Trim.Count = 1 // for the check below: its capacity at design
			per := trimCapacity(h, designDB)
			f.Trim.Count = int(math.Ceil(1.1 * short / per))
		}
	}
	if r := c.HeatReuse; given(r) {
		if r.DemandKW == nil {
			b.add("cooling.heat_reuse.demand_kw", "missing: how much heat the reuse loop takes")
			return false
		}
		h.Reuse = cooling.HeatReuse{
			DemandKW: *r.DemandKW, SupplyC: or(r.SupplyC, 70), CarnotEff: or(r.CarnotFrac, 0.5),
			ApproachK: or(r.ApproachK, 3), BelowDryBulbC: or(r.BelowDryBulbC, math.Inf(1)),
		}
		if h.Reuse.DemandKW > liquid {
			b.warn("heat reuse demand of %.0f kW exceeds the liquid heat at peak, %.0f kW: the loop will be short whenever the racks run below it", h.Reuse.DemandKW, liquid)
		}
	}
	return true
}

// designShortfall returns the heat the facility-water heat rejection cannot
// take at the design condition while holding the supply set point, kW.
func (b *builder) designShortfall(h *cooling.Hall, heat, designDB, designWB float64) float64 {
	f := &h.Facility
	switch f.Rejection {
	case cooling.RejectDryCooler:
		d := f.DryCooler
		air := d.DesignAirC
		if d.Adiabatic {
			air -= d.PadEff * (designDB - designWB)
		}
		probe := *h
		probe.Facility.Trim.Count = 0
		probe.Reuse = cooling.HeatReuse{}
		if err := probe.Init(psychro.StandardAtmPressure(0)); err != nil {
			return 0 // reported when the hall is built
		}
		reach := probe.DryCoolerSupplyC(heat, air)
		if reach <= f.SupplyC {
			return 0
		}
		// At the set point the coolers take heat in proportion to their
		// temperature difference to the air.
		cw := heat / f.DeltaTK
		tRet := f.SupplyC + f.DeltaTK
		ret0 := reach + heat/cw
		return heat * max(0, 1-max(tRet-air, 0)/(ret0-air))
	default:
		// Towers reach about 4 K above the wet bulb at design.
		over := designWB + 4 - f.SupplyC
		return heat * clamp01(over/f.DeltaTK)
	}
}

func clamp01(x float64) float64 { return min(max(x, 0), 1) }

func trimCapacity(h *cooling.Hall, oatC float64) float64 {
	probe := *h
	probe.Facility.Trim.Count = 1
	return probe.TrimCapacityKW(oatC)
}

// facilityChecks warns of a facility-water loop that cannot hold its W class
// at the design condition.
func (b *builder) facilityChecks(h *cooling.Hall, liquid, designDB, designWB float64) {
	f := &h.Facility
	heat := 1.02 * liquid
	if f.Rejection == cooling.RejectDryCooler {
		d := f.DryCooler
		if total := float64(d.Units) * d.UnitKW; total < heat {
			b.warn("the %d dry coolers reject %.0f kW at their design point (%.1f °C air, %g K approach), below the liquid design heat of %.0f kW: the facility supply will rise above its set point at high load",
				d.Units, total, d.DesignAirC, d.ApproachK, heat)
		}
		air := designDB
		if d.Adiabatic {
			air -= d.PadEff * (designDB - designWB)
		}
		reach := h.DryCoolerSupplyC(heat, air)
		trim := h.TrimCapacityKW(designDB)
		if short := b.designShortfall(h, heat, designDB, designWB); reach > f.Class.LimitC && short > trim {
			b.warn("at the %.1f °C design dry bulb the dry coolers alone hold the facility supply at %.1f °C, above the %s limit of %g °C, and the trim chillers' %.0f kW is below the %.0f kW shortfall: expect hours above the class",
				designDB, reach, f.Class.Name, f.Class.LimitC, trim, short)
		}
	} else if t := f.Tower; float64(t.Cells)*t.CellKW < heat {
		b.warn("the %d tower cells' nominal %.0f kW is below the liquid design heat of %.0f kW", t.Cells, float64(t.Cells)*t.CellKW, heat)
	}
}

func (b *builder) designInputs(kind string, h *cooling.Hall, designDB, designWB float64) {
	b.input("cooling design", "%s; design day %.1f °C dry bulb, %.1f °C wet bulb (0.4 %% of hours above)", kind, designDB, designWB)
	switch h.Air {
	case cooling.AirCRAH:
		b.input("air side", "%d CRAHs (supply air %g °C) on chilled water at %g °C", h.CRAH.Units, h.CRAH.SupplyAirC, h.CHW.SupplyC)
	case cooling.AirDirect:
		a := h.Airside
		b.input("air side", "%d air handlers of %g m³/s, outdoor air within envelope %s, direct evaporative ε %g, supply %g °C; trim coils on chilled water at %g °C", a.Units, a.AirflowM3S, a.Envelope.Name, a.DirectEff, a.SupplyAirC, h.CHW.SupplyC)
	case cooling.AirIndirect:
		a := h.Airside
		b.input("air side", "%d indirect evaporative units of %g m³/s, wet-bulb ε %g, dry ε %g, supply %g °C; trim coils on chilled water at %g °C", a.Units, a.AirflowM3S, a.WetBulbEff, a.DryEff, a.SupplyAirC, h.CHW.SupplyC)
	}
	ch := h.Chillers
	fc := "no free cooling"
	if h.FreeApproachK > 0 {
		fc = fmt.Sprintf("free-cooling coils to %g K above the dry bulb", h.FreeApproachK)
	}
	b.input("air-cooled chillers", "%d × %.0f kW (COP %g, condenser fans %g kW/kW), %s", ch.Count, ch.Unit.CapacityKW, ch.Unit.COP, ch.CondFanRatio, fc)
	if h.CDU.CapacityKW > 0 {
		b.input("CDUs", "%.0f kW", h.CDU.CapacityKW)
	}
	if !h.HasFacility() {
		return
	}
	f := h.Facility
	b.input("facility water", "class %s (≤ %g °C), supply %g °C, ΔT %g K, pumps %.0f kW", f.Class.Name, f.Class.LimitC, f.SupplyC, f.DeltaTK, f.PumpKW)
	switch f.Rejection {
	case cooling.RejectDryCooler:
		d := f.DryCooler
		ad := "dry"
		if d.Adiabatic {
			ad = fmt.Sprintf("adiabatic pads ε %g, cycles %g", d.PadEff, d.Cycles)
		}
		b.input("dry coolers", "%d × %.0f kW at %.1f °C air and %g K approach, fans %.0f kW each; %s", d.Units, d.UnitKW, d.DesignAirC, d.ApproachK, d.FanKW, ad)
	case cooling.RejectTower:
		b.input("towers", "%d cells of %.0f kW; cycles of concentration %g, drift %g %%", f.Tower.Cells, f.Tower.CellKW, b.site.Water.Cycles, b.site.Water.DriftPct)
	}
	b.input("trim chillers", "%d × %.0f kW (COP %g)", f.Trim.Count, f.Trim.Unit.CapacityKW, f.Trim.Unit.COP)
	if r := h.Reuse; r.DemandKW > 0 {
		season := "all year"
		if !math.IsInf(r.BelowDryBulbC, 1) {
			season = fmt.Sprintf("while the dry bulb is below %g °C", r.BelowDryBulbC)
		}
		b.input("heat reuse", "%.0f kW to a loop at %g °C, %s; heat pump at %g of Carnot", r.DemandKW, r.SupplyC, season, r.CarnotEff)
	}
}
