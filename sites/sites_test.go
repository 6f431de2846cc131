package sites

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dctwin/dctwin/models/refdata"
)

var update = flag.Bool("update", false, "rewrite the site-file reference in README.md")

// minimal is the smallest valid site file.
const minimal = `[site]
name = "mini"

[weather]
climate = "dublin"

[[racks]]
name = "cpu"
count = 10

[grid]
carbon_g_per_kwh = 300
`

func TestMinimalSiteTakesDefaults(t *testing.T) {
	s, err := Parse([]byte(minimal), "mini.toml", ".", Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	p := s.Period
	if p.Steps != 365*96 || p.Step.String() != "15m0s" || p.Report.String() != "1h0m0s" {
		t.Errorf("period %+v, want a year of 15-minute steps reported hourly", p)
	}
	if p.Start.Format("2006-01-02 15:04 -07:00") != "2025-01-01 00:00 +00:00" {
		t.Errorf("start %v, want 2025-01-01 in Dublin's standard time", p.Start)
	}
	g := s.Racks[0]
	if g.PeakKW != 15 || g.IdleFrac != 0.35 || g.LiquidFrac != 0 {
		t.Errorf("cpu defaults not applied: %+v", g)
	}
	if s.Plant.Chillers < 2 || s.Plant.CRAH.Units < 1 || s.Plant.Tower.Cells < 1 {
		t.Errorf("plant not autosized: %+v", s.Plant)
	}
	if s.Water.Cycles != 4 || s.Water.DriftPct != 0.008 {
		t.Errorf("tower water defaults %+v", s.Water)
	}
}

func TestOverrides(t *testing.T) {
	s, err := Parse([]byte(minimal), "mini.toml", ".", Overrides{Climate: "riyadh", Start: "2024-02-01", Days: 3, Step: "1m", ReportInterval: "15m"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Period.Steps != 3*1440 || s.Period.Report.Minutes() != 15 || s.Period.Start.Month() != 2 {
		t.Errorf("period %+v", s.Period)
	}
	if !strings.Contains(s.Weather.Source, "riyadh") {
		t.Errorf("weather %q, want riyadh", s.Weather.Source)
	}
	if _, off := s.Period.Start.Zone(); off != 3*3600 {
		t.Errorf("zone offset %d s, want Riyadh's +03:00", off)
	}
}

// Every kind of bad input gives a problem naming the file, the line and the
// key, and saying what was expected.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return name
	}
	write("kg.csv", "time,value\n2025-01-01T00:00:00Z,0.4\n")
	write("trace.csv", ",cpu_load\n0,0.5\n1,1.7\n")
	write("short.csv", ",cpu_load\n0,0.5\n1,0.6\n")
	write("gw.csv", "time,gas_mw,coal_gw\n2025-01-01T00:00:00Z,1,1\n")
	write("mix.csv", "time,gas_mw\n2025-01-01T00:00:00Z,1\n")
	var year strings.Builder
	year.WriteString("time,gas_mw,coal_mw\n")
	for h := range 8760 {
		fmt.Fprintf(&year, "%s,100,50\n", time.Date(2023, 1, 1, h, 0, 0, 0, time.UTC).Format(time.RFC3339))
	}
	write("year.csv", year.String())
	tests := []struct {
		name     string
		edit     func(string) string
		at       string // the problem's line is the first line of the edited file holding this
		key, msg string
	}{
		{"unknown key with suggestion", replace("count = 10", "count = 10\ncuont = 3"), "cuont", "racks[0].cuont", "unknown key (did you mean count?)"},
		{"unknown section", appendText("\n[colling]\nkind = \"x\"\n"), "[colling]", "colling", "unknown key (did you mean cooling?)"},
		{"wrong type", replace("count = 10", `count = "ten"`), "count", "racks[0].count", `got the string "ten": want an integer`},
		{"float for integer", replace("count = 10", "count = 10.5"), "count", "racks[0].count", "want an integer"},
		{"missing name", replace(`name = "mini"`, `title = "x"`), "[site]", "site.name", "missing"},
		{"missing count", replace("count = 10", ""), "[[racks]]", "racks[0].count", "missing"},
		{"negative capacity", appendText("\n[cooling.chillers]\ncapacity_kw = -5\n"), "capacity_kw", "cooling.chillers.capacity_kw", "-5: want 10..30000 kW"},
		{"supply warmer than return", appendText("\n[cooling.crah]\nsupply_air_c = 30\nreturn_air_c = 25\n"), "return_air_c", "cooling.crah.return_air_c", "not warmer than supply_air_c"},
		{"loss below zero is efficiency above 1", appendText("\n[power]\nups_square_frac = -0.01\n"), "ups_square_frac", "power.ups_square_frac", "want 0..0.1"},
		{"COP out of range", appendText("\n[cooling.chillers]\ncop = 55\n"), "cop", "cooling.chillers.cop", "55: want 2..12"},
		{"unknown climate", replace(`climate = "dublin"`, `climate = "atlantis"`), "atlantis", "weather.climate", `"atlantis" is not one of`},
		{"bad duration", appendText("\n[period]\nstep = \"15 minutes\"\n"), "step", "period.step", "is not a duration"},
		{"step not dividing an hour", appendText("\n[period]\nstep = \"7m\"\n"), "step", "period.step", "dividing an hour"},
		{"report not a multiple", appendText("\n[period]\nstep = \"15m\"\nreport_interval = \"20m\"\n"), "report_interval", "period.report_interval", "multiple of the step"},
		{"two weather sources", replace(`climate = "dublin"`, `climate = "dublin"`+"\nepw = \"x.epw\""), "[weather]", "weather", "exactly one of climate, epw"},
		{"no weather", replace(`climate = "dublin"`, ""), "[weather]", "weather", "exactly one of climate, epw"},
		{"missing EPW file", replace(`climate = "dublin"`, `epw = "nope.epw"`), "nope.epw", "weather.epw", "nope.epw"},
		{"duplicate rack names", appendText("\n[[racks]]\nname = \"cpu\" # again\ncount = 2\n"), "# again", "racks[1].name", "also the name of racks[0]"},
		{"syntax error", replace("count = 10", "count = = 10"), "count", "racks.count", "TOML syntax"},
		{"monthly array too short", replace(`climate = "dublin"`, "[weather.custom]\nname = \"x\"\nlatitude_deg = 1\nlongitude_deg = 1\nutc_offset_h = 0\ntmax_c = [1,2,3,4,5,6,7,8,9,10,11]\ntmin_c = [0,0,0,0,0,0,0,0,0,0,0,0]\nrh_pct = [50,50,50,50,50,50,50,50,50,50,50,50]"), "tmax_c", "weather.custom.tmax_c", "11 values: want 12"},
		{"tmin above tmax", replace(`climate = "dublin"`, "[weather.custom]\nname = \"x\"\nlatitude_deg = 1\nlongitude_deg = 1\nutc_offset_h = 0\ntmax_c = [10,10,10,10,10,10,10,10,10,10,10,10]\ntmin_c = [0,0,25,0,0,0,0,0,0,0,0,0]\nrh_pct = [50,50,50,50,50,50,50,50,50,50,50,50]"), "tmin_c", "weather.custom.tmin_c", "Mar"},
		{"trace above 1", appendText("[racks.workload]\nkind = \"trace\"\nfile = \"trace.csv\"\nwrap = true\n"), "[racks.workload]", "racks[0].workload", "trace.csv:3"},
		{"trace too short", appendText("[racks.workload]\nkind = \"trace\"\nfile = \"short.csv\"\n"), "[racks.workload]", "racks[0].workload", "wrap"},
		{"UPS too small", appendText("\n[power]\nups_capacity_kw = 100\n"), "ups_capacity_kw", "power.ups_capacity_kw", "below the racks' nameplate"},
		{"carbon in kg", replace("carbon_g_per_kwh = 300", `carbon_file = "kg.csv"`), "carbon_file", "grid.carbon_file", "kg/kWh"},
		{"carbon both ways", replace("carbon_g_per_kwh = 300", "carbon_g_per_kwh = 300\ncarbon_file = \"kg.csv\""), "[grid]", "grid", "exactly one of"},
		{"bad site name", replace(`name = "mini"`, `name = "../etc"`), "../etc", "site.name", "names the output folder"},
		{"diurnal beyond 1", appendText("[racks.workload]\nkind = \"diurnal\"\nmean = 0.95\namplitude = 0.2\n"), "[racks.workload]", "racks[0].workload", "0..1"},
		{"PV on a synthetic climate", appendText("\n[pv]\ncapacity_kw = 100\n"), "[pv]", "pv", "no solar irradiance"},
		{"battery without power", appendText("\n[battery]\nenergy_kwh = 100\n"), "[battery]", "battery", "power_kw are required"},
		{"battery limits crossed", appendText("\n[battery]\nenergy_kwh = 100\npower_kw = 50\nmin_soc_frac = 0.9\nmax_soc_frac = 0.5\n"), "[battery]", "battery", "state-of-charge limits"},
		{"fuel factors without a mix", replace("carbon_g_per_kwh = 300", "carbon_g_per_kwh = 300\n[grid.factors]\ngas_carbon_g_per_kwh = 400"), "[grid.factors]", "grid.factors", "need a fuel-mix file"},
		{"water sources above 1", appendText("\n[water]\npotable_frac = 0.8\nreclaimed_frac = 0.4\n"), "reclaimed_frac", "water.reclaimed_frac", "at most 1"},
		{"fuel mix in GW", replace("carbon_g_per_kwh = 300", `carbon_file = "gw.csv"`), "carbon_file", "grid.carbon_file", `"coal_gw": unknown`},
		{"fuel mix too short", replace("carbon_g_per_kwh = 300", `carbon_file = "mix.csv"`), "carbon_file", "grid.carbon_file", "mix.csv"},
		{"time-of-use without price", appendText("\n[tariff]\n[[tariff.tou]]\nstart_h = 1\nend_h = 2\n"), "[[tariff.tou]]", "tariff.tou[0]", "price_per_kwh are required"},
		{"grid stress without site stress", replace("carbon_g_per_kwh = 300", "carbon_g_per_kwh = 300\nwater_stress_factor = 2"), "water_stress_factor", "grid.water_stress_factor", "needs water.stress_factor"},
		{"some withdrawal factors", replace("carbon_g_per_kwh = 300", "carbon_file = \"year.csv\"\nwrap = true\n[grid.factors]\ngas_withdrawal_l_per_mwh = 950"), "gas_withdrawal", "grid.factors.gas_withdrawal_l_per_mwh", "all or none (there are no built-in ones): also give grid.factors.wind_withdrawal_l_per_mwh"},
		{"unknown fuel factor", replace("carbon_g_per_kwh = 300", "carbon_g_per_kwh = 300\n[grid.factors]\nlignite_carbon_g_per_kwh = 1000"), "lignite", "grid.factors.lignite_carbon_g_per_kwh", "unknown key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.edit(minimal)
			name := write("site.toml", text)
			_, err := Load(filepath.Join(dir, name), Overrides{})
			wantProblem(t, err, text, tc.at, tc.key, tc.msg)
		})
	}
}

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("test edit: " + old + " not found")
		}
		return strings.Replace(s, old, new, 1)
	}
}

