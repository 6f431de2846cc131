// Package series reads hourly time series from CSV files and aligns them to a
// simulation period. It is the shared reader behind grid carbon-intensity
// series, workload utilisation traces and, later, prices and on-site supply
// profiles; it imports only the standard library.
//
// # Files
//
// A file is CSV with a header row; column names are matched without regard to
// case. Three shapes are read:
//
//   - timed: a column named time, timestamp or datetime, and value columns,
//     e.g. "time,value" or the EIA-930 grid files
//     "timestamp,WND,SUN,...,avg_CI";
//   - untimed: no time column, one row per hour, optionally led by an index
//     column whose header is empty, "index" or "Unnamed: 0" (pandas), e.g.
//     ",cpu_load"; the index must count up by one from row to row, so that a
//     dropped row is caught (an unnamed first column whose first entry is a
//     time, as pandas writes a DatetimeIndex, is the time column instead);
//   - either, with several value columns, of which ReadOptions.ValueColumn
//     picks one.
//
// CR, LF and CRLF line ends, a UTF-8 byte order mark, blank lines, comment
// lines starting with '#' and quoted fields are accepted.
//
// Timestamps are RFC 3339 ("2022-01-01T00:00:00Z", "2022-01-01T00:00:00+01:00"),
// the same with a space for the T ("2022-01-01 00:00:00+00:00", as pandas
// writes it), or without an offset ("2022-01-01 00:00:00", "2022-01-01 00:00",
// "2022-01-01T00:00"); a time without an offset is read in
// ReadOptions.Location, the site's standard time.
//
// # Time convention
//
// A timestamp marks the start of the interval its value covers: a value
// stamped 13:00 in an hourly file covers 13:00 to 14:00. Files that stamp the
// end of the interval ("hour ending") must be shifted by the caller. The
// interval between rows is uniform: one hour, or a divisor of an hour (5, 10,
// 15, 30 min, ...), in which case the values of each hour are averaged
// (arithmetic mean, the right average for a power or an intensity held over
// equal sub-intervals) and the file must start on a whole hour and end with a
// complete hour. A gap, a repeated or a backward timestamp, or a change of
// interval is an error.
//
// # Alignment
//
// Series.Hourly returns one value per hour of a period that starts on a whole
// hour of the site's standard time. A timed series aligns by timestamp; an
// untimed one supplies consecutive hours from the period start. When the
// series does not cover the period, wrap = true reuses it: an untimed series
// repeats from its beginning, and a timed series that holds one whole year
// maps each period hour by month, day and hour of the site's standard time
// onto that year (Feb 29 takes Feb 28's hours when the series year has no
// leap day; a series' Feb 29 goes unused in other years). The year may start
// on Jan 1 00:00 of the site's standard time or of the series' own time zone
// (the EIA-930 files are whole UTC years); in the latter case the year is
// taken as a cycle, so the hours of the site's year that fall outside the
// series take the values of the same clock hours one year earlier or later.
//
// Daylight time is not used anywhere: the site's standard time is a fixed
// offset, and a location that observes daylight time is rejected where a
// timestamp without an offset would be read in it, and in Hourly.
//
// # Errors
//
// Every error about the content of a file or about the arguments is an
// *Error that names the file, the 1-based line (and field) where that
// applies, and what was expected; errors.Is tells its kind apart with
// ErrFormat, ErrRange, ErrCoverage and ErrInvalid. Errors of opening or
// reading the file are returned wrapped as they come.
//
// Missing (empty) values are errors unless ReadOptions.MaxFill allows short
// runs of them to be interpolated; Series.Filled lists the lines filled so,
// for the caller to report.
package series
