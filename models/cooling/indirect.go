package cooling

import "github.com/dctwin/dctwin/models/psychro"

// latentHeatKJ returns the latent heat of vaporization of water, kJ/kg, at
// t (°C): the enthalpy of the vapour, 2501 + 1.86·t, less that of the liquid,
// 4.186·t (the linearisation behind ASHRAE Fundamentals 2017 ch. 1 eq. 33;
// 2443 kJ/kg at 25 °C). Below 0 °C it is taken at 0 °C, as EnergyPlus's
// PsyHfgAirFnWTdb does.
func latentHeatKJ(t float64) float64 {
	t = max(t, 0)
	return 2501 + (1.86-4.186)*t
}

// indirectEvaporation returns the water, kg/s, the wetted secondary
// (scavenger) air of an indirect evaporative cooler evaporates to carry away
// qKW taken from the primary air, and the dry bulb at which it leaves, °C.
// secKgS is the secondary dry-air flow, entering at dry bulb tdb (°C),
// humidity ratio w, enthalpy h (J/kg dry air) and pressure p (Pa).
//
// The model is that of EnergyPlus EvaporativeCooler:Indirect:ResearchSpecial
// in wet operation (EnergyPlus Engineering Reference, "Indirect Evaporative
// Cooler Special Research Model", wet mode steps 2 and 3; function
// CalcSecondaryAirOutletCondition, whose unit test has the secondary air
// leave at its entering 20 °C with all of the heat latent): the secondary air
// leaves at its entering dry bulb and all the heat it takes up is latent, so
// the water evaporated is Q/h_fg with h_fg at the entering dry bulb (about
// 1.47 kg per kWh at 25 °C), whatever the dryness of the air. Only when that
// water would supersaturate the air at its dry bulb (too little secondary air
// for the heat) does the air leave saturated and warmer, carrying part of the
// heat as sensible heat; the water is then its rise in humidity ratio, found
// from the saturated state of the outlet enthalpy. The evaporated water is
// supplied as liquid at the entering dry bulb, so h_out = h_in + Q/ṁ +
// ΔW·4.186·t in both cases, and the two meet where the outlet is just
// saturated at tdb.
func indirectEvaporation(sat *psychro.SatTable, qKW, secKgS, tdb, w, h, p float64) (evapKgS, tOut float64) {
	if qKW <= 0 || secKgS <= 0 {
		return 0, tdb
	}
	hfg := latentHeatKJ(tdb)
	evap := qKW / hfg // kg/s
	if w+evap/secKgS <= sat.SatHumRatio(tdb, p) {
		return evap, tdb
	}
	// Saturated exit: h_out = h_in + Q/ṁ + ΔW·c_w·t, a short fixed point
	// (the liquid's enthalpy is a few per cent of the latent heat).
	hf := 4.186 * max(tdb, 0) // kJ/kg of the liquid supplied
	dW := evap / secKgS
	for range 4 {
		hOut := h + 1000*(qKW/secKgS+dW*hf)
		t, ws := sat.SatStateFromEnthalpy(hOut, p)
		dW, tOut = max(ws-w, 0), t
	}
	return secKgS * dW, tOut
}
