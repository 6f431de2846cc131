package psychro

import "math"

// Constants of ASHRAE Fundamentals 2017 ch. 1 (SI).
const (
	// RDryAir is the gas constant of dry air, J/(kg·K).
	RDryAir = 287.042
	// ZeroCK is 0 °C in kelvin.
	ZeroCK = 273.15
	// TriplePointC is the triple point of water, °C: the switch between the
	// saturation formulas over ice and over liquid water.
	TriplePointC = 0.01
	// MinHumRatio clamps humidity ratios, kg/kg, as PsychroLib does.
	MinHumRatio = 1e-7
	// tolC is the convergence tolerance of the iterative solvers, °C.
	tolC = 0.001
	// maxIter bounds the iterative solvers.
	maxIter = 100
	// ratioMW is the ratio of the molecular masses of water and dry air.
	ratioMW = 0.621945
	// MinTempC and MaxTempC bound the saturation-pressure formulas (ASHRAE eqs. 5 and 6).
	MinTempC = -100.0
	MaxTempC = 200.0
)

// SatVapPres returns the saturation vapour pressure of water over ice (t ≤ 0.01 °C)
// or liquid water (t > 0.01 °C), in Pa, for t in °C (Hyland–Wexler, ASHRAE
// Fundamentals 2017 ch. 1 eqs. 5 and 6). Valid for −100 to 200 °C.
func SatVapPres(t float64) float64 {
	if !(t >= MinTempC && t <= MaxTempC) {
		return math.NaN()
	}
	return math.Exp(lnSatVapPres(t))
}

func lnSatVapPres(t float64) float64 {
	T := t + ZeroCK
	if t <= TriplePointC {
		return -5.6745359e3/T + 6.3925247 - 9.677843e-3*T + 6.2215701e-7*T*T +
			2.0747825e-9*T*T*T - 9.484024e-13*T*T*T*T + 4.1635019*math.Log(T)
	}
	return -5.8002206e3/T + 1.3914993 - 4.8640239e-2*T + 4.1764768e-5*T*T -
		1.4452093e-8*T*T*T + 6.5459673*math.Log(T)
}

// dLnSatVapPres returns d(ln p_ws)/dT, for the Newton iteration of the dew point.
func dLnSatVapPres(t float64) float64 {
	T := t + ZeroCK
	if t <= TriplePointC {
		return 5.6745359e3/(T*T) - 9.677843e-3 + 2*6.2215701e-7*T +
			3*2.0747825e-9*T*T - 4*9.484024e-13*T*T*T + 4.1635019/T
	}
	return 5.8002206e3/(T*T) - 4.8640239e-2 + 2*4.1764768e-5*T -
		3*1.4452093e-8*T*T + 6.5459673/T
}

// HumRatioFromVapPres returns the humidity ratio, kg/kg, of air whose partial
// vapour pressure is pw at total pressure p, both in Pa (ASHRAE eq. 20).
func HumRatioFromVapPres(pw, p float64) float64 {
	if !(pw >= 0 && p > pw) {
		return math.NaN()
	}
	return math.Max(ratioMW*pw/(p-pw), MinHumRatio)
}

// VapPresFromHumRatio returns the partial vapour pressure, Pa, of air of
// humidity ratio w (kg/kg) at total pressure p (Pa).
func VapPresFromHumRatio(w, p float64) float64 {
	if !(w >= 0 && p > 0) {
		return math.NaN()
	}
	w = math.Max(w, MinHumRatio)
	return p * w / (ratioMW + w)
}

// SatHumRatio returns the humidity ratio, kg/kg, of saturated air at t (°C) and
// pressure p (Pa) (ASHRAE eq. 23).
func SatHumRatio(t, p float64) float64 {
	pws := SatVapPres(t)
	if !(p > pws) {
		return math.NaN()
	}
	return math.Max(ratioMW*pws/(p-pws), MinHumRatio)
}

// VapPresFromRelHum returns the partial vapour pressure, Pa, at dry bulb t (°C)
// and relative humidity rh (0..1).
func VapPresFromRelHum(t, rh float64) float64 {
	if !(rh >= 0 && rh <= 1) {
		return math.NaN()
	}
	return rh * SatVapPres(t)
}

