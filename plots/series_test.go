package plots

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dctwin/dctwin/sim"
)

func jsonNumber(x float64) json.Number { return json.Number(strconv.FormatFloat(x, 'f', -1, 64)) }

const header = "time,drybulb_c,wetbulb_c,rh_pct,it_kw,cooling_kw,power_loss_kw,other_kw,facility_kw,grid_kw,heat_rejected_kw,water_withdrawal_l,water_consumption_l,water_discharge_l,carbon_kg,pue"

func row(t time.Time) string {
	return t.Format(time.RFC3339) + ",20.00,15.00,50.0,100.000,20.000,5.000,1.000,126.000,126.000,126.000,30.000,20.000,10.000,50.000,1.2600"
}

func TestReadSeriesErrors(t *testing.T) {
	loc := time.FixedZone("", -7*3600)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, loc)
	end := start.Add(3 * time.Hour)
	good := []string{header, row(start), row(start.Add(time.Hour)), row(start.Add(2 * time.Hour))}
	edit := func(f func(l []string) []string) string {
		l := append([]string(nil), good...)
		return strings.Join(f(l), "\n") + "\n"
	}
	for _, c := range []struct {
		name, text, want string
	}{
		{"missing column", edit(func(l []string) []string { l[0] = strings.Replace(l[0], ",it_kw", ",itkw", 1); return l }), ":1: no column it_kw"},
		{"bad number", edit(func(l []string) []string { l[2] = strings.Replace(l[2], "100.000", "1OO", 1); return l }), `:3: it_kw "1OO": want a number`},
		{"NaN", edit(func(l []string) []string { l[3] = strings.Replace(l[3], "30.000", "NaN", 1); return l }), `:4: water_withdrawal_l "NaN"`},
		{"short row", edit(func(l []string) []string { l[2] = l[2][:40]; return l }), ":3: "},
		{"long row", edit(func(l []string) []string { l[2] += ",1"; return l }), ":3: "},
		{"bad time", edit(func(l []string) []string { l[1] = "2025-01-01 00:00," + l[1][26:]; return l }), ":2: time"},
		{"gap", edit(func(l []string) []string { return append(l[:2], l[3:]...) }), ":3: time 2025-01-01T02:00:00-07:00: want 2025-01-01T01:00:00-07:00"},
		{"too few rows", edit(func(l []string) []string { return l[:3] }), "2 rows, want 3"},
		{"too many rows", edit(func(l []string) []string { return append(l, row(end)) }), ":5: row beyond"},
		{"no header", "", ":1: no header"},
	} {
		_, err := ReadSeries(bufio.NewReader(strings.NewReader(c.text)), "ts.csv", start, end, time.Hour)
		if err == nil || !IsInputError(err) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.name, err, c.want)
		}
	}
	s, err := ReadSeries(bufio.NewReader(strings.NewReader(strings.Join(good, "\r\n"))), "ts.csv", start, end, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if d := s.Days[0]; d.Hours != 3 || d.KWh[cIT] != 300 || d.Amount[cWithdrawal] != 90 {
		t.Errorf("day: %+v", d)
	}
}

// Rows longer than an hour, and rows that start off the hour, spread over
// the hours they cover.
func TestReadSeriesSplitsRows(t *testing.T) {
	loc := time.UTC
	start := time.Date(2025, 3, 1, 22, 30, 0, 0, loc)
	end := start.Add(3 * time.Hour)
	text := header + "\n" + row(start) + "\n" + row(start.Add(90*time.Minute)) + "\n"
	s, err := ReadSeries(bufio.NewReader(strings.NewReader(text)), "ts.csv", start, end, 90*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Days) != 2 || s.Days[0].Hours != 1.5 || s.Days[1].Hours != 1.5 {
		t.Fatalf("days: %d, hours %v %v", len(s.Days), s.Days[0].Hours, s.Days[1].Hours)
	}
	if got := s.Days[0].Amount[cWithdrawal] + s.Days[1].Amount[cWithdrawal]; got != 60 {
		t.Errorf("withdrawal over both days %v, want 60", got)
	}
	if s.HourCovered[22] != 0.5 || s.HourCovered[23] != 1 || s.HourWithdrawalL[22] != 10 {
		t.Errorf("hour cells: %v %v %v", s.HourCovered[22], s.HourCovered[23], s.HourWithdrawalL[22])
	}
}

