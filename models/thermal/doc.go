// Package thermal holds the thermal side of a data hall's resilience: the
// ASHRAE air-temperature envelopes rack inlets are judged against, a lumped
// thermal-mass model that stores the heat the cooling plant cannot remove
// (so that temperatures rise instead of the load vanishing), a schedule of
// equipment failures and utility outages, and the ride-through of each event.
//
// The mass model is the lumped-capacitance picture of data-center
// ride-through estimates (Lin, Zhang & VanGilder, "Data Center Temperature
// Rise During a Cooling System Outage", Schneider Electric White Paper 179;
// Khankari, "Rate of Heating Analysis of Data Centers during Power Shutdown",
// ASHRAE Transactions 117(1), 2011): every node is a heat
// capacity C = m·c_p at one temperature, and the heat the plant does not
// remove, Q, warms the nodes it reaches, dT/dt = Q/ΣC. Room air enters with a
// capacitance multiplier for the furniture, raised floor and structure it
// exchanges heat with quickly, as EnergyPlus does for zone air
// (ZoneCapacitanceMultiplier:ResearchSpecial). Khankari shows the rate of
// heating falling from a first maximum, while only the air heats, to a
// minimum once the racks' mass follows, with a time constant set by the
// racks' heat capacity and surface; taking air and IT mass at one
// temperature is that minimum rate, which a ride-through of more than a few
// time constants approaches.
//
// Units: kW, kJ, kJ/K, K, °C, seconds.
package thermal
