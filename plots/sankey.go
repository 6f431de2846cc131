package plots

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// flowNode is one box of the energy-flow diagram: an amount of energy in a
// column (0: supply, 1: use, 2: where the heat goes).
type flowNode struct {
	Label string
	KWh   float64
	Col   int
	color color.RGBA
}

// flowLink carries energy from one node to another.
type flowLink struct {
	From, To int
	KWh      float64
}

// energyFlow is the Sankey diagram of a site's period: electricity from its
// supplies to its uses, and every use on to heat released.
type energyFlow struct {
	Nodes []flowNode
	Links []flowLink
}

// rawNumber returns the number at a dotted path of summary.json, if any.
func rawNumber(raw map[string]any, path string) (float64, bool) {
	v, ok := lookup(raw, path)
	if !ok {
		return 0, false
	}
	return KPI{Scale: 1}.valueOf(v)
}

// newEnergyFlow builds the diagram from a summary. Supplies are the grid and
// on-site generation; when they differ from the facility's use (storage,
// export), a balancing node says by how much. Heat goes to the atmosphere or
// to reuse; heat the plant could not remove shows as such. Every use splits
// over the supplies and over the heat sinks in proportion, so each node's
// inflow equals its outflow.
func newEnergyFlow(s *Site) energyFlow {
	e := &s.Summary.Energy
	var f energyFlow
	add := func(label string, kwh float64, col int, c color.RGBA) {
		f.Nodes = append(f.Nodes, flowNode{Label: label, KWh: kwh, Col: col, color: c})
	}
	add("grid", e.Grid, 0, black)
	if pv, ok := rawNumber(s.Raw, "energy_kwh.pv"); ok && pv > 0 {
		add("on-site PV", pv, 0, yellow)
	}
	battery := false
	if sup := s.Summary.Supply; sup != nil {
		if sup.GeneratorKWh > 0 {
			add("generators", sup.GeneratorKWh, 0, purple)
		}
		battery = sup.BatteryChargeKWh > 0 || sup.BatteryDischargeKW > 0
	}
	supply := 0.0
	for _, n := range f.Nodes {
		supply += n.KWh
	}
	// With a battery, supply and use differ by its losses and by the change
	// in what it holds; without one, by storage or export the summary does
	// not itemise.
	if d := e.Facility - supply; math.Abs(d) > 1e-9*e.Facility {
		switch {
		case d > 0 && battery:
			add("battery, net discharge", d, 0, grey)
		case d > 0:
			add("from storage", d, 0, grey)
		case battery:
			add("battery losses and charge held", -d, 1, grey)
		default:
			add("to storage or export", -d, 1, grey)
		}
	}
	uses := len(f.Nodes)
	supply = 0
	for _, n := range f.Nodes {
		if n.Col == 0 {
			supply += n.KWh
		}
	}
	add("IT equipment", e.IT, 1, blue)
	add("cooling", e.Cooling, 1, skyBlue)
	add("power-chain losses", e.PowerLoss, 1, vermilion)
	add("lighting and offices", e.Other, 1, yellow)
	sinks := len(f.Nodes)
	reused, _ := rawNumber(s.Raw, "heat_reused_kwh")
	add("heat released to the air", s.Summary.HeatRejected, 2, lighter(vermilion, 0.3))
	if reused > 0 {
		add("heat reused", reused, 2, green)
	}
	if d := e.Facility - s.Summary.HeatRejected - reused; math.Abs(d) > 1e-9*e.Facility {
		add("heat not removed (held in the hall, unmet)", d, 2, purple)
	}
	for u := uses; u < sinks; u++ {
		for i := 0; i < uses; i++ {
			if f.Nodes[i].Col == 0 {
				f.Links = append(f.Links, flowLink{From: i, To: u, KWh: f.Nodes[u].KWh * f.Nodes[i].KWh / supply})
			}
		}
		for k := sinks; k < len(f.Nodes); k++ {
			f.Links = append(f.Links, flowLink{From: u, To: k, KWh: f.Nodes[u].KWh * f.Nodes[k].KWh / e.Facility})
		}
	}
	// A surplus of supply goes to storage or export from the supplies.
	for i := 0; i < uses; i++ {
		if f.Nodes[i].Col == 1 {
			for j := 0; j < i; j++ {
				f.Links = append(f.Links, flowLink{From: j, To: i, KWh: f.Nodes[i].KWh * f.Nodes[j].KWh / supply})
			}
		}
	}
	return f
}

// imbalance returns, for each node, inflow minus node value and outflow
// minus node value where the node has links on that side.
func (f energyFlow) imbalance() (worst float64) {
	in := make([]float64, len(f.Nodes))
	out := make([]float64, len(f.Nodes))
	hasIn := make([]bool, len(f.Nodes))
	hasOut := make([]bool, len(f.Nodes))
	for _, l := range f.Links {
		out[l.From] += l.KWh
		in[l.To] += l.KWh
		hasOut[l.From], hasIn[l.To] = true, true
	}
	for i, n := range f.Nodes {
		if hasIn[i] {
			worst = max(worst, math.Abs(in[i]-n.KWh))
		}
		if hasOut[i] {
			worst = max(worst, math.Abs(out[i]-n.KWh))
		}
	}
	return worst
}

// colTotal returns the energy of a column.
func (f energyFlow) colTotal(col int) float64 {
	t := 0.0
	for _, n := range f.Nodes {
		if n.Col == col {
			t += n.KWh
		}
	}
	return t
}

// sankeyPlotter draws an energyFlow with polygons: bars for nodes, bands
// between them whose widths are proportional to the energy they carry.
type sankeyPlotter struct {
	flow  energyFlow
	total float64
}

