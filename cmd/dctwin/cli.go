package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

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

Run "dctwin run -h" for the flags of run.
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
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "dctwin: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// parseInterspersed parses flags wherever they stand among the arguments, so
// that "dctwin run site.toml -o out" works as well as "dctwin run -o out site.toml".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func runCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dctwin run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		out      = fs.String("o", "out", "output `folder`")
		o        sites.Overrides
		parallel = fs.Int("parallel", 0, "sites simulated at once (0: one per CPU)")
		verbose  = fs.Bool("v", false, "log progress messages")
	)
	noPlots := fs.Bool("no-plots", false, "skip the figures and report.html")
	fs.StringVar(&o.WeatherFile, "weather", "", "use this EPW `file` for every site")
	fs.StringVar(&o.Climate, "climate", "", "use this built-in climate `name` for every site")
	fs.StringVar(&o.Step, "step", "", "simulation step, e.g. 1m, 15m, 1h")
	fs.StringVar(&o.Start, "start", "", "first `date` of the period, e.g. 2025-01-01")
	fs.IntVar(&o.Days, "days", 0, "length of the period in days")
	fs.StringVar(&o.ReportInterval, "report-interval", "", "interval of the timeseries.csv rows, e.g. 1h")
	fs.StringVar(&o.GridFile, "grid", "", "use this grid `file` for every site: an hourly carbon-intensity series or a fuel-mix file (EIA-930 or the generic layout)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: dctwin run [flags] [SITE.toml ...]\n\nSimulates the sites (with none, the embedded example portfolio) and writes\nOUT/<site>/timeseries.csv, OUT/<site>/summary.json and OUT/summary.csv,\nthen the figures (OUT/<site>/plots, OUT/sites_*) and OUT/report.html.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	files, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
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
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	progress := &sim.Progress{}
	stopBar := startProgressBar(stderr, progress)
	began := time.Now()
	sums, err := sim.Run(ctx, list, sim.Options{Out: *out, Parallel: *parallel, Logger: log, Progress: progress})
	stopBar()
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "dctwin run: interrupted; no output of an unfinished site was kept")
		} else {
			fmt.Fprintf(stderr, "dctwin run: %v\n", err)
		}
		return exitRun
	}
	printSummaries(stdout, sums)
	fmt.Fprintf(stdout, "\n%d site(s) in %v; outputs in %s\n", len(sums), time.Since(began).Round(time.Millisecond), *out)
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
	fmt.Fprintf(stdout, "%d figures and %s\n", len(res.Figures), res.Report)
	return exitOK
}

func reportCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dctwin report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "log progress messages")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: dctwin report [-v] OUT\n\nRedraws the figures (OUT/<site>/plots, OUT/sites_*) and OUT/report.html\nfrom the output folder of a run, without running it again.\n")
	}
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if len(rest) != 1 {
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
		s, err := sites.Load(f, o)
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

// startProgressBar draws a progress bar on w while a run lasts, only when w
// is a terminal. It returns a function that stops and erases it.
func startProgressBar(w io.Writer, p *sim.Progress) func() {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				fmt.Fprint(f, "\r\033[K")
				return
			case <-tick.C:
				frac := p.Fraction()
				n := int(frac * 30)
				fmt.Fprintf(f, "\r[%s%s] %3.0f%%", strings.Repeat("#", n), strings.Repeat(" ", 30-n), 100*frac)
			}
		}
	}()
	return func() { close(done); <-finished }
}

func validateCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "Usage: dctwin validate SITE.toml ...")
		return exitUsage
	}
	status := exitOK
	for _, f := range args {
		s, err := sites.Load(f, sites.Overrides{})
		if err != nil {
			printProblems(stderr, err)
			status = exitUsage
			continue
		}
		racks := 0
		for _, g := range s.Racks {
			racks += g.Racks
		}
		fmt.Fprintf(stdout, "%s: ok: site %s, %d racks, %d steps of %v\n", f, s.Name, racks, s.Period.Steps, s.Period.Step)
		for _, w := range s.Warnings {
			fmt.Fprintf(stdout, "%s: warning: %s\n", f, w)
		}
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
