package sim

import (
	"fmt"
	"math"
	"time"

	"github.com/dctwin/dctwin/models/cooling"
)

// rowWriter takes the report rows of a site as they complete.
type rowWriter interface {
	writeRow(start time.Time, a *accumulator) error
}

// recorder accumulates a site's steps into report rows, days, months and the
// period totals.
type recorder struct {
	site  *Site
	rows  rowWriter
	stepH float64 // step length, h

	row         accumulator
	rowsWritten int
	stepsPerRow int

	total      accumulator
	peak       [3]float64 // IT, facility, grid, kW
	peakStep   [3]int
	unmetSteps int
	unmetPeak  float64
	modeSteps  [3]int
	maxDryBulb float64
	maxWetBulb float64
	maxSupply  float64 // facility-water supply, °C

	dayOffset   int // steps from the first day's midnight to the start
	stepsPerDay int
	day         int
	dayWater    float64
	peakDay     int
	peakDayL    float64
	dayDryBulb  float64 // sum over the day's steps, °C
	daySteps    int
	cdd         float64 // cooling degree days of the period

	// The calendar breakdowns of the summary.
	months, years *calendarSplit
}

func newRecorder(s *Site, rows rowWriter) *recorder {
	p := s.Period
	start := p.Start
	midnight := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, start.Location())
	r := &recorder{
		site:        s,
		rows:        rows,
		stepH:       p.Step.Hours(),
		stepsPerRow: int(p.Report / p.Step),
		dayOffset:   int(start.Sub(midnight) / p.Step),
		stepsPerDay: int(24 * time.Hour / p.Step),
		peakDay:     -1,
		maxDryBulb:  math.Inf(-1),
		maxWetBulb:  math.Inf(-1),
	}
	r.months = newCalendarSplit(r, firstOfNextMonth)
	r.years = newCalendarSplit(r, firstOfNextYear)
	return r
}

func firstOfNextMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, t.Location())
}

// stepOf returns the index of the first step starting at or after t.
func (r *recorder) stepOf(t time.Time) int {
	p := r.site.Period
	return int((t.Sub(p.Start) + p.Step - 1) / p.Step)
}

// add records step k. It does not allocate, except when a month closes.
func (r *recorder) add(k int, v *stepValues, inletC float64, mode cooling.Mode) error {
	// A day closes before the month or year it ends: its degree days count
	// there.
	if day := (r.dayOffset + k) / r.stepsPerDay; day != r.day {
		r.closeDay()
		r.day = day
	}
	r.months.add(k, v, inletC, mode)
	r.years.add(k, v, inletC, mode)
	r.row.add(v, inletC)
	r.total.add(v, inletC)
	r.dayWater += v.withdrawalL()
	r.dayDryBulb += v[qDryBulbC]
	r.daySteps++
	facility := v.facilityKW()
	for i, kw := range [3]float64{v[qITKW], facility, v[qGridKW]} {
		if kw > r.peak[i] {
			r.peak[i], r.peakStep[i] = kw, k
		}
	}
	if v[qUnmetKW] > 0 {
		r.unmetSteps++
		r.unmetPeak = max(r.unmetPeak, v[qUnmetKW])
	}
	r.modeSteps[mode]++
	r.maxDryBulb = max(r.maxDryBulb, v[qDryBulbC])
	r.maxWetBulb = max(r.maxWetBulb, v[qWetBulbC])
	r.maxSupply = max(r.maxSupply, v[qFacilitySupplyC])
	if r.row.steps == r.stepsPerRow {
		return r.flushRow()
	}
	return nil
}

func (r *recorder) flushRow() error {
	p := r.site.Period
	start := p.Start.Add(time.Duration(r.rowsWritten) * p.Report)
	if err := r.rows.writeRow(start, &r.row); err != nil {
		return err
	}
	r.rowsWritten++
	r.row.reset()
	return nil
}

