package series

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // daylight-time zones for the tests, whatever the machine has
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var (
	utc = time.UTC
	mst = time.FixedZone("MST", -7*3600) // Phoenix standard time, no daylight time
	cet = time.FixedZone("CET", 3600)
)

func within(t *testing.T, what string, got, want, absTol float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > absTol {
		t.Errorf("%s = %.12g, want %.12g (abs tol %g)", what, got, want, absTol)
	}
}

func read(t *testing.T, text string, opt ReadOptions) *Series {
	t.Helper()
	s, err := ReadCSV(strings.NewReader(text), "test.csv", opt)
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	return s
}

// hourlyCSV writes n hourly rows "time,value" from start, value i+offset at row i.
func hourlyCSV(start time.Time, layout string, n int, offset float64) string {
	var b strings.Builder
	b.WriteString("time,value\n")
	for i := range n {
		fmt.Fprintf(&b, "%s,%g\n", start.Add(time.Duration(i)*time.Hour).Format(layout), float64(i)+offset)
	}
	return b.String()
}

func TestReadTimed(t *testing.T) {
	jan1 := time.Date(2022, 1, 1, 0, 0, 0, 0, utc)
	for _, c := range []struct {
		name  string
		text  string
		opt   ReadOptions
		first time.Time // instant of the first hour
		want  []float64
		lines []int
	}{
		{"rfc3339 utc", "time,value\n2022-01-01T00:00:00Z,1\n2022-01-01T01:00:00Z,2.5\n",
			ReadOptions{}, jan1, []float64{1, 2.5}, []int{2, 3}},
		{"rfc3339 offset", "time,value\n2022-01-01T01:00:00+01:00,1\n2022-01-01T02:00:00+01:00,2\n",
			ReadOptions{}, jan1, []float64{1, 2}, []int{2, 3}},
		{"pandas offset, header case", "TimeStamp,VALUE\n2021-12-31 17:00:00-07:00,1\n2021-12-31 18:00:00-07:00,2\n",
			ReadOptions{}, jan1, []float64{1, 2}, []int{2, 3}},
		{"no offset, site zone", "time,value\n2021-12-31 17:00,4\n2021-12-31 18:00,5\n",
			ReadOptions{Location: mst}, jan1, []float64{4, 5}, []int{2, 3}},
		{"no offset, nil is utc", "datetime,value\n2022-01-01T00:00,4\n2022-01-01T01:00:00,5\n",
			ReadOptions{}, jan1, []float64{4, 5}, []int{2, 3}},
		{"offset change in file", "time,value\n2022-01-01 00:00:00+00:00,1\n2022-01-01T02:00:00+01:00,2\n",
			ReadOptions{}, jan1, []float64{1, 2}, []int{2, 3}},
		{"pandas unnamed DatetimeIndex", ",value\n2022-01-01 00:00:00+00:00,1\n2022-01-01 01:00:00+00:00,2\n",
			ReadOptions{}, jan1, []float64{1, 2}, []int{2, 3}},
		{"single row", "time,value\n2022-01-01 00:00,7\n", ReadOptions{}, jan1, []float64{7}, []int{2}},
		{"value column by name", "timestamp,WND,avg_CI\n2022-01-01 00:00:00+00:00,149,631.66\n",
			ReadOptions{ValueColumn: "AVG_ci"}, jan1, []float64{631.66}, []int{2}},
		{"pandas index before time", "Unnamed: 0,time,value\n7,2022-01-01 00:00,1\n3,2022-01-01 01:00,2\n",
			ReadOptions{}, jan1, []float64{1, 2}, []int{2, 3}},
		{"range boundaries", "time,value\n2022-01-01 00:00,0\n2022-01-01 01:00,1000\n",
			ReadOptions{Min: 0, Max: 1000}, jan1, []float64{0, 1000}, []int{2, 3}},
		{"15 min averaged", "time,value\n" +
			"2022-01-01 00:00,1\n2022-01-01 00:15,2\n2022-01-01 00:30,3\n2022-01-01 00:45,6\n" +
			"2022-01-01 01:00,10\n2022-01-01 01:15,10\n2022-01-01 01:30,10\n2022-01-01 01:45,10\n",
			ReadOptions{}, jan1, []float64{3, 10}, []int{2, 6}},
		{"30 min averaged", "time,value\n2022-01-01 00:00,1\n2022-01-01 00:30,2\n",
			ReadOptions{}, jan1, []float64{1.5}, []int{2}},
		{"CRLF, BOM, comments, quotes, blank rows", "\uFEFF# EIA-930 AZPS\r\n\"time\", value \r\n" +
			"# comment between rows\r\n2022-01-01 00:00,\"1\"\r\n\r\n 2022-01-01 01:00 , 2 \r\n,\r\n  \r\n\r\n",
			ReadOptions{}, jan1, []float64{1, 2}, []int{4, 6}},
		{"CR line ends", "time,value\r2022-01-01 00:00,1\r2022-01-01 01:00,2\r",
			ReadOptions{}, jan1, []float64{1, 2}, []int{2, 3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := read(t, c.text, c.opt)
			if !s.Timed() || len(s.Times) != len(c.want) || len(s.Values) != len(c.want) {
				t.Fatalf("got %d times, %d values; want %d timed values", len(s.Times), len(s.Values), len(c.want))
			}
			for i, v := range c.want {
				within(t, fmt.Sprintf("Values[%d]", i), s.Values[i], v, 1e-12)
				if want := c.first.Add(time.Duration(i) * time.Hour); !s.Times[i].Equal(want) {
					t.Errorf("Times[%d] = %v, want %v", i, s.Times[i], want)
				}
				if s.Lines[i] != c.lines[i] {
					t.Errorf("Lines[%d] = %d, want %d", i, s.Lines[i], c.lines[i])
				}
			}
		})
	}
}

