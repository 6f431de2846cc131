// Package cooling models the mechanical plant that removes a data center's
// heat: computer-room air handlers (CRAH) with variable-speed fans, coolant
// distribution units (CDU) for liquid-cooled racks, a variable-flow chilled
// water loop, water-cooled chillers on the DOE-2 electric EIR model, open
// cooling towers on the YorkCalc approach correlation with variable-speed fans,
// and a waterside economizer (plate heat exchanger between the condenser and
// chilled-water loops).
//
// Sources: the chiller model and its DOE-2 centrifugal coefficient set, the
// tower correlation and the fan-power law are those of the EnergyPlus
// Engineering Reference and Input Output Reference (Chiller:Electric:EIR,
// CoolingTower:VariableSpeed), REFERENCE.md §2.4 and §3; the fan and pump laws
// are the affinity laws (power ∝ speed³).
//
// Units: powers and heat flows in kW, temperatures in °C, temperature
// differences in K, water flows in m³/s, air flows in m³/s or kg/s as named.
// Heat is accounted for exactly: every kW of fan and pump power ends as heat in
// the stream it drives, and the heat put into the tower water is the
// evaporator load plus the compressor and pump power (Result.TowerHeatKW).
package cooling
