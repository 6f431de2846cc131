package weather

import (
	"fmt"
	"time"
)

// Sampler yields the conditions at the midpoint of successive simulation steps.
//
// The hourly values of a Year are point values at the end of each hour, as
// EnergyPlus treats EPW data. The value at a step's midpoint is interpolated
// linearly between the two neighbouring hourly points; the year is a ring, so
// the point before Jan 1 01:00 is Dec 31 24:00. The simulated calendar maps
// onto the typical year by month, day and hour of the wall clock of the start
// time's location (which should be the site's standard time, see
// Location.StandardTime); later steps advance that clock by exactly one step,
// so daylight-saving shifts of the location, if any, are ignored. Feb 29 of a
// leap year takes Year.LeapDay when the source had it, otherwise it repeats
// Feb 28.
//
// A Sampler reads its Year without copying it: the Year must not change while
// the Sampler is in use. Samplers of one Year may be used concurrently; a
// single Sampler may not.
type Sampler struct {
	hours   []Conditions
	leapDay []Conditions
	step    time.Duration

	year        int
	leap        bool
	hoursInYear int
	hour        int           // hour of the calendar year (0-based) holding the next midpoint
	offset      time.Duration // of the next midpoint within that hour
	a, b        Conditions    // points at the start and the end of that hour
	delta       Conditions    // b − a, field by field
}

// NewSampler returns a sampler whose first step starts at start and lasts
// step. The step must divide an hour and lie between 1 minute and 1 hour.
func (y *Year) NewSampler(start time.Time, step time.Duration) (*Sampler, error) {
	if step < time.Minute || step > time.Hour || time.Hour%step != 0 {
		return nil, fmt.Errorf("weather: step %v: must divide an hour and lie between 1m and 1h: %w", step, ErrStep)
	}
	if len(y.Hours) != HoursPerYear {
		return nil, fmt.Errorf("weather: year has %d hours, want %d: %w", len(y.Hours), HoursPerYear, ErrStep)
	}
	if len(y.LeapDay) != 0 && len(y.LeapDay) != 24 {
		return nil, fmt.Errorf("weather: year has %d leap-day hours, want 0 or 24: %w", len(y.LeapDay), ErrStep)
	}
	s := &Sampler{hours: y.Hours, leapDay: y.LeapDay, step: step}
	s.setYear(start.Year())
	hh, mm, ss := start.Clock()
	s.hour = (start.YearDay()-1)*24 + hh
	s.offset = time.Duration(mm)*time.Minute + time.Duration(ss)*time.Second +
		time.Duration(start.Nanosecond()) + step/2
	if s.offset >= time.Hour {
		s.offset -= time.Hour
		s.hour++
		if s.hour == s.hoursInYear {
			s.setYear(s.year + 1)
			s.hour = 0
		}
	}
	s.a, s.b = s.point(s.hour), s.point(s.hour+1)
	s.delta = difference(&s.b, &s.a)
	return s, nil
}

func (s *Sampler) setYear(year int) {
	s.year = year
	s.leap = isLeap(year)
	s.hoursInYear = HoursPerYear
	if s.leap {
		s.hoursInYear += 24
	}
}

// Next returns the conditions at the midpoint of the current step and moves to
// the next step. It does not allocate.
func (s *Sampler) Next() Conditions {
	const perHour = 1 / float64(time.Hour)
	f := float64(s.offset) * perHour
	a, d := &s.a, &s.delta
	c := Conditions{
		DryBulbC:        a.DryBulbC + f*d.DryBulbC,
		WetBulbC:        a.WetBulbC + f*d.WetBulbC,
		DewPointC:       a.DewPointC + f*d.DewPointC,
		RelHumPct:       a.RelHumPct + f*d.RelHumPct,
		HumRatio:        a.HumRatio + f*d.HumRatio,
		EnthalpyJPerKg:  a.EnthalpyJPerKg + f*d.EnthalpyJPerKg,
		PressurePa:      a.PressurePa + f*d.PressurePa,
		GlobalHorizWm2:  a.GlobalHorizWm2 + f*d.GlobalHorizWm2,
		DirectNormalWm2: a.DirectNormalWm2 + f*d.DirectNormalWm2,
		DiffuseHorizWm2: a.DiffuseHorizWm2 + f*d.DiffuseHorizWm2,
		WindSpeedMS:     a.WindSpeedMS + f*d.WindSpeedMS,
	}
	s.offset += s.step
	if s.offset >= time.Hour {
		s.offset -= time.Hour
		s.nextHour()
	}
	return c
}

func (s *Sampler) nextHour() {
	s.hour++
	if s.hour == s.hoursInYear {
		s.setYear(s.year + 1)
		s.hour = 0
	}
	s.a = s.b
	s.b = s.point(s.hour + 1)
	s.delta = difference(&s.b, &s.a)
}

// point returns the value at the start of hour h of the calendar year
// (0 ≤ h ≤ hoursInYear), which is the record of the hour ending then.
func (s *Sampler) point(h int) Conditions {
	if h == 0 {
		return s.hours[HoursPerYear-1] // Dec 31 24:00 of the year before
	}
	r := h - 1 // record index in the calendar year
	switch {
	case !s.leap || r < feb29Hour:
		return s.hours[r]
	case r < feb29Hour+24 && s.leapDay != nil:
		return s.leapDay[r-feb29Hour]
	default:
		// Feb 29 without a leap day repeats Feb 28; later hours shift by a day.
		return s.hours[r-24]
	}
}

// difference returns b − a field by field. Next interpolates a + f·(b − a)
// over the hour: the fields are blended independently rather than recomputed
// from the blended dry bulb and humidity ratio, to keep psychrometrics out of
// the step loop; over one hour the blend stays close to a consistent state
// (the humidity ratio and enthalpy of a mixture are the mass-weighted blends).
func difference(b, a *Conditions) Conditions {
	return Conditions{
		DryBulbC:        b.DryBulbC - a.DryBulbC,
		WetBulbC:        b.WetBulbC - a.WetBulbC,
		DewPointC:       b.DewPointC - a.DewPointC,
		RelHumPct:       b.RelHumPct - a.RelHumPct,
		HumRatio:        b.HumRatio - a.HumRatio,
		EnthalpyJPerKg:  b.EnthalpyJPerKg - a.EnthalpyJPerKg,
		PressurePa:      b.PressurePa - a.PressurePa,
		GlobalHorizWm2:  b.GlobalHorizWm2 - a.GlobalHorizWm2,
		DirectNormalWm2: b.DirectNormalWm2 - a.DirectNormalWm2,
		DiffuseHorizWm2: b.DiffuseHorizWm2 - a.DiffuseHorizWm2,
		WindSpeedMS:     b.WindSpeedMS - a.WindSpeedMS,
	}
}
