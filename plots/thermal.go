package plots

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/dctwin/dctwin/sim"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// facilityWaterFigure answers "does the facility water stay inside its W
// class?": the daily highest and mean supply temperature against the class
// limit, with the hours above it.
func facilityWaterFigure(s *Site, base string) (*figure, string) {
	fw := s.Summary.Design.FacilityWater
	if fw == nil {
		if s.Summary.Design.Kind == "" {
			return nil, "facility water (summary.json has no cooling design: an output of an older dctwin)"
		}
		return nil, "facility water (the design has no facility-water loop)"
	}
	ser := s.Series
	if !ser.Has[cFacilitySupply] {
		return nil, "facility water (timeseries.csv lacks the facility_supply_c column)"
	}
	p := newPlot(fmt.Sprintf("Facility water against its class: daily supply temperature and the %s limit", fw.Class), "", "facility-water supply (°C)")
	setTimeAxis(p, s)
	hi := dailyXYs(ser, func(d *Day) float64 { return d.Max[cFacilitySupply] })
	mean := dailyXYs(ser, func(d *Day) float64 { return d.Mean[cFacilitySupply] })
	hl := line(hi, vermilion, 1.2, false)
	ml := line(mean, blue, 1.2, false)
	limit := line(plotter.XYs{{X: p.X.Min, Y: fw.LimitC}, {X: p.X.Max, Y: fw.LimitC}}, black, 1, true)
	set := line(plotter.XYs{{X: p.X.Min, Y: fw.SetpointC}, {X: p.X.Max, Y: fw.SetpointC}}, grey, 0.8, true)
	p.Add(set, limit, hl, ml)
	p.Legend.Add(fmt.Sprintf("daily highest %s mean (period %s °C)", duration(ser.Interval), formatNumber(fw.MaxSupplyC, 1)), hl)
	p.Legend.Add(fmt.Sprintf("daily mean (period %s °C)", formatNumber(fw.MeanSupplyC, 1)), ml)
	p.Legend.Add(fmt.Sprintf("%s limit %s °C: %s h above it", fw.Class, formatNumber(fw.LimitC, 0), formatNumber(fw.HoursAboveClass, 1)), limit)
	p.Legend.Add(fmt.Sprintf("supply set point %s °C", formatNumber(fw.SetpointC, 1)), set)
	lo, top := fw.SetpointC, fw.LimitC
	for i := range hi {
		lo, top = min(lo, mean[i].Y), max(top, hi[i].Y)
	}
	span := max(top-lo, 2)
	p.Y.Min = math.Floor(lo - 0.3*span)
	p.Y.Max = top + span*0.9
	return &figure{name: "facility_water", title: "Facility-water supply against its W class", draw: drawOf(p),
		caption: fmt.Sprintf("The temperature of the facility water supplied to the liquid-cooled IT (coolant distribution units), daily highest and mean of the %s rows, against the limit of ASHRAE liquid-cooling class %s. Hours above the class are from summary.json (per simulation step); the trim chillers of the facility loop ran %s h. ", duration(ser.Interval), fw.Class, formatNumber(fw.TrimHours, 1)) + base}, ""
}

