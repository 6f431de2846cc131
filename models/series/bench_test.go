package series

import (
	"strings"
	"testing"
	"time"
)

// BenchmarkReadCSV reads a year of hourly rows in the EIA-930 shape.
func BenchmarkReadCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("timestamp,WND,SUN,avg_CI\n")
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 8760 {
		sb.WriteString(start.Add(time.Duration(i) * time.Hour).Format("2006-01-02 15:04:05-07:00"))
		sb.WriteString(",149,81,631.6617084572886\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCSV(strings.NewReader(text), "bench.csv", ReadOptions{ValueColumn: "avg_CI"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFillHourlyWrap maps a year of a UTC series onto another year of
// a site west of UTC, hour by hour.
func BenchmarkFillHourlyWrap(b *testing.B) {
	s := indexSeries(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), 8760)
	dst := make([]float64, 8784)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("MST", -7*3600))
	b.ReportAllocs()
	for b.Loop() {
		if err := s.FillHourly(dst, start, true); err != nil {
			b.Fatal(err)
		}
	}
}
