package series

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Kinds of error, for errors.Is.
var (
	// ErrFormat: the file is not a series this package reads (CSV syntax,
	// header, field count, timestamp, number, order or interval of rows).
	ErrFormat = errors.New("malformed series")
	// ErrRange: a value lies outside ReadOptions.Min..Max.
	ErrRange = errors.New("value out of range")
	// ErrCoverage: the series does not cover the period and cannot be
	// wrapped onto it.
	ErrCoverage = errors.New("series does not cover the period")
	// ErrInvalid: an argument or option is unusable (a period that does not
	// start on a whole hour, a location with daylight time, Min > Max, a
	// Series whose fields disagree).
	ErrInvalid = errors.New("invalid argument")
)

// Error is the error type of the package: a message about a file, and where
// applicable its line and field.
type Error struct {
	Name   string // file name as given to ReadCSV or Load
	Line   int    // 1-based line, 0 when the error is not about one line
	Field  int    // 1-based field of the row, 0 when not about one field
	Column string // header name of that field
	Msg    string // what is wrong and what was expected
	Kind   error  // ErrFormat, ErrRange, ErrCoverage or ErrInvalid
	Err    error  // underlying cause, or nil
}

func (e *Error) Error() string {
	var b []byte
	b = append(b, e.Name...)
	if e.Line > 0 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(e.Line), 10)
	}
	b = append(b, ": "...)
	if e.Field > 0 {
		b = fmt.Appendf(b, "field %d (%s): ", e.Field, e.Column)
	}
	return string(append(b, e.Msg...))
}

// Unwrap gives errors.Is and errors.As both the kind and the cause.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// ReadOptions say which column to read and how to check it.
type ReadOptions struct {
	ValueColumn string         // header name of the value column; "" = the only column that is neither time nor index
	Location    *time.Location // for timestamps without an offset (nil = UTC); the site's standard time
	Min, Max    float64        // accepted value range (both 0 = no check); outside → error naming line and value
	Unit        string         // for messages, e.g. "gCO2/kWh"

	// MaxFill is the longest run of consecutive missing (empty) values that
	// is filled by linear interpolation between the values on either side;
	// 0 = a missing value is an error. Real files need it: the EIA-930 files
	// of CISO and MISO for 2022 lack 3 hours of avg_CI, PJM's a run of 22.
	MaxFill int

	// HourEnding says each timestamp is the end of its hour, as in EIA-930
	// data (its hourly values are labelled by the hour's end); the series'
	// Times are then moved back an hour to the hour's start.
	HourEnding bool
}

// Series is an hourly series read from a file.
type Series struct {
	Name   string      // file name, for messages
	Column string      // header name of the value column
	Times  []time.Time // start of each hour; nil for an untimed series
	Values []float64   // hourly values (sub-hourly input is averaged into hours)
	Lines  []int       // source line of each hourly value (first contributing line), for messages
	Filled []int       // source lines whose missing value was interpolated (ReadOptions.MaxFill)
}

// Timed reports whether the series carries timestamps.
func (s *Series) Timed() bool { return s.Times != nil }

// Hourly returns one value per hour of the period [start, start+hours), start
// on a whole hour in the site's standard time (start.Location(), a fixed
// offset). A timed series aligns by timestamp; an untimed one gives its values
// in order from the period start. When the series does not cover the period,
// wrap = true reuses it as the package documentation describes; otherwise that
// is an ErrCoverage error that says what the series covers and what the
// period needs.
func (s *Series) Hourly(start time.Time, hours int, wrap bool) ([]float64, error) {
	if hours < 0 {
		return nil, s.errorf(ErrInvalid, "the period has %d hours; it needs 0 or more", hours)
	}
	dst := make([]float64, hours)
	if err := s.FillHourly(dst, start, wrap); err != nil {
		return nil, err
	}
	return dst, nil
}

// FillHourly is Hourly for a period of len(dst) hours, writing into dst; it
// does not allocate unless it fails.
func (s *Series) FillHourly(dst []float64, start time.Time, wrap bool) error {
	if err := s.check(); err != nil {
		return err
	}
	if err := s.checkPeriod(start, len(dst)); err != nil {
		return err
	}
	if len(dst) == 0 {
		return nil
	}
	if s.Times == nil {
		return s.fillUntimed(dst, wrap)
	}
	return s.fillTimed(dst, start, wrap)
}

// check guards against a Series assembled by hand whose fields disagree; a
// series from ReadCSV always passes.
func (s *Series) check() error {
	if s.Times == nil {
		return nil
	}
	if len(s.Times) != len(s.Values) {
		return s.errorf(ErrInvalid, "%d times for %d values", len(s.Times), len(s.Values))
	}
	for i := 1; i < len(s.Times); i++ {
		if s.Times[i].Sub(s.Times[i-1]) != time.Hour {
			return s.errorf(ErrInvalid, "time %d (%s) does not follow time %d (%s) by one hour",
				i+1, clock(s.Times[i]), i, clock(s.Times[i-1]))
		}
	}
	return nil
}

// checkPeriod: the period starts on a whole hour of a fixed-offset zone.
func (s *Series) checkPeriod(start time.Time, hours int) error {
	if start.Minute() != 0 || start.Second() != 0 || start.Nanosecond() != 0 {
		return s.errorf(ErrInvalid, "the period starts at %s, not on a whole hour", clock(start))
	}
	loc := start.Location()
	end := start.Add(time.Duration(hours) * time.Hour)
	for _, y := range [2]int{start.In(loc).Year(), end.In(loc).Year()} {
		if !fixedOffset(loc, y) {
			return s.errorf(ErrInvalid, "the period's location %q observes daylight time in %d; "+
				"give the site's standard time as a fixed offset (time.FixedZone)", loc, y)
		}
	}
	return nil
}