// Every accepted layout names the same instant, read in the site zone when
// it has no offset.
func TestTimeLayouts(t *testing.T) {
	want := time.Date(2022, 7, 1, 13, 0, 0, 0, mst)
	for _, s := range []string{
		"2022-07-01T20:00:00Z", "2022-07-01T13:00:00-07:00", "2022-07-01T21:00:00+01:00",
		"2022-07-01 20:00:00+00:00", "2022-07-01 13:00:00-07:00", "2022-07-01 20:00Z", "2022-07-01T20:00+00:00",
		"2022-07-01 13:00:00", "2022-07-01T13:00:00", "2022-07-01 13:00", "2022-07-01T13:00",
		"2022-07-01T20:00:00.000Z",
	} {
		sr := read(t, "time,value\n"+s+",1\n", ReadOptions{Location: mst})
		if !sr.Times[0].Equal(want) {
			t.Errorf("%s read as %v, want %v", s, sr.Times[0], want)
		}
	}
}

// The zone of a parsed time must not depend on the machine's local zone.
func TestZoneIndependentOfLocal(t *testing.T) {
	saved := time.Local
	defer func() { time.Local = saved }()
	time.Local = mst
	s := read(t, "time,value\n2022-01-01 00:00:00-07:00,1\n", ReadOptions{})
	if s.Times[0].Location() == time.Local {
		t.Errorf("time read in time.Local; want a zone made from the offset")
	}
	if _, off := s.Times[0].Zone(); off != -7*3600 {
		t.Errorf("offset %d s, want -25200", off)
	}
}

func TestReadUntimed(t *testing.T) {
	for _, c := range []struct {
		name, text, column string
		opt                ReadOptions
		want               []float64
		lines              []int
	}{
		{"pandas index from 0", ",cpu_load\n0,0.47\n1,0.54\n2,0.5\n", "cpu_load", ReadOptions{},
			[]float64{0.47, 0.54, 0.5}, []int{2, 3, 4}},
		{"index from 1", ",cpu_load\n1,0.38\n2,0.43\n", "cpu_load", ReadOptions{Min: 0, Max: 1},
			[]float64{0.38, 0.43}, []int{2, 3}},
		{"named index", "Index,load\n5,1\n6,2\n", "load", ReadOptions{}, []float64{1, 2}, []int{2, 3}},
		{"single column", "price\n10\n\n20\n", "price", ReadOptions{}, []float64{10, 20}, []int{2, 4}},
		{"picked column", "a,b\n1,2\n3,4\n", "b", ReadOptions{ValueColumn: "B"}, []float64{2, 4}, []int{2, 3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := read(t, c.text, c.opt)
			if s.Timed() || s.Column != c.column || len(s.Values) != len(c.want) {
				t.Fatalf("timed %v, column %q, %d values; want untimed %q with %d", s.Timed(), s.Column,
					len(s.Values), c.column, len(c.want))
			}
			for i, v := range c.want {
				within(t, fmt.Sprintf("Values[%d]", i), s.Values[i], v, 0)
				if s.Lines[i] != c.lines[i] {
					t.Errorf("Lines[%d] = %d, want %d", i, s.Lines[i], c.lines[i])
				}
			}
		})
	}
}

