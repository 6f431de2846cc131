package series

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// indexSeries holds n hours from first whose values are their own index, so
// that a result shows which series hour each period hour took.
func indexSeries(first time.Time, n int) *Series {
	s := &Series{Name: "ci.csv", Column: "value", Times: make([]time.Time, n), Values: make([]float64, n), Lines: make([]int, n)}
	for i := range n {
		s.Times[i], s.Values[i], s.Lines[i] = first.Add(time.Duration(i)*time.Hour), float64(i), i+2
	}
	return s
}

func untimed(n int) *Series {
	s := indexSeries(time.Time{}, n)
	s.Times = nil
	return s
}

// wantIndexes checks got[k] == index of the series hour at want(k).
func wantIndexes(t *testing.T, got []float64, want func(k int) int) {
	t.Helper()
	for k, v := range got {
		if w := want(k); v != float64(w) {
			t.Fatalf("period hour %d took series hour %g, want %d", k, v, w)
		}
	}
}

func TestHourlyTimedAligned(t *testing.T) {
	s := indexSeries(time.Date(2022, 1, 1, 0, 0, 0, 0, utc), 8760)
	for _, c := range []struct {
		name  string
		start time.Time
		hours int
		first int
	}{
		{"whole series", time.Date(2022, 1, 1, 0, 0, 0, 0, utc), 8760, 0},
		{"site zone west of utc", time.Date(2022, 1, 1, 0, 0, 0, 0, mst), 24, 7},
		{"site zone east of utc", time.Date(2022, 6, 1, 0, 0, 0, 0, cet), 48, 151*24 - 1},
		{"last hour", time.Date(2022, 12, 31, 23, 0, 0, 0, utc), 1, 8759},
		{"empty period", time.Date(2030, 1, 1, 0, 0, 0, 0, utc), 0, 0},
	} {
		for _, wrap := range []bool{false, true} {
			got, err := s.Hourly(c.start, c.hours, wrap)
			if err != nil || len(got) != c.hours {
				t.Fatalf("%s wrap=%v: %d values, %v", c.name, wrap, len(got), err)
			}
			wantIndexes(t, got, func(k int) int { return c.first + k })
		}
	}
}

// Wrapping maps a period hour by month, day and hour of the site's standard
// time onto the series year.
func TestHourlyWrapYear(t *testing.T) {
	y2023 := indexSeries(time.Date(2023, 1, 1, 0, 0, 0, 0, mst), 8760) // whole year of the site zone
	y2024 := indexSeries(time.Date(2024, 1, 1, 0, 0, 0, 0, mst), 8784) // leap year
	hourOf := func(year int, m time.Month, d, h int) int {
		return int(time.Date(year, m, d, h, 0, 0, 0, mst).Sub(time.Date(year, 1, 1, 0, 0, 0, 0, mst)) / time.Hour)
	}
	for _, c := range []struct {
		name   string
		s      *Series
		start  time.Time
		hours  int
		series func(period time.Time) int
	}{
		{"later year", y2023, time.Date(2025, 1, 1, 0, 0, 0, 0, mst), 8760, func(p time.Time) int {
			return hourOf(2023, p.Month(), p.Day(), p.Hour())
		}},
		{"earlier year across new year", y2023, time.Date(2019, 12, 30, 5, 0, 0, 0, mst), 24 * 5, func(p time.Time) int {
			return hourOf(2023, p.Month(), p.Day(), p.Hour())
		}},
		{"leap period on common year: Feb 29 takes Feb 28", y2023, time.Date(2024, 2, 28, 0, 0, 0, 0, mst), 72,
			func(p time.Time) int {
				if p.Day() == 29 {
					return hourOf(2023, 2, 28, p.Hour())
				}
				return hourOf(2023, p.Month(), p.Day(), p.Hour())
			}},
		{"common period on leap year: Feb 29 unused", y2024, time.Date(2023, 2, 28, 0, 0, 0, 0, mst), 48,
			func(p time.Time) int { return hourOf(2024, p.Month(), p.Day(), p.Hour()) }},
		{"partly covered", y2023, time.Date(2023, 12, 31, 0, 0, 0, 0, mst), 48,
			func(p time.Time) int { return hourOf(2023, p.Month(), p.Day(), p.Hour()) }},
	} {
		got, err := c.s.Hourly(c.start, c.hours, true)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		wantIndexes(t, got, func(k int) int { return c.series(c.start.Add(time.Duration(k) * time.Hour)) })
		if _, err := c.s.Hourly(c.start, c.hours, false); !errors.Is(err, ErrCoverage) {
			t.Errorf("%s without wrap: %v, want ErrCoverage", c.name, err)
		}
	}
	if got, _ := y2023.Hourly(time.Date(2024, 2, 29, 13, 0, 0, 0, mst), 1, true); got[0] != float64(hourOf(2023, 2, 28, 13)) {
		t.Errorf("Feb 29 13:00 took hour %g", got[0])
	}
}

// A whole UTC year (the EIA-930 files) wraps onto a site west of UTC as a
// cycle: the site's calendar year 2022 begins at series hour 7 and its last
// 7 hours, beyond the file, take the first 7 hours of the file.
func TestHourlyWrapUTCYearOnSite(t *testing.T) {
	s := indexSeries(time.Date(2022, 1, 1, 0, 0, 0, 0, utc), 8760)
	got, err := s.Hourly(time.Date(2022, 1, 1, 0, 0, 0, 0, mst), 8760, true)
	if err != nil {
		t.Fatal(err)
	}
	wantIndexes(t, got, func(k int) int { return (k + 7) % 8760 })
	got, err = s.Hourly(time.Date(2022, 1, 1, 0, 0, 0, 0, cet), 24, true)
	if err != nil {
		t.Fatal(err)
	}
	wantIndexes(t, got, func(k int) int { return (k - 1 + 8760) % 8760 })
}

