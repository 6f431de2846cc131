package cooling

import (
	"errors"
	"fmt"
	"math"

	"github.com/dctwin/dctwin/models/psychro"
)

// AirSide is how a Hall cools its room air.
type AirSide int

// Air sides.
const (
	// AirCRAH: computer-room air handlers on a chilled-water loop served by
	// air-cooled chillers.
	AirCRAH AirSide = iota
	// AirDirect: an airside economizer bringing outdoor air in, through a
	// direct evaporative cooler when that helps, with a chilled-water trim
	// coil for what outdoor air cannot do.
	AirDirect
	// AirIndirect: indirect evaporative coolers, room air on the primary
	// side of an air-to-air exchanger whose secondary (scavenger) outdoor air
	// is wetted, with a chilled-water trim coil.
	AirIndirect
)

// Rejection is how the facility-water loop rejects its heat.
type Rejection int

// Heat rejection of the facility water.
const (
	RejectDryCooler Rejection = iota // dry coolers, optionally adiabatic
	RejectTower                      // open cooling towers
)

// Airside holds the air handlers of an airside economizer or of indirect
// evaporative coolers.
type Airside struct {
	Units      int
	AirflowM3S float64 // supply air of one unit at full speed, m³/s
	FanKW      float64 // supply-fan power of one unit at full speed, kW
	MinSpeed   float64
	SupplyAirC float64 // supply air set point, °C
	ReturnAirC float64 // design return air, °C
	// Envelope limits the outdoor air an economizer may supply: its dew
	// point and relative humidity at the supply temperature.
	Envelope Envelope
	// DirectEff is the saturation effectiveness of the direct evaporative
	// media (EvaporativeCooler:Direct:ResearchSpecial), 0..1.
	DirectEff float64
	// WetBulbEff and DryEff are the effectiveness of the indirect cooler
	// wetted (on the secondary air's wet bulb) and dry (on its dry bulb),
	// EvaporativeCooler:Indirect:ResearchSpecial.
	WetBulbEff, DryEff float64
	// SecondaryFanKW is the scavenger-fan power of one unit at full speed, kW.
	SecondaryFanKW float64
	// SecondaryRatio is the scavenger air over the primary air at full speed.
	SecondaryRatio float64
	Cycles         float64 // cycles of concentration of the evaporative water

	airRhoCp float64 // kJ/(m³·K)
	wMax     float64 // largest humidity ratio the envelope allows at the supply temperature
}

// FacilityWater is the facility-water loop between the CDUs and the heat
// rejection, at a supply temperature of an ASHRAE W class.
type FacilityWater struct {
	SupplyC float64 // supply set point, °C
	DeltaTK float64 // design return minus supply, K
	PumpKW  float64 // pump power at design flow, kW (cube of flow below it)
	MinFlow float64 // lowest flow, fraction of design
	Class   WClass

	Rejection Rejection
	DryCooler DryCooler
	Tower     Tower
	// Trim chillers (air-cooled) cool the supply when the heat rejection
	// cannot reach the set point; Count 0 means none.
	Trim ChillerBank

	designM3S float64
}

// HeatReuse exports heat from the facility-water return to a district or
// process loop, lifted by a heat pump when the loop needs more than the
// return temperature. The heat pump's COP is a fraction of the Carnot COP,
// COP = η·T_sink/(T_sink − T_source) in kelvin, with T_sink the loop's supply
// plus ApproachK and T_source the water return minus ApproachK; η of 0.45–0.55
// is typical of large electric heat pumps (IEA Heat Pumping Technologies;
// David et al. 2017, Energies 10:578, survey of large district-heating heat
// pumps). Its compressor power is counted in the cooling power.
type HeatReuse struct {
	DemandKW  float64 // heat the reuse loop takes, kW (0: no reuse)
	SupplyC   float64 // temperature the reuse loop needs, °C
	CarnotEff float64 // η, fraction of the Carnot COP
	ApproachK float64 // approach of each heat exchanger, K
	// BelowDryBulbC: the loop takes heat only while the outdoor dry bulb is
	// below this (a heating season); +Inf: always.
	BelowDryBulbC float64
}

