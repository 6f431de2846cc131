package it

import (
	"context"
	"errors"
	"math"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

// TestEnergy checks group power against the model's formula with no random
// variation and inlets below the fan ramp.
func TestEnergy(t *testing.T) {
	for _, c := range []struct {
		curve    Curve
		u        float64
		shapeTol float64 // error allowed on shape(u)
	}{
		{CurveLinear, 0, 0}, {CurveLinear, 0.3, 0}, {CurveLinear, 1, 0},
		{CurveConcave, 0, 0}, {CurveConcave, 0.25, 0}, {CurveConcave, 77.0 / 256, 0}, // table knots
		{CurveConcave, 1, 0},
		{CurveConcave, 0.3, 1e-4}, {CurveConcave, 0.01, 1e-4}, // between knots
	} {
		spec := quietSpec(t, c.u)
		spec.Curve = c.curve
		f := mustFleet(t, []GroupSpec{spec}, time.Minute, 1, 60)
		p := simulate(t, f, 60, 60, constantSupply(20))
		cu := spec.IdleFrac + (1-spec.IdleFrac)*c.curve.Shape(c.u)
		s := spec.FanMinSpeed + (1-spec.FanMinSpeed)*c.u
		want := float64(spec.Racks) * spec.PeakKW * ((1-spec.FanFrac)*cu + spec.FanFrac*s*s*s)
		absTol := float64(spec.Racks) * spec.PeakKW * (1 - spec.FanFrac) * (1 - spec.IdleFrac) * c.shapeTol
		for _, q := range p {
			within(t, c.curve.String()+" group power", q.ElecKW, want, absTol, 1e-12)
			within(t, "mean utilisation", q.MeanUtil, c.u, 1e-15, 0)
		}
		switch c.u {
		case 1:
			within(t, "full load", p[0].ElecKW, float64(spec.Racks)*spec.PeakKW, 0, 1e-12)
			within(t, "nameplate", f.NameplateKW(), float64(spec.Racks)*spec.PeakKW, 0, 1e-15)
		case 0:
			idle := spec.IdleFrac*(1-spec.FanFrac)*spec.PeakKW + spec.FanFrac*spec.PeakKW*math.Pow(spec.FanMinSpeed, 3)
			within(t, "idle", p[0].ElecKW, float64(spec.Racks)*idle, 0, 1e-12)
		}
	}
}

// TestHeatSplit checks that every kW becomes heat, in air or liquid, at
// every step of a varied fleet, and that the groups add up to the fleet.
func TestHeatSplit(t *testing.T) {
	specs := benchFleetSpecs(t)
	const block = 500
	f := mustFleet(t, specs, time.Minute, 3, block)
	ctx := context.Background()
	for first := 0; first < 3000; first += block {
		if err := f.Compute(ctx, first, block); err != nil {
			t.Fatal(err)
		}
		for i := range block {
			supplyC := 18 + 20*float64((first+i)%97)/97
			q := f.Step(i, supplyC)
			within(t, "air + liquid", q.AirHeatKW+q.LiquidHeatKW, q.ElecKW, 0, 1e-12)
			if q.FanKW <= 0 || q.FanKW >= q.ElecKW || q.LiquidHeatKW <= 0 || q.MeanUtil <= 0 || q.MeanUtil >= 1 {
				t.Fatalf("step %d: implausible %+v", first+i, q)
			}
			var elec, liquid, util float64
			for g, spec := range specs {
				gp := f.GroupStep(g, i, supplyC)
				within(t, spec.Name+" liquid", gp.LiquidHeatKW, spec.LiquidFrac*(gp.ElecKW-gp.FanKW), 1e-12, 1e-12)
				elec += gp.ElecKW
				liquid += gp.LiquidHeatKW
				util += gp.MeanUtil * float64(spec.Racks)
			}
			within(t, "Σ groups elec", elec, q.ElecKW, 0, 1e-12)
			within(t, "Σ groups liquid", liquid, q.LiquidHeatKW, 0, 1e-12)
			within(t, "rack-weighted utilisation", util/float64(f.Racks()), q.MeanUtil, 0, 1e-12)
		}
	}
}

// TestFans checks the inlet-temperature response: fan power rises
// monotonically with supply air above the ramp, by the cube of the speed-up
// of each inlet class, and stops at FanMaxBoost.
func TestFans(t *testing.T) {
	spec := quietSpec(t, 77.0/256) // a table knot: compute power exact
	spec.Racks = 10                // classes 0..3 hold 3, 3, 2, 2 racks
	f := mustFleet(t, []GroupSpec{spec}, time.Minute, 1, 1)
	if err := f.Compute(context.Background(), 0, 1); err != nil {
		t.Fatal(err)
	}
	prev := 0.0
	for supplyC := 10.0; supplyC <= 45; supplyC += 0.25 {
		q := f.Step(0, supplyC)
		var want float64
		for r := range spec.Racks {
			c, fan := spec.RackKW(77.0/256, supplyC+spec.InletSpreadK*float64(r%4)/3)
			want += c + fan
		}
		within(t, "power vs exact per-rack sum", q.ElecKW, want, 0, 1e-12)
		within(t, "max inlet", q.MaxInletC, supplyC+spec.InletSpreadK, 1e-12, 0)
		if q.FanKW < prev {
			t.Errorf("fan power falls from %g to %g at supply %g °C", prev, q.FanKW, supplyC)
		}
		warmest := supplyC + spec.InletSpreadK
		if warmest > spec.FanRampC && warmest < spec.FanRampC+10 && q.FanKW <= prev {
			t.Errorf("fan power does not rise at supply %g °C", supplyC)
		}
		prev = q.FanKW
	}
	cool := f.Step(0, 20).FanKW
	hot := f.Step(0, 60).FanKW
	within(t, "capped fan power", hot, cool*math.Pow(spec.FanMaxBoost, 3), 0, 1e-12)

	// With fewer than four racks only the classes present count.
	spec.Racks = 2
	f = mustFleet(t, []GroupSpec{spec}, time.Minute, 1, 1)
	_ = f.Compute(context.Background(), 0, 1)
	within(t, "max inlet of 2 racks", f.Step(0, 20).MaxInletC, 20+spec.InletSpreadK/3, 1e-12, 0)
}

// TestUtilisationStatistics checks the rack variation: the fleet mean
// follows the workload mean, and each rack's noise has the stationary SD
// and lag-1 correlation exp(−step/τ) of its AR(1) process.
func TestUtilisationStatistics(t *testing.T) {
	spec := quietSpec(t, 0.5)
	spec.Racks, spec.RackBiasSD, spec.NoiseSD, spec.NoiseTau = 2000, 0.03, 0.05, 20*time.Minute
	f := mustFleet(t, []GroupSpec{spec}, time.Minute, 9, 1440)
	var utils []float64
	for _, q := range simulate(t, f, 5*1440, 1440, constantSupply(20)) {
		utils = append(utils, q.MeanUtil)
	}
	mean, _ := meanSD(utils)
	// The mean of 2000 biases has SD 0.03/√2000 ≈ 7e−4.
	within(t, "long-run rack mean", mean, 0.5, 0.0027, 0)

	// One-rack groups expose single racks.
	const racks, steps = 8, 200_000
	var specs []GroupSpec
	for range racks {
		s := quietSpec(t, 0.5)
		s.Racks, s.NoiseSD, s.NoiseTau = 1, 0.05, 20*time.Minute
		specs = append(specs, s)
	}
	f = mustFleet(t, specs, time.Minute, 5, 10_000)
	series := make([][]float64, racks)
	ctx := context.Background()
	for first := 0; first < steps; first += 10_000 {
		if err := f.Compute(ctx, first, 10_000); err != nil {
			t.Fatal(err)
		}
		for i := range 10_000 {
			for g := range racks {
				series[g] = append(series[g], f.GroupStep(g, i, 20).MeanUtil)
			}
		}
	}
	phi := math.Exp(-1.0 / 20)
	for g, xs := range series {
		m, sd := meanSD(xs)
		// About steps/(2τ) = 5000 independent samples per rack.
		within(t, "rack mean", m, 0.5, 0.005, 0)
		within(t, "rack noise SD", sd, 0.05, 0, 0.06)
		within(t, "rack lag-1 correlation", lag1(xs), phi, 0.005, 0)
		if g > 0 && xs[100] == series[0][100] {
			t.Error("racks share a noise stream")
		}
	}
}

// TestRackBias checks the static offsets drawn for many racks.
func TestRackBias(t *testing.T) {
	spec := quietSpec(t, 0.5)
	spec.Racks, spec.RackBiasSD = 20_000, 0.04
	f := mustFleet(t, []GroupSpec{spec}, time.Minute, 2, 1)
	var bias []float64
	for _, s := range f.groups[0].shards {
		for _, rk := range s.racks {
			bias = append(bias, rk.bias)
		}
	}
	m, sd := meanSD(bias)
	within(t, "bias mean", m, 0, 4*0.04/math.Sqrt(20_000), 0)
	within(t, "bias SD", sd, 0.04, 0, 0.03)
}

// referenceRun simulates specs rack by rack, step by step, straight from the
// model's formulas (exact power curve, per-rack inlet temperature, branchy
// clamp), on the same per-rack random streams as the fleet.
// It also counts the rack-steps clamped at 0 and at 1.
func referenceRun(specs []GroupSpec, step time.Duration, seed uint64, steps int, supplyC float64) (out []Power, low, high int) {
	type rack struct {
		x           uint64
		bias, noise float64
	}
	out = make([]Power, steps)
	for g, spec := range specs {
		racks := make([]rack, spec.Racks)
		for r := range racks {
			stream := deriveSeed(seed, uint64(g), uint64(r))
			racks[r].bias = spec.RackBiasSD * normal(&stream)
			racks[r].noise = spec.NoiseSD * normal(&stream)
			for racks[r].x == 0 {
				racks[r].x = splitmix64(&stream)
			}
		}
		phi := 0.0
		if spec.NoiseTau > 0 {
			phi = math.Exp(-step.Seconds() / spec.NoiseTau.Seconds())
		}
		sigma := spec.NoiseSD * math.Sqrt(1-phi*phi)
		ug := make([]float64, 1)
		for k := range steps {
			spec.Workload.Fill(ug, k)
			var utilSum float64
			for r := range racks {
				rk := &racks[r]
				e := float64(xorshiftStar(&rk.x)) * 0x1p-63 * math.Sqrt(3) // uniform, unit variance
				rk.noise = phi*rk.noise + sigma*e
				u := ug[0] + rk.bias + rk.noise
				if u < 0 {
					u = 0
					low++
				}
				if u > 1 {
					u = 1
					high++
				}
				c, fan := spec.RackKW(u, supplyC+spec.InletSpreadK*float64(r%4)/3)
				out[k].ElecKW += c + fan
				out[k].FanKW += fan
				out[k].LiquidHeatKW += spec.LiquidFrac * c
				utilSum += u
			}
			out[k].MeanUtil += utilSum
		}
	}
	racks := 0
	for _, s := range specs {
		racks += s.Racks
	}
	for k := range out {
		out[k].MeanUtil /= float64(racks)
	}
	return out, low, high
}

// TestKernelMatchesReference compares the optimised sharded kernel with the
// plain rack-by-rack model: several shards, a rack count that is not a
// multiple of four, clamping at both ends, fans above their ramp.
func TestKernelMatchesReference(t *testing.T) {
	mk := func() []GroupSpec {
		specs := benchFleetSpecs(t)
		specs[0].Racks = 301
		specs[0].NoiseSD, specs[0].RackBiasSD = 0.3, 0.2 // clamps often
		specs[1].Racks = 3
		return specs
	}
	const steps = 1000
	ref, low, high := referenceRun(mk(), time.Minute, 8, steps, 29)
	if low < steps || high < steps {
		t.Errorf("clamped %d times at 0 and %d at 1; the test wants both often", low, high)
	}
	f := mustFleet(t, mk(), time.Minute, 8, 333)
	for k, q := range simulate(t, f, steps, 333, constantSupply(29)) {
		within(t, "elec vs reference", q.ElecKW, ref[k].ElecKW, 0, 1e-4) // table error on shape only
		within(t, "fan vs reference", q.FanKW, ref[k].FanKW, 0, 1e-12)
		within(t, "liquid vs reference", q.LiquidHeatKW, ref[k].LiquidHeatKW, 0, 1e-12)
		within(t, "utilisation vs reference", q.MeanUtil, ref[k].MeanUtil, 0, 1e-12)
	}
	if len(f.groups[0].shards) != 3 {
		t.Errorf("301 racks in %d shards, want 3", len(f.groups[0].shards))
	}
}

func TestDeterminism(t *testing.T) {
	const steps = 3000
	run := func(procs, block int, seed uint64) []Power {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		f := mustFleet(t, benchFleetSpecs(t), time.Minute, seed, block)
		return simulate(t, f, steps, block, func(k int) float64 { return 20 + float64(k%60)/5 })
	}
	base := run(1, 1440, 42)
	equal := func(name string, other []Power) {
		t.Helper()
		for k := range base {
			if base[k] != other[k] {
				t.Fatalf("%s: step %d differs: %+v vs %+v", name, k, base[k], other[k])
			}
		}
	}
	equal("GOMAXPROCS 4", run(4, 1440, 42))
	equal("blocks of 7", run(4, 7, 42))
	equal("blocks of 7, GOMAXPROCS 1", run(1, 7, 42))
	equal("repeat", run(2, 1440, 42))
	other := run(2, 1440, 43)
	same := 0
	for k := range base {
		if base[k] == other[k] {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 42 and 43 agree at %d of %d steps", same, steps)
	}
}

func TestNewFleetErrors(t *testing.T) {
	good := []GroupSpec{quietSpec(t, 0.5)}
	bad := quietSpec(t, 0.5)
	bad.Racks = 0
	for _, c := range []struct {
		name   string
		groups []GroupSpec
		step   time.Duration
		block  int
		msg    string
	}{
		{"no groups", nil, time.Minute, 10, "no rack groups"},
		{"step", good, 0, 10, "step 0s"},
		{"long step", good, 25 * time.Hour, 10, "at most 24h"},
		{"block", good, time.Minute, 0, "block size 0"},
		{"group", []GroupSpec{quietSpec(t, 0.5), bad}, time.Minute, 10,
			`group 2 ("cpu"): racks: 0 is not allowed; want 1..1000000`},
	} {
		f, err := NewFleet(c.groups, c.step, 1, c.block)
		if err == nil || f != nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: got %v, %v; want error containing %q", c.name, f, err, c.msg)
		}
	}
	_, err := NewFleet([]GroupSpec{bad}, time.Minute, 1, 10)
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "racks" {
		t.Errorf("group error %v does not unwrap to the FieldError", err)
	}
}

// cancelOnFill cancels a context when the fleet fills its block, so that
// the shards find the job cancelled.
type cancelOnFill struct {
	Workload
	cancel context.CancelFunc
}

func (c cancelOnFill) Fill(dst []float64, first int) {
	c.Workload.Fill(dst, first)
	if first > 0 {
		c.cancel()
	}
}

func TestComputeErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	specs := benchFleetSpecs(t)
	specs[0].Workload = cancelOnFill{specs[0].Workload, cancel}
	f := mustFleet(t, specs, time.Minute, 1, 10)
	if err := f.Compute(ctx, 5, 10); !errors.Is(err, ErrOutOfOrder) {
		t.Errorf("starting at step 5: %v, want ErrOutOfOrder", err)
	}
	if err := f.Compute(ctx, 0, 11); err == nil {
		t.Error("11 steps with block size 10: no error")
	}
	done, stop := context.WithCancel(context.Background())
	stop()
	if err := f.Compute(done, 0, 10); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
	if err := f.Compute(ctx, 0, 10); err != nil { // a refused call leaves the fleet usable
		t.Fatalf("after a refused call: %v", err)
	}
	if err := f.Compute(ctx, 10, 10); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled between shards: %v", err)
	}
	if err := f.Compute(context.Background(), 10, 10); !errors.Is(err, ErrAborted) {
		t.Errorf("after a cancelled Compute: %v, want ErrAborted", err)
	}
}

