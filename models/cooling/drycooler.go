package cooling

import (
	"fmt"
	"math"
)

// DryCooler is a bank of identical dry coolers (finned-coil air-to-water heat
// exchangers with variable-speed fans), optionally with adiabatic pre-cooling
// pads that wet the entering air.
//
// Heat transfer is the effectiveness–NTU method for a crossflow exchanger
// with both streams unmixed (Incropera & DeWitt, Fundamentals of Heat and Mass
// Transfer, table 11.3): ε = 1 − exp[(1/Cr)·NTU^0.22·(exp(−Cr·NTU^0.78) − 1)],
// Q = ε·C_min·(T_water,in − T_air,in). The UA of a unit is found at its design
// point (DesignAirC entering air, water leaving ApproachK above it and
// entering RangeK above that, air warming by RangeK/AirWaterRatio) and scales
// with the air flow to the power 0.8 (the air-side film coefficient dominates
// a finned coil). Fan power follows the cube of the fan speed (affinity laws),
// as in EnergyPlus FluidCooler and CoolingTower:VariableSpeed.
//
// Adiabatic pre-cooling follows the direct evaporative cooler of EnergyPlus
// (EvaporativeCooler:Direct:ResearchSpecial): T_out = T_db − ε_pad·(T_db − T_wb)
// at constant enthalpy; the water evaporated is the rise in humidity ratio
// times the air mass flow, and the pads' bleed keeps the cycles of
// concentration: bleed = evaporation/(cycles − 1).
type DryCooler struct {
	Units      int
	UnitKW     float64 // heat one unit rejects at its design point, kW
	DesignAirC float64 // entering air at the design point, °C
	ApproachK  float64 // leaving water minus entering air at the design point, K
	RangeK     float64 // entering minus leaving water at the design point, K
	FanKW      float64 // fan power of one unit at full speed, kW
	MinSpeed   float64 // lowest fan speed, fraction of full
	// AirWaterRatio is C_air/C_water at the design point (1.25 unless set).
	AirWaterRatio float64

	Adiabatic bool
	PadEff    float64 // saturation effectiveness of the pads, 0..1
	// SprayAboveC is the dry bulb above which the pads are wetted whenever the
	// coolers run; below it they are wetted only when dry operation cannot
	// hold the supply temperature. NaN: only when needed.
	SprayAboveC float64
	Cycles      float64 // cycles of concentration of the pad water

	uaDesign   float64 // per unit at full speed, kW/K
	cAirDesign float64 // per unit at full speed, kW/K
	// lnUAperCAir is ln(uaDesign/cAirDesign), ln NTU at full speed when
	// the air is the smaller stream.
	lnUAperCAir float64
	// warm holds the fan speed last found dry and with the pads wetted,
	// the start of the next solve (0: none).
	warm [2]float64
}

// cpAir is the specific heat of moist air used for the air streams, kJ/(kg·K).
const cpAir = 1.006 + 1.86*0.010

func (d *DryCooler) init() error {
	if d.AirWaterRatio == 0 {
		d.AirWaterRatio = 1.25
	}
	switch {
	case d.Units < 1:
		return fmt.Errorf("dry coolers: %d units: want ≥ 1", d.Units)
	case !(d.UnitKW > 0):
		return fmt.Errorf("dry coolers: unit capacity %g kW: want > 0", d.UnitKW)
	case !(d.ApproachK >= 1 && d.ApproachK <= 30):
		return fmt.Errorf("dry coolers: approach %g K: want 1..30", d.ApproachK)
	case !(d.RangeK > 0):
		return fmt.Errorf("dry coolers: range %g K: want > 0", d.RangeK)
	case !(d.FanKW >= 0) || !(d.MinSpeed >= 0 && d.MinSpeed <= 1):
		return fmt.Errorf("dry coolers: fan %g kW, minimum speed %g: want ≥ 0 and 0..1", d.FanKW, d.MinSpeed)
	case d.Adiabatic && !(d.PadEff > 0 && d.PadEff < 1 && d.Cycles > 1):
		return fmt.Errorf("dry coolers: pad effectiveness %g and cycles %g: want 0..1 and > 1", d.PadEff, d.Cycles)
	}
	cw := d.UnitKW / d.RangeK
	ca := d.AirWaterRatio * cw
	cmin, cmax := min(cw, ca), max(cw, ca)
	eps := d.UnitKW / (cmin * (d.ApproachK + d.RangeK))
	// Bisection on NTU: ε is increasing in NTU.
	lo, hi := 0.0, 50.0
	if crossflowEff(hi, cmin/cmax) < eps {
		return fmt.Errorf("dry coolers: design point (%g K approach, %g K range) is beyond any crossflow exchanger", d.ApproachK, d.RangeK)
	}
	for range 60 {
		mid := (lo + hi) / 2
		if crossflowEff(mid, cmin/cmax) < eps {
			lo = mid
		} else {
			hi = mid
		}
	}
	d.uaDesign = hi * cmin
	d.cAirDesign = ca
	d.lnUAperCAir = math.Log(d.uaDesign / d.cAirDesign)
	return nil
}

