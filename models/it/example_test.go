package it_test

import (
	"context"
	"fmt"
	"time"

	"github.com/dctwin/dctwin/models/it"
)

// A small AI hall: 40 air-cooled CPU racks on a daily cycle and 8
// liquid-cooled GPU racks running a training job, simulated for a day in
// one-minute steps and read at two supply air temperatures.
func ExampleNewFleet() {
	cal := it.Calendar{Start: time.Date(2025, 7, 1, 0, 0, 0, 0, time.FixedZone("MST", -7*3600)), Step: time.Minute}
	daily, err := it.NewDiurnal(cal, 0.5, 0.2, 14)
	if err != nil {
		panic(err)
	}
	training, err := it.NewTraining(cal, it.DefaultTrainingParams(), 1)
	if err != nil {
		panic(err)
	}
	groups := []it.GroupSpec{
		{Name: "cpu", Racks: 40, PeakKW: 12, IdleFrac: 0.4, Curve: it.CurveConcave,
			FanFrac: 0.08, FanMinSpeed: 0.4, FanRampC: 27, FanSpeedPerK: 0.05, FanMaxBoost: 1.6,
			Workload: daily, RackBiasSD: 0.05, NoiseSD: 0.05, NoiseTau: 15 * time.Minute, InletSpreadK: 3},
		{Name: "gpu", Racks: 8, PeakKW: 40, IdleFrac: 0.25, Curve: it.CurveLinear,
			FanFrac: 0.05, FanMinSpeed: 0.5, FanRampC: 30, FanSpeedPerK: 0.05, FanMaxBoost: 1.4,
			LiquidFrac: 0.85, Workload: training, NoiseSD: 0.02, NoiseTau: 5 * time.Minute},
	}
	fleet, err := it.NewFleet(groups, time.Minute, 42, 1440)
	if err != nil {
		panic(err)
	}
	defer fleet.Close()
	if err := fleet.Compute(context.Background(), 0, 1440); err != nil {
		panic(err)
	}
	fmt.Printf("nameplate %.0f kW\n", fleet.NameplateKW())
	for _, supplyC := range []float64{22, 32} {
		p := fleet.Step(14*60, supplyC) // 14:00 local time
		fmt.Printf("supply %.0f °C: %.1f kW (fans %.1f), air %.1f kW, liquid %.1f kW, warmest inlet %.0f °C\n",
			supplyC, p.ElecKW, p.FanKW, p.AirHeatKW, p.LiquidHeatKW, p.MaxInletC)
	}
	// Output:
	// nameplate 800 kW
	// supply 22 °C: 701.5 kW (fans 34.4), air 458.6 kW, liquid 242.9 kW, warmest inlet 25 °C
	// supply 32 °C: 733.2 kW (fans 66.1), air 490.2 kW, liquid 242.9 kW, warmest inlet 35 °C
}
