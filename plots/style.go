package plots

import (
	xfont "golang.org/x/image/font"

	"bytes"
	"fmt"
	"image/color"
	imagepng "image/png"
	"math"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design: how to
// make figures and presentations that are friendly to colorblind people"),
// distinguishable with protanopia, deuteranopia and tritanopia.
var (
	black     = color.RGBA{0x00, 0x00, 0x00, 0xff}
	orange    = color.RGBA{0xe6, 0x9f, 0x00, 0xff}
	skyBlue   = color.RGBA{0x56, 0xb4, 0xe9, 0xff}
	green     = color.RGBA{0x00, 0x9e, 0x73, 0xff}
	yellow    = color.RGBA{0xf0, 0xe4, 0x42, 0xff}
	blue      = color.RGBA{0x00, 0x72, 0xb2, 0xff}
	vermilion = color.RGBA{0xd5, 0x5e, 0x00, 0xff}
	purple    = color.RGBA{0xcc, 0x79, 0xa7, 0xff}
	grey      = color.RGBA{0x99, 0x99, 0x99, 0xff}
)

// lighter mixes c with white: share 0..1 of white.
func lighter(c color.RGBA, share float64) color.RGBA {
	mix := func(x uint8) uint8 { return uint8(math.Round(float64(x) + (255-float64(x))*share)) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xff}
}

// Figure size: the width of an A4 page's text block (17 cm) at a height
// that keeps a figure and its caption on a third of the page.
var (
	figWidth  = 17 * vg.Centimeter
	figHeight = 9.5 * vg.Centimeter
	pngDPI    = 150
)

var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

func textStyle(size vg.Length) text.Style {
	return text.Style{Color: black, Font: font.From(sans, size), Handler: plot.DefaultTextHandler}
}

// newPlot returns a plot in the house style: a sans font sized for print,
// title on top, light grid.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sans, 11)
	p.Title.TextStyle.Font.Weight = xfont.WeightBold
	p.Title.Padding = 6
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, 9.5)
		a.Tick.Label.Font = font.From(sans, 8.5)
		a.Padding = 2
	}
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.Y.Tick.Marker = precise{}
	p.X.Tick.Marker = precise{}
	p.Legend.TextStyle.Font = font.From(sans, 8.5)
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.XOffs = 4
	p.Legend.YOffs = -2
	p.Legend.ThumbnailWidth = 14
	return p
}

// precise is a ticker whose labels print their tick's value exactly, all
// with the same decimals (1.15, 1.20 rather than 1.15, 1.2), with commas
// between thousands. The decimals come from the values themselves, not from
// the step between them: a tick at 1.15 is labelled so, never rounded to
// 1.2 (gonum's default ticks can fall between round values).
type precise struct{}

func (precise) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	// Major ticks at whole multiples of a round step (1, 2, 2.5 or 5 times a
	// power of ten) that gives three to seven of them; a minor tick halfway.
	step := niceStep((hi - lo) / 6)
	d := exactDecimals(step / 2)
	snap := func(x float64) float64 { return math.Round(x*math.Pow10(d)) / math.Pow10(d) }
	var ticks []plot.Tick
	decimals := 0
	for k := math.Ceil(lo/step*2 - 1e-9); k <= math.Floor(hi/step*2+1e-9); k++ {
		v := snap(k * step / 2)
		if v < lo || v > hi {
			continue
		}
		t := plot.Tick{Value: v}
		if math.Mod(k, 2) == 0 {
			t.Label = "major"
			decimals = max(decimals, exactDecimals(v))
		}
		ticks = append(ticks, t)
	}
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = formatNumber(ticks[i].Value, decimals)
		}
	}
	return ticks
}

// niceStep returns the smallest of 1, 2, 2.5 and 5 times a power of ten
// that is at least x.
func niceStep(x float64) float64 {
	mag := math.Pow10(int(math.Floor(math.Log10(x))))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= x*(1-1e-12) {
			return m * mag
		}
	}
	return 10 * mag
}

// maxDecimals bounds the decimals of a tick label.
const maxDecimals = 9