func (sp *sankeyPlotter) Plot(c draw.Canvas, _ *plot.Plot) {
	const barW, gap = vg.Length(9), vg.Length(18)
	label := textStyle(8.5)
	lineH := label.FontExtents().Height
	c.Min.Y += lineH * 1.2 // room for the lowest label's second line
	c.Max.Y -= lineH * 0.8 // and for the first line of a thin top node's label
	// Room for two-line labels: left of column 0, right of columns 1 and 2.
	var room [3]vg.Length
	for _, n := range sp.flow.Nodes {
		for _, l := range sp.label(n) {
			room[n.Col] = max(room[n.Col], label.Width(l))
		}
	}
	x0 := c.Min.X + room[0] + 6
	x2 := c.Max.X - room[2] - 6 - barW
	// The middle column sits so that its labels clear the right column.
	x1 := min(x0+(x2-x0)*0.4, x2-room[1]-barW-30)
	xs := [3]vg.Length{x0, x1, x2}
	var count [3]int
	for _, nd := range sp.flow.Nodes {
		count[nd.Col]++
	}
	height := c.Max.Y - c.Min.Y
	scale := (height - gap*vg.Length(max(count[0], count[1], count[2])-1)) / vg.Length(sp.total)
	// Node positions: top to bottom within a column, centred.
	top := make([]vg.Length, len(sp.flow.Nodes))
	for col := 0; col < 3; col++ {
		used := vg.Length(sp.flow.colTotal(col))*scale + gap*vg.Length(count[col]-1)
		y := c.Max.Y - (height-used)/2
		for i, nd := range sp.flow.Nodes {
			if nd.Col == col {
				top[i] = y
				y -= vg.Length(nd.KWh)*scale + gap
			}
		}
	}
	outCur := append([]vg.Length(nil), top...)
	inCur := append([]vg.Length(nil), top...)
	for _, l := range sp.flow.Links {
		w := vg.Length(l.KWh) * scale
		a, b := sp.flow.Nodes[l.From], sp.flow.Nodes[l.To]
		xa, xb := xs[a.Col]+barW, xs[b.Col]
		ya, yb := outCur[l.From], inCur[l.To]
		outCur[l.From] -= w
		inCur[l.To] -= w
		col := b.color
		if b.Col == 2 {
			col = a.color
		}
		c.SetColor(color.NRGBA{col.R, col.G, col.B, 0x70})
		c.Fill(bandPath(xa, xb, ya, yb, w))
	}
	for i, n := range sp.flow.Nodes {
		h := vg.Length(n.KWh) * scale
		x := xs[n.Col]
		r := vg.Rectangle{Min: vg.Point{X: x, Y: top[i] - h}, Max: vg.Point{X: x + barW, Y: top[i]}}
		c.SetColor(n.color)
		c.Fill(r.Path())
		lab := label
		lines := sp.label(n)
		mid := top[i] - h/2
		tx := x + barW + 3
		if n.Col == 0 {
			lab.XAlign = text.XRight
			tx = x - 3
		}
		if n.Col == 1 {
			// a light backing keeps the label readable over the flows
			w := max(label.Width(lines[0]), label.Width(lines[1]))
			c.SetColor(color.NRGBA{0xff, 0xff, 0xff, 0xc0})
			c.Fill(vg.Rectangle{Min: vg.Point{X: tx - 1, Y: mid - lineH}, Max: vg.Point{X: tx + w + 1, Y: mid + lineH}}.Path())
		}
		c.FillText(lab, vg.Point{X: tx, Y: mid}, lines[0])
		c.FillText(lab, vg.Point{X: tx, Y: mid - lineH*0.95}, lines[1])
	}
}

// bandPath is a flow band of width w from (xa, ya) to (xb, yb) (top edges),
// its edges following a smooth step.
func bandPath(xa, xb, ya, yb, w vg.Length) vg.Path {
	const steps = 24
	var path vg.Path
	at := func(k int, dy vg.Length) vg.Point {
		t := float64(k) / steps
		s := vg.Length(t * t * (3 - 2*t))
		return vg.Point{X: xa + (xb-xa)*vg.Length(t), Y: ya + (yb-ya)*s - dy}
	}
	path.Move(at(0, 0))
	for k := 1; k <= steps; k++ {
		path.Line(at(k, 0))
	}
	for k := steps; k >= 0; k-- {
		path.Line(at(k, w))
	}
	path.Close()
	return path
}

// label returns a node's name and its energy with its share.
func (sp *sankeyPlotter) label(n flowNode) [2]string {
	return [2]string{n.Label, fmt.Sprintf("%s MWh (%s %%)", formatNumber(n.KWh/1000, 0), formatNumber(100*n.KWh/sp.total, 1))}
}

func sankeyFigure(s *Site, base string) *figure {
	f := newEnergyFlow(s)
	if s.Summary.Energy.Facility <= 0 {
		return nil
	}
	p := newPlot("Energy flow: electricity in, through IT, cooling and losses, out as heat", "", "")
	p.HideAxes()
	p.Add(&sankeyPlotter{flow: f, total: max(f.colTotal(0), f.colTotal(1), f.colTotal(2))})
	return &figure{name: "energy_flow", title: "Energy flow", draw: drawOf(p),
		caption: "Energy over the whole period, MWh, with shares of the facility energy. Every use splits over the supplies and the heat sinks in proportion; each box's inflow equals its outflow. All electricity ends as heat: released to the air (towers, dry coolers, condensers, exhaust air, the outdoor transformer, offices) or reused. Supplies are the grid, on-site PV used and standby generators; a battery shows by its net effect. " + base}
}