// Sub-hourly input averages to the mean of each hour: the energy of the hour
// is kept (a 5-min ramp 0..11 averages to 5.5).
func TestSubHourlyKeepsHourMean(t *testing.T) {
	for _, minutes := range []int{1, 5, 10, 15, 20, 30} {
		var b strings.Builder
		b.WriteString("time,value\n")
		k := 60 / minutes
		start := time.Date(2022, 3, 1, 0, 0, 0, 0, utc)
		for i := range 3 * k {
			fmt.Fprintf(&b, "%s,%d\n", start.Add(time.Duration(i*minutes)*time.Minute).Format(time.RFC3339), i%k)
		}
		s := read(t, b.String(), ReadOptions{})
		if len(s.Values) != 3 {
			t.Fatalf("%d min: %d hours, want 3", minutes, len(s.Values))
		}
		for h, v := range s.Values {
			within(t, fmt.Sprintf("%d min hour %d", minutes, h), v, float64(k-1)/2, 1e-12)
			if s.Lines[h] != 2+h*k {
				t.Errorf("%d min: Lines[%d] = %d, want %d", minutes, h, s.Lines[h], 2+h*k)
			}
		}
	}
}

// Missing values within MaxFill lie on the straight line between their
// neighbours, before sub-hourly rows are averaged.
func TestFillMissing(t *testing.T) {
	for _, c := range []struct {
		name   string
		text   string
		opt    ReadOptions
		want   []float64
		filled []int
	}{
		{"hourly run of 2", "time,value\n2022-01-01 00:00,1\n2022-01-01 01:00,\n2022-01-01 02:00, \n2022-01-01 03:00,4\n",
			ReadOptions{MaxFill: 2, Min: 1, Max: 4}, []float64{1, 2, 3, 4}, []int{3, 4}},
		{"two runs", "time,value\n2022-01-01 00:00,1\n2022-01-01 01:00,\n2022-01-01 02:00,5\n2022-01-01 03:00,\n2022-01-01 04:00,3\n",
			ReadOptions{MaxFill: 1}, []float64{1, 3, 5, 4, 3}, []int{3, 5}},
		{"EIA-930 row", "timestamp,WND,avg_CI\n2022-01-05 09:00:00+00:00,1,290\n2022-01-05 10:00:00+00:00,,\n2022-01-05 11:00:00+00:00,2,296\n",
			ReadOptions{ValueColumn: "avg_CI", MaxFill: 24}, []float64{290, 293, 296}, []int{3}},
		{"15 min", "time,value\n2022-01-01 00:00,0\n2022-01-01 00:15,\n2022-01-01 00:30,4\n2022-01-01 00:45,6\n",
			ReadOptions{MaxFill: 1}, []float64{3}, []int{3}},
		{"untimed", ",cpu_load\n0,0.2\n1,\n2,0.4\n", ReadOptions{MaxFill: 1}, []float64{0.2, 0.3, 0.4}, []int{3}},
		{"nothing missing", ",cpu_load\n0,0.2\n", ReadOptions{MaxFill: 1}, []float64{0.2}, nil},
	} {
		s := read(t, c.text, c.opt)
		if len(s.Values) != len(c.want) || fmt.Sprint(s.Filled) != fmt.Sprint(c.filled) {
			t.Fatalf("%s: %v filled at lines %v; want %v at %v", c.name, s.Values, s.Filled, c.want, c.filled)
		}
		for i, v := range c.want {
			within(t, fmt.Sprintf("%s: Values[%d]", c.name, i), s.Values[i], v, 1e-12)
		}
	}
}

