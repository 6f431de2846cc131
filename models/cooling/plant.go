package cooling

import (
	"errors"
	"fmt"
	"math"

	"github.com/dctwin/dctwin/models/psychro"
)

// CRAH is the bank of computer-room air handlers: chilled-water coils with
// variable-speed fans that all run together, sharing the air flow.
type CRAH struct {
	Units      int
	AirflowM3S float64 // air flow of one unit at full fan speed, m³/s
	FanKW      float64 // fan power of one unit at full speed, kW
	MinSpeed   float64 // lowest fan speed, fraction of full
	SupplyAirC float64 // supply air temperature set point, °C
	ReturnAirC float64 // design return (hot-aisle) air temperature, °C
}

// CDU is the set of coolant distribution units that carry the liquid-cooled
// racks' heat into the chilled-water loop through a heat exchanger.
type CDU struct {
	CapacityKW float64 // heat the CDUs can transfer at full flow, kW (0: no liquid cooling)
	PumpKW     float64 // secondary-loop pump power at full flow, kW
	MinSpeed   float64 // lowest pump speed, fraction of full
}

// ChilledWater is the variable-primary chilled-water loop.
type ChilledWater struct {
	SupplyC float64 // supply temperature set point, °C
	DeltaTK float64 // design return minus supply, K
	// PumpKW is the pump power at the design flow (the flow that carries the
	// chillers' total reference capacity at DeltaTK), kW.
	PumpKW float64
	// MinFlow is the lowest flow, as a fraction of design.
	MinFlow float64
	// StaticFrac is the share of the design pump head that does not fall with
	// flow (the differential-pressure set point), 0..1. Pump power follows the
	// system curve: P/P_design = f·(h_s + (1 − h_s)·f²) at flow fraction f.
	StaticFrac float64
	// OnUPS says the pumps are fed by the UPS and keep the water moving
	// through the coils while utility power is lost (Outage.NoPower).
	OnUPS bool
}

// Condenser is the condenser-water loop between chillers, economizer and towers.
type Condenser struct {
	// DeltaTK is the design range, K: one pump's flow carries one chiller's
	// design condenser heat, CapacityKW·(1 + 1/COP), at this range.
	DeltaTK float64
	// PumpKW is the power of one constant-speed condenser pump, kW. One pump per
	// chiller.
	PumpKW float64
	// SetpointC is the condenser water temperature the towers aim for when the
	// chillers run, °C.
	SetpointC float64
}

// Economizer is a waterside economizer: a plate heat exchanger that cools
// chilled-water return with tower water whenever the towers can make water
// colder than the return.
type Economizer struct {
	Enabled   bool
	ApproachK float64 // heat-exchanger approach, K
}

// Plant is a chilled-water plant with cooling towers. Call Init before Solve.
type Plant struct {
	CRAH         CRAH
	CDU          CDU
	ChilledWater ChilledWater
	Chillers     int
	Chiller      Chiller
	// StagePLR is the part-load ratio at which another chiller is started.
	StagePLR   float64
	Condenser  Condenser
	Tower      Tower
	Economizer Economizer

	airRhoCp     float64 // supply air, kJ/(m³·K)
	chwDesignM3S float64
	condPumpM3S  float64
}

// Mode is the economizer mode of a step.
type Mode int

// Economizer modes.
const (
	ModeChillers Mode = iota // chillers carry the whole load
	ModePartial              // the economizer pre-cools the return, chillers trim
	ModeFree                 // the economizer carries the whole load, chillers off
)

// Load is what the plant must remove in a step, and the outdoor wet bulb.
type Load struct {
	AirHeatKW    float64 // heat released into the room air, kW
	LiquidHeatKW float64 // heat captured by liquid-cooled racks, kW
	WetBulbC     float64 // outdoor wet bulb, °C
	// Outdoor is the rest of the outdoor air state, for the designs that
	// use dry bulb, humidity or enthalpy.
	Outdoor Outdoor
	Outage  Outage
}

