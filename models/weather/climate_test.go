package weather

import (
	"errors"
	"math"
	"sort"
	"strings"
	"testing"
)

func TestClimates(t *testing.T) {
	cs := Climates()
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
		if err := c.Validate(); err != nil {
			t.Errorf("%s: %v", c.ID, err)
		}
	}
	want := []string{"ashburn", "chicago", "dallas", "dublin", "frankfurt", "miami", "phoenix", "riyadh", "singapore", "stockholm"}
	if strings.Join(ids, " ") != strings.Join(want, " ") || !sort.StringsAreSorted(ids) {
		t.Errorf("Climates() IDs %v, want %v", ids, want)
	}
	// Spot checks against climate_stats.csv.
	for _, c := range []struct {
		id    string
		month int
		tmax  float64
		ar1   float64
		p     float64
	}{{"phoenix", 7, 41.6, 0.64, 97146}, {"chicago", 1, -0.4, 0.70, 99436}, {"riyadh", 12, 22.5, 0.65, 94391}, {"singapore", 5, 31.2, 0.19, 100654}} {
		cl, ok := LookupClimate(c.id)
		m := cl.Months[c.month-1]
		if !ok || m.TmaxC != c.tmax || m.DailyAnomAR1 != c.ar1 || m.PressurePa != c.p {
			t.Errorf("%s month %d: %+v", c.id, c.month, m)
		}
	}
	if _, ok := LookupClimate("atlantis"); ok {
		t.Error("LookupClimate found atlantis")
	}
	// The caller owns the slice: changing it changes nothing for later callers.
	cs[0].Months[0].TmaxC = 99
	if c, _ := LookupClimate(cs[0].ID); c.Months[0].TmaxC == 99 {
		t.Error("Climates shares state between calls")
	}
}

// mumbai returns a custom climate in the manner of a site file: monthly
// normals only (max, min, RH), no dew point, SD, AR(1) or pressure. The
// figures are illustrative, of the order of Mumbai's, not a dataset.
func mumbai() Climate {
	nan := math.NaN()
	tmax := [12]float64{31.2, 31.7, 33.0, 33.3, 33.8, 32.2, 30.3, 29.9, 30.8, 33.4, 34.1, 32.8}
	tmin := [12]float64{17.2, 18.4, 21.3, 24.2, 26.6, 26.3, 25.4, 25.0, 24.7, 23.9, 21.6, 19.1}
	rh := [12]float64{61, 62, 64, 68, 71, 79, 85, 85, 82, 74, 64, 62}
	c := Climate{ID: "custom", Location: Location{Name: "Mumbai", Country: "IND", LatitudeDeg: 19.1, LongitudeDeg: 72.85, TimeZoneH: 5.5, ElevationM: 14}}
	for i := range c.Months {
		c.Months[i] = MonthStats{TmaxC: tmax[i], TminC: tmin[i], DewPointC: nan, RelHumPct: rh[i]}
	}
	return c
}

func TestValidate(t *testing.T) {
	good := mumbai()
	if err := good.Validate(); err != nil {
		t.Fatalf("valid climate: %v", err)
	}
	for _, c := range []struct {
		name string
		edit func(*Climate)
		want string
	}{
		{"tmin above tmax", func(c *Climate) { c.Months[2].TminC, c.Months[2].TmaxC = 25, 20 }, "month 3 (Mar): tmin_c 25 is above tmax_c 20"},
		{"dew point above max", func(c *Climate) { c.Months[6].DewPointC = 31 }, "month 7 (Jul): dewpoint_c 31 is above tmax_c 30.3"},
		{"RH above 100", func(c *Climate) { c.Months[0].RelHumPct = 105 }, "month 1 (Jan): rh_pct 105 is outside 0..100"},
		{"no humidity", func(c *Climate) { c.Months[1].RelHumPct = math.NaN() }, "month 2 (Feb): rh_pct must be above 0 when dewpoint_c is not given"},
		{"negative SD", func(c *Climate) { c.Months[3].DailyMeanSDK = -1 }, "month 4 (Apr): daily_sd_k -1 is outside 0..15"},
		{"SD above 15", func(c *Climate) { c.Months[3].DailyMeanSDK = 16 }, "month 4 (Apr): daily_sd_k 16 is outside 0..15"},
		{"AR1 of 1", func(c *Climate) { c.Months[4].DailyAnomAR1 = 1 }, "month 5 (May): daily_ar1 1 is outside (-1, 1)"},
		{"AR1 NaN", func(c *Climate) { c.Months[4].DailyAnomAR1 = math.NaN() }, "month 5 (May): daily_ar1 NaN is outside (-1, 1)"},
		{"pressure", func(c *Climate) { c.Months[5].PressurePa = 20000 }, "month 6 (Jun): pressure_pa 20000 is outside 31000..120000 (0: standard atmosphere)"},
		{"tmax NaN", func(c *Climate) { c.Months[7].TmaxC = math.NaN() }, "month 8 (Aug): tmax_c NaN is outside -70..70"},
		{"latitude", func(c *Climate) { c.Location.LatitudeDeg = 91 }, "location: latitude_deg 91 is outside -90..90"},
		{"longitude", func(c *Climate) { c.Location.LongitudeDeg = -181 }, "location: longitude_deg -181 is outside -180..180"},
		{"time zone", func(c *Climate) { c.Location.TimeZoneH = 15 }, "location: utc_offset_h 15 is outside -12..14"},
		{"elevation low", func(c *Climate) { c.Location.ElevationM = -600 }, "location: elevation_m -600 is outside -500..6000"},
		{"elevation high", func(c *Climate) { c.Location.ElevationM = 6500 }, "location: elevation_m 6500 is outside -500..6000"},
	} {
		cl := mumbai()
		c.edit(&cl)
		err := cl.Validate()
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: Validate() = %v, want %q", c.name, err, c.want)
			continue
		}
		var ce *ClimateError
		if !errors.Is(err, ErrInvalidClimate) || !errors.As(err, &ce) {
			t.Errorf("%s: %v is not a ClimateError matching ErrInvalidClimate", c.name, err)
		}
		if _, err := cl.Generate(1); !errors.Is(err, ErrInvalidClimate) {
			t.Errorf("%s: Generate error %v", c.name, err)
		}
	}
	// Every problem is listed.
	cl := mumbai()
	cl.Months[0].TminC, cl.Months[11].RelHumPct, cl.Location.LatitudeDeg = 40, -5, 100
	if n := strings.Count(cl.Validate().Error(), "\n") + 1; n != 4 {
		t.Errorf("Validate listed %d problems, want 4:\n%v", n, cl.Validate())
	}
}

func TestResolvedDefaults(t *testing.T) {
	ms := mumbai().resolved()
	for i, m := range ms {
		if m.DailyMeanSDK != DefaultDailyMeanSDK || m.DailyAnomAR1 != DefaultDailyAnomAR1 {
			t.Errorf("month %d: SD %v, AR1 %v: defaults not applied", i+1, m.DailyMeanSDK, m.DailyAnomAR1)
		}
		within(t, "pressure", m.PressurePa, 101156, 1) // standard atmosphere at 14 m
		// Dew point of the mean RH at the mean of max and min.
		meanC := (mumbai().Months[i].TmaxC + mumbai().Months[i].TminC) / 2
		within(t, "RH of derived dew point", 100*satVapPresRatio(m.DewPointC, meanC), mumbai().Months[i].RelHumPct, 0.01)
	}
}
