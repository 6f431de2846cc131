package psychro_test

import (
	"fmt"

	"github.com/dctwin/dctwin/models/psychro"
)

// The wet bulb of Phoenix air on a summer afternoon, at the station pressure of
// its 337 m elevation.
func ExampleTWetBulbFromRelHum() {
	p := psychro.StandardAtmPressure(337)
	fmt.Printf("p = %.0f Pa, wet bulb = %.2f °C\n", p, psychro.TWetBulbFromRelHum(41.6, 0.12, p))
	// Output: p = 97342 Pa, wet bulb = 19.90 °C
}
