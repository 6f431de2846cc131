package thermal

import (
	"errors"
	"fmt"
	"math"
)

// WaterRhoCp is the volumetric heat capacity of water near 15 °C,
// kJ/(m³·K): 999 kg/m³ × 4.186 kJ/(kg·K).
const WaterRhoCp = 999 * 4.186

// Mass describes the heat capacities of a data hall, from the quantities a
// designer knows.
type Mass struct {
	// RoomVolumeM3 is the conditioned air volume of the hall, m³, and
	// AirRhoCp the volumetric heat capacity of its air, kJ/(m³·K) (about 1.2).
	RoomVolumeM3, AirRhoCp float64
	// AirMultiplier multiplies the room air's capacity for the furniture,
	// floor tiles and structure that follow its temperature (EnergyPlus's
	// zone capacitance multiplier; 1 counts the air alone).
	AirMultiplier float64
	// ITMassKg is the mass of the IT equipment and racks, kg, and
	// ITSpecificHeat its mean specific heat, kJ/(kg·K): 0.43–0.49 for steel,
	// 0.90 for aluminium, 0.39 for copper (Incropera & DeWitt, Fundamentals
	// of Heat and Mass Transfer, table A.1).
	ITMassKg, ITSpecificHeat float64
	// LoopM3 is the water in the chilled-water loop (pipes, coils, chiller
	// barrels), TankM3 a chilled-water storage tank on that loop, and
	// LiquidM3 the coolant in the secondary loops of liquid-cooled racks
	// (taken as water), m³. The tank is taken as fully mixed with the loop:
	// its whole volume warms with the loop water, which is the conservative
	// reading for a tank that could be stratified.
	LoopM3, TankM3, LiquidM3 float64
	// HeadroomK is how far the water can warm above the chilled-water supply
	// set point before the coils can no longer hold the supply air at its set
	// point: supply air − coil approach − chilled-water supply, K.
	HeadroomK float64
	// MaxRiseK is the rise of the room air above its set point at which the
	// IT equipment is taken to shut down on over-temperature. Heat that would
	// warm the room beyond it is not stored (Model.Advance reports it).
	MaxRiseK float64
}

// Validate reports capacities that cannot be.
func (m Mass) Validate() error {
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	for _, v := range []struct {
		name string
		x    float64
	}{{"room volume", m.RoomVolumeM3}, {"air heat capacity", m.AirRhoCp}, {"IT mass", m.ITMassKg}, {"IT specific heat", m.ITSpecificHeat},
		{"chilled-water loop volume", m.LoopM3}, {"tank volume", m.TankM3}, {"liquid loop volume", m.LiquidM3}, {"water headroom", m.HeadroomK}} {
		check(v.x >= 0 && !math.IsInf(v.x, 0), "%s %g: want ≥ 0", v.name, v.x)
	}
	check(m.AirMultiplier >= 1, "air capacitance multiplier %g: want ≥ 1", m.AirMultiplier)
	check(m.AirKJPerK() > 0, "the room air and IT equipment hold no heat: give a room volume or an IT mass")
	check(m.MaxRiseK > 0, "shutdown rise %g K: want > 0", m.MaxRiseK)
	return errors.Join(errs...)
}

// AirKJPerK returns the capacity of the air-side node, kJ/K: room air (with
// its multiplier) and IT equipment, taken at one temperature.
func (m Mass) AirKJPerK() float64 {
	return m.RoomVolumeM3*m.AirRhoCp*m.AirMultiplier + m.ITMassKg*m.ITSpecificHeat
}

// WaterKJPerK returns the capacity of the water-side node, kJ/K.
func (m Mass) WaterKJPerK() float64 {
	return (m.LoopM3 + m.TankM3 + m.LiquidM3) * WaterRhoCp
}

// Model is the thermal state of a hall: the heat stored in its air side
// (room air and IT equipment) and in its water side (chilled-water loop,
// tank and liquid loops), above their normal operating state, kJ.
//
// While the chilled-water pumps and CRAH fans run, the two sides are
// coupled through the coils: heat the plant does not remove warms the water
// first, the coils holding the supply air at its set point, until the water
// has used its headroom; beyond that air and water warm together, the supply
// air following the water. The coupling is taken as instantaneous, so the
// coupled state is a function of the total stored heat E alone:
//
//	E ≤ Cw·H:  air rise 0, water rise E/Cw
//	E > Cw·H:  air rise x = (E − Cw·H)/(Ca + Cw), water rise H + x
//
// While the pumps stand still the sides are apart: heat into the room air
// warms the air side alone, heat from the liquid-cooled racks the water
// side. IT equipment and room air share one temperature; for interruptions
// shorter than the equipment's own time constant (a few minutes) this
// overstates the inertia the air sees.
//
// Within a segment of constant heat flow the stored heat changes linearly,
// so Advance is exact for any step length, and the times at which the air
// passes a temperature follow in closed form.
type Model struct {
	ca, cw, hw float64 // kJ/K, kJ/K, kJ (the water's headroom, Cw·H)
	headroomK  float64
	maxRiseK   float64
	ea, ew     float64 // stored heat, kJ
	lost       float64 // heat not stored since the start, kJ
	segLost    float64 // of which in the last segment

	// The last segment, for the crossing times: its length, whether the
	// sides were coupled, and the tracked quantity (the total in the coupled
	// case, the air side's heat otherwise) at its start and end and its rate.
	segS           float64
	segCoupled     bool
	q0, q1, qRateS float64
}

