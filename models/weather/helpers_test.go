package weather

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dctwin/dctwin/models/psychro"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// within fails the test when got is not within tol of want.
func within(t testing.TB, name string, got, want, tol float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > tol {
		t.Errorf("%s = %.6g, want %.6g ± %g", name, got, want, tol)
	}
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
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
		t.Errorf("output differs from %s (run go test -update after checking):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// epwOptions describe a synthetic EPW file for tests.
type epwOptions struct {
	lineEnd     string   // between lines; default CRLF
	bom         bool     // UTF-8 byte-order mark
	headers     []string // header lines; nil: defaultHeaders(perHour)
	leap        bool     // include Feb 29
	perHour     int      // records per hour; default 1
	hour0       bool     // number hours 0..23 (hour-beginning)
	minute60    bool     // minute field 60 rather than 0 in hourly records
	extra       string   // appended to every record, e.g. ",,x"
	yearByMonth bool     // year field varying by month, as in TMY files
	trailing    string   // appended after the last line
	// edit may change the fields of the record of chronological hour k (and
	// sub-record j); returning false drops the record.
	edit func(k, j int, f []string) bool
}

func defaultHeaders(perHour int) []string {
	return []string{
		"LOCATION,Testville,TS,TST,SYN,999999,40.00,-75.00,-5.0,100.0",
		"DESIGN CONDITIONS,0",
		"TYPICAL/EXTREME PERIODS,0",
		"GROUND TEMPERATURES,0",
		"HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0",
		`COMMENTS 1,"synthetic test file, with a comma"`,
		"COMMENTS 2,",
		fmt.Sprintf("DATA PERIODS,1,%d,Data,Sunday, 1/ 1,12/31", perHour),
	}
}

// testValues returns the values written for chronological hour k (0-based,
// Feb 29 counted when present): dry bulb, dew point, RH, pressure, GHI, DNI,
// DHI, wind. They are rounded as the file writes them.
func testValues(k int) [nValues]float64 {
	h := k%24 + 1
	season := math.Sin(2 * math.Pi * float64(k) / 8760)
	db := round(12+12*season+5*math.Sin(2*math.Pi*float64(h-9)/24), 1)
	dp := round(db-4-3*math.Cos(2*math.Pi*float64(k)/97), 1)
	p := round(100000+600*math.Sin(2*math.Pi*float64(k)/131), 0)
	rh := round(100*psychro.RelHumFromVapPres(db, psychro.VapPresFromTDewPoint(dp)), 0)
	sun := math.Max(0, math.Sin(math.Pi*float64(h-6)/12))
	return [nValues]float64{db, dp, rh, p, round(700*sun, 0), round(600*sun, 0), round(150*sun, 0), round(3+2*math.Sin(float64(k)/7), 1)}
}

func round(x float64, digits int) float64 {
	s := math.Pow(10, float64(digits))
	return math.Round(x*s) / s
}

// subOffset is the departure of sub-record j of n from the hour's value; the
// offsets sum to zero, so the hourly mean is the hour's value.
func subOffset(j, n int) float64 { return 0.4 * (float64(j) - float64(n-1)/2) }

// epwText writes a synthetic EPW file.
func epwText(o epwOptions) string {
	if o.lineEnd == "" {
		o.lineEnd = "\r\n"
	}
	if o.perHour == 0 {
		o.perHour = 1
	}
	headers := o.headers
	if headers == nil {
		headers = defaultHeaders(o.perHour)
	}
	var b strings.Builder
	if o.bom {
		b.WriteString("\uFEFF")
	}
	for _, h := range headers {
		b.WriteString(h + o.lineEnd)
	}
	k := 0
	for m := 1; m <= 12; m++ {
		for d := 1; d <= daysInMonth(m, o.leap); d++ {
			for h := 1; h <= 24; h++ {
				for j := 0; j < o.perHour; j++ {
					if rec, ok := epwRecord(o, k, j, m, d, h); ok {
						b.WriteString(rec + o.lineEnd)
					}
				}
				k++
			}
		}
	}
	b.WriteString(o.trailing)
	return b.String()
}

func epwRecord(o epwOptions, k, j, m, d, h int) (string, bool) {
	v := testValues(k)
	off := 0.0
	if o.perHour > 1 {
		off = subOffset(j, o.perHour)
	}
	year := 1999
	if o.yearByMonth {
		year = 1980 + m
	}
	hour, minute := h, 0
	switch {
	case o.perHour > 1:
		minute = (j + 1) * 60 / o.perHour
	case o.minute60:
		minute = 60
	}
	if o.hour0 {
		hour = h - 1
	}
	f := []string{
		fmt.Sprint(year), fmt.Sprint(m), fmt.Sprint(d), fmt.Sprint(hour), fmt.Sprint(minute),
		"?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9",
		fmt.Sprintf("%.1f", v[vDryBulb]+off), fmt.Sprintf("%.1f", v[vDewPoint]+off),
		fmt.Sprintf("%.0f", v[vRelHum]), fmt.Sprintf("%.0f", v[vPressure]),
		"0", "0", "300",
		fmt.Sprintf("%.0f", v[vGlobalHoriz]), fmt.Sprintf("%.0f", v[vDirectNormal]), fmt.Sprintf("%.0f", v[vDiffuseHoriz]),
		"0", "0", "0", "0", "180",
		fmt.Sprintf("%.1f", v[vWindSpeed]+off),
		"5", "5", "16.0", "77777", "9", "999999999", "150", "0.0470", "0", "88", "0.200", "0.0", "1.0",
	}
	if o.edit != nil && !o.edit(k, j, f) {
		return "", false
	}
	return strings.Join(f, ",") + o.extra, true
}

// readTestEPW reads a synthetic EPW file, failing the test on error.
func readTestEPW(t testing.TB, o epwOptions) *Year {
	t.Helper()
	y, err := ReadEPW(strings.NewReader(epwText(o)), "test.epw")
	if err != nil {
		t.Fatalf("ReadEPW: %v", err)
	}
	return y
}

// checkYear asserts the invariants of any Year: 8760 hours, finite values
// within physical limits, dew point ≤ wet bulb ≤ dry bulb, RH in 0..100.
func checkYear(t testing.TB, y *Year) {
	t.Helper()
	if len(y.Hours) != HoursPerYear || (len(y.LeapDay) != 0 && len(y.LeapDay) != 24) {
		t.Fatalf("year has %d hours and %d leap-day hours", len(y.Hours), len(y.LeapDay))
	}
	for i, c := range append(append([]Conditions(nil), y.Hours...), y.LeapDay...) {
		vals := []float64{c.DryBulbC, c.WetBulbC, c.DewPointC, c.RelHumPct, c.HumRatio, c.EnthalpyJPerKg,
			c.PressurePa, c.GlobalHorizWm2, c.DirectNormalWm2, c.DiffuseHorizWm2, c.WindSpeedMS}
		for _, v := range vals {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("hour %d: non-finite value in %+v", i, c)
			}
		}
		ok := c.DryBulbC >= -70 && c.DryBulbC <= 70 &&
			c.DewPointC <= c.DryBulbC && c.WetBulbC >= c.DewPointC-0.01 && c.WetBulbC <= c.DryBulbC+0.01 &&
			c.RelHumPct >= 0 && c.RelHumPct <= 100 && c.HumRatio > 0 && c.PressurePa > 0 &&
			c.GlobalHorizWm2 >= 0 && c.DirectNormalWm2 >= 0 && c.DiffuseHorizWm2 >= 0 &&
			c.WindSpeedMS >= 0 && c.WindSpeedMS <= 40
		if !ok {
			t.Fatalf("hour %d: implausible state %+v", i, c)
		}
	}
}

// timeIn returns the name and offset of a zone at an arbitrary instant.
func timeIn(loc *time.Location) (string, int) {
	return time.Date(2024, 6, 1, 0, 0, 0, 0, loc).Zone()
}
