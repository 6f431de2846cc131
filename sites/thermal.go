package sites

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/dctwin/dctwin/models/cooling"
	"github.com/dctwin/dctwin/models/psychro"
	"github.com/dctwin/dctwin/models/thermal"
)

// The thermal side of a site file: [thermal], [resilience] and [[event]].

type thermalSpec struct {
	Class          *string  `toml:"class"`
	RoomVolumeM3   *float64 `toml:"room_volume_m3"`
	AirMultiplier  *float64 `toml:"air_capacitance_multiplier"`
	ITMassKg       *float64 `toml:"it_mass_kg"`
	ITSpecificHeat *float64 `toml:"it_specific_heat_kj_per_kgk"`
	CHWLoopM3      *float64 `toml:"chw_loop_m3"`
	TankM3         *float64 `toml:"tank_m3"`
	LiquidLoopM3   *float64 `toml:"liquid_loop_m3"`
	CoilApproachK  *float64 `toml:"coil_approach_k"`
	ShutdownInletC *float64 `toml:"shutdown_inlet_c"`
}

type resilienceSpec struct {
	Redundancy    *string  `toml:"redundancy"`
	CHWPumpsOnUPS *bool    `toml:"chw_pumps_on_ups"`
	ChillerMTBFH  *float64 `toml:"chiller_mtbf_h"`
	ChillerMTTRH  *float64 `toml:"chiller_mttr_h"`
	CoolerMTBFH   *float64 `toml:"rejection_mtbf_h"`
	CoolerMTTRH   *float64 `toml:"rejection_mttr_h"`
}

type eventSpec struct {
	Kind           *string `toml:"kind"`
	Start          any     `toml:"start"`
	Duration       *string `toml:"duration"`
	Units          *int64  `toml:"units"`
	GeneratorStart *string `toml:"generator_start"`
	ChillerRestart *string `toml:"chiller_restart"`
}

// rackMassKg is the default mass of one rack of each kind with its
// equipment, kg: a 42U rack of 1U–2U servers (about 20 kg each) and the
// cabinet; four DGX H100 systems (130 kg each) and the cabinet; a GB200
// NVL72 rack, about 1.36 t as published.
var rackMassKg = map[string]float64{"cpu": 600, "gpu-air": 700, "gpu-liquid": 1360}

// Defaults of the thermal mass.
const (
	roomM3PerRack         = 12     // m³ of hall per rack: about 3 m² of floor (with aisles) × 4 m
	chwLoopM3PerKW        = 0.0054 // 5 US gal per ton of chiller capacity
	liquidLoopM3PerKW     = 0.0005 // 0.5 L per kW of CDU capacity
	defaultCoilApproachK  = 4
	defaultShutdownInletC = 50
)

// spareChillers returns the chillers to add to the n that carry the design
// load for the redundancy r.
func spareChillers(r string, n int) int {
	switch r {
	case "N":
		return 0
	case "N+2":
		return 2
	case "2N":
		return n
	}
	return 1
}

