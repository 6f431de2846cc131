package plots

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
)

// The columns of timeseries.csv the figures read. The first ones are
// required (the stable contract); the others are drawn when present.
const (
	cDryBulb = iota
	cWetBulb
	cIT
	cCooling
	cLoss
	cOther
	cFacility
	cGrid
	cHeatRejected
	cWithdrawal
	cConsumption
	cDischarge
	cCarbon
	numRequired
	cIntensity = iota - 1 // optional from here on
	cPV
	cHeatReused
	cPVCurtailed
	cBatteryCharge
	cBatteryDischarge
	cBatterySOC
	cGenerator
	cShed
	cUnserved
	cOffsiteConsumption
	cFacilitySupply
	cEvaporativeFrac
	cTrimFrac
	cRackInlet
	cRoomAir
	numColumns
)

var columnNames = [numColumns]string{
	cDryBulb: "drybulb_c", cWetBulb: "wetbulb_c", cIT: "it_kw", cCooling: "cooling_kw",
	cLoss: "power_loss_kw", cOther: "other_kw", cFacility: "facility_kw", cGrid: "grid_kw",
	cHeatRejected: "heat_rejected_kw", cWithdrawal: "water_withdrawal_l",
	cConsumption: "water_consumption_l", cDischarge: "water_discharge_l", cCarbon: "carbon_kg",
	cIntensity: "carbon_intensity_g_per_kwh", cPV: "pv_kw", cHeatReused: "heat_reused_kw",
	cPVCurtailed: "pv_curtailed_kw", cBatteryCharge: "battery_charge_kw", cBatteryDischarge: "battery_discharge_kw",
	cBatterySOC: "battery_soc_pct", cGenerator: "generator_kw", cShed: "shed_it_kw", cUnserved: "unserved_kw",
	cOffsiteConsumption: "offsite_water_consumption_l", cFacilitySupply: "facility_supply_c",
	cEvaporativeFrac: "evaporative_frac", cTrimFrac: "trim_frac", cRackInlet: "rack_inlet_max_c", cRoomAir: "room_air_c",
}

// isPower tells the columns that are interval means in kW (summed into kWh);
// the others except temperatures and intensity are per-interval amounts.
var isPower = [numColumns]bool{cIT: true, cCooling: true, cLoss: true, cOther: true, cFacility: true,
	cGrid: true, cHeatRejected: true, cPV: true, cHeatReused: true, cPVCurtailed: true, cBatteryCharge: true,
	cBatteryDischarge: true, cGenerator: true, cShed: true, cUnserved: true}

// isLevel tells the columns that are states (temperatures, fractions, a
// state of charge): a day keeps their hour-weighted mean and their extremes.
// Grid power keeps its extremes too, to compare with the connection limit.
var isLevel = [numColumns]bool{cBatterySOC: true, cFacilitySupply: true, cEvaporativeFrac: true,
	cTrimFrac: true, cRackInlet: true, cRoomAir: true}

// Day holds one calendar day (site standard time) of the time series.
type Day struct {
	// Hours is the part of the day the period covers.
	Hours float64
	// KWh holds the energy of each power column, kWh; Amount the day's sum of
	// water (L) and carbon (kg) columns.
	KWh, Amount [numColumns]float64
	// Mean dry bulb, wet bulb (°C) and carbon intensity (g/kWh), and the
	// extremes of the interval means.
	DryBulbC, WetBulbC, IntensityG     float64
	DryMinC, DryMaxC, WetMinC, WetMaxC float64
	// Mean, Min and Max hold the hour-weighted mean and the extremes of the
	// interval means of the level columns (isLevel); Max also of grid,
	// generator, shed IT and unserved power.
	// For the fractions, Mean × Hours is the hours of the day with that mode
	// running.
	Mean, Min, Max [numColumns]float64
}

