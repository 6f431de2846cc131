package it

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"time"
)

// MaxBlockSize bounds the number of steps one Compute may cover.
const MaxBlockSize = 1 << 16

// Errors of Fleet.Compute that callers may test for.
var (
	// ErrOutOfOrder: Compute was asked for steps that do not follow the
	// previous call's.
	ErrOutOfOrder = errors.New("steps computed out of order")
	// ErrAborted: a previous Compute was cancelled part way, leaving racks
	// at different steps; build a new Fleet.
	ErrAborted = errors.New("fleet unusable after a cancelled Compute")
)

// Power is the electric power and heat of a set of racks at one step.
type Power struct {
	ElecKW       float64 // electric power of all racks, kW
	FanKW        float64 // of which server fans, kW
	AirHeatKW    float64 // heat into room air, kW
	LiquidHeatKW float64 // heat into liquid loops, kW
	MaxInletC    float64 // warmest rack inlet, °C
	MeanUtil     float64 // mean utilisation over racks (rack-count weighted), 0..1
}

// group holds the per-group constants Step needs and the block buffer of
// the group's workload.
type group struct {
	workload Workload
	racks    int
	ug       []float64 // u_g of the steps of the current block

	computeIdleKW float64               // Racks·PeakKW·(1 − FanFrac)·IdleFrac
	computeSpanKW float64               // PeakKW·(1 − FanFrac)·(1 − IdleFrac), per unit of Σ shape
	fanDesignKW   float64               // PeakKW·FanFrac, per unit of Σ (s·m)³
	liquidFrac    float64               // LiquidFrac
	rampC, perK   float64               // fan speed-up: FanRampC, FanSpeedPerK
	maxBoost      float64               // FanMaxBoost
	inletDeltaK   [inletClasses]float64 // inlet above supply air of each class, K
	maxDeltaK     float64               // warmest class that has racks, K
	shards        []*shard              // in rack order
}

// Fleet is all racks of one site. Its methods are not safe for concurrent
// use; Compute parallelises internally.
type Fleet struct {
	groups             []group
	runner             *runner
	sums               []float64 // nSums per group per step of the last block: [(i·groups + g)·nSums + k]
	racks              int
	block              int
	next               int // first step of the next Compute
	computed           int // steps of the last Compute
	aborted            bool
	nameplateKW, maxKW float64
}

