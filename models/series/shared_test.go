package series

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/dctwin/dctwin/models/refdata"
)

// The EIA-930 grid files: a whole UTC year 2022 of avg_CI in gCO2/kWh.
func TestSharedGrid(t *testing.T) {
	dir := refdata.Path(t, "grid")
	jan1 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		ba          string
		first, last float64
		filled      int // hours without avg_CI in the file
	}{
		{"AZPS", 631.6617084572886, 583.4875042793564, 0},
		{"BPAT", 57.885814636943586, 64.43419308798043, 0},
		{"CISO", 222.29592090536002, 234.87388724035608, 3},
		{"ERCO", 334.2055847568988, 231.84739541554242, 0},
		{"MISO", 438.87526539278133, 475.5134185958032, 3},
		{"PJM", 341.4337498507268, 327.9632732723018, 23},
	} {
		path := filepath.Join(dir, "eia930_"+c.ba+"_2022.csv")
		opt := ReadOptions{ValueColumn: "avg_CI", Min: 0, Max: 1500, Unit: "gCO2/kWh"}
		if _, err := Load(path, opt); (err != nil) != (c.filled > 0) {
			t.Errorf("%s without MaxFill: %v", c.ba, err)
		}
		opt.MaxFill = 24
		s, err := Load(path, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Filled) != c.filled {
			t.Errorf("%s: %d values filled, want %d", c.ba, len(s.Filled), c.filled)
		}
		if len(s.Values) != 8760 || !s.Times[0].Equal(jan1) || s.Lines[0] != 2 || s.Lines[8759] != 8761 {
			t.Fatalf("%s: %d values from %v, lines %d..%d", c.ba, len(s.Values), s.Times[0], s.Lines[0], s.Lines[len(s.Lines)-1])
		}
		within(t, c.ba+" first", s.Values[0], c.first, 1e-9)
		within(t, c.ba+" last", s.Values[8759], c.last, 1e-9)
	}

	// CISO lacks 2022-01-05 10:00 UTC (line 108): the mean of its neighbours.
	s, err := Load(filepath.Join(dir, "eia930_CISO_2022.csv"), ReadOptions{ValueColumn: "avg_CI", MaxFill: 1})
	if err != nil {
		t.Fatal(err)
	}
	within(t, "CISO line 108", s.Values[106], (290.8370167903163+296.88716185921385)/2, 1e-9)
	if s.Lines[106] != 108 || s.Filled[0] != 108 {
		t.Errorf("CISO hour 106 from line %d, filled %v", s.Lines[106], s.Filled)
	}

	// Phoenix's calendar 2022 in its standard time runs 7 hours past the
	// file's end; wrapped, it starts at 07:00 UTC and ends on the file's
	// first hours.
	s, err = Load(filepath.Join(dir, "eia930_AZPS_2022.csv"), ReadOptions{ValueColumn: "avg_CI"})
	if err != nil {
		t.Fatal(err)
	}
	mst := time.FixedZone("MST", -7*3600)
	ci, err := s.Hourly(time.Date(2022, 1, 1, 0, 0, 0, 0, mst), 8760, true)
	if err != nil {
		t.Fatal(err)
	}
	if ci[0] != s.Values[7] || ci[8752] != s.Values[8759] || ci[8753] != s.Values[0] {
		t.Errorf("wrapped AZPS: %g %g %g", ci[0], ci[8752], ci[8753])
	}
}

// The workload traces: untimed hourly CPU utilisation 0..1.
func TestSharedWorkload(t *testing.T) {
	dir := refdata.Path(t, "workload")
	for _, c := range []struct {
		file        string
		n           int
		first, last float64
	}{
		{"alibaba_cpu_hourly_1.csv", 8904, 0.3809444444444444, 0.48797222222222225},
		{"google_cpu_hourly_1.csv", 8760, 0.474304627, 0.6961344494307483},
	} {
		s, err := Load(filepath.Join(dir, c.file), ReadOptions{Min: 0, Max: 1})
		if err != nil {
			t.Fatal(err)
		}
		if s.Timed() || s.Column != "cpu_load" || len(s.Values) != c.n {
			t.Fatalf("%s: timed %v, column %q, %d values", c.file, s.Timed(), s.Column, len(s.Values))
		}
		within(t, c.file+" first", s.Values[0], c.first, 1e-12)
		within(t, c.file+" last", s.Values[c.n-1], c.last, 1e-12)
		u, err := s.Hourly(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 8784, true)
		if err != nil || u[0] != c.first || u[c.n%8784] != s.Values[c.n%8784%c.n] {
			t.Errorf("%s over a leap year: %v", c.file, err)
		}
	}
}
