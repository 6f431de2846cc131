package cooling

import "fmt"

// Chiller is an electric vapour-compression chiller on the DOE-2 EIR model of
// EnergyPlus (Chiller:Electric:EIR; EnergyPlus Engineering Reference, "Electric
// Chiller Model Based on Condenser Entering Temperature"):
//
//	Q_avail = Q_ref · CAPFT(T_chw,l, T_cond,e)
//	P       = Q_avail / COP_ref · EIRFT(T_chw,l, T_cond,e) · EIRFPLR(PLR) · cycling
//
// For a water-cooled chiller T_cond,e is the condenser water entering from the
// towers. Heat is conserved: the condenser rejects the evaporator load plus the
// compressor power (hermetic motor).
type Chiller struct {
	CapacityKW float64 // reference capacity, kW
	COP        float64 // reference coefficient of performance
	CapFT      Biquadratic
	EIRFT      Biquadratic
	EIRFPLR    Quadratic
	// MinPLR is the part-load ratio below which the chiller cycles on and off.
	MinPLR float64
	// MaxPLR is the largest load the chiller takes as a fraction of Q_avail.
	MaxPLR float64
	// MinUnloadRatio is the part-load ratio below which the compressor cannot
	// unload further and the chiller false-loads (hot-gas bypass): its power is
	// that of this ratio.
	MinUnloadRatio float64
}

// DOE2Centrifugal returns the "DOE-2 Centrifugal/5.50COP" chiller of the
// EnergyPlus datasets (Chillers.idf; REFERENCE.md §3.1), scaled to capacityKW:
// reference 6.67 °C leaving chilled water and 29.4 °C entering condenser
// water, curves fitted for 5–10 °C and 24–35 °C.
func DOE2Centrifugal(capacityKW float64) Chiller {
	return Chiller{
		CapacityKW: capacityKW,
		COP:        5.5,
		CapFT: Biquadratic{
			C:    [6]float64{0.257896, 0.0389016, -0.000217080, 0.0468684, -0.000942840, -0.000343440},
			XMin: 5, XMax: 10, YMin: 24, YMax: 35,
		},
		EIRFT: Biquadratic{
			C:    [6]float64{0.933884, -0.0582120, 0.00450036, 0.00243000, 0.000486000, -0.00121500},
			XMin: 5, XMax: 10, YMin: 24, YMax: 35,
		},
		EIRFPLR:        Quadratic{C: [3]float64{0.222903, 0.313387, 0.463710}, XMin: 0, XMax: 1},
		MinPLR:         0.1,
		MaxPLR:         1.0,
		MinUnloadRatio: 0.2,
	}
}

// AvailableKW returns the capacity of one chiller, kW, at leaving chilled
// water chwC and entering condenser water condC.
func (c *Chiller) AvailableKW(chwC, condC float64) float64 {
	return c.CapacityKW * c.CapFT.At(chwC, condC)
}

// PowerKW returns the electric power of one chiller, kW, removing loadKW
// (0 ≤ loadKW ≤ MaxPLR·availKW) at chwC and condC, availKW being
// AvailableKW(chwC, condC).
func (c *Chiller) PowerKW(loadKW, availKW, chwC, condC float64) float64 {
	if loadKW <= 0 || availKW <= 0 {
		return 0
	}
	plr := min(loadKW/availKW, c.MaxPLR)
	cycling := 1.0
	if plr < c.MinPLR {
		cycling = plr / c.MinPLR
		plr = c.MinPLR
	}
	return availKW / c.COP * c.EIRFT.At(chwC, condC) * c.EIRFPLR.At(max(plr, c.MinUnloadRatio)) * cycling
}

// Validate reports values outside physical ranges.
func (c *Chiller) Validate() error {
	switch {
	case !(c.CapacityKW > 0):
		return fmt.Errorf("chiller capacity %g kW: want > 0", c.CapacityKW)
	case !(c.COP >= 1 && c.COP <= 15):
		return fmt.Errorf("chiller COP %g: want 1..15", c.COP)
	case !(c.MinPLR >= 0 && c.MinPLR < 1) || !(c.MaxPLR > 0 && c.MaxPLR <= 1.2) || !(c.MinUnloadRatio >= 0 && c.MinUnloadRatio <= 1):
		return fmt.Errorf("chiller part-load limits min %g, max %g, unload %g: want 0 ≤ min < 1, 0 < max ≤ 1.2, 0 ≤ unload ≤ 1", c.MinPLR, c.MaxPLR, c.MinUnloadRatio)
	}
	return nil
}

// McQuayPFH returns the "ElectricEIRChiller McQuay PFH 2124kW/6.03COP/Vanes"
// centrifugal chiller of the EnergyPlus chiller dataset (REFERENCE.md §3.2,
// as transcribed in Modelica Buildings), scaled to capacityKW: reference
// 8.89 °C leaving chilled water and 23.89 °C entering condenser water.
// The dataset gives no curve limits; the ranges here are those of the DOE-2
// set, around the reference point.
func McQuayPFH(capacityKW float64) Chiller {
	return Chiller{
		CapacityKW: capacityKW,
		COP:        6.03,
		CapFT: Biquadratic{
			C:    [6]float64{1.040134, -1.745650e-2, 1.084856e-3, 6.629328e-3, -8.008991e-4, 1.567769e-3},
			XMin: 5, XMax: 10, YMin: 20, YMax: 35,
		},
		EIRFT: Biquadratic{
			C:    [6]float64{1.157799, -3.621524e-2, -3.684818e-3, -1.202959e-2, -7.378548e-5, 3.787365e-3},
			XMin: 5, XMax: 10, YMin: 20, YMax: 35,
		},
		EIRFPLR:        Quadratic{C: [3]float64{0.1051419, 0.2033679, 0.6902026}, XMin: 0, XMax: 1.03},
		MinPLR:         0.09,
		MaxPLR:         1.03,
		MinUnloadRatio: 0.09,
	}
}