// coolingModesFigure answers "how often does the design evaporate water,
// and how often does it need compressors?": hours per month of each.
func coolingModesFigure(s *Site, base string) (*figure, string) {
	d := &s.Summary.Design
	switch {
	case d.Kind == "":
		return nil, "cooling modes (summary.json has no cooling design: an output of an older dctwin)"
	case d.Kind == "chilled-water":
		return nil, "cooling modes (a chilled-water plant: its towers and chillers show in the water and power figures)"
	case d.EvaporativeHours <= 0 && d.TrimHours <= 0:
		return nil, "cooling modes (no hour with evaporative cooling or compressors)"
	}
	ser := s.Series
	if !ser.Has[cEvaporativeFrac] || !ser.Has[cTrimFrac] {
		return nil, "cooling modes (timeseries.csv lacks the evaporative_frac and trim_frac columns)"
	}
	months, evap := ser.monthly(func(d *Day) float64 { return d.Mean[cEvaporativeFrac] * d.Hours })
	_, trim := ser.monthly(func(d *Day) float64 { return d.Mean[cTrimFrac] * d.Hours })
	_, hours := ser.monthly(func(d *Day) float64 { return d.Hours })
	p := newPlot("When the design evaporates water and runs compressors: hours per month", "", "hours in the month (h)")
	var names []string
	var vals []plotter.Values
	var cols []color.RGBA
	if d.EvaporativeHours > 0 {
		names = append(names, fmt.Sprintf("evaporative cooling or spray (%s h over the period)", formatNumber(d.EvaporativeHours, 0)))
		vals, cols = append(vals, evap), append(cols, skyBlue)
	}
	if d.TrimHours > 0 {
		names = append(names, fmt.Sprintf("compressors, partly or fully (%s h over the period)", formatNumber(d.TrimHours, 0)))
		vals, cols = append(vals, trim), append(cols, vermilion)
	}
	bars(p, names, vals, cols)
	p.NominalX(monthLabels(months)...)
	hl, err := plotter.NewScatter(monthPoints(hours))
	if err != nil {
		panic("plots: " + err.Error())
	}
	hl.GlyphStyle.Shape = draw.BoxGlyph{}
	hl.GlyphStyle.Radius = 2
	hl.GlyphStyle.Color = grey
	p.Add(hl)
	p.Legend.Add("hours of the month inside the period", hl)
	p.Y.Min = 0
	p.Y.Max = maxOf(evap, trim, hours) * (1.15 + 0.1*float64(len(vals)+1))
	return &figure{name: "cooling_modes", title: "Hours with evaporative cooling and with compressors", draw: drawOf(p),
		caption: fmt.Sprintf("Design: %s. Hours of each month in which evaporative coolers or the adiabatic spray ran (they use water) and in which chillers or trim chillers ran (they use the most electricity), from the fractions of the %s rows. ", d.Kind, duration(ser.Interval)) + base}, ""
}

func monthPoints(v []float64) plotter.XYs {
	xys := make(plotter.XYs, len(v))
	for i, x := range v {
		xys[i] = plotter.XY{X: float64(i), Y: x}
	}
	return xys
}

// maxEventPanels is how many events the figure draws; the report's table
// lists them all.
const maxEventPanels = 4

