package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dctwin/dctwin/sites"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = Run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{}, {"frobnicate"}, {"run", "-bogus"}, {"run", "-days", "-3"}, {"validate"},
		{"example", "nope"}, {"example", "a", "b"}, {"climates", "x"},
		{"run", "-weather", "a.epw", "-climate", "phoenix"},
	} {
		if code, _, stderr := run(t, args...); code != exitUsage || stderr == "" {
			t.Errorf("dctwin %q: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
	if code, stdout, _ := run(t, "help"); code != exitOK || !strings.Contains(stdout, "dctwin run") {
		t.Errorf("help: exit %d", code)
	}
}

func TestExampleAndClimates(t *testing.T) {
	code, stdout, _ := run(t, "example")
	if code != exitOK {
		t.Fatalf("example: exit %d", code)
	}
	for _, e := range sites.Examples() {
		if !strings.Contains(stdout, e.Name) {
			t.Errorf("example list lacks %s", e.Name)
		}
		code, toml, _ := run(t, "example", e.Name)
		if code != exitOK {
			t.Fatalf("example %s: exit %d", e.Name, code)
		}
		if _, err := sites.Parse([]byte(toml), e.Name, ".", sites.Overrides{}); err != nil {
			t.Errorf("example %s does not parse as printed: %v", e.Name, err)
		}
	}
	code, stdout, _ = run(t, "climates")
	if code != exitOK || !strings.Contains(stdout, "phoenix") || !strings.Contains(stdout, "singapore") {
		t.Errorf("climates: exit %d\n%s", code, stdout)
	}
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	_, toml, _ := run(t, "example", "ashburn-colo")
	os.WriteFile(good, []byte(toml), 0o644)
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte(strings.Replace(toml, "count = 420", "count = -420", 1)), 0o644)

	if code, stdout, _ := run(t, "validate", good); code != exitOK || !strings.Contains(stdout, "good.toml: ok") {
		t.Errorf("validate good: exit %d, %q", code, stdout)
	}
	code, _, stderr := run(t, "validate", good, bad)
	if code != exitUsage || !strings.Contains(stderr, "bad.toml:") || !strings.Contains(stderr, "racks[0].count") {
		t.Errorf("validate bad: exit %d, stderr %q", code, stderr)
	}
	// run refuses bad input with status 2 and writes nothing.
	out := filepath.Join(dir, "out")
	if code, _, _ := run(t, "run", "-o", out, bad); code != exitUsage {
		t.Errorf("run bad: exit %d", code)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("run of a bad site created %s", out)
	}
}

func TestRunWritesOutputs(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "s.toml")
	_, toml, _ := run(t, "example", "phoenix-hybrid")
	os.WriteFile(site, []byte(toml), 0o644)
	out := filepath.Join(dir, "out")
	// Flags after the file, with two dashes, as users type them.
	code, stdout, stderr := run(t, "run", site, "--days", "3", "--step", "1h", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "phoenix-hybrid") || !strings.Contains(stdout, "PUE") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if strings.Contains(stderr, "[") {
		t.Errorf("a progress bar was drawn into a pipe: %q", stderr)
	}
	for _, f := range []string{"summary.csv", "phoenix-hybrid/timeseries.csv", "phoenix-hybrid/summary.json"} {
		if fi, err := os.Stat(filepath.Join(out, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// The default run, the embedded portfolio for a full year at 15-minute
// steps, and every other example run from its printed file: all end to end.
func TestEveryExampleRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("a full year of every example")
	}
	out := t.TempDir()
	code, stdout, stderr := run(t, "run", "-o", out)
	if code != exitOK {
		t.Fatalf("default run: exit %d: %s", code, stderr)
	}
	ran := map[string]bool{}
	for _, e := range sites.Examples() {
		if e.Default {
			ran[e.Name] = strings.Contains(stdout, e.Name)
			continue
		}
		file := filepath.Join(t.TempDir(), e.Name+".toml")
		os.WriteFile(file, e.TOML, 0o644)
		code, stdout, stderr := run(t, "run", "-o", out, file)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", e.Name, code, stderr)
		}
		ran[e.Name] = strings.Contains(stdout, e.Name)
	}
	for name, ok := range ran {
		if _, err := os.Stat(filepath.Join(out, name, "summary.json")); !ok || err != nil {
			t.Errorf("%s did not run: %v", name, err)
		}
	}
}

// -grid takes a fuel-mix file in the generic layout for every site; off-site
// water and the carbon-free share then follow from its fuels.
func TestRunWithFuelMixGrid(t *testing.T) {
	dir := t.TempDir()
	var mix strings.Builder
	mix.WriteString("time,gas_mw,coal_mw,wind_mw\n")
	for h := range 72 {
		fmt.Fprintf(&mix, "%s,%d,%d,%d\n", time.Date(2025, 1, 1, h, 0, 0, 0, time.UTC).Format(time.RFC3339), 500, 300, 100+10*(h%24))
	}
	gridFile := filepath.Join(dir, "mix.csv")
	os.WriteFile(gridFile, []byte(mix.String()), 0o644)
	_, toml, _ := run(t, "example", "phoenix-ledger")
	site := filepath.Join(dir, "s.toml")
	os.WriteFile(site, []byte(toml), 0o644)
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "run", site, "-days", "2", "-step", "1h", "-grid", gridFile, "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "phoenix-ledger", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sm struct {
		Offsite struct{ Consumption *float64 } `json:"offsite_water_l"`
		CFE     *float64                       `json:"cfe_pct"`
		Carbon  string                         `json:"carbon_source"`
	}
	if err := json.Unmarshal(data, &sm); err != nil {
		t.Fatal(err)
	}
	if sm.Offsite.Consumption == nil || *sm.Offsite.Consumption <= 0 || !strings.Contains(sm.Carbon, "mix.csv") {
		t.Errorf("off-site water %v, carbon source %q", sm.Offsite.Consumption, sm.Carbon)
	}
	// A misaligned file (2 days of data for 3 days, no wrap) is an error
	// naming the file.
	os.WriteFile(site, []byte(strings.Replace(toml, "wrap = true", "wrap = false", 1)), 0o644)
	code, _, stderr = run(t, "run", site, "-days", "4", "-step", "1h", "-grid", gridFile, "-o", out)
	if code != exitUsage || !strings.Contains(stderr, "mix.csv") {
		t.Errorf("uncovered period: exit %d, stderr %q", code, stderr)
	}
}

