package it

import (
	"context"
	"testing"
	"time"
)

// benchFleetSpecs is the benchmark site: 900 air-cooled CPU racks on the
// concave curve with a diurnal load and 100 liquid-cooled GPU racks running
// a training job.
func benchFleetSpecs(tb testing.TB) []GroupSpec {
	tb.Helper()
	cal := Calendar{Start: time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("EST", -5*3600)), Step: time.Minute}
	diurnal, err := NewDiurnal(cal, 0.45, 0.15, 14)
	if err != nil {
		tb.Fatal(err)
	}
	training, err := NewTraining(cal, DefaultTrainingParams(), 7)
	if err != nil {
		tb.Fatal(err)
	}
	return []GroupSpec{
		{
			Name: "cpu", Racks: 900, PeakKW: 12, IdleFrac: 0.4, Curve: CurveConcave,
			FanFrac: 0.08, FanMinSpeed: 0.4, FanRampC: 27, FanSpeedPerK: 0.05, FanMaxBoost: 1.6,
			Workload: diurnal, RackBiasSD: 0.05, NoiseSD: 0.08, NoiseTau: 15 * time.Minute, InletSpreadK: 3,
		},
		{
			Name: "gpu", Racks: 100, PeakKW: 40, IdleFrac: 0.25, Curve: CurveLinear,
			FanFrac: 0.05, FanMinSpeed: 0.5, FanRampC: 30, FanSpeedPerK: 0.05, FanMaxBoost: 1.4,
			LiquidFrac: 0.85, Workload: training, RackBiasSD: 0.02, NoiseSD: 0.03, NoiseTau: 5 * time.Minute,
			InletSpreadK: 2,
		},
	}
}

// BenchmarkRackSteps advances 1,000 racks in blocks of 1,440 one-minute
// steps (one day) and reads every step's power, as a site run does. The
// target is 250e6 rack-steps/s on two cores.
//
// It loops over b.N rather than b.Loop: the testing package runs a b.Loop
// benchmark's first measurement before it applies the first -cpu value, so
// that result would carry the wrong GOMAXPROCS.
func BenchmarkRackSteps(b *testing.B) {
	const block = 1440
	f, err := NewFleet(benchFleetSpecs(b), time.Minute, 42, block)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	ctx := context.Background()
	var sink float64
	b.ReportAllocs()
	b.ResetTimer()
	for k := range b.N {
		if err := f.Compute(ctx, k*block, block); err != nil {
			b.Fatal(err)
		}
		for i := range block {
			sink += f.Step(i, 24).ElecKW
		}
	}
	rackSteps := float64(b.N) * block * float64(f.Racks())
	b.ReportMetric(rackSteps/b.Elapsed().Seconds(), "rack-steps/s")
	if sink <= 0 {
		b.Fatal("no power")
	}
}

// BenchmarkStep measures reading one step of the two-group benchmark fleet
// at a supply temperature in the fan ramp.
func BenchmarkStep(b *testing.B) {
	f, err := NewFleet(benchFleetSpecs(b), time.Minute, 42, 1440)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := f.Compute(context.Background(), 0, 1440); err != nil {
		b.Fatal(err)
	}
	var sink float64
	b.ReportAllocs()
	b.ResetTimer()
	for k := range b.N {
		sink += f.Step(k%1440, 28.5).ElecKW
	}
	if sink <= 0 {
		b.Fatal("no power")
	}
}
