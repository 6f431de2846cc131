package sim

import (
	"fmt"
	"math"
	"time"

	"github.com/dctwin/dctwin/models/cooling"
	"github.com/dctwin/dctwin/models/psychro"
	"github.com/dctwin/dctwin/models/thermal"
	"github.com/dctwin/dctwin/models/water"
)

// thermalState couples the plant to the hall's thermal mass and to the
// schedule of events. The runner calls it at two points of a step: before
// the racks (the inlet temperature the stored heat has caused), and in place
// of the plant and tower solve (step), which splits the step where the
// events change what is in service, asks the plant to remove stored heat
// when it can, and puts the heat it could not remove into the mass.
type thermalState struct {
	model *thermal.Model // nil: no thermal mass, unmet heat leaves the balance
	sched *thermal.Schedule
	class thermal.Class
	onUPS bool // chilled-water pumps on UPS: the water stays coupled without power

	start      time.Time
	step       time.Duration
	stepS      float64
	supplyAirC float64
	chwC       float64
	baseInletC float64 // warmest inlet with the hall at rest
	rides      []thermal.RideThrough
	random     int // the last rides are random failures

	// Of the current step.
	peakInletC     float64
	heatToMassKW   float64
	utilityOutFrac float64

	// Over the period.
	peakHallKW             float64 // most heat released in the hall in a step of normal operation
	aboveRecS, aboveAllowS float64
	maxInletC              float64
	lostKJ                 float64
	seg                    cooling.Result
}

const never = time.Duration(math.MaxInt64)

// thermalPlant is what the thermal side needs to know of a plant.
type thermalPlant struct {
	supplyAirC, chilledWaterC float64
	pumpsOnUPS                bool // chilled-water pumps on UPS
	chillers, rejection       int  // installed chillers and heat-rejection units
}

func thermalPlantOf(sys cooling.System) thermalPlant {
	switch p := sys.(type) {
	case *cooling.Plant:
		tp := thermalPlant{supplyAirC: p.CRAH.SupplyAirC, chilledWaterC: p.ChilledWater.SupplyC, pumpsOnUPS: p.ChilledWater.OnUPS}
		tp.chillers, tp.rejection = p.Units()
		return tp
	case *cooling.Hall:
		tp := thermalPlant{supplyAirC: p.SupplyAirC(), chilledWaterC: p.CHW.SupplyC, pumpsOnUPS: p.CHW.OnUPS}
		tp.chillers, tp.rejection = p.Units()
		return tp
	}
	return thermalPlant{supplyAirC: sys.SupplyAirC()}
}

// plantSolver solves a plant's operating point for a step.
type plantSolver interface {
	Solve(cooling.Load, *cooling.Result)
}

func newThermalState(s *Site, plant thermalPlant) (*thermalState, error) {
	c := &s.Thermal
	th := &thermalState{
		class: c.Class, onUPS: plant.pumpsOnUPS,
		start: s.Period.Start, step: s.Period.Step, stepS: s.Period.Step.Seconds(),
		supplyAirC: plant.supplyAirC, chwC: plant.chilledWaterC,
		maxInletC: math.Inf(-1),
	}
	if th.class.Name == "" {
		th.class, _ = thermal.LookupClass("A1")
	}
	if c.HasMass() {
		m, err := thermal.NewModel(c.Mass)
		if err != nil {
			return nil, fmt.Errorf("thermal mass: %w", err)
		}
		th.model = m
	}
	events := c.Events
	for _, f := range c.Failures {
		random := thermal.RandomEvents(f, time.Duration(s.Period.Steps)*s.Period.Step, SeedFor(s.Seed, s.Name, "failures:"+f.Kind.String()))
		th.random += len(random)
		events = append(events[:len(events):len(events)], random...)
	}
	if len(events) > 0 {
		th.sched = thermal.NewSchedule(events, plant.chillers, plant.rejection)
		for _, e := range events {
			th.rides = append(th.rides, thermal.RideThrough{Event: e})
		}
	}
	return th, nil
}

// validateThermal reports a thermal configuration the engine cannot run.
func (s *Site) validateThermal() error {
	c := &s.Thermal
	if c.HasMass() {
		if err := c.Mass.Validate(); err != nil {
			return fmt.Errorf("thermal mass: %w", err)
		}
	}
	pl := thermalPlantOf(s.CoolingSystem())
	if err := thermal.ValidateEvents(c.Events, time.Duration(s.Period.Steps)*s.Period.Step, pl.chillers, pl.rejection); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	for _, f := range c.Failures {
		installed := pl.chillers
		if f.Kind != thermal.ChillerTrip {
			installed = pl.rejection
		}
		if (f.Kind != thermal.ChillerTrip && f.Kind != thermal.CoolerTrip) || f.Units < 1 || f.Units > installed || f.MTBF <= 0 || f.MTTR <= 0 {
			return fmt.Errorf("random failures %+v: want chiller or cooler trips of 1..%d units with positive MTBF and MTTR", f, installed)
		}
	}
	return nil
}

