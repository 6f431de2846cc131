package sites

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Bad thermal, resilience and event inputs give an error naming the file,
// the line and the key. The minimal site has two autosized chillers (N+1)
// and two tower cells.
func TestBadThermalInputs(t *testing.T) {
	dir := t.TempDir()
	trip := "\n[[event]]\nkind = \"chiller-trip\"\nstart = 2025-07-01T12:00\nduration = \"2h\"\n"
	tests := []struct {
		name     string
		text     string
		at       string
		key, msg string
	}{
		{"event outside the period", "\n[[event]]\nkind = \"chiller-trip\"\nstart = 2026-03-01T00:00 # here\nduration = \"1h\"\n", "# here", "event[0].start", "outside the simulated period"},
		{"event past the end", "\n[[event]]\nkind = \"water-interruption\"\nstart = 2025-12-31T23:00\nduration = \"2h\" # here\n", "# here", "event[0].duration", "past the end of the period"},
		{"more units than installed", "\n[[event]]\nkind = \"chiller-trip\"\nstart = 2025-07-01T12:00\nduration = \"1h\"\nunits = 3 # here\n", "# here", "event[0].units", "want 1..2"},
		{"overlapping trips", trip + "\n[[event]]\nkind = \"chiller-trip\"\nstart = 2025-07-01T13:00 # second\nduration = \"1h\"\n", "# second", "event[1].start", "overlaps event 0"},
		{"overlapping heat-rejection events", "\n[[event]]\nkind = \"tower-out\"\nstart = 2025-07-01T12:00\nduration = \"2h\"\n\n[[event]]\nkind = \"cooler-trip\"\nstart = 2025-07-01T13:00 # second\nduration = \"1h\"\n", "# second", "event[1].start", "overlaps event 0"},
		{"unknown kind", "\n[[event]]\nkind = \"meteor\" # here\nstart = 2025-07-01T12:00\nduration = \"1h\"\n", "# here", "event[0].kind", `"meteor" is not one of`},
		{"missing duration", "\n[[event]] # here\nkind = \"chiller-trip\"\nstart = 2025-07-01T12:00\n", "# here", "event[0].duration", "missing"},
		{"missing start", "\n[[event]] # here\nkind = \"chiller-trip\"\nduration = \"1h\"\n", "# here", "event[0].start", "missing"},
		{"negative duration", "\n[[event]]\nkind = \"chiller-trip\"\nstart = 2025-07-01T12:00\nduration = \"-1h\" # here\n", "# here", "event[0].duration", "want a positive duration"},
		{"generator on a trip", trip + "generator_start = \"10s\" # here\n", "# here", "event[0].generator_start", "utility-outage events only"},
		{"outage without generators", "\n[[event]]\nkind = \"utility-outage\" # here\nstart = 2025-07-01T12:00\nduration = \"1h\"\n", "# here", "event[0].kind", "needs standby generators"},
		{"units on an outage", "\n[[event]]\nkind = \"utility-outage\"\nstart = 2025-07-01T12:00\nduration = \"1h\"\nunits = 2 # here\n", "# here", "event[0].units", "trips and tower-out events only"},
		{"unknown class", "\n[thermal]\nclass = \"A5\" # here\n", "# here", "thermal.class", `"A5" is not one of`},
		{"shutdown inside the envelope", "\n[thermal]\nclass = \"A4\"\nshutdown_inlet_c = 40 # here\n", "# here", "thermal.shutdown_inlet_c", "above the A4 allowable maximum 45"},
		{"no headroom", "\n[thermal]\ncoil_approach_k = 15 # here\n", "# here", "thermal.coil_approach_k", "leaves no headroom"},
		{"no mass", "\n[thermal] # here\nroom_volume_m3 = 0\nit_mass_kg = 0\n", "# here", "thermal", "hold no heat"},
		{"MTBF without MTTR", "\n[resilience]\nchiller_mtbf_h = 5000 # here\n", "# here", "resilience.chiller_mtbf_h", "give both"},
		{"unknown redundancy", "\n[resilience]\nredundancy = \"N+3\" # here\n", "# here", "resilience.redundancy", `"N+3" is not one of`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := minimal + tc.text
			p := filepath.Join(dir, "site.toml")
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(p, Overrides{})
			wantProblem(t, err, text, tc.at, tc.key, tc.msg)
		})
	}
}

// Legal but suspicious thermal inputs give warnings with numbers.
func TestThermalWarnings(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"\n[cooling.crah]\nsupply_air_c = 16\n", "supply air 16 °C is below the A1 recommended minimum 18 °C"},
		{"\n[cooling.crah]\nsupply_air_c = 26\n", "runs at 28 °C at rest"},
		{"\n[thermal]\ntank_m3 = 50\n\n[generator]\ncapacity_kw = 3000\n\n[[event]]\nkind = \"utility-outage\"\nstart = 2025-07-01T12:00\nduration = \"10m\"\n", "tank of 50 m³ is given but its pumps are not on UPS"},
	} {
		s, err := Parse([]byte(minimal+tc.text), "w.toml", ".", Overrides{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(s.Warnings, "\n"), tc.want) {
			t.Errorf("warnings %q lack %q", s.Warnings, tc.want)
		}
	}
}

// The redundancy sets the autosized chillers, and the tower cells follow.
func TestRedundancy(t *testing.T) {
	for r, want := range map[string]int{"N": 1, "N+1": 2, "N+2": 3, "2N": 2} {
		s, err := Parse([]byte(minimal+"\n[resilience]\nredundancy = \""+r+"\"\n"), "r.toml", ".", Overrides{})
		if err != nil {
			t.Fatal(err)
		}
		if s.Plant.Chillers != want || s.Plant.Tower.Cells != want {
			t.Errorf("%s: %d chillers, %d cells; want %d", r, s.Plant.Chillers, s.Plant.Tower.Cells, want)
		}
	}
}
