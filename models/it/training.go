package it

import (
	"math"
	"time"
)

// TrainingParams shape the utilisation of a large synchronous AI training
// job: GPUs run near full utilisation, dip while the job writes a
// checkpoint, and fall idle after each job interruption until the job has
// restarted.
type TrainingParams struct {
	BusyUtil         float64       // utilisation while the job computes, 0..1
	CheckpointEvery  time.Duration // running time from one checkpoint to the next, ≥ 1 min
	CheckpointLength time.Duration // time the job waits for a checkpoint write, ≥ 1 s; 0 = no dips
	CheckpointUtil   float64       // utilisation during that wait, 0..1
	InterruptsPerDay float64       // job interruptions per day of running time (Poisson)
	InterruptLength  time.Duration // time from an interruption until the job runs again
	IdleUtil         float64       // utilisation while the job is down, 0..1
}

// DefaultTrainingParams returns a profile of a large pre-training job.
//
// Interruptions: Dubey et al. 2024, "The Llama 3 Herd of Models", arXiv
// 2407.21783, §3.3.4: 466 job interruptions (47 planned, 419 unexpected) in a
// 54-day snapshot of pre-training on up to 16,384 H100 GPUs, with more than
// 90% effective training time. InterruptsPerDay = 466/54 ≈ 8.6 is that
// job's rate; it grows roughly in proportion to the number of GPUs a job
// spans, so scale it for smaller jobs.
//
// Checkpoints: CheckpointLength = 20 s is our assumption for a
// well-optimised blocking checkpoint. CheckpointEvery = 10 min is Young's
// optimum interval sqrt(2·C·M) (Young 1974, "A first order approximation to
// the optimum checkpoint interval", CACM 17(9)) for C = 20 s and a mean time
// between interruptions M = 54 d/466 ≈ 2.8 h, rounded down.
//
// Restart: InterruptLength = 5 min keeps the time lost in line with the
// published effective training time: checkpoint waits C/E ≈ 3.3% plus, per
// interruption, the restart and the recomputation of half an interval on
// average, (5 + 5) min/2.8 h ≈ 6.0%, 9.3% in all.
//
// Utilisation levels (our assumptions): BusyUtil 0.92 for GPUs held near
// their power limit by synchronous data-parallel steps; CheckpointUtil 0.1
// and IdleUtil 0 because all GPUs wait together, which the same §3.3.4
// observes as site power swings of tens of megawatts.
func DefaultTrainingParams() TrainingParams {
	return TrainingParams{
		BusyUtil:         0.92,
		CheckpointEvery:  10 * time.Minute,
		CheckpointLength: 20 * time.Second,
		CheckpointUtil:   0.1,
		InterruptsPerDay: 466.0 / 54.0,
		InterruptLength:  5 * time.Minute,
		IdleUtil:         0,
	}
}

// Validate reports every parameter outside its range as a *FieldError.
func (p TrainingParams) Validate() error {
	var c checker
	c.float("busy_util", p.BusyUtil, 0, 1)
	c.float("checkpoint_util", p.CheckpointUtil, 0, 1)
	c.float("idle_util", p.IdleUtil, 0, 1)
	// Sub-second checkpoints or sub-minute cycles are not realistic and
	// would make Fill walk millions of phases per step.
	if p.CheckpointLength != 0 {
		c.duration("checkpoint_length", p.CheckpointLength, time.Second, MaxStep)
		if p.CheckpointEvery <= p.CheckpointLength || p.CheckpointEvery < time.Minute || p.CheckpointEvery > 365*MaxStep {
			c.fail("checkpoint_every", p.CheckpointEvery.String(),
				"at least 1m and more than checkpoint_length ("+p.CheckpointLength.String()+"), at most 8760h")
		}
	}
	c.float("interrupts_per_day", p.InterruptsPerDay, 0, 1000)
	c.duration("interrupt_length", p.InterruptLength, 0, 30*MaxStep)
	return c.err()
}

