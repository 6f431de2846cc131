package plots

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dctwin/dctwin/sim"
)

var update = flag.Bool("update", false, "rewrite the golden figures in testdata/golden")

// The test folders, written by dctwin run (see testFolders).
const (
	// portfolio is a 14-day, hourly run of the embedded example portfolio
	// from before the cooling designs, thermal mass and ledger: it checks
	// that outputs without their keys and columns still draw.
	portfolio = "out"
	// features holds runs of four examples from 2025-07-07 for 16 days with
	// hourly rows: ai-hall-failures (three failure events, generators),
	// heat-reuse and ai-liquid-adiabatic (liquid cooling, facility water,
	// dry coolers, heat reuse, adiabatic spray) and phoenix-ledger (grid
	// limit, battery, PV from the Phoenix TMY3 EPW with its [pv] table
	// uncommented, cost):
	//
	//	dctwin run -no-plots -start 2025-07-07 -days 16 -report-interval 1h ai-hall-failures.toml heat-reuse.toml ai-liquid-adiabatic.toml
	//	dctwin run -no-plots -start 2025-07-07 -days 16 -step 15m -report-interval 1h -weather USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw phoenix-ledger.toml
	//
	// with the two summary.csv files joined.
	features = "features"
)

// testOut copies a test folder under testdata to a temporary folder.
func testOut(t testing.TB, name ...string) string {
	t.Helper()
	dst := t.TempDir()
	folder := portfolio
	if len(name) > 0 {
		folder = name[0]
	}
	src := filepath.Join("testdata", folder)
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

type writtenFolder struct {
	out string
	res *Result
	err error
}

// written holds each test folder drawn once per test binary.
var written = map[string]*writtenFolder{}

// writeTestOut draws a test folder (the portfolio by default) once and
// returns where.
func writeTestOut(t *testing.T, name ...string) (string, *Result) {
	t.Helper()
	folder := portfolio
	if len(name) > 0 {
		folder = name[0]
	}
	w := written[folder]
	if w == nil {
		w = &writtenFolder{}
		written[folder] = w
		// t.TempDir would vanish with the first test: keep a folder of our own.
		keep, err := os.MkdirTemp("", "plots-test")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(keep, os.DirFS(testOut(t, folder))); err != nil {
			t.Fatal(err)
		}
		w.out = keep
		w.res, w.err = Write(context.Background(), keep, Options{})
	}
	if w.err != nil {
		t.Fatal(w.err)
	}
	return w.out, w.res
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, w := range written {
		os.RemoveAll(w.out)
	}
	os.Exit(code)
}

// The figures are deterministic: SVG text and PNG bytes match the goldens.
// Goldens: every figure of one site and the cross-site ones as SVG, two as PNG.
func TestGoldenFigures(t *testing.T) {
	out, res := writeTestOut(t)
	if len(res.Figures) != 3*9+2 {
		t.Errorf("%d figures, want %d", len(res.Figures), 3*9+2)
	}
	var files []string
	for _, f := range res.Figures {
		rel, _ := filepath.Rel(out, f)
		if strings.HasPrefix(rel, "phoenix-hybrid") || strings.HasPrefix(rel, "sites_") {
			files = append(files, strings.TrimSuffix(rel, ".png")+".svg")
		}
	}
	files = append(files, "phoenix-hybrid/plots/power.png", "phoenix-hybrid/plots/energy_flow.png")
	compareGoldens(t, out, "", files)
}

// compareGoldens compares files of a drawn folder with
// testdata/golden/<prefix><path with / as _>, or rewrites them with -update.
func compareGoldens(t *testing.T, out, prefix string, files []string) {
	t.Helper()
	for _, rel := range files {
		got, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", prefix+strings.ReplaceAll(rel, "/", "_"))
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./plots -update)", err)
		}
		if !bytes.Equal(got, want) {
			bad := filepath.Join(t.TempDir(), filepath.Base(golden))
			os.WriteFile(bad, got, 0o644)
			t.Errorf("%s differs from %s (go test ./plots -update rewrites it)", rel, golden)
		}
	}
}

