package weather

import (
	"fmt"
	"math"
)

// Generate makes a synthetic typical year that follows the climate's monthly
// statistics, deterministically in seed: the same climate and seed give the
// same year bit for bit, on a given platform.
//
// Method (the constants and their sources are documented where they are
// defined):
//   - Seasonal curves: the monthly mean daily max and min dry bulb, dew point
//     and pressure are spread over the days without jumps at month boundaries
//     and without changing any month's mean.
//   - Day-to-day weather: a daily dry-bulb anomaly follows an AR(1) process.
//     For every month Generate draws 64 seeded continuations of the previous
//     month, scales each to the month's SD of daily means, and keeps the one
//     whose lag-1 autocorrelation is nearest the month's and whose extremes
//     are those of a typical month, since one month of an AR(1) process has
//     very noisy sample statistics. Winter anomalies are skewed toward cold
//     outbreaks between 10° and 55° of latitude.
//   - Diurnal cycle: hour h lies below the day's maximum by the day's range
//     times ASHRAE's fraction of daily range, flattened to the shape of ordinary
//     days; the range varies from day to day, smaller on moist (cloudy) days.
//     Daily values change over the eight hours around midnight, not in a step.
//   - Calibration: the seasonal curves and the anomaly scale are corrected
//     until every month's mean daily max and min (of the 24 hourly values) and
//     the SD of its daily means are the table's.
//   - Humidity: the dew point is its seasonal curve plus a daily anomaly partly
//     tied to the dry-bulb anomaly, a diurnal cycle and an hourly AR(1)
//     departure, skewed toward dry spells in moist climates and capped at the
//     dry bulb (RH ≤ 100 %). Its seasonal curve is calibrated so that each
//     month's mean dew point is the table's, or, where DewPointC is NaN, so
//     that its mean relative humidity is RelHumPct.
//   - Pressure follows the seasonal curve of the monthly means.
//   - Irradiance and wind speed are 0: the statistics do not describe them.
//
// The psychrometrics of every hour are computed once, here.
func (c Climate) Generate(seed uint64) (*Year, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("weather: climate %q: %w", c.ID, err)
	}
	g := newGenerator(c, seed)
	g.drawDryBulbAnomalies()
	g.drawOtherAnomalies()
	g.calibrateDryBulb()
	g.calibrateDewPoint()
	return g.year(c), nil
}

// generator holds the state of one Generate call. Arrays indexed by day have
// 365 entries, by hour 8760.
type generator struct {
	seed      uint64
	latDeg    float64
	months    [12]MonthStats // with defaults applied
	dewFromRH [12]bool       // months whose dew point is calibrated on RH
	frac      [24]float64    // diurnal profile, fraction of the range below the max
	meanFrac  float64        // its mean over the day

	// Random series, unit scale.
	u           [daysPerYear]float64  // dry-bulb daily anomaly
	e           [daysPerYear]float64  // dew-point daily anomaly independent of u
	eta         [HoursPerYear]float64 // hourly dew-point departure
	rangeFactor [daysPerYear]float64  // multiplier of each day's range

	// Seasonal curves and shapes, per day.
	tmaxDay, tminDay, pressureDay, dewDay [daysPerYear]float64
	scaleDay, skewDay                     [daysPerYear]float64
	dewSlopeDay, dewIndependentDay        [daysPerYear]float64
	dewDiurnalDay, dewHourlyDay           [daysPerYear]float64
	dewLambdaDay                          [daysPerYear]float64
	scaleKnots                            [12]float64 // K per unit of u, by month

	anomalyK          [daysPerYear]float64 // dry-bulb daily anomaly, K
	dryBulb, dewPoint [HoursPerYear]float64
	warnings          []string
}

func newGenerator(c Climate, seed uint64) *generator {
	g := &generator{seed: seed, latDeg: c.Location.LatitudeDeg, months: c.resolved()}
	for i, m := range c.Months {
		g.dewFromRH[i] = math.IsNaN(m.DewPointC)
	}
	g.frac, g.meanFrac = diurnalProfile()
	g.tmaxDay = smoothYear(g.monthly(func(m MonthStats) float64 { return m.TmaxC }))
	g.tminDay = smoothYear(g.monthly(func(m MonthStats) float64 { return m.TminC }))
	g.pressureDay = smoothYear(g.monthly(func(m MonthStats) float64 { return m.PressurePa }))
	g.initShapes()
	return g
}

// monthly collects one field of the 12 months.
func (g *generator) monthly(field func(MonthStats) float64) [12]float64 {
	var v [12]float64
	for i, m := range g.months {
		v[i] = field(m)
	}
	return v
}

func (g *generator) warnf(format string, args ...any) {
	g.warnings = append(g.warnings, fmt.Sprintf(format, args...))
}

// year assembles the hourly conditions with their psychrometrics.
func (g *generator) year(c Climate) *Year {
	loc := c.Location
	if loc.Name == "" {
		loc.Name = c.Station
	}
	y := &Year{Location: loc, Hours: make([]Conditions, HoursPerYear), Warnings: g.warnings}
	switch {
	case c.Dataset != "":
		y.Source = fmt.Sprintf("synthetic climate %s, seed %d (statistics of %s %s)", c.ID, g.seed, c.Dataset, c.Station)
	case loc.Name != "":
		y.Source = fmt.Sprintf("synthetic climate %s, seed %d (monthly normals for %s)", c.ID, g.seed, loc.Name)
	default:
		y.Source = fmt.Sprintf("synthetic climate %s, seed %d (monthly normals)", c.ID, g.seed)
	}
	for i := range y.Hours {
		p := g.hourlyFromDaily(i, func(d int) float64 { return g.pressureDay[d] })
		y.Hours[i] = conditionsFromDewPoint(g.dryBulb[i], g.dewPoint[i], p)
	}
	return y
}
