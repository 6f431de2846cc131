package weather

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dctwin/dctwin/models/psychro"
)

// The EPW format is that of the EnergyPlus Auxiliary Programs documentation,
// "Weather Converter Program", section "EnergyPlus Weather File (EPW) Data
// Dictionary": header records (LOCATION, DESIGN CONDITIONS, ..., DATA PERIODS),
// then one comma-separated data record per interval. Field numbers below are
// 1-based as in that dictionary's N1, N2, ... (year = 1, dry bulb = 7).

const (
	fieldMonth  = 2
	fieldDay    = 3
	fieldHour   = 4
	fieldMinute = 5
	// minRecordFields is the number of fields up to wind speed, the last one read.
	minRecordFields = 22
	// maxIrradianceWm2 bounds the irradiance fields: hourly irradiance at the
	// ground cannot exceed the solar constant (about 1361 W/m²) by much.
	maxIrradianceWm2 = 1500
	// maxLineBytes bounds one line of a weather file.
	maxLineBytes = 1 << 20
	// slotsPerDay: hours 0..24 of a day, so that files numbering hours 0..23
	// can be recognised after reading.
	slotsPerDay = 25
	// maxGapH and maxMissingFrac bound the missing values that are filled by
	// interpolation: a gap of more than a day, or more than 10 % of the hours,
	// is an error rather than something to invent.
	maxGapH        = 24
	maxMissingFrac = 0.10
	// rhMismatchPct and rhMismatchFrac define the consistency warning between
	// the relative humidity column and the dry bulb and dew point.
	rhMismatchPct  = 10
	rhMismatchFrac = 0.01
	// pressureWarnFrac is the tolerated difference between the mean station
	// pressure and the standard atmosphere at the header's elevation.
	pressureWarnFrac = 0.03
)

// Indices of the value fields read from a data record.
const (
	vDryBulb = iota
	vDewPoint
	vRelHum
	vPressure
	vGlobalHoriz
	vDirectNormal
	vDiffuseHoriz
	vWindSpeed
	nValues
)

// epwField describes one value field of an EPW data record: its 1-based
// number, name, missing-value marker (values at or above it are missing, as
// the data dictionary's \missing says) and physical limits (\minimum, \maximum).
type epwField struct {
	number  int
	name    string
	missing float64
	lo, hi  float64
}

func epwFields() [nValues]epwField {
	return [nValues]epwField{
		vDryBulb:      {7, "dry bulb", 99.9, -70, 70},
		vDewPoint:     {8, "dew point", 99.9, -70, 70},
		vRelHum:       {9, "relative humidity", 999, 0, 110},
		vPressure:     {10, "station pressure", 999999, 31000, 120000},
		vGlobalHoriz:  {14, "global horizontal irradiance", 9999, 0, maxIrradianceWm2},
		vDirectNormal: {15, "direct normal irradiance", 9999, 0, maxIrradianceWm2},
		vDiffuseHoriz: {16, "diffuse horizontal irradiance", 9999, 0, maxIrradianceWm2},
		vWindSpeed:    {22, "wind speed", 999, 0, 40},
	}
}

// LoadEPW reads the EPW file at path; see ReadEPW.
func LoadEPW(path string) (*Year, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("weather: %w", err)
	}
	defer f.Close()
	return ReadEPW(f, path)
}

// ReadEPW reads an EnergyPlus weather file (EPW) from r; name is used in
// messages. It accepts the variations of files in the wild (see the package
// documentation), fills short gaps of missing values, and computes the
// psychrometrics of every hour. Problems that make the data unusable are
// returned as *ParseError; lesser ones become Year.Warnings.
func ReadEPW(r io.Reader, name string) (*Year, error) {
	p := &epwParser{name: name, fields: epwFields()}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLineBytes)
	sc.Split(splitLines)
	for sc.Scan() {
		p.line++
		if err := p.parseLine(sc.Bytes()); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &ParseError{Name: name, Line: p.line + 1, Msg: "line longer than 1 MiB", Kind: ErrSyntax, Cause: err}
		}
		return nil, &ParseError{Name: name, Line: p.line + 1, Msg: "read failed", Cause: err}
	}
	return p.finish()
}

// splitLines is a bufio.SplitFunc that ends lines at LF, CR or CRLF, so that
// files with old Mac, Unix, Windows or mixed line ends read alike.
func splitLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	i := bytes.IndexAny(data, "\r\n")
	switch {
	case i < 0:
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	case data[i] == '\n':
		return i + 1, data[:i], nil
	case i+1 < len(data):
		if data[i+1] == '\n' {
			return i + 2, data[:i], nil
		}
		return i + 1, data[:i], nil
	case atEOF:
		return i + 1, data[:i], nil
	default:
		return 0, nil, nil // a CR at the end of the buffer: LF may follow
	}
}