// Hall is a cooling design other than the chilled-water plant: an air side
// (CRAHs on air-cooled chilled water, an airside economizer, or indirect
// evaporative coolers) and, for liquid-cooled racks, CDUs either on the same
// chilled water (LiquidOnCHW) or on a facility-water loop with its own heat
// rejection and optional heat reuse.
type Hall struct {
	Air  AirSide
	CRAH CRAH // AirCRAH
	// CHW is the chilled-water loop of the CRAHs or trim coils, served by
	// the air-cooled Chillers; its PumpKW is at the bank's design flow.
	CHW      ChilledWater
	Chillers ChillerBank
	// FreeApproachK > 0 gives the chillers free-cooling coils that pre-cool
	// the chilled-water return with outdoor air to within this approach of
	// the dry bulb (free-cooling chillers); 0: none.
	FreeApproachK float64
	Airside       Airside // AirDirect, AirIndirect

	CDU CDU
	// LiquidOnCHW puts the CDUs on the chilled water (an air-cooled chiller
	// plant for the whole hall) instead of a facility-water loop.
	LiquidOnCHW bool
	Facility    FacilityWater
	Reuse       HeatReuse

	crahRhoCp    float64
	chwDesignM3S float64
	sat          *psychro.SatTable // read only once built
}

// HasFacility says whether the hall has a facility-water loop.
func (h *Hall) HasFacility() bool { return !h.LiquidOnCHW && h.CDU.CapacityKW > 0 }

// SupplyAirC returns the supply air set point, °C.
func (h *Hall) SupplyAirC() float64 {
	if h.Air == AirCRAH {
		return h.CRAH.SupplyAirC
	}
	return h.Airside.SupplyAirC
}

// Clone returns an independent copy.
func (h *Hall) Clone() System {
	c := *h
	c.Facility.DryCooler.warm = [2]float64{} // each copy starts its own solves
	return &c
}

