package plots

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// siteFigures returns the figures of one site, in the order of the report,
// and a note for each figure the site's data does not support.
func siteFigures(s *Site) ([]*figure, []string) {
	base := siteCaption(s)
	var notes []string
	figs := []*figure{
		powerFigure(s, base),
		pueWUEFigure(s, base),
		heatMapFigure(s, base, "heatmap_cooling", true),
		heatMapFigure(s, base, "heatmap_water", false),
		waterFigure(s, base),
		loadDurationFigure(s, base),
		weatherFigure(s, base),
		carbonFigure(s, base),
		sankeyFigure(s, base),
	}
	var missing []string
	if ok, why := hasSupply(s); ok {
		figs = append(figs, supplyFigure(s, base))
	} else {
		missing = append(missing, why)
	}
	for _, f := range []func(*Site, string) (*figure, string){facilityWaterFigure, coolingModesFigure, eventsFigure} {
		fig, why := f(s, base)
		if fig != nil {
			figs = append(figs, fig)
		} else {
			missing = append(missing, why)
		}
	}
	if len(missing) > 0 {
		notes = append(notes, "Not drawn for this site: "+strings.Join(missing, "; ")+".")
	}
	return slices.DeleteFunc(figs, func(f *figure) bool { return f == nil }), notes
}