// eventsFigure answers "what did each failure do to the racks?": the
// warmest rack inlet and the room air around each event, against the
// class's limits.
func eventsFigure(s *Site, base string) (*figure, string) {
	events := s.Summary.Events
	if len(events) == 0 {
		if s.Summary.Thermal.Class == "" {
			return nil, "failure events (summary.json has no thermal results: an output of an older dctwin)"
		}
		return nil, "failure events (the site file has none)"
	}
	ser := s.Series
	if ser.RackInletC == nil {
		return nil, "failure events (timeseries.csv lacks the rack_inlet_max_c column)"
	}
	th := &s.Summary.Thermal
	loc := s.Start.Location()
	iv := ser.Interval
	var panels []*plot.Plot
	var drawn []sim.EventSummary
	for _, i := range pickEvents(events, maxEventPanels) {
		ev := events[i]
		start, err1 := time.Parse(time.RFC3339, ev.Start)
		end, err2 := time.Parse(time.RFC3339, ev.End)
		if err1 != nil || err2 != nil {
			continue
		}
		before := max(time.Hour, 6*iv)
		after := max(2*time.Hour, 12*iv, end.Sub(start)/2)
		from := max(0, int(start.Add(-before).Sub(s.Start)/iv))
		to := min(len(ser.RackInletC), int((end.Add(after).Sub(s.Start)+iv-1)/iv))
		if to <= from {
			continue
		}
		hours := func(i int) float64 { return (s.Start.Add(time.Duration(i)*iv + iv/2).Sub(start)).Hours() }
		var inlet, room plotter.XYs
		lo, hi := th.RecommendedC[0], th.AllowableC[1]
		for i := from; i < to; i++ {
			inlet = append(inlet, plotter.XY{X: hours(i), Y: float64(ser.RackInletC[i])})
			lo, hi = min(lo, float64(ser.RackInletC[i])), max(hi, float64(ser.RackInletC[i]))
			if ser.RoomAirC != nil {
				room = append(room, plotter.XY{X: hours(i), Y: float64(ser.RoomAirC[i])})
				lo, hi = min(lo, float64(ser.RoomAirC[i])), max(hi, float64(ser.RoomAirC[i]))
			}
		}
		verdict := "inlets stayed within the allowable range"
		if ev.RideThroughMin != nil {
			verdict = fmt.Sprintf("allowable passed after %s min", formatNumber(*ev.RideThroughMin, 1))
		}
		p := newPlot(fmt.Sprintf("%s, %s\n%s", ev.Kind, start.In(loc).Format("2 Jan 15:04"), verdict), "hours from the event's start (h)", "temperature (°C)")
		p.Title.TextStyle.Font.Size = 8.5
		x0, x1 := hours(from)-iv.Hours()/2, hours(to-1)+iv.Hours()/2
		span := band(plotter.XYs{{X: 0, Y: lo - 100}, {X: end.Sub(start).Hours(), Y: lo - 100}},
			plotter.XYs{{X: 0, Y: hi + 100}, {X: end.Sub(start).Hours(), Y: hi + 100}}, lighter(grey, 0.7))
		p.Add(span)
		allow := line(plotter.XYs{{X: x0, Y: th.AllowableC[1]}, {X: x1, Y: th.AllowableC[1]}}, black, 1, true)
		rec := line(plotter.XYs{{X: x0, Y: th.RecommendedC[1]}, {X: x1, Y: th.RecommendedC[1]}}, grey, 1, true)
		p.Add(rec, allow)
		il := line(inlet, vermilion, 1.3, false)
		p.Add(il)
		if len(panels) == 0 {
			p.Legend.Add("warmest rack inlet", il)
		}
		if room != nil {
			rl := line(room, blue, 1.1, false)
			p.Add(rl)
			if len(panels) == 0 {
				p.Legend.Add("room air", rl)
			}
		}
		if len(panels) == 0 {
			p.Legend.Add(fmt.Sprintf("%s allowable %s °C", th.Class, formatNumber(th.AllowableC[1], 0)), allow)
			p.Legend.Add(fmt.Sprintf("recommended %s °C", formatNumber(th.RecommendedC[1], 0)), rec)
			p.Legend.Add("the event", span)
			p.Legend.TextStyle.Font.Size = 7.5
		}
		p.X.Min, p.X.Max = x0, x1
		p.Y.Min = math.Floor(lo - 2)
		p.Y.Max = hi + (hi-lo)*0.7
		panels = append(panels, p)
		drawn = append(drawn, ev)
	}
	if len(panels) == 0 {
		return nil, "failure events (no event has a time inside the rows)"
	}
	cols := min(2, len(panels))
	rows := (len(panels) + cols - 1) / cols
	grid := make([][]*plot.Plot, rows)
	for i := range grid {
		grid[i] = make([]*plot.Plot, cols)
	}
	for i, p := range panels {
		grid[i/cols][i%cols] = p
	}
	drawGrid := func(c draw.Canvas) {
		canvases := plot.Align(grid, draw.Tiles{Rows: rows, Cols: cols, PadX: 8, PadY: 6}, c)
		for i, p := range panels {
			drawPlot(p, canvases[i/cols][i%cols])
		}
	}
	more := ""
	if len(events) > len(panels) {
		more = fmt.Sprintf(" %d of %d events are drawn, those that passed the allowable limit first; the report's table lists them all.", len(panels), len(events))
	}
	note := ""
	if iv > time.Minute {
		note = fmt.Sprintf(" The curves are %s means: an event of minutes shows as one row or less, and its peak is averaged down (the peak inlet of the table is per simulation step). Run with -report-interval 1m to see the first minutes of an event.", duration(iv))
	}
	kinds := make([]string, 0, len(panels))
	for _, ev := range drawn {
		kinds = append(kinds, ev.Kind)
	}
	return &figure{name: "events", title: "Failure events: rack inlet and room air", draw: drawGrid, height: vg.Length(rows)*7*vg.Centimeter + 2*vg.Centimeter,
		caption: fmt.Sprintf("For each failure event (%s), the warmest rack inlet and the room air from before its start to after its effect ended (shaded), against the limits of ASHRAE class %s (recommended up to %s °C, allowable up to %s °C). ",
			strings.Join(kinds, ", "), th.Class, formatNumber(th.RecommendedC[1], 0), formatNumber(th.AllowableC[1], 0)) + strings.TrimSpace(more+note) + " " + base}, ""
}

// pickEvents returns the indices of up to n events, in their order: those
// that took the inlets past the allowable limit first, then the others.
func pickEvents(events []sim.EventSummary, n int) []int {
	var pick []int
	for pass := 0; pass < 2; pass++ {
		for i, ev := range events {
			if len(pick) < n && (ev.RideThroughMin != nil) == (pass == 0) {
				pick = append(pick, i)
			}
		}
	}
	slices.Sort(pick)
	return pick
}