// Series is timeseries.csv aggregated, in one pass, to calendar days and to
// hours of the day.
type Series struct {
	// Midnight is the start of the first day, in the site's standard time.
	Midnight time.Time
	// Interval is the report interval of the rows.
	Interval time.Duration
	// Rows is the number of rows read.
	Rows int
	// Has tells which optional columns the file has.
	Has  [numColumns]bool
	Days []Day
	// HourCoolingKWh, HourWithdrawalL and HourCovered are day × 24 grids
	// (index day*24 + hour) of cooling energy, water withdrawal and the
	// hours of the cell the period covers.
	HourCoolingKWh, HourWithdrawalL, HourCovered []float64
	// GridKW is each row's grid power, kW (interval mean).
	GridKW []float64
	// RackInletC and RoomAirC are each row's warmest rack inlet and room
	// air, °C, when the file has them (to draw the failure events).
	RackInletC, RoomAirC []float32
	// Blank tells the optional columns with an empty cell (a quantity the
	// run could not compute, such as off-site water without factors).
	Blank [numColumns]bool
}

// ReadSeries reads timeseries.csv from r (named file in errors), expecting
// rows every interval from start to end. It aggregates while it reads and
// keeps only the grid power of each row.
func ReadSeries(r *bufio.Reader, file string, start, end time.Time, interval time.Duration) (*Series, error) {
	y, m, d := start.Date()
	midnight := time.Date(y, m, d, 0, 0, 0, 0, start.Location())
	days := int((end.Sub(midnight) + 24*time.Hour - 1) / (24 * time.Hour))
	s := &Series{
		Midnight: midnight, Interval: interval, Days: make([]Day, days),
		HourCoolingKWh: make([]float64, days*24), HourWithdrawalL: make([]float64, days*24),
		HourCovered: make([]float64, days*24),
	}
	// The engine writes a last, shorter row when the period does not end on
	// the report interval.
	want := int((end.Sub(start) + interval - 1) / interval)
	s.GridKW = make([]float64, 0, want)
	for i := range s.Days {
		s.Days[i].DryMinC, s.Days[i].WetMinC = math.Inf(1), math.Inf(1)
		s.Days[i].DryMaxC, s.Days[i].WetMaxC = math.Inf(-1), math.Inf(-1)
		for c := range numColumns {
			s.Days[i].Min[c], s.Days[i].Max[c] = math.Inf(1), math.Inf(-1)
		}
	}

	header, err := readLine(r)
	if err != nil || len(header) == 0 {
		return nil, &InputError{File: file, Line: 1, Msg: "no header"}
	}
	slot, nfields, err := mapColumns(header)
	if err != nil {
		return nil, &InputError{File: file, Line: 1, Msg: err.Error()}
	}
	for c := numRequired; c < numColumns; c++ {
		for _, sl := range slot {
			if sl == c {
				s.Has[c] = true
			}
		}
	}

	if s.Has[cRackInlet] {
		s.RackInletC = make([]float32, 0, want)
	}
	if s.Has[cRoomAir] {
		s.RoomAirC = make([]float32, 0, want)
	}
	startSec, intervalSec := start.Unix(), int64(interval/time.Second)
	midnightSec := midnight.Unix()
	var v [numColumns]float64
	for line := 2; ; line++ {
		b, err := readLine(r)
		if err == io.EOF && len(b) == 0 {
			break
		}
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		if len(b) == 0 {
			return nil, &InputError{File: file, Line: line, Msg: "empty line"}
		}
		field, t := 0, int64(0)
		for len(b) > 0 || field < nfields {
			i := bytes.IndexByte(b, ',')
			var cell []byte
			if i < 0 {
				cell, b = b, nil
			} else {
				cell, b = b[:i], b[i+1:]
			}
			if field >= nfields {
				return nil, &InputError{File: file, Line: line, Msg: fmt.Sprintf("%d fields or more, want %d", field+1, nfields)}
			}
			if field == 0 {
				var ok bool
				if t, ok = parseStamp(cell); !ok {
					return nil, &InputError{File: file, Line: line, Msg: fmt.Sprintf("time %q: want RFC 3339", cell)}
				}
			} else if c := slot[field]; c >= numRequired && len(cell) == 0 {
				v[c] = 0
				s.Blank[c] = true
			} else if c >= 0 {
				x, ok := parseNumber(cell)
				if !ok {
					return nil, &InputError{File: file, Line: line, Msg: fmt.Sprintf("%s %q: want a number", columnNames[c], cell)}
				}
				v[c] = x
			}
			field++
			if i < 0 {
				break
			}
		}
		if field != nfields {
			return nil, &InputError{File: file, Line: line, Msg: fmt.Sprintf("%d fields, want %d", field, nfields)}
		}
		if wantT := startSec + int64(s.Rows)*intervalSec; t != wantT {
			return nil, &InputError{File: file, Line: line, Msg: fmt.Sprintf("time %s: want %s (rows every %v from the start)",
				time.Unix(t, 0).In(start.Location()).Format(time.RFC3339), time.Unix(wantT, 0).In(start.Location()).Format(time.RFC3339), interval)}
		}
		if s.Rows >= want {
			return nil, &InputError{File: file, Line: line, Msg: fmt.Sprintf("row beyond the period's end %s", end.Format(time.RFC3339))}
		}
		s.add(t-midnightSec, min(intervalSec, end.Unix()-t), &v)
		s.Rows++
	}
	if s.Rows != want {
		return nil, &InputError{File: file, Msg: fmt.Sprintf("%d rows, want %d (the period at %v)", s.Rows, want, interval)}
	}
	for i := range s.Days {
		d := &s.Days[i]
		if d.Hours > 0 {
			d.DryBulbC /= d.Hours
			d.WetBulbC /= d.Hours
			d.IntensityG /= d.Hours
			for c := range numColumns {
				d.Mean[c] /= d.Hours
			}
		}
	}
	return s, nil
}