// crossflowEff is the effectiveness of a crossflow exchanger with both
// streams unmixed.
func crossflowEff(ntu, cr float64) float64 {
	if ntu <= 0 {
		return 0
	}
	if cr < 1e-9 {
		return 1 - math.Exp(-ntu)
	}
	n22 := math.Pow(ntu, 0.22)
	return 1 - math.Exp(n22/cr*(math.Exp(-cr*ntu/n22)-1)) // ntu/ntu^0.22 = ntu^0.78
}

// capacity returns the heat n units at fan speed s reject, kW, with water of
// heat-capacity rate cw (kW/K) entering at twIn and air at tAir.
func (d *DryCooler) capacity(n int, s, cw, twIn, tAir float64) float64 {
	if twIn <= tAir || n == 0 || s <= 0 {
		return 0
	}
	return d.effC(n, s, cw) * (twIn - tAir)
}

// effC returns ε·C_min of n units at fan speed s, kW/K.
func (d *DryCooler) effC(n int, s, cw float64) float64 {
	return d.effCLn(n, s, math.Log(s), cw, d.lnK(n, cw))
}

// lnK returns ln(n·UA_design/C_water), the part of ln NTU that does not
// depend on the fan speed when the water is the smaller stream.
func (d *DryCooler) lnK(n int, cw float64) float64 {
	return math.Log(float64(n) * d.uaDesign / cw)
}

// effCLn is effC given lnS = ln s and lnK = d.lnK(n, cw), so that a solve for
// the speed at fixed n and cw takes one logarithm per evaluation. With
// UA = n·UA_d·s^0.8 and C_air = n·C_air,d·s, ln NTU = ln(UA/C_min) is
// ln(UA_d/C_air,d) − 0.2·ln s when the air is the smaller stream and
// lnK + 0.8·ln s when the water is.
func (d *DryCooler) effCLn(n int, s, lnS, cw, lnK float64) float64 {
	ca := float64(n) * d.cAirDesign * s
	if ca <= cw {
		return crossflowEffLn(d.lnUAperCAir-0.2*lnS, ca/cw) * ca
	}
	return crossflowEffLn(lnK+0.8*lnS, cw/ca) * cw
}

// crossflowEffLn is crossflowEff(exp(lnNTU), cr) for NTU > 0, with
// NTU^0.22 = exp(0.22·ln NTU) in place of a power.
func crossflowEffLn(lnNTU, cr float64) float64 {
	ntu := math.Exp(lnNTU)
	if cr < 1e-9 {
		return 1 - math.Exp(-ntu)
	}
	n22 := math.Exp(0.22 * lnNTU)
	return 1 - math.Exp(n22/cr*(math.Exp(-cr*ntu/n22)-1)) // ntu/ntu^0.22 = ntu^0.78
}

