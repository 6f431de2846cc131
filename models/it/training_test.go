package it

import (
	"math"
	"testing"
	"time"
)

// TestDefaultTrainingParams ties the defaults to the figures they come from.
func TestDefaultTrainingParams(t *testing.T) {
	p := DefaultTrainingParams()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	// Llama 3 §3.3.4: 466 interruptions in 54 days.
	within(t, "interruptions in 54 days", p.InterruptsPerDay*54, 466, 1e-9, 0)
	// Young's optimum interval sqrt(2·C·M), rounded down to whole minutes.
	mtbf := 24 * time.Hour.Seconds() / p.InterruptsPerDay
	young := math.Sqrt(2 * p.CheckpointLength.Seconds() * mtbf)
	if e := p.CheckpointEvery.Seconds(); e > young || e < young-60 {
		t.Errorf("checkpoint every %v, Young's optimum %.0f s", p.CheckpointEvery, young)
	}
	// Effective training time above 90%: checkpoint waits, plus per
	// interruption the restart and half an interval of lost work.
	lost := p.CheckpointLength.Seconds()/p.CheckpointEvery.Seconds() +
		(p.InterruptLength.Seconds()+p.CheckpointEvery.Seconds()/2)/mtbf
	if lost >= 0.10 {
		t.Errorf("time lost %.3f, want < 0.10 (more than 90%% effective training time)", lost)
	}
}

// TestTrainingCheckpointDips checks the exact pattern without interruptions:
// every 10 min the job waits 20 s at checkpoint utilisation, which a 1-min
// step averages.
func TestTrainingCheckpointDips(t *testing.T) {
	p := DefaultTrainingParams()
	p.InterruptsPerDay = 0
	w, err := NewTraining(testCalendar(time.Minute), p, 1)
	if err != nil {
		t.Fatal(err)
	}
	u := fill(w, 0, 1440)
	dip := (40*p.BusyUtil + 20*p.CheckpointUtil) / 60
	for k, v := range u {
		want := p.BusyUtil
		if k%10 == 9 {
			want = dip
		}
		within(t, "step utilisation", v, want, 1e-12, 0)
	}
	within(t, "MeanUtil without interruptions", p.MeanUtil(),
		p.BusyUtil*(1-2.0/60)+p.CheckpointUtil*2.0/60, 1e-15, 0)
}

// TestTrainingYear compares a simulated year with the renewal-theory mean
// and the Poisson count of interruptions, at two step lengths.
func TestTrainingYear(t *testing.T) {
	p := DefaultTrainingParams()
	for _, step := range []time.Duration{time.Minute, time.Hour} {
		steps := int(365 * 24 * time.Hour / step)
		w, err := NewTraining(testCalendar(step), p, 11)
		if err != nil {
			t.Fatal(err)
		}
		u := fill(w, 0, steps)
		mean, _ := meanSD(u)
		within(t, step.String()+" mean utilisation", mean, p.MeanUtil(), 0.001, 0)
		for _, v := range u {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("utilisation %g outside 0..1", v)
			}
		}
		if step != time.Minute {
			continue
		}
		// A restart of 5 min leaves at least 4 whole idle steps.
		downs := 0
		for k := 1; k < len(u); k++ {
			if u[k] == p.IdleUtil && u[k-1] != p.IdleUtil {
				downs++
			}
		}
		runningDays := 365 / (1 + p.InterruptsPerDay*p.InterruptLength.Hours()/24)
		want := p.InterruptsPerDay * runningDays
		if math.Abs(float64(downs)-want) > 4*math.Sqrt(want) {
			t.Errorf("%d interruptions in a year, want %.0f ± %.0f", downs, want, 4*math.Sqrt(want))
		}
	}
}

func TestTrainingSeeds(t *testing.T) {
	cal := testCalendar(time.Minute)
	a, _ := NewTraining(cal, DefaultTrainingParams(), 1)
	b, _ := NewTraining(cal, DefaultTrainingParams(), 1)
	c, _ := NewTraining(cal, DefaultTrainingParams(), 2)
	ua, ub, uc := fill(a, 0, 20_000), fill(b, 0, 20_000), fill(c, 0, 20_000)
	same, differ := true, false
	for k := range ua {
		same = same && ua[k] == ub[k]
		differ = differ || ua[k] != uc[k]
	}
	if !same {
		t.Error("same seed, different timelines")
	}
	if !differ {
		t.Error("different seeds, same timeline")
	}
}

// FuzzTraining checks that any accepted profile stays within 0..1 and does
// not depend on block sizes.
func FuzzTraining(f *testing.F) {
	f.Add(0.92, int64(10*time.Minute), int64(20*time.Second), 0.1, 8.6, int64(5*time.Minute), 0.0, int64(time.Minute), uint64(1))
	f.Add(1.0, int64(time.Hour), int64(0), 0.0, 0.0, int64(0), 0.5, int64(time.Hour), uint64(2))
	f.Add(0.5, int64(time.Minute), int64(time.Second), 1.0, 1000.0, int64(0), 1.0, int64(7*time.Minute), uint64(3))
	f.Fuzz(func(t *testing.T, busy float64, every, length int64, ckpt, rate float64, down int64, idle float64, step int64, seed uint64) {
		p := TrainingParams{busy, time.Duration(every), time.Duration(length), ckpt, rate, time.Duration(down), idle}
		cal := testCalendar(time.Duration(step))
		w, err := NewTraining(cal, p, seed)
		if err != nil {
			return
		}
		whole := fill(w, 0, 500)
		w2, _ := NewTraining(cal, p, seed)
		for first := 0; first < 500; first += 13 {
			for i, u := range fill(w2, first, min(13, 500-first)) {
				if !(u >= 0 && u <= 1) || u != whole[first+i] {
					t.Fatalf("step %d: %g (whole %g)", first+i, u, whole[first+i])
				}
			}
		}
		if m := p.MeanUtil(); !(m >= 0 && m <= 1) {
			t.Fatalf("MeanUtil %g", m)
		}
	})
}
