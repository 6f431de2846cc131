// Package thermal holds the thermal side of a data hall's resilience: the
// ASHRAE air-temperature envelopes rack inlets are judged against, a lumped
// thermal-mass model that stores the heat the cooling plant cannot remove
// (so that temperatures rise instead of the load vanishing), a schedule of
// equipment failures and utility outages, and the ride-through of each event.
//
// The mass model is the lumped-capacitance picture used in data-center
// ride-through estimates (for example Zhang et al., "Thermal response of
// data centers to cooling interruptions", and the Uptime Institute's and
// ASHRAE TC 9.9's treatment of cooling continuity): every node is a heat
// capacity C = m·c_p at one temperature, and the heat the plant does not
// remove, Q, warms the nodes it reaches, dT/dt = Q/ΣC. Room air enters with a
// capacitance multiplier for the furniture, raised floor and structure it
// exchanges heat with quickly, as EnergyPlus does for zone air
// (ZoneCapacitanceMultiplier:ResearchSpecial).
//
// Units: kW, kJ, kJ/K, K, °C, seconds.
package thermal
