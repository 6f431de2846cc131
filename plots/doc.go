// Package plots draws the figures and the reviewer report of a dctwin output
// folder.
//
// It reads only what a run wrote — OUT/summary.csv, and for each site
// OUT/<site>/summary.json and OUT/<site>/timeseries.csv — so that a finished
// run and a later "dctwin report OUT" take one path. It writes
//
//	OUT/<site>/plots/*.png, *.svg   the figures of one site
//	OUT/sites_*.png, *.svg          the figures that compare sites
//	OUT/report.html                 the self-contained reviewer report
//
// Every figure answers one question a reviewer asks (its title says which),
// carries units on its axes, calendar ticks on time axes, and a caption with
// the assumptions behind it: the design, the weather source, the period and
// the carbon source. Colours are the Okabe–Ito palette, distinguishable with
// the common forms of colour blindness (Okabe & Ito 2008, "Color Universal
// Design"). Figures are sized for an A4 page.
//
// The time series is read in one streaming pass and aggregated to days and
// hours while it is read, so a year of 1-minute rows (525,600 of them) needs
// no more memory than a year of hourly ones.
//
// The KPI table is data-driven: a list of JSON paths into summary.json with
// their ISO/IEC 30134 and EU Delegated Regulation 2024/1364 names; a row shows
// only for the keys a summary has.
package plots