// exactDecimals returns the fewest decimals that print x exactly, up to the
// rounding error of its float64 (1.1500000000000001 needs 2).
func exactDecimals(x float64) int {
	for d := 0; d < maxDecimals; d++ {
		scaled := x * math.Pow10(d)
		if math.Abs(scaled-math.Round(scaled)) <= 1e-9*max(1, math.Abs(scaled)) {
			return d
		}
	}
	return maxDecimals
}

// formatNumber prints x with decimals and a comma between thousands.
func formatNumber(x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if s == "-"+strconv.FormatFloat(0, 'f', decimals, 64) {
		s = s[1:]
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, fracPart, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if fracPart != "" {
		b.WriteByte('.')
		b.WriteString(fracPart)
	}
	return b.String()
}

// calendar is a ticker for a time axis in days since the site's first
// midnight: days over short periods; month starts, labelled Jan..Dec, over
// a year; over longer periods only every quarter (up to three years) or
// every year is labelled, the months between marked, so that a ten-year run
// does not print 120 overlapping month names.
type calendar struct{ midnight time.Time }

func (c calendar) Ticks(lo, hi float64) []plot.Tick {
	at := func(t time.Time) float64 { return t.Sub(c.midnight).Hours() / 24 }
	var ticks []plot.Tick
	span := hi - lo
	first := c.midnight.AddDate(0, 0, int(math.Floor(lo)))
	switch {
	case span > 62:
		labelEvery := 1 // months between labels
		switch {
		case span > 3*366:
			labelEvery = 12
		case span > 400:
			labelEvery = 3
		}
		y, m, _ := first.Date()
		for t := time.Date(y, m, 1, 0, 0, 0, 0, c.midnight.Location()); at(t) <= hi; t = t.AddDate(0, 1, 0) {
			if at(t) < lo {
				continue
			}
			tk := plot.Tick{Value: at(t)}
			if (int(t.Month())-1)%labelEvery == 0 {
				switch {
				case labelEvery == 12:
					tk.Label = t.Format("2006")
				case labelEvery == 3 && t.Month() == time.January:
					tk.Label = t.Format("Jan\n2006")
				default:
					tk.Label = t.Format("Jan")
				}
			}
			ticks = append(ticks, tk)
			// a minor tick mid-month over a year or less
			if mid := at(t.AddDate(0, 0, 14)); mid <= hi && labelEvery == 1 {
				ticks = append(ticks, plot.Tick{Value: mid})
			}
		}
	default:
		every := 1
		if span > 16 {
			every = 7
		}
		for t, i := first, 0; at(t) <= hi; t, i = t.AddDate(0, 0, 1), i+1 {
			if at(t) < lo {
				continue
			}
			if i%every == 0 {
				ticks = append(ticks, plot.Tick{Value: at(t), Label: t.Format("Jan 2")})
			} else {
				ticks = append(ticks, plot.Tick{Value: at(t)})
			}
		}
	}
	return ticks
}

// timeAxisLabel names the calendar of a site's time axis.
func timeAxisLabel(midnight time.Time, last time.Time) string {
	_, off := midnight.Zone()
	zone := "UTC"
	if off != 0 {
		sign := "+"
		if off < 0 {
			sign, off = "−", -off
		}
		zone = fmt.Sprintf("UTC%s%02d:%02d", sign, off/3600, off%3600/60)
	}
	years := midnight.Format("2006")
	if last.Year() != midnight.Year() {
		years += "–" + last.Format("2006")
	}
	return fmt.Sprintf("%s, site standard time (%s)", years, zone)
}

// figure is a drawn figure: a plot (or a custom drawing) with a caption
// beneath it.
type figure struct {
	name    string // file name without extension
	title   string // for the report
	caption string
	draw    func(c draw.Canvas)
	height  vg.Length
}

// captionLines wraps the caption to the width.
func captionLines(sty text.Style, caption string, width vg.Length) []string {
	var lines []string
	for _, para := range strings.Split(caption, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			try := w
			if line != "" {
				try = line + " " + w
			}
			if line != "" && sty.Width(try) > width {
				lines = append(lines, line)
				line = w
			} else {
				line = try
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// render draws the figure with its caption onto c.
func (f *figure) render(c vg.CanvasSizer) {
	w, h := c.Size()
	dc := draw.New(c)
	// White page.
	dc.SetColor(color.White)
	dc.Fill(vg.Path{{Type: vg.MoveComp, Pos: vg.Point{}}, {Type: vg.LineComp, Pos: vg.Point{X: w}},
		{Type: vg.LineComp, Pos: vg.Point{X: w, Y: h}}, {Type: vg.LineComp, Pos: vg.Point{Y: h}}, {Type: vg.CloseComp}})
	sty, lines, lh, capH := f.captionLayout(w)
	margin := captionMargin
	for i, line := range lines {
		dc.FillText(sty, vg.Point{X: margin, Y: capH - margin/2 - lh*vg.Length(i+1) + lh*0.25}, line)
	}
	// A rule between figure and caption.
	dc.SetColor(color.RGBA{0xcc, 0xcc, 0xcc, 0xff})
	dc.SetLineWidth(0.5)
	dc.Stroke(vg.Path{{Type: vg.MoveComp, Pos: vg.Point{X: margin, Y: capH}}, {Type: vg.LineComp, Pos: vg.Point{X: w - margin, Y: capH}}})
	area := draw.Crop(dc, margin, -margin, capH+margin/2, -margin/2)
	f.draw(area)
}

const captionMargin = vg.Length(6)

// captionLayout breaks the caption into lines for a figure w wide and
// returns its style, lines, line height and the height it takes.
func (f *figure) captionLayout(w vg.Length) (sty text.Style, lines []string, lh, capH vg.Length) {
	sty = textStyle(7.5)
	sty.Color = color.RGBA{0x33, 0x33, 0x33, 0xff}
	lines = captionLines(sty, f.caption, w-2*captionMargin)
	lh = sty.FontExtents().Height * 1.15
	return sty, lines, lh, lh*vg.Length(len(lines)) + captionMargin
}

// minPlotShare is the least share of a figure's nominal height left to its
// plots: a longer caption (many sites) makes the figure taller instead of
// squeezing the plots.
const minPlotShare = 0.75

// encode renders the figure as PNG and as SVG.
func (f *figure) encode() (png, svg []byte, err error) {
	h := f.height
	if h == 0 {
		h = figHeight
	}
	if _, _, _, capH := f.captionLayout(figWidth); capH > (1-minPlotShare)*h {
		h = capH + minPlotShare*h
	}
	img := vgimg.NewWith(vgimg.UseWH(figWidth, h), vgimg.UseDPI(pngDPI))
	f.render(img)
	var pb, sb bytes.Buffer
	// Fast compression: the default spends more time than all the drawing
	// for files a few tens of per cent smaller.
	enc := imagepng.Encoder{CompressionLevel: imagepng.BestSpeed}
	if err := enc.Encode(&pb, img.Image()); err != nil {
		return nil, nil, fmt.Errorf("%s.png: %w", f.name, err)
	}
	sc := vgsvg.New(figWidth, h)
	f.render(sc)
	if _, err := sc.WriteTo(&sb); err != nil {
		return nil, nil, fmt.Errorf("%s.svg: %w", f.name, err)
	}
	// Liberation Sans has the metrics of Arial: a viewer without it keeps
	// the layout with Arial or Helvetica rather than a default serif.
	svg = bytes.ReplaceAll(sb.Bytes(), []byte("font-family:Liberation Sans;"), []byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
	return pb.Bytes(), svg, nil
}

// stackPlots draws plots one above the other, sharing the x axis width.
func stackPlots(ps ...*plot.Plot) func(draw.Canvas) {
	return func(c draw.Canvas) {
		tiles := draw.Tiles{Rows: len(ps), Cols: 1, PadY: 4}
		grid := [][]*plot.Plot{}
		for _, p := range ps {
			grid = append(grid, []*plot.Plot{p})
		}
		canvases := plot.Align(grid, tiles, c)
		for i, p := range ps {
			drawPlot(p, canvases[i][0])
		}
	}
}

// sidePlots draws plots side by side.
func sidePlots(ps ...*plot.Plot) func(draw.Canvas) {
	return func(c draw.Canvas) {
		tiles := draw.Tiles{Rows: 1, Cols: len(ps), PadX: 8}
		canvases := plot.Align([][]*plot.Plot{ps}, tiles, c)
		for i, p := range ps {
			drawPlot(p, canvases[0][i])
		}
	}
}
