package plots

import (
	"bufio"
	"bytes"
	"context"
	"testing"
	"time"
)

// BenchmarkReadSeriesYear1m reads a year of 1-minute rows (525,600, the
// contract's columns) from memory.
func BenchmarkReadSeriesYear1m(b *testing.B) {
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", -7*3600))
	end := start.AddDate(1, 0, 0)
	var buf bytes.Buffer
	buf.WriteString(header + "\n")
	for t := start; t.Before(end); t = t.Add(time.Minute) {
		buf.WriteString(row(t))
		buf.WriteByte('\n')
	}
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for b.Loop() {
		if _, err := ReadSeries(bufio.NewReaderSize(bytes.NewReader(buf.Bytes()), 1<<16), "ts.csv", start, end, time.Minute); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite draws the figures and report of the test folder (three
// sites, 14 days).
func BenchmarkWrite(b *testing.B) {
	out := testOut(b)
	for b.Loop() {
		if _, err := Write(context.Background(), out, Options{Parallel: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