// Init validates the hall and derives its design flows.
func (h *Hall) Init(pressurePa float64) error {
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	const w = 0.008
	switch h.Air {
	case AirCRAH:
		c := h.CRAH
		check(c.Units >= 1 && c.AirflowM3S > 0 && c.FanKW >= 0, "crah: %d units of %g m³/s, %g kW: want ≥ 1, > 0, ≥ 0", c.Units, c.AirflowM3S, c.FanKW)
		check(c.ReturnAirC > c.SupplyAirC, "crah return air %g °C must be warmer than supply %g °C", c.ReturnAirC, c.SupplyAirC)
		h.crahRhoCp = (1.006 + 1.86*w) / psychro.MoistAirVolume(c.SupplyAirC, w, pressurePa)
	case AirDirect, AirIndirect:
		a := &h.Airside
		check(a.Units >= 1 && a.AirflowM3S > 0 && a.FanKW >= 0, "air handlers: %d units of %g m³/s, %g kW: want ≥ 1, > 0, ≥ 0", a.Units, a.AirflowM3S, a.FanKW)
		check(a.ReturnAirC > a.SupplyAirC, "return air %g °C must be warmer than supply %g °C", a.ReturnAirC, a.SupplyAirC)
		check(a.Cycles > 1, "evaporative water cycles %g: want > 1", a.Cycles)
		if h.Air == AirDirect {
			check(a.DirectEff > 0 && a.DirectEff < 1, "direct evaporative effectiveness %g: want 0..1", a.DirectEff)
		} else {
			check(a.WetBulbEff > 0 && a.WetBulbEff < 1 && a.DryEff > 0 && a.DryEff <= a.WetBulbEff, "indirect effectiveness wet %g, dry %g: want 0 < dry ≤ wet < 1", a.WetBulbEff, a.DryEff)
			check(a.SecondaryRatio > 0, "secondary air ratio %g: want > 0", a.SecondaryRatio)
		}
		a.airRhoCp = (1.006 + 1.86*w) / psychro.MoistAirVolume(a.SupplyAirC, w, pressurePa)
		e := a.Envelope
		a.wMax = min(psychro.HumRatioFromVapPres(psychro.SatVapPres(e.MaxDewPointC), pressurePa),
			psychro.HumRatioFromVapPres(e.MaxRelHum*psychro.SatVapPres(a.SupplyAirC), pressurePa))
	default:
		check(false, "air side %d: unknown", h.Air)
	}
	check(h.Chillers.Count >= 0, "chillers: %d: want ≥ 0", h.Chillers.Count)
	if h.Chillers.Count > 0 {
		check(h.Chillers.StagePLR > 0 && h.Chillers.StagePLR <= 1, "chiller staging part-load ratio %g: want 0..1", h.Chillers.StagePLR)
		if err := h.Chillers.Unit.Validate(); err != nil {
			errs = append(errs, err)
		}
		check(h.CHW.DeltaTK > 0 && h.CHW.MinFlow > 0 && h.CHW.MinFlow <= 1 && h.CHW.PumpKW >= 0, "chilled water ΔT %g K, minimum flow %g, pump %g kW", h.CHW.DeltaTK, h.CHW.MinFlow, h.CHW.PumpKW)
		h.chwDesignM3S = float64(h.Chillers.Count) * h.Chillers.Unit.CapacityKW / (waterRhoCp * h.CHW.DeltaTK)
	}
	check(h.CDU.CapacityKW >= 0 && h.CDU.PumpKW >= 0, "cdu capacity %g kW and pump %g kW: want ≥ 0", h.CDU.CapacityKW, h.CDU.PumpKW)
	if h.HasFacility() {
		f := &h.Facility
		check(f.SupplyC >= 2 && f.SupplyC <= 70, "facility water supply %g °C: want 2..70", f.SupplyC)
		check(f.Class.LimitC == 0 || f.SupplyC <= f.Class.LimitC, "facility water supply %g °C is above the %s limit of %g °C", f.SupplyC, f.Class.Name, f.Class.LimitC)
		check(f.DeltaTK > 0 && f.MinFlow > 0 && f.MinFlow <= 1 && f.PumpKW >= 0, "facility water ΔT %g K, minimum flow %g, pump %g kW", f.DeltaTK, f.MinFlow, f.PumpKW)
		f.designM3S = h.CDU.CapacityKW / (waterRhoCp * f.DeltaTK)
		switch f.Rejection {
		case RejectDryCooler:
			if err := f.DryCooler.init(); err != nil {
				errs = append(errs, err)
			}
		case RejectTower:
			t := f.Tower
			check(t.Cells >= 1 && t.CellKW > 0 && t.FanKW >= 0 && t.MinFanSpeed > 0 && t.MinFanSpeed <= 1 && t.DesignLG >= 0.3 && t.DesignLG <= 3,
				"facility towers: %d cells of %g kW, fan %g kW, minimum speed %g, L/G %g", t.Cells, t.CellKW, t.FanKW, t.MinFanSpeed, t.DesignLG)
		}
		if f.Trim.Count > 0 {
			check(f.Trim.StagePLR > 0 && f.Trim.StagePLR <= 1, "trim chiller staging %g: want 0..1", f.Trim.StagePLR)
			if err := f.Trim.Unit.Validate(); err != nil {
				errs = append(errs, fmt.Errorf("trim chiller: %w", err))
			}
		}
		r := h.Reuse
		check(r.DemandKW >= 0, "heat reuse demand %g kW: want ≥ 0", r.DemandKW)
		if r.DemandKW > 0 {
			check(r.CarnotEff > 0 && r.CarnotEff < 1 && r.ApproachK >= 0 && r.SupplyC > 0 && r.SupplyC < 120, "heat reuse: Carnot fraction %g, approach %g K, supply %g °C", r.CarnotEff, r.ApproachK, r.SupplyC)
		}
	} else if h.Reuse.DemandKW > 0 {
		check(false, "heat reuse needs a facility-water loop, which this design has not")
	}
	if h.sat == nil {
		h.sat = psychro.NewSatTable()
	}
	return errors.Join(errs...)
}

