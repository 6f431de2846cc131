package weather_test

import (
	"fmt"
	"math"
	"time"

	"github.com/dctwin/dctwin/models/weather"
)

// A synthetic typical year for Phoenix, sampled at hourly steps through a
// July morning in the site's standard time.
func ExampleClimate_Generate() {
	climate, _ := weather.LookupClimate("phoenix")
	year, err := climate.Generate(42)
	if err != nil {
		fmt.Println(err)
		return
	}
	zone := year.Location.StandardTime()
	sampler, err := year.NewSampler(time.Date(2025, 7, 15, 6, 0, 0, 0, zone), time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(year.Source)
	for h := 6; h < 12; h++ {
		c := sampler.Next()
		fmt.Printf("%02d:30 %s: dry bulb %.1f °C, wet bulb %.1f °C, RH %.0f %%\n", h, zone, c.DryBulbC, c.WetBulbC, c.RelHumPct)
	}
	// Output:
	// synthetic climate phoenix, seed 42 (statistics of NREL TMY3 Phoenix Sky Harbor Intl Ap)
	// 06:30 UTC-07:00: dry bulb 28.2 °C, wet bulb 20.2 °C, RH 49 %
	// 07:30 UTC-07:00: dry bulb 29.8 °C, wet bulb 20.7 °C, RH 45 %
	// 08:30 UTC-07:00: dry bulb 32.0 °C, wet bulb 21.8 °C, RH 41 %
	// 09:30 UTC-07:00: dry bulb 34.1 °C, wet bulb 22.4 °C, RH 37 %
	// 10:30 UTC-07:00: dry bulb 35.9 °C, wet bulb 22.6 °C, RH 33 %
	// 11:30 UTC-07:00: dry bulb 37.1 °C, wet bulb 22.7 °C, RH 29 %
}

// Monthly normals for a place without a built-in climate, as a site file
// gives them: no dew point (it is calibrated on the relative humidity), and
// zero SD, AR(1) and pressure for the defaults. Validate names every problem.
func ExampleClimate_Validate() {
	c := weather.Climate{ID: "custom", Location: weather.Location{Name: "Somewhere", LatitudeDeg: 95, TimeZoneH: 3}}
	for i := range c.Months {
		c.Months[i] = weather.MonthStats{TmaxC: 30, TminC: 22, DewPointC: math.NaN(), RelHumPct: 70}
	}
	c.Months[2].TminC = 31
	fmt.Println(c.Validate())

	c.Location.LatitudeDeg, c.Months[2].TminC = 25, 22
	year, err := c.Generate(1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(year.Source)
	// Output:
	// location: latitude_deg 95 is outside -90..90
	// month 3 (Mar): tmin_c 31 is above tmax_c 30
	// synthetic climate custom, seed 1 (monthly normals for Somewhere)
}
