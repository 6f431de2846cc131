package weather

import "math"

const (
	// candidates is the number of seeded AR(1) continuations per month among
	// which the one with the statistics nearest the month's is kept.
	candidates = 64
	// candidateBatches: the candidates come in this many batches of equal size.
	candidateBatches = 4
	// rampDays and rampHours close the random series into a ring (Dec 31 → Jan 1).
	rampDays  = 6
	rampHours = 24
	// typicalMaxAnomaly (unit SDs) is the largest daily anomaly a candidate
	// month has without penalty. Typical years are made of typical months: the
	// TMY method picks months whose distributions are closest to the long-term
	// ones (Hall et al. 1978, Sandia SAND78-1601; Wilcox and Marion 2008, NREL
	// TMY3 user's manual), so their extremes are moderate.
	typicalMaxAnomaly = 2.8
)

// drawDryBulbAnomalies draws the unit daily dry-bulb anomalies, month by month.
func (g *generator) drawDryBulbAnomalies() {
	prev := normal(g.stream(purposeInit, 0, 0))
	for m := 1; m <= 12; m++ {
		prev = g.selectMonth(m, prev)
	}
}

// selectMonth draws the month's candidate continuations of the anomaly series
// and keeps the one whose statistics are nearest the month's; it returns the
// month's last value. December's candidates are bent toward Jan 1 so that the
// year closes into a ring.
//
// The lag-1 autocorrelation of a month's daily means is biased low against the
// process's φ, by about (1+4φ)/n for a sample of n with its mean removed
// (Kendall 1954), and biased high by the seasonal trend within the month. So
// the candidates come in batches, and each batch's φ is corrected by the
// difference between the target and the previous batch's mean sample value.
func (g *generator) selectMonth(m int, prev float64) float64 {
	start, n := monthStartDay(m), daysInMonth(m, false)
	target := g.months[m-1].DailyAnomAR1
	phi := target + (1+4*target)/float64(n)
	var cand, best [31]float64
	bestScore := math.Inf(1)
	for batch := 0; batch < candidateBatches; batch++ {
		phi = math.Min(0.97, math.Max(-0.9, phi))
		sumR1 := 0.0
		for j := 0; j < candidates/candidateBatches; j++ {
			k := batch*candidates/candidateBatches + j
			ar1(cand[:n], prev, phi, g.stream(purposeDryDay, uint64(m), uint64(k)))
			next := phi * cand[n-1]
			if m == 12 {
				rampTo(cand[:n], g.u[0], rampDays)
				next = g.u[0]
			}
			score, r1, scale := g.score(m, cand[:n], prev, next)
			sumR1 += r1
			if k == 0 || score < bestScore {
				best, bestScore = cand, score
				g.scaleKnots[m-1] = scale
			}
		}
		phi += target - sumR1/float64(candidates/candidateBatches)
	}
	copy(g.u[start:start+n], best[:n])
	return best[n-1]
}

// score measures how far a candidate month of unit anomalies is from the
// month's statistics once added to the seasonal curve with the scale that
// gives the month's SD of daily means (at least minScaleFrac of it as the
// anomalies' own SD): the lag-1 autocorrelation of the daily means, the SD if
// it cannot be met, the mean anomaly (which computeAnomaly removes with a step
// at the month's boundaries) and the largest standardised anomaly (before
// skewing) beyond typicalMaxAnomaly. It returns the score, the
// autocorrelation and the scale.
func (g *generator) score(m int, cand []float64, prev, next float64) (score, ar1, scale float64) {
	start, n := monthStartDay(m), len(cand)
	wp, w0, wn := dailyMeanWeights()
	unit := func(i int) float64 {
		switch {
		case i < 0:
			return skewed(prev, g.skewDay[start])
		case i >= n:
			return skewed(next, g.skewDay[start+n-1])
		}
		return skewed(cand[i], g.skewDay[start+i])
	}
	var anom, clim, daily [31]float64
	for i := range cand {
		anom[i] = wp*unit(i-1) + w0*unit(i) + wn*unit(i+1)
		clim[i] = g.climMeanC(start + i)
	}
	t := g.months[m-1]
	scale = scaleForSD(clim[:n], anom[:n], t.DailyMeanSDK)
	anomMean, anomSD := meanSD(anom[:n])
	candMean, candSD := meanSD(cand)
	extreme := 0.0
	for i := range cand {
		daily[i] = clim[i] + scale*anom[i]
		// Before skewing, so that the skew keeps its long tail.
		extreme = math.Max(extreme, math.Abs(cand[i]-candMean)/candSD)
	}
	sd, r1 := sdAndAR1(daily[:n])
	score = sq((r1-t.DailyAnomAR1)/0.05) + sq(math.Log(sd/t.DailyMeanSDK)/0.1) +
		sq(anomMean/anomSD/0.5) + sq(math.Max(0, extreme-typicalMaxAnomaly)/0.25)
	return score, r1, scale
}

