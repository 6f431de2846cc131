package it

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden pins the output of a small site (the benchmark's two groups,
// six hours of one-minute steps, supply air sweeping through the fan ramp)
// so that a change to the model or the random streams shows up. Values are
// compared to 1e−9 relative, not as text, so that last-digit differences of
// math functions across platforms do not matter.
func TestGolden(t *testing.T) {
	path := filepath.Join("testdata", "fleet.golden")
	f := mustFleet(t, benchFleetSpecs(t), time.Minute, 2025, 90)
	supply := func(k int) float64 { return 18 + 16*float64(k%120)/120 }
	powers := simulate(t, f, 360, 90, supply)
	var buf bytes.Buffer
	buf.WriteString("# step,supply_c,elec_kw,fan_kw,air_heat_kw,liquid_heat_kw,max_inlet_c,mean_util\n")
	for k := 0; k < len(powers); k += 5 {
		p := powers[k]
		fmt.Fprintf(&buf, "%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n", k, supply(k),
			p.ElecKW, p.FanKW, p.AirHeatKW, p.LiquidHeatKW, p.MaxInletC, p.MeanUtil)
	}
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	compareNumericLines(t, path, buf.Bytes(), want, 1e-9)
}

// compareNumericLines compares two CSV texts field by field, numbers to the
// relative tolerance rel.
func compareNumericLines(t *testing.T, name string, got, want []byte, rel float64) {
	t.Helper()
	g, w := bufio.NewScanner(bytes.NewReader(got)), bufio.NewScanner(bytes.NewReader(want))
	for line := 1; ; line++ {
		gok, wok := g.Scan(), w.Scan()
		if !gok || !wok {
			if gok != wok {
				t.Errorf("%s:%d: one output ends early", name, line)
			}
			return
		}
		gf, wf := strings.Split(g.Text(), ","), strings.Split(w.Text(), ",")
		if len(gf) != len(wf) {
			t.Fatalf("%s:%d: %d fields, want %d", name, line, len(gf), len(wf))
		}
		for i := range gf {
			gv, gerr := strconv.ParseFloat(gf[i], 64)
			wv, werr := strconv.ParseFloat(wf[i], 64)
			if gerr != nil || werr != nil {
				if gf[i] != wf[i] {
					t.Errorf("%s:%d: field %d is %q, want %q", name, line, i+1, gf[i], wf[i])
				}
				continue
			}
			within(t, fmt.Sprintf("%s:%d field %d", name, line, i+1), gv, wv, 1e-12, rel)
		}
	}
}
