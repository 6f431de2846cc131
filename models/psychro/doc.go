// Package psychro computes the properties of moist air from the formulas of the
// ASHRAE Handbook—Fundamentals (2017), chapter 1, in SI units, as implemented by
// PsychroLib 2.5 (Meyer and Thevenard, psychrometrics/psychrolib).
//
// Conventions: temperatures in °C, pressures in Pa, humidity ratios in kg of
// water vapour per kg of dry air, relative humidity as a fraction 0..1,
// enthalpies in J per kg of dry air, specific volumes in m³ per kg of dry air.
//
// The functions are pure and hold no state. Like the functions of package math,
// they return NaN for inputs outside their domain (a temperature outside −100 to
// 200 °C, a relative humidity outside 0..1, a negative pressure) instead of an
// error: inputs are validated where they enter the program.
package psychro
