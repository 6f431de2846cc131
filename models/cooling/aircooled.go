package cooling

import "math"

// AirCooledChiller returns an air-cooled chiller on the EnergyPlus
// Chiller:Electric:EIR model (condenser type AirCooled: the curves take the
// outdoor dry bulb as the entering condenser temperature), scaled to
// capacityKW.
//
// The curves are the ASHRAE 90.1 Appendix G air-cooled set of NREL's
// openstudio-standards, file
// lib/openstudio-standards/standards/ashrae_90_1/data/ashrae_90_1.curves.json
// (the same values at commits 0548f6d and 5242c75), whose notes say "Based on
// Dick Lord's study dated January 17, 2010":
//
//   - AirCooled_Chiller_2010_PathA_CAPFT, biquadratic in Tchws (leaving
//     chilled water, °C) and Toadb (outdoor dry bulb, °C):
//     1.0433825, 0.0407073, 0.0004506, −0.0041514, −8.86e−05, −0.0003467;
//   - AirCooled_Chiller_2010_PathA_EIRFT, same variables:
//     0.5961915, −0.0099496, 0.0007888, 0.0004506, 0.0004875, −0.0007623;
//     both fitted for Tchws 5.0–10.0 °C and Toadb 12.7–51.67 °C;
//   - AirCooled_Chiller_AllCapacities_2004_2010_EIRFPLR, quadratic in the
//     part-load ratio over 0–1: 0.141, 0.655, 0.203.
//
// CAPFT and EIRFT are 1.0002 and 0.9999 at the AHRI 550/590 rating point
// (6.67 °C leaving water, 35 °C outdoor air), and EIRFPLR(1) is 0.999 as
// published (the file does not normalise it). As EnergyPlus does, the
// variables are clamped to the fitted ranges. The reference COP 3.3 of the
// compressor with a condenser-fan power of 0.03 kW per kW of capacity gives
// 3.0 overall at the rating point, about the ASHRAE 90.1-2019 full-load
// minimum for air-cooled chillers with condensers: 1.188 kW/ton (COP 2.96,
// 10.1 EER), Path A, paired with these three curves in the same project's
// ashrae_90_1_2019.chillers.json.
func AirCooledChiller(capacityKW float64) Chiller {
	return Chiller{
		CapacityKW: capacityKW,
		COP:        3.3,
		CapFT: Biquadratic{
			C:    [6]float64{1.0433825, 0.0407073, 0.0004506, -0.0041514, -8.86e-05, -0.0003467},
			XMin: 5, XMax: 10, YMin: 12.7, YMax: 51.67,
		},
		EIRFT: Biquadratic{
			C:    [6]float64{0.5961915, -0.0099496, 0.0007888, 0.0004506, 0.0004875, -0.0007623},
			XMin: 5, XMax: 10, YMin: 12.7, YMax: 51.67,
		},
		EIRFPLR:        Quadratic{C: [3]float64{0.141, 0.655, 0.203}, XMin: 0, XMax: 1},
		MinPLR:         0.1,
		MaxPLR:         1,
		MinUnloadRatio: 0.2,
	}
}

// DefaultCondFanRatio is the condenser-fan power of an air-cooled chiller per
// kW of available capacity (EnergyPlus "Condenser Fan Power Ratio").
const DefaultCondFanRatio = 0.03

// ChillerBank is a set of identical air-cooled chillers that share a load,
// staged on part-load ratio.
type ChillerBank struct {
	Count int
	Unit  Chiller
	// CondFanRatio is the condenser-fan power per kW of available capacity;
	// as in EnergyPlus the fans run at this power whenever the compressor
	// does, scaled by the cycling ratio below the minimum part-load ratio.
	CondFanRatio float64
	StagePLR     float64 // part-load ratio above which another chiller starts
}

// bankRun is the operating point of a chiller bank.
type bankRun struct {
	on                int
	compKW, condFanKW float64
	metKW, unmetKW    float64
	availableKW       float64 // capacity of the units in service, kW
	condenserHeatKW   float64 // met load + compressor + condenser fans
}

// run stages the bank on loadKW at leaving water chwC and outdoor dry bulb
// oatC with out units out of service.
func (b *ChillerBank) run(loadKW, chwC, oatC float64, out int) bankRun {
	var r bankRun
	n := b.Count - out
	if loadKW <= 0 || n <= 0 {
		r.unmetKW = max(loadKW, 0)
		return r
	}
	u := &b.Unit
	if x := u.CapFT.XMax; chwC > x {
		// Warmer leaving water than the curves were fitted for (a trim
		// chiller on a warm facility loop): evaluate them at the same lift,
		// condenser minus evaporator temperature, which sets the work of
		// compression.
		oatC -= chwC - x
		chwC = x
	}
	avail := u.AvailableKW(chwC, oatC)
	r.availableKW = float64(n) * avail * u.MaxPLR
	if loadKW > r.availableKW {
		r.unmetKW = loadKW - r.availableKW
		loadKW = r.availableKW
	}
	on := int(math.Ceil(loadKW / (avail * b.StagePLR)))
	on = min(max(on, 1), n)
	each := loadKW / float64(on)
	plr := each / avail
	cycling := 1.0
	if plr < u.MinPLR {
		cycling = plr / u.MinPLR
	}
	r.on = on
	r.metKW = loadKW
	r.compKW = float64(on) * u.PowerKW(each, avail, chwC, oatC)
	r.condFanKW = float64(on) * avail * b.CondFanRatio * cycling
	r.condenserHeatKW = r.metKW + r.compKW + r.condFanKW
	return r
}