// The figures of the cooling designs, thermal limits, failure events and
// the ledger appear exactly for the sites whose data supports them, and
// match their goldens.
func TestGoldenFeatureFigures(t *testing.T) {
	out, res := writeTestOut(t, features)
	common := []string{"power", "pue_wue", "heatmap_cooling", "heatmap_water", "water_monthly", "load_duration", "weather", "carbon", "energy_flow"}
	want := map[string][]string{
		"ai-hall-failures":    append(slices.Clone(common), "supply", "events"),
		"heat-reuse":          append(slices.Clone(common), "facility_water", "cooling_modes"),
		"ai-liquid-adiabatic": append(slices.Clone(common), "facility_water", "cooling_modes"),
		"phoenix-ledger":      append(slices.Clone(common), "supply"),
	}
	got := map[string][]string{}
	for _, f := range res.Figures {
		rel, _ := filepath.Rel(out, f)
		if site, name, ok := strings.Cut(rel, "/plots/"); ok {
			got[site] = append(got[site], strings.TrimSuffix(name, ".png"))
		}
	}
	for site, names := range want {
		if !slices.Equal(got[site], names) {
			t.Errorf("%s: figures %v, want %v", site, got[site], names)
		}
	}
	files := []string{
		"ai-hall-failures/plots/events.svg", "ai-hall-failures/plots/events.png", "ai-hall-failures/plots/supply.svg", "ai-hall-failures/plots/energy_flow.svg",
		"phoenix-ledger/plots/supply.svg", "phoenix-ledger/plots/water_monthly.svg", "phoenix-ledger/plots/energy_flow.svg",
		"ai-liquid-adiabatic/plots/facility_water.svg", "ai-liquid-adiabatic/plots/cooling_modes.svg", "heat-reuse/plots/energy_flow.svg",
	}
	compareGoldens(t, out, "features_", files)
}

// Drawing twice gives the same bytes.
func TestDeterministic(t *testing.T) {
	out, _ := writeTestOut(t)
	again := testOut(t)
	if _, err := Write(context.Background(), again, Options{Parallel: 1}); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"report.html", "singapore-ai/plots/heatmap_cooling.png", "sites_totals.svg"} {
		a, _ := os.ReadFile(filepath.Join(out, rel))
		b, _ := os.ReadFile(filepath.Join(again, rel))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs (%d and %d bytes)", rel, len(a), len(b))
		}
	}
}

var cellRE = regexp.MustCompile(`<td class="num" data-site="([^"]+)" data-key="([^"]+)">([^<]*)</td>`)

// Every number of the report equals the summary's, formatted as the table
// says; and the headline figures a reviewer needs are there for every site,
// with the thermal, event, design and cost numbers where the sites have them.
func TestReportNumbersMatchSummaries(t *testing.T) {
	for _, folder := range []string{portfolio, features} {
		t.Run(folder, func(t *testing.T) { checkReportNumbers(t, folder) })
	}
}

