package plots

import (
	"bytes"
	"context"
	"flag"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden figures in testdata/golden")

// testOut copies testdata/out (a 14-day, hourly run of the embedded example
// portfolio, written by dctwin run) to a temporary folder.
func testOut(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("testdata", "out")
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

// written draws the test folder once per test binary.
var written struct {
	out string
	res *Result
	err error
}

func writeTestOut(t *testing.T) (string, *Result) {
	t.Helper()
	if written.out == "" {
		written.out = testOut(t)
		// t.TempDir would vanish with the first test: keep a folder of our own.
		keep, err := os.MkdirTemp("", "plots-test")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(keep, os.DirFS(written.out)); err != nil {
			t.Fatal(err)
		}
		written.out = keep
		written.res, written.err = Write(context.Background(), keep, Options{})
	}
	if written.err != nil {
		t.Fatal(written.err)
	}
	return written.out, written.res
}

func TestMain(m *testing.M) {
	code := m.Run()
	if written.out != "" {
		os.RemoveAll(written.out)
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
	for _, rel := range files {
		got, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(rel, "/", "_"))
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
// says; and the headline figures a reviewer needs are there for every site.
func TestReportNumbersMatchSummaries(t *testing.T) {
	out, res := writeTestOut(t)
	html, err := os.ReadFile(res.Report)
	if err != nil {
		t.Fatal(err)
	}
	sites := map[string]*Site{}
	for _, s := range res.Sites {
		sites[s.Name] = s
	}
	kpis := map[string]KPI{}
	for _, k := range KPIs {
		kpis[k.Path] = k
	}
	cells := cellRE.FindAllSubmatch(html, -1)
	if len(cells) < 30 {
		t.Fatalf("%d KPI cells in the report", len(cells))
	}
	seen := map[string]bool{}
	for _, c := range cells {
		site, key, text := string(c[1]), string(c[2]), string(c[3])
		s, k := sites[site], kpis[key]
		if s == nil || k.Path == "" {
			t.Errorf("cell %s/%s: unknown site or key", site, key)
			continue
		}
		// Read summary.json again, independently of the report's reading.
		raw := readRaw(t, filepath.Join(out, site, "summary.json"))
		want, ok := k.Format(raw)
		if !ok {
			if text != "–" {
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
		seen[site+" "+key] = true
	}
	for _, s := range res.Sites {
		for _, key := range []string{"energy_kwh.facility", "energy_kwh.it", "pue", "water_l.withdrawal", "water_l.consumption", "peak_day_water_withdrawal_l", "peak_kw.grid", "carbon_kg"} {
			if !seen[s.Name+" "+key] {
				t.Errorf("report lacks %s of %s", key, s.Name)
			}
		}
	}
	for _, want := range []string{"data:image/png;base64,", "ISO/IEC 30134-9", "2024/1364", "Methodology", "References"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("report lacks %q", want)
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
	sites, err := ReadFolder(filepath.Join("testdata", "out"))
	if err != nil {
		t.Fatal(err)
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
