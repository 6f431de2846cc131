package weather

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/dctwin/dctwin/models/psychro"
)

// chronoIndex returns the chronological hour (counting Feb 29 when leap) of
// Hours[i].
func chronoIndex(i int, leap bool) int {
	if leap && i >= feb29Hour {
		return i + 24
	}
	return i
}

// assertValues checks every hour of y against the values the builder wrote.
func assertValues(t *testing.T, y *Year, leap bool) {
	t.Helper()
	for i, c := range y.Hours {
		want := testValues(chronoIndex(i, leap))
		got := [nValues]float64{c.DryBulbC, c.DewPointC, math.NaN(), c.PressurePa, c.GlobalHorizWm2, c.DirectNormalWm2, c.DiffuseHorizWm2, c.WindSpeedMS}
		for k, g := range got {
			if k == vRelHum {
				continue
			}
			if math.Abs(g-want[k]) > 1e-9 {
				t.Fatalf("hour %d %s = %v, want %v", i, epwFields()[k].name, g, want[k])
			}
		}
	}
}

func TestReadEPWVariants(t *testing.T) {
	crThenLF := func(o epwOptions) string {
		// Mixed line ends: CR for odd lines, LF for even ones, CRLF elsewhere.
		text := epwText(o)
		lines := strings.Split(text, "\r\n")
		var b strings.Builder
		for i, l := range lines {
			b.WriteString(l)
			if i < len(lines)-1 {
				b.WriteString([]string{"\r", "\n", "\r\n"}[i%3])
			}
		}
		return b.String()
	}
	for _, c := range []struct {
		name     string
		opts     epwOptions
		text     func(epwOptions) string // nil: epwText
		leap     bool
		warnings []string // substrings expected in the warnings, in order
	}{
		{name: "CRLF", opts: epwOptions{}},
		{name: "LF", opts: epwOptions{lineEnd: "\n"}},
		{name: "CR", opts: epwOptions{lineEnd: "\r"}},
		{name: "mixed line ends", text: crThenLF},
		{name: "BOM", opts: epwOptions{bom: true}},
		{name: "trailing blank lines", opts: epwOptions{trailing: "\r\n\r\n  \r\n"}},
		{name: "extra fields and trailing comma", opts: epwOptions{extra: ",,extra,"}},
		{name: "minute 60", opts: epwOptions{minute60: true}},
		{name: "year varies by month", opts: epwOptions{yearByMonth: true}},
		{name: "lower-case keywords", opts: epwOptions{headers: lowerHeaders()}},
		{name: "no DATA PERIODS", opts: epwOptions{headers: defaultHeaders(1)[:7]}},
		{name: "no headers", opts: epwOptions{headers: []string{}}, warnings: []string{"no LOCATION header"}},
		{name: "unknown header line", opts: epwOptions{headers: append([]string{"WEATHER FROM SOMEWHERE"}, defaultHeaders(1)...)},
			warnings: []string{"1 unrecognised header line(s) ignored (first at line 1)"}},
		{name: "leap day", opts: epwOptions{leap: true}, leap: true},
		{name: "hours 0..23", opts: epwOptions{hour0: true}, warnings: []string{"hours are numbered 0..23"}},
		{name: "4 records per hour", opts: epwOptions{perHour: 4}, warnings: []string{"4 records per hour averaged"}},
		{name: "sub-hourly without DATA PERIODS", opts: epwOptions{perHour: 2, headers: defaultHeaders(1)[:7]},
			warnings: []string{"2 records per hour averaged"}},
		{name: "DATA PERIODS says 4, file is hourly", opts: epwOptions{headers: defaultHeaders(4)},
			warnings: []string{"DATA PERIODS gives 4 records per hour; the file has 1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := epwText(c.opts)
			if c.text != nil {
				text = c.text(c.opts)
			}
			y, err := ReadEPW(strings.NewReader(text), "test.epw")
			if err != nil {
				t.Fatal(err)
			}
			checkYear(t, y)
			if (y.LeapDay != nil) != c.leap {
				t.Errorf("LeapDay present = %v, want %v", y.LeapDay != nil, c.leap)
			}
			assertValues(t, y, c.leap)
			if c.leap {
				for h, l := range y.LeapDay {
					within(t, "leap-day dry bulb", l.DryBulbC, testValues(feb29Hour + h)[vDryBulb], 1e-9)
				}
			}
			if len(y.Warnings) != len(c.warnings) {
				t.Fatalf("warnings %q, want %d", y.Warnings, len(c.warnings))
			}
			for i, w := range c.warnings {
				if !strings.Contains(y.Warnings[i], w) {
					t.Errorf("warning %q does not contain %q", y.Warnings[i], w)
				}
			}
		})
	}
}