func appendText(text string) func(string) string {
	return func(s string) string { return s + text }
}

// Every problem is reported at once, not just the first.
func TestAllProblemsReported(t *testing.T) {
	src := strings.Replace(minimal, "count = 10", "count = -1\npeak_kw = 9999\nidle_frac = 2", 1)
	_, err := Parse([]byte(src), "s.toml", ".", Overrides{})
	var se *Error
	if !errors.As(err, &se) || len(se.Problems) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
	if got := se.Error(); strings.Count(got, "\n") != 2 || !strings.HasPrefix(got, "s.toml:9: racks[0].count: -1: want 1..1000000\ns.toml:10: racks[0].peak_kw") {
		t.Errorf("message:\n%s", got)
	}
}

func TestExamplesParse(t *testing.T) {
	if len(Examples()) < 3 {
		t.Fatal("fewer than three examples")
	}
	for _, e := range Examples() {
		s, err := Parse(e.TOML, e.Name+".toml", ".", Overrides{})
		if err != nil {
			t.Errorf("%s: %v", e.Name, err)
			continue
		}
		if s.Name != e.Name || e.Title == "" {
			t.Errorf("%s: site name %q, title %q", e.Name, s.Name, e.Title)
		}
	}
	d, err := Default(Overrides{})
	if err != nil || len(d) != 3 {
		t.Fatalf("default portfolio: %d sites, %v", len(d), err)
	}
	climates := map[string]bool{}
	for _, s := range d {
		climates[s.Weather.Location.Name] = true
		var kw float64
		for _, g := range s.Racks {
			kw += float64(g.Racks) * g.PeakKW
		}
		if kw < 9000 || kw > 11000 {
			t.Errorf("%s: %.0f kW of racks, want about 10 MW", s.Name, kw)
		}
	}
	if len(climates) != 3 {
		t.Errorf("default portfolio climates %v, want three", climates)
	}
}

