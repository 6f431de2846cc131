package sim

import (
	"math"
	"time"

	"github.com/dctwin/dctwin/models/cooling"
)

// PeriodTotals are the totals and KPIs of one calendar period of a site's
// run (a month or a year, in site standard time), or of the part of it the
// run covers. Energies are kWh, powers kW, water litres, carbon kg. Every
// calendar breakdown of the summary (monthly, yearly) is made of them, by
// one accumulator, so that a figure of a month and of a year are computed
// alike.
type PeriodTotals struct {
	// Start and End bound the part of the period simulated (RFC 3339).
	Start string  `json:"start"`
	End   string  `json:"end"`
	Hours float64 `json:"hours"`

	ITKWh float64 `json:"it_kwh"`
	// UPSOutputKWh is the energy leaving the UPS: IT energy (measured at the
	// racks, after the PDU) plus the PDU's losses.
	UPSOutputKWh    float64 `json:"ups_output_kwh"`
	CoolingKWh      float64 `json:"cooling_kwh"`
	PowerLossKWh    float64 `json:"power_loss_kwh"`
	OtherKWh        float64 `json:"other_kwh"`
	FacilityKWh     float64 `json:"facility_kwh"`
	GridKWh         float64 `json:"grid_kwh"`
	PVKWh           float64 `json:"pv_kwh"`
	RenewableKWh    float64 `json:"renewable_kwh"`
	PUE             float64 `json:"pue"`
	REF             float64 `json:"ref"`
	WithdrawalL     float64 `json:"water_withdrawal_l"`
	ConsumptionL    float64 `json:"water_consumption_l"`
	DischargeL      float64 `json:"water_discharge_l"`
	WUE             float64 `json:"wue_l_per_kwh"`
	EvaporationL    float64 `json:"evaporation_l"`
	HeatRejectedKWh float64 `json:"heat_rejected_kwh"`
	HeatReusedKWh   float64 `json:"heat_reused_kwh"`
	ERF             float64 `json:"erf"`
	CarbonKg        float64 `json:"carbon_kg"`
	// CarbonMarketKg is the market-based figure (see Summary.CarbonMarketKg);
	// null without a residual-mix factor.
	CarbonMarketKg  *float64 `json:"carbon_market_kg"`
	CUE             float64  `json:"cue_kg_per_kwh"`
	PeakGridKW      float64  `json:"peak_grid_kw"`
	PeakITKW        float64  `json:"peak_it_kw"`
	MeanDryBulbC    float64  `json:"mean_drybulb_c"`
	MeanWetBulbC    float64  `json:"mean_wetbulb_c"`
	CoolingDegDays  float64  `json:"cooling_degree_days"`
	EconomizerHours float64  `json:"economizer_hours"`
	UnmetKWh        float64  `json:"unmet_cooling_kwh"`
	UnservedKWh     float64  `json:"unserved_kwh"`
}

// MonthTotals are one calendar month's totals.
type MonthTotals struct {
	Month string `json:"month"` // YYYY-MM
	PeriodTotals
}

// YearTotals are one calendar year's totals: EU 2024/1364 reports per
// calendar year.
type YearTotals struct {
	Year int `json:"year"`
	PeriodTotals
}

// calendarSplit accumulates a site's steps into consecutive calendar
// periods (months or years) and closes each at its end.
type calendarSplit struct {
	r     *recorder
	next  func(time.Time) time.Time // the start of the period after the one starting at t
	start time.Time                 // the current period's start (the run's start for the first)
	// nextStep is the first step of the next period.
	nextStep        int
	acc             accumulator
	peakGrid        float64
	peakIT          float64
	economizerSteps int
	cdd             float64
	closed          []PeriodTotals
	starts          []time.Time
}

func newCalendarSplit(r *recorder, next func(time.Time) time.Time) *calendarSplit {
	c := &calendarSplit{r: r, next: next, start: r.site.Period.Start}
	c.nextStep = r.stepOf(next(c.start))
	return c
}

func firstOfNextYear(t time.Time) time.Time {
	return time.Date(t.Year()+1, 1, 1, 0, 0, 0, 0, t.Location())
}

// add records step k, closing the period before it when k starts a new one.
func (c *calendarSplit) add(k int, v *stepValues, inletC float64, mode cooling.Mode) {
	if k == c.nextStep {
		c.close()
	}
	c.acc.add(v, inletC)
	c.peakGrid = max(c.peakGrid, v[qGridKW])
	c.peakIT = max(c.peakIT, v[qITKW])
	if mode != cooling.ModeChillers {
		c.economizerSteps++
	}
}

// close ends the current period.
func (c *calendarSplit) close() {
	if c.acc.steps == 0 {
		return
	}
	p := c.r.site.Period
	end := p.Start.Add(time.Duration(c.r.stepOf(c.next(c.start))) * p.Step)
	if e := p.End(); end.After(e) {
		end = e
	}
	t := c.r.periodTotals(&c.acc, c.start, end)
	t.PeakGridKW, t.PeakITKW = c.peakGrid, c.peakIT
	t.EconomizerHours = float64(c.economizerSteps) * c.r.stepH
	t.CoolingDegDays = c.cdd
	c.closed = append(c.closed, t)
	c.starts = append(c.starts, c.start)
	next := c.next(c.start)
	*c = calendarSplit{r: c.r, next: c.next, start: next, closed: c.closed, starts: c.starts}
	c.nextStep = c.r.stepOf(c.next(next))
}