// RelHumFromVapPres returns the relative humidity (0..1) at dry bulb t (°C) of
// air with partial vapour pressure pw (Pa).
func RelHumFromVapPres(t, pw float64) float64 {
	if !(pw >= 0) {
		return math.NaN()
	}
	return pw / SatVapPres(t)
}

// HumRatioFromRelHum returns the humidity ratio, kg/kg, at dry bulb t (°C),
// relative humidity rh (0..1) and pressure p (Pa).
func HumRatioFromRelHum(t, rh, p float64) float64 {
	return HumRatioFromVapPres(VapPresFromRelHum(t, rh), p)
}

// RelHumFromHumRatio returns the relative humidity (0..1) at dry bulb t (°C),
// humidity ratio w (kg/kg) and pressure p (Pa).
func RelHumFromHumRatio(t, w, p float64) float64 {
	return RelHumFromVapPres(t, VapPresFromHumRatio(w, p))
}

// VapPresFromTDewPoint returns the partial vapour pressure, Pa, of air whose dew
// point is tdp (°C).
func VapPresFromTDewPoint(tdp float64) float64 { return SatVapPres(tdp) }

// TDewPointFromVapPres returns the dew point, °C, of air at dry bulb t (°C) with
// partial vapour pressure pw (Pa). It inverts the Hyland–Wexler formulas by
// Newton–Raphson on ln(p_ws), as PsychroLib does, rather than using ASHRAE
// eqs. 37 and 38, which are less accurate. The dew point is bounded by t.
func TDewPointFromVapPres(t, pw float64) float64 {
	if !(t >= MinTempC && t <= MaxTempC) || !(pw > 0) {
		return math.NaN()
	}
	lo, hi := SatVapPres(MinTempC), SatVapPres(MaxTempC)
	if pw < lo || pw > hi {
		return math.NaN()
	}
	lnVP := math.Log(pw)
	tdp := t
	for i := 0; i < maxIter; i++ {
		next := tdp - (lnSatVapPres(tdp)-lnVP)/dLnSatVapPres(tdp)
		next = math.Max(math.Min(next, MaxTempC), MinTempC)
		if math.Abs(next-tdp) <= tolC {
			tdp = next
			break
		}
		tdp = next
	}
	return math.Min(tdp, t)
}

// TDewPointFromHumRatio returns the dew point, °C, at dry bulb t (°C), humidity
// ratio w (kg/kg) and pressure p (Pa).
func TDewPointFromHumRatio(t, w, p float64) float64 {
	return TDewPointFromVapPres(t, VapPresFromHumRatio(w, p))
}

// HumRatioFromTWetBulb returns the humidity ratio, kg/kg, of air at dry bulb t
// and wet bulb twb (°C) at pressure p (Pa): ASHRAE eq. 33 above freezing and
// eq. 35 below.
func HumRatioFromTWetBulb(t, twb, p float64) float64 {
	if !(twb <= t) {
		return math.NaN()
	}
	ws := SatHumRatio(twb, p)
	var w float64
	if twb >= TriplePointC {
		w = ((2501-2.326*twb)*ws - 1.006*(t-twb)) / (2501 + 1.86*t - 4.186*twb)
	} else {
		w = ((2830-0.24*twb)*ws - 1.006*(t-twb)) / (2830 + 1.86*t - 2.1*twb)
	}
	return math.Max(w, MinHumRatio)
}

// TWetBulbFromHumRatio returns the thermodynamic wet bulb, °C, of air at dry bulb
// t (°C), humidity ratio w (kg/kg) and pressure p (Pa). It bisects between the
// dew point and the dry bulb to 0.001 °C, as PsychroLib does.
func TWetBulbFromHumRatio(t, w, p float64) float64 {
	if !(w >= 0) {
		return math.NaN()
	}
	w = math.Max(w, MinHumRatio)
	tdp := TDewPointFromHumRatio(t, w, p)
	if math.IsNaN(tdp) {
		return math.NaN()
	}
	hi, lo := t, tdp
	twb := (lo + hi) / 2
	for i := 0; i < maxIter && hi-lo > tolC; i++ {
		if HumRatioFromTWetBulb(t, twb, p) > w {
			hi = twb
		} else {
			lo = twb
		}
		twb = (lo + hi) / 2
	}
	return twb
}

// TWetBulbFromRelHum returns the wet bulb, °C, at dry bulb t (°C), relative
// humidity rh (0..1) and pressure p (Pa).
func TWetBulbFromRelHum(t, rh, p float64) float64 {
	return TWetBulbFromHumRatio(t, HumRatioFromRelHum(t, rh, p), p)
}