// README.md documents every key, exactly as the key table says.
func TestReadmeReference(t *testing.T) {
	path := filepath.Join("..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i, j := strings.Index(text, ReferenceBegin), strings.Index(text, ReferenceEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the reference markers")
	}
	want := ReferenceBegin + "\n" + Reference() + "\n" + ReferenceEnd
	if got := text[i : j+len(ReferenceEnd)]; got != want {
		if *update {
			if err := os.WriteFile(path, []byte(text[:i]+want+text[j+len(ReferenceEnd):]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's site-file reference is out of date; run go test ./sites -update")
	}
}

// Every field of the typed file form has a documented key, so nothing is
// accepted without documentation (and nothing documented is ignored).
func TestEveryKeyIsDocumented(t *testing.T) {
	for _, k := range keys {
		if k.kind != kTable && k.kind != kTables && k.doc == "" {
			t.Errorf("%s has no documentation", k.path)
		}
		if k.kind != kTable && k.kind != kTables && k.kind != kEnum && k.kind != kMonthly && k.def == "" {
			t.Errorf("%s has no documented default", k.path)
		}
	}
	for _, p := range structKeys(fileSpec{}, "") {
		if _, ok := keyIndex[p]; !ok {
			t.Errorf("field %s is decoded but not in the key table", p)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	for _, e := range Examples() {
		f.Add(e.TOML)
	}
	f.Add([]byte("[site]\nname = 3\n[[racks]]\n[[racks]]\nname='a'\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := Parse(src, "fuzz.toml", t.TempDir(), Overrides{Days: 1})
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || len(se.Problems) == 0 {
				t.Fatalf("error %v is not a list of problems", err)
			}
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("accepted a site the engine rejects: %v", err)
		}
	})
}

// shared returns a path in the reference data, or skips when it is absent.
func shared(t *testing.T, rel string) string {
	t.Helper()
	return refdata.Path(t, rel)
}

// Real inputs of ../shared end to end: an hourly workload trace and an
// EIA-930 grid file, both for 2022 data mapped onto a 2025 period.
func TestSharedTraceAndGrid(t *testing.T) {
	trace := shared(t, "workload/google_cpu_hourly_1.csv")
	gridFile := shared(t, "grid/eia930_PJM_2022.csv")
	epw := shared(t, "weather/USA_VA_Leesburg.Exec.AP.724055_TMYx.epw")
	src := strings.NewReplacer("TRACE", trace, "GRID", gridFile, "EPW", epw).Replace(`[site]
name = "shared"
[weather]
epw = "EPW"
[[racks]]
name = "cpu"
count = 20
[racks.workload]
kind = "trace"
file = "TRACE"
wrap = true
[grid]
carbon_file = "GRID"
wrap = true
`)
	s, err := Parse([]byte(src), "shared.toml", ".", Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Carbon.Source, "avg_CI") {
		t.Errorf("carbon source %q, want the avg_CI column", s.Carbon.Source)
	}
	if !strings.Contains(strings.Join(s.Warnings, "\n"), "missing hours") {
		t.Errorf("PJM 2022 has filled gaps; warnings: %q", s.Warnings)
	}
	// Without wrap, a 2022 series cannot cover 2025: a clear error.
	_, err = Parse([]byte(strings.Replace(src, "wrap = true\n", "", 2)), "shared.toml", ".", Overrides{})
	if err == nil || !strings.Contains(err.Error(), "wrap") {
		t.Errorf("uncovered period: %v", err)
	}
}

// wantProblem checks that err holds a problem of key whose message contains
// msg, in file site.toml, on the first line of text that contains at.
func wantProblem(t *testing.T, err error, text, at, key, msg string) {
	t.Helper()
	line := 0
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, at) {
			line = i + 1
			break
		}
	}
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want *Error", err)
	}
	for _, p := range se.Problems {
		if p.Key == key && strings.Contains(p.Msg, msg) {
			if !strings.HasSuffix(p.File, "site.toml") {
				t.Errorf("problem names file %q", p.File)
			}
			if p.Line != line {
				t.Errorf("line %d, want %d: %s", p.Line, line, p)
			}
			return
		}
	}
	t.Errorf("no problem with key %q containing %q in:\n%v", key, msg, err)
}
