package sites

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/dctwin/dctwin/models/weather"
	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites/internal/tomlkey"
)

// Overrides replace parts of every site file, from the command line. Paths
// in them are relative to the working directory.
type Overrides struct {
	WeatherFile    string // an EPW file for every site
	Climate        string // a built-in climate for every site
	Start          string // first day, 2025-01-01
	Days           int
	Step           string // "15m"
	ReportInterval string // "1h"
	GridFile       string // a carbon-intensity series or a fuel-mix file for every site
}

// Load reads, checks and assembles the site file at path.
func Load(path string, o Overrides) (*sim.Site, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Problems: []Problem{{File: path, Msg: errMsg(err)}}}
	}
	return Parse(src, path, filepath.Dir(path), o)
}

func errMsg(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse checks and assembles a site from the TOML text src. name is the file
// name used in messages, dir the folder that relative paths start from.
// Every problem found is reported, each with its line and key, in an *Error.
func Parse(src []byte, name, dir string, o Overrides) (*sim.Site, error) {
	return parse(src, name, dir, o, true)
}

// parse is Parse; resolve says whether to write the resolved site file.
func parse(src []byte, name, dir string, o Overrides, resolve bool) (*sim.Site, error) {
	c := &checker{file: name, ix: tomlkey.Build(src)}
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		return nil, &Error{Problems: []Problem{syntaxProblem(name, err)}}
	}
	c.walk("", raw)
	var spec fileSpec
	if len(c.problems) == 0 {
		if _, err := toml.Decode(string(src), &spec); err != nil {
			return nil, &Error{Problems: []Problem{syntaxProblem(name, err)}}
		}
		c.required(&spec, o)
	}
	if len(c.problems) > 0 {
		return nil, c.errorList()
	}
	b := &builder{checker: c, spec: &spec, dir: dir, o: o, files: []sim.InputFile{siteFile(name, src)}}
	site := b.build()
	if len(c.problems) > 0 {
		return nil, c.errorList()
	}
	site.Files = b.files
	if resolve {
		site.SiteFile = resolvedTOML(raw, o, dir)
	}
	return site, nil
}

// errorList returns the problems in the order of the file.
func (c *checker) errorList() *Error {
	sort.SliceStable(c.problems, func(i, j int) bool { return c.problems[i].Line < c.problems[j].Line })
	return &Error{Problems: c.problems}
}

// syntaxProblem turns a decoder error into a problem with its line.
func syntaxProblem(name string, err error) Problem {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return Problem{File: name, Line: pe.Position.Line, Key: pe.LastKey, Msg: "TOML syntax: " + pe.Message}
	}
	return Problem{File: name, Msg: err.Error()}
}

// required reports missing keys and choices that need exactly one of several.
func (c *checker) required(s *fileSpec, o Overrides) {
	if s.Site.Name == nil {
		c.add("site.name", "missing: every site needs a name (it names the output folder)")
	}
	if o.WeatherFile == "" && o.Climate == "" {
		n := count(s.Weather.Climate != nil, s.Weather.EPW != nil, s.Weather.Custom != nil)
		if n != 1 {
			c.add("weather", "give exactly one of climate, epw and [weather.custom]; found %d", n)
		}
	}
	if cu := s.Weather.Custom; cu != nil {
		for _, k := range []struct {
			key     string
			missing bool
		}{
			{"name", cu.Name == nil}, {"latitude_deg", cu.LatitudeDeg == nil}, {"longitude_deg", cu.LongitudeDeg == nil},
			{"utc_offset_h", cu.UTCOffsetH == nil}, {"tmax_c", cu.TmaxC == nil}, {"tmin_c", cu.TminC == nil},
		} {
			if k.missing {
				c.add("weather.custom."+k.key, "missing: a custom climate needs it")
			}
		}
		if cu.DewPointC == nil && cu.RelHumPct == nil {
			c.add("weather.custom", "give dewpoint_c or rh_pct: the climate needs its humidity")
		}
	}
	if len(s.Racks) == 0 {
		c.add("racks", "missing: give at least one [[racks]] group")
	}
	for i, r := range s.Racks {
		p := fmt.Sprintf("racks[%d]", i)
		if r.Name == nil {
			c.add(p+".name", "missing: every rack group needs a name")
		}
		if r.Count == nil {
			c.add(p+".count", "missing: how many racks")
		}
		if w := r.Workload; w != nil && or(w.Kind, "") == "trace" && w.File == nil {
			c.add(p+".workload.file", "missing: a trace workload needs its file")
		}
	}
	if o.GridFile == "" {
		if n := count(s.Grid.CarbonGPerKWh != nil, s.Grid.CarbonFile != nil); n != 1 {
			c.add("grid", "give exactly one of carbon_g_per_kwh and carbon_file; found %d", n)
		}
	}
}

