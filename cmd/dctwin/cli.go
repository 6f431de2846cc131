package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dctwin/dctwin/models/weather"
	"github.com/dctwin/dctwin/plots"
	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites"
)

// Exit statuses.
const (
	exitOK    = 0
	exitRun   = 1 // the run failed
	exitUsage = 2 // bad usage or bad input
)

const usage = `dctwin: a data-center energy and water digital twin

Usage:
  dctwin run [flags] [SITE.toml ...]   simulate the sites; with none, the embedded examples
  dctwin report OUT                   redraw the figures and report.html of an output folder
  dctwin validate SITE.toml ...        check site files without running them
  dctwin example [NAME]                list the embedded examples, or print one as TOML
  dctwin climates                      list the built-in synthetic climates
  dctwin completion bash|zsh|fish      print a shell completion script
  dctwin version                       print the version and revision of dctwin

A site file "-" is read from standard input. Run "dctwin run -h" for the
flags of run.
`

// Run is the whole program: it parses args (without the program name), does
// the work and returns the exit status.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "run":
		return runCmd(ctx, rest, stdout, stderr)
	case "report":
		return reportCmd(ctx, rest, stdout, stderr)
	case "validate":
		return validateCmd(rest, stdout, stderr)
	case "example", "examples":
		return exampleCmd(rest, stdout, stderr)
	case "climates":
		return climatesCmd(rest, stdout, stderr)
	case "completion":
		return completionCmd(rest, stdout, stderr)
	case "version", "-version", "--version":
		return versionCmd(stdout)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "dctwin: unknown command %q%s\n\n%s", cmd, commandSuggestion(strings.TrimLeft(cmd, "-")), usage)
		return exitUsage
	}
}

// versionCmd prints dctwin's module version and VCS revision.
func versionCmd(stdout io.Writer) int {
	v, r, g := sim.BuildInfo()
	if r == "" {
		r = "unknown (built without VCS information)"
	}
	fmt.Fprintf(stdout, "dctwin %s\nrevision %s\n%s\n", v, r, g)
	return exitOK
}

// runOptions are the flags of dctwin run.
type runOptions struct {
	out                  string
	o                    sites.Overrides
	parallel             int
	verbose, quiet, json bool
	noPlots              bool
}

// runFlags declares the flags of dctwin run into r.
func runFlags(r *runOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("dctwin run", flag.ContinueOnError)
	fs.StringVar(&r.out, "o", "out", "output `folder`")
	fs.IntVar(&r.parallel, "parallel", 0, "sites simulated at once (0: one per CPU)")
	fs.BoolVar(&r.verbose, "v", false, "log progress messages")
	fs.BoolVar(&r.quiet, "q", false, "print no progress line")
	fs.BoolVar(&r.json, "json", false, "print the summaries as JSON on stdout (one array, in the order of the sites)")
	fs.BoolVar(&r.noPlots, "no-plots", false, "skip the figures and report.html")
	o := &r.o
	fs.StringVar(&o.WeatherFile, "weather", "", "use this EPW `file` for every site")
	fs.StringVar(&o.Climate, "climate", "", "use this built-in climate `name` for every site")
	fs.StringVar(&o.Step, "step", "", "simulation step, e.g. 1m, 15m, 1h")
	fs.StringVar(&o.Start, "start", "", "first `date` of the period, e.g. 2025-01-01")
	fs.IntVar(&o.Days, "days", 0, "length of the period in days")
	fs.StringVar(&o.ReportInterval, "report-interval", "", "interval of the timeseries.csv rows, e.g. 1h")
	fs.StringVar(&o.GridFile, "grid", "", "use this grid `file` for every site: an hourly carbon-intensity series or a fuel-mix file (EIA-930 or the generic layout)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: dctwin run [flags] [SITE.toml ...]\n\nSimulates the sites (with none, the embedded example portfolio; \"-\" reads a\nsite file from standard input) and writes OUT/<site>/timeseries.csv,\nOUT/<site>/summary.json and OUT/summary.csv, then the figures\n(OUT/<site>/plots, OUT/sites_*) and OUT/report.html.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

func runCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var r runOptions
	fs := runFlags(&r)
	files, err := parseArgs(fs, args, stdout, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	o, out, parallel, verbose, noPlots := r.o, &r.out, &r.parallel, &r.verbose, &r.noPlots
	if o.Days < 0 {
		fmt.Fprintf(stderr, "dctwin run: -days %d: want a positive number of days\n", o.Days)
		return exitUsage
	}
	if o.WeatherFile != "" && o.Climate != "" {
		fmt.Fprintln(stderr, "dctwin run: give -weather or -climate, not both")
		return exitUsage
	}
	list, code := loadSites(files, o, stderr)
	if code != exitOK {
		return code
	}
	for _, s := range list {
		for _, w := range s.Warnings {
			if strings.HasPrefix(w, "weather replaced") {
				fmt.Fprintf(stderr, "dctwin run: %s: %s\n", s.Name, w)
			}
		}
	}
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	progress := &sim.Progress{}
	stopBar := func() {}
	if !r.quiet {
		stopBar = startProgress(stderr, progress)
	}
	began := time.Now()
	sums, err := sim.Run(ctx, list, sim.Options{Out: *out, Parallel: *parallel, Logger: log, Progress: progress, Now: runClock()})
	stopBar()
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "dctwin run: interrupted; no output of an unfinished site was kept")
		} else {
			fmt.Fprintf(stderr, "dctwin run: %v\n", err)
		}
		return exitRun
	}
	// With -json, stdout holds the JSON alone; what people read goes to
	// stderr.
	info := stdout
	if r.json {
		data, err := json.MarshalIndent(sums, "", "  ")
		if err != nil {
			fmt.Fprintf(stderr, "dctwin run: %v\n", err)
			return exitRun
		}
		stdout.Write(append(data, '\n'))
		info = io.Discard
		if !r.quiet {
			info = stderr
		}
	} else {
		printSummaries(stdout, sums)
	}
	fmt.Fprintf(info, "\n%d site(s) in %v; outputs in %s\n", len(sums), time.Since(began).Round(time.Millisecond), *out)
	if *noPlots {
		return exitOK
	}
	res, err := plots.Write(ctx, *out, plots.Options{Logger: log, Parallel: *parallel})
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "dctwin run: interrupted while drawing; the results are complete, redraw with: dctwin report", *out)
		} else {
			fmt.Fprintf(stderr, "dctwin run: figures: %v\n", err)
		}
		return exitRun
	}
	fmt.Fprintf(info, "%d figures and %s\n", len(res.Figures), res.Report)
	return exitOK
}

