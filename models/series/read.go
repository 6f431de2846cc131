package series

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
)

// Load reads the series in the file at path; messages name the file by path.
func Load(path string, opt ReadOptions) (*Series, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read series: %w", err)
	}
	defer f.Close()
	return ReadCSV(f, path, opt)
}

// ReadCSV reads a series from CSV text; name is the file name for messages.
// The package documentation describes the accepted files.
func ReadCSV(r io.Reader, name string, opt ReadOptions) (*Series, error) {
	p := &parser{name: name, opt: opt, loc: opt.Location}
	if p.loc == nil {
		p.loc = time.UTC
	}
	if err := p.checkOptions(); err != nil {
		return nil, err
	}
	text, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := p.readRows(normalize(text)); err != nil {
		return nil, err
	}
	return p.series()
}

// normalize drops a UTF-8 byte order mark and turns CRLF and lone CR line
// ends into LF, which is all encoding/csv understands; line counts stay.
func normalize(text []byte) []byte {
	text = bytes.TrimPrefix(text, []byte("\uFEFF"))
	if bytes.IndexByte(text, '\r') < 0 {
		return text
	}
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(text, []byte("\r"), []byte("\n"))
}

// parser holds the state of one ReadCSV call.
type parser struct {
	name string
	opt  ReadOptions
	loc  *time.Location

	header   []string
	hdrLine  int
	timeCol  int // -1: untimed
	indexCol int // -1: none
	valueCol int

	layout   int                    // index in layouts of the last layout that parsed
	zones    map[int]*time.Location // fixed zones by offset, so times do not depend on time.Local
	sawNaive bool                   // a timestamp without offset was read in p.loc

	times  []time.Time
	values []float64
	lines  []int
	index  int64 // last index of an untimed series
}

func (p *parser) checkOptions() error {
	o := p.opt
	if math.IsNaN(o.Min) || math.IsNaN(o.Max) || o.Min > o.Max {
		return p.errorf(0, ErrInvalid, "accepted range %g to %g: Min must not exceed Max", o.Min, o.Max)
	}
	if o.MaxFill < 0 {
		return p.errorf(0, ErrInvalid, "MaxFill %d: expected 0 (no filling) or more", o.MaxFill)
	}
	return nil
}

func (p *parser) readRows(text []byte) error {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return p.csvError(err)
		}
		if blank(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		if p.header == nil {
			err = p.readHeader(rec, line)
		} else {
			err = p.readRow(rec, line)
		}
		if err != nil {
			return err
		}
	}
	if p.header == nil {
		return p.errorf(0, ErrFormat, "no header: the file has no rows besides comments and blank lines; "+
			"expected a header naming the columns (e.g. time,value) and rows of data")
	}
	if len(p.values) == 0 {
		return p.errorf(0, ErrFormat, "no rows of data after the header")
	}
	return nil
}

func (p *parser) csvError(err error) error {
	e := &Error{Name: p.name, Kind: ErrFormat, Err: err, Msg: err.Error()}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		e.Line, e.Msg = pe.Line, pe.Err.Error()
		if pe.Column > 0 {
			e.Msg = fmt.Sprintf("column %d: %v", pe.Column, pe.Err)
		}
	}
	return e
}

// blank reports whether every field is empty or white space: a blank line,
// or a row of commas such as spreadsheets leave at the end.
func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// Time and index columns are known by these header names (lower case).
var (
	timeNames  = []string{"time", "timestamp", "datetime"}
	indexNames = []string{"", "index", "unnamed: 0"}
)

func isOneOf(s string, names []string) bool {
	for _, n := range names {
		if s == n {
			return true
		}
	}
	return false
}

