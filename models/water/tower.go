package water

import (
	"fmt"
	"math"

	"github.com/dctwin/dctwin/models/psychro"
)

// Tower holds the water parameters of a bank of open cooling towers.
type Tower struct {
	// DriftPct is the drift loss as a percentage of the design circulating
	// water flow at full fan speed (EnergyPlus default 0.008 %; 0.0005–0.2 %
	// covers towers from the best drift eliminators to none, REFERENCE.md §2.2).
	DriftPct float64
	// Cycles is the cycles of concentration: the ratio of dissolved solids in
	// the circulating water to those in the makeup (EnergyPlus default 3;
	// 3–5 is typical, depending on the makeup water, REFERENCE.md §2.2).
	Cycles float64
}

// Validate reports parameters outside their physical range.
func (t *Tower) Validate() error {
	if !(t.DriftPct >= 0 && t.DriftPct <= 0.5) {
		return fmt.Errorf("drift %g %%: want 0..0.5 %% of the circulating flow", t.DriftPct)
	}
	if !(t.Cycles > 1 && t.Cycles <= 20) {
		return fmt.Errorf("cycles of concentration %g: want above 1 and at most 20", t.Cycles)
	}
	return nil
}

// TowerFlow is what the towers do in a step.
type TowerFlow struct {
	HeatKW float64 // heat carried to the towers by the water, kW
	// AirKgS is the dry-air mass flow through the running cells, kg/s.
	AirKgS float64
	// DesignWaterM3S is the design circulating flow of the running cells, m³/s.
	DesignWaterM3S float64
	// FanSpeed is the fan speed as a fraction of full speed (drift scales with it).
	FanSpeed float64
}

// Inlet is the outdoor air entering the towers.
type Inlet struct {
	HumRatio       float64 // kg/kg dry air
	EnthalpyJPerKg float64 // J/kg dry air
	PressurePa     float64
}

// Use is a step's water, in litres.
type Use struct {
	EvaporationL, DriftL, BlowdownL float64
}

// WithdrawalL is the makeup water taken from the supply, L.
func (u Use) WithdrawalL() float64 { return u.EvaporationL + u.DriftL + u.BlowdownL }

// ConsumptionL is the water that leaves the site as vapour or droplets, L.
func (u Use) ConsumptionL() float64 { return u.EvaporationL + u.DriftL }

// DischargeL is the water returned to the sewer as blowdown, L.
func (u Use) DischargeL() float64 { return u.BlowdownL }

// waterDensity is the density of liquid water, kg/m³, at about 20 °C.
const waterDensity = 998.2

// EvaporationKgS returns the water the towers evaporate, kg/s, by the
// saturated-exit model: the air leaves saturated with the enthalpy it entered
// with plus the heat it took up, h_out = h_in + Q/ṁ_air, and carries off
// ṁ_air·(W_sat(h_out) − W_in). In hot dry air the air also cools the water
// sensibly and more than Q/h_fg evaporates; in cold air the air warms and
// less does.
func EvaporationKgS(in Inlet, heatKW, airKgS float64, sat *psychro.SatTable) float64 {
	if heatKW <= 0 || airKgS <= 0 {
		return 0
	}
	hOut := in.EnthalpyJPerKg + 1000*heatKW/airKgS
	_, wOut := sat.SatStateFromEnthalpy(hOut, in.PressurePa)
	return airKgS * math.Max(wOut-in.HumRatio, 0)
}

// Step returns the towers' water over dtS seconds. Drift is the design flow
// times DriftPct scaled by the fan speed, as in EnergyPlus; blowdown keeps the
// cycles of concentration: B = E/(cycles − 1) − D, never below zero.
func (t *Tower) Step(in Inlet, f TowerFlow, dtS float64, sat *psychro.SatTable) Use {
	if f.HeatKW <= 0 && f.DesignWaterM3S <= 0 {
		return Use{}
	}
	evapKgS := EvaporationKgS(in, f.HeatKW, f.AirKgS, sat)
	evapL := evapKgS / waterDensity * 1000 * dtS
	driftL := f.DesignWaterM3S * t.DriftPct / 100 * f.FanSpeed * 1000 * dtS
	blowL := math.Max(evapL/(t.Cycles-1)-driftL, 0)
	return Use{EvaporationL: evapL, DriftL: driftL, BlowdownL: blowL}
}