// runClock is the run's clock for the summaries' provenance: the time
// SOURCE_DATE_EPOCH gives (seconds since 1970, the reproducible-builds
// convention), else the wall clock.
func runClock() func() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if secs, err := strconv.ParseInt(s, 10, 64); err == nil {
			t := time.Unix(secs, 0).UTC()
			return func() time.Time { return t }
		}
	}
	return time.Now
}

func reportFlags(verbose *bool) *flag.FlagSet {
	fs := flag.NewFlagSet("dctwin report", flag.ContinueOnError)
	fs.BoolVar(verbose, "v", false, "log progress messages")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: dctwin report [-v] OUT\n\nRedraws the figures (OUT/<site>/plots, OUT/sites_*) and OUT/report.html\nfrom the output folder of a run, without running it again.\n")
	}
	return fs
}

func reportCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	verbose := new(bool)
	fs := reportFlags(verbose)
	rest, err := parseArgs(fs, args, stdout, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if len(rest) != 1 {
		fs.SetOutput(stderr)
		fs.Usage()
		return exitUsage
	}
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	res, err := plots.Write(ctx, rest[0], plots.Options{Logger: log})
	if err != nil {
		fmt.Fprintf(stderr, "dctwin report: %v\n", err)
		if plots.IsInputError(err) {
			return exitUsage
		}
		return exitRun
	}
	fmt.Fprintf(stdout, "%d site(s): %d figures and %s\n", len(res.Sites), len(res.Figures), res.Report)
	return exitOK
}

// loadSites reads the site files, or the embedded default portfolio when
// there are none, printing every problem.
func loadSites(files []string, o sites.Overrides, stderr io.Writer) ([]*sim.Site, int) {
	if len(files) == 0 {
		list, err := sites.Default(o)
		if err != nil {
			printProblems(stderr, err)
			return nil, exitUsage
		}
		return list, exitOK
	}
	var (
		list []*sim.Site
		bad  bool
	)
	for _, f := range files {
		s, err := loadSite(f, o)
		if err != nil {
			printProblems(stderr, err)
			bad = true
			continue
		}
		list = append(list, s)
	}
	if bad {
		return nil, exitUsage
	}
	return list, exitOK
}

func printProblems(w io.Writer, err error) {
	var se *sites.Error
	if errors.As(err, &se) {
		for _, p := range se.Problems {
			fmt.Fprintln(w, p)
		}
		return
	}
	fmt.Fprintln(w, err)
}

func printSummaries(w io.Writer, sums []*sim.Summary) {
	tw := tabwriter.NewWriter(w, 2, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "site\tIT MWh\tfacility MWh\tPUE\tWUE L/kWh\twithdrawal m³\tpeak-day m³\tpeak grid kW\tcarbon t\twarnings\t")
	for _, s := range sums {
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f\t%.3f\t%.2f\t%.0f\t%.0f\t%.0f\t%.0f\t%d\t\n",
			s.Site, s.Energy.IT/1000, s.Energy.Facility/1000, s.PUE, s.WUE,
			s.Water.Withdrawal/1000, s.PeakDayWaterWithdrawal/1000, s.Peak.Grid, s.CarbonKg/1000, len(s.Warnings))
	}
	tw.Flush()
}

