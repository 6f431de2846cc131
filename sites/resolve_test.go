package sites

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dctwin/dctwin/sim"
)

// The site file as resolved, saved and run again, gives the same results:
// for every embedded example, with the command-line overrides folded in.
func TestResolvedSiteFileRerunsTheSame(t *testing.T) {
	fixed := func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	o := Overrides{Days: 20, Step: "15m", ReportInterval: "1h", Start: "2025-07-07"}
	for _, e := range Examples() {
		first, err := Parse(e.TOML, "example "+e.Name, ".", o)
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		if !strings.Contains(first.SiteFile, "days = 20\n") || !strings.Contains(first.SiteFile, "start = 2025-07-07\n") {
			t.Errorf("%s: the resolved file lacks the overrides:\n%s", e.Name, first.SiteFile)
		}
		if !strings.Contains(first.SiteFile, "# default") {
			t.Errorf("%s: the resolved file states no default", e.Name)
		}
		again, err := Parse([]byte(first.SiteFile), "resolved "+e.Name, ".", Overrides{})
		if err != nil {
			t.Fatalf("%s: the resolved site file does not load: %v\n%s", e.Name, err, first.SiteFile)
		}
		var sums [2][]byte
		for i, s := range []*sim.Site{first, again} {
			out := t.TempDir()
			res, err := sim.Run(context.Background(), []*sim.Site{s}, sim.Options{Out: out, Now: fixed})
			if err != nil {
				t.Fatal(err)
			}
			res[0].Provenance = sim.Provenance{}
			sums[i], _ = json.Marshal(res[0])
		}
		if !bytes.Equal(sums[0], sums[1]) {
			a, b := string(sums[0]), string(sums[1])
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			t.Errorf("%s: rerun from the resolved file differs at %q / %q", e.Name, a[max(0, i-80):min(len(a), i+80)], b[max(0, i-80):min(len(b), i+80)])
		}
		if len(first.Files) != 1 || first.Files[0].Role != "site file" || first.Files[0].SHA256 != sim.HashBytes(e.TOML) {
			t.Errorf("%s: input files %+v", e.Name, first.Files)
		}
	}
}

// Every file a site reads is listed with its SHA-256, and paths in the
// resolved file are absolute, so that it runs from anywhere.
func TestInputFilesAreHashed(t *testing.T) {
	dir := t.TempDir()
	var grid strings.Builder
	grid.WriteString("time,carbon_g_per_kwh\n")
	for h := range 48 {
		grid.WriteString(time.Date(2025, 1, 1, h, 0, 0, 0, time.UTC).Format(time.RFC3339) + ",400\n")
	}
	os.WriteFile(filepath.Join(dir, "grid.csv"), []byte(grid.String()), 0o644)
	src := strings.Replace(minimal, "carbon_g_per_kwh = 300", `carbon_file = "grid.csv"`, 1) + "[period]\ndays = 2\n"
	path := filepath.Join(dir, "site.toml")
	os.WriteFile(path, []byte(src), 0o644)
	s, err := Load(path, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := sim.HashFile(filepath.Join(dir, "grid.csv"))
	if len(s.Files) != 2 || s.Files[0].Path != path || s.Files[1].Role != "grid" || s.Files[1].SHA256 != want {
		t.Errorf("input files %+v", s.Files)
	}
	abs, _ := filepath.Abs(filepath.Join(dir, "grid.csv"))
	if !strings.Contains(s.SiteFile, `carbon_file = "`+abs+`"`) {
		t.Errorf("resolved file:\n%s", s.SiteFile)
	}
}

// Values typed without a source are listed, and warned of; with a source
// they carry it.
func TestUnsourcedInputs(t *testing.T) {
	s, err := Parse([]byte(minimal), "mini.toml", ".", Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Unsourced) != 1 || !strings.Contains(s.Unsourced[0], "carbon_g_per_kwh") || !strings.Contains(strings.Join(s.Warnings, "\n"), "unsourced input") {
		t.Errorf("unsourced %q, warnings %q", s.Unsourced, s.Warnings)
	}
	src := strings.Replace(minimal, "carbon_g_per_kwh = 300", "carbon_g_per_kwh = 300\nsource = \"EEA 2023 average\"\ngo_frac = 0.5\nresidual_mix_g_per_kwh = 420", 1) +
		"[clean_supply]\nkw = 100\nrenewable = false\n"
	s, err = Parse([]byte(src), "mini.toml", ".", Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Unsourced) != 1 || !strings.Contains(s.Unsourced[0], "clean-supply") {
		t.Errorf("unsourced %q", s.Unsourced)
	}
	for _, in := range s.Inputs {
		if (in.Name == "grid carbon" || in.Name == "grid factors") && in.Source != "EEA 2023 average" {
			t.Errorf("input %+v lacks its source", in)
		}
	}
	if !s.Ledger.CleanNotRenewable || s.Ledger.GOFrac != 0.5 || s.Ledger.ResidualMixG == nil || *s.Ledger.ResidualMixG != 420 {
		t.Errorf("ledger %+v", s.Ledger)
	}
}
