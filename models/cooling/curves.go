package cooling

// Biquadratic is the performance curve
// f(x, y) = c0 + c1·x + c2·x² + c3·y + c4·y² + c5·x·y
// with x and y clamped to the range the coefficients were fitted over, as
// EnergyPlus evaluates its Curve:Biquadratic objects.
type Biquadratic struct {
	C                      [6]float64
	XMin, XMax, YMin, YMax float64
}

// At evaluates the curve.
func (b *Biquadratic) At(x, y float64) float64 {
	x = clamp(x, b.XMin, b.XMax)
	y = clamp(y, b.YMin, b.YMax)
	c := &b.C
	return c[0] + c[1]*x + c[2]*x*x + c[3]*y + c[4]*y*y + c[5]*x*y
}

// Quadratic is the curve f(x) = c0 + c1·x + c2·x², x clamped to its range.
type Quadratic struct {
	C          [3]float64
	XMin, XMax float64
}

// At evaluates the curve.
func (q *Quadratic) At(x float64) float64 {
	x = clamp(x, q.XMin, q.XMax)
	return q.C[0] + q.C[1]*x + q.C[2]*x*x
}

// clamp limits x to [lo, hi]. The built-in min and max compile to single
// instructions, where math.Min and math.Max are calls.
func clamp(x, lo, hi float64) float64 { return min(max(x, lo), hi) }

// Properties of water used by the loops (at about 20 °C).
const (
	waterDensity = 998.0                  // kg/m³
	waterCp      = 4.186                  // kJ/(kg·K)
	waterRhoCp   = waterDensity * waterCp // kJ/(m³·K)
)
