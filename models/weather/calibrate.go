package weather

import "math"

const (
	// calibIters bounds the calibration iterations.
	calibIters = 40
	// calibTolerance: calibration stops when every monthly statistic is within
	// this of its target (K for temperatures and SDs).
	calibTolerance = 0.002
	// sdWarnFrac: an SD of daily means this far (relative) from the target is
	// reported in the year's warnings.
	sdWarnFrac = 0.02
)

// monthStat holds the measured statistics of one month of hourly dry bulbs.
type monthStat struct {
	meanMaxC, meanMinC, sdK float64
}

// measureDryBulb computes, per month of a non-leap year of hourly values, the
// mean daily max and min of the 24 hourly values and the SD of the daily means.
func measureDryBulb(hours []float64) [12]monthStat {
	var st [12]monthStat
	var daily [31]float64
	for m := 1; m <= 12; m++ {
		start, n := monthStartDay(m), daysInMonth(m, false)
		s := &st[m-1]
		for i := 0; i < n; i++ {
			hi, lo, sum := math.Inf(-1), math.Inf(1), 0.0
			for _, t := range hours[24*(start+i) : 24*(start+i+1)] {
				hi, lo, sum = math.Max(hi, t), math.Min(lo, t), sum+t
			}
			s.meanMaxC += hi / float64(n)
			s.meanMinC += lo / float64(n)
			daily[i] = sum / 24
		}
		s.sdK, _ = sdAndAR1(daily[:n])
	}
	return st
}

// calibrateDryBulb corrects the seasonal curves of the daily max and min and
// the anomaly scale until the hourly series has the months' statistics.
func (g *generator) calibrateDryBulb() {
	targetMax := g.monthly(func(m MonthStats) float64 { return m.TmaxC })
	targetMin := g.monthly(func(m MonthStats) float64 { return m.TminC })
	knotsMax, knotsMin := targetMax, targetMin
	for iter := 0; ; iter++ {
		g.tmaxDay, g.tminDay = smoothYear(knotsMax), smoothYear(knotsMin)
		stepYear(&g.scaleKnots, &g.scaleDay)
		g.computeAnomaly()
		g.buildDryBulb()
		st := measureDryBulb(g.dryBulb[:])
		worst := 0.0
		for i, s := range st {
			worst = math.Max(worst, math.Abs(targetMax[i]-s.meanMaxC))
			worst = math.Max(worst, math.Abs(targetMin[i]-s.meanMinC))
			worst = math.Max(worst, math.Abs(s.sdK-g.months[i].DailyMeanSDK))
		}
		if worst < calibTolerance {
			return
		}
		if iter == calibIters {
			g.warnDryBulb(st)
			return
		}
		for i, s := range st {
			knotsMax[i] += targetMax[i] - s.meanMaxC
			knotsMin[i] += targetMin[i] - s.meanMinC
			if sd := g.months[i].DailyMeanSDK; s.sdK > 0 {
				g.scaleKnots[i] *= math.Min(2, math.Max(0.5, sd/s.sdK))
				g.scaleKnots[i] = math.Max(g.scaleKnots[i], minScaleFrac*sd/g.unitSD(i+1))
			}
		}
	}
}

func (g *generator) warnDryBulb(st [12]monthStat) {
	for i, s := range st {
		m := g.months[i]
		if math.Abs(s.meanMaxC-m.TmaxC) > 0.1 || math.Abs(s.meanMinC-m.TminC) > 0.1 {
			g.warnf("month %d (%s): mean daily max and min %.1f and %.1f °C reached instead of %.1f and %.1f °C",
				i+1, monthAbbr(i+1), s.meanMaxC, s.meanMinC, m.TmaxC, m.TminC)
		}
		if math.Abs(s.sdK-m.DailyMeanSDK) > sdWarnFrac*m.DailyMeanSDK {
			g.warnf("month %d (%s): SD of the daily means %.2f K instead of %.2f K: the seasonal change within the month leaves too little room for day-to-day weather",
				i+1, monthAbbr(i+1), s.sdK, m.DailyMeanSDK)
		}
	}
}

