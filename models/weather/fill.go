package weather

import (
	"fmt"
	"math"

	"github.com/dctwin/dctwin/models/psychro"
)

// Missing values (the EPW data dictionary's \missing markers, or empty fields)
// are handled per field:
//   - a missing dew point is first derived from the dry bulb and the relative
//     humidity of the same hour when those are present;
//   - dry bulb, dew point and wind speed gaps of up to a day are filled by
//     linear interpolation in time (across Dec 31 → Jan 1, the year being a
//     ring); longer gaps, or more than 10 % missing, are errors;
//   - station pressure is interpolated likewise, but when too much is missing
//     the standard atmosphere at the elevation replaces it;
//   - irradiance is interpolated likewise, but when too much is missing it is
//     set to 0 (the package's convention for "the source has none");
//   - relative humidity is not needed (humidity comes from the dew point) and is
//     only used, where present, for the consistency warning.
//
// Every fill adds a warning with its count.

// fillPolicy says what to do with a field missing beyond what interpolation may fill.
type fillPolicy int

const (
	fillOrFail     fillPolicy = iota // error
	fillOrStandard                   // standard-atmosphere pressure
	fillOrZero                       // zero
)

func (p *epwParser) fillMissing(s *epwSeries) error {
	p.deriveDewPoints(s)
	for _, k := range []struct {
		idx    int
		policy fillPolicy
	}{
		{vDryBulb, fillOrFail},
		{vDewPoint, fillOrFail},
		{vPressure, fillOrStandard},
		{vGlobalHoriz, fillOrZero},
		{vDirectNormal, fillOrZero},
		{vDiffuseHoriz, fillOrZero},
		{vWindSpeed, fillOrFail},
	} {
		if err := p.fillField(s, k.idx, k.policy); err != nil {
			return err
		}
	}
	p.capDewPoints(s)
	return nil
}

// deriveDewPoints fills missing dew points from the dry bulb and relative
// humidity of the same hour (vapour pressure RH·p_ws(t), ASHRAE Fundamentals
// 2017 ch. 1 eq. 12, then its dew point).
func (p *epwParser) deriveDewPoints(s *epwSeries) {
	db, dp, rh := s.vals[vDryBulb], s.vals[vDewPoint], s.vals[vRelHum]
	derived := 0
	for i := range dp {
		if !math.IsNaN(dp[i]) || math.IsNaN(db[i]) || !(rh[i] > 0) {
			continue
		}
		td := psychro.TDewPointFromVapPres(db[i], psychro.VapPresFromRelHum(db[i], math.Min(rh[i], 100)/100))
		if !math.IsNaN(td) {
			dp[i] = td
			derived++
		}
	}
	if derived > 0 {
		p.warnf("%s: dew point missing in %s: derived from the dry bulb and relative humidity", p.name, hoursText(derived))
	}
}

func (p *epwParser) fillField(s *epwSeries, k int, policy fillPolicy) error {
	v := s.vals[k]
	missing, longest, start := gapStats(v)
	if missing == 0 {
		return nil
	}
	fd := p.fields[k]
	tooMuch := longest > maxGapH || float64(missing) > maxMissingFrac*float64(len(v))
	if !tooMuch {
		interpolateGaps(v)
		p.warnf("%s: %s missing in %s: filled by linear interpolation (longest gap %d h)", p.name, fd.name, hoursText(missing), longest)
		return nil
	}
	switch policy {
	case fillOrStandard:
		stdPa := psychro.StandardAtmPressure(p.loc.ElevationM)
		replaceMissing(v, stdPa)
		p.warnf("%s: %s missing in %s: the standard atmosphere at elevation %g m (%s Pa) used there", p.name, fd.name, hoursText(missing), p.loc.ElevationM, groupThousands(stdPa))
		return nil
	case fillOrZero:
		replaceMissing(v, 0)
		p.warnf("%s: %s missing in %s: set to 0 there", p.name, fd.name, hoursText(missing))
		return nil
	}
	if missing == len(v) {
		return &ParseError{Name: p.name, Field: fd.number, FieldName: fd.name, Kind: ErrMissingData,
			Msg: "missing in every hour"}
	}
	if longest > maxGapH {
		m, d, h := s.date(start)
		return &ParseError{Name: p.name, Line: int(s.lines[start]), Field: fd.number, FieldName: fd.name, Kind: ErrMissingData,
			Msg: fmt.Sprintf("missing for %d consecutive hours from %d/%d hour %d; gaps of up to %d hours are filled", longest, m, d, h, maxGapH)}
	}
	return &ParseError{Name: p.name, Field: fd.number, FieldName: fd.name, Kind: ErrMissingData,
		Msg: fmt.Sprintf("missing in %d of %d hours; up to %.0f %% can be filled", missing, len(v), 100*maxMissingFrac)}
}

// capDewPoints caps dew points above the dry bulb, which no real air has.
func (p *epwParser) capDewPoints(s *epwSeries) {
	db, dp := s.vals[vDryBulb], s.vals[vDewPoint]
	capped := 0
	for i := range dp {
		if dp[i] > db[i] {
			dp[i] = db[i]
			capped++
		}
	}
	if capped > 0 {
		p.warnf("%s: dew point above the dry bulb in %s: capped at the dry bulb", p.name, hoursText(capped))
	}
}

// gapStats counts the NaN values of the ring v and finds its longest run of
// them (a run may wrap from the end to the start).
func gapStats(v []float64) (missing, longest, longestStart int) {
	n := len(v)
	first := -1
	for i, x := range v {
		if math.IsNaN(x) {
			missing++
		} else if first < 0 {
			first = i
		}
	}
	if first < 0 {
		return n, n, 0
	}
	run, runStart := 0, 0
	for j := 1; j <= n; j++ {
		i := (first + j) % n
		if math.IsNaN(v[i]) {
			if run == 0 {
				runStart = i
			}
			run++
			continue
		}
		if run > longest {
			longest, longestStart = run, runStart
		}
		run = 0
	}
	return missing, longest, longestStart
}

// interpolateGaps fills the NaN values of the ring v linearly between the
// nearest valid values before and after; v has at least one valid value.
func interpolateGaps(v []float64) {
	n := len(v)
	first := -1
	for i, x := range v {
		if !math.IsNaN(x) {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	prev := first // unwrapped position of the last valid value
	for pos := first + 1; pos <= first+n; pos++ {
		x := v[pos%n]
		if math.IsNaN(x) {
			continue
		}
		if gap := pos - prev; gap > 1 {
			a := v[prev%n]
			for q := prev + 1; q < pos; q++ {
				f := float64(q-prev) / float64(gap)
				v[q%n] = (1-f)*a + f*x
			}
		}
		prev = pos
	}
}

func replaceMissing(v []float64, with float64) {
	for i, x := range v {
		if math.IsNaN(x) {
			v[i] = with
		}
	}
}

// hoursText returns "1 hour" or "n hours".
func hoursText(n int) string {
	if n == 1 {
		return "1 hour"
	}
	return fmt.Sprintf("%d hours", n)
}