func (s *Series) fillUntimed(dst []float64, wrap bool) error {
	n := len(s.Values)
	if len(dst) <= n {
		copy(dst, s.Values)
		return nil
	}
	if !wrap || n == 0 {
		return s.errorf(ErrCoverage, "the series has %d hourly values without timestamps (the first is the "+
			"period's first hour) but the period needs %d hours; give a longer series or set wrap to "+
			"repeat it from its beginning", n, len(dst))
	}
	for k := 0; k < len(dst); k += n {
		copy(dst[k:], s.Values)
	}
	return nil
}

func (s *Series) fillTimed(dst []float64, start time.Time, wrap bool) error {
	n := int64(len(s.Values))
	secs := start.Unix() - s.Times[0].Unix()
	if secs%3600 != 0 || s.Times[0].Nanosecond() != 0 {
		return s.errorf(ErrCoverage, "the series' hours start at %s, which is not a whole hour of the "+
			"site's standard time (%s)", clock(s.Times[0].In(start.Location())), zoneLabel(start))
	}
	if first := secs / 3600; first >= 0 && first+int64(len(dst)) <= n {
		copy(dst, s.Values[first:])
		return nil
	}
	if !wrap {
		return s.coverageError(start, len(dst), "give a period inside the series, or set wrap to map "+
			"the period onto the series by month, day and hour")
	}
	year, ok := s.wholeYear(start.Location())
	if !ok {
		return s.coverageError(start, len(dst), "wrap needs one whole year of hourly values (8760, or 8784 "+
			"in a leap year) starting Jan 1 00:00 in the site's standard time or the series' own time zone")
	}
	s.fillYear(dst, start, year)
	return nil
}

// fillYear maps each period hour by month, day and hour of the site's
// standard time onto the series year, taken as a cycle.
func (s *Series) fillYear(dst []float64, start time.Time, year int) {
	loc := start.Location()
	base := s.Times[0].Unix()
	n := int64(len(s.Values))
	noLeapDay := !isLeap(year)
	for k := range dst {
		t := start.Add(time.Duration(k) * time.Hour).In(loc)
		_, month, day := t.Date()
		if noLeapDay && month == time.February && day == 29 {
			day = 28
		}
		i := (time.Date(year, month, day, t.Hour(), 0, 0, 0, loc).Unix() - base) / 3600 % n
		if i < 0 {
			i += n
		}
		dst[k] = s.Values[i]
	}
}

// wholeYear returns the year the series covers whole, from Jan 1 00:00 of the
// site's zone or else of the zone its timestamps were written in. A year
// labelled by its hours' ends (ReadOptions.HourEnding, the EIA-930 files)
// starts an hour earlier, at Dec 31 23:00 of the year before; wrapped, its
// first hour stands in for the last hour of its year.
func (s *Series) wholeYear(site *time.Location) (int, bool) {
	for _, loc := range [2]*time.Location{site, s.Times[0].Location()} {
		t := s.Times[0].In(loc)
		if t.Minute() != 0 || t.Second() != 0 {
			continue
		}
		_, month, day := t.Date()
		if month == time.January && day == 1 && t.Hour() == 0 && len(s.Values) == hoursInYear(t.Year()) {
			return t.Year(), true
		}
		if month == time.December && day == 31 && t.Hour() == 23 && len(s.Values) == hoursInYear(t.Year()+1) {
			return t.Year() + 1, true
		}
	}
	return 0, false
}

func (s *Series) coverageError(start time.Time, hours int, advice string) error {
	loc := start.Location()
	first := s.Times[0].In(loc)
	end := first.Add(time.Duration(len(s.Values)) * time.Hour)
	return s.errorf(ErrCoverage, "the series covers %s to %s (%d hours) but the period needs %s to %s (%d hours), "+
		"both in %s; %s", clock(first), clock(end), len(s.Values),
		clock(start), clock(start.Add(time.Duration(hours)*time.Hour)), hours, zoneLabel(start), advice)
}

func (s *Series) errorf(kind error, format string, args ...any) error {
	name := s.Name
	if name == "" {
		name = "series"
	}
	return &Error{Name: name, Msg: fmt.Sprintf(format, args...), Kind: kind}
}

// fixedOffset reports whether loc keeps one UTC offset through the year,
// judged by Jan 1 and Jul 1, which lie on either side of every daylight-time
// switch in both hemispheres.
func fixedOffset(loc *time.Location, year int) bool {
	_, jan := time.Date(year, time.January, 1, 0, 0, 0, 0, loc).Zone()
	_, jul := time.Date(year, time.July, 1, 0, 0, 0, 0, loc).Zone()
	return jan == jul
}

// plural writes a count with its noun: "1 value", "3 values".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func isLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

func hoursInYear(year int) int {
	if isLeap(year) {
		return 8784
	}
	return 8760
}

// clock formats a time as written in messages, on its own clock.
func clock(t time.Time) string {
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return t.Format("2006-01-02 15:04:05.999999999")
	}
	return t.Format("2006-01-02 15:04")
}

// zoneLabel names the UTC offset of t: "UTC", "UTC-07:00".
func zoneLabel(t time.Time) string {
	if _, off := t.Zone(); off == 0 {
		return "UTC"
	}
	return "UTC" + t.Format("-07:00")
}