// periodTotals computes the totals of the steps summed in a, from start to
// end. The sums are linear in the step values, so the step formulas apply.
func (r *recorder) periodTotals(a *accumulator, start, end time.Time) PeriodTotals {
	s := &a.sum
	e := func(q int) float64 { return s[q] * r.stepH }
	t := PeriodTotals{
		Start: start.Format(time.RFC3339), End: end.Format(time.RFC3339),
		Hours:       float64(a.steps) * r.stepH,
		ITKWh:       e(qITKW),
		CoolingKWh:  s.coolingKW() * r.stepH,
		OtherKWh:    s.otherKW() * r.stepH,
		FacilityKWh: s.facilityKW() * r.stepH,
		GridKWh:     e(qGridKW),
		PVKWh:       e(qPVKW),
		WithdrawalL: s.withdrawalL(), ConsumptionL: s.consumptionL(), DischargeL: s.dischargeL(),
		EvaporationL:    s[qEvaporationL],
		HeatRejectedKWh: e(qHeatRejectedKW),
		HeatReusedKWh:   e(qHeatReusedKW),
		CarbonKg:        s[qCarbonKg],
		UnmetKWh:        e(qUnmetKW),
		UnservedKWh:     e(qUnservedKW),
	}
	t.UPSOutputKWh = t.ITKWh + e(qPDULossKW)
	t.PowerLossKWh = s.lossKW() * r.stepH
	split := r.site.Ledger.renewables(t.PVKWh, e(qCleanKW), t.GridKWh)
	t.RenewableKWh = split.Total
	t.PUE = ratio(t.FacilityKWh, t.ITKWh)
	t.WUE = ratio(t.WithdrawalL, t.ITKWh)
	t.REF = ratio(t.RenewableKWh, t.FacilityKWh)
	t.ERF = ratio(t.HeatReusedKWh, t.FacilityKWh)
	t.CUE = ratio(t.CarbonKg, t.ITKWh)
	t.CarbonMarketKg = r.site.Ledger.marketCarbon(t.GridKWh, e(qCleanKW), r.generatorCO2(s))
	if a.steps > 0 {
		t.MeanDryBulbC, t.MeanWetBulbC = a.mean(qDryBulbC), a.mean(qWetBulbC)
	}
	return t
}

// generatorCO2 is the CO₂ of the generator fuel summed in s, kg.
func (r *recorder) generatorCO2(s *stepValues) float64 {
	if g := r.site.Ledger.Generator; g != nil {
		return s[qGeneratorFuelL] * g.CO2KgPerL
	}
	return 0
}

// Cooling degree days follow Eurostat's definition (Eurostat, "Cooling and
// heating degree days by country", nrg_chdd, reference metadata): a day whose
// mean outdoor temperature Tm is at least 24 °C counts Tm − 21 °C, other days
// nothing. Tm is the mean of the day's simulated steps.
const (
	cddThresholdC = 24.0
	cddBaseC      = 21.0
)

func coolingDegrees(meanC float64) float64 {
	if meanC >= cddThresholdC {
		return meanC - cddBaseC
	}
	return 0
}

// months and years turn the closed periods into the summary's lists.
func (c *calendarSplit) months() []MonthTotals {
	out := make([]MonthTotals, len(c.closed))
	for i, t := range c.closed {
		out[i] = MonthTotals{Month: c.starts[i].Format("2006-01"), PeriodTotals: t}
	}
	return out
}

func (c *calendarSplit) years() []YearTotals {
	out := make([]YearTotals, len(c.closed))
	for i, t := range c.closed {
		out[i] = YearTotals{Year: c.starts[i].Year(), PeriodTotals: t}
	}
	return out
}

// Renewables is the renewable energy of a period by origin, kWh (EU
// 2024/1364 Annex II: E_RES-OS on site, bought through power purchase
// agreements, and covered by guarantees of origin; E_RES-TOT their sum).
type Renewables struct {
	OnSite             float64 `json:"on_site"`
	PPA                float64 `json:"ppa"`
	GuaranteesOfOrigin float64 `json:"guarantees_of_origin"`
	Total              float64 `json:"total"`
}

// renewables splits a period's renewable energy: PV used on site; the
// contracted clean supply, if renewable, up to the grid energy; and the
// grid energy left that guarantees of origin cover.
func (l *Ledger) renewables(pvKWh, cleanKWh, gridKWh float64) Renewables {
	r := Renewables{OnSite: pvKWh}
	if !l.CleanNotRenewable {
		r.PPA = math.Min(cleanKWh, gridKWh)
	}
	r.GuaranteesOfOrigin = math.Min(l.GOFrac*gridKWh, gridKWh-r.PPA)
	r.Total = r.OnSite + r.PPA + r.GuaranteesOfOrigin
	return r
}

// marketCarbon is the market-based CO₂ of a period (GHG Protocol Scope 2
// Guidance, 2015, ch. 6: contractual instruments first, then the residual
// mix): the grid energy not covered by the contracted clean supply (PPA, at
// zero emissions whether renewable or not) or by guarantees of origin, times
// the residual-mix factor, plus the generators' CO₂ (as in the
// location-based figure, so that the two compare). nil without a factor.
func (l *Ledger) marketCarbon(gridKWh, cleanKWh, generatorCO2Kg float64) *float64 {
	if l.ResidualMixG == nil {
		return nil
	}
	covered := math.Min(cleanKWh+l.GOFrac*gridKWh, gridKWh)
	kg := (gridKWh-covered)**l.ResidualMixG/1000 + generatorCO2Kg
	return &kg
}
