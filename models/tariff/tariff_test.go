package tariff

import (
	"fmt"
	"testing"
	"time"
)

func TestTimeOfUse(t *testing.T) {
	tf := Tariff{EnergyPerKWh: 0.08, TOU: []Period{
		{StartH: 16, EndH: 21, Days: Weekdays, PricePerKWh: 0.30},
		{StartH: 22, EndH: 6, Days: AllDays, PricePerKWh: 0.05},
	}}
	if err := tf.Validate(); err != nil {
		t.Fatal(err)
	}
	// 2025-01-03 is a Friday, 2025-01-04 a Saturday.
	start := time.Date(2025, 1, 3, 0, 0, 0, 0, time.FixedZone("UTC-07:00", -7*3600))
	p, err := tf.Prices(start, 48)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		h    int
		want float64
	}{{0, 0.05}, {5, 0.05}, {6, 0.08}, {16, 0.30}, {20, 0.30}, {21, 0.08}, {23, 0.05}, {24 + 17, 0.08}} {
		if p[c.h] != c.want {
			t.Errorf("hour %d: %g, want %g", c.h, p[c.h], c.want)
		}
	}
	// A summer peak, June to September, and a winter one wrapping the year.
	seasons := Tariff{EnergyPerKWh: 0.1, TOU: []Period{
		{StartH: 14, EndH: 19, FirstMonth: 6, LastMonth: 9, PricePerKWh: 0.4},
		{StartH: 7, EndH: 9, FirstMonth: 11, LastMonth: 2, PricePerKWh: 0.2},
	}}
	if err := seasons.Validate(); err != nil {
		t.Fatal(err)
	}
	utc := time.UTC
	for _, c := range []struct {
		at   time.Time
		want float64
	}{
		{time.Date(2025, 7, 15, 15, 0, 0, 0, utc), 0.4},
		{time.Date(2025, 5, 15, 15, 0, 0, 0, utc), 0.1},
		{time.Date(2025, 1, 15, 8, 0, 0, 0, utc), 0.2},
		{time.Date(2025, 3, 15, 8, 0, 0, 0, utc), 0.1},
		{time.Date(2025, 12, 1, 7, 0, 0, 0, utc), 0.2},
	} {
		if p, _ := seasons.Prices(c.at, 1); p[0] != c.want {
			t.Errorf("%v: %g, want %g", c.at, p[0], c.want)
		}
	}
	if (&Tariff{TOU: []Period{{StartH: 1, EndH: 2, FirstMonth: 6}}}).Validate() == nil {
		t.Error("a period with a first month and no last accepted")
	}
	bad := Tariff{TOU: []Period{{StartH: 5, EndH: 5}}}
	if bad.Validate() == nil {
		t.Error("empty period accepted")
	}
	if (&Tariff{WaterPerM3: -1}).Validate() == nil {
		t.Error("negative price accepted")
	}
	if _, err := (&Tariff{HourlyPerKWh: []float64{1}}).Prices(start, 2); err == nil {
		t.Error("short price series accepted")
	}
}

func ExampleTariff_Prices() {
	tf := Tariff{Currency: "USD", EnergyPerKWh: 0.07, TOU: []Period{{StartH: 17, EndH: 20, PricePerKWh: 0.25}}}
	p, _ := tf.Prices(time.Date(2025, 7, 1, 16, 0, 0, 0, time.UTC), 5)
	fmt.Println(p)
	// Output: [0.07 0.25 0.25 0.25 0.07]
}