// Solve finds the hall's operating point for one step. It does not allocate.
func (h *Hall) Solve(in Load, r *Result) {
	*r = Result{}
	d := &r.Design
	var coil float64 // load on the chilled water, kW
	var removed float64
	switch h.Air {
	case AirCRAH:
		coil = h.CRAH.carry(in.AirHeatKW, h.crahRhoCp, r) // removed by the chillers below
	default:
		var free float64
		coil, free = h.airside(in, r)
		removed += free // outdoor air's part
	}
	liquid := 0.0
	if in.LiquidHeatKW > 0 || h.CDU.CapacityKW > 0 {
		liquid = h.CDU.carry(in.LiquidHeatKW, r)
	}
	if h.LiquidOnCHW {
		coil += liquid
	} else if h.HasFacility() {
		h.facility(in, liquid, r)
		removed += liquid
	} else if liquid > 0 {
		r.UnmetKW += liquid // no loop for it (rejected by Init for real sites)
	}
	if coil > 1e-9 {
		met := h.chilledWater(in, coil, r)
		removed += met
	}
	r.EvaporatorKW = removed
	r.EconomizerKW = max(removed-d.MechanicalKW, 0)
	switch {
	case d.MechanicalKW <= 0:
		r.Mode = ModeFree
	case d.MechanicalKW >= 0.999*removed:
		r.Mode = ModeChillers
	default:
		r.Mode = ModePartial
	}
	d.Trim = d.MechanicalKW > 0
}

// chilledWater runs the chilled-water pump and the air-cooled chillers on
// loadKW and returns the heat they remove (pump heat included). Their
// condensers release the heat, compressor and fan work to the outdoor air.
func (h *Hall) chilledWater(in Load, loadKW float64, r *Result) float64 {
	w := &h.CHW
	designKW := h.chwDesignM3S * waterRhoCp * w.DeltaTK
	q := loadKW
	if designKW > 0 {
		for range 3 {
			f := clamp(q/designKW, w.MinFlow, 1)
			r.CHWPumpKW = w.PumpKW * f * (w.StaticFrac + (1-w.StaticFrac)*f*f)
			q = loadKW + r.CHWPumpKW
		}
	}
	if in.Outage.NoPower {
		r.UnmetKW += q // compressors and condenser fans are not on UPS
		return 0
	}
	d := &r.Design
	// Free cooling: coils ahead of the evaporators pre-cool the return with
	// outdoor air, to within FreeApproachK of the dry bulb, their fans by the
	// cube of the speed the load needs.
	var free float64
	if fc := h.FreeApproachK; fc > 0 && h.Chillers.Count > 0 {
		flow := clamp(q/designKW, w.MinFlow, 1) * h.chwDesignM3S * waterRhoCp // kW/K
		tRet := w.SupplyC + q/flow
		if most := flow * (tRet - in.Outdoor.DryBulbC - fc); most > 0 {
			free = min(q, most)
			sp := max(free/most, 0.2)
			fan := float64(h.Chillers.Count) * h.Chillers.Unit.CapacityKW * h.Chillers.CondFanRatio * sp * sp * sp
			d.CondFanKW += fan
			d.AirRejectedKW += free + fan
		}
	}
	b := h.Chillers.run(q-free, w.SupplyC, in.Outdoor.DryBulbC, in.Outage.ChillersOut)
	r.UnmetKW += b.unmetKW
	r.ChillerKW += b.compKW
	r.ChillersOn += b.on
	d.CondFanKW += b.condFanKW
	d.AirRejectedKW += b.condenserHeatKW
	d.MechanicalKW += b.metKW
	return free + b.metKW
}

