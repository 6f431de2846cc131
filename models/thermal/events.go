package thermal

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/dctwin/dctwin/models/cooling"
)

// Kind is the kind of an event.
type Kind int

// Event kinds.
const (
	ChillerTrip       Kind = iota // chillers stop (Units of them)
	CoolerTrip                    // heat-rejection units (tower cells, dry coolers) stop
	TowerOut                      // tower cells out of service (maintenance)
	UtilityOutage                 // utility power lost
	WaterInterruption             // make-up and spray water interrupted
)

var kindNames = [...]string{"chiller-trip", "cooler-trip", "tower-out", "utility-outage", "water-interruption"}

func (k Kind) String() string { return kindNames[k] }

// KindNames lists the event kinds as site files name them.
func KindNames() []string { return kindNames[:] }

// ParseKind reads an event kind.
func ParseKind(s string) (Kind, bool) {
	i := slices.Index(kindNames[:], s)
	return Kind(i), i >= 0
}

// Event is a failure, a maintenance outage or a loss of utility power.
type Event struct {
	Kind Kind
	// Start is when it begins, from the start of the period, and Duration
	// how long the equipment (or the utility) stays out.
	Start, Duration time.Duration
	// Units is how many chillers or heat-rejection units (trips, tower-out).
	Units int
	// GeneratorStart is, for a utility outage, the time from the loss of
	// utility power until the generators carry the load: start, reach
	// speed and transfer. NFPA 110 Type 10 systems must do so within 10 s.
	// Until then only UPS-fed equipment runs.
	GeneratorStart time.Duration
	// ChillerRestart is, for a utility outage, the time chillers need to
	// come back once power returns to them (from the generators or the
	// utility). Conventional centrifugal chillers take minutes; rapid-restart
	// controls shorten it.
	ChillerRestart time.Duration
}

// End returns when the event's effect ends, from the start of the period.
// For a utility outage that is the end of the chiller restart that follows
// power returning to the plant.
func (e Event) End() time.Duration {
	if e.Kind == UtilityOutage {
		return e.Start + min(e.GeneratorStart, e.Duration) + e.ChillerRestart
	}
	return e.Start + e.Duration
}

// resource is what an event takes away; events on one resource must not
// overlap.
func (e Event) resource() int {
	switch e.Kind {
	case CoolerTrip, TowerOut:
		return int(CoolerTrip)
	}
	return int(e.Kind)
}

// EventError is a problem with event Index; Field names the site-file key.
type EventError struct {
	Index int
	Field string
	Msg   string
}

func (e *EventError) Error() string { return fmt.Sprintf("event %d: %s: %s", e.Index, e.Field, e.Msg) }

// ValidateEvents checks events against a period of length period and the
// installed units. Every problem is returned, joined, as *EventError.
func ValidateEvents(events []Event, period time.Duration, chillers, rejection int) error {
	var errs []error
	add := func(i int, field, format string, args ...any) {
		errs = append(errs, &EventError{Index: i, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	for i, e := range events {
		inside := e.Start >= 0 && e.Start < period
		if !inside {
			add(i, "start", "outside the simulated period (%v long)", period)
		}
		if e.Duration <= 0 {
			add(i, "duration", "%v: want a positive duration", e.Duration)
		} else if inside && e.End() > period {
			add(i, "duration", "the event runs %v past the end of the period", e.End()-period)
		}
		switch e.Kind {
		case ChillerTrip:
			if e.Units < 1 || e.Units > chillers {
				add(i, "units", "%d: want 1..%d, the chillers installed", e.Units, chillers)
			}
		case CoolerTrip, TowerOut:
			if e.Units < 1 || e.Units > rejection {
				add(i, "units", "%d: want 1..%d, the heat-rejection units installed", e.Units, rejection)
			}
		case UtilityOutage:
			if e.GeneratorStart < 0 {
				add(i, "generator_start", "%v: want ≥ 0", e.GeneratorStart)
			}
			if e.ChillerRestart < 0 {
				add(i, "chiller_restart", "%v: want ≥ 0", e.ChillerRestart)
			}
		}
		for j := range i {
			o := events[j]
			if o.resource() == e.resource() && e.Start < o.End() && o.Start < e.End() {
				add(i, "start", "overlaps event %d (%s) on the same equipment: give one event with more units, or separate them", j, o.Kind)
			}
		}
	}
	return errors.Join(errs...)
}

// State is what is out of service over a stretch of time.
type State struct {
	Outage     cooling.Outage
	UtilityOut bool // the utility supply is lost (generators may carry the load)
}

// Schedule turns events into stretches of constant State. Its At method
// walks forward in time without allocating.
type Schedule struct {
	starts []time.Duration // starts of the stretches, ascending; the first is 0
	states []State
	cur    int
}

// NewSchedule builds the schedule of events (already validated) for a plant
// with the given installed units.
func NewSchedule(events []Event, chillers, rejection int) *Schedule {
	cuts := []time.Duration{0}
	for _, e := range events {
		cuts = append(cuts, e.Start, e.End())
		if e.Kind == UtilityOutage {
			cuts = append(cuts, e.Start+e.Duration, e.Start+min(e.GeneratorStart, e.Duration))
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	s := &Schedule{}
	for _, t := range cuts {
		st := stateAt(events, t, chillers, rejection)
		if n := len(s.states); n > 0 && s.states[n-1] == st {
			continue
		}
		s.starts = append(s.starts, t)
		s.states = append(s.states, st)
	}
	return s
}

func stateAt(events []Event, t time.Duration, chillers, rejection int) State {
	var s State
	in := func(from, to time.Duration) bool { return t >= from && t < to }
	for _, e := range events {
		switch e.Kind {
		case ChillerTrip:
			if in(e.Start, e.End()) {
				s.Outage.ChillersOut += e.Units
			}
		case CoolerTrip, TowerOut:
			if in(e.Start, e.End()) {
				s.Outage.HeatRejectionOut += e.Units
			}
		case WaterInterruption:
			if in(e.Start, e.End()) {
				s.Outage.NoWater = true
			}
		case UtilityOutage:
			powered := e.Start + min(e.GeneratorStart, e.Duration)
			if in(e.Start, e.Start+e.Duration) {
				s.UtilityOut = true
			}
			if in(e.Start, powered) {
				s.Outage.NoPower = true
			}
			if in(powered, e.End()) {
				s.Outage.ChillersOut = chillers // restarting
			}
		}
	}
	s.Outage.ChillersOut = min(s.Outage.ChillersOut, chillers)
	s.Outage.HeatRejectionOut = min(s.Outage.HeatRejectionOut, rejection)
	return s
}

// At returns the state at t and when it next changes (a very large
// duration when it does not). Successive calls must not go back in time.
func (s *Schedule) At(t time.Duration) (State, time.Duration) {
	for s.cur+1 < len(s.starts) && s.starts[s.cur+1] <= t {
		s.cur++
	}
	next := time.Duration(1<<63 - 1)
	if s.cur+1 < len(s.starts) {
		next = s.starts[s.cur+1]
	}
	return s.states[s.cur], next
}