// buildDryBulb computes the hourly dry bulb: the day's mean (seasonal curve
// plus anomaly) plus its range times the profile's departure from its mean. A
// day's range thus varies about the day's mean and leaves the daily means alone.
func (g *generator) buildDryBulb() {
	for i := range g.dryBulb {
		frac := g.frac[i%24]
		g.dryBulb[i] = g.hourlyFromDaily(i, func(d int) float64 {
			rangeK := math.Max(0, g.tmaxDay[d]-g.tminDay[d])
			meanC := g.tmaxDay[d] - g.meanFrac*rangeK + g.anomalyK[d]
			return meanC + g.rangeFactor[d]*rangeK*(g.meanFrac-frac)
		})
	}
}

// calibrateDewPoint corrects the seasonal dew-point curve until every month's
// mean dew point (or, where the climate gives none, its mean relative
// humidity) is the month's.
func (g *generator) calibrateDewPoint() {
	target := g.monthly(func(m MonthStats) float64 { return m.DewPointC })
	knots := target
	for iter := 0; ; iter++ {
		g.dewDay = smoothYear(knots)
		g.buildDewPoint()
		meanDew, meanRH := g.measureHumidity()
		var step [12]float64
		worst := 0.0
		for i := range step {
			if g.dewFromRH[i] {
				// d ln p_ws/dT of the Magnus formula turns the RH ratio into a
				// dew-point step.
				slope := 17.625 * 243.04 / sq(meanDew[i]+243.04)
				step[i] = math.Log(g.months[i].RelHumPct/meanRH[i]) / slope
			} else {
				step[i] = target[i] - meanDew[i]
			}
			worst = math.Max(worst, math.Abs(step[i]))
		}
		if worst < calibTolerance {
			return
		}
		if iter == calibIters {
			g.warnDewPoint(meanDew, meanRH)
			return
		}
		for i := range knots {
			knots[i] += step[i]
		}
	}
}

func (g *generator) warnDewPoint(meanDew, meanRH [12]float64) {
	for i, m := range g.months {
		switch {
		case g.dewFromRH[i] && math.Abs(meanRH[i]-m.RelHumPct) > 1:
			g.warnf("month %d (%s): mean relative humidity %.0f %% reached instead of %.0f %%", i+1, monthAbbr(i+1), meanRH[i], m.RelHumPct)
		case !g.dewFromRH[i] && math.Abs(meanDew[i]-m.DewPointC) > 0.1:
			g.warnf("month %d (%s): mean dew point %.1f °C reached instead of %.1f °C (the air would be saturated too often)", i+1, monthAbbr(i+1), meanDew[i], m.DewPointC)
		}
	}
}

// buildDewPoint computes the hourly dew point, capped at the dry bulb: the
// seasonal curve plus the daily anomaly, the diurnal cycle and the hourly
// departure, skewed by skewDewPoint.
func (g *generator) buildDewPoint() {
	var dayAnom [daysPerYear]float64
	for d := range dayAnom {
		dayAnom[d] = g.dewSlopeDay[d]*g.anomalyK[d] + g.dewIndependentDay[d]*g.e[d]
	}
	var diurnal [24]float64
	for h := range diurnal {
		diurnal[h] = math.Cos(2 * math.Pi * float64(h+1-dewPeakHour) / 24)
	}
	for i := range g.dewPoint {
		d := i / 24
		base := g.hourlyFromDaily(i, func(d int) float64 { return g.dewDay[d] })
		anom := g.hourlyFromDaily(i, func(d int) float64 { return dayAnom[d] }) +
			g.dewDiurnalDay[d]*diurnal[i%24] + g.dewHourlyDay[d]*g.eta[i]
		td := skewDewPoint(base, anom, g.dewLambdaDay[d])
		g.dewPoint[i] = math.Max(minTempC, math.Min(td, g.dryBulb[i]))
	}
}

// measureHumidity returns the monthly mean dew point and relative humidity
// (%, p_w/p_ws, ASHRAE Fundamentals 2017 ch. 1 eq. 12).
func (g *generator) measureHumidity() (meanDew, meanRH [12]float64) {
	for m := 1; m <= 12; m++ {
		start, n := 24*monthStartDay(m), 24*daysInMonth(m, false)
		for i := start; i < start+n; i++ {
			meanDew[m-1] += g.dewPoint[i] / float64(n)
			meanRH[m-1] += 100 * satVapPresRatio(g.dewPoint[i], g.dryBulb[i]) / float64(n)
		}
	}
	return meanDew, meanRH
}
