package cooling

// Outage says which equipment is out of service in a step: failure
// scenarios, maintenance and loss of utility power.
type Outage struct {
	ChillersOut      int  // chillers (or trim chillers) unavailable
	HeatRejectionOut int  // tower cells or dry coolers unavailable
	NoWater          bool // make-up and spray water interrupted: no evaporation
	NoPower          bool // utility lost, generators not yet on: only UPS-fed fans and pumps run
}
