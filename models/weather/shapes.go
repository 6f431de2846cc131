package weather

import "math"

// fractionOfDailyRange returns the typical diurnal profile of the dry bulb: the
// fraction of the daily range by which hour h (index h-1, h = 1..24, local
// standard time) lies below the day's maximum. The values are those of ASHRAE
// Handbook—Fundamentals 2009, ch. 14, Table 6 "Fraction of Daily Temperature
// Range" (minimum at hour 5, maximum at hours 14–15), which EnergyPlus also
// uses for its design days (EnergyPlus Engineering Reference, "EnergyPlus
// Design Day Temperature Calculations": T = Tmax − range·multiplier).
func fractionOfDailyRange() [24]float64 {
	return [24]float64{
		0.88, 0.92, 0.95, 0.98, 1.00, 0.98, 0.91, 0.74, 0.55, 0.38, 0.23, 0.13,
		0.05, 0.00, 0.00, 0.06, 0.14, 0.24, 0.39, 0.50, 0.59, 0.68, 0.75, 0.82,
	}
}

// Constants of the synthetic climates that the monthly statistics do not
// give. Where they come from "the shared EPW files", they were measured on the
// five typical years dctwin is tested against (NREL TMY3 Phoenix, Chicago and
// Miami, TMYx Leesburg, BBSR TRY Mannheim).
const (
	// profileExponent flattens the ASHRAE profile toward the maximum (f^γ keeps
	// 0 at the maximum and 1 at the minimum). On ordinary days of typical-year
	// files the daily mean lies 0.49–0.52 of the daily range below the maximum
	// (shared EPW files: Chicago 0.487, Mannheim 0.493, Phoenix 0.500, Leesburg
	// 0.518, Miami 0.519), not 0.536 as on ASHRAE's design day, because
	// ordinary days' extremes include day-to-day changes. γ = 1.2 gives 0.502.
	profileExponent = 1.2

	// rangeCV is the coefficient of variation of the daily range from day to
	// day (shared EPW files: SD of the daily range mostly 2–4 K for monthly
	// mean ranges of 8–15 K).
	rangeCV = 0.25
	// rangeDewCorr is the correlation of the daily range with the part of the
	// daily dew-point anomaly not explained by the dry bulb (moist days are
	// cloudy days): −0.3 to −0.7 in almost every month of the shared EPW files.
	rangeDewCorr = -0.5

	// minScaleFrac is the least day-to-day variability of a month, as a
	// fraction of its SD of daily means. Where the seasonal change within a
	// month alone nearly makes the SD (typical years splice months of
	// different years, so their monthly means change more steeply than the
	// climate does), the month keeps its weather and leans against the trend,
	// rather than becoming a smooth ramp.
	minScaleFrac = 0.6

	// winterSkew is the skewness of the daily anomalies in the coldest month,
	// fading to 0 in the warmest. Near-surface temperature is negatively skewed
	// on the equatorward side of the storm tracks, by cold outbreaks, and
	// positively on the poleward side (Tamarin-Brodsky, Hodges, Hoskins and
	// Shepherd 2019, J. Climate 32(6); Loikith and Neelin 2019, J. Climate
	// 32(23)); the shared EPW files give −0.3 to −1.3 in the winters of Chicago,
	// Miami and Phoenix. The skew applies fully between 20° and 45° of latitude,
	// fading to 0 at 10° and 55°.
	winterSkew = -0.6

	// dewPeakHour is the hour at which the diurnal dew-point cycle peaks:
	// mid-morning, with its low in the late afternoon when the deepening mixed
	// layer brings down drier air (shared EPW files: Phoenix, Chicago, Leesburg).
	dewPeakHour = 8
	// hourlyDewAR1 is the hour-to-hour autocorrelation of the dew point's
	// departures from its daily course.
	hourlyDewAR1 = 0.9
	// minVapRatio bounds the vapour-pressure ratio of skewDewPoint from below.
	minVapRatio = 0.2
)

// diurnalProfile returns the flattened ASHRAE profile and its daily mean.
func diurnalProfile() (frac [24]float64, mean float64) {
	for h, f := range fractionOfDailyRange() {
		frac[h] = math.Pow(f, profileExponent)
		mean += frac[h] / 24
	}
	return frac, mean
}

// crossfade returns the weights of the previous and of the next day's values
// at hour h (1..24) of a day: daily values change over the eight hours around
// midnight (hours ending 21:00 to 03:00), not in a step, and leave the hours of
// the daily minimum (05:00) and maximum (14:00–15:00) to the day itself.
func crossfade(h int) (prev, next float64) {
	switch {
	case h <= 3:
		return float64(4-h) / 8, 0
	case h >= 21:
		return 0, float64(h-20) / 8
	}
	return 0, 0
}

// dailyMeanWeights returns the weights of the previous day, the day itself and
// the next day in the mean of a day's 24 hourly values under crossfade.
func dailyMeanWeights() (prev, self, next float64) {
	for h := 1; h <= 24; h++ {
		p, n := crossfade(h)
		prev += p / 24
		next += n / 24
	}
	return prev, 1 - prev - next, next
}

// hourlyFromDaily returns, for hour i of the year (0-based), the crossfade of
// a quantity given per day.
func (g *generator) hourlyFromDaily(i int, daily func(d int) float64) float64 {
	d, h := i/24, i%24+1
	wp, wn := crossfade(h)
	v := (1 - wp - wn) * daily(d)
	if wp > 0 {
		v += wp * daily((d+daysPerYear-1)%daysPerYear)
	}
	if wn > 0 {
		v += wn * daily((d+1)%daysPerYear)
	}
	return v
}

