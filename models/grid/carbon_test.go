package grid

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/dctwin/dctwin/models/refdata"
)

func TestConstantAndHourly(t *testing.T) {
	c, err := Constant(380, "test")
	if err != nil || c.At(0) != 380 || c.At(8000) != 380 {
		t.Fatalf("Constant(380) = %v, %v", c, err)
	}
	h, err := Hourly([]float64{100, 200, 300}, "test")
	if err != nil || h.At(1) != 200 {
		t.Fatalf("Hourly: %v, %v", h, err)
	}
	for _, bad := range []float64{-1, 2500, math.NaN()} {
		if _, err := Constant(bad, ""); err == nil {
			t.Errorf("Constant(%g) accepted", bad)
		}
		if _, err := Hourly([]float64{1, bad}, ""); err == nil {
			t.Errorf("Hourly with %g accepted", bad)
		}
	}
}

func TestReadSeriesLayouts(t *testing.T) {
	eia := "timestamp,WND,SUN,WAT,OIL,NG,COL,NUC,OTH,avg_CI\n" +
		"2022-01-01 00:00:00+00:00,149,81,0,0,731,1361,0,31,631.66\n" +
		"2022-01-01 01:00:00+00:00,137,67,0,0,1003,1399,0,30,625.87\n"
	s, err := ReadSeries(strings.NewReader(eia), "eia.csv", time.UTC, 0)
	if err != nil || len(s.Values) != 2 || s.Values[0] != 631.66 {
		t.Fatalf("EIA-930 layout: %+v, %v", s, err)
	}
	plain := "time,value\n2025-01-01T00:00:00-05:00,400\n2025-01-01T01:00:00-05:00,410\n"
	s, err = ReadSeries(strings.NewReader(plain), "plain.csv", time.UTC, 0)
	if err != nil || s.Values[1] != 410 {
		t.Fatalf("plain layout: %+v, %v", s, err)
	}
	kg := "time,value\n2025-01-01T00:00:00Z,0.4\n2025-01-01T01:00:00Z,0.41\n"
	if _, err := ReadSeries(strings.NewReader(kg), "kg.csv", time.UTC, 0); !errors.Is(err, ErrUnits) {
		t.Errorf("kg/kWh values: err = %v, want ErrUnits", err)
	}
	if _, err := ReadSeries(strings.NewReader("time,value\n2025-01-01T00:00:00Z,-5\n"), "neg.csv", time.UTC, 0); err == nil || !strings.Contains(err.Error(), "neg.csv:2") {
		t.Errorf("negative value: err = %v, want one naming neg.csv:2", err)
	}
}

// The annual mean of the hourly avg_CI in the shared EIA-930 files, and the
// alignment of a UTC series to a site's standard time.
func TestSharedEIA930(t *testing.T) {
	path := refdata.Path(t, "grid/eia930_AZPS_2022.csv")
	arizona := time.FixedZone("UTC-07:00", -7*3600)
	s, err := LoadSeries(path, arizona, 24)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Values) != 8760 || math.Abs(s.Values[0]-631.6617084572886) > 1e-9 {
		t.Fatalf("%d values, first %g", len(s.Values), s.Values[0])
	}
	// The rows are labelled by their hours' ends: the series' hours run from
	// 2021-12-31 23:00Z to 2022-12-31 23:00Z, 16:00 in Arizona: a local
	// calendar year is not covered without wrapping.
	if _, err := s.Hourly(time.Date(2022, 1, 1, 0, 0, 0, 0, arizona), 8760, false); err == nil {
		t.Fatal("a UTC series ending 2022-12-31 23:00Z covered the local year 2022 without wrapping")
	}
	// The first site hour, 2022-01-01 00:00 at UTC−7, starts at 07:00 UTC: the
	// row labelled 08:00Z, the 9th.
	hourly, err := s.Hourly(time.Date(2022, 1, 1, 0, 0, 0, 0, arizona), 8760-8, false)
	if err != nil {
		t.Fatal(err)
	}
	if hourly[0] != s.Values[8] {
		t.Errorf("first site hour takes %g, want the value labelled 08:00Z, %g", hourly[0], s.Values[8])
	}
}