func lowerHeaders() []string {
	var hs []string
	for _, h := range defaultHeaders(1) {
		kw, rest, _ := strings.Cut(h, ",")
		hs = append(hs, strings.ToLower(kw)+","+rest)
	}
	return hs
}

func TestReadEPWLocation(t *testing.T) {
	// "Mannheim-Käfertal" in Latin-1, as old EPW files have it.
	latin1 := "LOCATION,Mannheim-K\xe4fertal,BW,DEU,TRY,107290,49.52,8.55,1.0,96.0"
	o := epwOptions{headers: append([]string{latin1}, defaultHeaders(1)[1:]...)}
	y := readTestEPW(t, o)
	want := Location{Name: "Mannheim-Käfertal", Region: "BW", Country: "DEU", Source: "TRY", WMO: "107290",
		LatitudeDeg: 49.52, LongitudeDeg: 8.55, TimeZoneH: 1, ElevationM: 96}
	if y.Location != want {
		t.Errorf("Location = %+v, want %+v", y.Location, want)
	}
	if y.Source != "EPW file test.epw (TRY)" {
		t.Errorf("Source = %q", y.Source)
	}
	if got := y.Location.StandardTime().String(); got != "UTC+01:00" {
		t.Errorf("StandardTime = %s, want UTC+01:00", got)
	}
}

func TestStandardTime(t *testing.T) {
	for _, c := range []struct {
		tz      float64
		name    string
		offsetS int
	}{{-7, "UTC-07:00", -7 * 3600}, {5.5, "UTC+05:30", 19800}, {0, "UTC+00:00", 0}, {-3.5, "UTC-03:30", -12600}} {
		loc := Location{TimeZoneH: c.tz}.StandardTime()
		name, off := timeIn(loc)
		if name != c.name || off != c.offsetS {
			t.Errorf("tz %g: zone %s %d, want %s %d", c.tz, name, off, c.name, c.offsetS)
		}
	}
}

// The wet bulb of every hour is the psychrometric one for its dry bulb, dew
// point and station pressure, and the enthalpy and RH follow from the humidity
// ratio (ASHRAE Fundamentals 2017 ch. 1 eqs. 30 and 12).
func TestReadEPWPsychrometrics(t *testing.T) {
	y := readTestEPW(t, epwOptions{})
	for i, c := range y.Hours {
		wb := psychro.TWetBulbFromTDewPoint(c.DryBulbC, c.DewPointC, c.PressurePa)
		within(t, fmt.Sprintf("hour %d wet bulb", i), c.WetBulbC, wb, 0.1)
		within(t, "enthalpy", c.EnthalpyJPerKg, 1000*(1.006*c.DryBulbC+c.HumRatio*(2501+1.86*c.DryBulbC)), 1e-6)
		within(t, "RH", c.RelHumPct, 100*psychro.RelHumFromHumRatio(c.DryBulbC, c.HumRatio, c.PressurePa), 1e-9)
		// The file's RH column was written from the same state, rounded.
		within(t, "RH vs file", c.RelHumPct, testValues(i)[vRelHum], 0.51)
		if t.Failed() {
			t.FailNow()
		}
	}
}

// missingAt returns an edit that writes the missing-value marker of field k
// in the chronological hours [from, to).
func missingAt(k, from, to int) func(int, int, []string) bool {
	marker := map[int]string{vDryBulb: "99.9", vDewPoint: "99.9", vRelHum: "999", vPressure: "999999",
		vGlobalHoriz: "9999", vDirectNormal: "9999", vDiffuseHoriz: "9999", vWindSpeed: "999"}[k]
	return func(h, _ int, f []string) bool {
		if h >= from && h < to {
			f[epwFields()[k].number-1] = marker
		}
		return true
	}
}