// scaleForSD returns the s ≥ s_min for which clim + s·anom has population SD
// target, s_min giving s·anom the SD minScaleFrac·target; s_min when no such s
// exists.
func scaleForSD(clim, anom []float64, target float64) float64 {
	cm, csd := meanSD(clim)
	am, asd := meanSD(anom)
	if asd == 0 {
		return 0
	}
	cov := 0.0
	for i := range clim {
		cov += (clim[i] - cm) * (anom[i] - am) / float64(len(clim))
	}
	minScale := minScaleFrac * target / asd
	// var(c) + 2s·cov + s²·var(a) = target²
	disc := cov*cov - asd*asd*(csd*csd-target*target)
	if disc < 0 {
		return minScale
	}
	return math.Max(minScale, (-cov+math.Sqrt(disc))/(asd*asd))
}

// meanSD returns the mean and population SD of x.
func meanSD(x []float64) (mean, sd float64) {
	for _, v := range x {
		mean += v / float64(len(x))
	}
	for _, v := range x {
		sd += (v - mean) * (v - mean) / float64(len(x))
	}
	return mean, math.Sqrt(sd)
}

// sdAndAR1 returns the population SD of x and the lag-1 autocorrelation of its
// departures a from its mean, Σ a_i a_{i+1} / Σ a_i²: the definitions of the
// climate table.
func sdAndAR1(x []float64) (sd, ar1 float64) {
	mean, sd := meanSD(x)
	if sd == 0 {
		return 0, 0
	}
	lag := 0.0
	for i := 1; i < len(x); i++ {
		lag += (x[i-1] - mean) * (x[i] - mean)
	}
	return sd, lag / (sd * sd * float64(len(x)))
}

// drawOtherAnomalies draws the dew point's independent daily anomaly (AR(1)
// with the month's coefficient), its hourly departures and the daily range
// factors.
func (g *generator) drawOtherAnomalies() {
	src := g.stream(purposeDewDay, 0, 0)
	prev := normal(src)
	for d := range g.e {
		phi := math.Min(0.95, math.Max(0, g.months[monthOfDay(d)-1].DailyAnomAR1))
		prev = phi*prev + math.Sqrt(1-phi*phi)*normal(src)
		g.e[d] = prev
	}
	rampTo(g.e[:], g.e[0], rampDays)
	ar1(g.eta[:], normal(g.stream(purposeDewHr, 0, 1)), hourlyDewAR1, g.stream(purposeDewHr, 0, 0))
	rampTo(g.eta[:], g.eta[0], rampHours)
	src = g.stream(purposeRange, 0, 0)
	for d := range g.rangeFactor {
		z := rangeDewCorr*g.e[d] + math.Sqrt(1-rangeDewCorr*rangeDewCorr)*normal(src)
		g.rangeFactor[d] = math.Max(0.2, 1+rangeCV*z)
	}
}

// unitSD returns the SD of month m's skewed unit anomalies, which the month's
// scale turns into kelvin.
func (g *generator) unitSD(m int) float64 {
	start, n := monthStartDay(m), daysInMonth(m, false)
	var units [31]float64
	for i := range n {
		units[i] = skewed(g.u[start+i], g.skewDay[start+i])
	}
	_, sd := meanSD(units[:n])
	return math.Max(sd, 1e-6)
}

// computeAnomaly skews and scales the unit anomalies to kelvin and removes each
// month's mean, so that the monthly means stay with the seasonal curves. The
// small step this leaves at a month boundary is spread over the night by the
// crossfade, like any change of weather from one day to the next.
func (g *generator) computeAnomaly() {
	for m := 1; m <= 12; m++ {
		start, n := monthStartDay(m), daysInMonth(m, false)
		mean := 0.0
		for d := start; d < start+n; d++ {
			g.anomalyK[d] = g.scaleDay[d] * skewed(g.u[d], g.skewDay[d])
			mean += g.anomalyK[d] / float64(n)
		}
		for d := start; d < start+n; d++ {
			g.anomalyK[d] -= mean
		}
	}
}