// Result is the operating point of the plant in a step.
type Result struct {
	CRAHFanKW, CDUPumpKW, CHWPumpKW, CondPumpKW, ChillerKW, TowerFanKW float64

	EvaporatorKW float64 // heat removed from the chilled-water loop, kW
	EconomizerKW float64 // of which by the economizer heat exchanger, kW
	// TowerHeatKW is the heat carried to the towers by the condenser water, kW.
	TowerHeatKW float64
	// UnmetKW is heat the plant could not remove (air flow, CDU or chiller
	// capacity short), kW.
	UnmetKW float64

	Mode        Mode
	ChillersOn  int
	CondWaterC  float64 // water leaving the towers, °C
	CHWReturnC  float64 // chilled-water return, °C
	TowerCells  int     // cells in use
	TowerAirKgS float64 // air mass flow through the running cells, kg/s
	// TowerWaterM3S is the water circulating through the towers, m³/s.
	TowerWaterM3S float64
	// TowerDesignWaterM3S is the design water flow of the running cells, m³/s
	// (drift is a fraction of it, scaled by the fan speed).
	TowerDesignWaterM3S float64
	TowerFanSpeed       float64 // fraction of full speed

	// Design is the part of the operating point that only the designs other
	// than the chilled-water plant fill in (design.go).
	Design DesignResult
}

// CoolingKW returns the plant's electric power, kW.
func (r *Result) CoolingKW() float64 {
	return r.CRAHFanKW + r.CDUPumpKW + r.CHWPumpKW + r.CondPumpKW + r.ChillerKW + r.TowerFanKW + r.Design.powerKW()
}

// Init validates the plant and derives its design flows for a site at
// pressurePa.
func (p *Plant) Init(pressurePa float64) error {
	if err := p.validate(); err != nil {
		return err
	}
	// Supply air at the set point with a typical room humidity ratio.
	const w = 0.008
	v := psychro.MoistAirVolume(p.CRAH.SupplyAirC, w, pressurePa)
	p.airRhoCp = (1.006 + 1.86*w) / v
	p.chwDesignM3S = float64(p.Chillers) * p.Chiller.CapacityKW / (waterRhoCp * p.ChilledWater.DeltaTK)
	p.condPumpM3S = p.Chiller.CapacityKW * (1 + 1/p.Chiller.COP) / (waterRhoCp * p.Condenser.DeltaTK)
	return nil
}