func TestReadEPWFillsGaps(t *testing.T) {
	for _, c := range []struct {
		field    int
		from, to int
	}{{vDryBulb, 100, 105}, {vDewPoint, 2000, 2024}, {vWindSpeed, 0, 3}, {vPressure, 8750, 8760}, {vGlobalHoriz, 4000, 4010}} {
		name := epwFields()[c.field].name
		t.Run(name, func(t *testing.T) {
			edit := missingAt(c.field, c.from, c.to)
			if c.field == vDewPoint {
				// Without RH the dew point cannot be derived and is interpolated.
				rh := missingAt(vRelHum, c.from, c.to)
				edit = func(k, j int, f []string) bool { return missingAt(vDewPoint, c.from, c.to)(k, j, f) && rh(k, j, f) }
			}
			y := readTestEPW(t, epwOptions{edit: edit})
			checkYear(t, y)
			field := func(i int) float64 {
				x := y.Hours[(i+HoursPerYear)%HoursPerYear]
				return [nValues]float64{x.DryBulbC, x.DewPointC, x.RelHumPct, x.PressurePa, x.GlobalHorizWm2, x.DirectNormalWm2, x.DiffuseHorizWm2, x.WindSpeedMS}[c.field]
			}
			// Linear in time between the neighbours, across the year's end.
			before, after := testValues((c.from + HoursPerYear - 1) % HoursPerYear)[c.field], testValues(c.to % HoursPerYear)[c.field]
			n := c.to - c.from + 1
			for i := c.from; i < c.to; i++ {
				f := float64(i-c.from+1) / float64(n)
				want := (1-f)*before + f*after
				if c.field == vDewPoint {
					want = math.Min(want, y.Hours[i].DryBulbC) // capped at saturation
				}
				within(t, fmt.Sprintf("%s at %d", name, i), field(i), want, 1e-9)
			}
			want := fmt.Sprintf("test.epw: %s missing in %d hours: filled by linear interpolation (longest gap %d h)", name, c.to-c.from, c.to-c.from)
			if len(y.Warnings) == 0 || y.Warnings[0] != want {
				t.Errorf("warnings %q, want first %q", y.Warnings, want)
			}
		})
	}
}

func TestReadEPWDerivesDewPointFromRH(t *testing.T) {
	y := readTestEPW(t, epwOptions{edit: missingAt(vDewPoint, 500, 600)})
	for i := 500; i < 600; i++ {
		// The RH column is rounded to 1 %, so the derived dew point is within
		// about 0.2 K of the original.
		within(t, fmt.Sprintf("dew point %d", i), y.Hours[i].DewPointC, testValues(i)[vDewPoint], 0.25)
	}
	if len(y.Warnings) != 1 || !strings.Contains(y.Warnings[0], "dew point missing in 100 hours: derived from the dry bulb and relative humidity") {
		t.Errorf("warnings %q", y.Warnings)
	}
}

func TestReadEPWFallbacks(t *testing.T) {
	// Pressure missing all year: standard atmosphere at 100 m (ASHRAE eq. 3).
	y := readTestEPW(t, epwOptions{edit: missingAt(vPressure, 0, HoursPerYear)})
	std := psychro.StandardAtmPressure(100)
	for _, c := range y.Hours {
		within(t, "pressure", c.PressurePa, std, 1e-9)
	}
	if want := "station pressure missing in 8760 hours: the standard atmosphere at elevation 100 m (100 129 Pa) used there"; !strings.Contains(strings.Join(y.Warnings, "\n"), want) {
		t.Errorf("warnings %q lack %q", y.Warnings, want)
	}
	// Irradiance missing all year: 0.
	y = readTestEPW(t, epwOptions{edit: missingAt(vDirectNormal, 0, HoursPerYear)})
	for _, c := range y.Hours {
		if c.DirectNormalWm2 != 0 {
			t.Fatalf("DNI = %v, want 0", c.DirectNormalWm2)
		}
	}
}

func TestReadEPWCapsDewPoint(t *testing.T) {
	y := readTestEPW(t, epwOptions{edit: func(k, _ int, f []string) bool {
		if k < 10 {
			f[7] = fmt.Sprintf("%.1f", testValues(k)[vDryBulb]+2)
		}
		return true
	}})
	for i := 0; i < 10; i++ {
		c := y.Hours[i]
		if c.DewPointC != c.DryBulbC || math.Abs(c.RelHumPct-100) > 1e-9 || math.Abs(c.WetBulbC-c.DryBulbC) > 0.002 {
			t.Errorf("hour %d: dew point %v, RH %v, wet bulb %v for dry bulb %v: want saturation", i, c.DewPointC, c.RelHumPct, c.WetBulbC, c.DryBulbC)
		}
	}
	if !strings.Contains(strings.Join(y.Warnings, "\n"), "dew point above the dry bulb in 10 hours: capped at the dry bulb") {
		t.Errorf("warnings %q", y.Warnings)
	}
}

