// Package water accounts for a site's water: what open cooling towers
// evaporate, lose as drift and blow down, and hence what the site withdraws,
// consumes and discharges.
//
// Definitions (Macknick et al. 2012; REFERENCE.md §2.2): withdrawal is water
// taken from a source, consumption the part that does not return to it
// (evaporation and drift), discharge the part that does (blowdown to the
// sewer). For an open tower, withdrawal = makeup = evaporation + drift +
// blowdown, so withdrawal = consumption + discharge holds exactly.
//
// Evaporation follows from the heat and mass balance of the tower, not from a
// fixed litres-per-kWh figure: the saturated-exit model of the EnergyPlus
// Engineering Reference ("Cooling Tower Makeup Water Usage"). Drift and
// blowdown follow EnergyPlus too. Volumes are in litres, flows in L/s.
package water