// airside runs the air handlers of an airside economizer or indirect
// evaporative coolers on the room's heat and returns the load left for the
// trim coil and the heat outdoor air removed. Heat the outdoor air carries
// away is added to the heat rejected.
func (h *Hall) airside(in Load, r *Result) (coilKW, freeKW float64) {
	a := &h.Airside
	d := &r.Design
	heat := in.AirHeatKW
	capM3S := float64(a.Units) * a.AirflowM3S
	dT := a.ReturnAirC - a.SupplyAirC
	f := heat / (a.airRhoCp * dT) / capM3S
	if f > 1 {
		r.UnmetKW += heat * (1 - 1/f)
		heat /= f
		f = 1
	}
	s := max(f, a.MinSpeed)
	r.CRAHFanKW = float64(a.Units) * a.FanKW * s * s * s
	need := heat + r.CRAHFanKW         // to bring the air back to the supply set point
	flowKWK := a.airRhoCp * s * capM3S // heat-capacity rate of the supply air, kW/K
	if need <= 0 || flowKWK <= 0 {
		return max(need, 0), 0
	}
	tReturn := a.SupplyAirC + need/flowKWK
	o := &in.Outdoor
	water := !in.Outage.NoWater && !in.Outage.NoPower
	var free float64 // heat removed by outdoor air, kW
	if h.Air == AirDirect {
		// Outdoor air, evaporatively cooled when that helps, if its humidity
		// suits the envelope (in steady state the room takes the supply's
		// humidity ratio).
		pre, dW := o.DryBulbC, 0.0
		if o.HumRatio > a.wMax || pre >= tReturn {
			pre = math.Inf(1)
		}
		if pre > a.SupplyAirC && water {
			t, dw := evaporativeCooling(a.DirectEff, o.DryBulbC, in.WetBulbC, o.HumRatio, o.EnthalpyJPerKg)
			if room := a.wMax - o.HumRatio; dw > room && room > 0 {
				// Evaporate only up to the envelope's humidity: along the
				// adiabatic line the dry bulb falls in proportion.
				t = o.DryBulbC - (o.DryBulbC-t)*room/dw
				dw = room
			}
			if o.HumRatio+dw <= a.wMax && t < min(pre, tReturn) {
				// Evaporate only as much as the set point needs.
				if t < a.SupplyAirC {
					frac := (o.DryBulbC - a.SupplyAirC) / (o.DryBulbC - t)
					t, dw = a.SupplyAirC, dw*frac
				}
				pre, dW = t, dw
			}
		}
		if pre < tReturn {
			x := min((tReturn-a.SupplyAirC)/(tReturn-pre), 1) // outdoor-air fraction
			free = x * flowKWK * (tReturn - pre)
			free = min(free, need)
			d.OutsideAirFrac = x
			if dW > 0 {
				evap := x * flowKWK / cpAir * dW // dry-air mass flow × humidity gained
				d.SprayEvapKgS += evap
				d.SprayBleedKgS += evap / (a.Cycles - 1)
				d.Evaporative = true
			}
		}
	} else if !in.Outage.NoPower {
		// Indirect: the scavenger air takes the heat, dry or wetted; its fan
		// speed, and with it the capacity, is set to what is needed.
		dry := a.DryEff * flowKWK * max(tReturn-o.DryBulbC, 0)
		wet := a.WetBulbEff * flowKWK * max(tReturn-in.WetBulbC, 0)
		full := float64(a.Units) * a.SecondaryFanKW
		var sp float64
		switch {
		case dry >= need:
			free, sp = need, need/dry
		case water && wet > 0:
			free = min(need, wet)
			sp = free / wet
			// The scavenger air carries the heat away as latent heat
			// (EvaporativeCooler:Indirect:ResearchSpecial, wet mode).
			secKgS := max(sp, a.MinSpeed) * a.SecondaryRatio * flowKWK / cpAir
			evap, _ := indirectEvaporation(h.sat, free, secKgS, o.DryBulbC, o.HumRatio, o.EnthalpyJPerKg, o.PressurePa)
			d.SprayEvapKgS += evap
			d.SprayBleedKgS += evap / (a.Cycles - 1)
			d.Evaporative = evap > 0
		default:
			free, sp = dry, 1
		}
		sp = max(sp, a.MinSpeed)
		if free > 0 {
			r.CRAHFanKW += full * sp * sp * sp
			d.AirRejectedKW += full * sp * sp * sp // the scavenger fans' work leaves with their air
		}
	}
	d.AirRejectedKW += free
	return need - free, free
}

// facility runs the facility-water loop on heatKW from the CDUs: pumps, heat
// reuse, heat rejection and trim chillers.
func (h *Hall) facility(in Load, heatKW float64, r *Result) {
	f := &h.Facility
	d := &r.Design
	d.HasFacility = true
	designKW := f.designM3S * waterRhoCp * f.DeltaTK
	frac := clamp(heatKW/designKW, f.MinFlow, 1)
	d.FWPumpKW = f.PumpKW * frac * frac * frac
	q := heatKW + d.FWPumpKW
	cw := frac * f.designM3S * waterRhoCp // kW/K
	tRet := f.SupplyC + q/cw

	// Heat reuse from the return.
	if u := &h.Reuse; u.DemandKW > 0 && !in.Outage.NoPower && in.Outdoor.DryBulbC < u.BelowDryBulbC {
		src, del, work := u.run(tRet, q)
		d.ReuseSourceC = tRet
		q -= src
		tRet -= src / cw
		d.HeatReusedKW, d.HeatPumpKW = del, work
	}

	if in.Outage.NoPower {
		// Heat-rejection fans and compressors stop: the loop keeps its heat.
		r.UnmetKW += q
		d.FacilitySupplyC = tRet
		return
	}
	switch f.Rejection {
	case RejectDryCooler:
		d.FacilitySupplyC = h.dryCoolers(in, q, cw, tRet, r)
	case RejectTower:
		d.FacilitySupplyC = h.towers(in, q, cw, r)
	}
}