func count(b ...bool) int {
	n := 0
	for _, x := range b {
		if x {
			n++
		}
	}
	return n
}

// builder assembles a sim.Site from a checked specification.
type builder struct {
	*checker
	spec *fileSpec
	dir  string
	o    Overrides
	site *sim.Site
	zone *time.Location
	// files are the input files read, with their SHA-256.
	files []sim.InputFile
}

func (b *builder) path(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(b.dir, p)
}

func (b *builder) input(name, format string, args ...any) {
	b.site.Inputs = append(b.site.Inputs, sim.Input{Name: name, Value: fmt.Sprintf(format, args...)})
}

func (b *builder) warn(format string, args ...any) {
	b.site.Warnings = append(b.site.Warnings, fmt.Sprintf(format, args...))
}

func (b *builder) build() *sim.Site {
	s := b.spec
	b.site = &sim.Site{
		Name:  or(s.Site.Name, ""),
		Title: or(s.Site.Title, ""),
		Seed:  uint64(or(s.Period.Seed, 1)),
	}
	if !validName(b.site.Name) {
		b.add("site.name", "%q: want 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit (it names the output folder)", b.site.Name)
	}
	year := b.weather()
	if year == nil {
		return nil
	}
	b.site.Weather = year
	if !b.period() {
		return nil
	}
	b.racks()
	b.power()
	b.cooling()
	b.grid()
	b.ledger()
	if len(b.problems) == 0 {
		b.thermal()
	}
	if len(b.problems) > 0 {
		return nil
	}
	if err := b.site.Validate(); err != nil {
		b.add("", "%v", err)
	}
	return b.site
}

func validName(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || i > 0 && (r == '.' || r == '_' || r == '-')
		if !ok {
			return false
		}
	}
	return true
}

// weather loads or generates the site's weather year and settles its time zone.
func (b *builder) weather() *weather.Year {
	w := b.spec.Weather
	seed := uint64(or(b.spec.Period.Seed, 1))
	var (
		year *weather.Year
		err  error
		key  string
	)
	switch {
	case b.o.WeatherFile != "":
		key = "--weather"
		year, err = weather.LoadEPW(b.o.WeatherFile)
		b.file("weather", b.o.WeatherFile)
	case b.o.Climate != "":
		key = "--climate"
		year, err = generateClimate(b.o.Climate, seed)
	case w.Climate != nil:
		key = "weather.climate"
		year, err = generateClimate(*w.Climate, seed)
	case w.EPW != nil:
		key = "weather.epw"
		year, err = weather.LoadEPW(b.path(*w.EPW))
		b.file("weather", b.path(*w.EPW))
	default:
		key = "weather.custom"
		year, err = b.customClimate(seed)
	}
	if err != nil {
		if !errors.Is(err, errAlreadyReported) {
			b.add(key, "%v", err)
		}
		return nil
	}
	offset := year.Location.TimeZoneH
	if u := b.spec.Site.UTCOffset; u != nil {
		h, ok := parseOffset(*u)
		if !ok {
			b.add("site.utc_offset", "%q: want an offset from UTC such as \"-07:00\" or \"+05:30\"", *u)
			return nil
		}
		if h != offset {
			b.warn("site.utc_offset %s differs from the weather's time zone (UTC%+g h): the weather's hours are taken by the site's clock, shifting its daily cycle by %g h", *u, offset, h-offset)
		}
		offset = h
	}
	b.zone = fixedZone(offset)
	if own := ownWeather(w); own != "" && (b.o.WeatherFile != "" || b.o.Climate != "") {
		// The site keeps its name (it names the output folder), but says
		// that it no longer stands where its file put it.
		place := year.Location.Name
		if place == "" {
			place = year.Source
		}
		b.warn("weather replaced by %s: the site runs on the weather of %s, not on its own (%s); its name and title describe the site file's place", key, place, own)
		if b.site.Title != "" {
			b.site.Title += " — run on the weather of " + place
		} else {
			b.site.Title = "run on the weather of " + place
		}
	}
	b.input("weather", "%s", year.Source)
	if cu := w.Custom; key == "weather.custom" {
		src := or(cu.Source, "")
		if src != "" && cu.Period != nil {
			src += ", normals of " + *cu.Period
		}
		b.sourced(src, "weather.custom.source", "the monthly normals of weather.custom")
	}
	for _, msg := range year.Warnings {
		b.warn("weather: %s", msg)
	}
	return year
}

