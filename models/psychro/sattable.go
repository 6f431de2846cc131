package psychro

import "math"

// SatTable inverts the enthalpy of saturated air quickly, for models that need
// the saturated state leaving a wet cooling tower at every simulation step.
// It tabulates the saturation vapour pressure (Hyland–Wexler), which does not
// depend on the total pressure, so one table serves every station pressure.
// Values between the grid points, 0.02 K apart, are interpolated linearly:
// the relative error is below 1e−6.
type SatTable struct {
	pws []float64 // p_ws at satTableMinC + i·satTableDT, Pa
}

const (
	satTableMinC = -60.0
	satTableMaxC = 95.0
	satTableDT   = 0.02
)

// NewSatTable builds the table (about 60 kB), once per program or per site.
func NewSatTable() *SatTable {
	n := int(math.Round((satTableMaxC-satTableMinC)/satTableDT)) + 1
	t := &SatTable{pws: make([]float64, n)}
	for i := range t.pws {
		t.pws[i] = SatVapPres(satTableMinC + float64(i)*satTableDT)
	}
	return t
}

// lookup returns p_ws and its derivative dp_ws/dT at t (°C), clamped to the table.
func (s *SatTable) lookup(t float64) (pws, slope float64) {
	x := (t - satTableMinC) / satTableDT
	i := int(x)
	switch {
	case !(x > 0):
		i, x = 0, 0
	case i >= len(s.pws)-1:
		i, x = len(s.pws)-2, float64(len(s.pws)-1)
	}
	a, b := s.pws[i], s.pws[i+1]
	return a + (x-float64(i))*(b-a), (b - a) / satTableDT
}

// SatVapPres returns the saturation vapour pressure at t (°C), Pa, within
// −60..95 °C; outside, it clamps t to that range.
func (s *SatTable) SatVapPres(t float64) float64 {
	p, _ := s.lookup(t)
	return p
}

// SatHumRatio returns the humidity ratio of saturated air at t (°C) and p (Pa).
func (s *SatTable) SatHumRatio(t, p float64) float64 {
	pws := s.SatVapPres(t)
	return math.Max(ratioMW*pws/(p-pws), MinHumRatio)
}

// SatStateFromEnthalpy returns the temperature (°C) and humidity ratio (kg/kg)
// of saturated air of enthalpy h (J/kg dry air) at pressure p (Pa), to 1e−4 K,
// within −60..95 °C and below the boiling point (clamped outside). It uses
// Newton's method with the analytic slope of the saturation curve, safeguarded
// by a bracket so that it converges from any start.
func (s *SatTable) SatStateFromEnthalpy(h, p float64) (tC, w float64) {
	lo, hi := satTableMinC, satTableMaxC
	// Saturated air exists only below the boiling point at p.
	for hi > lo+5 && s.SatVapPres(hi) > 0.9*p {
		hi -= 5
	}
	if h <= MoistAirEnthalpy(lo, s.SatHumRatio(lo, p)) {
		return lo, s.SatHumRatio(lo, p)
	}
	if h >= MoistAirEnthalpy(hi, s.SatHumRatio(hi, p)) {
		return hi, s.SatHumRatio(hi, p)
	}
	tC = 25
	for i := 0; i < 60; i++ {
		pws, dpws := s.lookup(tC)
		w = ratioMW * pws / (p - pws)
		f := (1.006*tC+w*(2501+1.86*tC))*1000 - h
		if f > 0 {
			hi = tC
		} else {
			lo = tC
		}
		dw := ratioMW * p / ((p - pws) * (p - pws)) * dpws
		df := (1.006 + dw*(2501+1.86*tC) + 1.86*w) * 1000
		next := tC - f/df
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		if math.Abs(next-tC) < 1e-4 {
			tC = next
			break
		}
		tC = next
	}
	return tC, s.SatHumRatio(tC, p)
}
