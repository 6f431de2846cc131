package it

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func fill(w Workload, first, n int) []float64 {
	dst := make([]float64, n)
	w.Fill(dst, first)
	return dst
}

func TestConstant(t *testing.T) {
	for _, u := range fill(mustConstant(t, 0.37), 5, 10) {
		if u != 0.37 {
			t.Fatalf("constant gave %g", u)
		}
	}
}

func argmax(xs []float64) int {
	best := 0
	for i, x := range xs {
		if x > xs[best] {
			best = i
		}
	}
	return best
}

// TestDiurnalPeak checks that the cycle peaks at peakHour of local time,
// whatever the hour of day the calendar starts.
func TestDiurnalPeak(t *testing.T) {
	for _, c := range []struct {
		start    time.Time
		peakHour float64
	}{
		{time.Date(2025, 7, 1, 0, 0, 0, 0, testZone), 14},
		{time.Date(2025, 7, 1, 5, 0, 0, 0, testZone), 14},    // starts at 05:00 local
		{time.Date(2025, 7, 1, 10, 0, 0, 0, time.UTC), 14},   // 10:00 UTC = 10:00 local here
		{time.Date(2025, 7, 1, 23, 30, 0, 0, testZone), 3.5}, // peak after midnight
	} {
		cal := Calendar{Start: c.start, Step: time.Minute}
		w, err := NewDiurnal(cal, 0.5, 0.2, c.peakHour)
		if err != nil {
			t.Fatal(err)
		}
		u := fill(w, 0, 1440)
		k := argmax(u)
		// Local time of the peak step's midpoint.
		mid := c.start.Add(time.Duration(k)*time.Minute + 30*time.Second)
		h := float64(mid.Hour()) + float64(mid.Minute())/60 + float64(mid.Second())/3600
		if d := math.Abs(h - c.peakHour); d > 1.0/60 {
			t.Errorf("start %v: peak at local %.3f h, want %.3f", c.start, h, c.peakHour)
		}
		within(t, "peak value", u[k], 0.7, 1e-6, 0)
		mean, _ := meanSD(u)
		within(t, "daily mean", mean, 0.5, 1e-12, 0)
	}
}

// TestWeekly checks weekday and weekend means and that Saturday and Sunday
// (local time) are the weekend.
func TestWeekly(t *testing.T) {
	// 2025-01-01 is a Wednesday.
	cal := testCalendar(10 * time.Minute)
	w, err := NewWeekly(cal, 0.6, 0.3, 0.1, 15)
	if err != nil {
		t.Fatal(err)
	}
	perDay := 144
	u := fill(w, 0, 7*perDay)
	for d := range 7 {
		day := time.Weekday((int(time.Wednesday) + d) % 7)
		mean, _ := meanSD(u[d*perDay : (d+1)*perDay])
		want := 0.6
		if day == time.Saturday || day == time.Sunday {
			want = 0.3
		}
		within(t, day.String()+" mean", mean, want, 1e-12, 0)
	}
}

func TestTrace(t *testing.T) {
	hourly := []float64{0.1, 0.2, 0.3}
	w, err := NewTrace(testCalendar(15*time.Minute), hourly)
	if err != nil {
		t.Fatal(err)
	}
	got := fill(w, 0, 14)
	want := []float64{0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3, 0.1, 0.1} // repeats after 3 h
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("step %d: %g, want %g (step-hold)", i, got[i], want[i])
		}
	}
	// A step that straddles an hour takes the time-weighted mean.
	w, _ = NewTrace(testCalendar(40*time.Minute), hourly)
	got = fill(w, 0, 3)
	within(t, "0:40-1:20", got[1], (20*0.1+20*0.2)/40, 1e-15, 0)
	within(t, "1:20-2:00", got[2], 0.2, 1e-15, 0)
	w, _ = NewTrace(testCalendar(time.Hour), hourly)
	hourly[0] = 0.9 // the trace keeps its own copy
	if fill(w, 0, 1)[0] != 0.1 {
		t.Error("trace aliases the caller's slice")
	}
}

func TestCalendarHours(t *testing.T) {
	for _, c := range []struct {
		step  time.Duration
		steps int
		want  int
	}{
		{time.Minute, 525600, 8760}, {time.Minute, 61, 2}, {time.Hour, 24, 24}, {7 * time.Minute, 9, 2}, {time.Minute, 0, 0},
	} {
		if got := (Calendar{Step: c.step}).Hours(c.steps); got != c.want {
			t.Errorf("Hours(%d steps of %v) = %d, want %d", c.steps, c.step, got, c.want)
		}
	}
}