// thermal assembles the thermal side: class, masses, UPS-fed pumps and events.
func (b *builder) thermal() {
	s := b.spec
	t := s.Thermal
	pl := b.coolingView()
	className := or(t.Class, "A1")
	class, _ := thermal.LookupClass(className) // the checker allows only known names
	supplyAir := pl.supplyAirC
	pressure := psychro.StandardAtmPressure(b.site.Weather.Location.ElevationM)
	rhoCp := (1.006 + 1.86*0.008) / psychro.MoistAirVolume(supplyAir, 0.008, pressure)

	racks, itMass := 0, 0.0
	for _, r := range s.Racks {
		n := float64(or(r.Count, 0))
		racks += int(n)
		itMass += n * rackMassKg[or(r.Kind, "cpu")]
	}
	approach := or(t.CoilApproachK, defaultCoilApproachK)
	headroom := supplyAir - approach - pl.chwSupplyC
	if headroom < 0 {
		if t.CoilApproachK != nil {
			b.add("thermal.coil_approach_k", "%g K leaves no headroom: the supply air %g °C minus the approach is below the chilled water %g °C", approach, supplyAir, pl.chwSupplyC)
			return
		}
		headroom = 0
	}
	shutdown := or(t.ShutdownInletC, defaultShutdownInletC)
	if shutdown <= class.AllowableMaxC {
		b.add("thermal.shutdown_inlet_c", "%g °C: want above the %s allowable maximum %g °C", shutdown, class.Name, class.AllowableMaxC)
		return
	}
	*pl.onUPS = or(s.Resilience.CHWPumpsOnUPS, false)
	m := thermal.Mass{
		RoomVolumeM3: or(t.RoomVolumeM3, roomM3PerRack*float64(racks)), AirRhoCp: rhoCp,
		AirMultiplier: or(t.AirMultiplier, 1),
		ITMassKg:      or(t.ITMassKg, itMass), ITSpecificHeat: or(t.ITSpecificHeat, 0.5),
		LoopM3:    or(t.CHWLoopM3, chwLoopM3PerKW*pl.chwPlantKW),
		TankM3:    or(t.TankM3, 0),
		LiquidM3:  or(t.LiquidLoopM3, liquidLoopM3PerKW*pl.cduKW),
		HeadroomK: headroom,
		// The warmest inlet runs up to the racks' inlet spread above the
		// supply air; the shutdown applies to it.
		MaxRiseK: shutdown - supplyAir - b.maxInletSpreadK(),
	}
	if m.MaxRiseK <= 0 {
		b.add("thermal.shutdown_inlet_c", "%g °C is below the warmest rack inlet at rest, %g °C", shutdown, supplyAir+b.maxInletSpreadK())
		return
	}
	if m.AirKJPerK() <= 0 {
		b.add("thermal", "the room air and IT equipment hold no heat: give room_volume_m3 or it_mass_kg above zero")
		return
	}
	b.site.Thermal = thermal.Config{Class: class, Mass: m}
	b.input("thermal", "class %s (recommended %g–%g °C, allowable %g–%g °C); air side %.0f kWh/K (%.0f m³ of air × %g, %.0f t of IT at %g kJ/(kg·K)); water side %.0f kWh/K (loop %.0f m³, tank %.0f m³, liquid loops %.1f m³), %.1f K of coil headroom; chilled-water pumps on UPS: %v",
		class.Name, class.RecommendedMinC, class.RecommendedMaxC, class.AllowableMinC, class.AllowableMaxC,
		m.AirKJPerK()/3600, m.RoomVolumeM3, m.AirMultiplier, m.ITMassKg/1000, m.ITSpecificHeat,
		m.WaterKJPerK()/3600, m.LoopM3, m.TankM3, m.LiquidM3, headroom, *pl.onUPS)

	if supplyAir < class.RecommendedMinC {
		b.warn("supply air %g °C is below the %s recommended minimum %g °C for rack inlets", supplyAir, class.Name, class.RecommendedMinC)
	}
	if hot := supplyAir + b.maxInletSpreadK(); hot > class.RecommendedMaxC {
		b.warn("the warmest rack inlet runs at %g °C at rest (supply air %g °C + inlet spread), above the %s recommended maximum %g °C", hot, supplyAir, class.Name, class.RecommendedMaxC)
	}
	b.events()
	b.failures()
}

// failures reads the MTBF and MTTR of random failures.
func (b *builder) failures() {
	r := b.spec.Resilience
	pl := b.coolingView()
	for _, f := range []struct {
		name       string
		kind       thermal.Kind
		units      int
		mtbf, mttr *float64
	}{{"chiller", thermal.ChillerTrip, pl.chillers, r.ChillerMTBFH, r.ChillerMTTRH}, {"rejection", thermal.CoolerTrip, pl.rejection, r.CoolerMTBFH, r.CoolerMTTRH}} {
		if (f.mtbf == nil) != (f.mttr == nil) {
			b.add("resilience."+f.name+"_mtbf_h", "give both %s_mtbf_h and %s_mttr_h for random failures", f.name, f.name)
			continue
		}
		if f.mtbf == nil || *f.mtbf == 0 || *f.mttr == 0 {
			continue
		}
		hours := func(h float64) time.Duration { return time.Duration(h * float64(time.Hour)) }
		b.site.Thermal.Failures = append(b.site.Thermal.Failures, thermal.Failures{Kind: f.kind, Units: f.units, MTBF: hours(*f.mtbf), MTTR: hours(*f.mttr)})
		b.input("random failures", "%d %s units, MTBF %g h, MTTR %g h (seeded)", f.units, f.name, *f.mtbf, *f.mttr)
	}
}

// maxInletSpreadK returns the largest inlet spread of the rack groups, K.
func (b *builder) maxInletSpreadK() float64 {
	var k float64
	for _, g := range b.site.Racks {
		k = max(k, g.InletSpreadK)
	}
	return k
}

