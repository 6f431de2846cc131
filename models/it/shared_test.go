package it

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/dctwin/dctwin/models/refdata"
)

// readHourlyTrace reads the cpu_load column of a workload file of the
// reference data (header ",cpu_load"). The project's series package is the
// real reader; this keeps the test independent of it.
func readHourlyTrace(t *testing.T, path string) []float64 {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Skip(err)
	}
	defer fh.Close()
	rows, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var hourly []float64
	for i, row := range rows[1:] {
		v, err := strconv.ParseFloat(row[1], 64)
		if err != nil {
			t.Fatalf("%s:%d: %v", path, i+2, err)
		}
		hourly = append(hourly, v)
	}
	return hourly
}

// TestSharedTrace drives racks with a real cluster's hourly CPU load (Google
// cluster trace via HewlettPackard/dc-rl) for two weeks: the fleet's mean
// utilisation follows the trace hour by hour.
func TestSharedTrace(t *testing.T) {
	hourly := readHourlyTrace(t, refdata.Path(t, "workload/google_cpu_hourly_1.csv"))
	if len(hourly) < 8760 {
		t.Fatalf("%d hours, want a year", len(hourly))
	}
	cal := testCalendar(time.Minute)
	trace, err := NewTrace(cal, hourly)
	if err != nil {
		t.Fatal(err)
	}
	spec := quietSpec(t, 0)
	spec.Workload, spec.Racks, spec.NoiseSD, spec.NoiseTau = trace, 500, 0.02, 10*time.Minute
	f := mustFleet(t, []GroupSpec{spec}, time.Minute, 1, 1440)
	powers := simulate(t, f, 14*1440, 1440, constantSupply(22))
	for h := range 14 * 24 {
		var mean float64
		for _, p := range powers[h*60 : (h+1)*60] {
			mean += p.MeanUtil / 60
		}
		// Noise averaged over 500 racks and an hour; clamping is rare.
		within(t, "hourly fleet utilisation", mean, hourly[h], 0.003, 0)
	}
}
