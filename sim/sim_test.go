package sim_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites"
)

// siteTOML is a small site: 2 MW of CPU and GPU racks on a chilled-water plant.
const siteTOML = `
[site]
name = "%s"
[period]
start = 2025-07-01
days = %d
step = "%s"
[weather]
climate = "%s"
[[racks]]
name = "cpu"
count = 60
[[racks]]
name = "gpu"
kind = "gpu-liquid"
count = 8
[cooling.chillers]
capacity_kw = 1000
[grid]
carbon_g_per_kwh = 400
`

func testSite(t testing.TB, name, climate string, days int, step string) *sim.Site {
	t.Helper()
	src := fmt.Sprintf(siteTOML, name, days, step, climate)
	s, err := sites.Parse([]byte(src), name+".toml", ".", sites.Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func run(t testing.TB, out string, list ...*sim.Site) []*sim.Summary {
	t.Helper()
	sums, err := sim.Run(context.Background(), list, sim.Options{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

// readRows reads timeseries.csv as a header and rows of fields.
func readRows(t testing.TB, path string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(bufio.NewReader(f)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], recs[1:]
}

// milli parses a fixed-point field exactly, in thousandths.
func milli(t testing.TB, s string) int64 {
	t.Helper()
	whole, frac, _ := strings.Cut(s, ".")
	for len(frac) < 3 {
		frac += "0"
	}
	n, err := strconv.ParseInt(whole+frac[:3], 10, 64)
	if err != nil || len(frac) > 3 {
		t.Fatalf("field %q is not a fixed-point number with at most 3 decimals", s)
	}
	return n
}

// The printed rows keep the identities exactly, and the contract's columns
// come first in their order.
func TestRowIdentities(t *testing.T) {
	out := t.TempDir()
	run(t, out, testSite(t, "ident", "phoenix", 10, "15m"))
	header, rows := readRows(t, filepath.Join(out, "ident", "timeseries.csv"))
	contract := strings.Split("time,drybulb_c,wetbulb_c,rh_pct,it_kw,cooling_kw,power_loss_kw,other_kw,facility_kw,grid_kw,heat_rejected_kw,water_withdrawal_l,water_consumption_l,water_discharge_l,carbon_kg,pue", ",")
	if got := strings.Join(header[:len(contract)], ","); got != strings.Join(contract, ",") {
		t.Fatalf("first columns\n%s\nwant\n%s", got, strings.Join(contract, ","))
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	if len(rows) != 240 {
		t.Fatalf("%d rows for 10 days of hourly rows", len(rows))
	}
	for i, r := range rows {
		v := func(name string) int64 { return milli(t, r[col[name]]) }
		sum := func(names ...string) int64 {
			var s int64
			for _, n := range names {
				s += v(n)
			}
			return s
		}
		line := i + 2
		if f := v("facility_kw"); f != sum("it_kw", "cooling_kw", "power_loss_kw", "other_kw") {
			t.Fatalf("line %d: facility %d != IT + cooling + loss + other %d (mW)", line, f, sum("it_kw", "cooling_kw", "power_loss_kw", "other_kw"))
		}
		if c := v("cooling_kw"); c != sum("crah_fan_kw", "cdu_pump_kw", "chw_pump_kw", "cond_pump_kw", "chiller_kw", "tower_fan_kw") {
			t.Fatalf("line %d: cooling is not the sum of its parts", line)
		}
		if l := v("power_loss_kw"); l != sum("ups_loss_kw", "pdu_loss_kw", "transformer_loss_kw") {
			t.Fatalf("line %d: power loss is not the sum of its parts", line)
		}
		if w := v("water_withdrawal_l"); w != sum("water_consumption_l", "water_discharge_l") {
			t.Fatalf("line %d: withdrawal != consumption + discharge", line)
		}
		if c := v("water_consumption_l"); c != sum("evaporation_l", "drift_l") {
			t.Fatalf("line %d: consumption != evaporation + drift", line)
		}
		// All electricity ends as heat released outdoors (no unmet load here).
		if d := v("heat_rejected_kw") - v("facility_kw"); d < -5 || d > 5 {
			t.Fatalf("line %d: heat rejected differs from facility power by %d mW", line, d)
		}
		if it := v("it_kw"); it != v("it_air_heat_kw")+v("it_liquid_heat_kw") {
			t.Fatalf("line %d: IT heat split does not add up", line)
		}
		pue, _ := strconv.ParseFloat(r[col["pue"]], 64)
		if want := float64(v("facility_kw")) / float64(v("it_kw")); math.Abs(pue-want) > 6e-5 {
			t.Fatalf("line %d: pue %g, want %g", line, pue, want)
		}
		if ts, err := time.Parse(time.RFC3339, r[0]); err != nil || !ts.Equal(time.Date(2025, 7, 1, i, 0, 0, 0, time.FixedZone("", -7*3600))) {
			t.Fatalf("line %d: time %q, want hour %d of 2025-07-01 at -07:00", line, r[0], i)
		}
	}
}

// The summary's totals agree with the rows, and its KPIs with its totals.
func TestSummaryAgreesWithRows(t *testing.T) {
	out := t.TempDir()
	sums := run(t, out, testSite(t, "agree", "ashburn", 20, "5m"))
	s := sums[0]
	_, rows := readRows(t, filepath.Join(out, "agree", "timeseries.csv"))
	var it, facility, withdrawal, carbon float64
	for _, r := range rows {
		it += float64(milli(t, r[4])) / 1000
		facility += float64(milli(t, r[8])) / 1000
		withdrawal += float64(milli(t, r[11])) / 1000
		carbon += float64(milli(t, r[14])) / 1000
	}
	for _, c := range []struct {
		name      string
		rows, sum float64
	}{
		{"IT kWh", it, s.Energy.IT}, {"facility kWh", facility, s.Energy.Facility},
		{"withdrawal L", withdrawal, s.Water.Withdrawal}, {"carbon kg", carbon, s.CarbonKg},
	} {
		if math.Abs(c.rows-c.sum) > 1e-6*c.sum+0.001*float64(len(rows)) {
			t.Errorf("%s: rows add to %.3f, summary says %.3f", c.name, c.rows, c.sum)
		}
	}
	e := s.Energy
	if d := e.Facility - (e.IT + e.Cooling + e.PowerLoss + e.Other); math.Abs(d) > 1e-6 {
		t.Errorf("facility energy off its parts by %g kWh", d)
	}
	if math.Abs(s.PUE-e.Facility/e.IT) > 1e-12 || math.Abs(s.WUE-s.Water.Withdrawal/e.IT) > 1e-12 || math.Abs(s.CUE-s.CarbonKg/e.IT) > 1e-12 {
		t.Errorf("KPIs disagree with totals: %+v", s)
	}
	if math.Abs(s.CarbonIntensity-400) > 1e-9 {
		t.Errorf("mean carbon intensity %g, want the constant 400", s.CarbonIntensity)
	}
	// Monthly totals add to the period's.
	var mIT, mW float64
	for _, m := range s.Months {
		mIT += m.ITKWh
		mW += m.WithdrawalL
	}
	if math.Abs(mIT-e.IT) > 1e-6*e.IT || math.Abs(mW-s.Water.Withdrawal) > 1e-6*mW {
		t.Errorf("months add to %g kWh, %g L; period %g kWh, %g L", mIT, mW, e.IT, s.Water.Withdrawal)
	}
	if len(s.Months) != 1 || s.Months[0].Month != "2025-07" {
		t.Errorf("months %+v, want July only", s.Months)
	}
	if math.Abs(s.HeatBalanceErrorPct) > 1e-6 {
		t.Errorf("heat balance error %g %% with every load met", s.HeatBalanceErrorPct)
	}
}

// A plant too small for its load reports the heat it could not remove, and
// the heat balance shows it, never silently.
func TestUnmetLoadIsReported(t *testing.T) {
	s := testSite(t, "small", "phoenix", 5, "15m")
	s.Plant.Chillers = 1
	s.Plant.Economizer.Enabled = false
	sum := run(t, t.TempDir(), s)[0]
	if !(sum.Unmet.KWh > 0 && sum.Unmet.Hours > 0) {
		t.Fatalf("unmet %+v with one 1 MW chiller for 2 MW", sum.Unmet)
	}
	// The unmet heat warms the hall until the IT would shut down; what could
	// not be stored beyond that is the heat balance's error, and is reported.
	want := 100 * sum.Thermal.NotStoredKWh / sum.Energy.Facility
	if !(sum.Thermal.NotStoredKWh > 0) || math.Abs(sum.HeatBalanceErrorPct-want) > 1e-6 {
		t.Errorf("heat balance error %.4f %%, want the share not stored %.4f %%", sum.HeatBalanceErrorPct, want)
	}
	if sum.Thermal.StoredEndKWh+sum.Thermal.NotStoredKWh > sum.Unmet.KWh*(1+1e-9) {
		t.Errorf("stored %.1f + not stored %.1f kWh exceed the unmet %.1f kWh", sum.Thermal.StoredEndKWh, sum.Thermal.NotStoredKWh, sum.Unmet.KWh)
	}
	if sum.Thermal.HoursAboveAllowable == 0 || sum.Thermal.MaxInletC < sum.Thermal.AllowableC[1] {
		t.Errorf("a plant at half the load kept the inlets inside the envelope: %+v", sum.Thermal)
	}
	if !strings.Contains(strings.Join(sum.Warnings, "\n"), "cooling load not met") {
		t.Errorf("no warning of unmet cooling in %q", sum.Warnings)
	}
}

func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Same inputs and seed: the same bytes, whatever GOMAXPROCS, the number of
// sites running at once, or their order.
func TestDeterministic(t *testing.T) {
	mk := func() []*sim.Site {
		return []*sim.Site{
			testSite(t, "a", "chicago", 4, "1m"),
			testSite(t, "b", "miami", 4, "5m"),
			testSite(t, "c", "singapore", 4, "15m"),
		}
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var trees []map[string][]byte
	for i, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		list := mk()
		if i == 2 {
			list[0], list[2] = list[2], list[0]
		}
		out := t.TempDir()
		// The run time is the one field that differs between reruns: a
		// fixed clock makes them byte-identical.
		fixed := func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
		if _, err := sim.Run(context.Background(), list, sim.Options{Out: out, Parallel: procs, Now: fixed}); err != nil {
			t.Fatal(err)
		}
		trees = append(trees, readTree(t, out))
	}
	for name, data := range trees[0] {
		if name == "summary.csv" {
			continue // row order follows the order sites are given
		}
		for i, tr := range trees[1:] {
			if !bytes.Equal(tr[name], data) {
				t.Errorf("%s differs between run 0 and run %d", name, i+1)
			}
		}
	}
	// A different seed gives different racks.
	other := testSite(t, "a", "chicago", 4, "1m")
	other.Seed = 99
	out := t.TempDir()
	run(t, out, other)
	if bytes.Equal(readTree(t, out)["a/timeseries.csv"], trees[0]["a/timeseries.csv"]) {
		t.Error("seed 99 gives the same rows as seed 1")
	}
}

// Cancelling stops a run promptly and leaves no half-written site folder.
func TestCancelLeavesNothingHalfWritten(t *testing.T) {
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	s := testSite(t, "long", "miami", 3650, "1m")
	time.AfterFunc(200*time.Millisecond, cancel)
	began := time.Now()
	_, err := sim.Run(ctx, []*sim.Site{s}, sim.Options{Out: out})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(began); d > 2*time.Second {
		t.Errorf("cancelled run took %v to stop", d)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		t.Errorf("left behind: %s", e.Name())
	}
}

func TestSummaryJSONHasContractKeys(t *testing.T) {
	out := t.TempDir()
	run(t, out, testSite(t, "keys", "dublin", 2, "1h"))
	data, err := os.ReadFile(filepath.Join(out, "keys", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range strings.Fields("site start end step energy_kwh peak_kw pue wue_l_per_kwh cue_kg_per_kwh water_l peak_day_water_withdrawal_l carbon_kg heat_rejected_kwh warnings") {
		if _, ok := m[k]; !ok {
			t.Errorf("summary.json lacks %s", k)
		}
	}
	for _, k := range strings.Fields("it cooling power_loss other facility grid") {
		if _, ok := m["energy_kwh"].(map[string]any)[k]; !ok {
			t.Errorf("energy_kwh lacks %s", k)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "summary.csv")); err != nil {
		t.Error(err)
	}
}

// README.md documents every column of timeseries.csv.
func TestReadmeDocumentsColumns(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range sim.Columns {
		if row := fmt.Sprintf("| `%s` | %s |", c.Name, c.Doc); !strings.Contains(string(data), row) {
			t.Errorf("README.md lacks the row %s", row)
		}
	}
}
