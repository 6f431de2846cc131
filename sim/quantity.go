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
	numQ
)

// stepValues holds one step's quantities.
type stepValues [numQ]float64

func (v *stepValues) coolingKW() float64 {
	return v[qCRAHFanKW] + v[qCDUPumpKW] + v[qCHWPumpKW] + v[qCondPumpKW] + v[qChillerKW] + v[qTowerFanKW]
}

func (v *stepValues) lossKW() float64 {
	return v[qUPSLossKW] + v[qPDULossKW] + v[qTransformerLossKW]
}

func (v *stepValues) otherKW() float64 { return v[qLightingKW] + v[qOfficeKW] }

func (v *stepValues) facilityKW() float64 {
	return v[qITKW] + v.coolingKW() + v.lossKW() + v.otherKW()
}

func (v *stepValues) withdrawalL() float64 {
	return v[qEvaporationL] + v[qDriftL] + v[qBlowdownL]
}

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
