package thermal

// Config is the thermal side of a site: the class its rack inlets are
// judged against, the heat capacities of the hall, and the events to
// simulate. A zero Mass models no thermal mass: heat the plant cannot remove
// is then reported as unmet and leaves the heat balance, as in a plant-only
// model.
type Config struct {
	Class  Class
	Mass   Mass
	Events []Event
	// Failures are random failures, drawn from the site's seed, simulated
	// besides Events.
	Failures []Failures
}

// HasMass reports whether the configuration models thermal mass.
func (c *Config) HasMass() bool { return c.Mass.AirKJPerK() > 0 }
