package thermal

import "time"

// RideThrough follows one event from its start until the heat it left in
// the hall's mass has been removed: whether and when the warmest rack inlet
// passed the allowable limit, how warm the air got, and how much more
// storage the design would need to stay inside the limit.
type RideThrough struct {
	Event Event
	// Passed says the warmest inlet passed the limit; Seconds is when, from
	// the event's start.
	Passed  bool
	Seconds float64
	// PeakRiseK is the largest rise of the room air above normal, K, and
	// PeakStoredKJ the most heat held in the mass, kJ.
	PeakRiseK, PeakStoredKJ float64
	// ExcessKJ is the most heat held (or lost past the IT shutdown
	// temperature) beyond what the coupled air and water can hold with the
	// air at the limit: the extra storage, on UPS-fed chilled-water pumps,
	// that would have kept the inlet inside it, kJ.
	ExcessKJ float64
	started  bool
	lost0    float64 // the model's heat lost before the event, kJ
	done     bool
}

// Observe takes the model's last Advance, a segment that started at t
// (from the start of the period); limitRiseK is how far the room air may
// rise before the warmest inlet reaches the allowable limit.
func (r *RideThrough) Observe(m *Model, t time.Duration, limitRiseK float64) {
	if r.done || t < r.Event.Start {
		return
	}
	if !r.started {
		r.started, r.lost0 = true, m.LostKJ()-m.segLost
	}
	if !r.Passed {
		if c := m.CrossingS(limitRiseK); c >= 0 {
			r.Passed, r.Seconds = true, (t-r.Event.Start).Seconds()+c
		} else if m.SecondsAbove(limitRiseK) > 0 {
			r.Passed, r.Seconds = true, (t - r.Event.Start).Seconds()
		}
	}
	r.PeakRiseK = max(r.PeakRiseK, m.AirRiseK())
	e := m.StoredKJ()
	r.PeakStoredKJ = max(r.PeakStoredKJ, e)
	r.ExcessKJ = max(r.ExcessKJ, e+m.LostKJ()-r.lost0-m.CoupledKJAt(limitRiseK))
	end := t + time.Duration(m.segS*float64(time.Second))
	if end >= r.Event.End() && e == 0 {
		r.done = true
	}
}
