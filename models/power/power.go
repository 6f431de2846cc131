package power

import (
	"fmt"
	"math"
)

// Stage is one conversion stage (a transformer, a UPS, a PDU) with its losses
// by the three-term model of White Paper 113.
type Stage struct {
	Name string
	// RatingKW is the total output rating of the installed units, kW (for
	// redundant systems, the rating of all units that share the load: a 2N UPS
	// of two 5 MW systems has 10 MW).
	RatingKW float64
	// NoLoad is the no-load loss as a fraction of the rating.
	NoLoad float64
	// Proportional is the loss proportional to the load, as a fraction of the load.
	Proportional float64
	// Square is the square-law loss at full load as a fraction of the rating.
	Square float64
}

// LossKW returns the power lost, kW, when the stage delivers loadKW.
func (s Stage) LossKW(loadKW float64) float64 {
	if s.RatingKW <= 0 {
		return 0
	}
	x := loadKW / s.RatingKW
	return s.RatingKW * (s.NoLoad + s.Proportional*x + s.Square*x*x)
}

// Efficiency returns output/input at the load fraction x of the rating.
func (s Stage) Efficiency(x float64) float64 {
	load := x * s.RatingKW
	return load / (load + s.LossKW(load))
}

// Validate reports coefficients outside physical ranges.
func (s Stage) Validate() error {
	switch {
	case !(s.RatingKW > 0) || math.IsInf(s.RatingKW, 0):
		return fmt.Errorf("%s: rating %g kW: want a positive rating", s.Name, s.RatingKW)
	case !(s.NoLoad >= 0 && s.NoLoad <= 0.1):
		return fmt.Errorf("%s: no-load loss %g: want 0..0.1 of the rating", s.Name, s.NoLoad)
	case !(s.Proportional >= 0 && s.Proportional <= 0.1):
		return fmt.Errorf("%s: proportional loss %g: want 0..0.1 of the load", s.Name, s.Proportional)
	case !(s.Square >= 0 && s.Square <= 0.1):
		return fmt.Errorf("%s: square-law loss %g: want 0..0.1 of the rating", s.Name, s.Square)
	}
	return nil
}

// Default loss coefficients. The UPS figures give a modern double-conversion
// UPS 94.6 % efficient at 25 % load, 96.2 % at 50 % and 96.6 % at full load,
// in line with the ENERGY STAR-qualified average efficiency of 96.7 % the US
// FEMP cites for large UPSs (REFERENCE.md §4.2). The PDU figures describe a
// transformer-type PDU 98.5 % efficient at 35 % load. The transformer figures
// give a medium-voltage liquid-immersed unit about 99.5 % efficient at half
// load, the order of the US minimum efficiencies for large distribution
// transformers (10 CFR 431.196).
var (
	DefaultUPS         = Stage{Name: "UPS", NoLoad: 0.010, Proportional: 0.015, Square: 0.010}
	DefaultPDU         = Stage{Name: "PDU", NoLoad: 0.004, Proportional: 0, Square: 0.012}
	DefaultTransformer = Stage{Name: "transformer", NoLoad: 0.0006, Proportional: 0, Square: 0.007}
)

// Chain is the path from the utility to the racks: utility transformer → UPS →
// PDU → racks. Mechanical (cooling) and other loads are fed from the
// transformer without passing through the UPS.
type Chain struct {
	Transformer Stage
	UPS         Stage
	PDU         Stage
	// LightingKW is lighting and small power inside the conditioned space; its
	// heat is removed by the cooling plant.
	LightingKW float64
	// OfficeKW is offices, security and other loads outside the white space,
	// conditioned by their own systems; their heat leaves the building
	// directly.
	OfficeKW float64
}

// Flow is the power flow of one instant, kW.
type Flow struct {
	PDULossKW, UPSLossKW, TransformerLossKW float64
	// IndoorLossKW is the loss released inside the conditioned space (UPS and
	// PDU), a heat load on the cooling plant.
	IndoorLossKW float64
}

// Critical returns the losses of the UPS and the PDU when the racks draw itKW.
// Those losses are heat inside the conditioned space.
func (c *Chain) Critical(itKW float64) Flow {
	pdu := c.PDU.LossKW(itKW)
	ups := c.UPS.LossKW(itKW + pdu)
	return Flow{PDULossKW: pdu, UPSLossKW: ups, IndoorLossKW: pdu + ups}
}

// Utility completes f with the transformer loss once the mechanical load is
// known: the transformer carries the UPS input, the cooling plant and the
// other loads. It returns the total power loss of the chain, kW.
func (c *Chain) Utility(f *Flow, itKW, coolingKW float64) float64 {
	load := itKW + f.PDULossKW + f.UPSLossKW + coolingKW + c.LightingKW + c.OfficeKW
	f.TransformerLossKW = c.Transformer.LossKW(load)
	return f.PDULossKW + f.UPSLossKW + f.TransformerLossKW
}

// OtherKW returns the site's other loads, kW.
func (c *Chain) OtherKW() float64 { return c.LightingKW + c.OfficeKW }

// Validate checks every stage and the other loads.
func (c *Chain) Validate() error {
	for _, s := range []Stage{c.Transformer, c.UPS, c.PDU} {
		if err := s.Validate(); err != nil {
			return err
		}
	}
	if !(c.LightingKW >= 0) || !(c.OfficeKW >= 0) {
		return fmt.Errorf("other loads: lighting %g kW, office %g kW: want ≥ 0", c.LightingKW, c.OfficeKW)
	}
	return nil
}
