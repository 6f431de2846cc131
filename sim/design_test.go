package sim_test

import (
	"context"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites"
)

// designExamples are the embedded examples of the cooling designs.
var designExamples = []string{"ai-liquid-drycooler", "ai-liquid-adiabatic", "ai-liquid-tower", "airside-evaporative", "indirect-evaporative", "air-cooled-chiller", "heat-reuse"}

// example parses an embedded example with overrides; name, when given,
// replaces the site's name (and with it the seed of its racks), so that
// designs compared side by side see the same IT load.
func example(t testing.TB, ex, name string, o sites.Overrides, edit func(string) string) *sim.Site {
	t.Helper()
	e, ok := sites.LookupExample(ex)
	if !ok {
		t.Fatalf("no example %s", ex)
	}
	src := string(e.TOML)
	if name != "" {
		loc := regexp.MustCompile(`(?m)^name = ".*"$`).FindStringIndex(src) // the site's, in [site]
		src = src[:loc[0]] + `name = "` + name + `"` + src[loc[1]:]
	}
	if edit != nil {
		src = edit(src)
	}
	s, err := sites.Parse([]byte(src), ex+".toml", ".", o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Every design example runs a year on the Phoenix, Chicago and Miami typical
// years with the identities intact: in every printed row facility = IT +
// cooling + loss + other, cooling = the sum of its components, withdrawal =
// consumption + discharge, consumption = evaporation + drift + spray; over
// the year heat rejected + heat reused = facility electricity within 1 %.
func TestDesignExamplesOnTypicalYears(t *testing.T) {
	for _, epw := range []string{phoenixEPW, chicagoEPW, miamiEPW} {
		path := sharedWeather(t, epw)
		var list []*sim.Site
		for _, ex := range designExamples {
			list = append(list, example(t, ex, "", sites.Overrides{WeatherFile: path, Step: "1h"}, nil))
		}
		out := t.TempDir()
		sums := run(t, out, list...)
		// The trade-off holds on every file: dry coolers use no water,
		// adiabatic pads some water and less cooling energy per IT kWh,
		// towers the most water and the least energy.
		ratio := func(i int) float64 { return sums[i].Energy.Cooling / sums[i].Energy.IT }
		if !(sums[0].WUE == 0 && sums[1].WUE > 0 && sums[2].WUE > sums[1].WUE && ratio(1) < ratio(0) && ratio(2) < ratio(1)) {
			t.Errorf("%s: dry %.3f kWh/kWh %.2f L/kWh, adiabatic %.3f %.2f, tower %.3f %.2f", epw, ratio(0), sums[0].WUE, ratio(1), sums[1].WUE, ratio(2), sums[2].WUE)
		}
		for i, s := range sums {
			name := designExamples[i]
			if hb := s.HeatBalanceErrorPct; math.Abs(hb) > 1 {
				t.Errorf("%s on %s: heat balance off by %.3f %%", name, epw, hb)
			}
			if got := s.HeatRejected + s.HeatReused + s.Unmet.KWh; math.Abs(got-s.Energy.Facility) > 0.01*s.Energy.Facility {
				t.Errorf("%s on %s: rejected %.0f + reused %.0f + unmet %.0f kWh vs facility %.0f kWh", name, epw, s.HeatRejected, s.HeatReused, s.Unmet.KWh, s.Energy.Facility)
			}
			w := s.Water
			if math.Abs(w.Withdrawal-w.Consumption-w.Discharge) > 1e-6*(1+w.Withdrawal) ||
				math.Abs(w.Consumption-w.Evaporation-w.Drift-s.Design.SprayEvaporation) > 1e-6*(1+w.Consumption) {
				t.Errorf("%s on %s: water %+v, spray %g", name, epw, w, s.Design.SprayEvaporation)
			}
			checkDesignRows(t, filepath.Join(out, s.Site, "timeseries.csv"))
			t.Logf("%-22s %-20s PUE %.3f WUE %.2f ERF %.3f evaporative %4.0f h, trim %4.0f h", name, epw[:20], s.PUE, s.WUE, s.ERF, s.Design.EvaporativeHours, s.Design.TrimHours)
		}
	}
}

func checkDesignRows(t *testing.T, path string) {
	t.Helper()
	header, rows := readRows(t, path)
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
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
		switch {
		case v("facility_kw") != sum("it_kw", "cooling_kw", "power_loss_kw", "other_kw"):
			t.Fatalf("%s line %d: facility is not IT + cooling + loss + other", path, i+2)
		case v("cooling_kw") != sum("crah_fan_kw", "cdu_pump_kw", "chw_pump_kw", "cond_pump_kw", "chiller_kw", "tower_fan_kw", "condenser_fan_kw", "dry_cooler_fan_kw", "fw_pump_kw", "heat_pump_kw"):
			t.Fatalf("%s line %d: cooling is not the sum of its components", path, i+2)
		case v("water_withdrawal_l") != sum("water_consumption_l", "water_discharge_l"):
			t.Fatalf("%s line %d: withdrawal != consumption + discharge", path, i+2)
		case v("water_consumption_l") != sum("evaporation_l", "drift_l", "spray_evap_l"):
			t.Fatalf("%s line %d: consumption != evaporation + drift + spray", path, i+2)
		case v("water_discharge_l") != sum("blowdown_l", "spray_bleed_l"):
			t.Fatalf("%s line %d: discharge != blowdown + bleed", path, i+2)
		}
		if u := v("unmet_cooling_kw"); u == 0 {
			if d := v("heat_rejected_kw") + v("heat_reused_kw") - v("facility_kw"); d < -20 || d > 20 {
				t.Fatalf("%s line %d: heat rejected + reused differs from facility power by %d W", path, i+2, d)
			}
		}
	}
}

// The trade-off between water and energy of the three ways to reject a
// liquid-cooled hall's heat, on the same racks in the Phoenix climate: dry
// coolers without adiabatic assist use no site water; adiabatic pads use
// some water and less energy; cooling towers use the most water and the least
// energy.
func TestWaterEnergyTradeOff(t *testing.T) {
	o := sites.Overrides{Step: "1h"}
	var list []*sim.Site
	for _, ex := range []string{"ai-liquid-drycooler", "ai-liquid-adiabatic", "ai-liquid-tower"} {
		list = append(list, example(t, ex, "cmp", o, nil))
	}
	var sums []*sim.Summary
	for _, s := range list {
		sums = append(sums, run(t, t.TempDir(), s)[0])
	}
	dry, adia, tower := sums[0], sums[1], sums[2]
	for _, s := range sums {
		t.Logf("%-10s cooling %8.0f MWh, PUE %.3f, water %8.0f m³ (WUE %.3f L/kWh)", s.Design.Kind, s.Energy.Cooling/1000, s.PUE, s.Water.Withdrawal/1000, s.WUE)
	}
	if dry.Energy.IT != adia.Energy.IT || dry.Energy.IT != tower.Energy.IT {
		t.Fatalf("IT energy differs: %g, %g, %g", dry.Energy.IT, adia.Energy.IT, tower.Energy.IT)
	}
	if dry.WUE > 1e-6 {
		t.Errorf("dry coolers without assist: WUE %g L/kWh, want ~0", dry.WUE)
	}
	if !(adia.Water.Withdrawal > 0 && adia.Energy.Cooling < dry.Energy.Cooling) {
		t.Errorf("adiabatic: %.0f L and %.0f kWh; dry: %.0f kWh", adia.Water.Withdrawal, adia.Energy.Cooling, dry.Energy.Cooling)
	}
	if !(tower.Water.Withdrawal > adia.Water.Withdrawal && tower.Energy.Cooling < adia.Energy.Cooling) {
		t.Errorf("towers: %.0f L and %.0f kWh; adiabatic: %.0f L and %.0f kWh", tower.Water.Withdrawal, tower.Energy.Cooling, adia.Water.Withdrawal, adia.Energy.Cooling)
	}
}

// Warmer facility water lowers the cooling energy and the hours that need
// evaporation or a trim chiller: the same adiabatic dry-cooler hall in
// Phoenix at W17 (15 °C supply) and W32 (30 °C supply).
func TestWarmWaterSavesEnergy(t *testing.T) {
	at := func(class string, supply float64) *sim.Summary {
		edit := func(src string) string {
			return regexp.MustCompile(`class = "W32"\nsupply_c = 30`).ReplaceAllString(src, `class = "`+class+`"`+"\nsupply_c = "+strconv.FormatFloat(supply, 'f', -1, 64))
		}
		s := example(t, "ai-liquid-adiabatic", "warm", sites.Overrides{Step: "1h"}, edit)
		sum := run(t, t.TempDir(), s)[0]
		if fw := sum.Design.FacilityWater; fw == nil || fw.Class != class {
			t.Fatalf("facility water %+v, want class %s", fw, class)
		}
		return sum
	}
	cold, warm := at("W17", 15), at("W32", 30)
	hours := func(s *sim.Summary) float64 { return s.Design.EvaporativeHours + s.Design.FacilityWater.TrimHours }
	t.Logf("W17: cooling %.0f MWh, evaporation %.0f h, trim %.0f h; W32: %.0f MWh, %.0f h, %.0f h",
		cold.Energy.Cooling/1000, cold.Design.EvaporativeHours, cold.Design.FacilityWater.TrimHours,
		warm.Energy.Cooling/1000, warm.Design.EvaporativeHours, warm.Design.FacilityWater.TrimHours)
	if !(warm.Energy.Cooling < cold.Energy.Cooling) {
		t.Errorf("W32 cooling %.0f kWh is not below W17's %.0f kWh", warm.Energy.Cooling, cold.Energy.Cooling)
	}
	if !(hours(warm) < hours(cold)) {
		t.Errorf("W32 needs evaporation or trim %.0f h, W17 %.0f h", hours(warm), hours(cold))
	}
}

// A design's step loop does not allocate either.
func TestDesignStepLoopDoesNotAllocate(t *testing.T) {
	allocs := func(days int) float64 {
		s := example(t, "heat-reuse", "", sites.Overrides{Step: "5m", Days: days}, nil)
		out := t.TempDir()
		return testing.AllocsPerRun(2, func() {
			if _, err := sim.RunSite(context.Background(), s, out, nil); err != nil {
				t.Fatal(err)
			}
		})
	}
	short, long := allocs(2), allocs(62)
	if perStep := (long - short) / (60 * 288); perStep > 0.01 {
		t.Errorf("%.3f allocations per step", perStep)
	}
}

// Heat reuse: the district loop takes heat in the heating season only, the
// heat pump's power is cooling power, and ERF is heat reused over facility
// energy (ISO/IEC 30134-6).
func TestHeatReuse(t *testing.T) {
	s := run(t, t.TempDir(), example(t, "heat-reuse", "", sites.Overrides{Step: "1h"}, nil))[0]
	if s.HeatReused <= 0 || s.Cooling.HeatPumps <= 0 {
		t.Fatalf("heat reused %g kWh, heat pumps %g kWh", s.HeatReused, s.Cooling.HeatPumps)
	}
	near := func(what string, got, want float64) {
		if math.Abs(got-want) > 1e-9*math.Abs(want) {
			t.Errorf("%s = %g, want %g", what, got, want)
		}
	}
	near("erf", s.ERF, s.HeatReused/s.Energy.Facility)
	var sum float64
	for _, m := range s.Months {
		sum += m.HeatReusedKWh
	}
	near("monthly heat reused", sum, s.HeatReused)
	jan, jul := s.Months[0].HeatReusedKWh, s.Months[6].HeatReusedKWh
	if !(jan > 0.9*3000*24*31 && jul < jan/2) {
		t.Errorf("heat reused in January %.0f kWh, July %.0f kWh: want the 3 MW demand in winter, little in summer", jan, jul)
	}
	// The heat pump's COP from the monthly figures is that of a lift from
	// about 40 °C to 73 °C at half of Carnot: about 5.
	if cop := s.HeatReused / s.Cooling.HeatPumps; cop < 4 || cop > 6.5 {
		t.Errorf("heat-pump COP %.2f", cop)
	}
	// The waste heat is the facility-water return: above the supply set
	// point by the loop's rise, below what the heat pump delivers.
	fw := s.Design.FacilityWater
	if w := s.WasteHeatC; w == nil || *w <= fw.SetpointC || *w > fw.SetpointC+20 {
		t.Errorf("waste-heat temperature %v for a supply set point of %g °C", w, fw.SetpointC)
	}
}

// A loop whose heat rejection cannot hold its W class counts the hours above
// it and says so.
func TestHoursAboveWClass(t *testing.T) {
	edit := func(src string) string {
		return regexp.MustCompile(`\[cooling.trim_chiller\]\ncapacity_kw = 1000[^\n]*`).ReplaceAllString(src, "[cooling.trim_chiller]\ncount = 0")
	}
	s := run(t, t.TempDir(), example(t, "ai-liquid-drycooler", "", sites.Overrides{Step: "1h"}, edit))[0]
	fw := s.Design.FacilityWater
	if fw == nil || fw.HoursAboveClass < 100 || fw.MaxSupplyC <= fw.LimitC || fw.TrimHours != 0 {
		t.Fatalf("facility water %+v", fw)
	}
	found := false
	for _, w := range s.Warnings {
		found = found || regexp.MustCompile(`above the W32 limit of 32 °C for [0-9.]+ h \(up to [0-9.]+ °C\)`).MatchString(w)
	}
	if !found {
		t.Errorf("no warning of the hours above W32 in %q", s.Warnings)
	}
	if math.Abs(s.HeatBalanceErrorPct) > 1e-6 {
		t.Errorf("the supply rises instead of heat vanishing, yet the heat balance is off by %g %%", s.HeatBalanceErrorPct)
	}
}

// BenchmarkLiquidHallYear1m is a year of 1-minute steps of the adiabatic
// dry-cooler GB200 hall.
func BenchmarkLiquidHallYear1m(b *testing.B) {
	s := example(b, "ai-liquid-adiabatic", "", sites.Overrides{Step: "1m"}, nil)
	out := b.TempDir()
	for b.Loop() {
		if _, err := sim.RunSite(context.Background(), s, out, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(s.Period.Steps)*float64(b.N)/b.Elapsed().Seconds(), "steps/s")
}

// A chiller trip in a liquid hall takes out the units it names, of the
// air-cooled chillers that carry the residual air heat, and not as many
// trim chillers again: with two of its four air-cooled chillers tripped, the
// hall's remaining two carry the air heat and nothing goes unmet.
func TestHallChillerTripCountsOnce(t *testing.T) {
	o := sites.Overrides{Start: "2025-07-08", Days: 1, Step: "1h"}
	trip := func(src string) string {
		return src + "\n[[event]]\nkind = \"chiller-trip\"\nstart = 2025-07-08T12:00:00\nduration = \"4h\"\nunits = 2\n"
	}
	baseOut, tripOut := t.TempDir(), t.TempDir()
	base := run(t, baseOut, example(t, "ai-liquid-drycooler", "", o, nil))[0]
	tripped := run(t, tripOut, example(t, "ai-liquid-drycooler", "", o, trip))[0]
	if tripped.Unmet.KWh > 1e-6 || tripped.Thermal.MaxInletC > base.Thermal.MaxInletC+1e-9 {
		t.Errorf("two of four air-cooled chillers tripped: unmet %.1f kWh, max inlet %.2f °C (%.2f without the trip)",
			tripped.Unmet.KWh, tripped.Thermal.MaxInletC, base.Thermal.MaxInletC)
	}
	on := func(dir string) []float64 {
		header, rows := readRows(t, filepath.Join(dir, "ai-liquid-drycooler", "timeseries.csv"))
		col := slices.Index(header, "chillers_on")
		var v []float64
		for _, r := range rows {
			x, _ := strconv.ParseFloat(r[col], 64)
			v = append(v, x)
		}
		return v
	}
	b, tr := on(baseOut), on(tripOut)
	for h := 12; h < 16; h++ {
		if b[h]-tr[h] > 2+1e-9 {
			t.Errorf("hour %d: %g chillers on, %g without the trip: more than the 2 tripped went out", h, tr[h], b[h])
		}
	}
}