// add spreads one row, starting off seconds after the first midnight and
// lasting dur seconds, over the day and hour cells it covers.
func (s *Series) add(off, dur int64, v *[numColumns]float64) {
	s.GridKW = append(s.GridKW, v[cGrid])
	if s.RackInletC != nil {
		s.RackInletC = append(s.RackInletC, float32(v[cRackInlet]))
	}
	if s.RoomAirC != nil {
		s.RoomAirC = append(s.RoomAirC, float32(v[cRoomAir]))
	}
	for end := off + dur; off < end; {
		next := min((off/3600+1)*3600, end)
		piece := next - off
		h := float64(piece) / 3600
		frac := float64(piece) / float64(dur)
		cell := int(off / 3600)
		d := &s.Days[cell/24]
		d.Hours += h
		for c := range v {
			if isPower[c] {
				d.KWh[c] += v[c] * h
			} else {
				d.Amount[c] += v[c] * frac
			}
		}
		d.DryBulbC += v[cDryBulb] * h
		d.WetBulbC += v[cWetBulb] * h
		d.IntensityG += v[cIntensity] * h
		for c := numRequired; c < numColumns; c++ {
			if isLevel[c] {
				d.Mean[c] += v[c] * h
				d.Min[c], d.Max[c] = min(d.Min[c], v[c]), max(d.Max[c], v[c])
			}
		}
		d.Min[cGrid], d.Max[cGrid] = min(d.Min[cGrid], v[cGrid]), max(d.Max[cGrid], v[cGrid])
		d.Max[cGenerator] = max(d.Max[cGenerator], v[cGenerator])
		d.Max[cShed] = max(d.Max[cShed], v[cShed])
		d.Max[cUnserved] = max(d.Max[cUnserved], v[cUnserved])
		d.DryMinC, d.DryMaxC = min(d.DryMinC, v[cDryBulb]), max(d.DryMaxC, v[cDryBulb])
		d.WetMinC, d.WetMaxC = min(d.WetMinC, v[cWetBulb]), max(d.WetMaxC, v[cWetBulb])
		s.HourCoolingKWh[cell] += v[cCooling] * h
		s.HourWithdrawalL[cell] += v[cWithdrawal] * frac
		s.HourCovered[cell] += h
		off = next
	}
}

