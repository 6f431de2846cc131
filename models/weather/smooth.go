package weather

import "math"

// Seasonal curves of the synthetic climates: 12 monthly values spread over the
// 365 days of a non-leap year.

// monthMid returns the middle of month m (1..12) in days from Jan 1 00:00.
func monthMid(m int) float64 {
	return float64(monthStartDay(m)) + float64(daysInMonth(m, false))/2
}

// interpYear interpolates 12 knots, placed at the middle of their months,
// linearly to the centres of the 365 days; the year is periodic, so early
// January lies between the December and January knots.
func interpYear(knots *[12]float64, daily *[daysPerYear]float64) {
	var mids, vals [14]float64
	mids[0], vals[0] = monthMid(12)-daysPerYear, knots[11]
	for m := 1; m <= 12; m++ {
		mids[m], vals[m] = monthMid(m), knots[m-1]
	}
	mids[13], vals[13] = monthMid(1)+daysPerYear, knots[0]
	j := 0
	for d := range daily {
		x := float64(d) + 0.5
		for x >= mids[j+1] {
			j++
		}
		f := (x - mids[j]) / (mids[j+1] - mids[j])
		daily[d] = (1-f)*vals[j] + f*vals[j+1]
	}
}

// smoothYear spreads monthly means over the days without jumps at month
// boundaries and without changing any month's mean: the curve is piecewise
// linear between mid-month knots, and the knots are corrected until the mean
// of the daily values of every month equals its monthly value (a fixed-point
// iteration that converges because a month's mean depends mostly on its own
// knot).
func smoothYear(monthly [12]float64) [daysPerYear]float64 {
	var daily [daysPerYear]float64
	knots := monthly
	for iter := 0; iter < 200; iter++ {
		interpYear(&knots, &daily)
		worst := 0.0
		var errs [12]float64
		for m := 1; m <= 12; m++ {
			errs[m-1] = monthly[m-1] - monthMean(&daily, m)
			worst = math.Max(worst, math.Abs(errs[m-1])/math.Max(1, math.Abs(monthly[m-1])))
		}
		if worst < 1e-12 {
			break
		}
		for m := range knots {
			knots[m] += errs[m]
		}
	}
	return daily
}

// monthMean returns the mean of the daily values of month m (1..12).
func monthMean(daily *[daysPerYear]float64, m int) float64 {
	start, n := monthStartDay(m), daysInMonth(m, false)
	sum := 0.0
	for _, v := range daily[start : start+n] {
		sum += v
	}
	return sum / float64(n)
}

// stepYear gives every day its month's value.
func stepYear(monthly *[12]float64, daily *[daysPerYear]float64) {
	for d := range daily {
		daily[d] = monthly[monthOfDay(d)-1]
	}
}
