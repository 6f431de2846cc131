package grid_test

import (
	"fmt"
	"time"

	"github.com/dctwin/dctwin/models/grid"
)

// A fuel-mix file in the generic layout becomes hourly carbon and water
// intensities.
func ExampleReadMix() {
	text := "time,gas_mw,coal_mw,wind_mw,hydro_mw\n" +
		"2025-01-01T00:00:00Z,600,300,100,0\n" +
		"2025-01-01T01:00:00Z,200,0,300,500\n"
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	mix, _, err := grid.ReadMix([]byte(text), "mix.csv", time.UTC, 0, start, 2, false)
	if err != nil {
		fmt.Println(err)
		return
	}
	in, err := mix.Intensity(grid.DefaultFactors())
	if err != nil {
		fmt.Println(err)
		return
	}
	for h := range 2 {
		fmt.Printf("hour %d: %.0f gCO2/kWh, %.2f L/kWh evaporated, %.0f %% carbon-free\n",
			h, in.CarbonG[h], in.ConsumptionL[h], 100*in.CFEFrac[h])
	}
	// Output:
	// hour 0: 541 gCO2/kWh, 1.19 L/kWh evaporated, 10 % carbon-free
	// hour 1: 113 gCO2/kWh, 0.23 L/kWh evaporated, 80 % carbon-free
}