func (p *parser) readHeader(rec []string, line int) error {
	p.header, p.hdrLine = make([]string, len(rec)), line
	for i, f := range rec {
		p.header[i] = strings.TrimSpace(f)
		if p.looksLikeData(p.header[i]) {
			return p.errorf(line, ErrFormat, "no header: %q looks like data; the file must start with a header "+
				"naming its columns (e.g. time,value)", p.header[i])
		}
	}
	p.timeCol, p.indexCol = -1, -1
	if isOneOf(strings.ToLower(p.header[0]), indexNames) {
		p.indexCol = 0
	}
	for i, h := range p.header {
		if !isOneOf(strings.ToLower(h), timeNames) {
			continue
		}
		if p.timeCol >= 0 {
			return p.errorf(line, ErrFormat, "two time columns, fields %d (%s) and %d (%s); expected one",
				p.timeCol+1, p.header[p.timeCol], i+1, h)
		}
		p.timeCol = i
	}
	var err error
	p.valueCol, err = p.findValueColumn(line)
	return err
}

func (p *parser) looksLikeData(field string) bool {
	if _, err := strconv.ParseFloat(field, 64); err == nil {
		return true
	}
	_, err := p.parseTime(field)
	return err == nil
}

func (p *parser) findValueColumn(line int) (int, error) {
	want := p.opt.ValueColumn
	found := -1
	var candidates []string
	for i, h := range p.header {
		switch {
		case want != "" && strings.EqualFold(h, strings.TrimSpace(want)):
			if found >= 0 {
				return 0, p.errorf(line, ErrFormat, "column %q appears twice, fields %d and %d", want, found+1, i+1)
			}
			found = i
		case want == "" && i != p.timeCol && i != p.indexCol && h != "":
			candidates = append(candidates, h)
			found = i
		}
	}
	switch {
	case want != "" && found < 0:
		return 0, p.errorf(line, ErrFormat, "no column %q; the header has %s", want, strings.Join(p.header, ","))
	case want != "" && (found == p.timeCol || found == p.indexCol):
		return 0, p.errorf(line, ErrFormat, "column %q holds times or an index, not values", want)
	case want == "" && len(candidates) == 0:
		return 0, p.errorf(line, ErrFormat, "no value column: the header has %s; expected a named column besides time and index",
			strings.Join(p.header, ","))
	case want == "" && len(candidates) > 1:
		return 0, p.errorf(line, ErrFormat, "several value columns (%s); name the one to read",
			strings.Join(candidates, ", "))
	}
	return found, nil
}

func (p *parser) readRow(rec []string, line int) error {
	if len(rec) != len(p.header) {
		return p.errorf(line, ErrFormat, "%s; the header (line %d) has %d: %s",
			plural(len(rec), "field"), p.hdrLine, len(p.header), strings.Join(p.header, ","))
	}
	if len(p.values) == 0 {
		p.detectUnnamedTime(rec[0])
	}
	switch {
	case p.timeCol >= 0:
		t, err := p.readTime(rec[p.timeCol], line)
		if err != nil {
			return err
		}
		p.times = append(p.times, t)
	case p.indexCol >= 0:
		if err := p.readIndex(rec[p.indexCol], line); err != nil {
			return err
		}
	}
	v, err := p.parseValue(rec[p.valueCol], line)
	if err != nil {
		return err
	}
	p.values = append(p.values, v)
	p.lines = append(p.lines, line)
	return nil
}

// detectUnnamedTime makes an unnamed first column the time column when its
// first entry is a time rather than an integer: pandas writes a DatetimeIndex
// without a name so.
func (p *parser) detectUnnamedTime(first string) {
	if p.indexCol != 0 || p.timeCol >= 0 || p.header[0] != "" {
		return
	}
	first = strings.TrimSpace(first)
	if _, err := strconv.ParseInt(first, 10, 64); err == nil {
		return
	}
	if _, err := p.parseTime(first); err == nil {
		p.timeCol, p.indexCol = 0, -1
	}
}

