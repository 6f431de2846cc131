package weather

// Calendar arithmetic of the typical year. A typical year has 365 days; when
// its source had Feb 29, that day is kept aside (Year.LeapDay).

const (
	daysPerYear = 365
	// feb29Hour is the index, in the hours of a leap calendar year, of the first
	// hour of Feb 29 (after the 59 days of January and February 1–28).
	feb29Hour = 59 * 24
	// feb29Day is the 0-based day of Feb 29 in a leap calendar year.
	feb29Day = 59
)

// monthAbbr returns "Jan".."Dec" for month 1..12.
func monthAbbr(m int) string {
	const names = "JanFebMarAprMayJunJulAugSepOctNovDec"
	if m < 1 || m > 12 {
		return "?"
	}
	return names[3*(m-1) : 3*m]
}

// daysInMonth returns the number of days of month m (1..12); February has 28
// days unless leap is set.
func daysInMonth(m int, leap bool) int {
	switch m {
	case 2:
		if leap {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	default:
		return 31
	}
}

// monthStartDay returns the 0-based day of the non-leap year on which month m
// (1..12) starts.
func monthStartDay(m int) int {
	d := 0
	for k := 1; k < m; k++ {
		d += daysInMonth(k, false)
	}
	return d
}

// monthOfDay returns the month (1..12) of the 0-based day d of a non-leap year.
func monthOfDay(d int) int {
	for m := 1; m < 12; m++ {
		if d < monthStartDay(m+1) {
			return m
		}
	}
	return 12
}

// leapDayIndex returns the 0-based day, in a leap calendar (366 days), of
// month m and day-of-month day; the caller has checked the date.
func leapDayIndex(m, day int) int {
	d := day - 1
	for k := 1; k < m; k++ {
		d += daysInMonth(k, true)
	}
	return d
}

// dateOfLeapDayIndex is the inverse of leapDayIndex.
func dateOfLeapDayIndex(d int) (month, day int) {
	for m := 1; m <= 12; m++ {
		n := daysInMonth(m, true)
		if d < n {
			return m, d + 1
		}
		d -= n
	}
	return 12, 31
}

// isLeap reports whether year is a leap year of the Gregorian calendar.
func isLeap(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}