func (p *Plant) validate() error {
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	c := p.CRAH
	check(c.Units >= 1, "crah units %d: want ≥ 1", c.Units)
	check(c.AirflowM3S > 0, "crah airflow %g m³/s: want > 0", c.AirflowM3S)
	check(c.FanKW >= 0, "crah fan power %g kW: want ≥ 0", c.FanKW)
	check(c.MinSpeed >= 0 && c.MinSpeed <= 1, "crah minimum speed %g: want 0..1", c.MinSpeed)
	check(c.ReturnAirC > c.SupplyAirC, "crah return air %g °C must be warmer than supply %g °C", c.ReturnAirC, c.SupplyAirC)
	check(c.SupplyAirC >= p.ChilledWater.SupplyC+1, "crah supply air %g °C must be at least 1 K warmer than the chilled water %g °C", c.SupplyAirC, p.ChilledWater.SupplyC)
	check(p.CDU.CapacityKW >= 0 && p.CDU.PumpKW >= 0, "cdu capacity %g kW and pump %g kW: want ≥ 0", p.CDU.CapacityKW, p.CDU.PumpKW)
	check(p.CDU.MinSpeed >= 0 && p.CDU.MinSpeed <= 1, "cdu minimum speed %g: want 0..1", p.CDU.MinSpeed)
	w := p.ChilledWater
	check(w.SupplyC >= 1 && w.SupplyC <= 30, "chilled water supply %g °C: want 1..30", w.SupplyC)
	check(w.DeltaTK > 0 && w.DeltaTK <= 20, "chilled water ΔT %g K: want 0..20", w.DeltaTK)
	check(w.PumpKW >= 0, "chilled water pump %g kW: want ≥ 0", w.PumpKW)
	check(w.MinFlow > 0 && w.MinFlow <= 1, "chilled water minimum flow %g: want 0..1", w.MinFlow)
	check(w.StaticFrac >= 0 && w.StaticFrac <= 1, "chilled water static head fraction %g: want 0..1", w.StaticFrac)
	check(p.Chillers >= 1, "chillers %d: want ≥ 1", p.Chillers)
	if err := p.Chiller.Validate(); err != nil {
		errs = append(errs, err)
	}
	check(p.StagePLR > 0 && p.StagePLR <= 1, "chiller staging part-load ratio %g: want 0..1", p.StagePLR)
	check(p.Condenser.DeltaTK > 0 && p.Condenser.DeltaTK <= 20, "condenser ΔT %g K: want 0..20", p.Condenser.DeltaTK)
	check(p.Condenser.PumpKW >= 0, "condenser pump %g kW: want ≥ 0", p.Condenser.PumpKW)
	check(p.Condenser.SetpointC >= 5 && p.Condenser.SetpointC <= 45, "condenser set point %g °C: want 5..45", p.Condenser.SetpointC)
	t := p.Tower
	check(t.Cells >= 1, "tower cells %d: want ≥ 1", t.Cells)
	check(t.CellKW > 0, "tower cell capacity %g kW: want > 0", t.CellKW)
	check(t.FanKW >= 0, "tower fan power %g kW: want ≥ 0", t.FanKW)
	check(t.MinFanSpeed > 0 && t.MinFanSpeed <= 1, "tower minimum fan speed %g: want 0..1", t.MinFanSpeed)
	check(t.DesignLG >= 0.3 && t.DesignLG <= 3, "tower design L/G %g: want 0.3..3", t.DesignLG)
	check(!p.Economizer.Enabled || (p.Economizer.ApproachK >= 0.5 && p.Economizer.ApproachK <= 10), "economizer approach %g K: want 0.5..10", p.Economizer.ApproachK)
	return errors.Join(errs...)
}

// Solve finds the plant's operating point for one step. It does not allocate.
func (p *Plant) Solve(in Load, r *Result) {
	if in.Outage != (Outage{}) {
		p.solveOutage(in, r)
		return
	}
	*r = Result{}
	coil := p.airSide(in.AirHeatKW, r)
	liquid := p.liquidSide(in.LiquidHeatKW, r)
	p.chilledWaterPump(coil+liquid, r)

	flowCHW := r.EvaporatorKW / (waterRhoCp * p.ChilledWater.DeltaTK)
	flowCHW = max(flowCHW, p.ChilledWater.MinFlow*p.chwDesignM3S)
	flowCHW = min(flowCHW, p.chwDesignM3S)
	r.CHWReturnC = p.ChilledWater.SupplyC + r.EvaporatorKW/(waterRhoCp*flowCHW)

	if !p.Economizer.Enabled {
		p.chillersOnly(in.WetBulbC, r)
		return
	}
	if p.freeCooling(in.WetBulbC, r) {
		return
	}
	// Partial economizing runs the towers at full speed and every condenser
	// pump; near the end of its range that can cost more than it saves, and
	// the plant then runs the chillers alone.
	withHX := *r
	ok := p.partial(in.WetBulbC, flowCHW, &withHX)
	p.chillersOnly(in.WetBulbC, r)
	if ok && withHX.CoolingKW() < r.CoolingKW() {
		*r = withHX
	}
}

// airSide sizes the CRAH air flow to carry the room's heat at the design air
// ΔT and returns the coil load (room heat removed plus fan heat).
func (p *Plant) airSide(heatKW float64, r *Result) float64 {
	return p.CRAH.carry(heatKW, p.airRhoCp, r)
}