func checkReportNumbers(t *testing.T, folder string) {
	out, res := writeTestOut(t, folder)
	html, err := os.ReadFile(res.Report)
	if err != nil {
		t.Fatal(err)
	}
	sites := map[string]*Site{}
	for _, s := range res.Sites {
		sites[s.Name] = s
	}
	cells := cellRE.FindAllSubmatch(html, -1)
	if len(cells) < 30 {
		t.Fatalf("%d KPI cells in the report", len(cells))
	}
	seen := map[string]bool{}
	for _, c := range cells {
		site, key, text := string(c[1]), string(c[2]), string(c[3])
		s := sites[site]
		k, ok := cellKPI(key)
		if s == nil || !ok {
			t.Errorf("cell %s/%s: unknown site or key", site, key)
			continue
		}
		// Read summary.json again, independently of the report's reading.
		raw := readRaw(t, filepath.Join(out, site, "summary.json"))
		want, ok := k.Format(raw)
		seen[site+" "+key] = true
		if !ok {
			absent := "–"
			if strings.HasSuffix(key, ".ride_through_min") {
				absent = "did not pass"
			}
			if text != absent {
				t.Errorf("%s %s: %q, but summary.json has no such number", site, key, text)
			}
			continue
		}
		if text != want {
			t.Errorf("%s %s: report shows %q, summary formats to %q", site, key, text, want)
		}
		shown, err := strconv.ParseFloat(strings.ReplaceAll(text, ",", ""), 64)
		value, _ := k.Value(raw)
		if err != nil || math.Abs(shown-value) > 0.5*math.Pow10(-k.Decimals)*(1+1e-9) {
			t.Errorf("%s %s: shows %q for %v %s", site, key, text, value, k.Unit)
		}
	}
	for _, s := range res.Sites {
		keys := []string{"energy_kwh.facility", "energy_kwh.it", "pue", "water_l.withdrawal", "water_l.consumption", "peak_day_water_withdrawal_l", "peak_kw.grid", "carbon_kg"}
		if folder == features {
			keys = append(keys, "thermal.hours_above_recommended", "thermal.hours_above_allowable", "thermal.max_inlet_c", "thermal.ride_through_at_peak_min",
				"cooling_design.evaporative_hours", "cooling_design.trim_hours", "grid_limit.hours_at_limit", "supply.generator_kwh", "supply.generator_fuel_l")
			for i := range s.Summary.Events {
				for _, f := range eventFields {
					keys = append(keys, fmt.Sprintf("events.%d.%s", i, f.Path))
				}
			}
			if s.Summary.Design.FacilityWater != nil {
				keys = append(keys, "cooling_design.facility_water.hours_above_class")
			}
			if s.Summary.Cost != nil {
				keys = append(keys, "cost.total", "cost.energy", "cost.demand", "cost.water", "cost.sewer", "cost.fuel")
			}
		}
		for _, key := range keys {
			if !seen[s.Name+" "+key] {
				t.Errorf("report lacks %s of %s", key, s.Name)
			}
		}
	}
	for _, want := range []string{"data:image/svg+xml;base64,", "ISO/IEC 30134-9", "2024/1364", "Methodology", "References"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
	if folder == features {
		for _, want := range []string{"did not pass", "ASHRAE class A2", "class W32", "Cooling design: liquid", "Operating cost (USD)", ">USD<", "Not drawn for this site: on-site supply (no PV, battery or generator that ran"} {
			if !bytes.Contains(html, []byte(want)) {
				t.Errorf("report lacks %q", want)
			}
		}
	}
	if n := bytes.Count(html, []byte("<img ")); n != len(res.Figures) {
		t.Errorf("report has %d images, want %d", n, len(res.Figures))
	}
	if bytes.Contains(html, []byte("http://")) || bytes.Contains(html, []byte("https://")) || bytes.Contains(html, []byte("<script")) {
		t.Error("report refers to the network or runs scripts: it must be self-contained")
	}
}

func readRaw(t *testing.T, path string) map[string]any {
	t.Helper()
	s, err := ReadSite(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	return s.Raw
}

// The daily aggregates add up to the summary's totals.
func TestSeriesTotalsMatchSummary(t *testing.T) {
	s, err := ReadSite(filepath.Join("testdata", "out", "ashburn-colo"))
	if err != nil {
		t.Fatal(err)
	}
	var it, fac, with, carbon, hours float64
	for _, d := range s.Series.Days {
		it += d.KWh[cIT]
		fac += d.KWh[cFacility]
		with += d.Amount[cWithdrawal]
		carbon += d.Amount[cCarbon]
		hours += d.Hours
	}
	sum := s.Summary
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"IT kWh", it, sum.Energy.IT}, {"facility kWh", fac, sum.Energy.Facility},
		{"withdrawal L", with, sum.Water.Withdrawal}, {"carbon kg", carbon, sum.CarbonKg}, {"hours", hours, 14 * 24}} {
		if math.Abs(c.got-c.want) > 1e-6*c.want {
			t.Errorf("%s: days add to %v, summary says %v", c.name, c.got, c.want)
		}
	}
	cells := 0.0
	for _, h := range s.Series.HourCovered {
		cells += h
	}
	if cells != 14*24 {
		t.Errorf("hour cells cover %v h", cells)
	}
}