// NewModel returns a model at rest for the hall m.
func NewModel(m Mass) (*Model, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	cw := m.WaterKJPerK()
	return &Model{ca: m.AirKJPerK(), cw: cw, hw: cw * m.HeadroomK, headroomK: m.HeadroomK, maxRiseK: m.MaxRiseK}, nil
}

// StoredKJ returns the heat stored above the normal state, kJ.
func (m *Model) StoredKJ() float64 { return m.ea + m.ew }

// AirRiseK returns how far the room air (and the rack inlets) run above
// their normal temperature, K.
func (m *Model) AirRiseK() float64 { return m.ea / m.ca }

// WaterRiseK returns how far the water side runs above the chilled-water
// supply set point, K (0 without water).
func (m *Model) WaterRiseK() float64 {
	if m.cw == 0 {
		return 0
	}
	return m.ew / m.cw
}

// HeadroomK returns how far the water may warm before the air does, K.
func (m *Model) HeadroomK() float64 { return m.headroomK }

// AirKJPerK and WaterKJPerK return the capacities of the two sides, kJ/K.
func (m *Model) AirKJPerK() float64   { return m.ca }
func (m *Model) WaterKJPerK() float64 { return m.cw }

// CoupledKJAt returns the total stored heat at which the coupled air side
// rises by riseK, kJ.
func (m *Model) CoupledKJAt(riseK float64) float64 { return m.hw + (m.ca+m.cw)*riseK }

// Advance moves the model through dtS seconds in which airKW flows into the
// air side and waterKW into the water side (negative: heat removed by the
// plant), coupled or not. Coupled, only the sum counts. The stored heat
// never falls below zero: the caller removes at most what is stored. Heat
// that would take the air past the shutdown rise is not stored and is
// returned, kJ.
func (m *Model) Advance(airKW, waterKW, dtS float64, coupled bool) (lostKJ float64) {
	lostKJ = m.advance(airKW, waterKW, dtS, coupled)
	m.lost += lostKJ
	m.segLost = lostKJ
	return lostKJ
}

// LostKJ returns the heat not stored since the model was made, kJ.
func (m *Model) LostKJ() float64 { return m.lost }

func (m *Model) advance(airKW, waterKW, dtS float64, coupled bool) (lostKJ float64) {
	m.segS, m.segCoupled = dtS, coupled
	if coupled {
		e0 := m.ea + m.ew
		e := e0 + (airKW+waterKW)*dtS
		if top := m.CoupledKJAt(m.maxRiseK); e > top {
			lostKJ = e - top
			e = top
		}
		if e < restKJ {
			e = 0
		}
		m.q0, m.q1, m.qRateS = e0, e, (airKW + waterKW)
		m.split(e)
		return lostKJ
	}
	a0 := m.ea
	m.ea += airKW * dtS
	if top := m.ca * m.maxRiseK; m.ea > top {
		lostKJ = m.ea - top
		m.ea = top
	}
	m.ew += waterKW * dtS
	if m.ea < restKJ {
		m.ea = 0
	}
	if m.ew < restKJ {
		m.ew = 0
	}
	m.q0, m.q1, m.qRateS = a0, m.ea, airKW
	return lostKJ
}

// restKJ is the stored heat below which the hall is taken to be back at
// rest (a millijoule: what rounding leaves when the plant removes it all).
const restKJ = 1e-6

// split places the total stored heat e on the coupled sides.
func (m *Model) split(e float64) {
	if e <= m.hw {
		m.ea, m.ew = 0, e
		return
	}
	x := (e - m.hw) / (m.ca + m.cw)
	m.ea, m.ew = m.ca*x, m.hw+m.cw*x
}

// level returns the tracked quantity at which the air side rises by riseK in
// the last segment's coupling.
func (m *Model) level(riseK float64) float64 {
	if m.segCoupled {
		return m.CoupledKJAt(riseK)
	}
	return m.ca * riseK
}

// SecondsAbove returns how long, within the last Advance, the air side ran
// more than riseK above its normal temperature, s. A negative riseK (a limit
// already below the normal temperature) counts the whole segment.
func (m *Model) SecondsAbove(riseK float64) float64 {
	if riseK < 0 {
		return m.segS
	}
	q := m.level(riseK)
	switch {
	case m.q0 > q && m.q1 > q:
		return m.segS
	case m.q0 <= q && m.q1 <= q:
		return 0
	case m.q1 > q: // rising through q
		return m.segS - (q-m.q0)/m.qRateS
	default: // falling through q
		return (q - m.q0) / m.qRateS
	}
}

// CrossingS returns when, in seconds from the start of the last Advance,
// the air side first rose past riseK, or −1 if it did not cross it there
// (including when it was already above at the start).
func (m *Model) CrossingS(riseK float64) float64 {
	q := m.level(riseK)
	if m.q0 > q || m.q1 <= q || m.qRateS <= 0 {
		return -1
	}
	return (q - m.q0) / m.qRateS
}

// Reset returns the model to rest.
func (m *Model) Reset() { m.ea, m.ew = 0, 0 }