// Round trip: a year written hourly, in every layout, reads back exactly.
func TestRoundTripYear(t *testing.T) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, mst)
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05-07:00", "2006-01-02 15:04"} {
		s := read(t, hourlyCSV(start, layout, 8784, 0.25), ReadOptions{Location: mst})
		if len(s.Values) != 8784 {
			t.Fatalf("%s: %d values, want 8784", layout, len(s.Values))
		}
		for i, v := range s.Values {
			if v != float64(i)+0.25 || !s.Times[i].Equal(start.Add(time.Duration(i)*time.Hour)) || s.Lines[i] != i+2 {
				t.Fatalf("%s: hour %d = %v at %v line %d", layout, i, v, s.Times[i], s.Lines[i])
			}
		}
	}
}

// errorCase is a file that must be rejected with an error of kind at line
// (0: not about one line) and field (0: not about one field).
type errorCase struct {
	name  string
	text  string
	opt   ReadOptions
	kind  error
	line  int
	field int
}

func hours(from int, layout string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s,%d\n", time.Date(2022, 1, 1, from+i, 0, 0, 0, utc).Format(layout), i)
	}
	return b.String()
}

var newYork, _ = time.LoadLocation("America/New_York")

var errorCases = []errorCase{
	{"empty", "", ReadOptions{}, ErrFormat, 0, 0},
	{"only comments", "# nothing\n\n", ReadOptions{}, ErrFormat, 0, 0},
	{"header only", "time,value\n", ReadOptions{}, ErrFormat, 0, 0},
	{"no header", "2022-01-01 00:00,1\n", ReadOptions{}, ErrFormat, 1, 0},
	{"numeric header", "0,0.47\n1,0.5\n", ReadOptions{}, ErrFormat, 1, 0},
	{"no value column", "# c\ntime\n2022-01-01 00:00\n", ReadOptions{}, ErrFormat, 2, 0},
	{"several value columns", "timestamp,WND,avg_CI\n2022-01-01 00:00,1,2\n", ReadOptions{}, ErrFormat, 1, 0},
	{"unknown value column", "time,value\n2022-01-01 00:00,1\n", ReadOptions{ValueColumn: "avg_CI"}, ErrFormat, 1, 0},
	{"value column is time", "time,value\n2022-01-01 00:00,1\n", ReadOptions{ValueColumn: "time"}, ErrFormat, 1, 0},
	{"value column twice", "time,ci,CI\n2022-01-01 00:00,1,2\n", ReadOptions{ValueColumn: "ci"}, ErrFormat, 1, 0},
	{"two time columns", "time,timestamp,value\n", ReadOptions{}, ErrFormat, 1, 0},
	{"short row", "time,value\n2022-01-01 00:00,1\n2022-01-01 01:00\n", ReadOptions{}, ErrFormat, 3, 0},
	{"long row", "time,value\n2022-01-01 00:00,1,\n", ReadOptions{}, ErrFormat, 2, 0},
	{"missing value", "time,value\n2022-01-01 00:00,1\n2022-01-01 01:00, \n", ReadOptions{}, ErrFormat, 3, 2},
	{"text value", "time,value\n2022-01-01 00:00,abc\n", ReadOptions{}, ErrFormat, 2, 2},
	{"comma decimal", "time,value\n2022-01-01 00:00,\"1,5\"\n", ReadOptions{}, ErrFormat, 2, 2},
	{"NaN value", "time,value\n2022-01-01 00:00,NaN\n", ReadOptions{}, ErrFormat, 2, 2},
	{"Inf value", "time,value\n2022-01-01 00:00,-Inf\n", ReadOptions{}, ErrFormat, 2, 2},
	{"huge value", "time,value\n2022-01-01 00:00,1e400\n", ReadOptions{}, ErrFormat, 2, 2},
	{"above Max", "timestamp,WND,avg_CI\n" + "2022-01-01 00:00,1,500\n2022-01-01 01:00,1,1200.5\n",
		ReadOptions{ValueColumn: "avg_CI", Max: 1000, Unit: "gCO2/kWh"}, ErrRange, 3, 3},
	{"below Min", ",cpu_load\n0,-0.01\n", ReadOptions{Min: 0, Max: 1}, ErrRange, 2, 2},
	{"missing time", "time,value\n,1\n", ReadOptions{}, ErrFormat, 2, 1},
	{"bad time", "time,value\n2022-13-01 00:00,1\n", ReadOptions{}, ErrFormat, 2, 1},
	{"date only", "time,value\n2022-01-01,1\n", ReadOptions{}, ErrFormat, 2, 1},
	{"repeat", "time,value\n" + hours(1, "2006-01-02 15:04", 23) + "2022-01-01 23:00,9\n", ReadOptions{}, ErrFormat, 25, 0},
	{"repeat first", "time,value\n" + hours(0, time.RFC3339, 1) + hours(0, time.RFC3339, 1), ReadOptions{}, ErrFormat, 3, 0},
	{"backwards", "time,value\n" + hours(5, time.RFC3339, 3) + hours(0, time.RFC3339, 1), ReadOptions{}, ErrFormat, 5, 0},
	{"gap", "time,value\n" + hours(0, time.RFC3339, 3) + hours(6, time.RFC3339, 1), ReadOptions{}, ErrFormat, 5, 0},
	{"gap first", "time,value\n" + hours(0, time.RFC3339, 1) + hours(3, time.RFC3339, 1), ReadOptions{}, ErrFormat, 3, 0},
	{"gap sub-hourly", "time,value\n2022-01-01 00:00,1\n2022-01-01 00:15,1\n2022-01-01 00:45,1\n", ReadOptions{}, ErrFormat, 4, 0},
	{"interval change", "time,value\n2022-01-01 00:00,1\n2022-01-01 00:15,1\n2022-01-01 00:25,1\n", ReadOptions{}, ErrFormat, 4, 0},
	{"interval change hourly", "time,value\n" + hours(0, time.RFC3339, 2) + "2022-01-01T01:30:00Z,1\n", ReadOptions{}, ErrFormat, 4, 0},
	{"interval 7 min", "time,value\n2022-01-01 00:00,1\n2022-01-01 00:07,1\n", ReadOptions{}, ErrFormat, 3, 0},
	{"interval 90 min", "time,value\n2022-01-01 00:00,1\n2022-01-01 01:30,1\n", ReadOptions{}, ErrFormat, 3, 0},
	{"daily", "time,value\n2022-01-01 00:00,1\n2022-01-02 00:00,1\n", ReadOptions{}, ErrFormat, 3, 0},
	{"hourly off the hour", "time,value\n2022-01-01 00:30,1\n2022-01-01 01:30,1\n", ReadOptions{}, ErrFormat, 2, 0},
	{"sub-hourly inside hour", "time,value\n2022-01-01 00:30,1\n2022-01-01 00:45,1\n2022-01-01 01:00,1\n", ReadOptions{}, ErrFormat, 2, 0},
	{"partial last hour", "time,value\n2022-01-01 00:00,1\n2022-01-01 00:15,1\n2022-01-01 00:30,1\n2022-01-01 00:45,1\n" +
		"2022-01-01 01:00,1\n2022-01-01 01:15,1\n", ReadOptions{}, ErrFormat, 7, 0},
	{"index not integer", ",cpu_load\n0,0.5\n1.0,0.5\n", ReadOptions{}, ErrFormat, 3, 1},
	{"index skips", ",cpu_load\n0,0.5\n1,0.5\n3,0.5\n", ReadOptions{}, ErrFormat, 4, 1},
	{"unnamed time column gap", ",value\n2022-01-01 00:00,1\n2022-01-01 02:00,1\n", ReadOptions{}, ErrFormat, 3, 0},
	{"unnamed time column, bad time", ",value\n2022-01-01 00:00,1\nx,1\n", ReadOptions{}, ErrFormat, 3, 1},
	{"index repeats", ",cpu_load\n0,0.5\n0,0.5\n", ReadOptions{}, ErrFormat, 3, 1},
	{"bare quote", "time,value\n2022-01-01 00:00,1\"2\n", ReadOptions{}, ErrFormat, 2, 0},
	{"open quote", "time,value\n2022-01-01 00:00,\"1\n", ReadOptions{}, ErrFormat, 2, 0},
	{"missing run too long", "time,value\n2022-01-01 00:00,1\n2022-01-01 01:00,\n2022-01-01 02:00,\n2022-01-01 03:00,4\n",
		ReadOptions{MaxFill: 1}, ErrFormat, 3, 2},
	{"missing first", ",load\n0,\n1,0.5\n", ReadOptions{MaxFill: 3}, ErrFormat, 2, 2},
	{"missing last", ",load\n0,0.5\n1,\n", ReadOptions{MaxFill: 3}, ErrFormat, 3, 2},
	{"missing with bad time later", "time,value\n2022-01-01 00:00,1\n2022-01-01 01:00,\n2022-01-01 01:00,3\n",
		ReadOptions{MaxFill: 3}, ErrFormat, 4, 0},
	{"negative MaxFill", "time,value\n", ReadOptions{MaxFill: -1}, ErrInvalid, 0, 0},
	{"daylight-time location", "time,value\n2022-01-01 00:00,1\n", ReadOptions{Location: newYork}, ErrInvalid, 0, 0},
	{"Min above Max", "time,value\n", ReadOptions{Min: 2, Max: 1}, ErrInvalid, 0, 0},
	{"NaN Max", "time,value\n", ReadOptions{Max: math.NaN()}, ErrInvalid, 0, 0},
}

