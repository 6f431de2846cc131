package thermal_test

import (
	"fmt"

	"github.com/dctwin/dctwin/models/thermal"
)

// A 1 MW hall loses its chilled-water pumps: the room air and the racks
// take the heat alone, and the warmest inlet (24 °C at rest) reaches the A1
// allowable 32 °C after C·ΔT/Q.
func ExampleModel() {
	m, err := thermal.NewModel(thermal.Mass{
		RoomVolumeM3: 800, AirRhoCp: 1.2, AirMultiplier: 1,
		ITMassKg: 40 * 600, ITSpecificHeat: 0.5,
		LoopM3: 10, HeadroomK: 8, MaxRiseK: 26,
	})
	if err != nil {
		panic(err)
	}
	a1, _ := thermal.LookupClass("A1")
	limit := a1.AllowableMaxC - 24 // the air may rise 8 K
	m.Advance(1000, 0, 600, false) // 1 MW into the air side for 10 minutes
	fmt.Printf("C = %.0f kJ/K; limit passed after %.1f s; %.1f K above normal after 10 min\n",
		m.AirKJPerK(), m.CrossingS(limit), m.AirRiseK())
	// Output: C = 12960 kJ/K; limit passed after 103.7 s; 26.0 K above normal after 10 min
}
