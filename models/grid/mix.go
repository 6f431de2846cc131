package grid

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"time"

	"github.com/dctwin/dctwin/models/series"
)

// Fuel is a generation category of an hourly fuel-mix file: the eight
// categories of EIA Form 930 ("net generation by energy source").
type Fuel int

// The fuels, in the column order of the EIA-930 files.
const (
	Wind Fuel = iota
	Solar
	Hydro
	Oil
	Gas
	Coal
	Nuclear
	Other
	NumFuels
)

// fuelNames are the generic layout's names; eiaNames the EIA-930 column codes.
var (
	fuelNames = [NumFuels]string{"wind", "solar", "hydro", "oil", "gas", "coal", "nuclear", "other"}
	eiaNames  = [NumFuels]string{"WND", "SUN", "WAT", "OIL", "NG", "COL", "NUC", "OTH"}
)

func (f Fuel) String() string { return fuelNames[f] }

// FuelNames returns the fuel names of the generic layout in order.
func FuelNames() []string { return fuelNames[:] }

// CarbonFree reports whether a fuel emits no CO₂ in operation: wind, solar,
// hydro and nuclear, the carbon-free resources of the 24/7 CFE accounting
// (Google 2021, "24/7 by 2030"; EnergyTag Granular Certificate scheme).
func (f Fuel) CarbonFree() bool { return f == Wind || f == Solar || f == Hydro || f == Nuclear }

// Renewable reports whether a fuel is renewable in the sense of ISO/IEC
// 30134-3 (REF): wind, solar and hydro. Nuclear is carbon-free but not
// renewable; "other" (biomass, geothermal, batteries, unknown) is not counted.
func (f Fuel) Renewable() bool { return f == Wind || f == Solar || f == Hydro }

// Factors are per-fuel intensities of grid generation. A NaN entry is
// unknown.
type Factors struct {
	// CarbonGPerKWh is life-cycle CO₂-equivalent per kWh generated.
	CarbonGPerKWh [NumFuels]float64
	// ConsumptionLPerMWh is water consumed (evaporated) at the plant per
	// MWh generated.
	ConsumptionLPerMWh [NumFuels]float64
	// WithdrawalLPerMWh is water withdrawn at the plant per MWh generated.
	WithdrawalLPerMWh [NumFuels]float64
}

// GalPerMWh converts US gallons per MWh to litres per MWh.
const GalPerMWh = 3.785411784

// DefaultFactors returns the built-in per-fuel factors.
//
// Carbon: life-cycle medians of IPCC AR5 WGIII Annex III, Table A.III.2
// (Schlömer et al. 2014), gCO₂e/kWh: coal (PC) 820, gas (CC) 490, nuclear
// 12, hydro 24, wind (onshore) 11, solar (utility PV) 48, "other" as
// biomass 230. Oil is not in that table; 720 g/kWh is the figure Our World in
// Data gives for oil (after Markandya & Wilkinson 2007) [secondary source].
// With these factors the EIA-930 files' generation-weighted intensity lies
// within 6 % of their own avg_CI column (see the tests).
//
// Water consumption: the per-fuel factors of Li, Yang, Islam & Ren (2023),
// "Making AI Less Thirsty" (arXiv 2304.03271), which aggregate the medians of
// Macknick et al. (2012, Environ. Res. Lett. 7 045802) to the EIA-930 fuel
// categories, gal/MWh: gas 300, coal 450, nuclear 600, oil 350, other 475,
// solar, hydro and wind 0. Hydro's 0 leaves out reservoir evaporation, whose
// attribution to power is disputed; Macknick's median for it is 4491 gal/MWh,
// to be given as an override where it should count.
//
// Water withdrawal: no per-fuel withdrawal factors from a primary source are
// built in (Macknick et al. give them by technology and cooling system, and a
// grid's cooling mix is not in the fuel-mix file); they are NaN, and the user
// supplies them when off-site withdrawal is wanted.
func DefaultFactors() Factors {
	var f Factors
	f.CarbonGPerKWh = [NumFuels]float64{Wind: 11, Solar: 48, Hydro: 24, Oil: 720, Gas: 490, Coal: 820, Nuclear: 12, Other: 230}
	gal := [NumFuels]float64{Wind: 0, Solar: 0, Hydro: 0, Oil: 350, Gas: 300, Coal: 450, Nuclear: 600, Other: 475}
	for i, g := range gal {
		f.ConsumptionLPerMWh[i] = g * GalPerMWh
		f.WithdrawalLPerMWh[i] = math.NaN()
	}
	return f
}

