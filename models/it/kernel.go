package it

import "math"

// Per-step sums a shard accumulates over its racks. None depends on the
// inlet temperature, so Step can apply the temperature afterwards per inlet
// class.
const (
	sumShape   = iota // Σ shape(u): compute power is affine in it
	sumUtil           // Σ u
	sumFanCube        // Σ s(u)³ of the racks in inlet class 0; classes 1..3 follow
	nSums      = sumFanCube + inletClasses
)

// minShardRacks and maxShardsPerGroup set the number of racks of a shard.
// Small shards balance the load across cores; a cap on their number bounds
// the memory of per-shard sums (nSums floats per step each) for very large
// groups.
const (
	minShardRacks     = 128
	maxShardsPerGroup = 64
)

// shardRacks returns the number of racks per shard of a group of racks
// racks. It depends on the group alone, never on the number of processors,
// so that sums are formed in the same order on any machine; being a
// multiple of inletClasses, it makes a rack's inlet class its index within
// the shard mod inletClasses.
func shardRacks(racks int) int {
	n := max(minShardRacks, (racks+maxShardsPerGroup-1)/maxShardsPerGroup)
	return (n + inletClasses - 1) / inletClasses * inletClasses
}

// kernelParams are the per-group constants of the rack kernel.
type kernelParams struct {
	phi        float64     // AR(1) coefficient exp(−step/NoiseTau)
	noiseScale float64     // innovation per unit of xorshift output: σ_i·√3·2⁻⁶³
	fanA, fanB float64     // s(u) = fanA + fanB·u
	shape      *shapeTable // the group's curve
}

func newKernelParams(g GroupSpec, stepSec float64) kernelParams {
	var phi float64
	if g.NoiseTau > 0 {
		phi = math.Exp(-stepSec / g.NoiseTau.Seconds())
	}
	// σ_i = NoiseSD·sqrt(1 − φ²) keeps the stationary SD at NoiseSD; a
	// uniform variate on [−1, 1) has SD 1/√3.
	innovSD := g.NoiseSD * math.Sqrt(1-phi*phi)
	return kernelParams{
		phi:        phi,
		noiseScale: innovSD * math.Sqrt(3) * 0x1p-63,
		fanA:       g.FanMinSpeed,
		fanB:       1 - g.FanMinSpeed,
		shape:      shapeTables[g.Curve],
	}
}

// shapeTables holds one read-only table per curve, built once.
var shapeTables = [...]*shapeTable{
	CurveLinear:  newShapeTable(CurveLinear),
	CurveConcave: newShapeTable(CurveConcave),
}

// rackState is what a rack carries from step to step.
type rackState struct {
	rng   uint64  // xorshift64* state, never 0
	noise float64 // AR(1) utilisation noise
	bias  float64 // static utilisation offset
}

// shard is a fixed run of consecutive racks of one group with its own
// output buffer. A rack's state lies in one struct, so that the kernel's
// loads and stores per rack touch one cache line and cannot alias those of
// another array.
type shard struct {
	group int
	kp    kernelParams
	racks []rackState
	out   []float64 // nSums per step of the current block
}

// clampUnit clamps u to 0..1 without branches: the bit patterns of
// non-negative doubles order like the doubles, and those of negative doubles
// are negative as int64, so two integer min/max (conditional moves) suffice.
// Branches would mispredict whenever racks run near 0 or 1 utilisation.
func clampUnit(u float64) float64 {
	b := int64(math.Float64bits(u))
	b = min(max(b, 0), int64(math.Float64bits(1)))
	return math.Float64frombits(uint64(b))
}

// advance moves every rack of the shard through the steps whose group
// utilisations are ug and writes nSums sums per step into s.out.
//
// This is the hot loop of the simulator: no interfaces, no calls that do not
// inline, no bounds checks inside, no math.Pow or math.Exp; the power curve
// comes from a table and the fan cube from two multiplications.
func (s *shard) advance(ug []float64) {
	kp := s.kp
	phi, noiseScale := kp.phi, kp.noiseScale
	fanA, fanB := kp.fanA, kp.fanB
	tab := kp.shape
	racks := s.racks
	out := s.out[:len(ug)*nSums]
	for t, ugt := range ug {
		var shapeSum, utilSum float64
		var fanCube [inletClasses]float64
		for r := range racks {
			rk := &racks[r]
			// xorshift64* (Vigna 2016): a uniform innovation, see rng.go.
			x := rk.rng
			x ^= x >> 12
			x ^= x << 25
			x ^= x >> 27
			rk.rng = x
			n := phi*rk.noise + noiseScale*float64(int64(x*xorshiftMul))
			rk.noise = n
			u := clampUnit(ugt + rk.bias + n)
			p := &tab[int(u*shapeSegments)&shapeIndexMask]
			shapeSum += p.A + p.B*u
			utilSum += u
			sp := fanA + fanB*u
			fanCube[r&(inletClasses-1)] += sp * sp * sp
		}
		o := out[t*nSums : t*nSums+nSums : t*nSums+nSums]
		o[sumShape] = shapeSum
		o[sumUtil] = utilSum
		for k, v := range fanCube {
			o[sumFanCube+k] = v
		}
	}
}
