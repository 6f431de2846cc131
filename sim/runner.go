package sim

import (
	"context"
	"fmt"
	"math"

	"github.com/dctwin/dctwin/models/cooling"
	"github.com/dctwin/dctwin/models/it"
	"github.com/dctwin/dctwin/models/psychro"
	"github.com/dctwin/dctwin/models/water"
)

// blockSteps is how many steps the racks advance at a time: a day of
// 1-minute steps.
const blockSteps = 1440

// runSite steps one site through its period, writing rows to rows and
// returning the summary.
func runSite(ctx context.Context, s *Site, rows rowWriter, progress *Progress) (*Summary, error) {
	p := s.Period
	sampler, err := s.Weather.NewSampler(p.Start, p.Step)
	if err != nil {
		return nil, fmt.Errorf("weather: %w", err)
	}
	fleet, err := it.NewFleet(s.Racks, p.Step, SeedFor(s.Seed, s.Name, "racks"), min(blockSteps, p.Steps))
	if err != nil {
		return nil, fmt.Errorf("racks: %w", err)
	}
	defer fleet.Close()
	plant := s.CoolingSystem()
	if err := plant.Init(meanPressure(s)); err != nil {
		return nil, fmt.Errorf("cooling plant: %w", err)
	}
	class, _, hasClass := s.facilityClass()
	chain := s.Power
	tower := s.Water
	sat := psychro.NewSatTable()
	rec := newRecorder(s, rows)
	led, err := newLedger(s)
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	th, err := newThermalState(s, thermalPlantOf(plant))
	if err != nil {
		return nil, err
	}

	dtS := p.Step.Seconds()
	supplyAirC := plant.SupplyAirC()
	var (
		v   stepValues
		res cooling.Result
	)
	for first := 0; first < p.Steps; first += fleet.BlockSize() {
		n := min(fleet.BlockSize(), p.Steps-first)
		if err := fleet.Compute(ctx, first, n); err != nil {
			return nil, err
		}
		for i := range n {
			k := first + i
			air := sampler.Next()
			rack := fleet.Step(i, supplyAirC+th.riseK())
			flow := chain.Critical(rack.ElecKW)

			// The plant and the towers, through the events of the step and
			// the thermal mass.
			use := th.solve(k, rack.MaxInletC, plant, cooling.Load{
				AirHeatKW:    rack.AirHeatKW + flow.IndoorLossKW + chain.LightingKW,
				LiquidHeatKW: rack.LiquidHeatKW,
				WetBulbC:     air.WetBulbC,
				Outdoor: cooling.Outdoor{
					DryBulbC: air.DryBulbC, DewPointC: air.DewPointC, HumRatio: air.HumRatio,
					EnthalpyJPerKg: air.EnthalpyJPerKg, PressurePa: air.PressurePa,
				},
			}, &res, &tower, water.Inlet{HumRatio: air.HumRatio, EnthalpyJPerKg: air.EnthalpyJPerKg, PressurePa: air.PressurePa}, sat)
			chain.Utility(&flow, rack.ElecKW, res.CoolingKW())

			v = stepValues{
				qDryBulbC: air.DryBulbC, qWetBulbC: air.WetBulbC, qRelHumPct: air.RelHumPct,
				qITKW: rack.ElecKW, qITFanKW: rack.FanKW, qITAirKW: rack.AirHeatKW, qITLiquidKW: rack.LiquidHeatKW,
				qUtilPct:   100 * rack.MeanUtil,
				qCRAHFanKW: res.CRAHFanKW, qCDUPumpKW: res.CDUPumpKW, qCHWPumpKW: res.CHWPumpKW,
				qCondPumpKW: res.CondPumpKW, qChillerKW: res.ChillerKW, qTowerFanKW: res.TowerFanKW,
				qUPSLossKW: flow.UPSLossKW, qPDULossKW: flow.PDULossKW, qTransformerLossKW: flow.TransformerLossKW,
				qLightingKW: chain.LightingKW, qOfficeKW: chain.OfficeKW,
				// Heat leaves through the towers (water and fan work), and
				// directly from the outdoor transformer and the offices' own
				// systems.
				qHeatRejectedKW: res.HeatRejectedKW() + flow.TransformerLossKW + chain.OfficeKW,
				qEvaporatorKW:   res.EvaporatorKW, qEconomizerKW: res.EconomizerKW,
				qChillersOn: float64(res.ChillersOn), qCondWaterC: res.CondWaterC, qUnmetKW: res.UnmetKW,
				qEvaporationL: use.EvaporationL, qDriftL: use.DriftL, qBlowdownL: use.BlowdownL,
			}
			d := &res.Design
			v[qCondFanKW], v[qDryCoolerFanKW], v[qFWPumpKW], v[qHeatPumpKW] = d.CondFanKW, d.DryCoolerFanKW, d.FWPumpKW, d.HeatPumpKW
			v[qHeatReusedKW], v[qAirRejectedKW] = d.HeatReusedKW, d.AirRejectedKW
			v[qReuseHeatC] = d.HeatReusedKW * d.ReuseSourceC
			v[qSprayEvapL] = d.SprayEvapKgS / waterDensityKgL * dtS
			v[qSprayBleedL] = d.SprayBleedKgS / waterDensityKgL * dtS
			v[qFacilitySupplyC] = d.FacilitySupplyC
			// Evaporation by any equipment (towers, pads, evaporative
			// coolers); compressors of any design (chillers, trim chillers,
			// trim coils).
			v[qEvaporativeSteps] = b2f(d.Evaporative || use.EvaporationL > 0)
			v[qTrimSteps] = b2f(d.Trim || res.ChillerKW > 0)
			v[qFacilityTrimSteps] = b2f(d.FacilityTrim)
			v[qAboveClassSteps] = b2f(hasClass && d.FacilitySupplyC > class.LimitC+1e-9)
			th.record(&v)
			led.step(k, &v, th.UtilityOutFrac())
			if err := rec.add(k, &v, th.peakInletC, res.Mode); err != nil {
				return nil, err
			}
		}
		progress.add(int64(n))
	}
	sum, err := rec.finish()
	if err != nil {
		return nil, err
	}
	led.finish(sum, &rec.total)
	th.summarize(sum)
	return sum, nil
}

// waterDensityKgL is the density of liquid water, kg/L, at about 20 °C.
const waterDensityKgL = 0.9982

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// meanPressure returns the mean station pressure of the site's weather, Pa.
func meanPressure(s *Site) float64 {
	var sum float64
	for _, h := range s.Weather.Hours {
		sum += h.PressurePa
	}
	p := sum / float64(len(s.Weather.Hours))
	if math.IsNaN(p) || p <= 0 {
		return psychro.StandardAtmPressure(s.Weather.Location.ElevationM)
	}
	return p
}