// epwSlot accumulates the records of one hour (several for sub-hourly files).
type epwSlot struct {
	firstLine int32
	count     int32
	minutes   uint64 // minutes seen, bit 0..60 (0 folded onto 60), to find duplicates
	n         [nValues]int32
	sum       [nValues]float64
}

type epwParser struct {
	name   string
	fields [nValues]epwField
	line   int

	loc            Location
	haveLocation   bool
	recordsPerHour int // from DATA PERIODS, 0 when absent
	inData         bool
	unknownHeaders int
	firstUnknown   int

	slots      []epwSlot // 366 days × 25 hour slots, in leap-calendar order
	records    int
	hour0Line  int
	hour24Line int

	warnings []string
}

func (p *epwParser) warnf(format string, args ...any) {
	p.warnings = append(p.warnings, fmt.Sprintf(format, args...))
}

func (p *epwParser) errorf(line int, kind error, format string, args ...any) error {
	return &ParseError{Name: p.name, Line: line, Msg: fmt.Sprintf(format, args...), Kind: kind}
}

func (p *epwParser) fieldErr(field int, fieldName string, kind, cause error, format string, args ...any) error {
	return &ParseError{Name: p.name, Line: p.line, Field: field, FieldName: fieldName,
		Msg: fmt.Sprintf(format, args...), Kind: kind, Cause: cause}
}

// utf8BOM is the byte-order mark some editors put at the start of UTF-8 files.
const utf8BOM = "\uFEFF"

func (p *epwParser) parseLine(b []byte) error {
	if p.line == 1 {
		b = bytes.TrimPrefix(b, []byte(utf8BOM))
	}
	s := strings.TrimSpace(string(b))
	if s == "" {
		return nil
	}
	if !p.inData {
		done, err := p.parseHeader(s)
		if done || err != nil {
			return err
		}
		p.inData = true
	}
	return p.parseRecord(s)
}

// parseHeader handles a line before the data. It reports done when the line
// was a header; a line that is not a header but parses as a data record starts
// the data, which is how files without DATA PERIODS are read.
func (p *epwParser) parseHeader(s string) (done bool, err error) {
	if !utf8.ValidString(s) {
		// EPW files predate UTF-8; non-UTF-8 header bytes are taken as Latin-1.
		s = latin1ToUTF8(s)
	}
	keyword, _, _ := strings.Cut(s, ",")
	keyword = strings.ToUpper(strings.TrimSpace(keyword))
	switch {
	case keyword == "LOCATION":
		return true, p.parseLocation(s)
	case keyword == "DATA PERIODS":
		p.inData = true
		return true, p.parseDataPeriods(s)
	case keyword == "DESIGN CONDITIONS", keyword == "TYPICAL/EXTREME PERIODS",
		keyword == "GROUND TEMPERATURES", strings.HasPrefix(keyword, "HOLIDAYS/DAYLIGHT SAVING"),
		strings.HasPrefix(keyword, "COMMENTS"):
		return true, nil
	case looksLikeRecord(s):
		return false, nil
	}
	if p.unknownHeaders == 0 {
		p.firstUnknown = p.line
	}
	p.unknownHeaders++
	return true, nil
}

