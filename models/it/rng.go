package it

import "math"

// The generators here are small, fast and fully determined by their seed;
// none of them keeps global state.

// splitmix64 advances *state and returns the next output of SplitMix64
// (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number
// generators", OOPSLA). It also serves as a strong 64-bit hash for deriving
// per-rack seeds.
func splitmix64(state *uint64) uint64 {
	*state += 0x9e3779b97f4a7c15
	z := *state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// deriveSeed hashes a list of integers into one seed, so that streams keyed
// by (seed, group, rack) are independent of one another.
func deriveSeed(keys ...uint64) uint64 {
	var h uint64
	for _, k := range keys {
		h ^= k
		h = splitmix64(&h)
	}
	return h
}

// uniform01 returns a uniform variate in [0, 1) with 53 random bits.
func uniform01(state *uint64) float64 {
	return float64(splitmix64(state)>>11) * 0x1p-53
}

// normal returns a standard normal variate by the Box–Muller transform.
func normal(state *uint64) float64 {
	u1 := 1 - uniform01(state) // (0, 1]: keeps the logarithm finite
	u2 := uniform01(state)
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// exponential returns an exponential variate with mean 1.
func exponential(state *uint64) float64 {
	return -math.Log(1 - uniform01(state))
}

// xorshiftMul is the multiplier of xorshift64* (Vigna 2016, "An experimental
// exploration of Marsaglia's xorshift generators, scrambled", ACM TOMS 42(4)).
const xorshiftMul = 0x2545f4914f6cdd1d

// xorshiftStar advances a xorshift64* state (which must not be 0) and returns
// its output as a signed integer, uniform over the int64 range: multiplied by
// 2⁻⁶³ it is uniform on [−1, 1) with variance 1/3. The rack kernel inlines
// the same steps; this form serves the tail racks and the tests.
func xorshiftStar(x *uint64) int64 {
	s := *x
	s ^= s >> 12
	s ^= s << 25
	s ^= s >> 27
	*x = s
	return int64(s * xorshiftMul)
}
