package sites

import (
	"strings"
	"testing"

	"github.com/dctwin/dctwin/models/cooling"
)

// liquidSite is a small liquid-cooled hall on a facility-water loop.
const liquidSite = `[site]
name = "liq"

[weather]
climate = "phoenix"

[[racks]]
name = "gpu"
kind = "gb200"
count = 16

[[racks]]
name = "cpu"
count = 10

[grid]
carbon_g_per_kwh = 300

[cooling]
kind = "liquid"
`

// Bad design inputs give an error naming the file, line and key.
func TestBadDesignInputs(t *testing.T) {
	tests := []struct {
		name, src, at, key, msg string
	}{
		{"supply above its class", liquidSite + "[cooling.facility_water]\nclass = \"W27\"\nsupply_c = 30\n", "supply_c", "cooling.facility_water.supply_c", "30 °C is above the W27 limit of 27 °C"},
		{"towers on dry coolers", liquidSite + "[cooling.towers]\ncells = 3\n", "[cooling.towers]", "cooling.towers", `does not apply to cooling kind "liquid"`},
		{"water-cooled chillers on a liquid hall", liquidSite + "[cooling.chillers]\ncount = 3\n", "[cooling.chillers]", "cooling.chillers", "[cooling.air_cooled_chillers]"},
		{"dry coolers on towers", liquidSite + "[cooling.facility_water]\nheat_rejection = \"tower\"\n[cooling.dry_coolers]\nunits = 3\n", "[cooling.dry_coolers]", "cooling.dry_coolers", "heat_rejection = \"dry-cooler\""},
		{"pads without adiabatic", liquidSite + "[cooling.dry_coolers]\npad_effectiveness = 0.7\n", "pad_effectiveness", "cooling.dry_coolers.pad_effectiveness", "adiabatic = true"},
		{"indirect key on a direct economizer", strings.Replace(liquidSite, `"liquid"`, `"airside-economizer"`, 1) + "[cooling.airside]\nwetbulb_effectiveness = 0.7\n", "wetbulb_effectiveness", "cooling.airside.wetbulb_effectiveness", "indirect-evaporative"},
		{"supply air outside the envelope", strings.Replace(liquidSite, `"liquid"`, `"airside-economizer"`, 1) + "[cooling.airside]\nenvelope = \"recommended\"\nsupply_air_c = 30\n", "supply_air_c", "cooling.airside.supply_air_c", "outside the recommended envelope's 18–27 °C"},
		{"liquid kind without liquid racks", strings.Replace(liquidSite, `kind = "gb200"`, `kind = "cpu"`, 1), "[[racks]]", "racks", "needs rack groups that send heat to liquid"},
		{"heat reuse without demand", liquidSite + "[cooling.heat_reuse]\nsupply_c = 60\n", "[cooling.heat_reuse]", "cooling.heat_reuse.demand_kw", "missing"},
		{"facility loop without liquid racks", strings.Replace(strings.Replace(liquidSite, `kind = "gb200"`, `kind = "cpu"`, 1), `"liquid"`, `"indirect-evaporative"`, 1) + "[cooling.facility_water]\nsupply_c = 30\n", "[cooling.facility_water]", "cooling.facility_water", "no rack group sends heat to liquid"},
		{"unknown W class", liquidSite + "[cooling.facility_water]\nclass = \"W50\"\n", "W50", "cooling.facility_water.class", "is not one of: W17, W27, W32, W40, W45, W+"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.src), "site.toml", ".", Overrides{Days: 1})
			wantProblem(t, err, tc.src, tc.at, tc.key, tc.msg)
		})
	}
}

// Legal but suspicious designs give warnings with their numbers.
func TestDesignWarnings(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"dry coolers too small", liquidSite + "[cooling.dry_coolers]\nunits = 1\nunit_capacity_kw = 500\n",
			[]string{"the 1 dry coolers reject 500 kW at their design point", "below the liquid design heat of 1"}},
		{"no trim chiller for W17 in Phoenix", liquidSite + "[cooling.facility_water]\nclass = \"W17\"\n[cooling.trim_chiller]\ncount = 0\n",
			[]string{"above the W17 limit of 17 °C", "the trim chillers' 0 kW is below the", "kW shortfall"}},
		{"air-cooled chillers too few", strings.Replace(liquidSite, `"liquid"`, `"air-cooled-chiller"`, 1) + "[cooling.air_cooled_chillers]\ncount = 1\n",
			[]string{"the 1 air-cooled chillers give", "kW at the", "below the design chilled-water load of about"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse([]byte(tc.src), "site.toml", ".", Overrides{Days: 1})
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(s.Warnings, "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("warnings lack %q:\n%s", w, all)
				}
			}
		})
	}
}

// What the file leaves out is autosized and reported; the W class follows
// from the supply temperature when not given.
func TestDesignAutosizing(t *testing.T) {
	s, err := Parse([]byte(liquidSite+"[cooling.facility_water]\nsupply_c = 25\n"), "site.toml", ".", Overrides{Days: 1})
	if err != nil {
		t.Fatal(err)
	}
	h, ok := s.Cooling.(*cooling.Hall)
	if !ok || s.CoolingKind != "liquid" {
		t.Fatalf("cooling %T, kind %q", s.Cooling, s.CoolingKind)
	}
	f := h.Facility
	if f.Class.Name != "W27" || f.SupplyC != 25 {
		t.Errorf("class %s at %g °C, want W27 at 25 °C", f.Class.Name, f.SupplyC)
	}
	liquid := 16 * 125 * 0.97 * 0.9
	if cap := float64(f.DryCooler.Units) * f.DryCooler.UnitKW; cap < liquid {
		t.Errorf("dry coolers %g kW for %g kW of liquid heat", cap, liquid)
	}
	if f.Trim.Count < 1 {
		t.Errorf("no trim chiller for 25 °C water in Phoenix")
	}
	var names []string
	for _, in := range s.Inputs {
		names = append(names, in.Name)
	}
	for _, want := range []string{"cooling design", "air side", "air-cooled chillers", "facility water", "dry coolers", "trim chillers"} {
		if !strings.Contains(strings.Join(names, ","), want) {
			t.Errorf("inputs %v lack %q", names, want)
		}
	}
	// The chilled-water plant stays the default, without a System of its own.
	d, err := Parse([]byte(minimal), "mini.toml", ".", Overrides{Days: 1})
	if err != nil || d.Cooling != nil || d.CoolingKind != "" {
		t.Errorf("default design: %T %q %v", d.Cooling, d.CoolingKind, err)
	}
}