func TestWorkloadErrors(t *testing.T) {
	cal := testCalendar(time.Minute)
	for _, c := range []struct {
		name  string
		make  func() (Workload, error)
		field string // FieldError field, or "" for ErrCalendar
	}{
		{"constant above 1", func() (Workload, error) { return NewConstant(1.2) }, "utilisation"},
		{"constant NaN", func() (Workload, error) { return NewConstant(math.NaN()) }, "utilisation"},
		{"diurnal mean", func() (Workload, error) { return NewDiurnal(cal, -0.1, 0.1, 14) }, "mean"},
		{"diurnal amplitude", func() (Workload, error) { return NewDiurnal(cal, 0.8, 0.3, 14) }, "amplitude"},
		{"diurnal peak hour", func() (Workload, error) { return NewDiurnal(cal, 0.5, 0.1, 24) }, "peak_hour"},
		{"diurnal step", func() (Workload, error) { return NewDiurnal(Calendar{}, 0.5, 0.1, 14) }, ""},
		{"weekly weekend mean", func() (Workload, error) { return NewWeekly(cal, 0.5, 1.1, 0.1, 14) }, "weekend_mean"},
		{"weekly amplitude", func() (Workload, error) { return NewWeekly(cal, 0.5, 0.05, 0.1, 14) }, "amplitude"},
		{"trace empty", func() (Workload, error) { return NewTrace(cal, nil) }, "hourly"},
		{"trace value", func() (Workload, error) { return NewTrace(cal, []float64{0.5, 1.5}) }, "hourly[1]"},
		{"training busy", func() (Workload, error) {
			p := DefaultTrainingParams()
			p.BusyUtil = 1.1
			return NewTraining(cal, p, 1)
		}, "busy_util"},
		{"training checkpoint", func() (Workload, error) {
			p := DefaultTrainingParams()
			p.CheckpointEvery = p.CheckpointLength
			return NewTraining(cal, p, 1)
		}, "checkpoint_every"},
		{"training checkpoint length", func() (Workload, error) {
			p := DefaultTrainingParams()
			p.CheckpointLength = time.Millisecond
			return NewTraining(cal, p, 1)
		}, "checkpoint_length"},
		{"training rate", func() (Workload, error) {
			p := DefaultTrainingParams()
			p.InterruptsPerDay = -1
			return NewTraining(cal, p, 1)
		}, "interrupts_per_day"},
		{"training restart", func() (Workload, error) {
			p := DefaultTrainingParams()
			p.InterruptLength = -time.Minute
			return NewTraining(cal, p, 1)
		}, "interrupt_length"},
	} {
		w, err := c.make()
		if err == nil || w != nil {
			t.Errorf("%s: got %v, %v; want an error", c.name, w, err)
			continue
		}
		if c.field == "" {
			if !errors.Is(err, ErrCalendar) {
				t.Errorf("%s: %v is not ErrCalendar", c.name, err)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%s: %v does not name %s", c.name, err, c.field)
		}
		if !strings.HasPrefix(err.Error(), c.field+": ") {
			t.Errorf("%s: message %q does not start with the parameter", c.name, err)
		}
	}
}

// TestWorkloadChunking checks that Fill gives the same values whatever the
// sizes of the blocks it is asked for.
func TestWorkloadChunking(t *testing.T) {
	cal := testCalendar(time.Minute)
	makers := map[string]func() Workload{
		"diurnal":  func() Workload { w, _ := NewDiurnal(cal, 0.5, 0.2, 14); return w },
		"weekly":   func() Workload { w, _ := NewWeekly(cal, 0.5, 0.3, 0.2, 14); return w },
		"trace":    func() Workload { w, _ := NewTrace(cal, []float64{0.1, 0.5, 0.9}); return w },
		"training": func() Workload { w, _ := NewTraining(cal, DefaultTrainingParams(), 3); return w },
	}
	const steps = 10_000
	for name, mk := range makers {
		whole := fill(mk(), 0, steps)
		w := mk()
		for first := 0; first < steps; first += 7 {
			part := fill(w, first, min(7, steps-first))
			for i, u := range part {
				if u != whole[first+i] {
					t.Fatalf("%s: step %d is %g in blocks of 7, %g in one block", name, first+i, u, whole[first+i])
				}
			}
		}
	}
}

func TestWorkloadFillAllocs(t *testing.T) {
	cal := testCalendar(time.Minute)
	dst := make([]float64, 1440)
	for name, w := range map[string]Workload{
		"constant": mustConstant(t, 0.5),
		"diurnal":  func() Workload { w, _ := NewDiurnal(cal, 0.5, 0.2, 14); return w }(),
		"weekly":   func() Workload { w, _ := NewWeekly(cal, 0.5, 0.3, 0.2, 14); return w }(),
		"trace":    func() Workload { w, _ := NewTrace(cal, []float64{0.1, 0.5}); return w }(),
		"training": func() Workload { w, _ := NewTraining(cal, DefaultTrainingParams(), 3); return w }(),
	} {
		first := 0
		if a := testing.AllocsPerRun(20, func() { w.Fill(dst, first); first += len(dst) }); a != 0 {
			t.Errorf("%s: Fill allocates %g times", name, a)
		}
	}
}