// siteCaption states the assumptions behind every figure of a site.
func siteCaption(s *Site) string {
	sum := &s.Summary
	var b strings.Builder
	name := sum.Site
	if sum.Title != "" {
		name = sum.Title + " (" + sum.Site + ")"
	}
	days := s.End.Sub(s.Start).Hours() / 24
	fmt.Fprintf(&b, "%s. Simulated by dctwin from %s to %s (%s days) at %s steps, rows every %s.",
		name, s.Start.Format("2 Jan 2006 15:04"), s.End.Format("2 Jan 2006 15:04"), formatNumber(days, 0), sum.Step, sum.ReportInterval)
	fmt.Fprintf(&b, " Weather: %s. Grid carbon: %s.", sum.Weather, sum.Carbon)
	for _, in := range sum.Inputs {
		if in.Name == "IT nameplate" || in.Name == "cooling" {
			fmt.Fprintf(&b, " %s: %s.", capitalise(in.Name), in.Value)
		}
	}
	return b.String()
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// days returns the indices of the days the period covers.
func (s *Series) covered() []int {
	var idx []int
	for i := range s.Days {
		if s.Days[i].Hours > 0 {
			idx = append(idx, i)
		}
	}
	return idx
}

// setTimeAxis gives p a calendar x axis over the site's days.
func setTimeAxis(p *plot.Plot, s *Site) {
	p.X.Tick.Marker = calendar{midnight: s.Series.Midnight}
	p.X.Min = s.Start.Sub(s.Series.Midnight).Hours() / 24
	p.X.Max = s.End.Sub(s.Series.Midnight).Hours() / 24
	p.X.Label.Text = timeAxisLabel(s.Series.Midnight, s.End.Add(-time.Second))
}

func dailyXYs(s *Series, f func(d *Day) float64) plotter.XYs {
	var xys plotter.XYs
	for _, i := range s.covered() {
		d := &s.Days[i]
		xys = append(xys, plotter.XY{X: float64(i) + 0.5, Y: f(d)})
	}
	return xys
}

func line(xys plotter.XYs, c color.Color, width vg.Length, dashed bool) *plotter.Line {
	l, err := plotter.NewLine(xys)
	if err != nil {
		panic("plots: " + err.Error()) // only for NaN or Inf, which the reader refuses
	}
	l.Color = c
	l.Width = width
	if dashed {
		l.Dashes = []vg.Length{4, 2}
	}
	return l
}

// band returns the polygon between two daily curves.
func band(lo, hi plotter.XYs, c color.Color) *plotter.Polygon {
	pts := make(plotter.XYs, 0, 2*len(lo))
	pts = append(pts, lo...)
	for i := len(hi) - 1; i >= 0; i-- {
		pts = append(pts, hi[i])
	}
	pg, err := plotter.NewPolygon(pts)
	if err != nil {
		panic("plots: " + err.Error())
	}
	pg.Color = c
	pg.LineStyle.Width = 0
	return pg
}

// headroom raises the y maximum so that a legend of n entries at the top
// covers no data.
func headroom(p *plot.Plot, top float64, n int) {
	p.Y.Max = top * (1 + 0.1*float64(n))
}

func powerFigure(s *Site, base string) *figure {
	ser := s.Series
	p := newPlot("Where the power goes: daily mean electric power by use", "", "power (kW, daily mean)")
	setTimeAxis(p, s)
	type layer struct {
		name string
		col  int
		c    color.RGBA
	}
	layers := []layer{{"IT equipment", cIT, blue}, {"cooling", cCooling, skyBlue}, {"power-chain losses", cLoss, vermilion}, {"lighting and offices", cOther, yellow}}
	below := dailyXYs(ser, func(*Day) float64 { return 0 })
	var polys []*plotter.Polygon
	top := 0.0
	for _, l := range layers {
		above := dailyXYs(ser, func(d *Day) float64 { return 0 })
		for k := range above {
			d := &ser.Days[int(above[k].X)]
			above[k].Y = below[k].Y + d.KWh[l.col]/d.Hours
			top = max(top, above[k].Y)
		}
		pg := band(below, above, l.c)
		p.Add(pg)
		polys = append(polys, pg)
		below = above
	}
	for i := len(layers) - 1; i >= 0; i-- {
		p.Legend.Add(layers[i].name, polys[i])
	}
	n := len(layers)
	if ser.Has[cPV] {
		g := line(dailyXYs(ser, func(d *Day) float64 { return d.KWh[cGrid] / d.Hours }), black, 1, true)
		p.Add(g)
		p.Legend.Add("drawn from the grid", g)
		n++
	}
	p.Y.Min = 0
	headroom(p, top, n)
	return &figure{name: "power", title: "Electric power by use", draw: drawOf(p),
		caption: "Stacked daily means of the electric power of the IT equipment, the cooling plant, the UPS/PDU/transformer losses and lighting and offices; their sum is the facility power. " + base}
}

func pueWUEFigure(s *Site, base string) *figure {
	ser := s.Series
	sum := &s.Summary
	pue := newPlot("Energy and water efficiency through the period: daily PUE and WUE", "", "PUE (facility / IT energy)")
	setTimeAxis(pue, s)
	pue.X.Label.Text = ""
	daily := dailyXYs(ser, func(d *Day) float64 { return ratio(d.KWh[cFacility], d.KWh[cIT]) })
	dl := line(daily, blue, 1.2, false)
	pue.Add(dl)
	annual := line(plotter.XYs{{X: pue.X.Min, Y: sum.PUE}, {X: pue.X.Max, Y: sum.PUE}}, black, 0.8, true)
	pue.Add(annual)
	pue.Legend.Add("daily", dl)
	pue.Legend.Add(fmt.Sprintf("whole period %.3f", sum.PUE), annual)
	pad(pue, daily, sum.PUE, 2)

	wue := newPlot("", "", "WUE (L per IT kWh)")
	setTimeAxis(wue, s)
	dw := dailyXYs(ser, func(d *Day) float64 { return ratio(d.Amount[cWithdrawal], d.KWh[cIT]) })
	wl := line(dw, green, 1.2, false)
	wue.Add(wl)
	wa := line(plotter.XYs{{X: wue.X.Min, Y: sum.WUE}, {X: wue.X.Max, Y: sum.WUE}}, black, 0.8, true)
	wue.Add(wa)
	wue.Legend.Add("daily", wl)
	wue.Legend.Add(fmt.Sprintf("whole period %.2f", sum.WUE), wa)
	pad(wue, dw, sum.WUE, 2)
	return &figure{name: "pue_wue", title: "PUE and WUE through the period", draw: stackPlots(pue, wue), height: 12 * vg.Centimeter,
		caption: "Daily PUE (ISO/IEC 30134-2: facility energy over IT energy) and WUE (ISO/IEC 30134-9: site water withdrawal over IT energy), with the value over the whole period dashed. " + base}
}

// pad sets y limits around the data with room for a legend of n entries.
func pad(p *plot.Plot, xys plotter.XYs, ref float64, n int) {
	lo, hi := ref, ref
	for _, xy := range xys {
		lo, hi = min(lo, xy.Y), max(hi, xy.Y)
	}
	span := max(hi-lo, 0.02*math.Abs(hi), 1e-6)
	p.Y.Min = max(0, lo-0.05*span)
	p.Y.Max = hi + span*(0.12+0.14*float64(n))
}

// fromZero sets y limits from zero to above the data, with room for a
// legend of n entries.
func fromZero(p *plot.Plot, xys plotter.XYs, n int) {
	hi := 0.0
	for _, xy := range xys {
		hi = max(hi, xy.Y)
	}
	if hi == 0 {
		hi = 1
	}
	p.Y.Min, p.Y.Max = 0, hi*(1.1+0.12*float64(n))
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// hourGrid is a day × hour-of-day grid for a heat map.
type hourGrid struct {
	ser   *Series
	first int // first covered day
	days  int
	value func(cell int) float64
}

func (g hourGrid) Dims() (c, r int)   { return g.days, 24 }
func (g hourGrid) X(c int) float64    { return float64(g.first+c) + 0.5 }
func (g hourGrid) Y(r int) float64    { return float64(r) + 0.5 }
func (g hourGrid) Z(c, r int) float64 { return g.value((g.first+c)*24 + r) }

// viridis is a perceptually uniform, colour-blind-safe sequential palette
// (van der Walt & Smith 2015, matplotlib's default), from 9 of its anchors.
func viridis(n int) palette.Palette {
	anchors := []color.RGBA{{68, 1, 84, 255}, {71, 45, 123, 255}, {59, 82, 139, 255}, {44, 114, 142, 255},
		{33, 145, 140, 255}, {40, 174, 128, 255}, {94, 201, 98, 255}, {173, 220, 48, 255}, {253, 231, 37, 255}}
	cols := make([]color.Color, n)
	for i := range cols {
		x := float64(i) / float64(n-1) * float64(len(anchors)-1)
		k := min(int(x), len(anchors)-2)
		f := x - float64(k)
		a, b := anchors[k], anchors[k+1]
		mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p) + f*(float64(q)-float64(p)))) }
		cols[i] = color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 255}
	}
	return plotPalette(cols)
}