func (r *recorder) closeDay() {
	if r.dayWater > r.peakDayL || r.peakDay < 0 {
		r.peakDayL, r.peakDay = r.dayWater, r.day
	}
	r.dayWater = 0
	if r.daySteps > 0 {
		cdd := coolingDegrees(r.dayDryBulb / float64(r.daySteps))
		r.cdd += cdd
		r.months.cdd += cdd
		r.years.cdd += cdd
	}
	r.dayDryBulb, r.daySteps = 0, 0
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// finish flushes the last partial row, day and month and returns the summary.
func (r *recorder) finish() (*Summary, error) {
	if r.row.steps > 0 {
		if err := r.flushRow(); err != nil {
			return nil, err
		}
	}
	r.closeDay()
	r.months.close()
	r.years.close()
	return r.summary(), nil
}

func (r *recorder) summary() *Summary {
	s, p, a := r.site, r.site.Period, &r.total
	e := func(q int) float64 { return a.sum[q] * r.stepH }
	sm := &Summary{
		Site:            s.Name,
		Title:           s.Title,
		Start:           p.Start.Format(time.RFC3339),
		End:             p.End().Format(time.RFC3339),
		Step:            FormatDuration(p.Step),
		ReportInterval:  FormatDuration(p.Report),
		Weather:         s.Weather.Source,
		Carbon:          s.Carbon.Source,
		Months:          r.months.months(),
		Years:           r.years.years(),
		Inputs:          s.Inputs,
		Warnings:        append([]string{}, s.Warnings...),
		UnsourcedInputs: append([]string{}, s.Unsourced...),
	}
	sm.Cooling = CoolingKWh{
		CRAHFans: e(qCRAHFanKW), CDUPumps: e(qCDUPumpKW), CHWPumps: e(qCHWPumpKW),
		CondenserPumps: e(qCondPumpKW), Chillers: e(qChillerKW), TowerFans: e(qTowerFanKW),
		CondenserFans: e(qCondFanKW), DryCoolerFans: e(qDryCoolerFanKW), FacilityWaterPumps: e(qFWPumpKW), HeatPumps: e(qHeatPumpKW),
	}
	sm.PowerLoss = PowerLossKWh{UPS: e(qUPSLossKW), PDU: e(qPDULossKW), Transformer: e(qTransformerLossKW)}
	c := sm.Cooling
	en := &sm.Energy
	en.IT = e(qITKW)
	en.Cooling = c.CRAHFans + c.CDUPumps + c.CHWPumps + c.CondenserPumps + c.Chillers + c.TowerFans +
		c.CondenserFans + c.DryCoolerFans + c.FacilityWaterPumps + c.HeatPumps
	en.PowerLoss = sm.PowerLoss.UPS + sm.PowerLoss.PDU + sm.PowerLoss.Transformer
	en.Other = e(qLightingKW) + e(qOfficeKW)
	en.Facility = en.IT + en.Cooling + en.PowerLoss + en.Other
	en.Grid = e(qGridKW)
	en.UPSOutput = en.IT + sm.PowerLoss.PDU
	sm.Peak = PeakKW{
		IT: r.peak[0], Facility: r.peak[1], Grid: r.peak[2],
		FacilityTime: r.stepTime(r.peakStep[1]), GridTime: r.stepTime(r.peakStep[2]),
	}
	w := &sm.Water
	w.Evaporation, w.Drift, w.Blowdown = a.sum[qEvaporationL], a.sum[qDriftL], a.sum[qBlowdownL]
	w.Consumption = a.sum.consumptionL()
	w.Discharge = a.sum.dischargeL()
	w.Withdrawal = w.Consumption + w.Discharge
	sm.PUE = ratio(en.Facility, en.IT)
	sm.WUE = ratio(w.Withdrawal, en.IT)
	sm.CarbonKg = a.sum[qCarbonKg]
	sm.CUE = ratio(sm.CarbonKg, en.IT)
	sm.CarbonIntensity = ratio(1000*sm.CarbonKg, en.Grid)
	sm.PeakDayWaterWithdrawal = r.peakDayL
	midnight := time.Date(p.Start.Year(), p.Start.Month(), p.Start.Day(), 0, 0, 0, 0, p.Start.Location())
	sm.PeakDay = midnight.AddDate(0, 0, r.peakDay).Format(time.DateOnly)
	sm.HeatRejected = e(qHeatRejectedKW)
	sm.HeatReused = e(qHeatReusedKW)
	sm.ERF = ratio(sm.HeatReused, en.Facility)
	sm.HeatBalanceErrorPct = 100 * ratio(en.Facility-sm.HeatRejected-sm.HeatReused, en.Facility)
	towerHeat := e(qHeatRejectedKW) - e(qTowerFanKW) - e(qTransformerLossKW) - e(qOfficeKW) - e(qAirRejectedKW)
	sm.EvaporationPerKWhRejected = ratio(w.Evaporation, towerHeat)
	sm.Economizer = EconomizerH{
		Free:     float64(r.modeSteps[cooling.ModeFree]) * r.stepH,
		Partial:  float64(r.modeSteps[cooling.ModePartial]) * r.stepH,
		Chillers: float64(r.modeSteps[cooling.ModeChillers]) * r.stepH,
	}
	sm.Unmet = UnmetCooling{KWh: e(qUnmetKW), Hours: float64(r.unmetSteps) * r.stepH, PeakKW: r.unmetPeak}
	sm.Climate = ClimateStats{
		MeanDryBulbC: a.mean(qDryBulbC), MeanWetBulbC: a.mean(qWetBulbC),
		MaxDryBulbC: r.maxDryBulb, MaxWetBulbC: r.maxWetBulb,
		CoolingDegreeDays: r.cdd,
	}
	sm.InstalledITKW = s.InstalledITKW()
	if sm.HeatReused > 0 {
		c := a.sum[qReuseHeatC] / a.sum[qHeatReusedKW]
		sm.WasteHeatC = &c
	}
	sm.Design = DesignSummary{
		Kind:             s.CoolingKind,
		EvaporativeHours: a.sum[qEvaporativeSteps] * r.stepH,
		TrimHours:        a.sum[qTrimSteps] * r.stepH,
		SprayEvaporation: a.sum[qSprayEvapL],
		SprayBleed:       a.sum[qSprayBleedL],
	}
	if sm.Design.Kind == "" {
		sm.Design.Kind = "chilled-water"
	}
	if class, set, ok := s.facilityClass(); ok {
		sm.Design.FacilityWater = &FacilityWaterSummary{
			Class: class.Name, LimitC: class.LimitC, SetpointC: set, MaxSupplyC: r.maxSupply,
			HoursAboveClass: a.sum[qAboveClassSteps] * r.stepH, MeanSupplyC: a.mean(qFacilitySupplyC),
			TrimHours: a.sum[qFacilityTrimSteps] * r.stepH,
		}
	}
	sm.Warnings = append(sm.Warnings, r.runWarnings(sm)...)
	return sm
}

func (r *recorder) stepTime(k int) string {
	p := r.site.Period
	return p.Start.Add(time.Duration(k) * p.Step).Format(time.RFC3339)
}

// runWarnings are what a reader must know about the results.
func (r *recorder) runWarnings(sm *Summary) []string {
	var w []string
	if sm.Unmet.KWh > 0 {
		w = append(w, fmt.Sprintf("cooling load not met: %.0f kWh over %.1f h (peak %.0f kW); the plant lacks capacity at those times and the results understate the cooling energy it would need",
			sm.Unmet.KWh, sm.Unmet.Hours, sm.Unmet.PeakKW))
	}
	if fw := sm.Design.FacilityWater; fw != nil && fw.HoursAboveClass > 0 {
		w = append(w, fmt.Sprintf("facility water supply above the %s limit of %g °C for %.1f h (up to %.1f °C): the heat rejection and trim chillers cannot hold the %g °C set point then",
			fw.Class, fw.LimitC, fw.HoursAboveClass, fw.MaxSupplyC, fw.SetpointC))
	}
	if r.maxWetBulb > cooling.YorkCalcMaxWetBulbC && r.usesTowers() {
		w = append(w, fmt.Sprintf("outdoor wet bulb reached %.1f °C, above the %.1f °C limit of the tower correlation; tower approach there is evaluated at the limit", r.maxWetBulb, cooling.YorkCalcMaxWetBulbC))
	}
	return w
}

// usesTowers says whether the site's cooling has cooling towers.
func (r *recorder) usesTowers() bool {
	h, ok := r.site.Cooling.(*cooling.Hall)
	return !ok || (h.HasFacility() && h.Facility.Rejection == cooling.RejectTower)
}

// FormatDuration prints a duration without zero units: 15m, 1h, 1h30m.
func FormatDuration(d time.Duration) string {
	s := d.String()
	for _, z := range []struct{ from, to string }{{"h0m0s", "h"}, {"m0s", "m"}} {
		if len(s) > len(z.from) && s[len(s)-len(z.from):] == z.from {
			return s[:len(s)-len(z.from)] + z.to
		}
	}
	return s
}
