package it

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Workload gives the mean utilisation (0..1) of a rack group at successive
// simulation steps.
type Workload interface {
	// Fill writes the utilisation of steps first, first+1, ...,
	// first+len(dst)−1. Calls come in increasing order of first without
	// gaps; Fill does not allocate.
	Fill(dst []float64, first int)
}

// Calendar places step k at Start + k·Step. Start is in the site's standard
// time: its zone's offset at Start is used for the whole period (no daylight
// time).
type Calendar struct {
	Start time.Time
	Step  time.Duration
}

// ErrCalendar reports a Calendar that cannot place steps.
var ErrCalendar = errors.New("invalid calendar")

// MaxStep bounds Calendar.Step and the fleet step.
const MaxStep = 24 * time.Hour

func (c Calendar) validate() error {
	if c.Step <= 0 || c.Step > MaxStep {
		return fmt.Errorf("%w: step %v; want more than 0, at most %v", ErrCalendar, c.Step, MaxStep)
	}
	return nil
}

// Hours returns how many hours from Start the first steps steps reach into
// (the length a trace needs to cover them).
func (c Calendar) Hours(steps int) int {
	if steps <= 0 || c.Step <= 0 {
		return 0
	}
	end := int64(steps) * int64(c.Step)
	return int((end + int64(time.Hour) - 1) / int64(time.Hour))
}

const dayNs = int64(24 * time.Hour)

// localClock does the calendar arithmetic of the profiles in integer
// nanoseconds, exactly and without time.Time calls per step.
type localClock struct {
	startNs int64 // Start's time since its local midnight
	weekday int   // Start's weekday, Sunday = 0
	stepNs  int64
}

func newLocalClock(c Calendar) localClock {
	h, m, s := c.Start.Clock()
	sinceMidnight := (int64(h)*3600+int64(m)*60+int64(s))*int64(time.Second) + int64(c.Start.Nanosecond())
	return localClock{startNs: sinceMidnight, weekday: int(c.Start.Weekday()), stepNs: int64(c.Step)}
}

// midpoint returns the local hour of day (0 ≤ h < 24) and the weekday of the
// middle of step k.
func (lc localClock) midpoint(k int) (hour float64, weekday time.Weekday) {
	t := lc.startNs + int64(k)*lc.stepNs + lc.stepNs/2
	day, rem := t/dayNs, t%dayNs
	return float64(rem) / float64(time.Hour), time.Weekday((int64(lc.weekday) + day) % 7)
}

// NewConstant returns a workload that holds utilisation u (0..1) at every
// step.
func NewConstant(u float64) (Workload, error) {
	var c checker
	c.float("utilisation", u, 0, 1)
	if err := c.err(); err != nil {
		return nil, err
	}
	return constant(u), nil
}

type constant float64

func (c constant) Fill(dst []float64, _ int) {
	for i := range dst {
		dst[i] = float64(c)
	}
}

// cosineDay is the daily cycle of the built-in profiles:
// u = mean + amplitude·cos(2π(h − peakHour)/24) with h the local hour.
type cosineDay struct {
	amplitude, peakHour float64
}

func (d cosineDay) at(hour float64) float64 {
	return d.amplitude * math.Cos(2*math.Pi*(hour-d.peakHour)/24)
}

// checkCycle validates the parameters of a daily cycle around each of means.
func checkCycle(c *checker, amplitude, peakHour float64, means ...float64) {
	c.float("amplitude", amplitude, 0, 0.5)
	if !(peakHour >= 0 && peakHour < 24) {
		c.fail("peak_hour", formatFloat(peakHour), "0 to less than 24")
	}
	for _, m := range means {
		if m-amplitude < 0 || m+amplitude > 1 {
			c.fail("amplitude", formatFloat(amplitude),
				fmt.Sprintf("at most %s so that utilisation stays within 0..1 around the mean %s",
					formatFloat(min(m, 1-m)), formatFloat(m)))
			return
		}
	}
}