func TestHourlyUntimed(t *testing.T) {
	s := untimed(5)
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, mst)
	for _, c := range []struct {
		hours int
		wrap  bool
		want  []float64
	}{
		{3, false, []float64{0, 1, 2}},
		{5, false, []float64{0, 1, 2, 3, 4}},
		{12, true, []float64{0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1}},
		{0, false, []float64{}},
	} {
		got, err := s.Hourly(start, c.hours, c.wrap)
		if err != nil || len(got) != len(c.want) {
			t.Fatalf("%d hours wrap=%v: %v, %v", c.hours, c.wrap, got, err)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Fatalf("%d hours wrap=%v: %v, want %v", c.hours, c.wrap, got, c.want)
			}
		}
	}
}

func TestHourlyErrors(t *testing.T) {
	year := indexSeries(time.Date(2022, 1, 1, 0, 0, 0, 0, utc), 8760)
	part := indexSeries(time.Date(2022, 3, 1, 0, 0, 0, 0, utc), 100)
	leapShort := indexSeries(time.Date(2024, 1, 1, 0, 0, 0, 0, utc), 8760)
	broken := indexSeries(time.Date(2022, 1, 1, 0, 0, 0, 0, utc), 3)
	broken.Times[2] = broken.Times[1]
	ragged := indexSeries(time.Date(2022, 1, 1, 0, 0, 0, 0, utc), 3)
	ragged.Values = ragged.Values[:2]
	india := time.FixedZone("IST", 5*3600+1800)
	newYork, _ := time.LoadLocation("America/New_York")
	at := func(y int, m time.Month, d, h, min int, loc *time.Location) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, loc)
	}
	for _, c := range []struct {
		name  string
		s     *Series
		start time.Time
		hours int
		wrap  bool
		kind  error
		msg   string // part of the message
	}{
		{"before the series", year, at(2022, 1, 1, 0, 0, mst), 8760, false, ErrCoverage,
			"ci.csv: the series covers 2021-12-31 17:00 to 2022-12-31 17:00 (8760 hours) but the period needs " +
				"2022-01-01 00:00 to 2023-01-01 00:00 (8760 hours), both in UTC-07:00; give a period inside the " +
				"series, or set wrap"},
		{"after the series", year, at(2023, 1, 1, 0, 0, utc), 1, false, ErrCoverage, "set wrap"},
		{"not a year", part, at(2022, 3, 1, 0, 0, utc), 101, true, ErrCoverage,
			"wrap needs one whole year of hourly values (8760, or 8784 in a leap year) starting Jan 1 00:00"},
		{"leap year short", leapShort, at(2025, 1, 1, 0, 0, utc), 24, true, ErrCoverage, "whole year"},
		{"untimed short", untimed(10), at(2022, 1, 1, 0, 0, utc), 11, false, ErrCoverage,
			"ci.csv: the series has 10 hourly values without timestamps"},
		{"untimed empty", untimed(0), at(2022, 1, 1, 0, 0, utc), 1, true, ErrCoverage, "has 0 hourly values"},
		{"half-hour site", year, at(2022, 6, 1, 0, 0, india), 1, false, ErrCoverage,
			"the series' hours start at 2022-01-01 05:30, which is not a whole hour of the site's standard time (UTC+05:30)"},
		{"start off the hour", year, at(2022, 6, 1, 0, 30, utc), 1, false, ErrInvalid, "not on a whole hour"},
		{"negative hours", year, at(2022, 6, 1, 0, 0, utc), -1, false, ErrInvalid, "-1 hours"},
		{"daylight time", untimed(10), at(2022, 1, 1, 0, 0, newYork), 5, false, ErrInvalid, "observes daylight time"},
		{"times out of step", broken, at(2022, 1, 1, 0, 0, utc), 1, false, ErrInvalid, "by one hour"},
		{"times and values disagree", ragged, at(2022, 1, 1, 0, 0, utc), 1, false, ErrInvalid, "3 times for 2 values"},
	} {
		got, err := c.s.Hourly(c.start, c.hours, c.wrap)
		if !errors.Is(err, c.kind) || !strings.Contains(err.Error(), c.msg) || got != nil {
			t.Errorf("%s: %v, %d values\nwant %v with %q", c.name, err, len(got), c.kind, c.msg)
		}
	}
}

// FillHourly is the form for callers that reuse a buffer: no allocation.
func TestFillHourlyDoesNotAllocate(t *testing.T) {
	s := indexSeries(time.Date(2022, 1, 1, 0, 0, 0, 0, utc), 8760)
	dst := make([]float64, 8760)
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, mst)
	if n := testing.AllocsPerRun(10, func() {
		if err := s.FillHourly(dst, start, true); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("FillHourly allocates %g times per call", n)
	}
}

// A year labelled by its hours' ends (EIA-930) starts at Dec 31 23:00 of the
// year before; wrapped, it maps by month, day and hour, its first hour
// standing in for the last hour of its year.
func TestWrapHourEndingYear(t *testing.T) {
	start := time.Date(2021, 12, 31, 23, 0, 0, 0, time.UTC)
	s := &Series{Name: "eia.csv"}
	for i := range 8760 {
		s.Times = append(s.Times, start.Add(time.Duration(i)*time.Hour))
		s.Values = append(s.Values, float64(i))
	}
	got, err := s.Hourly(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 8760, true)
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != 1 || got[1] != 2 || got[8758] != 8759 || got[8759] != 0 {
		t.Errorf("Jan 1 00:00 → %g, 01:00 → %g, Dec 31 22:00 → %g, 23:00 → %g; want 1, 2, 8759, 0",
			got[0], got[1], got[8758], got[8759])
	}
}