// mapColumns maps each field of the header to a column constant (-1: not
// read). The first field must be time.
func mapColumns(header []byte) (slot []int, n int, err error) {
	names := bytes.Split(header, []byte{','})
	if string(names[0]) != "time" {
		return nil, 0, fmt.Errorf("first column %q: want time", names[0])
	}
	slot = make([]int, len(names))
	found := [numColumns]bool{}
	for i, name := range names {
		slot[i] = -1
		for c, cn := range columnNames {
			if string(name) == cn {
				if found[c] {
					return nil, 0, fmt.Errorf("column %s twice", cn)
				}
				slot[i], found[c] = c, true
			}
		}
	}
	for c := 0; c < numRequired; c++ {
		if !found[c] {
			return nil, 0, fmt.Errorf("no column %s", columnNames[c])
		}
	}
	return slot, len(names), nil
}

// readLine returns the next line without its line end.
func readLine(r *bufio.Reader) ([]byte, error) {
	b, err := r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		// A line longer than the buffer: gather it.
		long := append([]byte(nil), b...)
		for err == bufio.ErrBufferFull {
			b, err = r.ReadSlice('\n')
			long = append(long, b...)
		}
		b = long
	}
	b = bytes.TrimSuffix(b, []byte{'\n'})
	b = bytes.TrimSuffix(b, []byte{'\r'})
	return b, err
}

var exact10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// parseNumber parses a decimal number. Plain fixed-point numbers, the form
// dctwin writes, are parsed without allocating, with the same result as
// strconv.ParseFloat; anything else goes to strconv. NaN and infinities are
// refused.
func parseNumber(b []byte) (float64, bool) {
	neg := false
	i := 0
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		i++
	}
	var mant uint64
	digits, frac, dot := 0, 0, false
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return parseSlow(b)
		}
	}
	if digits == 0 || digits > 15 || frac >= len(exact10) {
		return parseSlow(b)
	}
	x := float64(mant) / exact10[frac]
	if neg {
		x = -x
	}
	return x, true
}

func parseSlow(b []byte) (float64, bool) {
	x, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

// parseStamp parses an RFC 3339 time ("2025-01-01T00:00:00-07:00" or with
// "Z") to Unix seconds without allocating.
func parseStamp(b []byte) (int64, bool) {
	if len(b) < 20 || b[4] != '-' || b[7] != '-' || (b[10] != 'T' && b[10] != 't') || b[13] != ':' || b[16] != ':' {
		return 0, false
	}
	num := func(i, n int) (int64, bool) {
		var x int64
		for _, c := range b[i : i+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			x = x*10 + int64(c-'0')
		}
		return x, true
	}
	year, ok1 := num(0, 4)
	month, ok2 := num(5, 2)
	day, ok3 := num(8, 2)
	hour, ok4 := num(11, 2)
	minute, ok5 := num(14, 2)
	sec, ok6 := num(17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || sec > 59 {
		return 0, false
	}
	rest := b[19:]
	if len(rest) > 0 && rest[0] == '.' { // fractional seconds: ignored
		rest = rest[1:]
		for len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9' {
			rest = rest[1:]
		}
	}
	var offset int64
	switch {
	case len(rest) == 1 && (rest[0] == 'Z' || rest[0] == 'z'):
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		oh, ok1 := num(len(b)-5, 2)
		om, ok2 := num(len(b)-2, 2)
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return 0, false
		}
		offset = oh*3600 + om*60
		if rest[0] == '-' {
			offset = -offset
		}
	default:
		return 0, false
	}
	return daysFromCivil(year, month, day)*86400 + hour*3600 + minute*60 + sec - offset, true
}

// daysFromCivil returns the days since 1970-01-01 of a proleptic Gregorian
// date (H. Hinnant's algorithm, "chrono-Compatible Low-Level Date Algorithms").
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