func (p *parser) parseValue(field string, line int) (float64, error) {
	field = strings.TrimSpace(field)
	if field == "" && p.opt.MaxFill > 0 {
		return math.NaN(), nil // a gap to fill once all rows are read
	}
	if field == "" {
		return 0, p.fieldError(line, p.valueCol, ErrFormat, nil, "missing value; expected a number")
	}
	v, err := strconv.ParseFloat(field, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, p.fieldError(line, p.valueCol, ErrFormat, err, "%q is beyond the range of a float64", field)
	case err != nil:
		return 0, p.fieldError(line, p.valueCol, ErrFormat, err, "%q is not a number", field)
	case math.IsNaN(v) || math.IsInf(v, 0):
		return 0, p.fieldError(line, p.valueCol, ErrFormat, nil, "%q is not a finite number", field)
	}
	o := p.opt
	if (o.Min != 0 || o.Max != 0) && (v < o.Min || v > o.Max) {
		return 0, p.fieldError(line, p.valueCol, ErrRange, nil, "%s is outside the accepted range %s to %s",
			p.withUnit(v), p.withUnit(o.Min), p.withUnit(o.Max))
	}
	return v, nil
}

func (p *parser) withUnit(v float64) string {
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if p.opt.Unit != "" {
		s += " " + p.opt.Unit
	}
	return s
}

// readIndex checks that the index of an untimed series counts up by one, so
// that a dropped or repeated row does not shift every later hour.
func (p *parser) readIndex(field string, line int) error {
	field = strings.TrimSpace(field)
	i, err := strconv.ParseInt(field, 10, 64)
	if err != nil {
		return p.fieldError(line, p.indexCol, ErrFormat, err, "%q is not an integer row index", field)
	}
	if n := len(p.lines); n > 0 && i != p.index+1 {
		return p.fieldError(line, p.indexCol, ErrFormat, nil, "index %d follows %d (line %d); expected %d: "+
			"a row is missing, repeated or out of order", i, p.index, p.lines[n-1], p.index+1)
	}
	p.index = i
	return nil
}

// Timestamp layouts, the most common first. The zoned ones carry their UTC
// offset; the others are read in the site's standard time.
var layouts = [...]struct {
	layout string
	zoned  bool
}{
	{"2006-01-02 15:04:05Z07:00", true}, // pandas, EIA-930 files: 2022-01-01 00:00:00+00:00
	{time.RFC3339, true},                // 2022-01-01T00:00:00Z, 2022-01-01T00:00:00+01:00
	{"2006-01-02 15:04Z07:00", true},
	{"2006-01-02T15:04Z07:00", true},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02 15:04", false},
	{"2006-01-02T15:04", false},
}

const timeFormats = "2022-01-01T00:00:00Z, 2022-01-01 00:00:00+00:00, 2022-01-01 00:00:00 or 2022-01-01 00:00"

func (p *parser) readTime(field string, line int) (time.Time, error) {
	field = strings.TrimSpace(field)
	if field == "" {
		return time.Time{}, p.fieldError(line, p.timeCol, ErrFormat, nil, "missing time; expected e.g. %s", timeFormats)
	}
	t, err := p.parseTime(field)
	if err != nil {
		return time.Time{}, p.fieldError(line, p.timeCol, ErrFormat, err, "%q is not a time; expected e.g. %s",
			field, timeFormats)
	}
	return t, nil
}

// parseTime tries the layout that worked last, then the others in order.
func (p *parser) parseTime(s string) (time.Time, error) {
	t, err := p.parseLayout(s, p.layout)
	if err == nil {
		return t, nil
	}
	for i := range layouts {
		if i == p.layout {
			continue
		}
		if t, e := p.parseLayout(s, i); e == nil {
			p.layout = i
			return t, nil
		}
	}
	return time.Time{}, err
}

func (p *parser) parseLayout(s string, i int) (time.Time, error) {
	l := layouts[i]
	if !l.zoned {
		t, err := time.ParseInLocation(l.layout, s, p.loc)
		if err == nil {
			p.sawNaive = true
		}
		return t, err
	}
	t, err := time.Parse(l.layout, s)
	if err != nil {
		return t, err
	}
	// time.Parse picks time.Local when the offset matches it; a zone made
	// from the offset alone keeps results independent of the machine.
	_, off := t.Zone()
	return t.In(p.zone(off)), nil
}