func validateFlags(asJSON *bool) *flag.FlagSet {
	fs := flag.NewFlagSet("dctwin validate", flag.ContinueOnError)
	fs.BoolVar(asJSON, "json", false, "print the results as JSON on stdout: for each file, ok, the site, its warnings and its problems")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: dctwin validate [-json] SITE.toml ...\n\nChecks site files without running them (\"-\" reads one from standard input):\nevery problem with its file, line and key; exit status 2 if any has one.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// validation is one file's result, as -json prints it.
type validation struct {
	File     string          `json:"file"`
	OK       bool            `json:"ok"`
	Site     string          `json:"site,omitempty"`
	Racks    int             `json:"racks,omitempty"`
	Steps    int             `json:"steps,omitempty"`
	Step     string          `json:"step,omitempty"`
	Warnings []string        `json:"warnings"`
	Problems []sites.Problem `json:"problems"`
}

func validateCmd(args []string, stdout, stderr io.Writer) int {
	asJSON := new(bool)
	fs := validateFlags(asJSON)
	files, err := parseArgs(fs, args, stdout, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if len(files) == 0 {
		fs.SetOutput(stderr)
		fs.Usage()
		return exitUsage
	}
	status := exitOK
	var results []validation
	for _, f := range files {
		v := validation{File: f, Warnings: []string{}, Problems: []sites.Problem{}}
		s, err := loadSite(f, sites.Overrides{})
		if err != nil {
			status = exitUsage
			var se *sites.Error
			if errors.As(err, &se) {
				v.Problems = se.Problems
			} else {
				v.Problems = []sites.Problem{{File: f, Msg: err.Error()}}
			}
			results = append(results, v)
			if !*asJSON {
				printProblems(stderr, err)
			}
			continue
		}
		v.OK, v.Site, v.Steps, v.Step = true, s.Name, s.Period.Steps, sim.FormatDuration(s.Period.Step)
		for _, g := range s.Racks {
			v.Racks += g.Racks
		}
		v.Warnings = append(v.Warnings, s.Warnings...)
		results = append(results, v)
		if !*asJSON {
			fmt.Fprintf(stdout, "%s: ok: site %s, %d racks, %d steps of %v\n", f, s.Name, v.Racks, s.Period.Steps, s.Period.Step)
			for _, w := range s.Warnings {
				fmt.Fprintf(stdout, "%s: warning: %s\n", f, w)
			}
		}
	}
	if *asJSON {
		data, _ := json.MarshalIndent(results, "", "  ")
		stdout.Write(append(data, '\n'))
	}
	return status
}

func exampleCmd(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		tw := tabwriter.NewWriter(stdout, 2, 0, 2, ' ', 0)
		for _, e := range sites.Examples() {
			mark := ""
			if e.Default {
				mark = "(default run)"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Name, e.Title, mark)
		}
		tw.Flush()
		fmt.Fprintln(stdout, "\n\"dctwin example NAME > site.toml\" writes one to start from.")
		return exitOK
	case 1:
		e, ok := sites.LookupExample(args[0])
		if !ok {
			var names []string
			for _, e := range sites.Examples() {
				names = append(names, e.Name)
			}
			fmt.Fprintf(stderr, "dctwin example: no example %q; there are: %s\n", args[0], strings.Join(names, ", "))
			return exitUsage
		}
		stdout.Write(e.TOML)
		return exitOK
	default:
		fmt.Fprintln(stderr, "Usage: dctwin example [NAME]")
		return exitUsage
	}
}

func climatesCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) != 0 {
		fmt.Fprintln(stderr, "Usage: dctwin climates")
		return exitUsage
	}
	tw := tabwriter.NewWriter(stdout, 2, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "name\tstation\tdataset\tlatitude\tlongitude\televation m\tUTC offset h\tmean °C\tJul max °C\tJul dew point °C")
	for _, c := range weather.Climates() {
		var mean float64
		for _, m := range c.Months {
			mean += (m.TmaxC + m.TminC) / 24
		}
		l := c.Location
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%.2f\t%.0f\t%+g\t%.1f\t%.1f\t%.1f\n", c.ID, c.Station, c.Dataset,
			l.LatitudeDeg, l.LongitudeDeg, l.ElevationM, l.TimeZoneH, mean, c.Months[6].TmaxC, c.Months[6].DewPointC)
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\nMonthly statistics of typical-year weather (NREL TMY3, climate.onebuilding.org TMYx, ASHRAE IWEC);\nuse one with `climate = \"NAME\"` in [weather] or `dctwin run -climate NAME`.")
	return exitOK
}
