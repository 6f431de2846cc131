package cooling

// solveOutage runs the plant with equipment out of service:
//
//   - Tripped chillers and tower cells out of service leave fewer to stage;
//     the condenser pumps that pair with tripped chillers stop with them.
//   - Without make-up water an open tower cannot evaporate, and an open
//     tower's capacity is its evaporation: the towers are treated as
//     unavailable at once. (Their basins would carry them for a while; the
//     simplification is on the safe side for ride-through.)
//   - Without utility power (before the generators take the load) chillers,
//     tower fans and condenser pumps stop. CRAH fans and CDU pumps are
//     UPS-fed and run; the chilled-water pumps run when ChilledWater.OnUPS.
//   - With no chiller or no heat rejection left, only the waterside
//     economizer can still cool, and only when the towers can carry the whole
//     load through it (free cooling); otherwise the whole chilled-water load
//     is unmet. Partial economizing without chillers is not modelled.
//
// Heat the plant cannot remove is reported in Result.UnmetKW, as always.
func (p *Plant) solveOutage(in Load, r *Result) {
	o := in.Outage
	in.Outage = Outage{}
	chillers := max(p.Chillers-o.ChillersOut, 0)
	cells := max(p.Tower.Cells-o.HeatRejectionOut, 0)
	if o.NoWater || o.NoPower {
		cells = 0
	}
	if o.NoPower {
		chillers = 0
	}
	q := *p // a copy with fewer units; it does not escape
	q.Tower.Cells = cells
	if chillers > 0 && cells > 0 {
		q.Chillers = chillers
		q.Solve(in, r)
		return
	}

	*r = Result{}
	coil := q.airSide(in.AirHeatKW, r)
	liquid := q.liquidSide(in.LiquidHeatKW, r)
	if o.NoPower && !p.ChilledWater.OnUPS {
		r.UnmetKW += coil + liquid
		return
	}
	q.chilledWaterPump(coil+liquid, r)
	if cells > 0 && q.Economizer.Enabled {
		flowCHW := clamp(r.EvaporatorKW/(waterRhoCp*q.ChilledWater.DeltaTK), q.ChilledWater.MinFlow*q.chwDesignM3S, q.chwDesignM3S)
		r.CHWReturnC = q.ChilledWater.SupplyC + r.EvaporatorKW/(waterRhoCp*flowCHW)
		keep := *r
		if q.freeCooling(in.WetBulbC, r) {
			return
		}
		*r = keep
	}
	r.UnmetKW += r.EvaporatorKW
}
