package psychro

import "math"

// State is the psychrometric state of moist air.
type State struct {
	DryBulbC       float64 // dry-bulb temperature, °C
	WetBulbC       float64 // thermodynamic wet-bulb temperature, °C
	DewPointC      float64 // dew-point temperature, °C
	RelHum         float64 // relative humidity, 0..1
	HumRatio       float64 // humidity ratio, kg water / kg dry air
	EnthalpyJPerKg float64 // moist-air enthalpy, J / kg dry air
	VolumeM3PerKg  float64 // specific volume, m³ / kg dry air
	PressurePa     float64 // total (station) pressure, Pa
}

func stateFromHumRatio(t, w, p float64) State {
	return State{
		DryBulbC:       t,
		WetBulbC:       TWetBulbFromHumRatio(t, w, p),
		DewPointC:      TDewPointFromHumRatio(t, w, p),
		RelHum:         RelHumFromHumRatio(t, w, p),
		HumRatio:       w,
		EnthalpyJPerKg: MoistAirEnthalpy(t, w),
		VolumeM3PerKg:  MoistAirVolume(t, w, p),
		PressurePa:     p,
	}
}

// FromTWetBulb returns the state of air at dry bulb t and wet bulb twb (°C) and
// pressure p (Pa), as PsychroLib's CalcPsychrometricsFromTWetBulb.
func FromTWetBulb(t, twb, p float64) State {
	s := stateFromHumRatio(t, HumRatioFromTWetBulb(t, twb, p), p)
	s.WetBulbC = twb
	return s
}

// FromTDewPoint returns the state of air at dry bulb t and dew point tdp (°C)
// and pressure p (Pa).
func FromTDewPoint(t, tdp, p float64) State {
	if !(tdp <= t) {
		return nanState(t, p)
	}
	s := stateFromHumRatio(t, HumRatioFromVapPres(VapPresFromTDewPoint(tdp), p), p)
	s.DewPointC = tdp
	return s
}

// FromRelHum returns the state of air at dry bulb t (°C), relative humidity rh
// (0..1) and pressure p (Pa).
func FromRelHum(t, rh, p float64) State {
	s := stateFromHumRatio(t, HumRatioFromRelHum(t, rh, p), p)
	s.RelHum = rh
	return s
}

// FromHumRatio returns the state of air at dry bulb t (°C), humidity ratio w
// (kg/kg) and pressure p (Pa).
func FromHumRatio(t, w, p float64) State { return stateFromHumRatio(t, w, p) }

func nanState(t, p float64) State {
	n := math.NaN()
	return State{DryBulbC: t, WetBulbC: n, DewPointC: n, RelHum: n, HumRatio: n, EnthalpyJPerKg: n, VolumeM3PerKg: n, PressurePa: p}
}

// SatTempFromEnthalpy returns the temperature, °C, of saturated air whose
// enthalpy is h (J/kg dry air) at pressure p (Pa): the state of air leaving a
// wet cooling tower in the saturated-exit model of the EnergyPlus Engineering
// Reference. It bisects to 0.001 °C between −100 and 200 °C.
func SatTempFromEnthalpy(h, p float64) float64 {
	lo, hi := MinTempC, MaxTempC
	if math.IsNaN(h) || h < SatAirEnthalpy(lo, p) {
		return math.NaN()
	}
	// Saturated air above the boiling point has no finite humidity ratio: look
	// for the bracket below it.
	for hi > lo && !(SatAirEnthalpy(hi, p) >= h) {
		hi -= 1
	}
	if hi <= lo {
		return math.NaN()
	}
	for i := 0; i < 2*maxIter && hi-lo > tolC/10; i++ {
		mid := (lo + hi) / 2
		if SatAirEnthalpy(mid, p) > h {
			hi = mid
		} else {
			lo = mid
		}
	}
	return (lo + hi) / 2
}
