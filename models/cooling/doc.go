// Package cooling models the mechanical plant that removes a data center's
// heat. Two kinds of System are stepped by the engine:
//
//   - Plant, the chilled-water plant: computer-room air handlers (CRAH) with
//     variable-speed fans, coolant distribution units (CDU) for liquid-cooled
//     racks, a variable-flow chilled water loop, water-cooled chillers on the
//     DOE-2 electric EIR model, open cooling towers on the YorkCalc approach
//     correlation with variable-speed fans, and a waterside economizer.
//   - Hall, every other design: CRAHs on chilled water from air-cooled
//     chillers (optionally with free-cooling coils), an airside economizer
//     with direct evaporative cooling, or indirect evaporative coolers, each
//     with chilled-water trim; and CDUs either on the same chilled water or on
//     a facility-water loop at an ASHRAE W-class supply, rejected by dry
//     coolers (optionally adiabatic) or cooling towers with air-cooled trim
//     chillers, with optional heat reuse through a heat pump.
//
// Sources: the chiller model and its coefficient sets, the tower correlation
// and the fan-power law are those of the EnergyPlus Engineering Reference and
// Input Output Reference (Chiller:Electric:EIR, CoolingTower:VariableSpeed,
// EvaporativeCooler:Direct:ResearchSpecial and :Indirect:ResearchSpecial),
// REFERENCE.md §2.4 and §3; the air-cooled curves are ASHRAE 90.1 Appendix
// G's; crossflow effectiveness from Incropera & DeWitt; the envelopes and W
// classes from ASHRAE TC 9.9 (2021); the fan and pump laws are the affinity
// laws (power ∝ speed³).
//
// Units: powers and heat flows in kW, temperatures in °C, temperature
// differences in K, water flows in m³/s, air flows in m³/s or kg/s as named.
// Heat is accounted for exactly: every kW of fan and pump power ends as heat in
// the stream it drives; Result.HeatRejectedKW plus the heat reused equals the
// heat removed plus the cooling power.
package cooling
