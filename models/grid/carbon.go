package grid

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/dctwin/dctwin/models/series"
)

// Carbon is the carbon intensity of grid electricity over a simulated period.
type Carbon struct {
	// Source describes where the figures come from, for reports.
	Source   string
	constant float64
	hourly   []float64 // per hour of the period, gCO₂/kWh; nil for a constant
}

// MaxIntensity bounds a plausible grid carbon intensity, gCO₂/kWh: above the
// IPCC lifecycle median of coal (820 g/kWh, REFERENCE.md §7) with a wide margin
// for the least efficient plants.
const MaxIntensity = 2000.0

// Constant returns a constant intensity of gPerKWh.
func Constant(gPerKWh float64, source string) (*Carbon, error) {
	if !(gPerKWh >= 0 && gPerKWh <= MaxIntensity) {
		return nil, fmt.Errorf("carbon intensity %g gCO2/kWh: want 0..%g", gPerKWh, MaxIntensity)
	}
	return &Carbon{Source: source, constant: gPerKWh}, nil
}

// Hourly returns an intensity that takes values[h] in hour h of the period.
func Hourly(values []float64, source string) (*Carbon, error) {
	for h, v := range values {
		if !(v >= 0 && v <= MaxIntensity) {
			return nil, fmt.Errorf("carbon intensity %g gCO2/kWh in hour %d: want 0..%g", v, h, MaxIntensity)
		}
	}
	return &Carbon{Source: source, hourly: values}, nil
}

// At returns the intensity in hour h of the period, gCO₂/kWh.
func (c *Carbon) At(h int) float64 {
	if c.hourly == nil {
		return c.constant
	}
	return c.hourly[h]
}

// ErrUnits reports a series whose values look like kgCO₂/kWh rather than
// gCO₂/kWh.
var ErrUnits = errors.New("carbon intensity looks like kg/kWh, not g/kWh")

// ReadSeries reads an hourly carbon-intensity file: an EIA-930-derived file
// (its avg_CI column; timestamps are the end of each hour, EIA-930's
// convention) or a plain CSV with a time column and one value column, in
// gCO₂/kWh, timestamps the start of each hour. Times without an offset are read in loc. Up to maxFill
// consecutive missing hours are interpolated (the EIA-930 files have short
// gaps).
func ReadSeries(r io.Reader, name string, loc *time.Location, maxFill int) (*series.Series, error) {
	text, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	opt := series.ReadOptions{Location: loc, Min: 0, Max: MaxIntensity, Unit: "gCO2/kWh", MaxFill: maxFill}
	if header, _, _ := strings.Cut(string(text), "\n"); strings.Contains(strings.ToLower(header), "avg_ci") {
		opt.ValueColumn = "avg_CI"
		opt.HourEnding = true // EIA-930 labels each hour by its end
	}
	s, err := series.ReadCSV(strings.NewReader(string(text)), name, opt)
	if err != nil {
		return nil, err
	}
	if err := checkUnits(s); err != nil {
		return nil, err
	}
	return s, nil
}

// LoadSeries reads the carbon-intensity file at path (see ReadSeries).
func LoadSeries(path string, loc *time.Location, maxFill int) (*series.Series, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadSeries(f, path, loc, maxFill)
}

// checkUnits rejects a series whose mean is below 5 g/kWh while some value is
// positive: no real grid is that clean on average, but 0.4 kg/kWh is common.
func checkUnits(s *series.Series) error {
	var sum, most float64
	for _, v := range s.Values {
		sum += v
		most = max(most, v)
	}
	if n := len(s.Values); n > 0 && most > 0 && most < 5 {
		return fmt.Errorf("%s: column %s: mean %.3g, largest %.3g: %w; give gCO2/kWh (multiply by 1000)", s.Name, s.Column, sum/float64(n), most, ErrUnits)
	}
	return nil
}
