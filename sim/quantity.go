package sim

// The quantities of a step, accumulated into report rows, months and the
// period. Powers are kW (rows keep their interval mean), water litres and
// carbon kilograms per step (rows keep their interval sum), temperatures °C.
const (
	qDryBulbC = iota
	qWetBulbC
	qRelHumPct
	qITKW
	qITFanKW
	qITAirKW
	qITLiquidKW
	qUtilPct
	qCRAHFanKW
	qCDUPumpKW
	qCHWPumpKW
	qCondPumpKW
	qChillerKW
	qTowerFanKW
	qUPSLossKW
	qPDULossKW
	qTransformerLossKW
	qLightingKW
	qOfficeKW
	qHeatRejectedKW
	qEvaporatorKW
	qEconomizerKW
	qChillersOn
	qCondWaterC
	qUnmetKW
	qEvaporationL
	qDriftL
	qBlowdownL
	qCarbonKg
	qIntensityG
	qPVKW
	qPVCurtailedKW
	qBatteryChargeKW
	qBatteryDischargeKW
	qBatteryLossKW
	qBatterySoCPct
	qGeneratorKW
	qGeneratorFuelL
	qShedITKW
	qUnservedKW
	qGridKW
	qOffsiteConsL
	qOffsiteWdL
	qEnergyCost
	qCleanKW
	qRoomAirC
	qChilledWaterC
	qStoredKWh
	qHeatToMassKW
	qUtilityOutPct
	qCondFanKW
	qDryCoolerFanKW
	qFWPumpKW
	qHeatPumpKW
	qHeatReusedKW
	qAirRejectedKW
	qSprayEvapL
	qSprayBleedL
	qFacilitySupplyC
	qEvaporativeSteps // 1 in a step with evaporative cooling or adiabatic spray
	qTrimSteps        // 1 in a step with compressors running
	qAboveClassSteps  // 1 in a step with the facility supply above its W class
	qFacilityTrimSteps
	qReuseHeatC // heat reused × the temperature it was taken at, kW·°C
	numQ
)

// stepValues holds one step's quantities.
type stepValues [numQ]float64

func (v *stepValues) coolingKW() float64 {
	return v[qCRAHFanKW] + v[qCDUPumpKW] + v[qCHWPumpKW] + v[qCondPumpKW] + v[qChillerKW] + v[qTowerFanKW] +
		v[qCondFanKW] + v[qDryCoolerFanKW] + v[qFWPumpKW] + v[qHeatPumpKW]
}

func (v *stepValues) lossKW() float64 {
	return v[qUPSLossKW] + v[qPDULossKW] + v[qTransformerLossKW]
}

func (v *stepValues) otherKW() float64 { return v[qLightingKW] + v[qOfficeKW] }

func (v *stepValues) facilityKW() float64 {
	return v[qITKW] + v.coolingKW() + v.lossKW() + v.otherKW()
}

func (v *stepValues) withdrawalL() float64 {
	return v.consumptionL() + v.dischargeL()
}

// consumptionL is the water that leaves as vapour or drift: tower evaporation
// and drift, and the evaporation of adiabatic and evaporative coolers.
func (v *stepValues) consumptionL() float64 {
	return v[qEvaporationL] + v[qDriftL] + v[qSprayEvapL]
}

// dischargeL is the water sent to drain: tower blowdown and the bleed of
// adiabatic and evaporative coolers.
func (v *stepValues) dischargeL() float64 { return v[qBlowdownL] + v[qSprayBleedL] }

// accumulator sums steps.
type accumulator struct {
	sum      stepValues
	steps    int
	maxInlet float64
}

func (a *accumulator) add(v *stepValues, inletC float64) {
	for i := range v {
		a.sum[i] += v[i]
	}
	if a.steps == 0 || inletC > a.maxInlet {
		a.maxInlet = inletC
	}
	a.steps++
}

func (a *accumulator) reset() { *a = accumulator{} }

// mean returns the interval mean of quantity q.
func (a *accumulator) mean(q int) float64 { return a.sum[q] / float64(a.steps) }
