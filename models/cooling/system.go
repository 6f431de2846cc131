package cooling

// System is a cooling design as the engine steps it: the chilled-water Plant
// or a Hall of another design. Init validates the design and derives its
// design flows for a site at pressurePa; Solve finds the operating point of
// one step without allocating. A System is used by one run at a time: the
// engine runs a Clone.
type System interface {
	Init(pressurePa float64) error
	Solve(in Load, r *Result)
	// SupplyAirC is the supply (cold-aisle) air set point, °C.
	SupplyAirC() float64
	// Clone returns an independent copy.
	Clone() System
}

// Outdoor is the outdoor air state of a step (computed once per weather hour
// from the file's values, ASHRAE Fundamentals ch. 1).
type Outdoor struct {
	DryBulbC       float64 // °C
	DewPointC      float64 // °C
	HumRatio       float64 // kg water per kg dry air
	EnthalpyJPerKg float64 // J per kg dry air
	PressurePa     float64 // station pressure, Pa
}

// DesignResult holds the components of the designs other than the
// chilled-water plant. Powers kW, water kg/s, temperatures °C.
type DesignResult struct {
	CondFanKW      float64 // condenser fans of air-cooled chillers (and trim chillers)
	DryCoolerFanKW float64 // dry-cooler fans
	FWPumpKW       float64 // facility-water pumps
	HeatPumpKW     float64 // heat-reuse heat pump compressor

	// AirRejectedKW is the heat released to the outdoor air other than by
	// cooling towers: dry coolers (with their fans), air-cooled condensers
	// (with compressor and fan power) and exhaust air.
	AirRejectedKW float64
	// HeatReusedKW is the heat delivered to the reuse loop (district heating
	// or process), heat-pump work included.
	HeatReusedKW float64
	// ReuseSourceC is the facility-water return temperature the reuse loop
	// took its heat from, °C (the waste heat's temperature).
	ReuseSourceC float64
	// MechanicalKW is the heat removed by compressors (chillers, trim
	// chillers, trim coils).
	MechanicalKW float64

	// SprayEvapKgS is water evaporated by adiabatic pre-coolers and
	// evaporative coolers; SprayBleedKgS the water they send to drain.
	SprayEvapKgS, SprayBleedKgS float64

	// FacilitySupplyC is the facility-water supply temperature delivered to
	// the CDUs (0 when the design has no facility-water loop).
	FacilitySupplyC float64
	// HasFacility says the design has a facility-water loop.
	HasFacility bool
	// Evaporative says evaporation (adiabatic spray, direct or indirect
	// evaporative cooling) ran in the step; Trim that a compressor did.
	Evaporative, Trim bool
	// FacilityTrim says the facility loop's trim chillers ran.
	FacilityTrim bool
	// OutsideAirFrac is the share of outdoor air in the supply air of an
	// airside economizer.
	OutsideAirFrac float64
}

func (d *DesignResult) powerKW() float64 {
	return d.CondFanKW + d.DryCoolerFanKW + d.FWPumpKW + d.HeatPumpKW
}

// HeatRejectedKW returns the heat the cooling system releases outdoors, kW:
// by the towers (the heat in their water and their fans' work) and by air.
func (r *Result) HeatRejectedKW() float64 {
	return r.TowerHeatKW + r.TowerFanKW + r.Design.AirRejectedKW
}

// SupplyAirC returns the CRAH supply air set point, °C.
func (p *Plant) SupplyAirC() float64 { return p.CRAH.SupplyAirC }

// Clone returns an independent copy of the plant.
func (p *Plant) Clone() System {
	c := *p
	return &c
}