// NewFleet builds the racks of groups, to be advanced in steps of step and
// in blocks of at most blockSize steps. seed determines every random draw:
// rack r of group g draws from a generator seeded by (seed, g, r).
//
// Compute runs on min(GOMAXPROCS, shards) goroutines, shards being runs of
// 128 or more racks of a group: the caller and helper goroutines that the
// fleet starts when first needed and keeps. Close stops them; they also stop
// once the Fleet is garbage.
func NewFleet(groups []GroupSpec, step time.Duration, seed uint64, blockSize int) (*Fleet, error) {
	if len(groups) == 0 {
		return nil, errors.New("fleet: no rack groups")
	}
	if step <= 0 || step > MaxStep {
		return nil, fmt.Errorf("fleet: step %v; want more than 0, at most %v", step, MaxStep)
	}
	if blockSize < 1 || blockSize > MaxBlockSize {
		return nil, fmt.Errorf("fleet: block size %d; want 1..%d", blockSize, MaxBlockSize)
	}
	var errs []error
	for i, g := range groups {
		if err := g.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("group %d (%q): %w", i+1, g.Name, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	f := &Fleet{groups: make([]group, len(groups)), block: blockSize}
	var shards []*shard
	for gi, spec := range groups {
		f.groups[gi] = newGroup(spec, blockSize)
		gs := newShards(spec, gi, step.Seconds(), seed, blockSize)
		f.groups[gi].shards = gs
		shards = append(shards, gs...)
		f.racks += spec.Racks
		f.nameplateKW += float64(spec.Racks) * spec.PeakKW
		f.maxKW += float64(spec.Racks) * spec.PeakKW *
			(1 - spec.FanFrac + spec.FanFrac*math.Pow(spec.FanMaxBoost, 3))
	}
	f.sums = make([]float64, blockSize*len(groups)*nSums)
	f.runner = newRunner(shards)
	runtime.AddCleanup(f, (*runner).stop, f.runner)
	return f, nil
}

func newGroup(spec GroupSpec, blockSize int) group {
	g := group{
		workload:      spec.Workload,
		racks:         spec.Racks,
		ug:            make([]float64, blockSize),
		computeIdleKW: float64(spec.Racks) * spec.PeakKW * (1 - spec.FanFrac) * spec.IdleFrac,
		computeSpanKW: spec.PeakKW * (1 - spec.FanFrac) * (1 - spec.IdleFrac),
		fanDesignKW:   spec.PeakKW * spec.FanFrac,
		liquidFrac:    spec.LiquidFrac,
		rampC:         spec.FanRampC,
		perK:          spec.FanSpeedPerK,
		maxBoost:      spec.FanMaxBoost,
	}
	for k := range g.inletDeltaK {
		g.inletDeltaK[k] = spec.InletSpreadK * float64(k) / (inletClasses - 1)
	}
	g.maxDeltaK = g.inletDeltaK[min(spec.Racks, inletClasses)-1]
	return g
}

// newShards splits the racks of group gi into shards and draws
// each rack's initial state from its own stream.
func newShards(spec GroupSpec, gi int, stepSec float64, seed uint64, blockSize int) []*shard {
	kp := newKernelParams(spec, stepSec)
	size := shardRacks(spec.Racks)
	var shards []*shard
	for first := 0; first < spec.Racks; first += size {
		n := min(size, spec.Racks-first)
		s := &shard{
			group: gi,
			kp:    kp,
			racks: make([]rackState, n),
			out:   make([]float64, blockSize*nSums),
		}
		for i := range s.racks {
			rk := &s.racks[i]
			stream := deriveSeed(seed, uint64(gi), uint64(first+i))
			rk.bias = spec.RackBiasSD * normal(&stream)
			// Start the noise in its stationary distribution (mean 0, SD
			// NoiseSD) so the first steps are not a warm-up transient.
			rk.noise = spec.NoiseSD * normal(&stream)
			for rk.rng == 0 {
				rk.rng = splitmix64(&stream)
			}
		}
		shards = append(shards, s)
	}
	return shards
}

// BlockSize returns the largest number of steps one Compute may cover.
func (f *Fleet) BlockSize() int { return f.block }

// Racks returns the number of racks of the fleet.
func (f *Fleet) Racks() int { return f.racks }

// Groups returns the number of rack groups.
func (f *Fleet) Groups() int { return len(f.groups) }

// NameplateKW returns Σ Racks·PeakKW: the electric power of all racks at
// full utilisation with inlets at or below FanRampC. Warm inlets can raise
// fan power above it, up to MaxKW.
func (f *Fleet) NameplateKW() float64 { return f.nameplateKW }

// MaxKW returns the highest power the racks can draw: full utilisation with
// fans at FanMaxBoost times design speed, Σ Racks·PeakKW·(1 − FanFrac +
// FanFrac·FanMaxBoost³).
func (f *Fleet) MaxKW() float64 { return f.maxKW }

// Close stops the helper goroutines. Later Computes run on the calling
// goroutine alone, with identical results. Close may be called more than
// once.
func (f *Fleet) Close() { f.runner.stop() }

// Compute advances every rack through steps [first, first+n), 1 ≤ n ≤
// BlockSize, and keeps the per-step sums that Step reads. Calls must follow
// each other without gaps from step 0. Cancellation of ctx is checked
// between shards; a cancelled Compute returns ctx's error and leaves the
// fleet unusable (ErrAborted).
func (f *Fleet) Compute(ctx context.Context, first, n int) error {
	switch {
	case f.aborted:
		return ErrAborted
	case first != f.next:
		return fmt.Errorf("fleet: compute from step %d: %w; want step %d", first, ErrOutOfOrder, f.next)
	case n < 1 || n > f.block:
		return fmt.Errorf("fleet: compute %d steps; want 1..%d (the block size)", n, f.block)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for gi := range f.groups {
		g := &f.groups[gi]
		g.workload.Fill(g.ug[:n], first)
	}
	if err := f.runner.run(ctx, f.groups, n); err != nil {
		f.aborted = true
		return err
	}
	f.reduce(n)
	f.next, f.computed = first+n, n
	return nil
}

// reduce adds the shards' sums of each group in shard order, a fixed order
// whatever the scheduling, so that results are bit-identical on any
// machine.
func (f *Fleet) reduce(n int) {
	stride := len(f.groups) * nSums
	for gi := range f.groups {
		shards := f.groups[gi].shards
		for i := range n {
			dst := f.sums[i*stride+gi*nSums : i*stride+gi*nSums+nSums : i*stride+gi*nSums+nSums]
			copy(dst, shards[0].out[i*nSums:i*nSums+nSums])
			for _, s := range shards[1:] {
				src := s.out[i*nSums : i*nSums+nSums : i*nSums+nSums]
				for k := range dst {
					dst[k] += src[k]
				}
			}
		}
	}
}

// Step returns the power of step first+i of the last Compute for racks fed
// air at supplyAirC, °C. It panics unless 0 ≤ i < n, a programming error.
func (f *Fleet) Step(i int, supplyAirC float64) Power {
	p := Power{MaxInletC: math.Inf(-1)}
	var utilSum float64
	for gi := range f.groups {
		g := &f.groups[gi]
		s := f.stepSums(gi, i)
		computeKW, fanKW := g.power(s, supplyAirC)
		p.ElecKW += computeKW + fanKW
		p.FanKW += fanKW
		p.LiquidHeatKW += g.liquidFrac * computeKW
		p.MaxInletC = max(p.MaxInletC, supplyAirC+g.maxDeltaK)
		utilSum += s[sumUtil]
	}
	p.AirHeatKW = p.ElecKW - p.LiquidHeatKW
	p.MeanUtil = utilSum / float64(f.racks)
	return p
}

// GroupStep returns the power of group g (0-based, in the order given to
// NewFleet) at step first+i of the last Compute for racks fed air at
// supplyAirC, °C.
func (f *Fleet) GroupStep(g, i int, supplyAirC float64) Power {
	gr := &f.groups[g]
	s := f.stepSums(g, i)
	computeKW, fanKW := gr.power(s, supplyAirC)
	liquidKW := gr.liquidFrac * computeKW
	return Power{
		ElecKW:       computeKW + fanKW,
		FanKW:        fanKW,
		AirHeatKW:    computeKW - liquidKW + fanKW,
		LiquidHeatKW: liquidKW,
		MaxInletC:    supplyAirC + gr.maxDeltaK,
		MeanUtil:     s[sumUtil] / float64(gr.racks),
	}
}

// stepSums returns the sums of group g at step i of the last Compute.
func (f *Fleet) stepSums(g, i int) []float64 {
	if uint(i) >= uint(f.computed) {
		panic("it: step index outside the last Compute")
	}
	base := (i*len(f.groups) + g) * nSums
	return f.sums[base : base+nSums : base+nSums]
}

// power applies the temperature-dependent fan factor m³ per inlet class to
// the sums s of one step and returns the group's compute and fan power, kW.
func (g *group) power(s []float64, supplyAirC float64) (computeKW, fanKW float64) {
	computeKW = g.computeIdleKW + g.computeSpanKW*s[sumShape]
	fanCube := s[sumFanCube] + s[sumFanCube+1] + s[sumFanCube+2] + s[sumFanCube+3]
	if supplyAirC+g.maxDeltaK > g.rampC { // some inlets above the ramp
		fanCube = 0
		for k, d := range g.inletDeltaK {
			m := fanSpeedFactor(supplyAirC+d, g.rampC, g.perK, g.maxBoost)
			fanCube += m * m * m * s[sumFanCube+k]
		}
	}
	return computeKW, g.fanDesignKW * fanCube
}
