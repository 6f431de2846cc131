package plots

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

type reportFigure struct {
	ID      string
	Title   string
	Caption string
	Src     template.URL
	Files   string
}

type reportCell struct {
	Site, Key, Text string
	Present         bool
	// Absent is shown when the summary has no number ("–" by default).
	Absent string
}

// Show returns the cell's text, or what stands for a missing number.
func (c reportCell) Show() string {
	if c.Present {
		return c.Text
	}
	if c.Absent != "" {
		return c.Absent
	}
	return "–"
}

type reportRow struct {
	KPI   KPI
	Name  template.HTML
	Def   template.HTML
	Unit  string
	Cells []reportCell
}

// reportPage is one table of the KPI values: the indicators in rows, up to
// sitesPerTable sites in columns, so that a portfolio prints on A4.
type reportPage struct {
	First, Last int // 1-based numbers of its sites
	Sites       []string
	Rows        []reportRow
}

// sitesPerTable is how many sites one KPI table holds: six columns of
// numbers beside the indicator fit the width of an A4 page.
const sitesPerTable = 6

// reportPeriod is one row of a site's per-year or per-month table.
type reportPeriod struct {
	Label string
	Cells []reportCell
}

// reportEvent is one row of a site's table of failure events.
type reportEvent struct {
	Kind, Start, End, Units string
	Cells                   []reportCell // ride-through, peak inlet, extra storage
}

// reportCost is one line of a site's cost breakdown.
type reportCost struct {
	Name  string
	Cell  reportCell
	Share string
}

type reportSite struct {
	*Site
	Notes    []string
	Figures  []reportFigure
	Headline []reportCell
	// Years and Months are the calendar breakdown of the summary.
	Years, Months []reportPeriod
	// Thermal states the site's ASHRAE class and how the inlets fared;
	// Design its cooling design and facility-water class.
	Thermal, Design string
	Events          []reportEvent
	Cost            []reportCost
	Currency        string
}

type reportData struct {
	Sites       []reportSite
	Headline    []KPI
	HeadNames   []template.HTML
	Rows        []reportRow
	Pages       []reportPage
	Periods     []KPI
	Cross       []reportFigure
	NumWarnings int
	// Unsourced counts the inputs typed without a source, over the sites.
	Unsourced int
	// Programs are the distinct "dctwin VERSION (revision R)" of the sites'
	// runs, and Runs their distinct run times.
	Programs, Runs []string
}

// figureMark stands in the rendered report for the image it will embed, so
// that the images (tens of megabytes for many sites) stream from their files
// into report.html instead of being held in memory.
const figureMark = "dctwin-figure:"

// reportFigures describes d's figures, stored under rel in the output
// folder, and appends their SVG files to images: vector images print sharp
// and keep a portfolio's report small (the PNG files stay beside them).
func reportFigures(d drawn, rel, id string, images *[]string) []reportFigure {
	var out []reportFigure
	for _, f := range d.figs {
		src := template.URL(figureMark + strconv.Itoa(len(*images)))
		*images = append(*images, filepath.Join(d.dir, f.name+".svg"))
		out = append(out, reportFigure{ID: id + "-" + f.name, Title: f.title, Caption: f.caption, Src: src,
			Files: path.Join(rel, f.name) + ".png, .svg"})
	}
	return out
}

// writeReport writes the rendered report to path, replacing each figure mark
// by its image as a base64 data URL read from its file, under a temporary
// name renamed into place when complete.
func writeReport(dst string, html []byte, images []string) error {
	tmp := dst + ".partial"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	err = embedImages(w, html, images)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, dst)
}

func embedImages(w io.Writer, html []byte, images []string) error {
	mark := []byte(figureMark)
	for {
		i := bytes.Index(html, mark)
		if i < 0 {
			_, err := w.Write(html)
			return err
		}
		if _, err := w.Write(html[:i]); err != nil {
			return err
		}
		html = html[i+len(mark):]
		n := 0
		for n < len(html) && html[n] >= '0' && html[n] <= '9' {
			n++
		}
		k, err := strconv.Atoi(string(html[:n]))
		if err != nil || k >= len(images) {
			return fmt.Errorf("figure mark %q: no such figure", html[:n])
		}
		html = html[n:]
		if err := embedFile(w, images[k]); err != nil {
			return err
		}
	}
}

