// Package tariff holds the prices a data center pays: an energy tariff (flat,
// time-of-use or an hourly price series), a demand charge on the monthly peak
// grid draw, water and sewer charges per cubic metre and the price of
// generator fuel. Prices are in one currency, named by Tariff.Currency; the
// package does no conversion.
package tariff

import (
	"fmt"
	"math"
	"time"
)

// Days selects the days a time-of-use period applies on.
type Days int

// The day selections.
const (
	AllDays Days = iota
	Weekdays
	Weekends
)

// Period is a time-of-use period: from StartH to EndH (local standard time,
// hours 0..24; EndH < StartH wraps past midnight) on the selected days, in
// the months FirstMonth to LastMonth (1..12; LastMonth < FirstMonth wraps
// past December; both 0: every month).
type Period struct {
	StartH, EndH          int
	Days                  Days
	FirstMonth, LastMonth int
	PricePerKWh           float64
}

// contains reports whether the hour starting at t falls in the period.
func (p Period) contains(t time.Time) bool {
	wd := t.Weekday()
	weekend := wd == time.Saturday || wd == time.Sunday
	if (p.Days == Weekdays && weekend) || (p.Days == Weekends && !weekend) {
		return false
	}
	if p.FirstMonth != 0 {
		m := int(t.Month())
		in := m >= p.FirstMonth && m <= p.LastMonth
		if p.LastMonth < p.FirstMonth {
			in = m >= p.FirstMonth || m <= p.LastMonth
		}
		if !in {
			return false
		}
	}
	h := t.Hour()
	if p.StartH <= p.EndH {
		return h >= p.StartH && h < p.EndH
	}
	return h >= p.StartH || h < p.EndH
}

// Tariff is what the site pays.
type Tariff struct {
	Currency string // e.g. "USD"; a label only
	// EnergyPerKWh is the flat energy price, also the price outside every
	// time-of-use period.
	EnergyPerKWh float64
	// TOU are time-of-use periods; the first that contains an hour sets its
	// price.
	TOU []Period
	// HourlyPerKWh, when not nil, gives the price of each hour of the period
	// (a price series) and overrides EnergyPerKWh and TOU.
	HourlyPerKWh []float64
	// DemandPerKWMonth is charged on each calendar month's largest step-mean
	// grid draw, per kW.
	DemandPerKWMonth float64
	WaterPerM3       float64 // on withdrawal
	SewerPerM3       float64 // on discharge
	FuelPerL         float64 // generator diesel
}

// Validate reports negative or non-finite prices and malformed periods.
func (t *Tariff) Validate() error {
	for _, x := range []float64{t.EnergyPerKWh, t.DemandPerKWMonth, t.WaterPerM3, t.SewerPerM3, t.FuelPerL} {
		if !(x >= 0) || math.IsInf(x, 0) {
			return fmt.Errorf("tariff: price %g: want a finite number ≥ 0", x)
		}
	}
	for i, p := range t.TOU {
		if p.StartH < 0 || p.StartH > 24 || p.EndH < 0 || p.EndH > 24 || p.StartH == p.EndH {
			return fmt.Errorf("tariff: period %d: hours %d–%d: want 0..24 and start ≠ end", i, p.StartH, p.EndH)
		}
		if (p.FirstMonth == 0) != (p.LastMonth == 0) || p.FirstMonth < 0 || p.FirstMonth > 12 || p.LastMonth < 0 || p.LastMonth > 12 {
			return fmt.Errorf("tariff: period %d: months %d–%d: want both 1..12, or neither", i, p.FirstMonth, p.LastMonth)
		}
		if !(p.PricePerKWh >= 0) {
			return fmt.Errorf("tariff: period %d: price %g: want ≥ 0", i, p.PricePerKWh)
		}
	}
	return nil
}

// Prices returns the energy price of each of hours hours from start (a whole
// hour in the site's standard time).
func (t *Tariff) Prices(start time.Time, hours int) ([]float64, error) {
	if t.HourlyPerKWh != nil {
		if len(t.HourlyPerKWh) != hours {
			return nil, fmt.Errorf("tariff: price series has %d hours, the period %d", len(t.HourlyPerKWh), hours)
		}
		return t.HourlyPerKWh, nil
	}
	out := make([]float64, hours)
	for h := range out {
		at := start.Add(time.Duration(h) * time.Hour)
		out[h] = t.EnergyPerKWh
		for _, p := range t.TOU {
			if p.contains(at) {
				out[h] = p.PricePerKWh
				break
			}
		}
	}
	return out, nil
}