// TestReadEPWErrors checks that every kind of bad input gives an error of the
// right kind whose message names the file, line and field; the messages are
// kept in testdata/epw_errors.golden.
func TestReadEPWErrors(t *testing.T) {
	setField := func(hour, field int, value string) func(int, int, []string) bool {
		return func(k, _ int, f []string) bool {
			if k == hour {
				f[field-1] = value
			}
			return true
		}
	}
	drop := func(hours ...int) func(int, int, []string) bool {
		return func(k, _ int, _ []string) bool {
			for _, h := range hours {
				if k == h {
					return false
				}
			}
			return true
		}
	}
	cases := []struct {
		name string
		text string
		kind error
	}{
		{"empty", "", ErrMissingRecord},
		{"headers only", strings.Join(defaultHeaders(1), "\n"), ErrMissingRecord},
		{"line over 1 MiB", "LOCATION,x\nCOMMENTS 1," + strings.Repeat("x", 1<<20) + "\n", ErrSyntax},
		{"dry bulb not a number", epwText(epwOptions{edit: setField(3, 7, "abc")}), ErrSyntax},
		{"dry bulb NaN", epwText(epwOptions{edit: setField(3, 7, "NaN")}), ErrSyntax},
		{"dry bulb too hot", epwText(epwOptions{edit: setField(3, 7, "75.5")}), ErrRange},
		{"RH above 110", epwText(epwOptions{edit: setField(3, 9, "120")}), ErrRange},
		{"pressure too low", epwText(epwOptions{edit: setField(3, 10, "20000")}), ErrRange},
		{"negative wind", epwText(epwOptions{edit: setField(3, 22, "-1")}), ErrRange},
		{"month 13", epwText(epwOptions{edit: setField(3, 2, "13")}), ErrRange},
		{"April 31", epwText(epwOptions{edit: func(k, _ int, f []string) bool {
			if f[1] == "4" && f[2] == "30" {
				f[2] = "31"
			}
			return true
		}}), ErrRange},
		{"hour 25", epwText(epwOptions{edit: setField(3, 4, "25")}), ErrRange},
		{"fractional hour", epwText(epwOptions{edit: setField(3, 4, "2.5")}), ErrRange},
		{"too few fields", epwText(epwOptions{edit: func(k, _ int, f []string) bool {
			if k == 3 {
				for i := 12; i < len(f); i++ {
					f[i] = "" // joined as trailing commas, still fields
				}
			}
			return true
		}}) + "1999,12,31,24,0,x,1,1\r\n", ErrSyntax},
		{"duplicate hour", epwText(epwOptions{edit: setField(3, 4, "3")}), ErrDuplicate},
		{"missing hour", epwText(epwOptions{edit: drop(5000)}), ErrMissingRecord},
		{"partial Feb 29", epwText(epwOptions{leap: true, edit: drop(feb29Hour + 10)}), ErrMissingRecord},
		{"hour 0 and hour 24", epwText(epwOptions{edit: setField(0, 4, "0")}), ErrSyntax},
		{"uneven sub-hourly", epwText(epwOptions{perHour: 4, edit: func(k, j int, _ []string) bool { return !(k == 30 && j == 2) }}), ErrSyntax},
		{"dry bulb gap over a day", epwText(epwOptions{edit: missingAt(vDryBulb, 1000, 1030)}), ErrMissingData},
		{"wind missing in 12 %", epwText(epwOptions{edit: func(k, j int, f []string) bool {
			if k%8 == 0 {
				f[21] = "999"
			}
			return true
		}}), ErrMissingData},
		{"dry bulb missing all year", epwText(epwOptions{edit: missingAt(vDryBulb, 0, HoursPerYear)}), ErrMissingData},
		{"bad latitude", epwText(epwOptions{headers: append([]string{"LOCATION,X,,,,,95,0,0,0"}, defaultHeaders(1)[1:]...)}), ErrRange},
		{"bad elevation", epwText(epwOptions{headers: append([]string{"LOCATION,X,,,,,45,0,0,high"}, defaultHeaders(1)[1:]...)}), ErrSyntax},
		{"bad records per hour", epwText(epwOptions{headers: append(defaultHeaders(1)[:7], "DATA PERIODS,1,7,Data,Sunday, 1/ 1,12/31")}), ErrRange},
		{"boiling dew point", epwText(epwOptions{edit: func(k, _ int, f []string) bool {
			if k == 7 {
				f[6], f[7], f[9] = "70", "70", "31000"
			}
			return true
		}}), ErrRange},
	}
	var out strings.Builder
	for _, c := range cases {
		_, err := ReadEPW(strings.NewReader(c.text), "test.epw")
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !errors.Is(err, c.kind) {
			t.Errorf("%s: error %q is not %v", c.name, err, c.kind)
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Name != "test.epw" {
			t.Errorf("%s: error %q is not a *ParseError naming the file", c.name, err)
		}
		fmt.Fprintf(&out, "%s: %v\n", c.name, err)
	}
	golden(t, "epw_errors.golden", out.String())
}

// TestReadEPWWarnings keeps the wording of the data-quality warnings in
// testdata/epw_warnings.golden.
func TestReadEPWWarnings(t *testing.T) {
	cases := []struct {
		name string
		opts epwOptions
	}{
		{"elevation inconsistent with pressure", epwOptions{headers: append([]string{"LOCATION,Testville,TS,TST,SYN,999999,40,-75,-5,1500"}, defaultHeaders(1)[1:]...)}},
		{"RH column inconsistent", epwOptions{edit: func(k, _ int, f []string) bool {
			if k%50 == 0 {
				f[8] = "100"
			}
			return true
		}}},
		{"several gaps", epwOptions{edit: func(k, j int, f []string) bool {
			return missingAt(vDryBulb, 10, 12)(k, j, f) && missingAt(vWindSpeed, 7000, 7020)(k, j, f) &&
				missingAt(vGlobalHoriz, 0, 2000)(k, j, f) && missingAt(vDewPoint, 300, 301)(k, j, f)
		}}},
		{"short LOCATION", epwOptions{headers: append([]string{"LOCATION,Testville,TS"}, defaultHeaders(1)[1:]...)}},
	}
	var out strings.Builder
	for _, c := range cases {
		y := readTestEPW(t, c.opts)
		checkYear(t, y)
		fmt.Fprintf(&out, "%s:\n", c.name)
		for _, w := range y.Warnings {
			fmt.Fprintf(&out, "\t%s\n", w)
		}
	}
	golden(t, "epw_warnings.golden", out.String())
}

func TestGapStats(t *testing.T) {
	n := math.NaN()
	for _, c := range []struct {
		v                       []float64
		missing, longest, start int
	}{
		{[]float64{1, 2, 3}, 0, 0, 0},
		{[]float64{1, n, n, 4}, 2, 2, 1},
		{[]float64{n, 1, n, n, n, 2, n}, 5, 3, 2},
		{[]float64{n, n, 1, 2, n}, 3, 3, 4}, // wraps from the end to the start
		{[]float64{n, n}, 2, 2, 0},
	} {
		m, l, s := gapStats(c.v)
		if m != c.missing || l != c.longest || s != c.start {
			t.Errorf("gapStats(%v) = %d, %d, %d, want %d, %d, %d", c.v, m, l, s, c.missing, c.longest, c.start)
		}
	}
	v := []float64{n, 2, n, n, 8, n}
	interpolateGaps(v)
	// Between 2 (index 1) and 8 (index 4): 4, 6. Between 8 (index 4) and 2
	// (index 1, next lap): indices 5 and 0 at 1/3 and 2/3: 6 and 4.
	for i, w := range []float64{4, 2, 4, 6, 8, 6} {
		within(t, fmt.Sprintf("interpolated[%d]", i), v[i], w, 1e-12)
	}
}

func TestGroupThousands(t *testing.T) {
	for x, want := range map[float64]string{0: "0", 999: "999", 97341.6: "97 342", 1234567: "1 234 567", -2500: "-2 500"} {
		if got := groupThousands(x); got != want {
			t.Errorf("groupThousands(%v) = %q, want %q", x, got, want)
		}
	}
}