// ownWeather describes the weather the site file gives, "" for none.
func ownWeather(w weatherSpec) string {
	switch {
	case w.Climate != nil:
		return "climate " + *w.Climate
	case w.EPW != nil:
		return "epw " + *w.EPW
	case w.Custom != nil && w.Custom.Name != nil:
		return "custom climate " + *w.Custom.Name
	}
	return ""
}

// climateSeed gives every site on the same built-in climate and run seed the
// same weather, so that designs compared on one climate see one year.
func generateClimate(id string, seed uint64) (*weather.Year, error) {
	c, ok := weather.LookupClimate(id)
	if !ok {
		var ids []string
		for _, c := range weather.Climates() {
			ids = append(ids, c.ID)
		}
		return nil, fmt.Errorf("no built-in climate %q; there are: %s", id, strings.Join(ids, ", "))
	}
	return c.Generate(sim.SeedFor(seed, "climate:"+id, "weather"))
}

func (b *builder) customClimate(seed uint64) (*weather.Year, error) {
	cu := b.spec.Weather.Custom
	c := weather.Climate{
		ID:      "custom",
		Dataset: "monthly normals given in the site file",
		Station: *cu.Name,
		Location: weather.Location{
			Name: *cu.Name, Source: "custom",
			LatitudeDeg: *cu.LatitudeDeg, LongitudeDeg: *cu.LongitudeDeg,
			TimeZoneH: *cu.UTCOffsetH, ElevationM: or(cu.ElevationM, 0),
		},
	}
	for m := range 12 {
		ms := &c.Months[m]
		ms.TmaxC, ms.TminC = cu.TmaxC[m], cu.TminC[m]
		ms.DewPointC, ms.RelHumPct = math.NaN(), math.NaN()
		if cu.DewPointC != nil {
			ms.DewPointC = cu.DewPointC[m]
		}
		if cu.RelHumPct != nil {
			ms.RelHumPct = cu.RelHumPct[m]
		}
		if cu.DailySDK != nil {
			ms.DailyMeanSDK = cu.DailySDK[m]
		}
		if cu.DailyAR1 != nil {
			ms.DailyAnomAR1 = cu.DailyAR1[m]
		}
		if cu.PressurePa != nil {
			ms.PressurePa = cu.PressurePa[m]
		}
	}
	if err := c.Validate(); err != nil {
		// Name each offending key: the climate reports its fields by their
		// site-file names.
		for _, e := range unjoin(err) {
			var ce *weather.ClimateError
			if errors.As(e, &ce) && ce.Field != "" {
				b.add("weather.custom."+ce.Field, "%v", e)
			} else {
				b.add("weather.custom", "%v", e)
			}
		}
		return nil, errAlreadyReported
	}
	return c.Generate(sim.SeedFor(seed, "custom:"+*cu.Name, "weather"))
}

var errAlreadyReported = errors.New("already reported")

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func parseOffset(s string) (hours float64, ok bool) {
	t, err := time.Parse("-07:00", s)
	if err != nil {
		return 0, false
	}
	_, off := t.Zone()
	return float64(off) / 3600, true
}

// fixedZone returns the site's standard time zone.
func fixedZone(hours float64) *time.Location {
	secs := int(math.Round(hours * 3600))
	sign := '+'
	if secs < 0 {
		sign = '-'
	}
	a := max(secs, -secs)
	return time.FixedZone(fmt.Sprintf("UTC%c%02d:%02d", sign, a/3600, a%3600/60), secs)
}