// speedFor returns the lowest fan speed at which n units reject q, or 1 with
// ok false when even full speed cannot.
func (d *DryCooler) speedFor(n int, q, cw, twIn, tAir float64) (s float64, ok bool) {
	if twIn <= tAir || n == 0 {
		// No capacity at any speed.
		if q > 0 {
			return 1, false
		}
		return d.MinSpeed, true
	}
	dT := twIn - tAir
	lnK := d.lnK(n, cw)
	// g(s) = capacity − q; capacity is smooth and increasing in s.
	g := func(s float64) float64 {
		if s <= 0 {
			return -q
		}
		return d.effCLn(n, s, math.Log(s), cw, lnK)*dT - q
	}
	lo, hi := d.MinSpeed, 1.0
	ghi := g(hi)
	if ghi < 0 {
		return 1, false
	}
	glo := g(lo)
	if glo >= 0 {
		return d.MinSpeed, true
	}
	// Illinois (modified regula falsi), keeping the bracket g(lo) < 0 ≤
	// g(hi); a few evaluations settle the speed to 1e-5.
	side := 0
	for range 40 {
		s := (lo*ghi - hi*glo) / (ghi - glo)
		gs := g(s)
		if gs >= 0 {
			hi, ghi = s, gs
			if side == 1 {
				glo /= 2
			}
			side = 1
		} else {
			lo, glo = s, gs
			if side == -1 {
				ghi /= 2
			}
			side = -1
		}
		if hi-lo < 1e-5 || ghi < 1e-7*q {
			break
		}
	}
	return hi, true
}

// capacityLnD returns g = the heat n units reject at fan speed exp(lnS)
// less q, kW, and dg/d(ln s), for water of heat-capacity rate cw entering dT
// above the air (lnK = d.lnK(n, cw)). The derivative follows ε·C_min through
// ln NTU and Cr: with the air the smaller stream, d ln NTU/d ln s = −0.2 and
// Cr and C_min are proportional to s; with the water, d ln NTU/d ln s = 0.8,
// Cr is proportional to 1/s and C_min is fixed.
func (d *DryCooler) capacityLnD(n int, lnS, cw, lnK, dT, q float64) (g, dg float64) {
	s := math.Exp(lnS)
	ca := float64(n) * d.cAirDesign * s
	var lnNTU, dLnNTU, cr, dCr, cmin, dCmin float64
	if ca <= cw {
		lnNTU, dLnNTU, cr, cmin = d.lnUAperCAir-0.2*lnS, -0.2, ca/cw, ca
		dCr, dCmin = cr, cmin
	} else {
		lnNTU, dLnNTU, cr, cmin = lnK+0.8*lnS, 0.8, cw/ca, cw
		dCr = -cr
	}
	ntu := math.Exp(lnNTU)
	var eps, dEps float64
	if cr < 1e-9 {
		e := math.Exp(-ntu)
		eps, dEps = 1-e, e*ntu*dLnNTU
	} else {
		n22 := math.Exp(0.22 * lnNTU)
		n78 := ntu / n22
		e := math.Exp(-cr * n78)
		x := n22 / cr * (e - 1)
		ex := math.Exp(x)
		dN22, dN78 := 0.22*n22*dLnNTU, 0.78*n78*dLnNTU
		dE := e * (-dCr*n78 - cr*dN78)
		dX := (dN22/cr-n22*dCr/(cr*cr))*(e-1) + n22/cr*dE
		eps, dEps = 1-ex, -ex*dX
	}
	return eps*cmin*dT - q, (dEps*cmin + eps*dCmin) * dT
}

