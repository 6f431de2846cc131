package plots

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// hasSupply reports whether a site has on-site supply or a grid limit worth
// a figure, and if not, which figure and why.
func hasSupply(s *Site) (bool, string) {
	sup, lim := s.Summary.Supply, s.Summary.GridLimit
	if sup == nil || lim == nil {
		return false, "on-site supply (summary.json has no supply ledger: an output of an older dctwin)"
	}
	if sup.PVGeneratedKWh <= 0 && sup.BatteryChargeKWh <= 0 && sup.BatteryDischargeKW <= 0 && sup.GeneratorKWh <= 0 && lim.LimitKW <= 0 {
		return false, "on-site supply (no PV, battery or generator that ran, and no grid connection limit)"
	}
	ser := s.Series
	if !ser.Has[cPV] || !ser.Has[cBatteryCharge] || !ser.Has[cBatteryDischarge] || !ser.Has[cGenerator] {
		return false, "on-site supply (timeseries.csv lacks the pv_kw, battery and generator_kw columns)"
	}
	return true, ""
}

// supplyFigure answers "does the site stay within its grid connection, and
// what do PV, battery and generators do for it?": daily grid draw against
// the limit, on-site supply, and the battery's work and state of charge.
func supplyFigure(s *Site, base string) *figure {
	ser := s.Series
	sup, lim := s.Summary.Supply, s.Summary.GridLimit
	p := newPlot("On-site supply and the grid connection: daily grid draw against the limit", "", "power (kW)")
	setTimeAxis(p, s)
	peak := dailyXYs(ser, func(d *Day) float64 { return d.Max[cGrid] })
	mean := dailyXYs(ser, func(d *Day) float64 { return d.KWh[cGrid] / d.Hours })
	pl := line(peak, blue, 1.2, false)
	ml := line(mean, skyBlue, 1.2, false)
	p.Add(pl, ml)
	p.Legend.Add(fmt.Sprintf("grid draw, daily highest %s mean", duration(ser.Interval)), pl)
	p.Legend.Add("grid draw, daily mean", ml)
	top := 0.0
	for _, xy := range peak {
		top = max(top, xy.Y)
	}
	n := 2
	if lim.LimitKW > 0 {
		ll := line(plotter.XYs{{X: p.X.Min, Y: lim.LimitKW}, {X: p.X.Max, Y: lim.LimitKW}}, vermilion, 1, true)
		p.Add(ll)
		p.Legend.Add(fmt.Sprintf("connection limit %s kW (demand net of PV above it %s h)", formatNumber(lim.LimitKW, 0), formatNumber(lim.HoursAtLimit, 1)), ll)
		top = max(top, lim.LimitKW)
		n++
	}
	if sup.PVGeneratedKWh > 0 {
		pv := line(dailyXYs(ser, func(d *Day) float64 { return d.KWh[cPV] / d.Hours }), orange, 1.2, false)
		p.Add(pv)
		p.Legend.Add(fmt.Sprintf("PV used, daily mean (%s MWh over the period)", formatNumber(s.Summary.Energy.PV/1000, 1)), pv)
		n++
	}
	if sup.GeneratorKWh > 0 {
		gen := dailyXYs(ser, func(d *Day) float64 { return d.Max[cGenerator] })
		gl := line(gen, purple, 1.2, false)
		p.Add(gl)
		p.Legend.Add(fmt.Sprintf("generators, daily highest %s mean (%s MWh in %s h)", duration(ser.Interval), formatNumber(sup.GeneratorKWh/1000, 1), formatNumber(sup.GeneratorHours, 1)), gl)
		for _, xy := range gen {
			top = max(top, xy.Y)
		}
		n++
	}
	p.Y.Min = 0
	p.Y.Max = top / max(0.3, 0.92-0.085*float64(n))
	caption := fmt.Sprintf("Top: the highest %s mean grid draw of each day and the daily mean, against the interconnection limit; on-site PV used as a daily mean; generator output as the highest row of the day (generators run for minutes in outages). ", duration(ser.Interval))
	panels := []*plot.Plot{p}

	// What the limit cost: IT paused and load not served.
	unserved := s.Summary.UnservedKWh
	if (lim.ShedITKWh > 0 && ser.Has[cShed]) || (unserved > 0 && ser.Has[cUnserved]) {
		lp := newPlot("", "", "load shed (kW)")
		setTimeAxis(lp, s)
		var all plotter.XYs
		k := 0
		if lim.ShedITKWh > 0 && ser.Has[cShed] {
			sh := dailyXYs(ser, func(d *Day) float64 { return d.Max[cShed] })
			sl := line(sh, green, 1.2, false)
			lp.Add(sl)
			lp.Legend.Add(fmt.Sprintf("flexible IT paused, daily highest (%s MWh over the period)", formatNumber(lim.ShedITKWh/1000, 1)), sl)
			all = append(all, sh...)
			k++
		}
		if unserved > 0 && ser.Has[cUnserved] {
			un := dailyXYs(ser, func(d *Day) float64 { return d.Max[cUnserved] })
			ul := line(un, black, 1.2, true)
			lp.Add(ul)
			lp.Legend.Add(fmt.Sprintf("load not served, daily highest (%s MWh)", formatNumber(unserved/1000, 1)), ul)
			all = append(all, un...)
			k++
		}
		fromZero(lp, all, k)
		panels = append(panels, lp)
		caption += fmt.Sprintf("Next: the highest %s mean of the flexible IT load paused at the limit and of the load no supply could meet. ", duration(ser.Interval))
	}
	if sup.BatteryChargeKWh > 0 || sup.BatteryDischargeKW > 0 {
		b := newPlot("", "", "battery (MWh per day)")
		setTimeAxis(b, s)
		ch := dailyXYs(ser, func(d *Day) float64 { return d.KWh[cBatteryCharge] / 1000 })
		dis := dailyXYs(ser, func(d *Day) float64 { return d.KWh[cBatteryDischarge] / 1000 })
		cl := line(ch, green, 1.2, false)
		dl := line(dis, vermilion, 1.2, true)
		b.Add(cl, dl)
		b.Legend.Add(fmt.Sprintf("charged (%s MWh over the period)", formatNumber(sup.BatteryChargeKWh/1000, 1)), cl)
		b.Legend.Add(fmt.Sprintf("discharged (%s MWh; losses %s MWh)", formatNumber(sup.BatteryDischargeKW/1000, 1), formatNumber(sup.BatteryLossKWh/1000, 1)), dl)
		fromZero(b, append(append(plotter.XYs{}, ch...), dis...), 2)

		soc := newPlot("", "", "state of charge (%)")
		setTimeAxis(soc, s)
		lo := dailyXYs(ser, func(d *Day) float64 { return d.Min[cBatterySOC] })
		hi := dailyXYs(ser, func(d *Day) float64 { return d.Max[cBatterySOC] })
		sb := band(lo, hi, lighter(green, 0.6))
		sl := line(dailyXYs(ser, func(d *Day) float64 { return d.Mean[cBatterySOC] }), green, 1.2, false)
		soc.Add(sb, sl)
		soc.Legend.Add("daily range", sb)
		soc.Legend.Add("daily mean", sl)
		soc.Y.Min, soc.Y.Max = 0, 135
		soc.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0"}, {Value: 25, Label: "25"}, {Value: 50, Label: "50"}, {Value: 75, Label: "75"}, {Value: 100, Label: "100"}}
		panels = append(panels, b, soc)
		caption += "Then: the battery's energy charged and discharged per day (the difference over the period is its losses and the change in what it holds), and its state of charge, daily range and mean of the rows. "
	} else {
		caption += "Peaks shorter than a row are averaged away; the summary's peak grid demand is per simulation step. "
	}
	for _, q := range panels[:len(panels)-1] {
		q.X.Label.Text = ""
	}
	title := "On-site supply and the grid connection"
	if len(panels) == 1 {
		return &figure{name: "supply", title: title, draw: drawOf(p), caption: caption + base}
	}
	return &figure{name: "supply", title: title, draw: stackPlots(panels...), height: vg.Length(len(panels))*5*vg.Centimeter + 3*vg.Centimeter,
		caption: caption + base}
}

