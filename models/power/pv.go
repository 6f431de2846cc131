package power

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/dctwin/dctwin/models/weather"
)

// PV is a fixed-tilt photovoltaic array modelled as NREL's PVWatts version 5
// does (Dobos 2014, NREL/TP-6A20-62641):
//
//   - solar position from Spencer's (1971) Fourier series for the declination
//     and the equation of time (as given by Iqbal 1983, eqs. 1.3.1 and 1.4.1);
//   - plane-of-array irradiance by the isotropic-sky model of Liu & Jordan
//     (1963): beam DNI·cos θ, sky diffuse DHI·(1 + cos β)/2, ground-reflected
//     GHI·ρ·(1 − cos β)/2;
//   - cell temperature by the NOCT model (Ross 1976): T_cell = T_air +
//     POA/800·(NOCT − 20), NOCT 45 °C for a standard open-rack module;
//   - DC power P_dc0·POA/1000·(1 + γ(T_cell − 25)), γ = −0.47 %/K (PVWatts
//     standard module), times (1 − system losses), 14 % by default;
//   - the PVWatts inverter part-load curve η = η_nom/η_ref·(−0.0162ζ −
//     0.0059/ζ + 0.9858), ζ = P_dc/P_dc,inv, η_ref = 0.9637, with AC output
//     clipped at the inverter rating P_dc0/dc_ac_ratio·η_nom.
type PV struct {
	CapacityKW   float64 // DC nameplate at 1000 W/m², 25 °C, kW
	TiltDeg      float64 // from horizontal, 0..90
	AzimuthDeg   float64 // direction the array faces, clockwise from north: 180 = south
	LossesFrac   float64 // DC system losses (soiling, wiring, mismatch, ...), 0.14 in PVWatts
	InverterEff  float64 // nominal inverter efficiency, 0.96 in PVWatts
	DCACRatio    float64 // DC nameplate over inverter AC rating, 1.2 in PVWatts
	GammaPerK    float64 // power temperature coefficient, 1/K, −0.0047
	Albedo       float64 // ground reflectance, 0.2
	NOCTC        float64 // nominal operating cell temperature, °C, 45
	LatitudeDeg  float64 // site, north positive
	LongitudeDeg float64 // site, east positive
	TimeZoneH    float64 // standard time offset from UTC, h
}

// DefaultPV returns the PVWatts defaults for an array of capacityKW facing
// the equator at a tilt equal to the latitude (at most 40°).
func DefaultPV(capacityKW float64, loc weather.Location) PV {
	az := 180.0
	if loc.LatitudeDeg < 0 {
		az = 0
	}
	return PV{
		CapacityKW: capacityKW, TiltDeg: math.Min(math.Abs(loc.LatitudeDeg), 40), AzimuthDeg: az,
		LossesFrac: 0.14, InverterEff: 0.96, DCACRatio: 1.2, GammaPerK: -0.0047, Albedo: 0.2, NOCTC: 45,
		LatitudeDeg: loc.LatitudeDeg, LongitudeDeg: loc.LongitudeDeg, TimeZoneH: loc.TimeZoneH,
	}
}

// Validate reports parameters outside physical ranges.
func (p PV) Validate() error {
	switch {
	case !(p.CapacityKW >= 0):
		return fmt.Errorf("pv: capacity %g kW: want ≥ 0", p.CapacityKW)
	case !(p.TiltDeg >= 0 && p.TiltDeg <= 90):
		return fmt.Errorf("pv: tilt %g°: want 0..90", p.TiltDeg)
	case !(p.AzimuthDeg >= 0 && p.AzimuthDeg <= 360):
		return fmt.Errorf("pv: azimuth %g°: want 0..360", p.AzimuthDeg)
	case !(p.LossesFrac >= 0 && p.LossesFrac < 1):
		return fmt.Errorf("pv: losses %g: want 0..1", p.LossesFrac)
	case !(p.InverterEff > 0.5 && p.InverterEff <= 1):
		return fmt.Errorf("pv: inverter efficiency %g: want 0.5..1", p.InverterEff)
	case !(p.DCACRatio >= 0.5 && p.DCACRatio <= 3):
		return fmt.Errorf("pv: DC/AC ratio %g: want 0.5..3", p.DCACRatio)
	}
	return nil
}

// ErrNoIrradiance reports a weather year without solar irradiance (the
// built-in synthetic climates have none), on which PV would silently make
// nothing.
var ErrNoIrradiance = errors.New("the weather has no solar irradiance; PV needs an EPW file")

