package sim

import (
	"errors"
	"fmt"
	"hash/fnv"
	"regexp"
	"time"

	"github.com/dctwin/dctwin/models/cooling"
	"github.com/dctwin/dctwin/models/grid"
	"github.com/dctwin/dctwin/models/it"
	"github.com/dctwin/dctwin/models/power"
	"github.com/dctwin/dctwin/models/thermal"
	"github.com/dctwin/dctwin/models/water"
	"github.com/dctwin/dctwin/models/weather"
)

// Period is the simulated calendar span of a site, in its standard time.
type Period struct {
	// Start is the first step's start; its Location is the site's standard
	// time, a fixed offset from UTC.
	Start time.Time
	// Step is the simulation step: 1 minute to 1 hour, dividing an hour.
	Step time.Duration
	// Steps is the number of steps.
	Steps int
	// Report is the report interval of timeseries.csv, a multiple of Step.
	Report time.Duration
}

// End returns the end of the period.
func (p Period) End() time.Time { return p.Start.Add(time.Duration(p.Steps) * p.Step) }

// Hours returns the number of whole or partial hours the period spans.
func (p Period) Hours() int {
	return int((time.Duration(p.Steps)*p.Step + time.Hour - 1) / time.Hour)
}

// Validate reports a period the engine cannot step.
func (p Period) Validate() error {
	switch {
	case p.Step < time.Minute || p.Step > time.Hour || time.Hour%p.Step != 0:
		return fmt.Errorf("step %v: want 1m to 1h, dividing an hour (1m, 2m, 5m, 10m, 15m, 30m, 1h, ...)", p.Step)
	case p.Steps < 1:
		return fmt.Errorf("period of %d steps: want at least one", p.Steps)
	case p.Report < p.Step || p.Report%p.Step != 0:
		return fmt.Errorf("report interval %v: want a multiple of the step %v", p.Report, p.Step)
	case p.Report > 24*time.Hour || (24*time.Hour)%p.Report != 0:
		return fmt.Errorf("report interval %v: want at most a day, dividing a day", p.Report)
	case p.Start.Sub(p.Start.Truncate(p.Step)) != 0 || p.Start.Second() != 0 || p.Start.Nanosecond() != 0:
		return fmt.Errorf("start %v: want a whole multiple of the step %v", p.Start, p.Step)
	}
	_, offset := p.Start.Zone()
	if offset%60 != 0 {
		return fmt.Errorf("start %v: time zone offset must be whole minutes", p.Start)
	}
	return nil
}

// Site is one data center assembled for simulation: everything the engine
// needs, built from a site file by package sites or in Go code.
type Site struct {
	// Name names the site and its output folder: letters, digits, '-', '_'
	// and '.'.
	Name string
	// Title is a human description, for reports (optional).
	Title  string
	Period Period
	// Seed is the run seed; the site's random streams derive from it and Name.
	Seed    uint64
	Weather *weather.Year
	Racks   []it.GroupSpec
	Power   power.Chain
	Plant   cooling.Plant
	Water   water.Tower
	Carbon  *grid.Carbon
	// Inputs are the inputs that matter for a reader of the results, in order.
	Inputs []Input
	// Warnings are notes from assembling the site (weather data quality,
	// inputs outside a model's fitted range).
	Warnings []string
	// Ledger is the on-site supply, storage, grid connection, clean supply,
	// off-site water and prices; the zero value is a plain grid connection.
	Ledger Ledger
	// Thermal is the thermal side: inlet class, thermal mass and events.
	// Its zero value models no mass and no events, with class A1 limits.
	Thermal thermal.Config
	// Cooling is the cooling design when it is not the chilled-water Plant
	// (nil: Plant is used).
	Cooling cooling.System
	// CoolingKind names the cooling design, for reports ("" is
	// "chilled-water").
	CoolingKind string
	// Files are the input files the site was built from, with their
	// SHA-256, the site file first; SiteFile is the site file as resolved
	// (TOML). Both go to the summary's provenance.
	Files    []InputFile
	SiteFile string
	// Unsourced names the values typed into the site file without a source.
	Unsourced []string
}

// CoolingSystem returns an independent copy of the site's cooling design.
func (s *Site) CoolingSystem() cooling.System {
	if s.Cooling != nil {
		return s.Cooling.Clone()
	}
	return s.Plant.Clone()
}

// InstalledITKW is the installed IT power demand: the racks' nameplate, kW.
func (s *Site) InstalledITKW() float64 {
	var kw float64
	for _, g := range s.Racks {
		kw += float64(g.Racks) * g.PeakKW
	}
	return kw
}

// facilityClass returns the W class of the site's facility-water loop, if
// it has one.
func (s *Site) facilityClass() (cooling.WClass, float64, bool) {
	h, ok := s.Cooling.(*cooling.Hall)
	if !ok || !h.HasFacility() {
		return cooling.WClass{}, 0, false
	}
	return h.Facility.Class, h.Facility.SupplyC, true
}

// Input is a named input value for reports, with where the value comes
// from when the site file says so.
type Input struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Source string `json:"source,omitempty"`
}

var siteName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// Validate reports a site the engine cannot run.
func (s *Site) Validate() error {
	var errs []error
	if !siteName.MatchString(s.Name) {
		errs = append(errs, fmt.Errorf("site name %q: want 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit", s.Name))
	}
	if err := s.Period.Validate(); err != nil {
		errs = append(errs, err)
	}
	if s.Weather == nil || len(s.Weather.Hours) != weather.HoursPerYear {
		errs = append(errs, errors.New("no weather year"))
	}
	if len(s.Racks) == 0 {
		errs = append(errs, errors.New("no racks"))
	}
	for _, g := range s.Racks {
		if err := g.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("rack group %s: %w", g.Name, err))
		}
	}
	if err := s.Power.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := s.Water.Validate(); err != nil {
		errs = append(errs, err)
	}
	if s.Carbon == nil {
		errs = append(errs, errors.New("no grid carbon intensity"))
	}
	if err := s.validateThermal(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("site %s: %w", s.Name, err)
	}
	return nil
}

// SeedFor derives the seed of one random stream of a site from the run seed,
// the site's name and the stream's purpose, so that sites and streams are
// independent of each other and of the order sites run in.
func SeedFor(seed uint64, site, purpose string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(site))
	h.Write([]byte{0})
	h.Write([]byte(purpose))
	return splitmix64(seed ^ h.Sum64())
}

func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