// embedFile writes the image file at path (PNG or SVG) as a base64 data
// URL.
func embedFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	mime := "image/png"
	if strings.HasSuffix(path, ".svg") {
		mime = "image/svg+xml"
	}
	if _, err := io.WriteString(w, "data:"+mime+";base64,"); err != nil {
		return err
	}
	enc := base64.NewEncoder(base64.StdEncoding, w)
	if _, err := io.Copy(enc, f); err != nil {
		return err
	}
	return enc.Close()
}

func kpiCell(k KPI, s *Site) reportCell {
	text, ok := k.Format(s.Raw)
	return reportCell{Site: s.Name, Key: k.Path, Text: text, Present: ok}
}

// eventFields are the numbers of the events table, by their key in an
// element of summary.json's events.
var eventFields = []KPI{
	{Path: "ride_through_min", Unit: "min", Scale: 1, Decimals: 1},
	{Path: "peak_inlet_c", Unit: "°C", Scale: 1, Decimals: 1},
	{Path: "extra_storage_m3", Unit: "m³", Scale: 1, Decimals: 1},
}

// cellKPI returns how the report prints the number at a summary path: a
// row of the KPI table, or a field of an event ("events.2.peak_inlet_c").
func cellKPI(path string) (KPI, bool) {
	for _, k := range KPIs {
		if k.Path == path {
			return k, true
		}
	}
	parts := strings.Split(path, ".")
	if len(parts) == 3 {
		fields := map[string][]KPI{"events": eventFields, "yearly": PeriodKPIs, "monthly": PeriodKPIs}[parts[0]]
		for _, k := range fields {
			if k.Path == parts[2] {
				k.Path = path
				return k, true
			}
		}
	}
	return KPI{}, false
}

func siteTables(rs *reportSite) {
	s := rs.Site
	sum := &s.Summary
	th := &sum.Thermal
	if th.Class != "" {
		rs.Thermal = fmt.Sprintf("Rack inlets are judged against ASHRAE class %s: recommended %s–%s °C, allowable %s–%s °C. The warmest inlet reached %s °C; it was %s h above the recommended and %s h above the allowable range.",
			th.Class, formatNumber(th.RecommendedC[0], 0), formatNumber(th.RecommendedC[1], 0), formatNumber(th.AllowableC[0], 0), formatNumber(th.AllowableC[1], 0),
			formatNumber(th.MaxInletC, 1), formatNumber(th.HoursAboveRecommended, 1), formatNumber(th.HoursAboveAllowable, 1))
		if th.RideThroughAtPeakMin > 0 {
			rs.Thermal += fmt.Sprintf(" With all cooling lost at the peak heat load, the inlets would pass the allowable limit after %s min: what the design rides through.", formatNumber(th.RideThroughAtPeakMin, 1))
		}
		if th.NotStoredKWh > 0 {
			rs.Thermal += fmt.Sprintf(" %s kWh of heat would have taken the room past the IT shutdown temperature.", formatNumber(th.NotStoredKWh, 0))
		}
	}
	if d := sum.Design; d.Kind != "" {
		rs.Design = "Cooling design: " + d.Kind + "."
		if fw := d.FacilityWater; fw != nil {
			rs.Design += fmt.Sprintf(" Facility water to the liquid-cooled IT, ASHRAE class %s (supply up to %s °C): set point %s °C, mean %s °C, highest %s °C, %s h above the class.",
				fw.Class, formatNumber(fw.LimitC, 0), formatNumber(fw.SetpointC, 1), formatNumber(fw.MeanSupplyC, 1), formatNumber(fw.MaxSupplyC, 1), formatNumber(fw.HoursAboveClass, 1))
		}
	}
	for i, ev := range sum.Events {
		re := reportEvent{Kind: ev.Kind, Start: shortTime(ev.Start), End: shortTime(ev.End), Units: "–"}
		if ev.Units > 0 {
			re.Units = fmt.Sprint(ev.Units)
		}
		if ev.Random {
			re.Kind += " (random)"
		}
		for j, k := range eventFields {
			k.Path = fmt.Sprintf("events.%d.%s", i, k.Path)
			c := kpiCell(k, s)
			if j == 0 {
				c.Absent = "did not pass"
			}
			re.Cells = append(re.Cells, c)
		}
		rs.Events = append(rs.Events, re)
	}
	if c := sum.Cost; c != nil {
		rs.Currency = c.Currency
		for _, part := range []struct{ name, key string }{{"energy", "cost.energy"}, {"demand", "cost.demand"}, {"water", "cost.water"}, {"sewer", "cost.sewer"}, {"generator fuel", "cost.fuel"}, {"total", "cost.total"}} {
			k, _ := cellKPI(part.key)
			cell := kpiCell(k, s)
			share := ""
			if v, ok := k.Value(s.Raw); ok && c.Total > 0 {
				share = formatNumber(100*v/c.Total, 1)
			}
			rs.Cost = append(rs.Cost, reportCost{Name: part.name, Cell: cell, Share: share})
		}
	}
}