// MeanUtil returns the long-run mean utilisation of the profile. By the
// renewal-reward theorem the job runs a fraction 1/(1 + λL) of the time (λ
// interruptions per running time, L the restart time); a running stretch of
// exponential length with checkpoints of length C ending every E spends a
// fraction (e^{λC} − 1)/(e^{λE} − 1) of its time in them (C/E as λ → 0).
func (p TrainingParams) MeanUtil() float64 {
	lambda := p.InterruptsPerDay / (24 * 3600) // per second
	c, e := p.CheckpointLength.Seconds(), p.CheckpointEvery.Seconds()
	ckptFrac := 0.0
	switch {
	case c == 0:
	case lambda == 0:
		ckptFrac = c / e
	default:
		ckptFrac = math.Expm1(lambda*c) / math.Expm1(lambda*e)
	}
	running := 1 / (1 + lambda*p.InterruptLength.Seconds())
	return running*(p.BusyUtil*(1-ckptFrac)+p.CheckpointUtil*ckptFrac) + (1-running)*p.IdleUtil
}

// NewTraining returns the training profile p. Interruptions are a Poisson
// process in running time drawn from seed, generated lazily in step order;
// after each restart the checkpoint cycle begins again. A step takes the
// time-weighted mean of the phases it overlaps, so a checkpoint shorter than
// the step shows as a partial dip. Groups that run separate jobs need
// separate seeds.
func NewTraining(cal Calendar, p TrainingParams, seed uint64) (Workload, error) {
	if err := cal.validate(); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	tr := &training{
		busyU:   p.BusyUtil,
		ckptU:   p.CheckpointUtil,
		idleU:   p.IdleUtil,
		every:   p.CheckpointEvery.Seconds(),
		ckptLen: p.CheckpointLength.Seconds(),
		rate:    p.InterruptsPerDay / (24 * 3600),
		down:    p.InterruptLength.Seconds(),
		stepSec: cal.Step.Seconds(),
		rng:     deriveSeed(seed, 0x747261696e), // "train"
	}
	tr.restart(0)
	return tr, nil
}

type trainingPhase int

const (
	phaseBusy trainingPhase = iota
	phaseCheckpoint
	phaseDown
)

// training is the lazily generated timeline of a training job: a sequence
// of phases of constant utilisation. Times are seconds since Start.
type training struct {
	busyU, ckptU, idleU float64
	every, ckptLen      float64 // s
	rate                float64 // interruptions per second of running time
	down                float64 // s
	stepSec             float64
	rng                 uint64

	phase       trainingPhase
	segU        float64 // utilisation of the current phase
	segEnd      float64 // end of the current phase, s
	cycleEnd    float64 // end of the current checkpoint cycle, s
	failAt      float64 // time of the next interruption, s
	interrupted bool    // the current phase ends at failAt
}

// restart starts the job at time t and draws its next interruption.
func (tr *training) restart(t float64) {
	tr.failAt = math.Inf(1)
	if tr.rate > 0 {
		tr.failAt = t + exponential(&tr.rng)/tr.rate
	}
	tr.startCycle(t)
}

// startCycle begins a checkpoint cycle at t: busy, then the checkpoint wait.
func (tr *training) startCycle(t float64) {
	end := math.Inf(1) // without checkpoints the job is busy until interrupted
	if tr.ckptLen > 0 {
		tr.cycleEnd = t + tr.every
		end = tr.cycleEnd - tr.ckptLen
	}
	tr.enter(phaseBusy, tr.busyU, end)
}

// enter starts a running phase that ends at end unless interrupted first.
func (tr *training) enter(phase trainingPhase, u, end float64) {
	tr.phase, tr.segU = phase, u
	tr.interrupted = tr.failAt <= end
	tr.segEnd = min(end, tr.failAt)
}

// advance moves to the phase that follows the current one.
func (tr *training) advance() {
	t := tr.segEnd
	switch {
	case tr.phase == phaseDown:
		tr.restart(t)
	case tr.interrupted:
		tr.phase, tr.segU, tr.segEnd = phaseDown, tr.idleU, t+tr.down
	case tr.phase == phaseBusy:
		tr.enter(phaseCheckpoint, tr.ckptU, tr.cycleEnd)
	default:
		tr.startCycle(t)
	}
}

func (tr *training) Fill(dst []float64, first int) {
	for i := range dst {
		a := float64(first+i) * tr.stepSec
		b := a + tr.stepSec
		for tr.segEnd <= a {
			tr.advance()
		}
		if tr.segEnd >= b { // one phase covers the step
			dst[i] = tr.segU
			continue
		}
		var sum float64
		for t := a; t < b; {
			end := min(tr.segEnd, b)
			sum += tr.segU * (end - t)
			t = end
			if t < b {
				tr.advance()
			}
		}
		dst[i] = min(max(sum/tr.stepSec, 0), 1) // rounding must not leave 0..1
	}
}
