package sim_test

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dctwin/dctwin/models/thermal"
	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites"
)

// outageTOML is a 60-rack CPU hall at constant load whose server fans do not
// react to inlet temperature, so that the heat load stays constant while the
// room warms: the case a hand calculation covers. It takes the event, the
// [thermal] and [resilience] lines as arguments.
const outageTOML = `
[site]
name = "outage"
[period]
start = 2025-07-01
days = 1
step = "1m"
report_interval = "1m"
[weather]
climate = "miami"
[[racks]]
name = "cpu"
count = 60
util_bias_sd = 0
util_noise_sd = 0
fan_speed_per_k = 0
[racks.workload]
kind = "constant"
mean = 0.8
[cooling.chillers]
capacity_kw = 500
[grid]
carbon_g_per_kwh = 400
[generator]
capacity_kw = 2000
[thermal]
room_volume_m3 = 1000
it_mass_kg = 20000
it_specific_heat_kj_per_kgk = 0.5
chw_loop_m3 = 20
%s
[resilience]
%s
[[event]]
kind = "utility-outage"
start = 2025-07-01T12:00:00
duration = "3h"
generator_start = "3h"   # the generators take 3 h to carry the load: the plant stays off
`

func runOutage(t *testing.T, thermalLines, resilience string) (*sim.Summary, float64) {
	t.Helper()
	src := fmt.Sprintf(outageTOML, thermalLines, resilience)
	s, err := sites.Parse([]byte(src), "outage.toml", ".", sites.Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	sum := run(t, out, s)[0]
	header, rows := readRows(t, filepath.Join(out, "outage", "timeseries.csv"))
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	// The heat released into the hall during the outage: IT, UPS and PDU
	// losses, lighting, and the UPS-fed CRAH fans and pumps. Row 720 is the
	// first minute of the outage.
	r := rows[720]
	var q float64
	for _, c := range strings.Fields("it_kw ups_loss_kw pdu_loss_kw lighting_kw crah_fan_kw cdu_pump_kw chw_pump_kw") {
		x, _ := strconv.ParseFloat(r[col[c]], 64)
		q += x
	}
	if len(sum.Events) != 1 || sum.Events[0].RideThroughMin == nil {
		t.Fatalf("events %+v: the outage should pass the allowable limit", sum.Events)
	}
	return sum, q
}

// The hand calculation: with the chilled-water pumps stopped, only the room
// air and the IT equipment take the heat, so the warmest inlet reaches the
// allowable limit after t = C·(T_allowable − T_start)/Q, with
//
//	C = 1000 m³ × 1.2 kJ/(m³·K) + 20 000 kg × 0.5 kJ/(kg·K) = 11 200 kJ/K
//	T_start = 22 °C supply air + 2 K inlet spread = 24 °C, T_allowable = 32 °C (A1)
//	Q = the heat released in the hall, about 0.8 MW (from the outputs)
//
// which is about 2 minutes.
func TestRideThroughMatchesHandCalculation(t *testing.T) {
	sum, q := runOutage(t, "", "chw_pumps_on_ups = false")
	const c = 1000*1.2 + 20000*0.5
	want := c * (32 - 24) / q / 60
	got := *sum.Events[0].RideThroughMin
	t.Logf("Q %.1f kW: hand %.3f min, simulated %.3f min", q, want, got)
	if math.Abs(got-want) > 0.02*want {
		t.Errorf("ride-through %.3f min, hand calculation %.3f min", got, want)
	}
	// The design figure, a total loss of cooling at the peak load, is the
	// same calculation.
	if d := sum.Thermal.RideThroughAtPeakMin; math.Abs(d-want) > 0.02*want {
		t.Errorf("ride-through at peak %.3f min, hand calculation %.3f min", d, want)
	}
	if *sum.RideThroughMin != got || sum.Thermal.MaxInletC <= 32 || sum.Thermal.HoursAboveAllowable <= 0 {
		t.Errorf("summary: ride-through %v, thermal %+v", *sum.RideThroughMin, sum.Thermal)
	}
	// Heat is accounted for: facility electricity = heat rejected + heat
	// still stored + heat not stored (past the IT shutdown temperature).
	// After the outage and the chillers' restart the plant removes what the
	// hall stored.
	th := sum.Thermal
	if th.StoredEndKWh != 0 || th.NotStoredKWh <= 0 {
		t.Errorf("stored at the end %.3f kWh, not stored %.1f kWh", th.StoredEndKWh, th.NotStoredKWh)
	}
	if want := 100 * th.NotStoredKWh / sum.Energy.Facility; math.Abs(sum.HeatBalanceErrorPct-want) > 1e-9 {
		t.Errorf("heat balance error %.6f %%, want the share not stored %.6f %%", sum.HeatBalanceErrorPct, want)
	}
	if !strings.Contains(strings.Join(sum.Warnings, "\n"), "passed the A1 allowable 32 °C") {
		t.Errorf("no ride-through warning in %q", sum.Warnings)
	}
}

// With the chilled-water pumps on UPS the loop's water takes the heat first,
// through its headroom (22 °C supply air − 4 K coil approach − 10 °C water
// = 8 K), then air and water warm together; a tank adds its C·ΔT/Q, with
// ΔT the 8 K of headroom plus the 8 K the air may rise.
func TestTankExtendsRideThrough(t *testing.T) {
	base, q := runOutage(t, "", "chw_pumps_on_ups = true")
	tank, _ := runOutage(t, "tank_m3 = 30", "chw_pumps_on_ups = true")
	const ca, cwLoop = 1000*1.2 + 20000*0.5, 20 * thermal.WaterRhoCp
	wantBase := (cwLoop*8 + (ca+cwLoop)*8) / q / 60
	gotBase := *base.Events[0].RideThroughMin
	if math.Abs(gotBase-wantBase) > 0.02*wantBase {
		t.Errorf("with the loop: ride-through %.2f min, hand calculation %.2f min", gotBase, wantBase)
	}
	if d := base.Thermal.RideThroughAtPeakMin; math.Abs(d-wantBase) > 0.02*wantBase {
		t.Errorf("with the loop: ride-through at peak %.2f min, hand calculation %.2f min", d, wantBase)
	}
	wantExtra := 30 * thermal.WaterRhoCp * 16 / q / 60
	gotExtra := *tank.Events[0].RideThroughMin - gotBase
	t.Logf("Q %.1f kW: loop %.2f min (hand %.2f); tank adds %.2f min (hand %.2f)", q, gotBase, wantBase, gotExtra, wantExtra)
	if math.Abs(gotExtra-wantExtra) > 0.02*wantExtra {
		t.Errorf("the tank adds %.2f min, hand calculation %.2f min", gotExtra, wantExtra)
	}
	// The storage the summary asks for holds the heat of the rest of the
	// 3-hour outage (and of the chillers' 5-minute restart) beyond the
	// ride-through, at 16 K.
	e := base.Events[0]
	lo, hi := q*(180-gotBase)/60, q*(185-gotBase)/60*1.05
	if e.ExtraStorageKWh < lo || e.ExtraStorageKWh > hi || math.Abs(e.ExtraStorageM3*thermal.WaterRhoCp*16/3600-e.ExtraStorageKWh) > 1e-6*e.ExtraStorageKWh {
		t.Errorf("extra storage %.1f m³ for %.0f kWh, want %.0f–%.0f kWh", e.ExtraStorageM3, e.ExtraStorageKWh, lo, hi)
	}
}

// tripTOML is a 900 kW hall whose design load needs two 500 kW chillers, on
// a hot Phoenix afternoon, with one chiller tripping for two hours.
const tripTOML = `
[site]
name = "trip"
[period]
start = 2025-07-15
days = 1
step = "5m"
[weather]
climate = "phoenix"
[[racks]]
name = "cpu"
count = 60
[racks.workload]
kind = "constant"
mean = 1
[cooling.chillers]
capacity_kw = 500
[cooling.economizer]
enabled = false
[grid]
carbon_g_per_kwh = 400
[resilience]
redundancy = "%s"
[[event]]
kind = "chiller-trip"
start = 2025-07-15T14:00
duration = "2h"
`

// N+1 rides through a chiller trip at peak with no rise; N does not.
func TestRedundancyRidesThroughATrip(t *testing.T) {
	for _, tc := range []struct {
		redundancy string
		chillers   int
		rise       bool
	}{{"N+1", 3, false}, {"N", 2, true}} {
		s, err := sites.Parse([]byte(fmt.Sprintf(tripTOML, tc.redundancy)), "trip.toml", ".", sites.Overrides{})
		if err != nil {
			t.Fatal(err)
		}
		if s.Plant.Chillers != tc.chillers {
			t.Fatalf("%s: %d chillers, want %d", tc.redundancy, s.Plant.Chillers, tc.chillers)
		}
		sum := run(t, t.TempDir(), s)[0]
		e := sum.Events[0]
		rest := 22 + 2.0
		if rose := e.PeakInletC > rest+1e-9; rose != tc.rise {
			t.Errorf("%s: peak inlet %.2f °C (at rest %.1f °C), unmet %.0f kWh", tc.redundancy, e.PeakInletC, rest, sum.Unmet.KWh)
		}
		if !tc.rise && (sum.Unmet.KWh != 0 || e.PeakStoredKWh != 0) {
			t.Errorf("%s: unmet %.1f kWh, stored %.1f kWh", tc.redundancy, sum.Unmet.KWh, e.PeakStoredKWh)
		}
		if tc.rise && e.RideThroughMin == nil {
			t.Errorf("%s: the trip of one of two chillers at peak should pass the limit: %+v", tc.redundancy, e)
		}
		ride := "did not pass the limit"
		if e.RideThroughMin != nil {
			ride = fmt.Sprintf("%.1f min", *e.RideThroughMin)
		}
		t.Logf("%s: peak inlet %.2f °C, stored %.0f kWh, ride-through %s", tc.redundancy, e.PeakInletC, e.PeakStoredKWh, ride)
	}
}

// The failure example runs on the Phoenix, Chicago and Miami weather files
// with the energy identity and the water balance exact in every row, and
// the heat balance (heat rejected + heat stored = facility electricity)
// within 1 %, the only gap being heat past the IT shutdown temperature.
func TestFailureExampleOnWeatherFiles(t *testing.T) {
	ex, ok := sites.LookupExample("ai-hall-failures")
	if !ok {
		t.Fatal("no failure example")
	}
	for _, epw := range []string{phoenixEPW, chicagoEPW, miamiEPW} {
		o := sites.Overrides{WeatherFile: sharedWeather(t, epw), Start: "2025-07-01", Days: 31}
		s, err := sites.Parse(ex.TOML, "ai-hall-failures.toml", ".", o)
		if err != nil {
			t.Fatal(err)
		}
		out := t.TempDir()
		sum := run(t, out, s)[0]
		header, rows := readRows(t, filepath.Join(out, s.Name, "timeseries.csv"))
		col := map[string]int{}
		for i, h := range header {
			col[h] = i
		}
		for i, r := range rows {
			v := func(name string) int64 { return milli(t, r[col[name]]) }
			if v("facility_kw") != v("it_kw")+v("cooling_kw")+v("power_loss_kw")+v("other_kw") {
				t.Fatalf("%s line %d: facility != IT + cooling + loss + other", epw, i+2)
			}
			if v("water_withdrawal_l") != v("water_consumption_l")+v("water_discharge_l") {
				t.Fatalf("%s line %d: withdrawal != consumption + discharge", epw, i+2)
			}
		}
		// Row by row, the heat the plant did not reject went into the mass,
		// or past the shutdown temperature.
		var gap float64
		for _, r := range rows {
			v := func(name string) float64 { x, _ := strconv.ParseFloat(r[col[name]], 64); return x }
			gap += (v("facility_kw") - v("heat_rejected_kw") - v("heat_to_mass_kw")) * 0.25 // 15-minute rows
		}
		th := sum.Thermal
		if math.Abs(gap-th.NotStoredKWh) > 1e-3*th.NotStoredKWh+1 {
			t.Errorf("%s: rows leave %.1f kWh neither rejected nor stored, the summary %.1f kWh not stored", epw, gap, th.NotStoredKWh)
		}
		if math.Abs(sum.HeatBalanceErrorPct) > 1 || math.Abs(sum.HeatBalanceErrorPct-100*th.NotStoredKWh/sum.Energy.Facility) > 1e-9 {
			t.Errorf("%s: heat balance error %.4f %% (not stored %.1f kWh of %.0f kWh)", epw, sum.HeatBalanceErrorPct, th.NotStoredKWh, sum.Energy.Facility)
		}
		if len(sum.Events) != 4 || sum.RideThroughMin == nil {
			t.Errorf("%s: events %+v", epw, sum.Events)
		}
		t.Logf("%s: ride-through %.1f min; events %d; hours above allowable %.2f; max inlet %.1f °C; not stored %.0f kWh",
			epw, *sum.RideThroughMin, len(sum.Events), th.HoursAboveAllowable, th.MaxInletC, th.NotStoredKWh)
	}
}

// Events need not fall on steps, and the ride-through does not depend on the
// step: an outage starting at 12:07:30 rides through as long with 1-minute
// as with 1-hour steps, and the energy stays accounted for at both.
func TestRideThroughIndependentOfStep(t *testing.T) {
	var got []float64
	for _, step := range []string{"1m", "15m", "1h"} {
		src := fmt.Sprintf(outageTOML, "", "chw_pumps_on_ups = true")
		src = strings.NewReplacer(`step = "1m"`, `step = "`+step+`"`, `report_interval = "1m"`, `report_interval = "1h"`,
			"start = 2025-07-01T12:00:00", "start = 2025-07-01T12:07:30").Replace(src)
		s, err := sites.Parse([]byte(src), "outage.toml", ".", sites.Overrides{})
		if err != nil {
			t.Fatal(err)
		}
		sum := run(t, t.TempDir(), s)[0]
		e := sum.Events[0]
		if e.RideThroughMin == nil {
			t.Fatalf("step %s: no ride-through", step)
		}
		got = append(got, *e.RideThroughMin)
		if want := 100 * sum.Thermal.NotStoredKWh / sum.Energy.Facility; math.Abs(sum.HeatBalanceErrorPct-want) > 1e-9 || sum.Thermal.StoredEndKWh != 0 {
			t.Errorf("step %s: heat balance error %.6f %%, not stored %.6f %%, stored at end %.3f kWh", step, sum.HeatBalanceErrorPct, want, sum.Thermal.StoredEndKWh)
		}
	}
	t.Logf("ride-through at 1m, 15m, 1h steps: %.3f, %.3f, %.3f min", got[0], got[1], got[2])
	for _, g := range got[1:] {
		if math.Abs(g-got[0]) > 0.01*got[0] {
			t.Errorf("ride-through %v min: differs with the step", got)
		}
	}
}

// Random chiller failures drawn from the MTBF and MTTR appear among the
// events, the same on every run.
func TestRandomFailures(t *testing.T) {
	src := strings.Replace(fmt.Sprintf(tripTOML, "N+1"), "days = 1", "days = 60", 1) +
		"\n[resilience]\nchiller_mtbf_h = 300\nchiller_mttr_h = 12\n"
	src = strings.Replace(src, "[resilience]\nredundancy = \"N+1\"\n", "", 1)
	var first []byte
	for range 2 {
		s, err := sites.Parse([]byte(src), "random.toml", ".", sites.Overrides{})
		if err != nil {
			t.Fatal(err)
		}
		out := t.TempDir()
		sum := run(t, out, s)[0]
		random := 0
		for _, e := range sum.Events {
			if e.Random {
				random++
			}
		}
		if random == 0 || sum.Events[0].Random {
			t.Fatalf("events %+v: want the scheduled trip first, then random failures", sum.Events)
		}
		data := readTree(t, out)["random/summary.json"]
		if first == nil {
			first = data
			t.Logf("%d random failures in 60 days", random)
		} else if string(first) != string(data) {
			t.Error("random failures differ between runs")
		}
	}
}

// Every example runs on the Phoenix, Chicago and Miami weather files with
// the energy identity and the water balance exact in every row, and the heat
// balance (heat rejected + heat stored = facility electricity) within 1 %.
func TestExamplesOnWeatherFiles(t *testing.T) {
	for _, ex := range sites.Examples() {
		for _, epw := range []string{phoenixEPW, chicagoEPW, miamiEPW} {
			o := sites.Overrides{WeatherFile: sharedWeather(t, epw), Start: "2025-07-01", Days: 31, Step: "15m"}
			s, err := sites.Parse(ex.TOML, ex.Name+".toml", ".", o)
			if err != nil {
				t.Fatalf("%s: %v", ex.Name, err)
			}
			out := t.TempDir()
			sum := run(t, out, s)[0]
			header, rows := readRows(t, filepath.Join(out, s.Name, "timeseries.csv"))
			col := map[string]int{}
			for i, h := range header {
				col[h] = i
			}
			for i, r := range rows {
				v := func(name string) int64 { return milli(t, r[col[name]]) }
				if v("facility_kw") != v("it_kw")+v("cooling_kw")+v("power_loss_kw")+v("other_kw") ||
					v("water_withdrawal_l") != v("water_consumption_l")+v("water_discharge_l") {
					t.Fatalf("%s on %s, line %d: an identity fails", ex.Name, epw, i+2)
				}
			}
			if math.Abs(sum.HeatBalanceErrorPct) > 1 {
				t.Errorf("%s on %s: heat balance error %.3f %%", ex.Name, epw, sum.HeatBalanceErrorPct)
			}
		}
	}
}

// A short ride-through at peak load is a warning even when no event was
// simulated; a long one is not.
func TestShortRideThroughIsWarnedWithoutEvents(t *testing.T) {
	noEvent := outageTOML[:strings.Index(outageTOML, "[[event]]")]
	for _, c := range []struct {
		tank, resilience string
		warn             bool
	}{{"", "chw_pumps_on_ups = false", true}, {"tank_m3 = 400", "chw_pumps_on_ups = true", false}} {
		src := fmt.Sprintf(noEvent, c.tank, c.resilience)
		s, err := sites.Parse([]byte(src), "outage.toml", ".", sites.Overrides{})
		if err != nil {
			t.Fatal(err)
		}
		sum := run(t, t.TempDir(), s)[0]
		got := strings.Contains(strings.Join(sum.Warnings, "\n"), "ride-through at peak load is only")
		if got != c.warn || len(sum.Events) != 0 {
			t.Errorf("%q: ride-through at peak %.1f min, warned %v, want %v; events %d", c.tank, sum.Thermal.RideThroughAtPeakMin, got, c.warn, len(sum.Events))
		}
	}
}