// run returns the heat the reuse loop takes from water returning at tRet
// (at most availKW), the heat it delivers and the heat pump's power, kW.
func (u *HeatReuse) run(tRet, availKW float64) (sourceKW, deliveredKW, workKW float64) {
	if tRet-u.ApproachK >= u.SupplyC {
		d := min(u.DemandKW, availKW) // a heat exchanger suffices
		return d, d, 0
	}
	sink := u.SupplyC + u.ApproachK
	lift := sink - (tRet - u.ApproachK)
	cop := u.CarnotEff * (sink + psychro.ZeroCK) / lift
	if cop <= 1 {
		return 0, 0, 0
	}
	del := min(u.DemandKW, availKW*cop/(cop-1))
	work := del / cop
	return del - work, del, work
}

// dryCoolers rejects q from water of heat-capacity rate cw returning at tRet
// and returns the supply temperature reached. Fans run as slowly as holds
// the set point; the pads are wetted when that is needed (or above
// SprayAboveC); the trim chillers cool what is left, and what they cannot
// do warms the loop until the coolers take it.
func (h *Hall) dryCoolers(in Load, q, cw, tRet float64, r *Result) float64 {
	f := &h.Facility
	dc := &f.DryCooler
	d := &r.Design
	o := &in.Outdoor
	n := max(dc.Units-in.Outage.HeatRejectionOut, 0)
	canSpray := dc.Adiabatic && !in.Outage.NoWater
	spray := canSpray && o.DryBulbC > dc.SprayAboveC
	tAir, dW := o.DryBulbC, 0.0
	wet := func() {
		tAir, dW = evaporativeCooling(dc.PadEff, o.DryBulbC, in.WetBulbC, o.HumRatio, o.EnthalpyJPerKg)
	}
	if spray {
		wet()
	}
	s, ok := 1.0, false
	if n > 0 {
		s, ok = dc.speedFrom(n, q, cw, tRet, tAir, &dc.warm[b2i(spray)])
		if !ok && canSpray && !spray {
			spray = true
			wet()
			s, ok = dc.speedFrom(n, q, cw, tRet, tAir, &dc.warm[1])
		}
	}
	supply, qdc := f.SupplyC, q
	if !ok {
		// At full speed the coolers remove ec·(tRet − tAir).
		var ec float64
		if n > 0 {
			ec = dc.effC(n, 1, cw)
		}
		qdc = ec * max(tRet-tAir, 0)
		if qdc <= 0 && h.TrimCapacityKW(o.DryBulbC)*trimOut(f, h.trimChillersOut(in.Outage)) >= q {
			n, spray = 0, false // air warmer than the water: the trim chillers take it all
		}
		met := h.trim(in, q-qdc, r)
		if rest := q - qdc - met; rest > 1e-9 {
			if ec > 0 {
				supply = tAir + (q-met)/ec - q/cw
				qdc = q - met
			} else {
				r.UnmetKW += rest
				supply = tRet
			}
		}
	}
	if n > 0 {
		d.DryCoolerFanKW = float64(n) * dc.FanKW * s * s * s
		if spray {
			evap := dc.airKgS(n, s) * dW
			d.SprayEvapKgS += evap
			d.SprayBleedKgS += evap / (dc.Cycles - 1)
			d.Evaporative = evap > 0
		}
	}
	d.AirRejectedKW += qdc + d.DryCoolerFanKW
	return supply
}