func (p *parser) zone(off int) *time.Location {
	if off == 0 {
		return time.UTC
	}
	if z, ok := p.zones[off]; ok {
		return z
	}
	if p.zones == nil {
		p.zones = make(map[int]*time.Location)
	}
	z := time.FixedZone("", off)
	p.zones[off] = z
	return z
}

// series checks the rows and turns them into an hourly series.
func (p *parser) series() (*Series, error) {
	s := &Series{Name: p.name, Column: p.header[p.valueCol], Values: p.values, Lines: p.lines}
	if p.timeCol < 0 {
		if err := p.fillMissing(s); err != nil {
			return nil, err
		}
		return s, nil
	}
	if err := p.checkLocation(); err != nil {
		return nil, err
	}
	step, err := p.checkTimes()
	if err != nil {
		return nil, err
	}
	// Fill on the evenly spaced rows, before sub-hourly rows are averaged.
	if err := p.fillMissing(s); err != nil {
		return nil, err
	}
	if err := p.toHours(s, step); err != nil {
		return nil, err
	}
	if p.opt.HourEnding {
		for i := range s.Times {
			s.Times[i] = s.Times[i].Add(-time.Hour)
		}
	}
	return s, nil
}

// fillMissing interpolates linearly across each run of missing values (NaN
// here) no longer than MaxFill that has a value on either side.
func (p *parser) fillMissing(s *Series) error {
	v := p.values
	for i := 0; i < len(v); i++ {
		if !math.IsNaN(v[i]) {
			continue
		}
		j := i + 1
		for j < len(v) && math.IsNaN(v[j]) {
			j++
		}
		switch {
		case j-i > p.opt.MaxFill:
			return p.fieldError(p.lines[i], p.valueCol, ErrFormat, nil, "missing value: %s missing in a row "+
				"(lines %d to %d), more than MaxFill = %d allows to interpolate", plural(j-i, "value"),
				p.lines[i], p.lines[j-1], p.opt.MaxFill)
		case i == 0:
			return p.fieldError(p.lines[i], p.valueCol, ErrFormat, nil, "missing value at the start of the "+
				"series; interpolation needs a value on either side")
		case j == len(v):
			return p.fieldError(p.lines[i], p.valueCol, ErrFormat, nil, "missing value at the end of the "+
				"series; interpolation needs a value on either side")
		}
		before, after, steps := v[i-1], v[j], float64(j-i+1)
		for k := i; k < j; k++ {
			v[k] = before + (after-before)*float64(k-i+1)/steps
			s.Filled = append(s.Filled, p.lines[k])
		}
		i = j
	}
	return nil
}

// checkLocation rejects reading times without offset in a zone that
// observes daylight time: its clock repeats and skips hours.
func (p *parser) checkLocation() error {
	if !p.sawNaive {
		return nil
	}
	for _, y := range [2]int{p.times[0].Year(), p.times[len(p.times)-1].Year()} {
		if !fixedOffset(p.loc, y) {
			return p.errorf(0, ErrInvalid, "times without a UTC offset are read in %q, which observes daylight "+
				"time in %d; give the site's standard time as a fixed offset (time.FixedZone)", p.loc, y)
		}
	}
	return nil
}

// checkTimes checks that the timestamps increase by one uniform interval,
// an hour or a divisor of an hour, and returns that interval.
func (p *parser) checkTimes() (time.Duration, error) {
	step := time.Hour
	if len(p.times) > 1 {
		step = p.times[1].Sub(p.times[0])
		if step <= 0 || step > time.Hour || time.Hour%step != 0 {
			return 0, p.sequenceError(1, step)
		}
	}
	for i := 2; i < len(p.times); i++ {
		if p.times[i].Sub(p.times[i-1]) != step {
			return 0, p.sequenceError(i, step)
		}
	}
	if t := p.times[0]; t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0 {
		if step == time.Hour {
			return 0, p.errorf(p.lines[0], ErrFormat, "%s is not on a whole hour; hourly values are stamped "+
				"with the start of their hour", clock(t))
		}
		return 0, p.errorf(p.lines[0], ErrFormat, "the series starts at %s, inside an hour; values every %s "+
			"must start on a whole hour, since a partial hour is not averaged", clock(t), duration(step))
	}
	return step, nil
}

