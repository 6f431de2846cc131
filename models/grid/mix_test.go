package grid

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/dctwin/dctwin/models/refdata"
	"github.com/dctwin/dctwin/models/series"
)

func TestMixIntensityByHand(t *testing.T) {
	// Two hours: all gas, then half coal half wind.
	text := "time,gas_mw,coal_mw,wind_mw\n" +
		"2025-01-01T00:00:00Z,100,0,0\n" +
		"2025-01-01T01:00:00Z,0,50,50\n"
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	m, _, err := ReadMix([]byte(text), "mix.csv", time.UTC, 0, start, 2, false)
	if err != nil {
		t.Fatal(err)
	}
	f := DefaultFactors()
	for i := range f.WithdrawalLPerMWh {
		f.WithdrawalLPerMWh[i] = float64(1000 * i)
	}
	in, err := m.Intensity(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"carbon h0", in.CarbonG[0], 490},
		{"carbon h1", in.CarbonG[1], (820 + 11) / 2.0},
		{"consumption h0", in.ConsumptionL[0], 300 * GalPerMWh / 1000},
		{"consumption h1", in.ConsumptionL[1], 450 * GalPerMWh / 2000},
		{"withdrawal h1", in.WithdrawalL[1], (5000 + 0) / 2.0 / 1000},
		{"cfe h1", in.CFEFrac[1], 0.5},
		{"renewable h0", in.RenewableFrac[0], 0},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %g, want %g", c.name, c.got, c.want)
		}
	}
	// Without withdrawal factors there is no withdrawal intensity.
	in, _ = m.Intensity(DefaultFactors())
	if in.WithdrawalL != nil {
		t.Error("withdrawal intensity without withdrawal factors")
	}
}

func TestReadMixErrors(t *testing.T) {
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ name, text, want string }{
		{"unit", "time,gas_gw\n2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z,1\n", `"gas_gw": unknown`},
		{"duplicate column", "time,gas_mw,gas_mw\n2025-01-01T00:00:00Z,1,1\n", "twice"},
		{"duplicate hour", "time,gas_mw\n2025-01-01T00:00:00Z,1\n2025-01-01T00:00:00Z,1\n", "mix.csv:3"},
		{"gap", "time,gas_mw\n2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z,\n", "mix.csv:3"},
		{"short", "time,gas_mw\n2025-01-01T00:00:00Z,1\n", "cover"},
		{"negative", "time,gas_mw\n2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z,-3\n", "mix.csv:3"},
		{"kg carbon", "time,gas_mw,carbon_g_per_kwh\n2025-01-01T00:00:00Z,1,0.4\n2025-01-01T01:00:00Z,1,0.4\n", "kg/kWh"},
	} {
		_, _, err := ReadMix([]byte(c.text), "mix.csv", time.UTC, 0, start, 2, false)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one containing %q", c.name, err, c.want)
		}
	}
	// Coverage: a short series is an ErrCoverage error unless wrapped.
	text := "time,gas_mw\n2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z,1\n"
	if _, _, err := ReadMix([]byte(text), "mix.csv", time.UTC, 0, start, 3, false); !errors.Is(err, series.ErrCoverage) {
		t.Errorf("short series: err = %v, want ErrCoverage", err)
	}
	// An hour without generation has no intensity.
	m, _, err := ReadMix([]byte("time,gas_mw\n2025-01-01T00:00:00Z,0\n"), "mix.csv", time.UTC, 0, start, 1, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Intensity(DefaultFactors()); !errors.Is(err, ErrNoGeneration) {
		t.Errorf("zero generation: err = %v", err)
	}
}

func TestIsMixHeader(t *testing.T) {
	for h, want := range map[string]bool{
		"timestamp,WND,SUN,WAT,OIL,NG,COL,NUC,OTH,avg_CI": true,
		"time,gas_mw,coal_mw":                             true,
		"time,value":                                      false,
		"timestamp,avg_CI":                                false,
	} {
		if IsMixHeader(h) != want {
			t.Errorf("IsMixHeader(%q) = %v", h, !want)
		}
	}
}