// TWetBulbFromTDewPoint returns the wet bulb, °C, at dry bulb t and dew point tdp (°C) and pressure p (Pa).
func TWetBulbFromTDewPoint(t, tdp, p float64) float64 {
	if !(tdp <= t) {
		return math.NaN()
	}
	return TWetBulbFromHumRatio(t, HumRatioFromVapPres(VapPresFromTDewPoint(tdp), p), p)
}

// DryAirEnthalpy returns the enthalpy of dry air at t (°C), J/kg (ASHRAE eq. 28).
func DryAirEnthalpy(t float64) float64 { return 1006 * t }

// MoistAirEnthalpy returns the enthalpy of moist air, J per kg of dry air, at dry
// bulb t (°C) and humidity ratio w (kg/kg) (ASHRAE eq. 30).
func MoistAirEnthalpy(t, w float64) float64 {
	w = math.Max(w, MinHumRatio)
	return (1.006*t + w*(2501+1.86*t)) * 1000
}

// TDryBulbFromEnthalpyAndHumRatio returns the dry bulb, °C, of moist air of
// enthalpy h (J/kg dry air) and humidity ratio w (kg/kg) (inverse of eq. 30).
func TDryBulbFromEnthalpyAndHumRatio(h, w float64) float64 {
	w = math.Max(w, MinHumRatio)
	return (h/1000 - 2501*w) / (1.006 + 1.86*w)
}

// SatAirEnthalpy returns the enthalpy, J per kg of dry air, of saturated air at t
// (°C) and pressure p (Pa).
func SatAirEnthalpy(t, p float64) float64 { return MoistAirEnthalpy(t, SatHumRatio(t, p)) }

// DryAirVolume returns the specific volume of dry air, m³/kg, at t (°C) and p (Pa).
func DryAirVolume(t, p float64) float64 { return RDryAir * (t + ZeroCK) / p }

// DryAirDensity returns the density of dry air, kg/m³, at t (°C) and p (Pa).
func DryAirDensity(t, p float64) float64 { return p / (RDryAir * (t + ZeroCK)) }

// MoistAirVolume returns the specific volume of moist air, m³ per kg of dry air,
// at dry bulb t (°C), humidity ratio w (kg/kg) and pressure p (Pa) (ASHRAE eq. 26).
func MoistAirVolume(t, w, p float64) float64 {
	w = math.Max(w, MinHumRatio)
	return RDryAir * (t + ZeroCK) * (1 + 1.607858*w) / p
}

// MoistAirDensity returns the density of moist air, kg/m³, at dry bulb t (°C),
// humidity ratio w (kg/kg) and pressure p (Pa).
func MoistAirDensity(t, w, p float64) float64 {
	w = math.Max(w, MinHumRatio)
	return (1 + w) / MoistAirVolume(t, w, p)
}

// SpecificHumFromHumRatio returns the specific humidity, kg water per kg moist
// air, of air with humidity ratio w (kg/kg).
func SpecificHumFromHumRatio(w float64) float64 {
	w = math.Max(w, MinHumRatio)
	return w / (1 + w)
}

// StandardAtmPressure returns the pressure, Pa, of the standard atmosphere at
// altitude z (m) (ASHRAE eq. 3).
func StandardAtmPressure(z float64) float64 {
	return 101325 * math.Pow(1-2.25577e-5*z, 5.2559)
}

// StandardAtmTemperature returns the temperature, °C, of the standard
// atmosphere at altitude z (m) (ASHRAE eq. 4).
func StandardAtmTemperature(z float64) float64 { return 15 - 0.0065*z }

// SeaLevelPressure returns the sea-level pressure, Pa, equivalent to station
// pressure p (Pa) at altitude z (m) and dry bulb t (°C), by the hypsometric
// equation with the mean temperature of the air column between station and
// sea level (ASHRAE Fundamentals 2017 ch. 1, as PsychroLib's GetSeaLevelPressure).
func SeaLevelPressure(p, z, t float64) float64 {
	tColumn := t + 0.0065*z/2 // mean of station and extrapolated sea-level temperatures
	h := 287.055 * (tColumn + ZeroCK) / 9.807
	return p * math.Exp(z/h)
}
