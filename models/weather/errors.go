package weather

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Errors returned by this package wrap one of them, so that
// callers can test the kind of a problem with errors.Is.
var (
	// ErrSyntax: a weather file line is malformed (a number that does not
	// parse, too few fields, an impossible date).
	ErrSyntax = errors.New("malformed weather record")
	// ErrRange: a value lies outside the physical limits of its field.
	ErrRange = errors.New("value outside physical limits")
	// ErrDuplicate: the same hour appears twice in a weather file.
	ErrDuplicate = errors.New("duplicate weather record")
	// ErrMissingRecord: an hour of the year has no record.
	ErrMissingRecord = errors.New("missing weather record")
	// ErrMissingData: a field is marked missing for too long to be filled.
	ErrMissingData = errors.New("too much missing weather data")
	// ErrInvalidClimate: a climate's statistics are out of range or inconsistent.
	ErrInvalidClimate = errors.New("invalid climate")
	// ErrStep: a sampler step is not a divisor of an hour between 1 min and 1 h,
	// or the year is malformed.
	ErrStep = errors.New("unsupported weather sampling")
)

// ParseError is a problem found while reading a weather file. Its message
// names the file, the 1-based line and, where relevant, the field, e.g.
//
//	weather.epw:12: field 7 (dry bulb): "abc" is not a number
type ParseError struct {
	Name      string // file name as given to ReadEPW
	Line      int    // 1-based line number, 0 when the problem is not on one line
	Field     int    // 1-based field number, 0 when not about one field
	FieldName string // e.g. "dry bulb"
	Msg       string // what is wrong and what was expected
	Kind      error  // one of the sentinel errors
	Cause     error  // the underlying error, if any
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.Name)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Field > 0 {
		fmt.Fprintf(&b, "field %d (%s): ", e.Field, e.FieldName)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the kind of the error and its cause, for errors.Is and errors.As.
func (e *ParseError) Unwrap() []error {
	errs := make([]error, 0, 2)
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Cause != nil {
		errs = append(errs, e.Cause)
	}
	return errs
}

// ClimateError is one problem found by Climate.Validate, e.g.
//
//	month 3 (Mar): tmin_c 25 is above tmax_c 20
//
// Month is 1..12, or 0 for a problem of the location.
type ClimateError struct {
	Month int
	Field string // site-file key of the offending value, e.g. "tmin_c"
	Msg   string
}

func (e *ClimateError) Error() string {
	if e.Month == 0 {
		return "location: " + e.Msg
	}
	return fmt.Sprintf("month %d (%s): %s", e.Month, monthAbbr(e.Month), e.Msg)
}

// Unwrap makes every ClimateError match ErrInvalidClimate.
func (e *ClimateError) Unwrap() error { return ErrInvalidClimate }