// events reads the [[event]] tables.
func (b *builder) events() {
	p := b.site.Period
	var list []thermal.Event
	ok := true
	utility := false
	for i, e := range b.spec.Events {
		key := fmt.Sprintf("event[%d]", i)
		if e.Kind == nil {
			b.add(key+".kind", "missing: want one of %v", thermal.KindNames())
			ok = false
			continue
		}
		kind, _ := thermal.ParseKind(*e.Kind)
		ev := thermal.Event{Kind: kind, Units: int(or(e.Units, 1))}
		switch v := e.Start.(type) {
		case nil:
			b.add(key+".start", "missing: when the event begins, e.g. 2025-07-15T14:00")
			ok = false
		case time.Time:
			t := v
			if name := v.Location().String(); name == "date-local" || name == "datetime-local" || name == "time-local" {
				t = time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, b.zone)
			}
			ev.Start = t.Sub(p.Start)
		case string:
			t, err := parseDate(v, b.zone)
			if err != nil {
				ok = false // reported by the checker
				continue
			}
			ev.Start = t.Sub(p.Start)
		}
		if e.Duration == nil {
			b.add(key+".duration", "missing: how long the equipment stays out, e.g. \"30m\"")
			ok = false
		}
		ev.Duration = orDuration(e.Duration, 0)
		if kind == thermal.UtilityOutage {
			utility = true
			ev.GeneratorStart = orDuration(e.GeneratorStart, 10*time.Second)
			ev.ChillerRestart = orDuration(e.ChillerRestart, 5*time.Minute)
			if b.spec.Generator == nil {
				// Without standby generation the site would go dark once its
				// UPS ran out: a blackout the engine does not model.
				b.add(key+".kind", "a utility outage needs standby generators: give [generator] with its capacity_kw (a site without them loses its load, which dctwin does not model)")
				ok = false
			}
		} else {
			for _, k := range []struct {
				name  string
				given bool
			}{{"generator_start", e.GeneratorStart != nil}, {"chiller_restart", e.ChillerRestart != nil}} {
				if k.given {
					b.add(key+"."+k.name, "applies to utility-outage events only, not %s", kind)
					ok = false
				}
			}
		}
		if e.Units != nil && (kind == thermal.UtilityOutage || kind == thermal.WaterInterruption) {
			b.add(key+".units", "applies to trips and tower-out events only, not %s", kind)
			ok = false
		}
		list = append(list, ev)
	}
	if !ok {
		return
	}
	pl := b.coolingView()
	if err := thermal.ValidateEvents(list, time.Duration(p.Steps)*p.Step, pl.chillers, pl.rejection); err != nil {
		for _, e := range unjoin(err) {
			var ee *thermal.EventError
			if errors.As(e, &ee) {
				msg := ee.Msg
				if ee.Field == "start" && strings.HasPrefix(msg, "outside") {
					ev := list[ee.Index]
					msg = fmt.Sprintf("%s is outside the simulated period, %s to %s", p.Start.Add(ev.Start).Format("2006-01-02T15:04"), p.Start.Format("2006-01-02T15:04"), p.End().Format("2006-01-02T15:04"))
				}
				b.add(fmt.Sprintf("event[%d].%s", ee.Index, ee.Field), "%s", msg)
			} else {
				b.add("event", "%v", e)
			}
		}
		return
	}
	b.site.Thermal.Events = list
	for _, e := range list {
		b.input("event", "%s at %s for %s%s", e.Kind, p.Start.Add(e.Start).Format("2006-01-02 15:04:05"), durationText(e.Duration), eventDetail(e))
	}
	if utility && b.site.Thermal.Mass.TankM3 > 0 && !*pl.onUPS {
		b.warn("a chilled-water tank of %g m³ is given but its pumps are not on UPS (resilience.chw_pumps_on_ups): it cannot help until the generators carry the pumps", b.site.Thermal.Mass.TankM3)
	}
}

func eventDetail(e thermal.Event) string {
	switch e.Kind {
	case thermal.UtilityOutage:
		return fmt.Sprintf(", generators on after %s, chillers back %s later", durationText(e.GeneratorStart), durationText(e.ChillerRestart))
	case thermal.WaterInterruption:
		return ""
	}
	return fmt.Sprintf(", %d units", e.Units)
}

func durationText(d time.Duration) string {
	if d%time.Minute != 0 {
		return d.String()
	}
	return fmt.Sprint(math.Round(d.Minutes())) + " min"
}

// coolingView is what the thermal side needs of the site's cooling design,
// whichever design it is.
type coolingView struct {
	supplyAirC, chwSupplyC float64 // supply air and chilled-water set points, °C
	chwPlantKW             float64 // chillers' total capacity on the chilled water, kW
	cduKW                  float64 // CDUs' capacity, kW
	chillers, rejection    int     // units an event can trip
	onUPS                  *bool   // the chilled-water pumps on UPS
}

func (b *builder) coolingView() coolingView {
	if h, ok := b.site.Cooling.(*cooling.Hall); ok {
		v := coolingView{
			supplyAirC: h.SupplyAirC(), chwSupplyC: h.CHW.SupplyC,
			chwPlantKW: float64(h.Chillers.Count) * h.Chillers.Unit.CapacityKW,
			cduKW:      h.CDU.CapacityKW, onUPS: &h.CHW.OnUPS,
		}
		v.chillers, v.rejection = h.Units()
		return v
	}
	pl := &b.site.Plant
	v := coolingView{
		supplyAirC: pl.CRAH.SupplyAirC, chwSupplyC: pl.ChilledWater.SupplyC,
		chwPlantKW: float64(pl.Chillers) * pl.Chiller.CapacityKW, cduKW: pl.CDU.CapacityKW,
		onUPS: &pl.ChilledWater.OnUPS,
	}
	v.chillers, v.rejection = pl.Units()
	return v
}
