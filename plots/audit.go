package plots

import (
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// drawnAxis is one axis of a plot as it was drawn: its range, its label and
// the ticks its marker gave for that range.
type drawnAxis struct {
	Min, Max float64
	Label    string
	Ticks    []plot.Tick
	// Midnight is the origin of a calendar axis (values are days since it);
	// zero for other axes.
	Midnight time.Time
}

// drawnPlot is a plot as it was drawn.
type drawnPlot struct {
	Title string
	X, Y  drawnAxis
}

// plotObserver, when not nil, is told of every plot as it is drawn. Tests
// set it (drawing one figure at a time) to check every tick label against
// its value and every axis range against the summary the figure captions.
var plotObserver func(drawnPlot)

// drawPlot draws p on c; every plot of every figure is drawn through it.
func drawPlot(p *plot.Plot, c draw.Canvas) {
	obs := plotObserver
	if obs == nil {
		p.Draw(c)
		return
	}
	var d drawnPlot
	d.Title = p.Title.Text
	xm, ym := p.X.Tick.Marker, p.Y.Tick.Marker
	p.X.Tick.Marker = recordTicks{xm, &d.X}
	p.Y.Tick.Marker = recordTicks{ym, &d.Y}
	p.Draw(c)
	p.X.Tick.Marker, p.Y.Tick.Marker = xm, ym
	for _, a := range []struct {
		from *plot.Axis
		to   *drawnAxis
		m    plot.Ticker
	}{{&p.X, &d.X, xm}, {&p.Y, &d.Y, ym}} {
		a.to.Min, a.to.Max, a.to.Label = a.from.Min, a.from.Max, a.from.Label.Text
		if cal, ok := a.m.(calendar); ok {
			a.to.Midnight = cal.midnight
		}
	}
	obs(d)
}

// drawOf returns a figure's drawing of the single plot p.
func drawOf(p *plot.Plot) func(draw.Canvas) {
	return func(c draw.Canvas) { drawPlot(p, c) }
}

// recordTicks passes the ticks of a marker through, keeping the last set.
type recordTicks struct {
	plot.Ticker
	to *drawnAxis
}

func (r recordTicks) Ticks(lo, hi float64) []plot.Tick {
	t := r.Ticker.Ticks(lo, hi)
	r.to.Ticks = append(r.to.Ticks[:0], t...)
	return t
}