// riseK returns how far the room air runs above its set point at the start
// of the step, K.
func (th *thermalState) riseK() float64 {
	if th.model == nil {
		return 0
	}
	return th.model.AirRiseK()
}

// UtilityOut reports whether the utility supply was lost during any part of
// the last step (UtilityOutFrac gives the share). The generators, when a
// site has them, carry the load then.
func (th *thermalState) UtilityOut() bool { return th.utilityOutFrac > 0 }

// UtilityOutFrac returns the share of the last step without utility power.
func (th *thermalState) UtilityOutFrac() float64 { return th.utilityOutFrac }

// solve runs the plant and the towers through step k of the period. rackInletC
// is the racks' warmest inlet for the step, as the fleet reported it.
func (th *thermalState) solve(k int, rackInletC float64, plant plantSolver, load cooling.Load, res *cooling.Result,
	tower *water.Tower, in water.Inlet, sat *psychro.SatTable) water.Use {
	rise := th.riseK()
	th.baseInletC = rackInletC - rise
	th.peakInletC = rackInletC
	th.heatToMassKW, th.utilityOutFrac = 0, 0
	t0 := time.Duration(k) * th.step
	t1 := t0 + th.step
	var (
		st   thermal.State
		next = never
	)
	if th.sched != nil {
		st, next = th.sched.At(t0)
	}
	stored := 0.0
	if th.model != nil {
		stored = th.model.StoredKJ()
	}
	if next >= t1 && st == (thermal.State{}) && stored == 0 {
		// Nothing out of service and nothing stored: the plant alone.
		plant.Solve(load, res)
		th.peakHallKW = max(th.peakHallKW, th.hallKW(&load, res))
		use := tower.Step(in, towerFlow(res), th.stepS, sat)
		if res.UnmetKW > 0 && th.model != nil {
			th.heatToMassKW = th.intoMass(t0, th.stepS, res.UnmetKW, 0, true) / th.stepS
		} else {
			th.atRest(th.stepS)
		}
		th.maxInletC = max(th.maxInletC, th.peakInletC)
		return use
	}

	// The plant is asked to remove the stored heat within the step besides
	// the load; what it cannot is left. The request goes with the room
	// air's heat (the CRAHs carry it), whichever side holds it. Without
	// power nothing can be removed, and nothing is asked.
	recoverKW := stored / th.stepS
	roomKW := load.AirHeatKW
	*res = cooling.Result{}
	var (
		use     water.Use
		unmet   float64
		toMass  float64
		longest float64
	)
	for t := t0; t < t1; {
		if th.sched != nil {
			st, next = th.sched.At(t)
		}
		end := min(next, t1)
		dt := (end - t).Seconds()
		load.Outage = st.Outage
		ask := recoverKW
		if st.Outage.NoPower {
			ask = 0
		}
		load.AirHeatKW = roomKW + ask
		seg := &th.seg
		plant.Solve(load, seg)
		u := tower.Step(in, towerFlow(seg), dt, sat)
		use.EvaporationL += u.EvaporationL
		use.DriftL += u.DriftL
		use.BlowdownL += u.BlowdownL
		w := dt / th.stepS
		addScaled(res, seg, w)
		if dt > longest {
			longest = dt
			res.Mode, res.ChillersOn, res.TowerCells = seg.Mode, seg.ChillersOn, seg.TowerCells
		}
		if st.UtilityOut {
			th.utilityOutFrac += w
		}
		net := seg.UnmetKW - ask // heat into the mass, kW
		unmet += w * max(net, 0)
		if th.model != nil {
			coupled := !st.Outage.NoPower || th.onUPS
			air := net
			if !coupled {
				// Nothing is removed: the room's heat and the CRAH fans' warm
				// the air, the liquid-cooled racks' heat the water.
				air = roomKW + seg.CRAHFanKW
			}
			toMass += th.intoMass(t, dt, air, net-air, coupled)
		} else {
			th.atRest(dt)
		}
		t = end
	}
	res.UnmetKW = unmet
	th.heatToMassKW = toMass / th.stepS
	th.maxInletC = max(th.maxInletC, th.peakInletC)
	return use
}

