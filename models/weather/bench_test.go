package weather

import (
	"strings"
	"testing"
)

func BenchmarkReadEPW(b *testing.B) {
	text := epwText(epwOptions{})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadEPW(strings.NewReader(text), "bench.epw"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	c, _ := LookupClimate("chicago")
	b.ReportAllocs()
	seed := uint64(0)
	for b.Loop() {
		seed++
		if _, err := c.Generate(seed); err != nil {
			b.Fatal(err)
		}
	}
}
