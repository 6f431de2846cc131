package sim_test

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites"
)

// defaultSite returns the first site of the embedded default portfolio at
// the given step.
func defaultSite(tb testing.TB, step string, days int) *sim.Site {
	tb.Helper()
	list, err := sites.Default(sites.Overrides{Step: step, Days: days})
	if err != nil {
		tb.Fatal(err)
	}
	return list[0]
}

// BenchmarkSiteYear1m is the design's first target: one site-year of the
// default example at 1-minute steps (525,600 steps) with hourly rows, within
// 1 s on a 2-core machine.
func BenchmarkSiteYear1m(b *testing.B) {
	s := defaultSite(b, "1m", 365)
	out := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sim.RunSite(context.Background(), s, out, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(s.Period.Steps)*float64(b.N)/b.Elapsed().Seconds(), "steps/s")
}

// BenchmarkTenSites1m is the design's third target: a 10-site, 1-minute,
// 1-year run within 150 MB. It reports the peak of the Go heap and of all
// memory the runtime holds from the system, sampled through the run.
func BenchmarkTenSites1m(b *testing.B) {
	var list []*sim.Site
	for i := range 10 {
		s := defaultSite(b, "1m", 365)
		s.Name = fmt.Sprintf("site-%02d", i)
		list = append(list, s)
	}
	out := b.TempDir()
	var peakHeap, peakTotal uint64
	for b.Loop() {
		runtime.GC()
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/total:bytes"}}
			tick := time.NewTicker(5 * time.Millisecond)
			defer tick.Stop()
			for {
				metrics.Read(samples)
				peakHeap = max(peakHeap, samples[0].Value.Uint64())
				peakTotal = max(peakTotal, samples[1].Value.Uint64())
				select {
				case <-stop:
					return
				case <-tick.C:
				}
			}
		}()
		if _, err := sim.Run(context.Background(), list, sim.Options{Out: out}); err != nil {
			b.Fatal(err)
		}
		close(stop)
		wg.Wait()
	}
	b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(peakTotal)/(1<<20), "peak-runtime-MB")
}

// The step loop does not allocate: a month longer costs no more allocations
// than the bookkeeping of one more month.
func TestStepLoopDoesNotAllocate(t *testing.T) {
	allocs := func(days int) float64 {
		s := defaultSite(t, "5m", days)
		out := t.TempDir()
		return testing.AllocsPerRun(2, func() {
			if _, err := sim.RunSite(context.Background(), s, out, nil); err != nil {
				t.Fatal(err)
			}
		})
	}
	short, long := allocs(2), allocs(62) // 17,280 more steps, two more months
	perStep := (long - short) / (60 * 288)
	t.Logf("allocations: %.0f for 2 days, %.0f for 62 days", short, long)
	if perStep > 0.01 {
		t.Errorf("%.3f allocations per step", perStep)
	}
}