// monthOf returns the calendar month ("2006-01") of a day of the series.
func (s *Series) monthOf(day int) string {
	return s.Midnight.AddDate(0, 0, day).Format("2006-01")
}

// monthly sums a per-day quantity into the months of the series, in order.
func (s *Series) monthly(f func(d *Day) float64) (months []string, sums []float64) {
	for _, i := range s.covered() {
		m := s.monthOf(i)
		if len(months) == 0 || months[len(months)-1] != m {
			months = append(months, m)
			sums = append(sums, 0)
		}
		sums[len(sums)-1] += f(&s.Days[i])
	}
	return months, sums
}

// monthLabels prints months as the bar charts label them.
func monthLabels(months []string) []string {
	if len(months) == 0 {
		return nil
	}
	multiYear := months[0][:4] != months[len(months)-1][:4]
	labels := make([]string, len(months))
	for i, m := range months {
		labels[i] = m
		t, err := time.Parse("2006-01", m)
		switch {
		case err != nil:
		case len(months) > 24:
			// Years only: two years of month names fill the axis.
			labels[i] = ""
			if t.Month() == time.January {
				labels[i] = t.Format("2006")
			}
		case multiYear && (i == 0 || t.Month() == time.January):
			labels[i] = t.Format("Jan\n2006")
		default:
			labels[i] = t.Format("Jan")
		}
	}
	return labels
}

// bars adds grouped bar charts of the series vals to p.
func bars(p *plot.Plot, names []string, vals []plotter.Values, cols []color.RGBA) {
	n := len(vals[0])
	width := min(vg.Length(14), figWidth/vg.Length(n*(len(vals)+2)))
	for i := range vals {
		b, err := plotter.NewBarChart(vals[i], width)
		if err != nil {
			panic("plots: " + err.Error())
		}
		b.Color = cols[i]
		b.LineStyle.Width = 0
		b.Offset = (vg.Length(i) - vg.Length(len(vals)-1)/2) * width
		p.Add(b)
		p.Legend.Add(names[i], b)
	}
	p.X.Min, p.X.Max = -0.6, float64(n)-0.4
}

func maxOf(vals ...plotter.Values) float64 {
	top := 0.0
	for _, v := range vals {
		for _, x := range v {
			top = max(top, x)
		}
	}
	if top == 0 || math.IsNaN(top) {
		return 1
	}
	return top
}