// Inflows equal outflows at every node of the energy flow, and the three
// columns carry the same energy, for today's summaries and for ones with
// on-site PV, heat reuse and unmet load.
func TestEnergyFlowBalances(t *testing.T) {
	var sites []*Site
	for _, folder := range []string{portfolio, features} {
		ss, err := ReadFolder(filepath.Join("testdata", folder))
		if err != nil {
			t.Fatal(err)
		}
		sites = append(sites, ss...)
	}
	variants := []struct {
		name string
		edit func(s *Site)
	}{
		{"as run", func(*Site) {}},
		{"pv and heat reuse", func(s *Site) {
			s.Raw["energy_kwh"].(map[string]any)["pv"] = jsonNumber(0.1 * s.Summary.Energy.Facility)
			s.Summary.Energy.Grid = 0.9 * s.Summary.Energy.Facility
			s.Raw["heat_reused_kwh"] = jsonNumber(0.2 * s.Summary.Energy.Facility)
			s.Summary.HeatRejected = 0.8 * s.Summary.Energy.Facility
		}},
		{"unmet load and a battery", func(s *Site) {
			s.Summary.HeatRejected *= 0.97
			s.Summary.Energy.Grid *= 0.95
		}},
		{"generators and a battery that loses energy", func(s *Site) {
			fac := s.Summary.Energy.Facility
			s.Summary.Supply = &sim.SupplyTotals{GeneratorKWh: 0.04 * fac, BatteryChargeKWh: 0.02 * fac, BatteryDischargeKW: 0.018 * fac, BatteryLossKWh: 0.002 * fac}
			// facility = grid + PV + generators + discharge - charge
			pv, _ := rawNumber(s.Raw, "energy_kwh.pv")
			s.Summary.Energy.Grid = fac - pv - 0.04*fac - 0.018*fac + 0.02*fac
		}},
	}
	for _, v := range variants {
		for _, s := range sites {
			v.edit(s)
			f := newEnergyFlow(s)
			fac := s.Summary.Energy.Facility
			if imb := f.imbalance(); imb > 1e-9*fac {
				t.Errorf("%s, %s: a node is out of balance by %v kWh", v.name, s.Name, imb)
			}
			if in, mid, heat := f.colTotal(0), f.colTotal(1), f.colTotal(2); math.Abs(in-mid) > 1e-9*fac || math.Abs(heat-fac) > 1e-9*fac {
				t.Errorf("%s, %s: columns carry %v, %v, %v kWh; facility %v", v.name, s.Name, in, mid, heat, fac)
			}
			if sup := s.Summary.Supply; strings.HasPrefix(v.name, "generators") {
				nodes := map[string]float64{}
				for _, n := range f.Nodes {
					nodes[n.Label] = n.KWh
				}
				if math.Abs(nodes["generators"]-sup.GeneratorKWh) > 1e-9*fac || math.Abs(nodes["battery losses and charge held"]-sup.BatteryLossKWh) > 1e-6*fac {
					t.Errorf("%s, %s: nodes %v; want generators %v and battery losses %v", v.name, s.Name, nodes, sup.GeneratorKWh, sup.BatteryLossKWh)
				}
			}
		}
	}
}

func TestNotAnOutputFolder(t *testing.T) {
	dir := t.TempDir()
	_, err := Write(context.Background(), dir, Options{})
	if !IsInputError(err) || !strings.Contains(err.Error(), "summary.csv") {
		t.Errorf("empty folder: %v", err)
	}
	out := testOut(t)
	os.Remove(filepath.Join(out, "ashburn-colo", "summary.json"))
	_, err = Write(context.Background(), out, Options{})
	if !IsInputError(err) || !strings.Contains(err.Error(), filepath.Join("ashburn-colo", "summary.json")) {
		t.Errorf("missing summary.json: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "report.html")); err == nil {
		t.Error("a failed run wrote report.html")
	}
}

// A cancelled run stops and leaves no report behind.
func TestWriteCancelled(t *testing.T) {
	out := testOut(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Write(ctx, out, Options{}); err == nil {
		t.Fatal("a cancelled Write succeeded")
	}
	if _, err := os.Stat(filepath.Join(out, "report.html")); err == nil {
		t.Error("a cancelled Write left report.html")
	}
	matches, _ := filepath.Glob(filepath.Join(out, "*", "plots"))
	if len(matches) != 0 {
		t.Errorf("a cancelled Write left figure folders %v", matches)
	}
}

// Many sites with long names, each with its own weather, still fit the
// cross-site figures: the bars narrow, the caption grows the figure instead
// of squeezing its plots to nothing (which once left the rasterizer
// spinning on a plot of negative height).
func TestManySitesCrossFigures(t *testing.T) {
	base, err := ReadSite(filepath.Join(testOut(t), "phoenix-hybrid"))
	if err != nil {
		t.Fatal(err)
	}
	var sites []*Site
	for i := range 14 {
		s := *base
		s.Name = fmt.Sprintf("a-rather-long-site-name-%02d", i)
		s.Summary.Weather = fmt.Sprintf("%s, variant %d of a long description of where the weather came from", base.Summary.Weather, i)
		s.Summary.PUE += 0.01 * float64(i)
		sites = append(sites, &s)
	}
	done := make(chan error, 1)
	var pngs [][]byte
	go func() {
		for _, f := range crossFigures(sites) {
			png, _, err := f.encode()
			if err != nil {
				done <- err
				return
			}
			pngs = append(pngs, png)
		}
		done <- nil
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("drawing the cross-site figures of 14 sites did not finish in 60 s")
	}
	for i, data := range pngs {
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		nominal := int(figHeight.Dots(float64(pngDPI)))
		if h := img.Bounds().Dy(); h <= nominal {
			t.Errorf("figure %d: %d px high, want taller than the nominal %d px for 14 captions", i, h, nominal)
		}
	}
}
