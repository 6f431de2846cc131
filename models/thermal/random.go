package thermal

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"time"
)

// Failures describes random failures of one kind of unit: each of Units
// fails after an exponentially distributed time with mean MTBF and is
// repaired after an exponentially distributed time with mean MTTR (an
// alternating renewal process, the constant-failure-rate model of
// reliability handbooks such as IEEE Std 493, the Gold Book).
type Failures struct {
	Kind       Kind // ChillerTrip or CoolerTrip
	Units      int
	MTBF, MTTR time.Duration
}

// RandomEvents draws the failures of f over a period of length period from
// the seed, and returns them as events: one per stretch in which the number
// of failed units is constant and above zero, with Units that number. The
// same seed gives the same events.
func RandomEvents(f Failures, period time.Duration, seed uint64) []Event {
	if f.Units < 1 || f.MTBF <= 0 || f.MTTR <= 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	type edge struct {
		at    time.Duration
		delta int
	}
	var edges []edge
	draw := func(mean time.Duration) time.Duration {
		return time.Duration(rng.ExpFloat64() * float64(mean)).Round(time.Second)
	}
	for range f.Units {
		for t := draw(f.MTBF); t < period; {
			end := min(t+max(draw(f.MTTR), time.Second), period)
			edges = append(edges, edge{t, +1}, edge{end, -1})
			t = end + draw(f.MTBF)
		}
	}
	slices.SortStableFunc(edges, func(a, b edge) int { return cmp.Compare(a.at, b.at) })
	var (
		events []Event
		n      int
	)
	for i, e := range edges {
		n += e.delta
		if i+1 < len(edges) && edges[i+1].at == e.at {
			continue // settle every change at this instant first
		}
		if len(events) > 0 && events[len(events)-1].Duration == 0 {
			last := &events[len(events)-1]
			last.Duration = e.at - last.Start
		}
		if n > 0 && e.at < period {
			events = append(events, Event{Kind: f.Kind, Start: e.at, Units: n})
		}
	}
	if len(events) > 0 && events[len(events)-1].Duration == 0 {
		last := &events[len(events)-1]
		last.Duration = period - last.Start
	}
	return events
}