// climMeanC returns the seasonal daily-mean dry bulb of day d.
func (g *generator) climMeanC(d int) float64 {
	return g.tmaxDay[d] - g.meanFrac*(g.tmaxDay[d]-g.tminDay[d])
}

// initShapes sets the per-month parameters that the statistics do not give:
// the skewness of the dry-bulb anomalies (winterSkew) and the dew point's
// relation to the dry bulb. The dew-point relations are dctwin's own fit to
// the shared EPW files of Phoenix, Chicago, Miami and Leesburg, in terms of the
// month's place in the seasonal cycle (season −1 in the coldest month, +1 in
// the warmest) and its dew-point depression D (mean dry bulb − mean dew point):
//   - slope β (K/K) of the daily dew-point anomaly on the dry-bulb anomaly: in
//     winter air masses differ in moisture more than in warmth (cold outbreaks
//     are dry), β ≈ 1.2–1.6; in summer β ≈ 0.2–1.2; in arid months (D above
//     8 K) moist days are cloudy, not hot, and β falls to about −0.7 (Phoenix's
//     monsoon: correlation −0.6 in July). β = 1.15 − 0.3·season, faded by
//     aridity toward −0.8·season;
//   - SD of the independent part of the daily dew-point anomaly: 0.5·SD of the
//     daily-mean dry bulb + 0.17·(D − 5 K), from 0.5 K in Miami's summer to 5 K
//     in Phoenix's June;
//   - diurnal dew-point cycle amplitude 0.3 K + 0.06·D, at most 2 K;
//   - SD of the hourly departures 0.5 K + 0.3·(daily SD), at most 2 K;
//   - the exponent λ of skewDewPoint: the month's mean dew point / 15 °C, in 0..1.
func (g *generator) initShapes() {
	var meanC [12]float64
	coldest, warmest := math.Inf(1), math.Inf(-1)
	for i, m := range g.months {
		meanC[i] = m.TmaxC - g.meanFrac*(m.TmaxC-m.TminC)
		coldest, warmest = math.Min(coldest, meanC[i]), math.Max(warmest, meanC[i])
	}
	latWeight := math.Min(1, math.Max(0, math.Min((math.Abs(g.latDeg)-10)/10, (55-math.Abs(g.latDeg))/10)))
	var skew, slope, independent, diurnal, hourly, lambda [12]float64
	for i, m := range g.months {
		season := 0.0
		if warmest-coldest > 1 {
			season = 2*(meanC[i]-coldest)/(warmest-coldest) - 1
		}
		skew[i] = winterSkew * latWeight * (1 - season) / 2
		depressionK := math.Max(0, meanC[i]-m.DewPointC)
		aridity := math.Min(1, math.Max(0, (depressionK-8)/15))
		slope[i] = (1.15-0.3*season)*(1-aridity) - 0.8*aridity*math.Max(0, season)
		independent[i] = 0.5*m.DailyMeanSDK + 0.17*math.Max(0, depressionK-5)
		diurnal[i] = math.Min(2, 0.3+0.06*depressionK)
		hourly[i] = math.Min(2, 0.5+0.3*math.Hypot(slope[i]*m.DailyMeanSDK, independent[i]))
		lambda[i] = math.Min(0.75, math.Max(0, m.DewPointC/20))
	}
	interpYear(&skew, &g.skewDay)
	interpYear(&slope, &g.dewSlopeDay)
	interpYear(&independent, &g.dewIndependentDay)
	interpYear(&diurnal, &g.dewDiurnalDay)
	interpYear(&hourly, &g.dewHourlyDay)
	interpYear(&lambda, &g.dewLambdaDay)
}

// skewed applies the day's skewness to a unit normal value by the first-order
// Cornish–Fisher expansion, u + γ/6·(u² − 1), which keeps mean 0 and gives
// skewness ≈ γ for small γ.
func skewed(u, gamma float64) float64 { return u + gamma/6*(u*u-1) }

// skewDewPoint applies a dew-point anomaly (K) to a base dew point (°C) in a
// space between dew point and vapour pressure. The typical-year files show
// dew-point anomalies that are symmetric in vapour pressure where the air is
// warm and moist (Miami in January: dew point 2nd/98th percentiles −14/+8 K
// about the mean, vapour pressure −9.8/+9.4 hPa), so with long dry tails, and
// symmetric in dew point where it is cold (Chicago in January). The anomaly is
// mapped through the Box–Cox transform of the vapour-pressure ratio
// r = p_w/p_w,base with exponent λ (0: ln r, symmetric in dew point; 1: r,
// symmetric in vapour pressure), to first order the same anomaly. The vapour
// pressure is the Magnus formula's (Alduchov and Eskridge 1996, J. Appl.
// Meteor. 35), exact enough for shaping a distribution.
func skewDewPoint(baseC, anomK, lambda float64) float64 {
	const b, c = 17.625, 243.04      // Magnus coefficients, c in °C
	x := b * c / sq(baseC+c) * anomK // first-order change of ln r
	lnRatio := x
	if lambda > 1e-6 {
		lnRatio = math.Log(math.Max(minVapRatio, 1+lambda*x)) / lambda
	}
	l := b*baseC/(baseC+c) + lnRatio // ln(p_w/611 Pa) of the result
	return c * l / (b - l)
}

func sq(x float64) float64 { return x * x }