// shortTime prints an RFC 3339 time as "2025-07-08 15:00".
func shortTime(t string) string {
	if x, err := time.Parse(time.RFC3339, t); err == nil {
		return x.Format("2006-01-02 15:04")
	}
	return t
}

// currencies returns the currencies of the sites' costs, for the unit
// column of the cost rows.
func currencies(sites []*Site) string {
	var cur []string
	for _, s := range sites {
		if c := s.Summary.Cost; c != nil && !slices.Contains(cur, c.Currency) {
			cur = append(cur, c.Currency)
		}
	}
	return strings.Join(cur, " / ")
}

// reportHTML renders the report with a mark in place of each image, and
// returns the images' files in the order of their marks.
func reportHTML(sites []*Site, figs []drawn) (html []byte, images []string, err error) {
	data := reportData{Periods: PeriodKPIs}
	for _, k := range KPIs {
		if k.Headline {
			data.Headline = append(data.Headline, k)
			data.HeadNames = append(data.HeadNames, template.HTML(k.Short))
		}
	}
	for i, s := range sites {
		rs := reportSite{Site: s, Figures: reportFigures(figs[i], s.Name+"/plots", "fig-"+s.Name, &images)}
		if s.Series.Interval > time.Hour {
			rs.Notes = append(rs.Notes, "The rows of this site are "+duration(s.Series.Interval)+" long: the day-by-hour heat maps need rows of an hour or less (run with -report-interval 1h).")
		}
		rs.Notes = append(rs.Notes, figs[i].notes...)
		siteTables(&rs)
		for _, k := range data.Headline {
			rs.Headline = append(rs.Headline, kpiCell(k, s))
		}
		for j, y := range s.Summary.Years {
			rs.Years = append(rs.Years, periodRow(s, "yearly", j, strconv.Itoa(y.Year)))
		}
		for j, m := range s.Summary.Months {
			rs.Months = append(rs.Months, periodRow(s, "monthly", j, m.Month))
		}
		data.NumWarnings += len(s.Summary.Warnings)
		data.Unsourced += len(s.Summary.UnsourcedInputs)
		pv := s.Summary.Provenance
		if pv.Version != "" {
			prog := "dctwin " + pv.Version
			if pv.Revision != "" {
				prog += " (revision " + pv.Revision + ")"
			}
			if !slices.Contains(data.Programs, prog) {
				data.Programs = append(data.Programs, prog)
			}
			if !slices.Contains(data.Runs, pv.RunTime) {
				data.Runs = append(data.Runs, pv.RunTime)
			}
		}
		data.Sites = append(data.Sites, rs)
	}
	for _, k := range KPIs {
		row := reportRow{KPI: k, Name: template.HTML(k.Name), Def: template.HTML(k.Definition), Unit: k.Unit}
		if k.Unit == "currency" {
			row.Unit = currencies(sites)
		}
		any := false
		for _, s := range sites {
			c := kpiCell(k, s)
			any = any || c.Present
			row.Cells = append(row.Cells, c)
		}
		if any {
			data.Rows = append(data.Rows, row)
		}
	}
	for first := 0; first < len(sites); first += sitesPerTable {
		last := min(first+sitesPerTable, len(sites))
		pg := reportPage{First: first + 1, Last: last}
		for _, s := range sites[first:last] {
			pg.Sites = append(pg.Sites, s.Name)
		}
		for _, r := range data.Rows {
			r.Cells = r.Cells[first:last]
			pg.Rows = append(pg.Rows, r)
		}
		data.Pages = append(data.Pages, pg)
	}
	if len(sites) > 1 {
		data.Cross = reportFigures(figs[len(sites)], ".", "fig-sites", &images)
	}
	var b bytes.Buffer
	if err := reportTemplate.Execute(&b, data); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), images, nil
}