// NewDiurnal returns a daily cycle u = mean + amplitude·cos(2π(h −
// peakHour)/24), h being the local hour of day of the step's midpoint. The
// cycle must stay within 0..1.
func NewDiurnal(cal Calendar, mean, amplitude, peakHour float64) (Workload, error) {
	if err := cal.validate(); err != nil {
		return nil, err
	}
	var c checker
	c.float("mean", mean, 0, 1)
	if err := c.err(); err != nil {
		return nil, err
	}
	checkCycle(&c, amplitude, peakHour, mean)
	if err := c.err(); err != nil {
		return nil, err
	}
	return &diurnal{clock: newLocalClock(cal), mean: mean, day: cosineDay{amplitude, peakHour}}, nil
}

type diurnal struct {
	clock localClock
	mean  float64
	day   cosineDay
}

func (d *diurnal) Fill(dst []float64, first int) {
	for i := range dst {
		h, _ := d.clock.midpoint(first + i)
		dst[i] = d.mean + d.day.at(h)
	}
}

// NewWeekly returns a daily cycle like NewDiurnal whose mean is weekdayMean
// from Monday to Friday and weekendMean on Saturday and Sunday (local time of
// the step's midpoint).
func NewWeekly(cal Calendar, weekdayMean, weekendMean, amplitude, peakHour float64) (Workload, error) {
	if err := cal.validate(); err != nil {
		return nil, err
	}
	var c checker
	c.float("weekday_mean", weekdayMean, 0, 1)
	c.float("weekend_mean", weekendMean, 0, 1)
	if err := c.err(); err != nil {
		return nil, err
	}
	checkCycle(&c, amplitude, peakHour, weekdayMean, weekendMean)
	if err := c.err(); err != nil {
		return nil, err
	}
	return &weekly{clock: newLocalClock(cal), weekdayMean: weekdayMean, weekendMean: weekendMean,
		day: cosineDay{amplitude, peakHour}}, nil
}

type weekly struct {
	clock                    localClock
	weekdayMean, weekendMean float64
	day                      cosineDay
}

func (w *weekly) Fill(dst []float64, first int) {
	for i := range dst {
		h, wd := w.clock.midpoint(first + i)
		mean := w.weekdayMean
		if wd == time.Saturday || wd == time.Sunday {
			mean = w.weekendMean
		}
		dst[i] = mean + w.day.at(h)
	}
}

// NewTrace returns a workload read from hourly mean utilisations: hourly[i]
// covers hour i after cal.Start (the caller aligns the trace, e.g. with
// package series). A step takes the time-weighted mean of the hours it
// overlaps, which is the hour's value (step-hold) when steps divide the hour.
// Past its end the trace repeats from its beginning; cal.Hours gives the
// length that covers a period. The values are copied.
func NewTrace(cal Calendar, hourly []float64) (Workload, error) {
	if err := cal.validate(); err != nil {
		return nil, err
	}
	var c checker
	if len(hourly) == 0 {
		c.fail("hourly", "an empty trace", "at least one hour")
	}
	bad := 0
	for i, u := range hourly {
		if !(u >= 0 && u <= 1) {
			if bad++; bad <= maxReported {
				c.fail(fmt.Sprintf("hourly[%d]", i), formatFloat(u), "0..1")
			}
		}
	}
	if bad > maxReported {
		c.errs = append(c.errs, fmt.Errorf("hourly: %d more values outside 0..1", bad-maxReported))
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	return &trace{hourly: append([]float64(nil), hourly...), stepNs: int64(cal.Step)}, nil
}

// maxReported bounds the number of bad trace values listed in one error.
const maxReported = 10

type trace struct {
	hourly []float64
	stepNs int64
}

func (tr *trace) Fill(dst []float64, first int) {
	const hourNs = int64(time.Hour)
	n := int64(len(tr.hourly))
	for i := range dst {
		a := int64(first+i) * tr.stepNs
		b := a + tr.stepNs
		if a/hourNs == (b-1)/hourNs { // within one hour: hold its value exactly
			dst[i] = tr.hourly[(a/hourNs)%n]
			continue
		}
		var sum float64
		for a < b {
			h := a / hourNs
			end := min((h+1)*hourNs, b)
			sum += tr.hourly[h%n] * float64(end-a)
			a = end
		}
		dst[i] = sum / float64(tr.stepNs)
	}
}
