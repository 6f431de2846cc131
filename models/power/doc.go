// Package power models the electrical chain between the utility and the IT
// racks: the utility transformer, the uninterruptible power supply (UPS) and
// the power distribution units (PDU), plus the site's other electrical loads
// (lighting, offices).
//
// Each conversion stage loses power as heat by the three-term model of
// Rasmussen, "Electrical Efficiency Modeling for Data Centers" (APC/Schneider
// Electric White Paper 113): a no-load loss that is drawn whenever the device
// is energised, a loss proportional to the load, and a square-law (I²R) loss
// that grows with the square of the load:
//
//	loss = rating·(NoLoad + Proportional·x + Square·x²),  x = load/rating
//
// where NoLoad, Proportional and Square are fractions of the rating. All powers
// are in kW.
package power