func loadShared(t *testing.T, ba string) *Mix {
	t.Helper()
	path := refdata.Path(t, "grid/eia930_"+ba+"_2022.csv")
	// The file's rows are labelled by their hours' ends, 2022-01-01 00:00Z
	// to 2022-12-31 23:00Z: its hours start an hour earlier.
	start := time.Date(2021, 12, 31, 23, 0, 0, 0, time.UTC)
	m, _, err := LoadMix(path, time.UTC, 24, start, 8760, false)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The per-fuel derivation against the files' own avg_CI: the flat-load
// (hour-weighted) annual mean of the file figure is reproduced exactly, and
// the per-fuel factors come within 6 % of it (AZPS 577.9 vs 575.0 g/kWh,
// BPAT 51.8 vs 54.7, CISO 256.6 vs 256.2, MISO 444.6 vs 440.5).
func TestSharedMixReproducesFileCarbon(t *testing.T) {
	for _, ba := range []string{"AZPS", "BPAT", "CISO", "MISO"} {
		m := loadShared(t, ba)
		own, err := m.Intensity(DefaultFactors())
		if err != nil {
			t.Fatal(err)
		}
		fileCI := m.FileCarbon
		m.FileCarbon = nil
		derived, err := m.Intensity(DefaultFactors())
		if err != nil {
			t.Fatal(err)
		}
		var sumOwn, sumFile, num, den float64
		for h := range fileCI {
			sumOwn += own.CarbonG[h]
			sumFile += fileCI[h]
			var g float64
			for f := range NumFuels {
				g += m.MW[f][h]
			}
			num += derived.CarbonG[h] * g
			den += g
		}
		if math.Abs(sumOwn-sumFile) > 1e-6*sumFile {
			t.Errorf("%s: flat-load mean %g, file %g", ba, sumOwn/8760, sumFile/8760)
		}
		gap := (num/den - sumFile/8760) / (sumFile / 8760)
		t.Logf("%s: file mean %.1f g/kWh, per-fuel generation-weighted %.1f (%+.1f %%)", ba, sumFile/8760, num/den, 100*gap)
		if math.Abs(gap) > 0.06 {
			t.Errorf("%s: per-fuel intensity %.1f vs file %.1f: gap %.1f %%", ba, num/den, sumFile/8760, 100*gap)
		}
	}
}

// EIA-930 labels each hour by its end, and dctwin reads it so: in Texas on
// the solstice (sunrise about 11:30Z, sunset about 01:35Z) the row labelled
// 12:00Z holds the first sunlight, 62 MW, and the row labelled 02:00Z the
// last, 272 MW; read as hour starts they would put sunlight an hour late,
// with none in the hour the sun rose and some in the hour after it set.
func TestSharedEIA930HourEnding(t *testing.T) {
	path := refdata.Path(t, "grid/eia930_ERCO_2022.csv")
	start := time.Date(2022, 6, 21, 0, 0, 0, 0, time.UTC)
	m, _, err := LoadMix(path, time.UTC, 24, start, 48, false)
	if err != nil {
		t.Fatal(err)
	}
	sun := m.MW[Solar]
	if sunrise := sun[11]; sunrise != 62 {
		t.Errorf("hour starting 11:00Z (sunrise 11:30Z): %g MW, want the 62 MW of the row labelled 12:00Z", sunrise)
	}
	if sunset, after := sun[24+1], sun[24+2]; sunset != 272 || after != 0 {
		t.Errorf("hours starting 01:00Z and 02:00Z (sunset 01:35Z): %g and %g MW, want 272 and 0", sunset, after)
	}
}

// AZPS (coal and gas) has far more carbon and off-site water per kWh than
// BPAT (hydro), as its mix implies.
func TestSharedMixDirection(t *testing.T) {
	az, err := loadShared(t, "AZPS").Intensity(DefaultFactors())
	if err != nil {
		t.Fatal(err)
	}
	bp, err := loadShared(t, "BPAT").Intensity(DefaultFactors())
	if err != nil {
		t.Fatal(err)
	}
	mean := func(x []float64) float64 {
		var s float64
		for _, v := range x {
			s += v
		}
		return s / float64(len(x))
	}
	if c1, c2 := mean(az.CarbonG), mean(bp.CarbonG); c1 < 5*c2 {
		t.Errorf("carbon AZPS %.0f, BPAT %.0f g/kWh: want AZPS far above", c1, c2)
	}
	if w1, w2 := mean(az.ConsumptionL), mean(bp.ConsumptionL); w1 < 2*w2 {
		t.Errorf("water AZPS %.3f, BPAT %.3f L/kWh: want AZPS far above", w1, w2)
	}
	if r1, r2 := mean(az.RenewableFrac), mean(bp.RenewableFrac); r1 > r2 {
		t.Errorf("renewable share AZPS %.2f > BPAT %.2f", r1, r2)
	}
}

func FuzzReadMix(f *testing.F) {
	f.Add([]byte("time,gas_mw,coal_mw\n2025-01-01T00:00:00Z,1,2\n2025-01-01T01:00:00Z,3,4\n"))
	f.Add([]byte("timestamp,WND,SUN,WAT,OIL,NG,COL,NUC,OTH,avg_CI\n2025-01-01 00:00:00+00:00,1,2,3,4,5,6,7,8,400\n"))
	f.Add([]byte("time,gas_mw\n2025-01-01T00:00:00Z,\n"))
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text []byte) {
		m, _, err := ReadMix(text, "fuzz.csv", time.UTC, 2, start, 2, true)
		if err != nil {
			return
		}
		for fu := range NumFuels {
			if len(m.MW[fu]) != 2 {
				t.Fatalf("fuel %v: %d hours", fu, len(m.MW[fu]))
			}
			for _, v := range m.MW[fu] {
				if !(v >= 0 && v <= MaxGenerationMW) {
					t.Fatalf("fuel %v: %g MW accepted", fu, v)
				}
			}
		}
	})
}