// TestReadErrors checks kind, line and field of each rejection here and
// the full messages against testdata/errors.golden (go test -update
// rewrites it; read the diff).
func TestReadErrors(t *testing.T) {
	var golden strings.Builder
	for _, c := range errorCases {
		s, err := ReadCSV(strings.NewReader(c.text), "grid.csv", c.opt)
		if err == nil {
			t.Errorf("%s: accepted, %d values; want an error", c.name, len(s.Values))
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: error %T %v is not an *Error", c.name, err, err)
			continue
		}
		if !errors.Is(err, c.kind) || e.Name != "grid.csv" || e.Line != c.line || e.Field != c.field {
			t.Errorf("%s: %v\n  kind %v name %q line %d field %d; want %v %q %d %d", c.name, err,
				e.Kind, e.Name, e.Line, e.Field, c.kind, "grid.csv", c.line, c.field)
		}
		fmt.Fprintf(&golden, "%s\n\t%v\n", c.name, err)
	}
	checkGolden(t, filepath.Join("testdata", "errors.golden"), golden.String())
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got  %s\n want %s\n(go test -update rewrites it)", path, i+1, g, w)
			}
		}
	}
}

// The messages the project promises word for word.
func TestReadErrorMessages(t *testing.T) {
	for _, c := range []struct {
		text string
		opt  ReadOptions
		want string
	}{
		{"time,value\n" + hours(1, "2006-01-02 15:04", 23) + "2022-01-01 23:00,9\n", ReadOptions{},
			"grid.csv:25: 2022-01-01 23:00 repeats line 24"},
		{"time,value\n2022-01-01 00:00,abc\n", ReadOptions{},
			`grid.csv:2: field 2 (value): "abc" is not a number`},
		{"time,value\n2022-01-01 00:00,\n", ReadOptions{},
			`grid.csv:2: field 2 (value): missing value; expected a number`},
		{"timestamp,WND,avg_CI\n2022-01-01 00:00,1,1200.5\n", ReadOptions{ValueColumn: "avg_CI", Max: 1000, Unit: "gCO2/kWh"},
			"grid.csv:2: field 3 (avg_CI): 1200.5 gCO2/kWh is outside the accepted range 0 gCO2/kWh to 1000 gCO2/kWh"},
		{"time,value\n" + hours(0, time.RFC3339, 3) + hours(6, time.RFC3339, 1), ReadOptions{},
			"grid.csv:5: 2022-01-01 06:00 follows 2022-01-01 02:00 (line 4); expected 2022-01-01 03:00: 3 values missing (rows 1 h apart)"},
	} {
		_, err := ReadCSV(strings.NewReader(c.text), "grid.csv", c.opt)
		if err == nil || err.Error() != c.want {
			t.Errorf("error %v\nwant %s", err, c.want)
		}
	}
}

func TestLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ci.csv")
	if err := os.WriteFile(path, []byte("time,ci\n2022-01-01T00:00:00Z,400\n2022-01-01T01:00:00Z,410\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path, ReadOptions{})
	if err != nil || s.Name != path || s.Column != "ci" || len(s.Values) != 2 || s.Values[1] != 410 {
		t.Fatalf("Load = %+v, %v", s, err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "absent.csv"), ReadOptions{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load of a missing file: %v, want os.ErrNotExist", err)
	}
	os.WriteFile(path, []byte("time,ci\n2022-01-01T00:00:00Z,x\n"), 0o644)
	if _, err := Load(path, ReadOptions{}); err == nil || !strings.HasPrefix(err.Error(), path+":2: ") {
		t.Errorf("Load error %v does not start with %s:2:", err, path)
	}
}

// FuzzReadCSV: no input makes ReadCSV panic; an accepted series satisfies
// the invariants and its Hourly view returns it unchanged; a rejection is
// an *Error naming the file.
func FuzzReadCSV(f *testing.F) {
	for _, seed := range []string{
		"time,value\n2022-01-01T00:00:00Z,1\n2022-01-01T01:00:00Z,2\n",
		"timestamp,WND,avg_CI\n2022-01-01 00:00:00+00:00,149,631.66\n2022-01-01 01:00:00+00:00,137,625.87\n",
		",cpu_load\n0,0.47\n1,0.54\n",
		"time,value\n2022-01-01 00:00,1\n2022-01-01 00:15,2\n2022-01-01 00:30,3\n2022-01-01 00:45,4\n",
		"\uFEFF# c\r\ntime,value\r\n2022-01-01 00:00,\"1\"\r\n,\r\n",
		"price\r10\r20\r",
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	f.Fuzz(func(t *testing.T, text string, checkRange bool) {
		opt := ReadOptions{Location: mst}
		if checkRange {
			opt.Min, opt.Max, opt.MaxFill = 0, 1000, 2
		}
		s, err := ReadCSV(strings.NewReader(text), "fuzz.csv", opt)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Name != "fuzz.csv" || e.Kind == nil || e.Line < 0 ||
				!strings.HasPrefix(err.Error(), "fuzz.csv") {
				t.Fatalf("error %T %q is not a well-formed *Error", err, err)
			}
			return
		}
		checkInvariants(t, s, opt)
	})
}

func checkInvariants(t *testing.T, s *Series, opt ReadOptions) {
	t.Helper()
	n := len(s.Values)
	if n == 0 || len(s.Lines) != n || (s.Times != nil && len(s.Times) != n) {
		t.Fatalf("%d values, %d lines, %d times", n, len(s.Lines), len(s.Times))
	}
	if len(s.Filled) > 0 && opt.MaxFill == 0 {
		t.Fatalf("lines %v filled with MaxFill 0", s.Filled)
	}
	for i, v := range s.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) || ((opt.Min != 0 || opt.Max != 0) && (v < opt.Min || v > opt.Max)) {
			t.Fatalf("value %d = %g", i, v)
		}
		if s.Lines[i] < 2 || (i > 0 && s.Lines[i] <= s.Lines[i-1]) {
			t.Fatalf("line %d = %d after %v", i, s.Lines[i], s.Lines[:i])
		}
		if s.Times != nil && i > 0 && s.Times[i].Sub(s.Times[i-1]) != time.Hour {
			t.Fatalf("time %d = %v after %v", i, s.Times[i], s.Times[i-1])
		}
	}
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, utc)
	if s.Timed() {
		start = s.Times[0].In(utc)
		if start.Minute() != 0 || start.Second() != 0 || start.Nanosecond() != 0 {
			return // a whole hour of a zone with a fractional offset
		}
	}
	got, err := s.Hourly(start, n, false)
	if err != nil {
		t.Fatalf("Hourly over the series itself: %v", err)
	}
	for i := range got {
		if got[i] != s.Values[i] {
			t.Fatalf("Hourly[%d] = %g, want %g", i, got[i], s.Values[i])
		}
	}
}
