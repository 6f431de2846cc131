// Package weather supplies the outdoor air of a simulation: hourly typical
// years read from EnergyPlus weather files (EPW) or generated from monthly
// climate statistics, resampled to the simulation step.
//
// # Years and conditions
//
// A Year holds 8760 hourly Conditions of a non-leap typical year, in the
// standard time of its Location, with the 24 hours of Feb 29 aside when the
// source had them. Each hour carries its complete psychrometric state (wet
// bulb, dew point, relative humidity, humidity ratio, enthalpy, from the dry
// bulb, dew point and station pressure by package psychro, after the ASHRAE
// Handbook—Fundamentals 2017 ch. 1), computed once when the Year is built,
// never per simulation step. Units are SI and stand in the field names: °C, %, kg/kg,
// J/kg of dry air, Pa, W/m², m/s.
//
// Values are point values at the end of each hour, as EnergyPlus treats EPW
// data: Hours[0] is the record of Jan 1 hour 1 and holds at 01:00. (EPW
// irradiances are energies over the hour ending then, Wh/m², i.e. the hour's
// mean in W/m²; they are kept as such and interpolated like the rest.)
//
// # EPW files
//
// ReadEPW and LoadEPW read the format of the EnergyPlus Auxiliary Programs
// documentation ("Weather Converter Program", "EnergyPlus Weather File (EPW)
// Data Dictionary"), and accept the variations of files in the wild: header
// keywords in any case, missing or extra header lines (the data start after
// DATA PERIODS, or at the first line that parses as a data record), a UTF-8
// byte-order mark, non-UTF-8 (Latin-1) header text, CR, LF, CRLF or mixed line
// ends, blank lines, extra fields, 8760 or 8784 records (with Feb 29),
// sub-hourly records (averaged to the hour), hours numbered 0..23, and a year
// field that changes from month to month (ignored: month, day and hour place a
// record). Every hour of the year must be present exactly once; a duplicate
// or missing hour, a number that does not parse or a value outside the data
// dictionary's limits is an error that names the file, the line and the field.
//
// Missing values (the data dictionary's markers: dry bulb and dew point 99.9,
// relative humidity 999, station pressure 999999, irradiance 9999, wind speed
// 999, or an empty field) are handled per field: a missing dew point is first
// derived from the dry bulb and relative humidity; gaps of up to 24 hours are
// filled by linear interpolation in time; longer gaps, or more than 10 % of
// the hours missing, are errors, except for the station pressure (replaced by
// the standard atmosphere at the elevation) and the irradiance (set to 0).
// Each fill is reported in Year.Warnings with its count, as are dew points
// above the dry bulb (capped), a relative humidity column inconsistent with the
// dry bulb and dew point, and a mean station pressure more than 3 % away from
// the standard atmosphere at the header's elevation.
//
// # Synthetic climates
//
// Climates lists built-in climates made from monthly statistics of real typical
// years (NREL TMY3, climate.onebuilding.org TMYx, ASHRAE IWEC); a site may
// also give its own monthly normals (Climate with ID "custom"). Generate makes a
// seeded, deterministic typical year whose months have the mean daily max and
// min, the mean dew point (or relative humidity), the SD of the daily means and
// the lag-1 autocorrelation of their anomalies of the statistics; the diurnal
// shape follows ASHRAE's fraction of daily temperature range. Synthetic years
// have no irradiance and no wind (0). See Climate.Generate for the method.
//
// # Resampling
//
// A Sampler returns the conditions at the midpoint of each simulation step
// (1 minute to 1 hour, a divisor of the hour), linearly interpolated between the
// two neighbouring hourly points. The year is a ring: the point before Jan 1
// 01:00 is Dec 31 24:00, so periods may start at any time and span several
// years. The simulated calendar maps onto the typical year by month, day and
// hour of the start time's zone, which should be the site's standard time
// (Location.StandardTime). In a leap year, Feb 29 takes the source's leap day
// when it had one and otherwise repeats Feb 28. Next is O(1) and does not
// allocate.
package weather
