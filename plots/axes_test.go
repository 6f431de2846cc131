package plots

import (
	"context"
	stdhtml "html"
	"image"
	"image/color"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"

	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites"
)

// Every labelled tick of every figure of every embedded example prints its
// value exactly, and every figure's axes hold the numbers of the summary it
// captions. (A ticker that chose its decimals from the tick step once
// labelled ticks at 1.15, 1.25, 1.35 as 1.2, 1.3, 1.4: the dashed PUE of the
// whole period, 1.269, sat at 1.32 on the axis.)
func TestExampleFiguresMatchTheirNumbers(t *testing.T) {
	if testing.Short() {
		t.Skip("a year of every example")
	}
	var list []*sim.Site
	for _, e := range sites.Examples() {
		s, err := sites.Parse(e.TOML, "example "+e.Name, ".", sites.Overrides{})
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		list = append(list, s)
	}
	out := t.TempDir()
	if _, err := sim.Run(context.Background(), list, sim.Options{Out: out}); err != nil {
		t.Fatal(err)
	}
	read, err := ReadFolder(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range read {
		figs, _ := siteFigures(s)
		for _, f := range figs {
			checkFigureAxes(t, s.Name+"/"+f.name, drawnPlots(f), s, nil)
		}
	}
	for _, f := range crossFigures(read) {
		checkFigureAxes(t, f.name, drawnPlots(f), nil, read)
	}
	checkPortfolioReport(t, out, len(list))
}

// checkPortfolioReport draws the report of the whole portfolio and checks
// that it prints: under 10 MB, every site in the KPI tables, header rows
// that repeat, a contents list, a main landmark, each figure's assumptions
// as text.
func checkPortfolioReport(t *testing.T, out string, sites int) {
	t.Helper()
	res, err := Write(context.Background(), out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	html, err := os.ReadFile(res.Report)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("report of %d sites: %.1f MB, %d figures", sites, float64(len(html))/1e6, len(res.Figures))
	if len(html) > 10e6 {
		t.Errorf("report of %d sites is %.1f MB, want under 10 MB", sites, float64(len(html))/1e6)
	}
	page := string(html)
	for _, want := range []string{"<main>", "</main>", `<nav aria-label="Contents">`, "<thead>", "<caption>", `scope="col"`, `scope="row"`, "thead { display: table-header-group; }"} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// Every site is a column of some KPI table, and is linked from the contents.
	for _, s := range res.Sites {
		if !strings.Contains(page, `<th scope="col">`+s.Name+`</th>`) || !strings.Contains(page, `<li><a href="#site-`+s.Name+`">`) {
			t.Errorf("%s is missing from the KPI tables or the contents", s.Name)
		}
	}
	if n := strings.Count(page, `<table class="kpi">`); n != (sites+sitesPerTable-1)/sitesPerTable {
		t.Errorf("%d KPI tables for %d sites", n, sites)
	}
	// The assumptions of each figure are text in its caption.
	text := stdhtml.UnescapeString(page)
	for _, s := range res.Sites {
		figs, _ := siteFigures(s)
		for _, f := range figs {
			if !strings.Contains(text, f.caption) {
				t.Errorf("%s/%s: the figure's caption is not in the report as text", s.Name, f.name)
			}
		}
	}
}

// The check catches the old fault: ticks at 1.15, 1.25 and 1.35 labelled
// from the step's decimals.
func TestTickCheckCatchesRoundedLabels(t *testing.T) {
	bad := drawnAxis{Min: 1.1, Max: 1.4}
	for _, v := range []float64{1.15, 1.25, 1.35} {
		bad.Ticks = append(bad.Ticks, tick(v, strconv.FormatFloat(v+0.01, 'f', 1, 64)))
	}
	if probs := tickProblems(bad); len(probs) != 3 {
		t.Errorf("problems %q, want one per tick", probs)
	}
	for _, r := range [][2]float64{{1.12, 1.38}, {0.9, 3.6}, {1.2, 3.4}, {0, 1234567}, {-0.003, 0.004}, {1e-5, 3e-5}} {
		ax := drawnAxis{Min: r[0], Max: r[1], Ticks: precise{}.Ticks(r[0], r[1])}
		if probs := tickProblems(ax); len(probs) > 0 {
			t.Errorf("precise ticks of %v: %q", r, probs)
		}
	}
}

// drawnPlots draws f, without rasterizing, and returns its plots as drawn.
func drawnPlots(f *figure) []drawnPlot {
	var got []drawnPlot
	plotObserver = func(d drawnPlot) { got = append(got, d) }
	defer func() { plotObserver = nil }()
	f.render(nullCanvas{w: figWidth, h: figHeight})
	return got
}

// checkFigureAxes checks the plots of one figure: every tick label, and the
// figure's ranges against the site's summary (s) or the sites' (cross).
func checkFigureAxes(t *testing.T, name string, plots []drawnPlot, s *Site, cross []*Site) {
	t.Helper()
	if len(plots) == 0 {
		t.Errorf("%s: no plot drawn", name)
	}
	for i, p := range plots {
		for _, ax := range []struct {
			name string
			a    drawnAxis
		}{{"x", p.X}, {"y", p.Y}} {
			for _, msg := range tickProblems(ax.a) {
				t.Errorf("%s plot %d %s axis (%s): %s", name, i, ax.name, ax.a.Label, msg)
			}
			if s != nil && !ax.a.Midnight.IsZero() {
				lo := s.Start.Sub(ax.a.Midnight).Hours() / 24
				hi := s.End.Sub(ax.a.Midnight).Hours() / 24
				if ax.a.Min > lo+1e-9 || ax.a.Max < hi-1e-9 || ax.a.Min < lo-1 || ax.a.Max > hi+1 {
					t.Errorf("%s plot %d: time axis from day %v to %v, the period from %v to %v", name, i, ax.a.Min, ax.a.Max, lo, hi)
				}
			}
		}
	}
	holds := func(what string, a drawnAxis, vals ...float64) {
		t.Helper()
		for _, v := range vals {
			if v < a.Min-1e-9*math.Abs(v) || v > a.Max+1e-9*math.Abs(v) {
				t.Errorf("%s: %s %v lies outside the axis range %v..%v", name, what, v, a.Min, a.Max)
			}
		}
	}
	if cross != nil {
		var pue, wue, energy, water, carbon []float64
		for _, c := range cross {
			pue, wue = append(pue, c.Summary.PUE), append(wue, c.Summary.WUE)
			energy = append(energy, c.Summary.Energy.Facility/1e6)
			water = append(water, c.Summary.Water.Withdrawal/1e6)
			carbon = append(carbon, c.Summary.CarbonKg/1e6)
		}
		switch name {
		case "sites_pue_wue":
			holds("a site's PUE", plots[0].X, pue...)
			holds("a site's WUE", plots[0].Y, wue...)
		case "sites_totals":
			holds("a site's facility energy", plots[0].X, energy...)
			holds("a site's water withdrawal", plots[1].X, water...)
			holds("a site's CO2", plots[2].X, carbon...)
			// The bars' labels name the sites, one per bar.
			var labels []string
			for _, tk := range plots[0].Y.Ticks {
				if tk.Label != "" {
					labels = append(labels, tk.Label)
				}
			}
			if len(labels) != len(cross) {
				t.Errorf("%s: %d site labels for %d sites", name, len(labels), len(cross))
			}
		}
		return
	}
	sum := &s.Summary
	ser := s.Series
	daily := func(f func(d *Day) float64) []float64 {
		var v []float64
		for _, i := range ser.covered() {
			v = append(v, f(&ser.Days[i]))
		}
		return v
	}
	switch strings.TrimPrefix(name, s.Name+"/") {
	case "power":
		fac := daily(func(d *Day) float64 { return d.KWh[cFacility] / d.Hours })
		holds("a daily mean facility power (kW)", plots[0].Y, fac...)
		if top := slicesMax(fac); plots[0].Y.Max > 2*top {
			t.Errorf("%s: axis to %v kW for a largest daily mean of %v kW", name, plots[0].Y.Max, top)
		}
	case "pue_wue":
		pue := daily(func(d *Day) float64 { return ratio(d.KWh[cFacility], d.KWh[cIT]) })
		holds("the whole period's PUE", plots[0].Y, sum.PUE)
		holds("a daily PUE", plots[0].Y, pue...)
		// The period's PUE is a weighted mean of the days'.
		if sum.PUE < slicesMin(pue)-1e-9 || sum.PUE > slicesMax(pue)+1e-9 {
			t.Errorf("%s: whole-period PUE %v outside the daily range %v..%v", name, sum.PUE, slicesMin(pue), slicesMax(pue))
		}
		holds("the whole period's WUE", plots[1].Y, sum.WUE)
		holds("a daily WUE", plots[1].Y, daily(func(d *Day) float64 { return ratio(d.Amount[cWithdrawal], d.KWh[cIT]) })...)
	case "load_duration":
		holds("the peak grid demand", plots[0].Y, sum.Peak.Grid)
		hours := s.End.Sub(s.Start).Hours()
		if math.Abs(plots[0].X.Max-hours) > 1e-6 {
			t.Errorf("%s: hours axis to %v, the period has %v h", name, plots[0].X.Max, hours)
		}
	case "weather":
		holds("a daily dry-bulb maximum", plots[0].Y, daily(func(d *Day) float64 { return d.DryMaxC })...)
		holds("a daily wet-bulb minimum", plots[0].Y, daily(func(d *Day) float64 { return d.WetMinC })...)
		holds("the mean dry bulb", plots[0].Y, sum.Climate.MeanDryBulbC)
	case "carbon":
		holds("a day's CO2 (t)", plots[len(plots)-1].Y, daily(func(d *Day) float64 { return d.Amount[cCarbon] / 1000 })...)
	case "water_monthly":
		var m3 []float64
		for _, m := range sum.Months {
			m3 = append(m3, m.WithdrawalL/1000)
		}
		holds("a month's withdrawal (m³)", plots[0].Y, m3...)
		var labels []plotTick
		for _, tk := range plots[0].X.Ticks {
			if tk.Label != "" {
				labels = append(labels, plotTick{tk.Value, tk.Label})
			}
		}
		for _, l := range labels {
			i := int(l.value)
			if i < 0 || i >= len(sum.Months) {
				t.Errorf("%s: month label %q at %v, beyond the %d months", name, l.label, l.value, len(sum.Months))
				continue
			}
			m, _ := time.Parse("2006-01", sum.Months[i].Month)
			if !slices.Contains(calendarLabels(m), l.label) {
				t.Errorf("%s: bar %d is %s, labelled %q", name, i, sum.Months[i].Month, l.label)
			}
		}
	}
}

type plotTick struct {
	value float64
	label string
}

var hourLabel = regexp.MustCompile(`^(\d{1,2}):00$`)

// tickProblems checks every labelled tick of an axis: a number must print
// its value, an hour of the day its hour, a calendar label its date; every
// labelled tick must lie on the axis.
func tickProblems(a drawnAxis) []string {
	var probs []string
	nominal := isNominal(a)
	for _, tk := range a.Ticks {
		if tk.Label == "" {
			continue
		}
		if tk.Value < a.Min-1e-9*math.Abs(a.Min) || tk.Value > a.Max+1e-9*math.Abs(a.Max) {
			probs = append(probs, "label "+strconv.Quote(tk.Label)+" off the axis")
		}
		if !a.Midnight.IsZero() {
			at := a.Midnight.Add(time.Duration(math.Round(tk.Value * 24 * float64(time.Hour))))
			if !slices.Contains(calendarLabels(at), tk.Label) || at.Hour() != 0 || at.Minute() != 0 {
				probs = append(probs, "label "+strconv.Quote(tk.Label)+" at "+at.Format(time.DateTime))
			}
			continue
		}
		if m := hourLabel.FindStringSubmatch(tk.Label); m != nil {
			if h, _ := strconv.Atoi(m[1]); float64(h) != tk.Value {
				probs = append(probs, "label "+strconv.Quote(tk.Label)+" at hour "+strconv.FormatFloat(tk.Value, 'g', -1, 64))
			}
			continue
		}
		x, err := strconv.ParseFloat(strings.ReplaceAll(tk.Label, ",", ""), 64)
		if err != nil || nominal {
			continue // a name (a site, a month, a year): checked by the figure's own test
		}
		if math.Abs(x-tk.Value) > 1e-9*max(1, math.Abs(tk.Value)) {
			probs = append(probs, "label "+strconv.Quote(tk.Label)+" at value "+strconv.FormatFloat(tk.Value, 'g', -1, 64))
		}
	}
	return probs
}

// isNominal tells an axis of categories, as plot.NominalX makes them: its
// ticks stand at 0, 1, 2, ... and name the bars.
func isNominal(a drawnAxis) bool {
	if len(a.Ticks) == 0 || !a.Midnight.IsZero() {
		return false
	}
	for i, tk := range a.Ticks {
		if tk.Value != float64(i) {
			return false
		}
	}
	return true
}

// calendarLabels are the labels a calendar tick at t may carry.
func calendarLabels(t time.Time) []string {
	return []string{t.Format("Jan"), t.Format("Jan\n2006"), t.Format("Jan 2"), t.Format("2006")}
}

func tick(v float64, label string) plot.Tick { return plot.Tick{Value: v, Label: label} }

func slicesMin(v []float64) float64 {
	m := math.Inf(1)
	for _, x := range v {
		m = min(m, x)
	}
	return m
}

func slicesMax(v []float64) float64 {
	m := math.Inf(-1)
	for _, x := range v {
		m = max(m, x)
	}
	return m
}

// nullCanvas measures but draws nothing: the figures' layout runs, fast.
type nullCanvas struct{ w, h vg.Length }

func (c nullCanvas) Size() (vg.Length, vg.Length)         { return c.w, c.h }
func (nullCanvas) SetLineWidth(vg.Length)                 {}
func (nullCanvas) SetLineDash([]vg.Length, vg.Length)     {}
func (nullCanvas) SetColor(color.Color)                   {}
func (nullCanvas) Rotate(float64)                         {}
func (nullCanvas) Translate(vg.Point)                     {}
func (nullCanvas) Scale(float64, float64)                 {}
func (nullCanvas) Push()                                  {}
func (nullCanvas) Pop()                                   {}
func (nullCanvas) Stroke(vg.Path)                         {}
func (nullCanvas) Fill(vg.Path)                           {}
func (nullCanvas) FillString(font.Face, vg.Point, string) {}
func (nullCanvas) DrawImage(vg.Rectangle, image.Image)    {}

// A ten-year run labels its time axes by year and its monthly bars by year:
// no 120 overlapping month names; and every label still tells the truth.
func TestTenYearFiguresStayLegible(t *testing.T) {
	if testing.Short() {
		t.Skip("ten years of a site")
	}
	e, _ := sites.LookupExample("ashburn-colo")
	s, err := sites.Parse(e.TOML, "example ashburn-colo", ".", sites.Overrides{Days: 3653, Step: "1h"})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := sim.Run(context.Background(), []*sim.Site{s}, sim.Options{Out: out}); err != nil {
		t.Fatal(err)
	}
	read, err := ReadFolder(out)
	if err != nil {
		t.Fatal(err)
	}
	figs, _ := siteFigures(read[0])
	for _, f := range figs {
		plots := drawnPlots(f)
		checkFigureAxes(t, read[0].Name+"/"+f.name, plots, read[0], nil)
		for i, p := range plots {
			labels := 0
			for _, tk := range p.X.Ticks {
				if tk.Label != "" {
					labels++
				}
			}
			if labels > 14 {
				t.Errorf("%s plot %d: %d labels on the x axis of a ten-year run", f.name, i, labels)
			}
		}
	}
}

func TestCalendarTicksOverLongPeriods(t *testing.T) {
	midnight := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		days      float64
		maxLabels int
	}{{14, 15}, {365, 13}, {730, 9}, {1096, 13}, {3653, 11}, {36525, 101}} {
		ax := drawnAxis{Min: 0, Max: c.days, Midnight: midnight, Ticks: calendar{midnight}.Ticks(0, c.days)}
		n := 0
		for _, tk := range ax.Ticks {
			if tk.Label != "" {
				n++
			}
		}
		if n < 2 || n > c.maxLabels {
			t.Errorf("%v days: %d labels, want 2 to %d", c.days, n, c.maxLabels)
		}
		if probs := tickProblems(ax); len(probs) > 0 {
			t.Errorf("%v days: %q", c.days, probs)
		}
	}
	var months []string
	for i := range 120 {
		months = append(months, midnight.AddDate(0, i, 0).Format("2006-01"))
	}
	n := 0
	for _, l := range monthLabels(months) {
		if l != "" {
			n++
		}
	}
	if n != 10 {
		t.Errorf("120 months: %d labels, want one a year", n)
	}
}
