package it

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Curve is the shape of a rack's compute power between idle and peak as a
// function of utilisation.
type Curve int

const (
	// CurveLinear: shape(u) = u, the linear server power model
	// P = P_idle + (P_max − P_idle)·u (REFERENCE.md §5).
	CurveLinear Curve = iota
	// CurveConcave: shape(u) = 2u − u^1.4, the empirical model of Fan, Weber
	// and Barroso 2007, "Power provisioning for a warehouse-sized computer",
	// ISCA (REFERENCE.md §5). Power rises faster than linearly at low load.
	CurveConcave
)

// ErrUnknownCurve is returned by ParseCurve for a name it does not know.
var ErrUnknownCurve = errors.New("unknown power curve")

// ParseCurve reads a curve name, "linear" or "concave" (case and surrounding
// space ignored).
func ParseCurve(s string) (Curve, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "linear":
		return CurveLinear, nil
	case "concave":
		return CurveConcave, nil
	}
	return 0, fmt.Errorf("%w %q; want \"linear\" or \"concave\"", ErrUnknownCurve, s)
}

// String returns the name ParseCurve reads.
func (c Curve) String() string {
	switch c {
	case CurveLinear:
		return "linear"
	case CurveConcave:
		return "concave"
	}
	return fmt.Sprintf("Curve(%d)", int(c))
}

func (c Curve) valid() bool { return c == CurveLinear || c == CurveConcave }

// Shape returns the fraction of the span between idle and peak compute power
// drawn at utilisation u (0..1), from the exact formula of the curve. The
// rack kernel uses a table that agrees with Shape to 1e−4 (see shapeTable).
func (c Curve) Shape(u float64) float64 {
	if c == CurveConcave {
		return 2*u - math.Pow(u, 1.4)
	}
	return u
}

// shapeSegments is the number of linear pieces of a shape table on 0..1.
// With 256 pieces the chord of u^1.4 departs from the curve by at most
// 0.123·h^1.4 ≈ 5e−5 (first piece, h = 1/256), below the 1e−4 target.
const shapeSegments = 256

// shapeIndexMask makes indexing a shapeTable free of bounds checks: the table
// has 2·shapeSegments entries, so i&shapeIndexMask is always in range, and
// u = 1 (index shapeSegments) finds a copy of the last piece.
const shapeIndexMask = 2*shapeSegments - 1

// shapePiece is one linear piece of a shape table: shape ≈ A + B·u.
type shapePiece struct{ A, B float64 }

// shapeTable is a piecewise linear form of Curve.Shape on 0..1, one piece per
// 1/shapeSegments of utilisation; pieces past the last repeat it.
type shapeTable [2 * shapeSegments]shapePiece

// newShapeTable tabulates c. Each piece is the chord between the exact
// values at its ends, so the table is exact at the knots (shape(0) = 0 and
// shape(1) = 1 to rounding) and exact everywhere for CurveLinear.
func newShapeTable(c Curve) *shapeTable {
	var t shapeTable
	const h = 1.0 / shapeSegments
	for i := range shapeSegments {
		u0, u1 := float64(i)*h, float64(i+1)*h
		f0, f1 := c.Shape(u0), c.Shape(u1)
		b := (f1 - f0) / h
		t[i] = shapePiece{A: f0 - b*u0, B: b}
	}
	for i := shapeSegments; i < len(t); i++ {
		t[i] = t[shapeSegments-1]
	}
	return &t
}

// eval returns the tabulated shape at u, which must lie in 0..1.
func (t *shapeTable) eval(u float64) float64 {
	p := &t[int(u*shapeSegments)&shapeIndexMask]
	return p.A + p.B*u
}
