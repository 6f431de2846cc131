package cooling

// Units returns the units an Outage counts against: the chillers a
// ChillersOut trips and the heat-rejection units a HeatRejectionOut takes out
// (tower cells).
func (p *Plant) Units() (chillers, rejection int) {
	return p.Chillers, p.Tower.Cells
}

// Units returns the units an Outage counts against: the air-cooled chillers
// of the chilled water, or else (a hall without them) the facility loop's
// trim chillers; and the facility loop's dry coolers or tower cells.
func (h *Hall) Units() (chillers, rejection int) {
	chillers = h.Chillers.Count
	if chillers == 0 {
		chillers = h.Facility.Trim.Count
	}
	if h.HasFacility() {
		if h.Facility.Rejection == RejectTower {
			rejection = h.Facility.Tower.Cells
		} else {
			rejection = h.Facility.DryCooler.Units
		}
	}
	return chillers, rejection
}
