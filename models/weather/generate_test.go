package weather

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// dailyStats computes, independently of the generator, a month's mean daily
// max and min of the 24 hourly values, the population SD of the daily means
// and the lag-1 autocorrelation of their departures from the month's mean:
// the definitions of climate_stats.csv.
func dailyStats(y *Year, month int) (meanMax, meanMin, sd, ar1 float64) {
	var means []float64
	day := 0
	for m := 1; m < month; m++ {
		day += daysInMonth(m, false)
	}
	for d := day; d < day+daysInMonth(month, false); d++ {
		hi, lo, sum := -1e9, 1e9, 0.0
		for _, c := range y.Hours[24*d : 24*d+24] {
			hi, lo, sum = math.Max(hi, c.DryBulbC), math.Min(lo, c.DryBulbC), sum+c.DryBulbC
		}
		meanMax += hi
		meanMin += lo
		means = append(means, sum/24)
	}
	n := float64(len(means))
	mu := 0.0
	for _, v := range means {
		mu += v / n
	}
	ss, lag := 0.0, 0.0
	for i, v := range means {
		ss += (v - mu) * (v - mu)
		if i > 0 {
			lag += (means[i-1] - mu) * (v - mu)
		}
	}
	return meanMax / n, meanMin / n, math.Sqrt(ss / n), lag / ss
}

// monthlyMeans returns the monthly means of a field.
func monthlyMeans(y *Year, field func(Conditions) float64) [12]float64 {
	var mean [12]float64
	for i, c := range y.Hours {
		m := monthOfDay(i / 24)
		mean[m-1] += field(c) / float64(24*daysInMonth(m, false))
	}
	return mean
}

// TestGenerateFollowsStatistics generates every built-in climate with a few
// seeds and checks each month against the table: mean daily max and min,
// mean dew point and RH, SD of the daily means and their lag-1
// autocorrelation.
func TestGenerateFollowsStatistics(t *testing.T) {
	for _, c := range Climates() {
		t.Run(c.ID, func(t *testing.T) {
			var ar1Err float64
			var n int
			for seed := uint64(1); seed <= 3; seed++ {
				y, err := c.Generate(seed)
				if err != nil {
					t.Fatal(err)
				}
				checkYear(t, y)
				dew := monthlyMeans(y, func(c Conditions) float64 { return c.DewPointC })
				rh := monthlyMeans(y, func(c Conditions) float64 { return c.RelHumPct })
				for m := 1; m <= 12; m++ {
					want := c.Months[m-1]
					mx, mn, sd, ar1 := dailyStats(y, m)
					tag := fmt.Sprintf("seed %d month %d", seed, m)
					within(t, tag+" mean daily max", mx, want.TmaxC, 0.5)
					within(t, tag+" mean daily min", mn, want.TminC, 0.5)
					within(t, tag+" mean dew point", dew[m-1], want.DewPointC, 0.3)
					within(t, tag+" mean RH vs the table's", rh[m-1], want.RelHumPct, 8)
					// A month whose seasonal change alone exceeds the SD
					// cannot reach it; Generate says so in a warning.
					if d := math.Abs(sd - want.DailyMeanSDK); d > 0.15*want.DailyMeanSDK ||
						d > sdWarnFrac*want.DailyMeanSDK && !warned(y, m, "SD of the daily means") {
						t.Errorf("%s: SD of daily means %.3f K, want %.2f K", tag, sd, want.DailyMeanSDK)
					}
					within(t, tag+" lag-1 autocorrelation", ar1, want.DailyAnomAR1, 0.25)
					ar1Err += math.Abs(ar1 - want.DailyAnomAR1)
					n++
				}
			}
			if mean := ar1Err / float64(n); mean > 0.08 {
				t.Errorf("mean |AR(1) error| %.3f, want ≤ 0.08", mean)
			}
		})
	}
}

func warned(y *Year, month int, what string) bool {
	for _, w := range y.Warnings {
		if strings.HasPrefix(w, fmt.Sprintf("month %d (", month)) && strings.Contains(w, what) {
			return true
		}
	}
	return false
}

func TestGenerateDeterministic(t *testing.T) {
	c, _ := LookupClimate("chicago")
	a, _ := c.Generate(42)
	b, _ := c.Generate(42)
	other, _ := c.Generate(43)
	same, differ := true, 0
	for i := range a.Hours {
		if a.Hours[i] != b.Hours[i] {
			same = false
		}
		if a.Hours[i].DryBulbC != other.Hours[i].DryBulbC {
			differ++
		}
	}
	if !same {
		t.Error("the same seed gave different years")
	}
	if differ < HoursPerYear/2 {
		t.Errorf("seeds 42 and 43 differ in only %d hours", differ)
	}
	if a.Source != "synthetic climate chicago, seed 42 (statistics of NREL TMY3 Chicago Ohare Intl Ap)" {
		t.Errorf("Source = %q", a.Source)
	}
}