// Mix is hourly generation by fuel over a simulated period, with the file's
// own carbon intensity where it gives one.
type Mix struct {
	Source string
	// MW[f][h] is the generation of fuel f in hour h of the period, MW.
	MW [NumFuels][]float64
	// FileCarbon is the file's own average carbon intensity per hour,
	// gCO₂/kWh (EIA-930 avg_CI), or nil.
	FileCarbon []float64
}

// Intensity holds hourly intensities of grid electricity over a period.
type Intensity struct {
	Source string
	// CarbonG is gCO₂/kWh per hour.
	CarbonG []float64
	// ConsumptionL and WithdrawalL are litres of water per kWh per hour;
	// WithdrawalL is nil when a fuel's withdrawal factor is unknown.
	ConsumptionL, WithdrawalL []float64
	// CFEFrac and RenewableFrac are the carbon-free and renewable shares of
	// generation per hour, 0..1.
	CFEFrac, RenewableFrac []float64
}

// ErrNoGeneration reports an hour in which a fuel-mix file gives no
// generation at all, whose intensities are undefined.
var ErrNoGeneration = errors.New("no generation in the hour")

// Intensity derives the hourly intensities of m with the factors f. Carbon is
// the file's own figure where it has one, else the generation-weighted mean of
// the per-fuel factors; water is always from the factors.
func (m *Mix) Intensity(f Factors) (*Intensity, error) {
	n := len(m.MW[0])
	in := &Intensity{Source: m.Source, CarbonG: make([]float64, n), ConsumptionL: make([]float64, n),
		CFEFrac: make([]float64, n), RenewableFrac: make([]float64, n)}
	withdrawal := true
	for _, w := range f.WithdrawalLPerMWh {
		if math.IsNaN(w) {
			withdrawal = false
		}
	}
	if withdrawal {
		in.WithdrawalL = make([]float64, n)
	}
	for h := range n {
		var total, carbon, cons, wd, cfe, ren float64
		for fu := range NumFuels {
			g := m.MW[fu][h]
			total += g
			carbon += g * f.CarbonGPerKWh[fu]
			cons += g * f.ConsumptionLPerMWh[fu]
			if withdrawal {
				wd += g * f.WithdrawalLPerMWh[fu]
			}
			if fu.CarbonFree() {
				cfe += g
			}
			if fu.Renewable() {
				ren += g
			}
		}
		if total <= 0 {
			return nil, fmt.Errorf("%s: hour %d of the period: %w", m.Source, h, ErrNoGeneration)
		}
		in.CarbonG[h] = carbon / total
		if m.FileCarbon != nil {
			in.CarbonG[h] = m.FileCarbon[h]
		}
		in.ConsumptionL[h] = cons / total / 1000
		if withdrawal {
			in.WithdrawalL[h] = wd / total / 1000
		}
		in.CFEFrac[h] = cfe / total
		in.RenewableFrac[h] = ren / total
	}
	return in, nil
}

// MaxGenerationMW bounds a plausible balancing-area generation of one fuel.
const MaxGenerationMW = 2e6

// IsMixHeader reports whether the first line of a CSV file is that of a
// fuel-mix file (EIA-930 fuel columns or the generic *_mw columns) rather
// than a carbon-intensity series.
func IsMixHeader(header string) bool {
	cols := splitHeader(header)
	for _, c := range cols {
		for f := range NumFuels {
			if c == eiaNames[f] || c == fuelNames[f]+"_mw" {
				return true
			}
		}
	}
	return false
}

func splitHeader(header string) []string {
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(header, "\uFEFF")))
	cols, _ := r.Read()
	for i := range cols {
		cols[i] = strings.TrimSpace(cols[i])
	}
	return cols
}

