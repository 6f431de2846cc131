package power

import (
	"fmt"
	"math"
)

// Battery is a stationary battery energy store. Its round-trip efficiency is
// split evenly between charge and discharge (√η each way), the usual
// simplification of a constant-efficiency storage model (e.g. HOMER's
// "kinetic battery" without rate effects; NREL ReEDS/PLEXOS storage models).
// Self-discharge and ageing are not modelled.
type Battery struct {
	EnergyKWh  float64 // usable nameplate energy, kWh
	PowerKW    float64 // largest charge or discharge power at the AC terminals, kW
	RoundTrip  float64 // AC-to-AC round-trip efficiency, 0..1 (0.85–0.9 for Li-ion)
	MinSoC     float64 // lowest state of charge, fraction of EnergyKWh
	MaxSoC     float64 // highest state of charge, fraction of EnergyKWh
	InitialSoC float64 // state of charge at the start, fraction
}

// BatteryState is the state that carries from step to step.
type BatteryState struct {
	StoredKWh float64 // energy in the cells, kWh
}

// Validate reports parameters outside physical ranges.
func (b Battery) Validate() error {
	switch {
	case !(b.EnergyKWh >= 0 && b.PowerKW >= 0):
		return fmt.Errorf("battery: energy %g kWh, power %g kW: want ≥ 0", b.EnergyKWh, b.PowerKW)
	case !(b.RoundTrip > 0 && b.RoundTrip <= 1):
		return fmt.Errorf("battery: round-trip efficiency %g: want 0..1", b.RoundTrip)
	case !(b.MinSoC >= 0 && b.MinSoC < b.MaxSoC && b.MaxSoC <= 1):
		return fmt.Errorf("battery: state-of-charge limits %g..%g: want 0 ≤ min < max ≤ 1", b.MinSoC, b.MaxSoC)
	case !(b.InitialSoC >= b.MinSoC && b.InitialSoC <= b.MaxSoC):
		return fmt.Errorf("battery: initial state of charge %g: want within %g..%g", b.InitialSoC, b.MinSoC, b.MaxSoC)
	}
	return nil
}

// Start returns the initial state.
func (b Battery) Start() BatteryState { return BatteryState{StoredKWh: b.InitialSoC * b.EnergyKWh} }

// Charge draws up to kw (AC, kW) for h hours, within the power limit and the
// room left below MaxSoC, and returns the AC power drawn and the power lost.
func (b Battery) Charge(s *BatteryState, kw, h float64) (drawKW, lossKW float64) {
	if kw <= 0 || b.EnergyKWh <= 0 {
		return 0, 0
	}
	eta := math.Sqrt(b.RoundTrip)
	room := b.MaxSoC*b.EnergyKWh - s.StoredKWh
	drawKW = math.Max(0, math.Min(math.Min(kw, b.PowerKW), room/(eta*h)))
	s.StoredKWh = math.Min(s.StoredKWh+drawKW*eta*h, b.MaxSoC*b.EnergyKWh)
	return drawKW, drawKW * (1 - eta)
}

// Discharge delivers up to kw (AC, kW) for h hours, within the power limit
// and the energy above MinSoC, and returns the AC power delivered and the
// power lost.
func (b Battery) Discharge(s *BatteryState, kw, h float64) (deliverKW, lossKW float64) {
	if kw <= 0 || b.EnergyKWh <= 0 {
		return 0, 0
	}
	eta := math.Sqrt(b.RoundTrip)
	avail := s.StoredKWh - b.MinSoC*b.EnergyKWh
	deliverKW = math.Max(0, math.Min(math.Min(kw, b.PowerKW), avail*eta/h))
	s.StoredKWh = math.Max(s.StoredKWh-deliverKW/eta*h, b.MinSoC*b.EnergyKWh)
	return deliverKW, deliverKW * (1/eta - 1)
}

// Generator is a set of standby diesel generators.
//
// Fuel follows the linear fuel curve of HOMER (Lambert, Gilman & Lilienthal
// 2006, "Micropower system modeling with HOMER", ch. 15 of Integration of
// Alternative Sources of Energy): F = F0·P_rated + F1·P, L/h, with HOMER's
// diesel defaults F0 = 0.08145 L/h per kW rated and F1 = 0.246 L/h per kW
// output. CO₂ is 10.21 kg per US gallon of distillate fuel oil No. 2 (US EPA
// GHG Emission Factors Hub, 2024, Table 1: 73.96 kg CO₂/MMBtu × 0.138
// MMBtu/gal) = 2.697 kg/L.
type Generator struct {
	CapacityKW float64 // total rating of the sets, kW
	F0, F1     float64 // fuel curve, L/h per kW rated and per kW output
	CO2KgPerL  float64 // kg CO₂ per litre of fuel
}

// DefaultGenerator returns diesel sets of capacityKW with the defaults above.
func DefaultGenerator(capacityKW float64) Generator {
	return Generator{CapacityKW: capacityKW, F0: 0.08145, F1: 0.246, CO2KgPerL: 10.21 / 3.785411784}
}

// FuelLPerH returns the fuel burnt, L/h, while the sets deliver kw (0 < kw ≤
// CapacityKW); 0 when they are off.
func (g Generator) FuelLPerH(kw float64) float64 {
	if kw <= 0 {
		return 0
	}
	return g.F0*g.CapacityKW + g.F1*kw
}
