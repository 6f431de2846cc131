package cooling_test

import (
	"fmt"

	"github.com/dctwin/dctwin/models/cooling"
	"github.com/dctwin/dctwin/models/psychro"
)

// A liquid-cooled hall: CDUs on W32 facility water rejected by adiabatic dry
// coolers, the residual air heat by CRAHs on air-cooled chilled water. On a
// hot, dry afternoon the pads are wetted.
func ExampleHall() {
	w32, _ := cooling.LookupWClass("W32")
	h := &cooling.Hall{
		Air:      cooling.AirCRAH,
		CRAH:     cooling.CRAH{Units: 10, AirflowM3S: 12, FanKW: 10, MinSpeed: 0.3, SupplyAirC: 22, ReturnAirC: 34},
		CHW:      cooling.ChilledWater{SupplyC: 14, DeltaTK: 6, PumpKW: 30, MinFlow: 0.3, StaticFrac: 0.25},
		Chillers: cooling.ChillerBank{Count: 3, Unit: cooling.AirCooledChiller(1000), CondFanRatio: cooling.DefaultCondFanRatio, StagePLR: 0.9},
		CDU:      cooling.CDU{CapacityKW: 5000, PumpKW: 40, MinSpeed: 0.3},
		Facility: cooling.FacilityWater{
			SupplyC: 30, DeltaTK: 8, PumpKW: 60, MinFlow: 0.3, Class: w32,
			DryCooler: cooling.DryCooler{Units: 5, UnitKW: 1000, DesignAirC: 35, ApproachK: 6, RangeK: 8, FanKW: 20, MinSpeed: 0.2,
				Adiabatic: true, PadEff: 0.8, SprayAboveC: 45, Cycles: 3},
		},
	}
	if err := h.Init(101325); err != nil {
		fmt.Println(err)
		return
	}
	const tdb, twb, p = 38.0, 20.0, 101325.0
	w := psychro.HumRatioFromTWetBulb(tdb, twb, p)
	var r cooling.Result
	h.Solve(cooling.Load{
		AirHeatKW: 800, LiquidHeatKW: 3600, WetBulbC: twb,
		Outdoor: cooling.Outdoor{DryBulbC: tdb, HumRatio: w, EnthalpyJPerKg: psychro.MoistAirEnthalpy(tdb, w), PressurePa: p},
	}, &r)
	d := r.Design
	fmt.Printf("cooling %.0f kW, of which dry-cooler fans %.0f kW\n", r.CoolingKW(), d.DryCoolerFanKW)
	fmt.Printf("facility supply %.1f °C, pads evaporating %.2f kg/s\n", d.FacilitySupplyC, d.SprayEvapKgS)
	fmt.Printf("heat rejected %.0f kW\n", r.HeatRejectedKW())
	// Output:
	// cooling 333 kW, of which dry-cooler fans 29 kW
	// facility supply 30.0 °C, pads evaporating 3.02 kg/s
	// heat rejected 4733 kW
}