// periodRow is the row of a calendar year or month of the summary's list
// (yearly or monthly), element i.
func periodRow(s *Site, list string, i int, label string) reportPeriod {
	r := reportPeriod{Label: label}
	for _, k := range PeriodKPIs {
		k.Path = fmt.Sprintf("%s.%d.%s", list, i, k.Path)
		r.Cells = append(r.Cells, kpiCell(k, s))
	}
	return r
}

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"unit": func(u string) string {
		if u == "" {
			return "–"
		}
		return u
	},
	"date": func(s string) string { return strings.Replace(s, "T", " ", 1) },
	// raw marks the KPI table's own names (with <sub>) as HTML.
	"raw": func(s string) template.HTML { return template.HTML(s) },
}).Parse(reportSource))

const reportSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dctwin report: {{range $i, $s := .Sites}}{{if $i}}, {{end}}{{$s.Name}}{{end}}</title>
<style>
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #111; max-width: 18cm; margin: 1.5em auto; padding: 0 1em; line-height: 1.4; font-size: 10.5pt; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
h2 { font-size: 14pt; border-bottom: 1px solid #999; padding-bottom: 0.15em; margin-top: 1.6em; }
h3 { font-size: 11.5pt; margin-bottom: 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 9pt; }
caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.4em; vertical-align: top; text-align: left; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.def { color: #333; }
td.std { font-size: 8pt; color: #333; }
td.hash { font-family: "Liberation Mono", monospace; font-size: 7.5pt; word-break: break-all; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 1em 0 1.5em; break-inside: avoid; page-break-inside: avoid; }
figure img { width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { font-size: 8.5pt; color: #333; margin-top: 0.3em; }
.warn { background: #fff4e0; border-left: 4px solid #a86800; padding: 0.3em 0.6em; margin: 0.3em 0; }
.muted { color: #444; font-size: 9pt; }
pre { font-size: 7.5pt; white-space: pre-wrap; background: #f6f6f6; padding: 0.5em; }
nav ol { columns: 2; font-size: 9.5pt; }
section.site { break-before: page; page-break-before: always; }
@page { size: A4; margin: 1.5cm; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<header>
<h1>Data-centre energy and water: simulation report</h1>
<p class="muted">Generated by dctwin from its output folder ({{len .Sites}} site{{if gt (len .Sites) 1}}s{{end}}). Every number below is read from the sites' summary.json; every figure from their timeseries.csv. Figures are also saved as PNG and SVG beside the data.{{range .Programs}} Simulated by {{.}}.{{end}}{{if .Runs}} Run started {{range $i, $r := .Runs}}{{if $i}}, {{end}}{{$r}}{{end}} (UTC).{{end}} The provenance of each site (input files with their SHA-256, the site file as resolved) is in its section.</p>
</header>
<nav aria-label="Contents">
<h2 id="contents">Contents</h2>
<ol>
<li><a href="#glance">At a glance</a></li>
<li><a href="#kpis">Key performance indicators</a></li>
{{if .Cross}}<li><a href="#compare">Comparing the sites</a></li>{{end}}
<li><a href="#warnings">Warnings</a></li>
{{range .Sites}}<li><a href="#site-{{.Name}}">{{.Name}}</a></li>
{{end}}<li><a href="#method">Methodology</a></li>
<li><a href="#refs">References</a></li>
</ol>
</nav>
<main>
<h2 id="glance">At a glance</h2>
<table id="headline">
<caption>Headline figures of each site over its simulated period</caption>
<thead><tr><th scope="col">site</th>{{range $i, $k := .Headline}}<th scope="col">{{index $.HeadNames $i}}{{if $k.Unit}} ({{$k.Unit}}){{end}}</th>{{end}}</tr></thead>
<tbody>
{{range .Sites}}<tr><th scope="row"><a href="#site-{{.Name}}">{{.Name}}</a></th>{{range .Headline}}<td class="num" data-site="{{.Site}}" data-key="{{.Key}}">{{if .Present}}{{.Text}}{{else}}–{{end}}</td>{{end}}</tr>
{{end}}</tbody></table>
{{if .Unsourced}}<div class="warn" id="unsourced"><b>{{.Unsourced}} input{{if gt .Unsourced 1}}s{{end}} without a source.</b> These values were typed into the site files without saying where they come from; the results rest on them as the user's figures, not cited data:
<ul>{{range .Sites}}{{$site := .Name}}{{range .Summary.UnsourcedInputs}}<li><b>{{$site}}:</b> {{.}}</li>{{end}}{{end}}</ul></div>{{end}}
{{if .NumWarnings}}<p><a href="#warnings">{{.NumWarnings}} warning{{if gt .NumWarnings 1}}s{{end}}</a> qualify these results: read them before the numbers.</p>{{else}}<p>No warnings were raised.</p>{{end}}

<h2 id="kpis">Key performance indicators</h2>
<p class="muted">Names and definitions follow ISO/IEC 30134 (parts 2, 3, 6, 8, 9) and the key performance indicators and sustainability indicators of Commission Delegated Regulation (EU) 2024/1364 (Annexes II and III) where they apply. Values cover each site's simulated period (see its inputs); EU reporting is per calendar year, and each site's section gives its figures per calendar year and month. IT energy is measured at the racks, after the PDUs; the energy at the UPS output (IT plus PDU losses) is given too, as the regulation's boundary may be drawn there. Contracted clean supply counts toward REF only when it is renewable (clean_supply.renewable).</p>
<table id="kpi-definitions">
<caption>The indicators: standard and definition</caption>
<thead><tr><th scope="col">indicator</th><th scope="col">standard</th><th scope="col">definition</th><th scope="col">unit</th></tr></thead>
<tbody>
{{range .Rows}}<tr><th scope="row">{{.Name}}</th><td class="std">{{.KPI.Standard}}</td><td class="def">{{.Def}}</td><td>{{unit .Unit}}</td></tr>
{{end}}</tbody></table>
{{range $p := .Pages}}<table class="kpi">
<caption>Indicator values{{if gt (len $.Sites) (len $p.Sites)}}, sites {{$p.First}}–{{$p.Last}} of {{len $.Sites}}{{end}}</caption>
<thead><tr><th scope="col">indicator</th><th scope="col">unit</th>{{range $p.Sites}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range $p.Rows}}<tr><th scope="row">{{.Name}}</th><td>{{unit .Unit}}</td>{{range .Cells}}<td class="num" data-site="{{.Site}}" data-key="{{.Key}}">{{.Show}}</td>{{end}}</tr>
{{end}}</tbody></table>
{{end}}
<h3>EU 2024/1364 items dctwin does not compute</h3>
<p class="muted">Annex II also asks for the computer-room floor area, the IT intake-air set point (the supply-air set point is among the inputs), the refrigerants in use, battery capacity (among the inputs) and grid functions, ICT capacity (servers and storage) and data traffic. These are facts of an operating site, not results of a simulation; an operator reports them from records. Computed above: installed IT power demand (the racks' nameplate), the average temperature of the waste heat reused, cooling degree days of the period's weather, renewable energy on site, through power purchase agreements and through guarantees of origin, and market-based CO₂ beside location-based where the site file gives a residual-mix factor.</p>

{{if .Cross}}<h2 id="compare">Comparing the sites</h2>
{{range .Cross}}<figure aria-labelledby="{{.ID}}"><img src="{{.Src}}" alt="{{.Title}}"><figcaption id="{{.ID}}"><b>{{.Title}}.</b> {{.Caption}} <span class="muted">(Files {{.Files}}.)</span></figcaption></figure>
{{end}}{{end}}

<h2 id="warnings">Warnings</h2>
{{range .Sites}}{{$site := .Name}}{{range .Summary.Warnings}}<div class="warn"><b>{{$site}}:</b> {{.}}</div>
{{end}}{{end}}{{if not .NumWarnings}}<p>None.</p>{{end}}

{{range .Sites}}<section class="site" id="site-{{.Name}}" aria-labelledby="h-{{.Name}}">
<h2 id="h-{{.Name}}">{{.Name}}{{if .Summary.Title}}: {{.Summary.Title}}{{end}}</h2>
<p>From {{date .Summary.Start}} to {{date .Summary.End}} (site standard time), {{.Summary.Step}} steps, rows every {{.Summary.ReportInterval}}.</p>
<h3>Inputs that matter</h3>
<table>
<caption>Inputs of {{.Name}} and their sources</caption>
<thead><tr><th scope="col">input</th><th scope="col">value</th><th scope="col">source</th></tr></thead>
<tbody>
{{range .Summary.Inputs}}<tr><th scope="row">{{.Name}}</th><td>{{.Value}}</td><td>{{.Source}}</td></tr>
{{end}}<tr><th scope="row">carbon source</th><td>{{.Summary.Carbon}}</td><td></td></tr>
</tbody></table>
{{if .Years}}<h3>Per calendar year</h3>
<table class="years">
<caption>{{.Name}}: results per calendar year (site standard time; a year the period only partly covers shows that part)</caption>
<thead><tr><th scope="col">year</th>{{range $.Periods}}<th scope="col">{{raw .Name}}{{if .Unit}} ({{.Unit}}){{end}}</th>{{end}}</tr></thead>
<tbody>
{{range .Years}}<tr><th scope="row">{{.Label}}</th>{{range .Cells}}<td class="num" data-site="{{.Site}}" data-key="{{.Key}}">{{.Show}}</td>{{end}}</tr>
{{end}}</tbody></table>{{end}}
{{if or .Design .Thermal}}<h3>Cooling and thermal limits</h3>
{{if .Design}}<p>{{.Design}}</p>{{end}}{{if .Thermal}}<p>{{.Thermal}}</p>{{end}}{{end}}
{{if .Events}}<h3>Failure events</h3>
<p class="muted">Ride-through: minutes from the event's start until the warmest rack inlet passed the allowable limit of the site's class (“did not pass”: it stayed within it). Extra storage: the chilled water, on UPS-fed pumps, that would have held the heat beyond what the hall could hold inside the limit. Peak inlet is per simulation step.</p>
<table class="events">
<caption>Failure events of {{.Name}}</caption>
<thead><tr><th scope="col">event</th><th scope="col">start</th><th scope="col">effect ends</th><th scope="col">units</th><th scope="col">ride-through (min)</th><th scope="col">peak inlet (°C)</th><th scope="col">extra storage needed (m³)</th></tr></thead>
<tbody>
{{range .Events}}<tr><th scope="row">{{.Kind}}</th><td>{{.Start}}</td><td>{{.End}}</td><td class="num">{{.Units}}</td>{{range .Cells}}<td class="num" data-site="{{.Site}}" data-key="{{.Key}}">{{.Show}}</td>{{end}}</tr>
{{end}}</tbody></table>{{end}}
{{if .Cost}}<h3>Operating cost ({{.Currency}})</h3>
<table class="cost">
<caption>Operating cost of {{.Name}} by component</caption>
<thead><tr><th scope="col">component</th><th scope="col">{{.Currency}}</th><th scope="col">share (%)</th></tr></thead>
<tbody>
{{range .Cost}}<tr><th scope="row">{{.Name}}</th><td class="num" data-site="{{.Cell.Site}}" data-key="{{.Cell.Key}}">{{.Cell.Show}}</td><td class="num">{{.Share}}</td></tr>
{{end}}</tbody></table>{{end}}
{{if .Summary.Warnings}}<h3>Warnings</h3>
{{range .Summary.Warnings}}<div class="warn">{{.}}</div>
{{end}}{{end}}
<h3>Figures</h3>
{{range .Notes}}<p class="muted">{{.}}</p>{{end}}
{{range .Figures}}<figure aria-labelledby="{{.ID}}"><img src="{{.Src}}" alt="{{.Title}}"><figcaption id="{{.ID}}"><b>{{.Title}}.</b> {{.Caption}} <span class="muted">(Files {{.Files}}.)</span></figcaption></figure>
{{end}}
{{if .Months}}<h3>Per calendar month</h3>
<table class="months">
<caption>{{.Name}}: results per calendar month</caption>
<thead><tr><th scope="col">month</th>{{range $.Periods}}<th scope="col">{{raw .Name}}{{if .Unit}} ({{.Unit}}){{end}}</th>{{end}}</tr></thead>
<tbody>
{{range .Months}}<tr><th scope="row">{{.Label}}</th>{{range .Cells}}<td class="num" data-site="{{.Site}}" data-key="{{.Key}}">{{.Show}}</td>{{end}}</tr>
{{end}}</tbody></table>{{end}}
{{with .Summary.Provenance}}{{if .Version}}<h3>Provenance</h3>
<p>Simulated by dctwin {{.Version}}{{if .Revision}}, revision {{.Revision}}{{end}}{{if .GoVersion}}, built with {{.GoVersion}}{{end}}; run started {{.RunTime}} (UTC).</p>
<table class="files">
<caption>Input files and their SHA-256</caption>
<thead><tr><th scope="col">role</th><th scope="col">file</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
{{range .Inputs}}<tr><th scope="row">{{.Role}}</th><td>{{.Path}}</td><td class="hash">{{.SHA256}}</td></tr>
{{end}}</tbody></table>
<details><summary>The site file as resolved: save it as a .toml file and run it again with dctwin run</summary>
<pre>{{.SiteFile}}</pre></details>{{end}}{{end}}
</section>
{{end}}

<h2 id="method">Methodology</h2>
<p>dctwin is a discrete-time simulation. At every step (1 minute to 1 hour) it computes, for each site, the outdoor air from the weather source; the electric power of every rack from its workload and inlet temperature; the losses of the transformer, UPS and PDUs (no-load, proportional and square-law parts); the cooling plant — air handlers, coolant distribution units, variable-primary chilled-water pumps, water-cooled chillers on the DOE-2 electric-EIR model, open cooling towers on the YorkCalc approach correlation with a waterside economizer — solved together by a short fixed-point iteration; tower evaporation from the heat and mass balance of saturated exit air, drift and blowdown; and the grid's carbon intensity. Facility power is the sum IT + cooling + power-chain losses + lighting and offices exactly at every row; water withdrawal is consumption + discharge exactly.</p>
<p>The figures are drawn from the time series of each site: power and water are aggregated to calendar days and hours of the day in the site's standard time; PUE and WUE of a day are ratios of that day's energy and water, not means of ratios; the load-duration curve sorts the rows' grid power, and its peak is the largest one-step mean from the summary. Energy over the period is the sum of kW × hours; the annual figures of the table are those of summary.json.</p>
<p>Cooling designs other than the chilled-water plant — air-cooled chillers, airside economizers with evaporative cooling, indirect evaporative coolers, and liquid cooling on a facility-water loop with dry coolers (dry or adiabatic), towers, trim chillers and heat reuse through heat pumps — add their fans, pumps, compressors and water to the same identities. Rack inlets are judged against the ASHRAE class of the site; the heat the plant cannot remove warms the hall's air and water mass, and each failure event reports how long the inlets stayed within the allowable limit. The ledger adds on-site PV, a battery, standby generators, the grid connection limit, off-site water at the power plants, hourly clean-energy matching and the cost of a tariff.</p>
<p>Limits: the results are those of a model of a design, not measurements of a site. Water is site water (direct); water for electricity generation and heat reuse show only when a run computes them. Emissions are location-based (grid average intensity); the market-based figure (GHG Protocol Scope 2) shows where the site file gives a residual-mix factor: grid energy not covered by the contracted clean supply or guarantees of origin times that factor. Both include the generators' fuel.</p>

<h2 id="refs">References</h2>
<ol class="muted">
<li>ISO/IEC 30134-2:2016, Information technology — Data centres — Key performance indicators — Part 2: Power usage effectiveness (PUE).</li>
<li>ISO/IEC 30134-3:2016, Part 3: Renewable energy factor (REF).</li>
<li>ISO/IEC 30134-6:2021, Part 6: Energy reuse factor (ERF).</li>
<li>ISO/IEC 30134-8:2022, Part 8: Carbon usage effectiveness (CUE).</li>
<li>ISO/IEC 30134-9:2022, Part 9: Water usage effectiveness (WUE).</li>
<li>Commission Delegated Regulation (EU) 2024/1364 of 14 March 2024 on the first phase of the establishment of a common Union rating scheme for data centres, OJ L, 17.5.2024 (Annex II: key performance indicators; Annex III: data-centre sustainability indicators PUE, WUE, ERF, REF).</li>
<li>Directive (EU) 2023/1791 of 13 September 2023 on energy efficiency, Article 12 and Annex VII.</li>
<li>The Green Grid, White Paper 35: Water Usage Effectiveness (WUE): a Green Grid data center sustainability metric, 2011.</li>
<li>Macknick, J., Newmark, R., Heath, G., Hallett, K.C., 2012. Operational water consumption and withdrawal factors for electricity generating technologies. Environmental Research Letters 7, 045802.</li>
<li>ASHRAE Handbook — Fundamentals, 2017, chapter 1 (psychrometrics).</li>
<li>EnergyPlus Engineering Reference: Chiller:Electric:EIR, CoolingTower:VariableSpeed (YorkCalc), evaporative losses of cooling towers.</li>
<li>Rasmussen, N. Electrical efficiency modeling for data centers. APC/Schneider Electric White Paper 113.</li>
<li>ASHRAE TC 9.9, 2021. Thermal Guidelines for Data Processing Environments, 5th ed. (air-cooled classes A1–A4: recommended and allowable inlet ranges).</li>
<li>ASHRAE TC 9.9, 2021. Emergence and Expansion of Liquid Cooling in Mainstream Data Centers (facility-water classes W17–W45, W+).</li>
<li>Okabe, M., Ito, K., 2008. Color Universal Design (CUD): how to make figures and presentations that are friendly to colorblind people. (The colour palette of the figures.)</li>
<li>van der Walt, S., Smith, N., 2015. A better default colormap for matplotlib (viridis). SciPy 2015. (The heat-map palette.)</li>
<li>World Resources Institute, 2015. GHG Protocol Scope 2 Guidance (location-based and market-based methods, residual mix).</li>
<li>Eurostat, Cooling and heating degree days by country (nrg_chdd), reference metadata: CDD = Tm − 21 °C on days with Tm ≥ 24 °C.</li>
</ol>
</main>
</body>
</html>
`