// A period that does not end on the report interval ends with a shorter row.
func TestReadSeriesShortLastRow(t *testing.T) {
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	end := start.Add(150 * time.Minute)
	text := header + "\n" + row(start) + "\n" + row(start.Add(time.Hour)) + "\n" + row(start.Add(2*time.Hour)) + "\n"
	s, err := ReadSeries(bufio.NewReader(strings.NewReader(text)), "ts.csv", start, end, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if s.Days[0].Hours != 2.5 || s.Days[0].KWh[cIT] != 250 || s.Days[0].Amount[cWithdrawal] != 90 {
		t.Errorf("day: %v h, %v kWh, %v L", s.Days[0].Hours, s.Days[0].KWh[cIT], s.Days[0].Amount[cWithdrawal])
	}
}

func TestParseNumberMatchesStrconv(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 100000; i++ {
		x := (r.Float64() - 0.3) * float64(r.IntN(1e7))
		s := strconv.FormatFloat(x, 'f', r.IntN(7), 64)
		want, _ := strconv.ParseFloat(s, 64)
		got, ok := parseNumber([]byte(s))
		if !ok || got != want {
			t.Fatalf("%q: got %v %v, want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"1e3", "-0", "+2.5", "123456789012345678.5"} {
		want, _ := strconv.ParseFloat(s, 64)
		if got, ok := parseNumber([]byte(s)); !ok || got != want {
			t.Errorf("%q: %v", s, got)
		}
	}
	for _, s := range []string{"", "-", ".", "1.2.3", "NaN", "Inf", "1,5", "0x10"} {
		if _, ok := parseNumber([]byte(s)); ok {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestParseStampMatchesTime(t *testing.T) {
	for _, s := range []string{"2025-01-01T00:00:00-07:00", "2024-02-29T23:59:00+05:30", "1999-12-31T12:00:00Z", "2100-03-01T00:00:00+14:00"} {
		want, _ := time.Parse(time.RFC3339, s)
		got, ok := parseStamp([]byte(s))
		if !ok || got != want.Unix() {
			t.Errorf("%s: %d, want %d", s, got, want.Unix())
		}
	}
	for _, s := range []string{"2025-01-01 00:00:00Z", "2025-13-01T00:00:00Z", "2025-01-01T00:00:00+0700", "2025-01-01T00:00:00"} {
		if _, ok := parseStamp([]byte(s)); ok {
			t.Errorf("%q accepted", s)
		}
	}
}

func FuzzReadSeries(f *testing.F) {
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Add(header + "\n" + row(start) + "\n" + row(start.Add(time.Hour)) + "\n")
	f.Add("time,it_kw\n")
	f.Fuzz(func(t *testing.T, text string) {
		s, err := ReadSeries(bufio.NewReader(strings.NewReader(text)), "ts.csv", start, start.Add(2*time.Hour), time.Hour)
		if err == nil && s.Rows != 2 {
			t.Fatalf("read %d rows without error", s.Rows)
		}
	})
}

func TestPreciseTicks(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		want   string
	}{{1.14, 1.31, "1.15"}, {1.1, 1.4, "."}, {0, 15000, "5,000"}} {
		var labels []string
		for _, tk := range (precise{}).Ticks(c.lo, c.hi) {
			if tk.Label != "" {
				labels = append(labels, tk.Label)
			}
		}
		if !strings.Contains(strings.Join(labels, " "), c.want) {
			t.Errorf("%v..%v: labels %v lack %s", c.lo, c.hi, labels, c.want)
		}
		for i := 1; i < len(labels); i++ {
			if labels[i] == labels[i-1] {
				t.Errorf("%v..%v: labels %v repeat", c.lo, c.hi, labels)
			}
		}
		// all labels carry the same decimals
		dec := -1
		for _, l := range labels {
			_, frac, _ := strings.Cut(l, ".")
			if dec >= 0 && len(frac) != dec {
				t.Errorf("%v..%v: labels %v differ in decimals", c.lo, c.hi, labels)
			}
			dec = len(frac)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		x    float64
		d    int
		want string
	}{{1234567.891, 0, "1,234,568"}, {-1234.5, 1, "-1,234.5"}, {999, 0, "999"}, {-0.0001, 2, "0.00"}, {1.2686, 3, "1.269"}} {
		if got := formatNumber(c.x, c.d); got != c.want {
			t.Errorf("formatNumber(%v, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
	}
}

func ExampleKPI_Format() {
	raw := map[string]any{"pue": json.Number("1.2686011"), "water_l": map[string]any{"withdrawal": json.Number("190793301.81")}}
	for _, k := range KPIs {
		if text, ok := k.Format(raw); ok {
			fmt.Println(strings.TrimSpace(k.Path + ": " + text + " " + k.Unit))
		}
	}
	// Output:
	// pue: 1.269
	// water_l.withdrawal: 190,793 m³
}

// An optional column may be blank (a quantity the run could not compute);
// a required one may not. Levels keep their mean and extremes, and the rows
// of rack inlet and room air are kept for the event figure.
func TestReadSeriesOptionalColumns(t *testing.T) {
	loc := time.FixedZone("", -7*3600)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, loc)
	end := start.Add(2 * time.Hour)
	head := header + ",offsite_water_consumption_l,rack_inlet_max_c,room_air_c,battery_soc_pct,generator_kw"
	text := head + "\n" + row(start) + ",,24.00,22.00,80.00,0.000\n" + row(start.Add(time.Hour)) + ",,36.00,30.00,60.00,900.000\n"
	s, err := ReadSeries(bufio.NewReader(strings.NewReader(text)), "ts.csv", start, end, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	d := s.Days[0]
	if !s.Blank[cOffsiteConsumption] || s.Blank[cRackInlet] || d.Amount[cOffsiteConsumption] != 0 {
		t.Errorf("blank off-site water: blank %v, amount %v", s.Blank[cOffsiteConsumption], d.Amount[cOffsiteConsumption])
	}
	if d.Mean[cRackInlet] != 30 || d.Max[cRackInlet] != 36 || d.Min[cBatterySOC] != 60 || d.Mean[cBatterySOC] != 70 || d.Max[cGenerator] != 900 || d.KWh[cGenerator] != 900 {
		t.Errorf("levels: inlet mean %v max %v, SOC min %v mean %v, generator max %v kWh %v",
			d.Mean[cRackInlet], d.Max[cRackInlet], d.Min[cBatterySOC], d.Mean[cBatterySOC], d.Max[cGenerator], d.KWh[cGenerator])
	}
	if len(s.RackInletC) != 2 || s.RackInletC[1] != 36 || len(s.RoomAirC) != 2 || s.RoomAirC[0] != 22 {
		t.Errorf("rows: inlet %v, room %v", s.RackInletC, s.RoomAirC)
	}
	bad := strings.Replace(text, "100.000", "", 1)
	if _, err := ReadSeries(bufio.NewReader(strings.NewReader(bad)), "ts.csv", start, end, time.Hour); err == nil || !strings.Contains(err.Error(), `:2: it_kw "": want a number`) {
		t.Errorf("blank required cell: %v", err)
	}
}

// The day aggregates of the new columns add up to the summary's totals:
// cooling-mode hours, off-site water, generator and battery energy.
func TestFeatureSeriesMatchSummary(t *testing.T) {
	for _, c := range []struct {
		site, what string
		got        func(s *Site) float64
		want       func(s *Site) float64
		tol        float64
	}{
		{"ai-liquid-adiabatic", "evaporative hours", func(s *Site) float64 {
			return sumDays(s, func(d *Day) float64 { return d.Mean[cEvaporativeFrac] * d.Hours })
		},
			func(s *Site) float64 { return s.Summary.Design.EvaporativeHours }, 0.05},
		{"ai-liquid-adiabatic", "trim hours", func(s *Site) float64 { return sumDays(s, func(d *Day) float64 { return d.Mean[cTrimFrac] * d.Hours }) },
			func(s *Site) float64 { return s.Summary.Design.TrimHours }, 0.05},
		{"phoenix-ledger", "off-site water L", func(s *Site) float64 {
			return sumDays(s, func(d *Day) float64 { return d.Amount[cOffsiteConsumption] })
		},
			func(s *Site) float64 { return *s.Summary.OffsiteWater.Consumption }, 1},
		{"phoenix-ledger", "battery charge kWh", func(s *Site) float64 { return sumDays(s, func(d *Day) float64 { return d.KWh[cBatteryCharge] }) },
			func(s *Site) float64 { return s.Summary.Supply.BatteryChargeKWh }, 0.5},
		{"ai-hall-failures", "generator kWh", func(s *Site) float64 { return sumDays(s, func(d *Day) float64 { return d.KWh[cGenerator] }) },
			func(s *Site) float64 { return s.Summary.Supply.GeneratorKWh }, 0.5},
	} {
		s, err := ReadSite(filepath.Join("testdata", "features", c.site))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := c.got(s), c.want(s); math.Abs(got-want) > c.tol || want == 0 {
			t.Errorf("%s %s: days add to %v, summary says %v", c.site, c.what, got, want)
		}
	}
}

func sumDays(s *Site, f func(d *Day) float64) float64 {
	t := 0.0
	for i := range s.Series.Days {
		t += f(&s.Series.Days[i])
	}
	return t
}

// The events figure draws the events that passed the allowable limit first,
// keeping the order of the site file.
func TestPickEvents(t *testing.T) {
	m := 12.0
	ev := func(pass bool) sim.EventSummary {
		if pass {
			return sim.EventSummary{RideThroughMin: &m}
		}
		return sim.EventSummary{}
	}
	for _, c := range []struct {
		pass []bool
		n    int
		want []int
	}{
		{[]bool{false, false, true}, 4, []int{0, 1, 2}},
		{[]bool{false, false, false, false, false, true}, 4, []int{0, 1, 2, 5}},
		{[]bool{false, true, false, true, false, true}, 2, []int{1, 3}},
		{nil, 4, nil},
	} {
		var events []sim.EventSummary
		for _, p := range c.pass {
			events = append(events, ev(p))
		}
		if got := pickEvents(events, c.n); !slices.Equal(got, c.want) {
			t.Errorf("%v, %d: picked %v, want %v", c.pass, c.n, got, c.want)
		}
	}
}