func TestComputeAndStepDoNotAllocate(t *testing.T) {
	const block = 60
	f := mustFleet(t, benchFleetSpecs(t), time.Minute, 1, block)
	ctx := context.Background()
	first := 0
	compute := func() {
		if err := f.Compute(ctx, first, block); err != nil {
			t.Fatal(err)
		}
		first += block
	}
	// AllocsPerRun runs at GOMAXPROCS 1, so Compute runs on the caller.
	serial := testing.AllocsPerRun(5, compute)
	var sink float64
	step := testing.AllocsPerRun(100, func() { sink += f.Step(7, 30).ElecKW + f.GroupStep(1, 8, 30).FanKW })
	if serial != 0 || step != 0 {
		t.Errorf("allocations: Compute %g, Step %g; want 0", serial, step)
	}
	// In parallel, after the helpers have started. Channel hand-offs
	// between goroutines now and then allocate a runtime wait record
	// (sudog, 112 B) when a processor's cache of them runs dry: 0 to 2 per
	// 200 Computes measured. Creating an OS thread allocates too, so a
	// sample during which the runtime did that is repeated. Require under
	// 8 B per Compute on average, nothing per step.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	for range 10 {
		compute()
	}
	threads := pprof.Lookup("threadcreate")
	const computes = 200
	for range 5 {
		var before, after runtime.MemStats
		threadsBefore := threads.Count()
		runtime.ReadMemStats(&before)
		for range computes {
			compute()
		}
		runtime.ReadMemStats(&after)
		if threads.Count() != threadsBefore {
			continue
		}
		if perCompute := float64(after.TotalAlloc-before.TotalAlloc) / computes; perCompute >= 8 {
			t.Errorf("%.1f B allocated per parallel Compute (%d objects in %d), want < 8",
				perCompute, after.Mallocs-before.Mallocs, computes)
		}
		return
	}
	t.Log("the runtime created threads during every sample; parallel allocations not checked")
}