type plotPalette []color.Color

func (p plotPalette) Colors() []color.Color { return p }

func heatMapFigure(s *Site, base, name string, cooling bool) *figure {
	ser := s.Series
	if ser.Interval > time.Hour {
		return nil // rows longer than an hour have no hour of the day
	}
	idx := ser.covered()
	g := hourGrid{ser: ser, first: idx[0], days: idx[len(idx)-1] - idx[0] + 1}
	title, unit, what := "When the cooling plant works hardest: cooling power by day and hour", "cooling power (kW)", "the electric power of the cooling plant"
	g.value = func(cell int) float64 {
		if ser.HourCovered[cell] == 0 {
			return math.NaN()
		}
		return ser.HourCoolingKWh[cell] / ser.HourCovered[cell]
	}
	if !cooling {
		title, unit, what = "When the site draws water: water withdrawal by day and hour", "water withdrawal (m³/h)", "the water withdrawn by the site (make-up of cooling towers and evaporative or adiabatic coolers)"
		g.value = func(cell int) float64 {
			if ser.HourCovered[cell] == 0 {
				return math.NaN()
			}
			return ser.HourWithdrawalL[cell] / ser.HourCovered[cell] / 1000
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for c := 0; c < g.days; c++ {
		for r := 0; r < 24; r++ {
			if z := g.Z(c, r); !math.IsNaN(z) {
				lo, hi = min(lo, z), max(hi, z)
			}
		}
	}
	if !(hi > lo) {
		hi = lo + 1
	}
	pal := viridis(256)
	hm := plotter.NewHeatMap(g, pal)
	hm.Min, hm.Max = lo, hi
	hm.NaN = color.White
	hm.Rasterized = true
	p := newPlot(title, "", "hour of the day (site standard time)")
	setTimeAxis(p, s)
	p.Add(hm)
	p.Y.Min, p.Y.Max = 0, 24
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0:00"}, {Value: 6, Label: "6:00"}, {Value: 12, Label: "12:00"}, {Value: 18, Label: "18:00"}, {Value: 24, Label: "24:00"}}
	p.X.Min, p.X.Max = float64(g.first), float64(g.first+g.days)

	bar := newPlot("", "", unit)
	bar.Title.Text = " " // keeps the bar aligned with the heat map below the title
	cb := &plotter.ColorBar{ColorMap: &rangeMap{pal: pal, lo: lo, hi: hi}, Vertical: true, Colors: 256}
	bar.Add(cb)
	bar.HideX()
	bar.Y.Min, bar.Y.Max = lo, hi
	bar.Y.Label.Text = unit
	draw := func(c draw.Canvas) {
		barW := 2.2 * vg.Centimeter
		main := c
		main.Max.X -= barW
		side := c
		side.Min.X = c.Max.X - barW + 0.3*vg.Centimeter
		// align the bar with the heat map's data area: below the title,
		// above the time axis
		side.Max.Y -= p.Title.TextStyle.Height(p.Title.Text) + p.Title.Padding
		side.Min.Y += p.X.Tick.Label.Height("Jan") + p.X.Label.TextStyle.Height("2025") + p.X.Tick.Length + 2*p.X.Padding
		drawPlot(p, main)
		// a narrow bar: its plot area gets the colours
		drawPlot(bar, side)
	}
	return &figure{name: name, title: title, draw: draw,
		caption: fmt.Sprintf("Each cell is one hour of one day: the mean of %s in that hour (white: outside the period). ", what) + base}
}

// rangeMap is a palette.ColorMap over [lo, hi] for the colour bar.
type rangeMap struct {
	pal    palette.Palette
	lo, hi float64
}

func (m *rangeMap) At(v float64) (color.Color, error) {
	cols := m.pal.Colors()
	f := (v - m.lo) / (m.hi - m.lo)
	i := int(math.Round(f * float64(len(cols)-1)))
	return cols[max(0, min(len(cols)-1, i))], nil
}
func (m *rangeMap) Max() float64                  { return m.hi }
func (m *rangeMap) Min() float64                  { return m.lo }
func (m *rangeMap) SetMax(v float64)              { m.hi = v }
func (m *rangeMap) SetMin(v float64)              { m.lo = v }
func (m *rangeMap) Alpha() float64                { return 1 }
func (m *rangeMap) SetAlpha(float64)              {}
func (m *rangeMap) Palette(n int) palette.Palette { return m.pal }

func waterFigure(s *Site, base string) *figure {
	months := s.Summary.Months
	if len(months) == 0 {
		return nil
	}
	p := newPlot("Monthly water: withdrawal, consumption and discharge", "", "site water (m³)")
	var names []string
	for _, m := range months {
		names = append(names, m.Month)
	}
	vals := []plotter.Values{nil, nil, nil}
	for _, m := range months {
		vals[0] = append(vals[0], m.WithdrawalL/1000)
		vals[1] = append(vals[1], m.ConsumptionL/1000)
		vals[2] = append(vals[2], m.DischargeL/1000)
	}
	bars(p, []string{"withdrawal (taken from the supply)", "consumption (evaporated, drift)", "discharge (blowdown, bleed to sewer)"},
		vals, []color.RGBA{blue, vermilion, skyBlue})
	p.NominalX(monthLabels(names)...)
	p.Y.Min = 0
	headroom(p, maxOf(vals...), 3)
	caption := "Water per calendar month (site standard time): withdrawal = consumption + discharge (Macknick et al. 2012 definitions). Consumption is the evaporation and drift of towers and the evaporation of adiabatic and evaporative coolers; discharge is blowdown and bleed. A month only partly inside the period shows only that part. "
	ser := s.Series
	off := s.Summary.OffsiteWater
	if off == nil || off.Consumption == nil || *off.Consumption <= 0 || !ser.Has[cOffsiteConsumption] || ser.Blank[cOffsiteConsumption] {
		return &figure{name: "water_monthly", title: "Monthly water", draw: drawOf(p), caption: caption + base}
	}
	// Off-site water is often many times the site's: a panel of its own
	// keeps the site's bars readable, with the site's consumption repeated
	// there for scale.
	p.X.Label.Text = ""
	om, offL := ser.monthly(func(d *Day) float64 { return d.Amount[cOffsiteConsumption] / 1000 })
	siteL := make(plotter.Values, len(om))
	for i, m := range om {
		for _, sm := range months {
			if sm.Month == m {
				siteL[i] = sm.ConsumptionL / 1000
			}
		}
	}
	o := newPlot("Off-site: water consumed at the power plants for the grid electricity", "", "water consumed (m³)")
	o.Title.TextStyle.Font.Size = p.Title.TextStyle.Font.Size * 0.85
	ratioText := ""
	if site := s.Summary.Water.Consumption; site > 0 {
		ratioText = fmt.Sprintf(", %s × the site's", formatNumber(*off.Consumption/site, 1))
	}
	bars(o, []string{fmt.Sprintf("off-site consumption (%s m³ over the period%s)", formatNumber(*off.Consumption/1000, 0), ratioText), "site consumption, for scale"},
		[]plotter.Values{offL, siteL}, []color.RGBA{purple, vermilion})
	o.NominalX(monthLabels(om)...)
	o.Y.Min = 0
	headroom(o, maxOf(offL, siteL), 2)
	return &figure{name: "water_monthly", title: "Monthly water, on site and at the power plants", draw: stackPlots(p, o), height: 14 * vg.Centimeter,
		caption: "Top: " + caption + "Bottom: water consumed at the power plants generating the grid electricity the site drew (off-site: the grid electricity hour by hour times the water consumed per kWh generated, from the site's grid factors or its fuel mix), beside the site's own consumption. " + base}
}

func loadDurationFigure(s *Site, base string) *figure {
	ser := s.Series
	sorted := slices.Clone(ser.GridKW)
	slices.SortFunc(sorted, func(a, b float64) int { return -cmpFloat(a, b) })
	n := len(sorted)
	hours := ser.Interval.Hours()
	const maxPoints = 2000
	var xys plotter.XYs
	step := max(1, n/maxPoints)
	for i := 0; i < n; i += step {
		xys = append(xys, plotter.XY{X: float64(i) * hours, Y: sorted[i]})
	}
	xys = append(xys, plotter.XY{X: float64(n) * hours, Y: sorted[n-1]})
	p := newPlot("Grid demand: load-duration curve with the peak", "hours of the period at or above the demand (h)", "grid demand (kW)")
	l := line(xys, blue, 1.5, false)
	p.Add(l)
	p.Legend.Add(fmt.Sprintf("%s means, sorted", duration(ser.Interval)), l)
	mean := 0.0
	for _, x := range ser.GridKW {
		mean += x
	}
	mean /= float64(n)
	ml := line(plotter.XYs{{X: 0, Y: mean}, {X: float64(n) * hours, Y: mean}}, grey, 0.8, true)
	p.Add(ml)
	p.Legend.Add(fmt.Sprintf("mean %s kW", formatNumber(mean, 0)), ml)
	peak := s.Summary.Peak.Grid
	sc, err := plotter.NewScatter(plotter.XYs{{X: 0, Y: peak}})
	if err != nil {
		panic("plots: " + err.Error())
	}
	sc.GlyphStyle.Color = vermilion
	sc.GlyphStyle.Radius = 3.5
	sc.GlyphStyle.Shape = draw.CircleGlyph{}
	p.Add(sc)
	when := s.Summary.Peak.GridTime
	if t, err := time.Parse(time.RFC3339, when); err == nil {
		when = t.Format("2 Jan 15:04")
	}
	p.Legend.Add(fmt.Sprintf("peak %s kW (%s mean, %s)", formatNumber(peak, 0), s.Summary.Step, when), sc)
	p.X.Min, p.X.Max = 0, float64(n)*hours
	p.Y.Min = 0
	p.Y.Max = peak * 1.45
	return &figure{name: "load_duration", title: "Grid demand: load-duration curve", draw: drawOf(p),
		caption: fmt.Sprintf("The grid demand of every %s row, sorted from highest to lowest: the curve gives how many hours the demand is at or above a level. The peak is the largest mean over one simulation step (%s), from summary.json. ", duration(ser.Interval), s.Summary.Step) + base}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func weatherFigure(s *Site, base string) *figure {
	ser := s.Series
	p := newPlot("The weather that drove it: outdoor dry and wet bulb", "", "temperature (°C)")
	setTimeAxis(p, s)
	dryLo := dailyXYs(ser, func(d *Day) float64 { return d.DryMinC })
	dryHi := dailyXYs(ser, func(d *Day) float64 { return d.DryMaxC })
	wetLo := dailyXYs(ser, func(d *Day) float64 { return d.WetMinC })
	wetHi := dailyXYs(ser, func(d *Day) float64 { return d.WetMaxC })
	db := band(dryLo, dryHi, lighter(vermilion, 0.65))
	wb := band(wetLo, wetHi, lighter(blue, 0.65))
	p.Add(db, wb)
	dl := line(dailyXYs(ser, func(d *Day) float64 { return d.DryBulbC }), vermilion, 1.2, false)
	wl := line(dailyXYs(ser, func(d *Day) float64 { return d.WetBulbC }), blue, 1.2, false)
	p.Add(dl, wl)
	p.Legend.Add("dry bulb, daily mean", dl)
	p.Legend.Add("dry bulb, daily range", db)
	p.Legend.Add("wet bulb, daily mean", wl)
	p.Legend.Add("wet bulb, daily range", wb)
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range dryLo {
		lo, hi = min(lo, wetLo[i].Y, dryLo[i].Y), max(hi, dryHi[i].Y, wetHi[i].Y)
	}
	p.Y.Min = math.Floor(lo - 2)
	p.Y.Max = hi + (hi-lo)*0.55
	return &figure{name: "weather", title: "Weather: dry and wet bulb", draw: drawOf(p),
		caption: fmt.Sprintf("Daily mean and range of the %s means of the outdoor dry-bulb and thermodynamic wet-bulb temperatures. Cooling towers and evaporative coolers are driven by the wet bulb, dry coolers and air-cooled chillers by the dry bulb. ", duration(ser.Interval)) + base}
}

func carbonFigure(s *Site, base string) *figure {
	ser := s.Series
	em := newPlot("", "", "emissions (t CO2 per day)")
	setTimeAxis(em, s)
	el := line(dailyXYs(ser, func(d *Day) float64 { return d.Amount[cCarbon] / 1000 }), vermilion, 1.2, false)
	em.Add(el)
	em.Legend.Add(fmt.Sprintf("daily; whole period %s t", formatNumber(s.Summary.CarbonKg/1000, 0)), el)
	fromZero(em, el.XYs, 1)
	if !ser.Has[cIntensity] {
		em.Title.Text = "Carbon: daily CO2 emissions of the grid electricity"
		return &figure{name: "carbon", title: "Carbon emissions", draw: drawOf(em),
			caption: "Daily CO2 of the electricity drawn from the grid (location-based). " + base}
	}
	ci := newPlot("Carbon: grid carbon intensity and the site's daily emissions", "", "intensity (g CO2/kWh)")
	setTimeAxis(ci, s)
	ci.X.Label.Text = ""
	cl := line(dailyXYs(ser, func(d *Day) float64 { return d.IntensityG }), purple, 1.2, false)
	ci.Add(cl)
	ci.Legend.Add(fmt.Sprintf("daily mean; energy-weighted over the period %s", formatNumber(s.Summary.CarbonIntensity, 0)), cl)
	fromZero(ci, cl.XYs, 1)
	return &figure{name: "carbon", title: "Carbon intensity and emissions", draw: stackPlots(ci, em), height: 12 * vg.Centimeter,
		caption: "Top: daily mean carbon intensity of the grid electricity. Bottom: the site's daily CO2 from the grid electricity it draws (location-based: grid energy × intensity, hour by hour). " + base}
}

// duration prints a report interval as a reader writes it: 1h, 15m, 1d.
func duration(d time.Duration) string {
	switch {
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}