// sequenceError explains why row i does not follow row i-1 by step (at
// i = 1, step is the interval between the first two rows).
func (p *parser) sequenceError(i int, step time.Duration) error {
	t, prev := p.times[i], p.times[i-1]
	d := t.Sub(prev)
	line, prevLine := p.lines[i], p.lines[i-1]
	switch {
	case d == 0:
		return p.errorf(line, ErrFormat, "%s repeats line %d", clock(t), prevLine)
	case d < 0:
		return p.errorf(line, ErrFormat, "%s is before %s (line %d); times must increase", clock(t), clock(prev), prevLine)
	case i == 1 && d > time.Hour && d%time.Hour == 0:
		step = time.Hour // most likely an hourly series with a gap
		fallthrough
	case i > 1 && d > step && d%step == 0:
		return p.errorf(line, ErrFormat, "%s follows %s (line %d); expected %s: %s missing (rows %s apart)",
			clock(t), clock(prev), prevLine, clock(prev.Add(step)), plural(int(d/step-1), "value"), duration(step))
	case i == 1:
		return p.errorf(line, ErrFormat, "%s follows %s (line %d) after %s; expected an interval of 1 h or "+
			"a divisor of an hour (5, 10, 15, 30 min)", clock(t), clock(prev), prevLine, duration(d))
	default:
		return p.errorf(line, ErrFormat, "%s follows %s (line %d) after %s; the rows before are %s apart, "+
			"and the interval must not change", clock(t), clock(prev), prevLine, duration(d), duration(step))
	}
}

// toHours averages sub-hourly values into hours; hourly ones pass through.
func (p *parser) toHours(s *Series, step time.Duration) error {
	k := int(time.Hour / step)
	n := len(p.values)
	if n%k != 0 {
		last := n / k * k
		return p.errorf(p.lines[n-1], ErrFormat, "the last hour (%s) has %d of %d values every %s; "+
			"a partial hour is not averaged", clock(p.times[last]), n-last, k, duration(step))
	}
	if k == 1 {
		s.Times = p.times
		return nil
	}
	hours := n / k
	s.Times, s.Values, s.Lines = make([]time.Time, hours), make([]float64, hours), make([]int, hours)
	for h := range hours {
		sum := 0.0
		for _, v := range p.values[h*k : (h+1)*k] {
			sum += v
		}
		s.Times[h], s.Values[h], s.Lines[h] = p.times[h*k], sum/float64(k), p.lines[h*k]
	}
	return nil
}

// duration formats an interval as in messages: "1 h", "15 min", "7.5s".
func duration(d time.Duration) string {
	switch {
	case d > 0 && d%time.Hour == 0:
		return fmt.Sprintf("%d h", d/time.Hour)
	case d > 0 && d%time.Minute == 0:
		return fmt.Sprintf("%d min", d/time.Minute)
	}
	return d.String()
}

func (p *parser) errorf(line int, kind error, format string, args ...any) error {
	return &Error{Name: p.name, Line: line, Msg: fmt.Sprintf(format, args...), Kind: kind}
}

func (p *parser) fieldError(line, field int, kind, cause error, format string, args ...any) error {
	col := p.header[field]
	switch {
	case col == "" && field == p.timeCol:
		col = "time"
	case col == "":
		col = "index"
	}
	return &Error{Name: p.name, Line: line, Field: field + 1, Column: col,
		Msg: fmt.Sprintf(format, args...), Kind: kind, Err: cause}
}