// run draws the figures and the report by default; -no-plots skips them;
// report redraws them from the folder alone, and refuses a folder that is
// not a dctwin output with status 2 and the file's name.
func TestRunDrawsAndReportRedraws(t *testing.T) {
	// Two runs: the run time, the one field that differs, fixed.
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	code, stdout, stderr := run(t, "run", "-days", "2", "-step", "1h", "-o", out)
	if code != exitOK {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	report := filepath.Join(out, "report.html")
	for _, f := range []string{report, "phoenix-hybrid/plots/power.png", "phoenix-hybrid/plots/power.svg", "sites_pue_wue.png"} {
		if !filepath.IsAbs(f) {
			f = filepath.Join(out, f)
		}
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Errorf("run did not write %s: %v", f, err)
		}
	}
	if !strings.Contains(stdout, "report.html") {
		t.Errorf("run does not say where the report is:\n%s", stdout)
	}

	bare := filepath.Join(dir, "bare")
	if code, _, stderr := run(t, "run", "-days", "2", "-step", "1h", "-no-plots", "-o", bare); code != exitOK {
		t.Fatalf("run -no-plots: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(bare, "report.html")); !os.IsNotExist(err) {
		t.Errorf("-no-plots wrote report.html")
	}
	if _, err := os.Stat(filepath.Join(bare, "phoenix-hybrid", "plots")); !os.IsNotExist(err) {
		t.Errorf("-no-plots wrote figures")
	}
	code, stdout, stderr = run(t, "report", bare)
	if code != exitOK || !strings.Contains(stdout, "report.html") {
		t.Fatalf("report: exit %d: %s%s", code, stdout, stderr)
	}
	a, _ := os.ReadFile(report)
	b, _ := os.ReadFile(filepath.Join(bare, "report.html"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("report redrawn from the folder differs from the one run wrote")
	}

	if code, _, stderr := run(t, "report", dir); code != exitUsage || !strings.Contains(stderr, "summary.csv") {
		t.Errorf("report of a non-output folder: exit %d, stderr %q", code, stderr)
	}
	os.WriteFile(filepath.Join(bare, "ashburn-colo", "timeseries.csv"), []byte("time,it_kw\n"), 0o644)
	if code, _, stderr := run(t, "report", bare); code != exitUsage || !strings.Contains(stderr, "timeseries.csv:1: no column") {
		t.Errorf("report of a malformed folder: exit %d, stderr %q", code, stderr)
	}
	for _, args := range [][]string{{"report"}, {"report", "a", "b"}, {"report", "-bogus", out}} {
		if code, _, stderr := run(t, args...); code != exitUsage || stderr == "" {
			t.Errorf("dctwin %q: exit %d, stderr %q", args, code, stderr)
		}
	}
}