// speedFrom is speedFor started from *warm, the speed found for the same
// units in the previous call (0: none), which it updates. Consecutive steps
// differ little, so Newton's method on ln s from there settles in two or
// three evaluations where the bracketing solve of speedFor takes six; the
// speed is the root to 1e-8 of q. Steps that leave [MinSpeed, 1] are cut
// back to the bound, which decides alone when the answer lies there (full
// speed too little, minimum speed enough): the capacity rises with speed.
// Without a start, or if Newton has not settled in a few steps, speedFor
// solves it.
func (d *DryCooler) speedFrom(n int, q, cw, twIn, tAir float64, warm *float64) (s float64, ok bool) {
	s0 := *warm
	if !(s0 > 0) || twIn <= tAir || n == 0 || q <= 0 || d.MinSpeed <= 0 {
		s, ok = d.speedFor(n, q, cw, twIn, tAir)
		*warm = s
		return s, ok
	}
	dT, lnK := twIn-tAir, d.lnK(n, cw)
	lnMin := math.Log(d.MinSpeed)
	lnS := math.Log(s0)
	tol := 1e-8 * q
	for range 8 {
		g, dg := d.capacityLnD(n, lnS, cw, lnK, dT, q)
		switch {
		case lnS >= 0 && g < 0:
			*warm = 1
			return 1, false // full speed cannot
		case lnS <= lnMin && g >= 0:
			*warm = d.MinSpeed
			return d.MinSpeed, true
		case math.Abs(g) <= tol:
			s = math.Exp(lnS)
			*warm = s
			return s, true
		case !(dg > 0):
			s, ok = d.speedFor(n, q, cw, twIn, tAir)
			*warm = s
			return s, ok
		}
		lnS = min(max(lnS-g/dg, lnMin), 0)
	}
	s, ok = d.speedFor(n, q, cw, twIn, tAir)
	*warm = s
	return s, ok
}

// airKgS returns the air mass flow through n units at fan speed s, kg/s.
func (d *DryCooler) airKgS(n int, s float64) float64 {
	return float64(n) * d.cAirDesign * s / cpAir
}

// evaporativeCooling returns the air leaving a wetted medium of saturation
// effectiveness eff, and the humidity it gained, for outdoor air at dry bulb
// tdb, wet bulb twb, humidity ratio w and enthalpy h (J/kg). The process is
// adiabatic saturation: the air's enthalpy rises only by that of the water
// evaporated, supplied at the wet bulb (ASHRAE Fundamentals ch. 1, the
// balance behind eq. 33), so eff = 1 gives saturated air at the wet bulb.
func evaporativeCooling(eff, tdb, twb, w, h float64) (tOut, dW float64) {
	tOut = tdb - eff*(tdb-twb)
	hf := 4.186 * twb // kJ/kg of the water evaporated
	wOut := (h/1000 - 1.006*tOut - w*hf) / (2501 + 1.86*tOut - hf)
	return tOut, max(wOut-w, 0)
}

// WClass is an ASHRAE liquid-cooling class of facility water (ASHRAE TC 9.9,
// Liquid Cooling Guidelines for Datacom Equipment Centers, 2nd ed., and the
// 2021 thermal guidelines): the facility supply must stay at or below LimitC.
type WClass struct {
	Name   string
	LimitC float64 // upper limit of the facility supply water, °C
}

// WClasses are the ASHRAE W classes, coldest first. W+ allows above 45 °C;
// its limit here is the 60 °C the warm-water loops of heat-reuse sites reach.
var WClasses = []WClass{{"W17", 17}, {"W27", 27}, {"W32", 32}, {"W40", 40}, {"W45", 45}, {"W+", 60}}

// LookupWClass returns the class called name.
func LookupWClass(name string) (WClass, bool) {
	for _, c := range WClasses {
		if c.Name == name {
			return c, true
		}
	}
	return WClass{}, false
}

// Envelope is an allowable or recommended inlet-air envelope of ASHRAE TC 9.9
// (Thermal Guidelines for Data Processing Environments, 5th ed., 2021) as
// an airside economizer uses it: the supply air's dry bulb, dew point and
// relative humidity must stay within it.
type Envelope struct {
	Name                       string
	MinDryBulbC, MaxDryBulbC   float64
	MinDewPointC, MaxDewPointC float64
	MaxRelHum                  float64 // 0..1
}

// Envelopes are the ASHRAE 2021 envelopes.
var Envelopes = []Envelope{
	{"recommended", 18, 27, -9, 15, 0.60},
	{"A1", 15, 32, -12, 17, 0.80},
	{"A2", 10, 35, -12, 21, 0.80},
	{"A3", 5, 40, -12, 24, 0.85},
	{"A4", 5, 45, -12, 24, 0.90},
}

// LookupEnvelope returns the envelope called name.
func LookupEnvelope(name string) (Envelope, bool) {
	for _, e := range Envelopes {
		if e.Name == name {
			return e, true
		}
	}
	return Envelope{}, false
}
