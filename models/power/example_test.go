package power_test

import (
	"fmt"

	"github.com/dctwin/dctwin/models/power"
)

// A battery charged for an hour and discharged for an hour returns its
// round-trip efficiency.
func ExampleBattery() {
	b := power.Battery{EnergyKWh: 1000, PowerKW: 250, RoundTrip: 0.81, MinSoC: 0.1, MaxSoC: 0.9, InitialSoC: 0.1}
	s := b.Start()
	in, _ := b.Charge(&s, 250, 1)
	out, loss := b.Discharge(&s, 250, 1)
	fmt.Printf("charged %.0f kWh, stored %.0f kWh, delivered %.0f kWh (loss %.1f kWh)\n", in, s.StoredKWh, out, loss)
	// Output: charged 250 kWh, stored 100 kWh, delivered 202 kWh (loss 22.5 kWh)
}
