package plots

import (
	"strconv"

	xfont "golang.org/x/image/font"

	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

var siteColors = []color.RGBA{blue, vermilion, green, orange, purple, skyBlue, black, yellow}

var siteShapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.PyramidGlyph{}, draw.RingGlyph{}, draw.BoxGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}}

// crossCaption states each site's assumptions in brief.
func crossCaption(sites []*Site) string {
	// Sites that share period, step, weather and grid share a line, in the
	// order of their first appearance.
	var descs []string
	names := map[string][]string{}
	for _, s := range sites {
		d := fmt.Sprintf("%s to %s, %s steps; weather %s; grid %s.",
			s.Start.Format("2 Jan 2006"), s.End.Format("2 Jan 2006"), s.Summary.Step, s.Summary.Weather, s.Summary.Carbon)
		if _, ok := names[d]; !ok {
			descs = append(descs, d)
		}
		names[d] = append(names[d], s.Name)
	}
	parts := make([]string, len(descs))
	for i, d := range descs {
		parts[i] = strings.Join(names[d], ", ") + ": " + d
	}
	return strings.Join(parts, "\n")
}

func crossFigures(sites []*Site) []*figure {
	return []*figure{tradeoffFigure(sites), totalsFigure(sites)}
}

func tradeoffFigure(sites []*Site) *figure {
	p := newPlot("Energy–water trade-off: PUE against WUE of each site", "PUE over the period (facility / IT energy)", "WUE over the period (L per IT kWh)")
	var xs, ys []float64
	glyphs := make([]draw.GlyphStyle, len(sites))
	entries := make([]string, len(sites))
	for i, s := range sites {
		sc, err := plotter.NewScatter(plotter.XYs{{X: s.Summary.PUE, Y: s.Summary.WUE}})
		if err != nil {
			panic("plots: " + err.Error())
		}
		sc.GlyphStyle.Color = siteColors[i%len(siteColors)]
		// Colours and shapes cycle with offset periods: up to 64 sites
		// keep distinct pairs.
		sc.GlyphStyle.Shape = siteShapes[(i+i/len(siteColors))%len(siteShapes)]
		sc.GlyphStyle.Radius = 4
		glyphs[i] = sc.GlyphStyle
		p.Add(sc)
		// Points carry a number, the list beside the plot the names: long
		// names of many sites would cover each other and the data.
		entries[i] = fmt.Sprintf("%d  %s: PUE %.3f, WUE %.2f", i+1, s.Name, s.Summary.PUE, s.Summary.WUE)
		lab, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: s.Summary.PUE, Y: s.Summary.WUE}}, Labels: []string{strconv.Itoa(i + 1)}})
		if err != nil {
			panic("plots: " + err.Error())
		}
		lab.TextStyle[0].Font = font.From(sans, 8.5)
		lab.Offset = vg.Point{X: 6, Y: -3}
		p.Add(lab)
		xs = append(xs, s.Summary.PUE)
		ys = append(ys, s.Summary.WUE)
	}
	limits := func(v []float64) (lo, hi float64) {
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, x := range v {
			lo, hi = min(lo, x), max(hi, x)
		}
		span := max(hi-lo, 0.05*math.Abs(hi), 0.01)
		return lo - 0.25*span, hi + 0.25*span
	}
	p.X.Min, p.X.Max = limits(xs)
	p.Y.Min, p.Y.Max = limits(ys)
	sty := textStyle(8.5)
	sty.YAlign = text.YCenter
	lh := sty.FontExtents().Height * 1.35
	draw := func(c draw.Canvas) {
		// The list of sites takes the right-hand column, at most 45 % of
		// the width, the plot the rest.
		var colW vg.Length
		for _, e := range entries {
			colW = max(colW, sty.Width(e))
		}
		colW = min(colW+16, 0.45*(c.Max.X-c.Min.X))
		drawPlot(p, draw.Crop(c, 0, -colW-8, 0, 0))
		x := c.Max.X - colW
		y := c.Max.Y - p.Title.TextStyle.Height(p.Title.Text) - 2*lh
		for i, e := range entries {
			c.DrawGlyph(glyphs[i], vg.Point{X: x + 5, Y: y})
			c.FillText(sty, vg.Point{X: x + 14, Y: y}, e)
			y -= lh
		}
	}
	// Tall enough for the plot and the list.
	height := max(figHeight, lh*vg.Length(len(sites))+4*vg.Centimeter)
	return &figure{name: "sites_pue_wue", title: "Energy–water trade-off", draw: draw, height: height,
		caption: "Lower left is better on both. Evaporative cooling saves electricity (lower PUE) at the cost of water (higher WUE). " + crossCaption(sites)}
}

func totalsFigure(sites []*Site) *figure {
	n := len(sites)
	// Horizontal bars, the sites from top to bottom in their order, names
	// on the first panel only: many sites with long names stay readable.
	names := make([]string, n)
	for i, s := range sites {
		names[n-1-i] = s.Name
	}
	barW := vg.Length(14)
	height := max(figHeight, vg.Length(n)*barW*1.6+5*vg.Centimeter)
	first := true
	panel := func(title, unit string, value func(s *Site) float64) *plot.Plot {
		p := newPlot(title, unit, "")
		p.Title.TextStyle.Font = font.From(sans, 10)
		p.Title.TextStyle.Font.Weight = xfont.WeightBold
		top := 0.0
		for i, s := range sites {
			v := make(plotter.Values, n)
			v[n-1-i] = value(s)
			top = max(top, v[n-1-i])
			b, err := plotter.NewBarChart(v, barW)
			if err != nil {
				panic("plots: " + err.Error())
			}
			b.Horizontal = true
			b.Color = siteColors[i%len(siteColors)]
			b.LineStyle.Width = 0
			p.Add(b)
			// The value at the bar's end: a zero (a dry design's water)
			// reads as zero, not as missing.
			lab, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: v[n-1-i], Y: float64(n - 1 - i)}},
				Labels: []string{strconv.FormatFloat(v[n-1-i], 'g', 3, 64)}})
			if err != nil {
				panic("plots: " + err.Error())
			}
			lab.TextStyle[0].Font = font.From(sans, 7.5)
			lab.TextStyle[0].YAlign = text.YCenter
			lab.Offset = vg.Point{X: 3}
			p.Add(lab)
		}
		if first {
			p.NominalY(names...)
			p.Y.Tick.Label.Font = font.From(sans, 8)
			first = false
		} else {
			p.NominalY(make([]string, n)...)
		}
		p.X.Min, p.X.Max = 0, top*1.2
		return p
	}
	energy := panel("Facility energy", "energy (GWh)", func(s *Site) float64 { return s.Summary.Energy.Facility / 1e6 })
	water := panel("Water withdrawal", "water (thousand m³)", func(s *Site) float64 { return s.Summary.Water.Withdrawal / 1e6 })
	carbon := panel("CO2 emissions", "CO2 (kt)", func(s *Site) float64 { return s.Summary.CarbonKg / 1e6 })
	draw := func(c draw.Canvas) {
		t := textStyle(11)
		t.Font.Weight = xfont.WeightBold
		t.XAlign = -0.5
		t.YAlign = -1
		c.FillText(t, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Max.Y}, "Energy, water and carbon of each site over its period")
		c.Max.Y -= t.Height("E") + 6
		sidePlots(energy, water, carbon)(c)
	}
	return &figure{name: "sites_totals", title: "Energy, water and carbon by site", draw: draw, height: height,
		caption: "Totals over each site's simulated period (compare like periods). " + crossCaption(sites)}
}