// hallKW returns the heat a total loss of cooling would leave to the mass
// that sets the inlet temperature: with UPS-fed chilled-water pumps the
// whole load with the fans' and pumps' heat (air and water coupled), without
// them the room air's share and the CRAH fans' heat.
func (th *thermalState) hallKW(load *cooling.Load, r *cooling.Result) float64 {
	if th.onUPS {
		return load.AirHeatKW + load.LiquidHeatKW + r.CRAHFanKW + r.CDUPumpKW + r.CHWPumpKW
	}
	return load.AirHeatKW + r.CRAHFanKW
}

// intoMass advances the mass through a segment starting at t and returns the
// heat it stored, kJ.
func (th *thermalState) intoMass(t time.Duration, dtS, airKW, waterKW float64, coupled bool) float64 {
	m := th.model
	before := m.StoredKJ()
	th.lostKJ += m.Advance(airKW, waterKW, dtS, coupled)
	th.peakInletC = max(th.peakInletC, th.baseInletC+m.AirRiseK())
	th.aboveRecS += m.SecondsAbove(th.class.RecommendedMaxC - th.baseInletC)
	th.aboveAllowS += m.SecondsAbove(th.class.AllowableMaxC - th.baseInletC)
	limit := th.class.AllowableMaxC - th.baseInletC
	for i := range th.rides {
		th.rides[i].Observe(m, t, limit)
	}
	return m.StoredKJ() - before
}

// atRest counts a segment with the hall at its normal temperature.
func (th *thermalState) atRest(dtS float64) {
	if th.baseInletC > th.class.RecommendedMaxC {
		th.aboveRecS += dtS
	}
	if th.baseInletC > th.class.AllowableMaxC {
		th.aboveAllowS += dtS
	}
}

// record puts the step's thermal quantities into v.
func (th *thermalState) record(v *stepValues) {
	v[qRoomAirC] = th.supplyAirC + th.riseK()
	v[qChilledWaterC] = th.chwC
	if th.model != nil {
		v[qChilledWaterC] += th.model.WaterRiseK()
		v[qStoredKWh] = th.model.StoredKJ() / 3600
	}
	v[qHeatToMassKW] = th.heatToMassKW
	v[qUtilityOutPct] = 100 * th.utilityOutFrac
}

func towerFlow(r *cooling.Result) water.TowerFlow {
	return water.TowerFlow{HeatKW: r.TowerHeatKW, AirKgS: r.TowerAirKgS, DesignWaterM3S: r.TowerDesignWaterM3S, FanSpeed: r.TowerFanSpeed}
}

// addScaled adds w × the continuous quantities of src to dst.
func addScaled(dst, src *cooling.Result, w float64) {
	dst.CRAHFanKW += w * src.CRAHFanKW
	dst.CDUPumpKW += w * src.CDUPumpKW
	dst.CHWPumpKW += w * src.CHWPumpKW
	dst.CondPumpKW += w * src.CondPumpKW
	dst.ChillerKW += w * src.ChillerKW
	dst.TowerFanKW += w * src.TowerFanKW
	dst.EvaporatorKW += w * src.EvaporatorKW
	dst.EconomizerKW += w * src.EconomizerKW
	dst.TowerHeatKW += w * src.TowerHeatKW
	dst.CondWaterC += w * src.CondWaterC
	dst.CHWReturnC += w * src.CHWReturnC
	dst.TowerAirKgS += w * src.TowerAirKgS
	dst.TowerWaterM3S += w * src.TowerWaterM3S
	dst.TowerDesignWaterM3S += w * src.TowerDesignWaterM3S
	dst.TowerFanSpeed += w * src.TowerFanSpeed
	d, e := &dst.Design, &src.Design
	d.CondFanKW += w * e.CondFanKW
	d.DryCoolerFanKW += w * e.DryCoolerFanKW
	d.FWPumpKW += w * e.FWPumpKW
	d.HeatPumpKW += w * e.HeatPumpKW
	d.AirRejectedKW += w * e.AirRejectedKW
	d.HeatReusedKW += w * e.HeatReusedKW
	d.MechanicalKW += w * e.MechanicalKW
	d.SprayEvapKgS += w * e.SprayEvapKgS
	d.SprayBleedKgS += w * e.SprayBleedKgS
	d.FacilitySupplyC += w * e.FacilitySupplyC
	d.OutsideAirFrac += w * e.OutsideAirFrac
	d.HasFacility = d.HasFacility || e.HasFacility
	d.Evaporative = d.Evaporative || e.Evaporative
	d.Trim = d.Trim || e.Trim
	d.FacilityTrim = d.FacilityTrim || e.FacilityTrim
}