func latin1ToUTF8(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// looksLikeRecord reports whether s starts with the five numbers of a data
// record (year, month, day, hour, minute).
func looksLikeRecord(s string) bool {
	var f [6]string
	if splitFields(s, f[:]) < 6 {
		return false
	}
	for _, x := range f[:5] {
		if _, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err != nil {
			return false
		}
	}
	return true
}

// splitFields stores the comma-separated fields of s in dst, up to len(dst), and
// returns how many it stored; it returns len(dst) when s has at least that many.
func splitFields(s string, dst []string) int {
	n := 0
	for n < len(dst) {
		i := strings.IndexByte(s, ',')
		if i < 0 {
			dst[n] = s
			return n + 1
		}
		dst[n] = s[:i]
		s = s[i+1:]
		n++
	}
	return n
}

func (p *epwParser) parseLocation(s string) error {
	var f [10]string
	n := splitFields(s, f[:])
	if n < len(f) {
		p.warnf("%s:%d: LOCATION has %d fields; expected 10 (city, region, country, source, WMO, latitude, longitude, time zone, elevation)", p.name, p.line, n)
	}
	text := func(i int) string { return strings.Trim(strings.TrimSpace(f[i]), `"`) }
	p.loc = Location{Name: text(1), Region: text(2), Country: text(3), Source: text(4), WMO: text(5)}
	nums := []struct {
		field  int
		name   string
		lo, hi float64
		dst    *float64
	}{
		{7, "latitude", -90, 90, &p.loc.LatitudeDeg},
		{8, "longitude", -180, 180, &p.loc.LongitudeDeg},
		{9, "time zone", -12, 14, &p.loc.TimeZoneH},
		{10, "elevation", -1000, 9999.9, &p.loc.ElevationM},
	}
	for _, x := range nums {
		t := text(x.field - 1)
		if t == "" {
			continue // the data dictionary's default is 0
		}
		v, err := parseFinite(t)
		if err != nil {
			return p.fieldErr(x.field, x.name, ErrSyntax, err, "%q is not a number", t)
		}
		if v < x.lo || v > x.hi {
			return p.fieldErr(x.field, x.name, ErrRange, nil, "%g is outside %g..%g", v, x.lo, x.hi)
		}
		*x.dst = v
	}
	p.haveLocation = true
	return nil
}

func (p *epwParser) parseDataPeriods(s string) error {
	var f [3]string
	if splitFields(s, f[:]) < 3 || strings.TrimSpace(f[2]) == "" {
		return nil
	}
	t := strings.TrimSpace(f[2])
	v, err := parseFinite(t)
	if err != nil {
		return p.fieldErr(3, "records per hour", ErrSyntax, err, "%q is not a number", t)
	}
	if v != math.Trunc(v) || v < 1 || v > 60 || 60%int(v) != 0 {
		return p.fieldErr(3, "records per hour", ErrRange, nil, "%g is not a divisor of 60", v)
	}
	p.recordsPerHour = int(v)
	return nil
}

// parseFinite parses a decimal number and rejects NaN and infinities.
func parseFinite(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not finite", s)
	}
	return v, nil
}

// intField parses the integer field number (1-based) of f, which must lie in lo..hi.
func (p *epwParser) intField(f []string, number int, fieldName string, lo, hi int) (int, error) {
	t := strings.TrimSpace(f[number-1])
	v, err := parseFinite(t)
	if err != nil {
		return 0, p.fieldErr(number, fieldName, ErrSyntax, err, "%q is not a number", t)
	}
	if v != math.Trunc(v) || v < float64(lo) || v > float64(hi) {
		return 0, p.fieldErr(number, fieldName, ErrRange, nil, "%s is not a whole number in %d..%d", t, lo, hi)
	}
	return int(v), nil
}

func (p *epwParser) parseRecord(s string) error {
	var f [minRecordFields]string
	if n := splitFields(s, f[:]); n < minRecordFields {
		return p.errorf(p.line, ErrSyntax, "data record has %d fields; expected at least %d (year, month, day, hour, minute, flags, dry bulb, ..., wind speed)", n, minRecordFields)
	}
	month, err := p.intField(f[:], fieldMonth, "month", 1, 12)
	if err != nil {
		return err
	}
	day, err := p.intField(f[:], fieldDay, "day", 1, 31)
	if err != nil {
		return err
	}
	if day > daysInMonth(month, true) {
		return p.fieldErr(fieldDay, "day", ErrRange, nil, "%s has no day %d", monthAbbr(month), day)
	}
	hour, err := p.intField(f[:], fieldHour, "hour", 0, 24)
	if err != nil {
		return err
	}
	minute := 0
	if strings.TrimSpace(f[fieldMinute-1]) != "" {
		if minute, err = p.intField(f[:], fieldMinute, "minute", 0, 60); err != nil {
			return err
		}
	}
	var vals [nValues]float64
	for k, fd := range p.fields {
		if vals[k], err = p.valueField(f[fd.number-1], fd); err != nil {
			return err
		}
	}
	return p.place(month, day, hour, minute, &vals)
}

// valueField parses one value field; a missing-value marker or an empty field
// gives NaN.
func (p *epwParser) valueField(text string, fd epwField) (float64, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return math.NaN(), nil
	}
	v, err := parseFinite(t)
	if err != nil {
		return 0, p.fieldErr(fd.number, fd.name, ErrSyntax, err, "%q is not a number", t)
	}
	if v >= fd.missing {
		return math.NaN(), nil
	}
	if v < fd.lo || v > fd.hi {
		return 0, p.fieldErr(fd.number, fd.name, ErrRange, nil, "%s is outside %g..%g", t, fd.lo, fd.hi)
	}
	return v, nil
}

