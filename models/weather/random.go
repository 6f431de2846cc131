package weather

import (
	"math"
	"math/rand/v2"
)

// Random streams of the generator. Each purpose, month and candidate has its
// own PCG stream keyed by the seed, so that a change in how many numbers one
// part draws leaves the others alone.
const (
	purposeInit   = 1
	purposeDryDay = 2
	purposeDewDay = 3
	purposeDewHr  = 4
	purposeRange  = 5
)

// splitmix64 scrambles a 64-bit value (Steele, Lea and Flood 2014, the
// SplitMix64 finaliser), to derive independent stream keys from the seed.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// stream returns the random source of one purpose, month and candidate.
func (g *generator) stream(purpose, month, candidate uint64) *rand.PCG {
	return rand.NewPCG(splitmix64(g.seed), splitmix64(g.seed^purpose<<48^month<<32^candidate))
}

// normal draws a standard normal deviate by the Box–Muller transform from the
// PCG's raw output, so that the sequence is fixed by the algorithms alone.
func normal(src *rand.PCG) float64 {
	u1 := float64(src.Uint64()>>11+1) * 0x1p-53 // (0, 1]
	u2 := float64(src.Uint64()>>11) * 0x1p-53   // [0, 1)
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// ar1 fills dst with a unit-variance AR(1) series with coefficient phi that
// continues from prev.
func ar1(dst []float64, prev, phi float64, src *rand.PCG) {
	innovation := math.Sqrt(1 - phi*phi)
	for i := range dst {
		prev = phi*prev + innovation*normal(src)
		dst[i] = prev
	}
}

// rampTo bends the last n values of v linearly toward target, so that a series
// whose start is target joins itself when the year wraps around.
func rampTo(v []float64, target float64, n int) {
	n = min(n, len(v))
	delta := target - v[len(v)-1]
	for j := 0; j < n; j++ {
		v[len(v)-n+j] += float64(j+1) / float64(n+1) * delta
	}
}
