package cooling

import "math"

// Tower is a bank of identical open (wet) cooling-tower cells with
// variable-speed fans, on the YorkCalc approach correlation of EnergyPlus
// CoolingTower:VariableSpeed (Engineering Reference, "Variable Speed Cooling
// Towers"; REFERENCE.md §2.4). The correlation is normalised to its reference
// condition: 25.6 °C entering wet bulb, 5.6 K range, 3.9 K approach and
// 0.000043 m³/s of water per kW of nominal capacity.
type Tower struct {
	Cells int
	// CellKW is the nominal capacity of one cell at the reference condition, kW.
	CellKW float64
	// FanKW is the fan power of one cell at full speed, kW.
	FanKW float64
	// MinFanSpeed is the lowest fan speed, as a fraction of full speed.
	MinFanSpeed float64
	// DesignLG is the ratio of water to air mass flow at the reference
	// condition, which sets the cell's air flow for the water balance.
	DesignLG float64
}

// refWaterFlowPerKW is the YorkCalc reference water flow, m³/s per kW of
// nominal capacity (2.4 gpm/ton).
const refWaterFlowPerKW = 0.000043

// CellWaterM3S returns the design water flow of one cell, m³/s.
func (t *Tower) CellWaterM3S() float64 { return t.CellKW * refWaterFlowPerKW }

// CellAirKgS returns the design air mass flow of one cell at full fan speed, kg/s.
func (t *Tower) CellAirKgS() float64 { return t.CellWaterM3S() * waterDensity / t.DesignLG }

// YorkCalc coefficients, in the term order of the EnergyPlus source: the base
// set [1, t, t², r, t·r, t²·r, r², t·r², t²·r²] (t = wet bulb, r = range)
// multiplied by LG⁰, LG¹ and LG² in turn (REFERENCE.md §2.4).
var yorkCalc = [27]float64{
	-0.359741205, -0.055053608, 0.0023850432, 0.173926877, -0.0248473764,
	0.00048430224, -0.005589849456, 0.0005770079712, -1.342427256e-5,
	2.84765801111111, -0.121765149, 0.0014599242, 1.680428651, -0.0166920786,
	-0.0007190532, -0.025485194448, 4.87491696e-5, 2.719234152e-5,
	-0.0653766255555556, -0.002278167, 0.0002500254, -0.0910565458, 0.00318176316,
	3.8621772e-5, -0.0034285382352, 8.56589904e-6, -1.516821552e-6,
}

// YorkCalcMaxWetBulbC is the warmest entering wet bulb the YorkCalc
// correlation was fitted for, °C; warmer air is evaluated at this limit.
const YorkCalcMaxWetBulbC = 26.7

// YorkCalc validity limits (EnergyPlus documentation).
const (
	yorkWbMin, yorkWbMax       = -34.4, YorkCalcMaxWetBulbC
	yorkRangeMin, yorkRangeMax = 1.1, 22.2
	yorkFRwMin, yorkFRwMax     = 0.75, 1.25
	yorkLGMax                  = 8.0
)

// yorkCoeffs returns the approach as a quadratic in LG, A = a0 + a1·LG + a2·LG²,
// for wet bulb twb and range r (both clamped to the correlation's limits).
func yorkCoeffs(twb, r float64) (a0, a1, a2 float64) {
	t := clamp(twb, yorkWbMin, yorkWbMax)
	r = clamp(r, yorkRangeMin, yorkRangeMax)
	base := [9]float64{1, t, t * t, r, t * r, t * t * r, r * r, t * r * r, t * t * r * r}
	for i, b := range base {
		a0 += yorkCalc[i] * b
		a1 += yorkCalc[9+i] * b
		a2 += yorkCalc[18+i] * b
	}
	return a0, a1, a2
}

// YorkCalcApproach returns the approach, K (leaving water minus entering wet
// bulb), for wet bulb twb (°C), range r (K), and water and air flow ratios to
// design. Inputs are clamped to the correlation's limits, as EnergyPlus does.
func YorkCalcApproach(twb, r, frWater, frAir float64) float64 {
	a0, a1, a2 := yorkCoeffs(twb, r)
	lg := clamp(frWater, yorkFRwMin, yorkFRwMax) / frAir
	lg = min(lg, yorkLGMax)
	return a0 + a1*lg + a2*lg*lg
}

// towerState is the operating point of the running cells.
type towerState struct {
	cells    int
	frWater  float64 // water flow ratio per cell
	frAir    float64 // fan speed (air flow ratio)
	leavingC float64 // water leaving the towers
	fanKW    float64
}

// cellsFor returns how many cells share the condenser flow: as many as keep
// each cell's water flow ratio at or above the correlation's lower limit,
// which spreads the water over the most fill and lets the fans run slowest.
func (t *Tower) cellsFor(flowM3S float64) int {
	n := int(flowM3S / (yorkFRwMin * t.CellWaterM3S()))
	return max(1, min(n, t.Cells))
}

// operate finds the fan speed that brings the leaving water to targetC with
// the cells running: the lowest speed that reaches it, full speed if it cannot
// be reached, the minimum speed when even that over-cools.
func (t *Tower) operate(twb, heatKW, flowM3S, targetC float64) towerState {
	s := towerState{cells: t.cellsFor(flowM3S)}
	s.frWater = flowM3S / (float64(s.cells) * t.CellWaterM3S())
	rangeK := heatKW / (waterRhoCp * flowM3S)
	a0, a1, a2 := yorkCoeffs(twb, rangeK)
	frw := clamp(s.frWater, yorkFRwMin, yorkFRwMax)
	approach := func(frAir float64) float64 {
		lg := min(frw/frAir, yorkLGMax)
		return a0 + a1*lg + a2*lg*lg
	}
	minAir := max(t.MinFanSpeed, frw/yorkLGMax)
	want := targetC - twb
	switch {
	case approach(1) >= want:
		s.frAir = 1
	case approach(minAir) <= want:
		s.frAir = minAir
	default:
		// The approach rises as the air flow falls (LG = FRwater/FRair
		// grows), so the speed that meets the target lies between the
		// minimum and full speed.
		s.frAir = solveAir(a0-want, a1, a2, frw, minAir, approach, want)
	}
	s.leavingC = twb + max(approach(s.frAir), 0)
	s.fanKW = float64(s.cells) * t.FanKW * s.frAir * s.frAir * s.frAir
	return s
}

// solveAir returns the fan speed in (minAir, 1) at which the approach equals
// want, given approach(1) < want < approach(minAir). The approach is the
// quadratic c0 + a1·LG + a2·LG² − want = 0 in LG = frw/frAir (c0 = a0 − want):
// the root between the full-speed and minimum-speed LG gives the speed. Should
// no root lie there (the correlation is not monotonic everywhere), bisection
// finds the crossing.
func solveAir(c0, a1, a2, frw, minAir float64, approach func(float64) float64, want float64) float64 {
	lgLo, lgHi := frw, frw/minAir
	if a2 != 0 {
		if d := a1*a1 - 4*a2*c0; d >= 0 {
			sq := math.Sqrt(d)
			for _, lg := range [2]float64{(-a1 + sq) / (2 * a2), (-a1 - sq) / (2 * a2)} {
				if lg > lgLo && lg < lgHi {
					return frw / lg
				}
			}
		}
	}
	lo, hi := minAir, 1.0 // approach(lo) > want > approach(hi)
	for i := 0; i < 60 && hi-lo > 1e-9; i++ {
		mid := (lo + hi) / 2
		if approach(mid) > want {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi // approach(hi) ≤ want: the target is met, never missed by rounding
}
