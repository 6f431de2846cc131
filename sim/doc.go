// Package sim is dctwin's discrete-time engine. It steps each site's racks,
// power chain, cooling plant, water and grid together at a fixed step over a
// calendar period, runs sites concurrently, and streams the results to the
// output folder: OUT/<site>/timeseries.csv, OUT/<site>/summary.json and
// OUT/summary.csv.
//
// A step follows the data flow of the design: outdoor air (hourly weather
// with its psychrometrics, interpolated to the step), IT power and heat,
// power-chain losses, the cooling plant solved with its heat rejection, tower
// water, then the ledger (on-site PV, battery, generators, the grid
// connection with load shedding, carbon, off-site water and cost; see
// Ledger), and then the recorders. Every joule is accounted for:
// facility = IT + cooling + power losses + other loads, exactly, at every row;
// heat rejected to the atmosphere equals facility electricity less the heat
// the plant could not remove.
//
// Determinism: the same sites and seed give byte-identical outputs whatever
// GOMAXPROCS, the number of sites or their order. Each site's random streams
// derive from the run seed and the site's name (SeedFor); racks are sharded
// in fixed blocks and reduced in a fixed order (package it).
//
// The step loop does not allocate; memory does not grow with the number of
// steps, since rows stream to disk and summaries accumulate.
package sim
