package sim

import (
	"fmt"
	"strings"
	"time"

	"github.com/dctwin/dctwin/models/thermal"
)

// summarize adds the thermal results to the summary, and counts the change
// in stored heat in the heat balance: facility electricity = heat rejected
// + heat reused + heat still stored + heat that could not be stored.
func (th *thermalState) summarize(sm *Summary) {
	c := th.class
	ts := &sm.Thermal
	*ts = ThermalSummary{
		Class:                 c.Name,
		RecommendedC:          [2]float64{c.RecommendedMinC, c.RecommendedMaxC},
		AllowableC:            [2]float64{c.AllowableMinC, c.AllowableMaxC},
		HoursAboveRecommended: th.aboveRecS / 3600, HoursAboveAllowable: th.aboveAllowS / 3600,
		MaxInletC:    th.maxInletC,
		NotStoredKWh: th.lostKJ / 3600,
	}
	if m := th.model; m != nil {
		ts.AirKWhPerK, ts.WaterKWhPerK = m.AirKJPerK()/3600, m.WaterKJPerK()/3600
		ts.StoredEndKWh = m.StoredKJ() / 3600
		limit := c.AllowableMaxC - th.baseInletC
		capKJ := m.AirKJPerK() * limit
		if th.onUPS {
			capKJ = m.CoupledKJAt(limit)
		}
		if limit > 0 && th.peakHallKW > 0 {
			ts.RideThroughAtPeakMin = capKJ / th.peakHallKW / 60
		}
	}
	en := sm.Energy
	sm.HeatBalanceErrorPct = 100 * ratio(en.Facility-sm.HeatRejected-sm.HeatReused-ts.StoredEndKWh, en.Facility)

	if th.model != nil {
		// Unmet heat was stored and removed later, not dropped: say so in
		// place of the plant-only wording.
		for i, w := range sm.Warnings {
			if strings.HasPrefix(w, "cooling load not met") {
				sm.Warnings[i] = fmt.Sprintf("cooling load not met: %.0f kWh over %.1f h (peak %.0f kW); the plant lacked capacity at those times and the hall stored the heat, warming (see thermal and events), until the plant could remove it",
					sm.Unmet.KWh, sm.Unmet.Hours, sm.Unmet.PeakKW)
			}
		}
	}
	start := th.start
	sm.Events = []EventSummary{}
	limitRise := c.AllowableMaxC - th.baseInletC
	for i, r := range th.rides {
		e := r.Event
		es := EventSummary{
			Random: i >= len(th.rides)-th.random,
			Kind:   e.Kind.String(), Start: start.Add(e.Start).Format(time.RFC3339), End: start.Add(e.End()).Format(time.RFC3339),
			PeakInletC: th.baseInletC + r.PeakRiseK, PeakStoredKWh: r.PeakStoredKJ / 3600,
			ExtraStorageKWh: r.ExcessKJ / 3600,
		}
		switch e.Kind {
		case thermal.ChillerTrip, thermal.CoolerTrip, thermal.TowerOut:
			es.Units = e.Units
		}
		// Chilled water mixed with the loop holds C·ΔT until the air reaches
		// the limit: from the supply set point through the coils' headroom
		// and on with the air.
		if dT := th.waterAtLimitK(limitRise); r.ExcessKJ > 0 && dT > 0 {
			es.ExtraStorageM3 = r.ExcessKJ / (thermal.WaterRhoCp * dT)
		}
		if r.Passed {
			m := r.Seconds / 60
			es.RideThroughMin = &m
			if sm.RideThroughMin == nil || m < *sm.RideThroughMin {
				sm.RideThroughMin = &m
			}
			sm.Warnings = append(sm.Warnings, fmt.Sprintf("%s at %s: the warmest rack inlet passed the %s allowable %g °C after %.1f min (peak %.1f °C); riding through would take %.0f kWh more storage, about %.1f m³ of chilled water on UPS-fed pumps, or cooling back within that time",
				es.Kind, es.Start, c.Name, c.AllowableMaxC, m, es.PeakInletC, es.ExtraStorageKWh, es.ExtraStorageM3))
		}
		sm.Events = append(sm.Events, es)
	}
	if ts.NotStoredKWh > 0 {
		sm.Warnings = append(sm.Warnings, fmt.Sprintf("the room would have passed the IT shutdown temperature: %.0f kWh of heat could not be stored and leaves the heat balance (%.2f %% of facility energy); the results after that point describe equipment that would have shut down",
			ts.NotStoredKWh, 100*ratio(ts.NotStoredKWh, en.Facility)))
	}
	if rt := ts.RideThroughAtPeakMin; rt > 0 && rt < shortRideThroughMin {
		sm.Warnings = append(sm.Warnings, fmt.Sprintf("ride-through at peak load is only %.1f min: with all cooling lost at the peak, the warmest rack inlet passes the %s allowable %g °C before chillers restarting after a power interruption (about %.1f min) can cool again; add thermal storage, UPS-fed cooling or fast-restart chillers",
			rt, c.Name, c.AllowableMaxC, shortRideThroughMin))
	}
	if ts.HoursAboveAllowable > 0 && len(th.rides) == 0 {
		sm.Warnings = append(sm.Warnings, fmt.Sprintf("the warmest rack inlet was above the %s allowable %g °C for %.1f h (max %.1f °C)", c.Name, c.AllowableMaxC, ts.HoursAboveAllowable, ts.MaxInletC))
	}
}

// shortRideThroughMin is the ride-through at peak below which the summary
// warns: the restart time of conventional centrifugal chillers after a
// power interruption, a few minutes (the default chiller_restart of an
// outage event, 5 min), plus the 10 s generator start of NFPA 110 Type 10.
const shortRideThroughMin = 5 + 10.0/60

// waterAtLimitK returns how far the water warms, from the chilled-water
// supply set point, by the time the air has risen limitRiseK, K.
func (th *thermalState) waterAtLimitK(limitRiseK float64) float64 {
	if th.model == nil {
		return 0
	}
	return th.model.HeadroomK() + limitRiseK
}