// b2i returns 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// trimOut returns the share of the trim chillers in service with out of
// them tripped.
func trimOut(f *FacilityWater, out int) float64 {
	if f.Trim.Count == 0 {
		return 0
	}
	return float64(max(f.Trim.Count-out, 0)) / float64(f.Trim.Count)
}

// trimChillersOut returns the trim chillers a chiller trip takes out: a trip
// counts against the air-cooled chillers of the chilled water when the hall
// has them, else against the facility loop's trim chillers (the units events
// are validated against), never against both.
func (h *Hall) trimChillersOut(o Outage) int {
	if h.Chillers.Count > 0 {
		return 0 // the trip counts against the air-cooled chillers (Units)
	}
	return o.ChillersOut
}

// towers rejects q through open cooling towers on the facility water, the
// trim chillers cooling what the towers cannot, and returns the supply
// temperature reached. The towers and the trim depend on each other through
// the water leaving the towers; a few passes settle it.
func (h *Hall) towers(in Load, q, cw float64, r *Result) float64 {
	f := &h.Facility
	t := f.Tower
	t.Cells -= in.Outage.HeatRejectionOut
	if t.Cells <= 0 || in.Outage.NoWater {
		met := h.trim(in, q, r)
		r.UnmetKW += q - met
		return f.SupplyC + (q-met)/cw
	}
	flow := cw / waterRhoCp
	var met, trimKW, condFan float64
	var on int
	var st towerState
	d := &r.Design
	for range maxPasses {
		prev := met
		st = t.operate(in.WetBulbC, q-met, flow, f.SupplyC)
		need := cw * max(st.leavingC-f.SupplyC, 0)
		b := f.Trim.run(need, f.SupplyC, in.Outdoor.DryBulbC, h.trimChillersOut(in.Outage))
		met, trimKW, condFan, on = b.metKW, b.compKW, b.condFanKW, b.on
		if math.Abs(met-prev) < 1e-3 {
			break
		}
	}
	r.ChillerKW += trimKW
	r.ChillersOn += on
	d.FacilityTrim = met > 0
	d.CondFanKW += condFan
	d.MechanicalKW += met
	d.AirRejectedKW += met + trimKW + condFan
	r.TowerHeatKW = q - met
	r.TowerFanKW = st.fanKW
	r.CondWaterC = st.leavingC
	r.TowerCells = st.cells
	r.TowerFanSpeed = st.frAir
	r.TowerWaterM3S = flow
	r.TowerDesignWaterM3S = float64(st.cells) * t.CellWaterM3S()
	r.TowerAirKgS = float64(st.cells) * st.frAir * t.CellAirKgS()
	return max(st.leavingC-met/cw, f.SupplyC)
}

// trim runs the trim chillers on needKW at the facility supply set point and
// returns the heat they remove.
func (h *Hall) trim(in Load, needKW float64, r *Result) float64 {
	f := &h.Facility
	if needKW <= 0 || f.Trim.Count == 0 {
		return 0
	}
	b := f.Trim.run(needKW, f.SupplyC, in.Outdoor.DryBulbC, h.trimChillersOut(in.Outage))
	r.ChillerKW += b.compKW
	r.ChillersOn += b.on
	d := &r.Design
	d.CondFanKW += b.condFanKW
	d.MechanicalKW += b.metKW
	d.AirRejectedKW += b.condenserHeatKW
	d.FacilityTrim = b.metKW > 0
	return b.metKW
}

// DryCoolerSupplyC returns the facility supply the dry coolers alone reach
// at full speed, without trim, rejecting heatKW (the CDUs' design heat) with
// entering air at airC and the loop at design flow: the check of a design
// against its W class.
func (h *Hall) DryCoolerSupplyC(heatKW, airC float64) float64 {
	f := &h.Facility
	cw := f.designM3S * waterRhoCp
	ec := f.DryCooler.effC(f.DryCooler.Units, 1, cw)
	return airC + heatKW/ec - heatKW/cw
}

// TrimCapacityKW returns the capacity of the trim chillers at the facility
// supply set point and outdoor air at oatC, kW.
func (h *Hall) TrimCapacityKW(oatC float64) float64 {
	f := &h.Facility
	if f.Trim.Count == 0 {
		return 0
	}
	b := f.Trim.run(math.Inf(1), f.SupplyC, oatC, 0)
	return b.availableKW
}