// liquidSide returns the heat the CDUs pass to the chilled water, their pump
// heat included; without liquid heat the pumps are off.
func (p *Plant) liquidSide(heatKW float64, r *Result) float64 {
	if heatKW <= 0 {
		return 0
	}
	return p.CDU.carry(heatKW, r)
}

// carry moves heatKW of room heat through the CRAHs, whose supply air holds
// rhoCp kJ/(m³·K), at the design air ΔT, and returns the coil load: the heat
// removed plus the fans' heat. The fans follow the cube of their speed
// (affinity laws); heat beyond the units' full air flow is unmet.
func (c *CRAH) carry(heatKW, rhoCp float64, r *Result) float64 {
	capM3S := float64(c.Units) * c.AirflowM3S
	need := heatKW / (rhoCp * (c.ReturnAirC - c.SupplyAirC))
	f := need / capM3S
	if f > 1 {
		r.UnmetKW += heatKW * (1 - 1/f)
		heatKW /= f
		f = 1
	}
	s := max(f, c.MinSpeed)
	r.CRAHFanKW = float64(c.Units) * c.FanKW * s * s * s
	return heatKW + r.CRAHFanKW
}

// carry moves heatKW of liquid-cooled racks' heat through the CDUs and
// returns it with the pumps' heat (cube of the flow, affinity laws); heat
// beyond their capacity is unmet.
func (c *CDU) carry(heatKW float64, r *Result) float64 {
	if heatKW > c.CapacityKW {
		r.UnmetKW += heatKW - c.CapacityKW
		heatKW = c.CapacityKW
	}
	if c.CapacityKW <= 0 {
		return 0
	}
	s := max(heatKW/c.CapacityKW, c.MinSpeed)
	r.CDUPumpKW = c.PumpKW * s * s * s
	return heatKW + r.CDUPumpKW
}

// chilledWaterPump adds the pump, whose heat also enters the water: the
// evaporator load q = load + P(q) is found by fixed-point iteration.
func (p *Plant) chilledWaterPump(loadKW float64, r *Result) {
	w := &p.ChilledWater
	q := loadKW
	designKW := p.chwDesignM3S * waterRhoCp * w.DeltaTK
	for range 3 {
		f := clamp(q/designKW, w.MinFlow, 1)
		r.CHWPumpKW = w.PumpKW * f * (w.StaticFrac + (1-w.StaticFrac)*f*f)
		q = loadKW + r.CHWPumpKW
	}
	r.EvaporatorKW = q
}

// condenserPumps returns how many condenser pumps run to carry heatKW at the
// design range, at least minPumps, at most one per chiller.
func (p *Plant) condenserPumps(heatKW float64, minPumps int) int {
	perPump := p.condPumpM3S * waterRhoCp * p.Condenser.DeltaTK
	n := int(math.Ceil(heatKW / perPump))
	return min(max(n, minPumps, 1), p.Chillers)
}

// reject runs the towers on heatKW with n condenser pumps, aiming at targetC.
func (p *Plant) reject(twb, heatKW float64, pumps int, targetC float64, r *Result) {
	r.CondPumpKW = float64(pumps) * p.Condenser.PumpKW
	flow := float64(pumps) * p.condPumpM3S
	heatKW += r.CondPumpKW // pump work ends as heat in the condenser water
	s := p.Tower.operate(twb, heatKW, flow, targetC)
	r.TowerHeatKW = heatKW
	r.TowerFanKW = s.fanKW
	r.CondWaterC = s.leavingC
	r.TowerCells = s.cells
	r.TowerFanSpeed = s.frAir
	r.TowerWaterM3S = flow
	r.TowerDesignWaterM3S = float64(s.cells) * p.Tower.CellWaterM3S()
	r.TowerAirKgS = float64(s.cells) * s.frAir * p.Tower.CellAirKgS()
}