// ReadMix reads an hourly fuel-mix file and aligns it to the period of hours
// hours starting at start (site standard time), wrapping by month, day and
// hour when wrap is set (see package series). Two layouts are accepted:
//
//   - EIA-930: timestamp,WND,SUN,WAT,OIL,NG,COL,NUC,OTH[,avg_CI], generation in
//     MWh per hour (= mean MW), avg_CI in gCO₂/kWh; each timestamp is the end
//     of its hour (EIA-930's convention: solar generation in these files
//     starts in the hour that ends after sunrise).
//   - generic: timestamps are the start of each hour.
//   - generic: a time column and one or more of wind_mw, solar_mw, hydro_mw,
//     oil_mw, gas_mw, coal_mw, nuclear_mw, other_mw, optionally
//     carbon_g_per_kwh; a fuel without a column generates nothing.
//
// Every other column is an error: a unit other than MW must be converted
// first. Timestamps, gaps (up to maxFill hours filled), duplicates and
// coverage follow package series.
func ReadMix(text []byte, name string, loc *time.Location, maxFill int, start time.Time, hours int, wrap bool) (*Mix, []int, error) {
	header, _, _ := strings.Cut(string(text), "\n")
	cols := splitHeader(strings.TrimRight(header, "\r"))
	if len(cols) < 2 {
		return nil, nil, fmt.Errorf("%s:1: want a time column and fuel columns", name)
	}
	type column struct {
		name string
		fuel Fuel // NumFuels: the carbon column
	}
	var use []column
	eia := false
	for _, c := range cols {
		if c == "WND" {
			eia = true
		}
	}
	seen := map[string]bool{}
	for i, c := range cols[1:] {
		if seen[c] {
			return nil, nil, fmt.Errorf("%s:1: column %q appears twice", name, c)
		}
		seen[c] = true
		found := false
		for f := range NumFuels {
			if (eia && c == eiaNames[f]) || (!eia && c == fuelNames[f]+"_mw") {
				use, found = append(use, column{c, f}), true
			}
		}
		if !found && ((eia && strings.EqualFold(c, "avg_CI")) || (!eia && c == "carbon_g_per_kwh")) {
			use, found = append(use, column{c, NumFuels}), true
		}
		if !found {
			want := "wind_mw, solar_mw, hydro_mw, oil_mw, gas_mw, coal_mw, nuclear_mw, other_mw, carbon_g_per_kwh"
			if eia {
				want = "WND, SUN, WAT, OIL, NG, COL, NUC, OTH, avg_CI"
			}
			return nil, nil, fmt.Errorf("%s:1: column %d %q: unknown; want %s (generation in MW)", name, i+2, c, want)
		}
	}
	m := &Mix{Source: name}
	var filled []int
	for _, c := range use {
		opt := series.ReadOptions{ValueColumn: c.name, Location: loc, Min: 0, Max: MaxGenerationMW, Unit: "MW", MaxFill: maxFill, HourEnding: eia}
		if c.fuel == NumFuels {
			opt.Min, opt.Max, opt.Unit = 0, MaxIntensity, "gCO2/kWh"
		}
		s, err := series.ReadCSV(strings.NewReader(string(text)), name, opt)
		if err != nil {
			return nil, nil, err
		}
		if c.fuel == NumFuels {
			if err := checkUnits(s); err != nil {
				return nil, nil, err
			}
		}
		v, err := s.Hourly(start, hours, wrap)
		if err != nil {
			return nil, nil, err
		}
		if len(s.Filled) > len(filled) {
			filled = s.Filled
		}
		if c.fuel == NumFuels {
			m.FileCarbon = v
		} else {
			m.MW[c.fuel] = v
		}
	}
	for f := range NumFuels {
		if m.MW[f] == nil {
			m.MW[f] = make([]float64, hours)
		}
	}
	return m, filled, nil
}

// LoadMix reads the fuel-mix file at path (see ReadMix).
func LoadMix(path string, loc *time.Location, maxFill int, start time.Time, hours int, wrap bool) (*Mix, []int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	text, err := io.ReadAll(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return ReadMix(text, path, loc, maxFill, start, hours, wrap)
}