func (p *epwParser) place(month, day, hour, minute int, vals *[nValues]float64) error {
	if p.slots == nil {
		p.slots = make([]epwSlot, 366*slotsPerDay)
	}
	switch {
	case hour == 0 && p.hour0Line == 0:
		p.hour0Line = p.line
	case hour == 24 && p.hour24Line == 0:
		p.hour24Line = p.line
	}
	sl := &p.slots[leapDayIndex(month, day)*slotsPerDay+hour]
	if minute == 0 {
		minute = 60
	}
	bit := uint64(1) << minute
	if sl.minutes&bit != 0 {
		at := ""
		if minute != 60 {
			at = fmt.Sprintf(" minute %d", minute)
		}
		return p.errorf(p.line, ErrDuplicate, "second record for %d/%d hour %d%s (first at line %d)", month, day, hour, at, sl.firstLine)
	}
	sl.minutes |= bit
	if sl.count == 0 {
		sl.firstLine = int32(p.line)
	}
	sl.count++
	for k, v := range vals {
		if !math.IsNaN(v) {
			sl.n[k]++
			sl.sum[k] += v
		}
	}
	p.records++
	return nil
}

// finish checks that every hour is present, averages sub-hourly records, fills
// gaps and computes the psychrometrics.
func (p *epwParser) finish() (*Year, error) {
	if p.records == 0 {
		return nil, p.errorf(0, ErrMissingRecord, "no weather data records (lines of year, month, day, hour, minute, ...)")
	}
	if !p.haveLocation {
		p.warnf("%s: no LOCATION header: location unknown, elevation taken as 0 m", p.name)
	}
	if p.unknownHeaders > 0 {
		p.warnf("%s: %d unrecognised header line(s) ignored (first at line %d)", p.name, p.unknownHeaders, p.firstUnknown)
	}
	shift := 0
	if p.hour0Line > 0 {
		if p.hour24Line > 0 {
			return nil, p.errorf(p.hour24Line, ErrSyntax, "hour 24 appears, and hour 0 at line %d: hours run 1..24 (or 0..23), not both", p.hour0Line)
		}
		shift = 1
		p.warnf("%s: hours are numbered 0..23: read as the hours ending at 1..24", p.name)
	}
	slot := func(day, h int) *epwSlot { return &p.slots[day*slotsPerDay+h-shift] }
	if err := p.checkCounts(slot); err != nil {
		return nil, err
	}
	leap, err := p.checkComplete(slot)
	if err != nil {
		return nil, err
	}
	s := p.series(slot, leap)
	if err := p.fillMissing(s); err != nil {
		return nil, err
	}
	return p.assemble(s)
}

// checkCounts checks that every hour has as many records as the first one:
// one in hourly files, N in sub-hourly ones.
func (p *epwParser) checkCounts(slot func(day, h int) *epwSlot) error {
	perHour := 0
	for d := 0; d < 366; d++ {
		for h := 1; h <= 24; h++ {
			sl := slot(d, h)
			switch {
			case sl.count == 0:
			case perHour == 0:
				perHour = int(sl.count)
			case int(sl.count) != perHour:
				m, dd := dateOfLeapDayIndex(d)
				return p.errorf(int(sl.firstLine), ErrSyntax, "%d/%d hour %d has %d records; the first hour has %d", m, dd, h, sl.count, perHour)
			}
		}
	}
	if p.recordsPerHour > 0 && p.recordsPerHour != perHour {
		p.warnf("%s: DATA PERIODS gives %d records per hour; the file has %d", p.name, p.recordsPerHour, perHour)
	}
	if perHour > 1 {
		p.warnf("%s: %d records per hour averaged to hourly values", p.name, perHour)
	}
	return nil
}

// checkComplete checks that every hour of a non-leap year is present, and that
// Feb 29 is either complete or absent; it reports whether Feb 29 is present.
func (p *epwParser) checkComplete(slot func(day, h int) *epwSlot) (leap bool, err error) {
	for d := 0; d < 366; d++ {
		if d == feb29Day {
			continue
		}
		for h := 1; h <= 24; h++ {
			if slot(d, h).count == 0 {
				m, dd := dateOfLeapDayIndex(d)
				return false, p.errorf(0, ErrMissingRecord, "no record for %d/%d hour %d: every hour of the year must be present", m, dd, h)
			}
		}
	}
	present, firstMissing := 0, 0
	for h := 24; h >= 1; h-- {
		if slot(feb29Day, h).count > 0 {
			present++
		} else {
			firstMissing = h
		}
	}
	if present > 0 && present < 24 {
		return false, p.errorf(0, ErrMissingRecord, "Feb 29 has records for %d of 24 hours; none for 2/29 hour %d", present, firstMissing)
	}
	return present == 24, nil
}

