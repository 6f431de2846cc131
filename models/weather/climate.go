package weather

import (
	"errors"
	"fmt"
	"math"

	"github.com/dctwin/dctwin/models/psychro"
)

// Defaults for custom climates that give only monthly normals (MonthStats with
// DailyMeanSDK or DailyAnomAR1 zero). They are the medians of the 120 monthly
// values of the ten built-in climates (2.83 K and 0.65), which span tropical
// (singapore: 0.6–1.1 K) to continental (chicago: 2.4–8.0 K) variability; a site
// file for an unusual climate should give its own.
const (
	DefaultDailyMeanSDK = 2.8  // K
	DefaultDailyAnomAR1 = 0.65 // lag-1 autocorrelation of daily anomalies
)

// MonthStats are the statistics of one month of a typical year.
type MonthStats struct {
	TmaxC, TminC float64 // mean daily max and min dry bulb, °C
	DewPointC    float64 // mean dew point, °C (NaN: derive from RelHumPct)
	RelHumPct    float64 // mean relative humidity, % (informative, or used when DewPointC is NaN)
	DailyMeanSDK float64 // SD of the daily-mean dry bulb within the month, K (0: DefaultDailyMeanSDK)
	DailyAnomAR1 float64 // lag-1 autocorrelation of daily anomalies, -1..1 (0: DefaultDailyAnomAR1)
	PressurePa   float64 // mean station pressure, Pa (0: standard atmosphere at the elevation)
}

// Climate is a set of monthly statistics from which Generate makes a synthetic
// typical year: a built-in one (Climates) or a custom one (ID "custom") given
// as monthly normals in a site file.
type Climate struct {
	ID, Dataset, Station string
	Location             Location
	Months               [12]MonthStats
}

// Climates returns the built-in climates, sorted by ID. The slice is the
// caller's to keep or change.
func Climates() []Climate { return builtinClimates() }

// LookupClimate returns the built-in climate with the given ID.
func LookupClimate(id string) (Climate, bool) {
	for _, c := range builtinClimates() {
		if c.ID == id {
			return c, true
		}
	}
	return Climate{}, false
}

// Limits checked by Validate.
const (
	minElevationM = -500
	maxElevationM = 6000
	maxDailySDK   = 15
	minTempC      = -70 // the EPW data dictionary's limits for dry bulb and dew point
	maxTempC      = 70
)

// Validate checks the climate's statistics and location. It returns nil or the
// joined list of every problem found (each a *ClimateError, which matches
// ErrInvalidClimate), e.g. `month 3 (Mar): tmin_c 25 is above tmax_c 20`.
func (c Climate) Validate() error {
	var errs []error
	add := func(month int, field, format string, args ...any) {
		errs = append(errs, &ClimateError{Month: month, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	l := c.Location
	for _, r := range []struct {
		field  string
		v      float64
		lo, hi float64
	}{
		{"latitude_deg", l.LatitudeDeg, -90, 90},
		{"longitude_deg", l.LongitudeDeg, -180, 180},
		{"utc_offset_h", l.TimeZoneH, -12, 14},
		{"elevation_m", l.ElevationM, minElevationM, maxElevationM},
	} {
		if !(r.v >= r.lo && r.v <= r.hi) {
			add(0, r.field, "%s %g is outside %g..%g", r.field, r.v, r.lo, r.hi)
		}
	}
	for i, m := range c.Months {
		month := i + 1
		for _, r := range []struct {
			field string
			v     float64
		}{{"tmax_c", m.TmaxC}, {"tmin_c", m.TminC}} {
			if !(r.v >= minTempC && r.v <= maxTempC) {
				add(month, r.field, "%s %g is outside %d..%d", r.field, r.v, minTempC, maxTempC)
			}
		}
		if m.TminC > m.TmaxC {
			add(month, "tmin_c", "tmin_c %g is above tmax_c %g", m.TminC, m.TmaxC)
		}
		switch {
		case !math.IsNaN(m.DewPointC) && !(m.DewPointC >= minTempC):
			add(month, "dewpoint_c", "dewpoint_c %g is below %d", m.DewPointC, minTempC)
		case m.DewPointC > m.TmaxC:
			add(month, "dewpoint_c", "dewpoint_c %g is above tmax_c %g", m.DewPointC, m.TmaxC)
		}
		if !math.IsNaN(m.RelHumPct) && !(m.RelHumPct >= 0 && m.RelHumPct <= 100) {
			add(month, "rh_pct", "rh_pct %g is outside 0..100", m.RelHumPct)
		}
		if math.IsNaN(m.DewPointC) && !(m.RelHumPct > 0) {
			add(month, "rh_pct", "rh_pct must be above 0 when dewpoint_c is not given")
		}
		if !(m.DailyMeanSDK >= 0 && m.DailyMeanSDK <= maxDailySDK) {
			add(month, "daily_sd_k", "daily_sd_k %g is outside 0..%d", m.DailyMeanSDK, maxDailySDK)
		}
		if !(m.DailyAnomAR1 > -1 && m.DailyAnomAR1 < 1) {
			add(month, "daily_ar1", "daily_ar1 %g is outside (-1, 1)", m.DailyAnomAR1)
		}
		if !(m.PressurePa == 0 || m.PressurePa >= 31000 && m.PressurePa <= 120000) {
			add(month, "pressure_pa", "pressure_pa %g is outside 31000..120000 (0: standard atmosphere)", m.PressurePa)
		}
	}
	return errors.Join(errs...)
}

// resolved returns the months with the defaults applied: SD and AR(1) from the
// package defaults, pressure from the standard atmosphere at the elevation
// (ASHRAE Fundamentals 2017 ch. 1 eq. 3), and, where the dew point is not given,
// the dew point of the mean relative humidity at the mean of the daily max and
// min (Generate then calibrates it against the relative humidity).
func (c Climate) resolved() [12]MonthStats {
	ms := c.Months
	for i := range ms {
		m := &ms[i]
		if m.DailyMeanSDK == 0 {
			m.DailyMeanSDK = DefaultDailyMeanSDK
		}
		if m.DailyAnomAR1 == 0 {
			m.DailyAnomAR1 = DefaultDailyAnomAR1
		}
		if m.PressurePa == 0 {
			m.PressurePa = psychro.StandardAtmPressure(c.Location.ElevationM)
		}
		if math.IsNaN(m.DewPointC) {
			meanC := (m.TmaxC + m.TminC) / 2
			m.DewPointC = psychro.TDewPointFromVapPres(meanC, psychro.VapPresFromRelHum(meanC, m.RelHumPct/100))
		}
	}
	return ms
}