// SunCosZenith returns the cosine of the solar zenith angle and the solar
// azimuth (clockwise from north, rad) at day-of-year doy (1..366) and local
// standard clock time clockH (hours, fractional) at the array's site.
func (p PV) SunCosZenith(doy int, clockH float64) (cosZ, azimuth float64) {
	g := 2 * math.Pi * float64(doy-1) / 365 // day angle, Spencer 1971
	decl := 0.006918 - 0.399912*math.Cos(g) + 0.070257*math.Sin(g) - 0.006758*math.Cos(2*g) +
		0.000907*math.Sin(2*g) - 0.002697*math.Cos(3*g) + 0.00148*math.Sin(3*g)
	eotMin := 229.18 * (0.000075 + 0.001868*math.Cos(g) - 0.032077*math.Sin(g) - 0.014615*math.Cos(2*g) - 0.040849*math.Sin(2*g))
	solarH := clockH + (4*(p.LongitudeDeg-15*p.TimeZoneH)+eotMin)/60
	omega := (solarH - 12) * 15 * math.Pi / 180
	lat := p.LatitudeDeg * math.Pi / 180
	cosZ = math.Sin(lat)*math.Sin(decl) + math.Cos(lat)*math.Cos(decl)*math.Cos(omega)
	cosZ = math.Max(-1, math.Min(1, cosZ))
	sinZ := math.Sqrt(1 - cosZ*cosZ)
	if sinZ < 1e-9 {
		return cosZ, math.Pi
	}
	// Azimuth from north, clockwise: Iqbal 1983 eq. 1.5.2 form.
	cosA := (math.Sin(decl) - cosZ*math.Sin(lat)) / (sinZ * math.Cos(lat))
	a := math.Acos(math.Max(-1, math.Min(1, cosA)))
	if omega > 0 {
		a = 2*math.Pi - a
	}
	return cosZ, a
}

// POA returns the plane-of-array irradiance, W/m², for the sun at (cosZ,
// sunAz) and the hour's GHI, DNI and DHI, W/m².
func (p PV) POA(cosZ, sunAz, ghi, dni, dhi float64) float64 {
	beta := p.TiltDeg * math.Pi / 180
	gamma := p.AzimuthDeg * math.Pi / 180
	var beam float64
	if cosZ > 0 {
		sinZ := math.Sqrt(1 - cosZ*cosZ)
		cosAOI := cosZ*math.Cos(beta) + sinZ*math.Sin(beta)*math.Cos(sunAz-gamma)
		beam = dni * math.Max(0, cosAOI)
	}
	return beam + dhi*(1+math.Cos(beta))/2 + ghi*p.Albedo*(1-math.Cos(beta))/2
}

// ACKW returns the AC output, kW, for a plane-of-array irradiance poa (W/m²)
// and air temperature airC.
func (p PV) ACKW(poa, airC float64) float64 {
	if poa <= 0 || p.CapacityKW <= 0 {
		return 0
	}
	cell := airC + poa/800*(p.NOCTC-20)
	dc := p.CapacityKW * poa / 1000 * (1 + p.GammaPerK*(cell-25)) * (1 - p.LossesFrac)
	if dc <= 0 {
		return 0
	}
	const etaRef = 0.9637
	// PVWatts v5: the AC rating is the DC nameplate over the DC/AC ratio;
	// the part-load curve runs on DC input over that rating divided by the
	// nominal efficiency.
	acRated := p.CapacityKW / p.DCACRatio
	dcInv := acRated / p.InverterEff // DC input at rated AC
	z := dc / dcInv
	eta := p.InverterEff / etaRef * (-0.0162*z - 0.0059/z + 0.9858)
	return math.Max(0, math.Min(dc*eta, acRated))
}

// Hourly returns the mean AC output, kW, of each of hours hours from start
// (a whole hour in the site's standard time), from the weather year y mapped
// onto the calendar by month, day and hour as weather.Sampler does. EPW
// irradiance is the energy of the hour ending at the record's time, so
// record h is the mean of hour h; the sun is placed at the hour's midpoint.
func (p PV) Hourly(y *weather.Year, start time.Time, hours int) ([]float64, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var sum float64
	for _, h := range y.Hours {
		sum += h.GlobalHorizWm2
	}
	if !(sum > 0) {
		return nil, fmt.Errorf("%s: %w", y.Source, ErrNoIrradiance)
	}
	out := make([]float64, hours)
	for h := range out {
		t := start.Add(time.Duration(h) * time.Hour)
		c := hourRecord(y, t)
		doy := t.YearDay()
		if isLeap(t.Year()) && doy > 59 {
			doy-- // the sun's year: Feb 29 ≈ Feb 28
		}
		cosZ, az := p.SunCosZenith(doy, float64(t.Hour())+0.5)
		poa := p.POA(cosZ, az, c.GlobalHorizWm2, c.DirectNormalWm2, c.DiffuseHorizWm2)
		out[h] = p.ACKW(poa, c.DryBulbC)
	}
	return out, nil
}

// hourRecord returns the weather record of the hour starting at t.
func hourRecord(y *weather.Year, t time.Time) weather.Conditions {
	day := t.YearDay() - 1
	if isLeap(t.Year()) && day >= 59 {
		if day == 59 && len(y.LeapDay) == 24 {
			return y.LeapDay[t.Hour()]
		}
		day--
	}
	return y.Hours[day*24+t.Hour()]
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
