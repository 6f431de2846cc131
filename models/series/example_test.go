package series_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dctwin/dctwin/models/series"
)

// A carbon-intensity series in 30-minute UTC rows, averaged into hours and
// aligned to a period in Phoenix standard time (UTC-07:00).
func ExampleReadCSV() {
	const text = `# grid carbon intensity
timestamp,avg_CI
2022-01-01 07:00:00+00:00,600
2022-01-01 07:30:00+00:00,620
2022-01-01 08:00:00+00:00,580
2022-01-01 08:30:00+00:00,560
`
	s, err := series.ReadCSV(strings.NewReader(text), "ci.csv", series.ReadOptions{Min: 0, Max: 2000, Unit: "gCO2/kWh"})
	if err != nil {
		fmt.Println(err)
		return
	}
	phoenix := time.FixedZone("MST", -7*3600)
	ci, err := s.Hourly(time.Date(2022, 1, 1, 0, 0, 0, 0, phoenix), 2, false)
	fmt.Println(s.Column, ci, err)

	_, err = s.Hourly(time.Date(2022, 1, 1, 0, 0, 0, 0, phoenix), 3, false)
	fmt.Println(err)
	// Output:
	// avg_CI [610 570] <nil>
	// ci.csv: the series covers 2022-01-01 00:00 to 2022-01-01 02:00 (2 hours) but the period needs 2022-01-01 00:00 to 2022-01-01 03:00 (3 hours), both in UTC-07:00; give a period inside the series, or set wrap to map the period onto the series by month, day and hour
}

// An untimed workload trace repeats from its beginning when wrapped.
func ExampleSeries_Hourly() {
	s, _ := series.ReadCSV(strings.NewReader(",cpu_load\n0,0.4\n1,0.6\n2,0.5\n"), "trace.csv", series.ReadOptions{Min: 0, Max: 1})
	u, _ := s.Hourly(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), 7, true)
	fmt.Println(u)
	// Output: [0.4 0.6 0.5 0.4 0.6 0.5 0.4]
}