// epwSeries holds the hourly values in chronological order (8760 hours, or
// 8784 with Feb 29), NaN where missing, with the line of each hour's first record.
type epwSeries struct {
	leap  bool
	vals  [nValues][]float64
	lines []int32
}

func (p *epwParser) series(slot func(day, h int) *epwSlot, leap bool) *epwSeries {
	n := HoursPerYear
	if leap {
		n += 24
	}
	s := &epwSeries{leap: leap, lines: make([]int32, 0, n)}
	buf := make([]float64, nValues*n)
	for k := range s.vals {
		s.vals[k] = buf[k*n : k*n : (k+1)*n]
	}
	for d := 0; d < 366; d++ {
		if d == feb29Day && !leap {
			continue
		}
		for h := 1; h <= 24; h++ {
			sl := slot(d, h)
			s.lines = append(s.lines, sl.firstLine)
			for k := range s.vals {
				v := math.NaN()
				if sl.n[k] > 0 {
					v = sl.sum[k] / float64(sl.n[k])
				}
				s.vals[k] = append(s.vals[k], v)
			}
		}
	}
	return s
}

// date returns the month, day and hour (1..24) of chronological hour i.
func (s *epwSeries) date(i int) (month, day, hour int) {
	d := i / 24
	if !s.leap && d >= feb29Day {
		d++
	}
	month, day = dateOfLeapDayIndex(d)
	return month, day, i%24 + 1
}

// assemble builds the Year: psychrometrics per hour, Feb 29 set aside, and the
// sanity warnings.
func (p *epwParser) assemble(s *epwSeries) (*Year, error) {
	y := &Year{Location: p.loc, Hours: make([]Conditions, HoursPerYear)}
	y.Source = "EPW file " + filepath.Base(p.name)
	if p.loc.Source != "" {
		y.Source += " (" + p.loc.Source + ")"
	}
	if s.leap {
		y.LeapDay = make([]Conditions, 24)
	}
	v := &s.vals
	rhChecked, rhMismatch := 0, 0
	sumPressure := 0.0
	for i := range s.lines {
		c := conditionsFromDewPoint(v[vDryBulb][i], v[vDewPoint][i], v[vPressure][i])
		if math.IsNaN(c.WetBulbC) {
			// Only vapour pressure at or above the station pressure (water
			// boiling at the dew point) leaves the psychrometrics undefined.
			m, d, h := s.date(i)
			return nil, &ParseError{Name: p.name, Line: int(s.lines[i]), Kind: ErrRange,
				Msg: fmt.Sprintf("%d/%d hour %d: dew point %g °C is impossible at station pressure %g Pa", m, d, h, c.DewPointC, c.PressurePa)}
		}
		c.GlobalHorizWm2 = v[vGlobalHoriz][i]
		c.DirectNormalWm2 = v[vDirectNormal][i]
		c.DiffuseHorizWm2 = v[vDiffuseHoriz][i]
		c.WindSpeedMS = v[vWindSpeed][i]
		if rh := v[vRelHum][i]; !math.IsNaN(rh) {
			rhChecked++
			if math.Abs(rh-c.RelHumPct) > rhMismatchPct {
				rhMismatch++
			}
		}
		sumPressure += c.PressurePa
		switch {
		case !s.leap || i < feb29Hour:
			y.Hours[i] = c
		case i < feb29Hour+24:
			y.LeapDay[i-feb29Hour] = c
		default:
			y.Hours[i-24] = c
		}
	}
	if rhChecked > 0 && float64(rhMismatch) > rhMismatchFrac*float64(rhChecked) {
		p.warnf("%s: the relative humidity column differs by more than %d points from the dry bulb and dew point in %s; humidity is taken from the dew point",
			p.name, rhMismatchPct, hoursText(rhMismatch))
	}
	p.checkPressure(sumPressure / float64(len(s.lines)))
	y.Warnings = p.warnings
	return y, nil
}

func (p *epwParser) checkPressure(meanPa float64) {
	stdPa := psychro.StandardAtmPressure(p.loc.ElevationM)
	if diff := meanPa/stdPa - 1; math.Abs(diff) > pressureWarnFrac {
		p.warnf("%s: elevation %g m implies %s Pa; the file's mean station pressure is %s Pa (%+.1f %%): check the LOCATION elevation and the pressure column",
			p.name, p.loc.ElevationM, groupThousands(stdPa), groupThousands(meanPa), 100*diff)
	}
}

// groupThousands formats a non-negative number rounded to an integer with a
// space between groups of three digits ("97 342").
func groupThousands(x float64) string {
	s := strconv.FormatFloat(math.Round(x), 'f', 0, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