// freeCooling reports whether the towers, through the economizer, can carry
// the whole load at the chilled-water set point; if so it sets r. In the
// economizer modes every condenser pump runs, spreading the water over as many
// tower cells as possible to make the coldest water.
func (p *Plant) freeCooling(twb float64, r *Result) bool {
	target := p.ChilledWater.SupplyC - p.Economizer.ApproachK
	q := r.EvaporatorKW
	p.reject(twb, q, p.Chillers, target, r)
	if r.CondWaterC > target+1e-9 {
		return false
	}
	r.Mode = ModeFree
	r.EconomizerKW = q
	return true
}

// partial runs the economizer on the chilled-water return with the towers at
// full speed, the chillers trimming to the set point, when the towers can make
// water colder than the return. The tower water temperature and the heat it
// carries depend on each other; a few fixed-point passes settle them.
func (p *Plant) partial(twb, flowCHW float64, r *Result) bool {
	// r holds the towers at full speed on the whole load, from freeCooling.
	condC := r.CondWaterC
	if condC+p.Economizer.ApproachK >= r.CHWReturnC {
		return false
	}
	q := r.EvaporatorKW
	var unmet float64
	for range maxPasses {
		prev := condC
		hx := clamp(flowCHW*waterRhoCp*(r.CHWReturnC-condC-p.Economizer.ApproachK), 0, q)
		var n int
		var power float64
		n, power, unmet = p.chillers(q-hx, condC)
		r.EconomizerKW, r.ChillersOn, r.ChillerKW = hx, n, power
		heat := q - unmet + power
		p.reject(twb, heat, p.Chillers, math.Inf(-1), r)
		condC = r.CondWaterC
		if math.Abs(condC-prev) < passTolK {
			break
		}
	}
	if r.EconomizerKW <= 0 {
		return false // the towers cannot reach below the return once the chillers' heat is added
	}
	r.UnmetKW += unmet
	r.Mode = ModePartial
	return true
}

// The chillers and the towers depend on each other through the condenser
// water temperature: passes of the fixed-point iteration stop when it moves
// less than passTolK, or after maxPasses.
const (
	maxPasses = 12
	passTolK  = 1e-3
)

// chillersOnly runs the chillers on the whole load, the towers aiming at the
// condenser set point.
func (p *Plant) chillersOnly(twb float64, r *Result) {
	q := r.EvaporatorKW
	condC := p.Condenser.SetpointC
	var unmet float64
	for range maxPasses {
		prev := condC
		var n int
		var power float64
		n, power, unmet = p.chillers(q, condC)
		r.ChillersOn, r.ChillerKW = n, power
		heat := q - unmet + power
		p.reject(twb, heat, p.condenserPumps(heat, n), p.Condenser.SetpointC, r)
		condC = r.CondWaterC
		if math.Abs(condC-prev) < passTolK {
			break
		}
	}
	r.EconomizerKW = 0
	r.UnmetKW += unmet
	r.Mode = ModeChillers
}

// chillers stages the chillers on loadKW at entering condenser water condC:
// the fewest that keep each at or below StagePLR, sharing the load equally.
// Load beyond all chillers' capacity is returned as unmet.
func (p *Plant) chillers(loadKW, condC float64) (n int, powerKW, unmetKW float64) {
	if loadKW <= 0 {
		return 0, 0, 0
	}
	ch := &p.Chiller
	chw := p.ChilledWater.SupplyC
	avail := ch.AvailableKW(chw, condC)
	if most := float64(p.Chillers) * avail * ch.MaxPLR; loadKW > most {
		unmetKW = loadKW - most
		loadKW = most
	}
	n = int(math.Ceil(loadKW / (avail * p.StagePLR)))
	n = min(max(n, 1), p.Chillers)
	return n, float64(n) * ch.PowerKW(loadKW/float64(n), avail, chw, condC), unmetKW
}