func TestClose(t *testing.T) {
	open := mustFleet(t, benchFleetSpecs(t), time.Minute, 4, 100)
	closed := mustFleet(t, benchFleetSpecs(t), time.Minute, 4, 100)
	closed.Close()
	closed.Close()
	a := simulate(t, open, 300, 100, constantSupply(25))
	b := simulate(t, closed, 300, 100, constantSupply(25))
	for k := range a {
		if a[k] != b[k] {
			t.Fatalf("step %d differs after Close", k)
		}
	}
}

func TestNameplateAndMax(t *testing.T) {
	spec := quietSpec(t, 1)
	f := mustFleet(t, []GroupSpec{spec}, time.Minute, 1, 1)
	_ = f.Compute(context.Background(), 0, 1)
	within(t, "nameplate", f.NameplateKW(), 120, 0, 1e-15)
	within(t, "max", f.MaxKW(), 10*12*(0.9+0.1*1.5*1.5*1.5), 0, 1e-15)
	within(t, "full load, hot inlet", f.Step(0, 60).ElecKW, f.MaxKW(), 0, 1e-12)
	if f.Racks() != 10 || f.Groups() != 1 || f.BlockSize() != 1 {
		t.Errorf("Racks %d Groups %d BlockSize %d", f.Racks(), f.Groups(), f.BlockSize())
	}
}

// TestWorkersStopWhenFleetIsGarbage checks that a Fleet nobody closes does
// not leak its helper goroutines.
func TestWorkersStopWhenFleetIsGarbage(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	r := func() *runner {
		f, err := NewFleet(benchFleetSpecs(t), time.Minute, 1, 10)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Compute(context.Background(), 0, 10); err != nil {
			t.Fatal(err)
		}
		if n := f.runner.live.Load(); n != 3 {
			t.Errorf("%d helpers at GOMAXPROCS 4, want 3", n)
		}
		return f.runner
	}()
	for range 100 {
		runtime.GC()
		time.Sleep(time.Millisecond)
		if r.live.Load() == 0 {
			return
		}
	}
	t.Errorf("%d helpers still run after the Fleet became garbage", r.live.Load())
}
