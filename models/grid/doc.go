// Package grid holds what the electricity grid brings with each kWh a site
// draws: its carbon intensity, in grams of CO₂ per kWh, as a constant or as an
// hourly series aligned to the simulated period.
//
// Hourly series come from a plain "time,value" CSV file or from the hourly
// balancing-authority files derived from the U.S. EIA Form 930 (columns
// timestamp, WND, SUN, WAT, OIL, NG, COL, NUC, OTH, avg_CI), whose avg_CI
// column is the average carbon intensity of the generation mix in gCO₂/kWh.
package grid
