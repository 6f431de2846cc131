package weather

import (
	"fmt"
	"math"
	"time"

	"github.com/dctwin/dctwin/models/psychro"
)

// HoursPerYear is the number of hourly records of a non-leap typical year.
const HoursPerYear = 8760

// Conditions is the state of the outdoor air at one instant, with its psychrometrics.
type Conditions struct {
	DryBulbC, WetBulbC, DewPointC                    float64 // °C
	RelHumPct                                        float64 // 0..100
	HumRatio                                         float64 // kg/kg dry air
	EnthalpyJPerKg                                   float64 // J/kg dry air
	PressurePa                                       float64 // station pressure, Pa
	GlobalHorizWm2, DirectNormalWm2, DiffuseHorizWm2 float64 // W/m² (0 when the source has none)
	WindSpeedMS                                      float64 // m/s
}

// Location says where a weather year was observed, as the LOCATION header of an
// EPW file does. TimeZoneH is the offset of the local standard time from UTC,
// hours (east positive); ElevationM is the station elevation above sea level, m.
type Location struct {
	Name, Region, Country, Source, WMO               string
	LatitudeDeg, LongitudeDeg, TimeZoneH, ElevationM float64
}

// StandardTime returns the fixed-offset zone of the location's standard time
// (no daylight saving), the zone in which a typical year's hours are counted.
func (l Location) StandardTime() *time.Location {
	offsetS := int(math.Round(l.TimeZoneH * 3600))
	sign := '+'
	abs := offsetS
	if offsetS < 0 {
		sign, abs = '-', -offsetS
	}
	return time.FixedZone(fmt.Sprintf("UTC%c%02d:%02d", sign, abs/3600, abs%3600/60), offsetS)
}

// Year is one typical year of hourly weather in the standard time of its location.
type Year struct {
	Location Location
	// Source describes where the year comes from, e.g. "EPW file
	// USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw (TMY3)" or "synthetic
	// climate phoenix, seed 42 (statistics of NREL TMY3 ...)".
	Source string
	// Hours holds exactly 8760 records in hour-of-year order of a non-leap year.
	// Hours[0] is the record of Jan 1 hour 1 (00:00–01:00), whose values hold at
	// 01:00, the end of that hour.
	Hours []Conditions
	// LeapDay holds the 24 hours of Feb 29 when the source had them, else nil.
	LeapDay []Conditions
	// Warnings are data-quality notes for the user (filled gaps, implausible values).
	Warnings []string
}

// conditionsFromDewPoint completes the psychrometric state of one hour from its
// dry bulb and dew point (°C) and station pressure (Pa), with package psychro
// (ASHRAE Fundamentals 2017 ch. 1): humidity ratio from the vapour pressure at
// the dew point (eqs. 5/6 and 20), wet bulb by the psychrometric equation
// (eqs. 33/35), enthalpy by eq. 30, relative humidity p_w/p_ws. A dew point above
// the dry bulb is capped at it. Irradiance and wind are left at zero.
func conditionsFromDewPoint(dryBulbC, dewPointC, pressurePa float64) Conditions {
	dewPointC = math.Min(dewPointC, dryBulbC)
	vapPresPa := psychro.VapPresFromTDewPoint(dewPointC)
	w := psychro.HumRatioFromVapPres(vapPresPa, pressurePa)
	return Conditions{
		DryBulbC:       dryBulbC,
		WetBulbC:       psychro.TWetBulbFromHumRatio(dryBulbC, w, pressurePa),
		DewPointC:      dewPointC,
		RelHumPct:      100 * math.Min(1, psychro.RelHumFromVapPres(dryBulbC, vapPresPa)),
		HumRatio:       w,
		EnthalpyJPerKg: psychro.MoistAirEnthalpy(dryBulbC, w),
		PressurePa:     pressurePa,
	}
}

// satVapPresRatio returns p_ws(dew point)/p_ws(dry bulb), the relative
// humidity as a fraction (ASHRAE Fundamentals 2017 ch. 1 eq. 12).
func satVapPresRatio(dewPointC, dryBulbC float64) float64 {
	return psychro.SatVapPres(dewPointC) / psychro.SatVapPres(dryBulbC)
}