// A custom climate of normals only: RH calibrated in place of the dew point,
// the defaults for SD and AR(1), the standard atmosphere for the pressure.
func TestGenerateCustom(t *testing.T) {
	c := mumbai()
	y, err := c.Generate(7)
	if err != nil {
		t.Fatal(err)
	}
	checkYear(t, y)
	rh := monthlyMeans(y, func(c Conditions) float64 { return c.RelHumPct })
	p := monthlyMeans(y, func(c Conditions) float64 { return c.PressurePa })
	for m := 1; m <= 12; m++ {
		within(t, fmt.Sprintf("month %d RH", m), rh[m-1], c.Months[m-1].RelHumPct, 0.5)
		within(t, "pressure", p[m-1], 101156, 1)
		_, _, sd, _ := dailyStats(y, m)
		within(t, "SD of daily means", sd, DefaultDailyMeanSDK, 0.05)
	}
	if y.Source != "synthetic climate custom, seed 7 (monthly normals for Mumbai)" || y.Location.Name != "Mumbai" {
		t.Errorf("Source %q, location %q", y.Source, y.Location.Name)
	}
	if len(y.Warnings) != 0 {
		t.Errorf("warnings %q", y.Warnings)
	}
}

// The synthetic year is a ring: Dec 31 24:00 joins Jan 1 01:00 as smoothly as
// any two hours, and no day boundary has a step.
func TestGenerateContinuity(t *testing.T) {
	for _, c := range Climates() {
		y, _ := c.Generate(3)
		worst, worstAt := 0.0, 0
		for i := range y.Hours {
			d := math.Abs(y.Hours[i].DryBulbC - y.Hours[(i+HoursPerYear-1)%HoursPerYear].DryBulbC)
			if d > worst {
				worst, worstAt = d, i
			}
		}
		// The steepest hour of the ASHRAE profile is 0.19 of the daily range
		// (hours 8–9); with day-to-day weather, 6 K is far beyond any jump.
		if worst > 6 {
			t.Errorf("%s: hour-to-hour change of %.1f K at hour %d", c.ID, worst, worstAt)
		}
		within(t, c.ID+" Dec 31 24:00 → Jan 1 01:00", y.Hours[0].DryBulbC, y.Hours[HoursPerYear-1].DryBulbC, 3)
	}
}

// fractionOfDailyRange is ASHRAE Fundamentals 2009 ch. 14 Table 6: minimum at
// hour 5, maximum at hours 14 and 15, sum 12.87.
func TestFractionOfDailyRange(t *testing.T) {
	f := fractionOfDailyRange()
	sum := 0.0
	for _, v := range f {
		sum += v
	}
	within(t, "sum", sum, 12.87, 1e-9)
	if f[4] != 1 || f[13] != 0 || f[14] != 0 || f[0] != 0.88 || f[23] != 0.82 {
		t.Errorf("profile %v", f)
	}
	frac, mean := diurnalProfile()
	within(t, "flattened mean", mean, 0.502, 0.001)
	if frac[4] != 1 || frac[13] != 0 {
		t.Error("flattening moved the extremes")
	}
}

func TestSmoothYear(t *testing.T) {
	monthly := [12]float64{-5, -3, 2, 9, 15, 20, 23, 22, 17, 10, 4, -2}
	daily := smoothYear(monthly)
	for m := 1; m <= 12; m++ {
		within(t, fmt.Sprintf("month %d mean", m), monthMean(&daily, m), monthly[m-1], 1e-9)
	}
	for d := range daily {
		if step := math.Abs(daily[d] - daily[(d+1)%daysPerYear]); step > 0.5 {
			t.Errorf("day %d → %d: step of %.2f", d, d+1, step)
		}
	}
}

func TestSkewDewPoint(t *testing.T) {
	for _, lambda := range []float64{0, 0.5, 0.75} {
		within(t, "zero anomaly", skewDewPoint(14, 0, lambda), 14, 1e-9)
		// To first order, the same anomaly.
		within(t, "small anomaly", skewDewPoint(14, 0.01, lambda), 14.01, 1e-5)
	}
	// λ = 0 is symmetric in ln p_w...
	lnPw := func(tC float64) float64 { return 17.625 * tC / (tC + 243.04) } // Magnus, + const
	within(t, "λ=0", lnPw(skewDewPoint(5, 10, 0))-lnPw(5), -(lnPw(skewDewPoint(5, -10, 0)) - lnPw(5)), 1e-12)
	// ...λ > 0 stretches the dry side and shortens the moist one.
	dry, moist := 14-skewDewPoint(14, -8, 0.75), skewDewPoint(14, 8, 0.75)-14
	if !(dry > 9 && moist < 7.5) {
		t.Errorf("λ=0.75: −8 K gives −%.1f K, +8 K gives +%.1f K", dry, moist)
	}
}

// TestGenerateGolden keeps the monthly summary of one synthetic year, so that
// any change to the generator shows up in review.
func TestGenerateGolden(t *testing.T) {
	c, _ := LookupClimate("phoenix")
	y, err := c.Generate(1)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nmonth  tmax_c tmin_c  sd_k  ar1  dewpoint_c rh_pct wetbulb_c\n", y.Source)
	dew := monthlyMeans(y, func(c Conditions) float64 { return c.DewPointC })
	rh := monthlyMeans(y, func(c Conditions) float64 { return c.RelHumPct })
	wb := monthlyMeans(y, func(c Conditions) float64 { return c.WetBulbC })
	for m := 1; m <= 12; m++ {
		mx, mn, sd, ar1 := dailyStats(y, m)
		fmt.Fprintf(&b, "%-5s %6.2f %6.2f %5.2f %5.2f %8.2f %7.1f %8.2f\n", monthAbbr(m), mx, mn, sd, ar1, dew[m-1], rh[m-1], wb[m-1])
	}
	golden(t, "generate_phoenix_seed1.golden", b.String())
}
