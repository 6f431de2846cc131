package sites

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dctwin/dctwin/sites/internal/tomlkey"
)

// checker validates a decoded document against the key table and collects
// problems with their lines.
type checker struct {
	file     string
	ix       *tomlkey.Index
	problems []Problem
}

func (c *checker) add(path string, format string, args ...any) {
	c.problems = append(c.problems, Problem{File: c.file, Line: c.ix.Near(path), Key: path, Msg: fmt.Sprintf(format, args...)})
}

// generic strips array indices: racks[1].workload.kind → racks.workload.kind.
func generic(path string) string {
	var b strings.Builder
	depth := 0
	for _, r := range path {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// walk checks every key of table m found at path.
func (c *checker) walk(path string, m map[string]any) {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names) // map order must not leak into messages
	for _, k := range names {
		p := k
		if path != "" {
			p = path + "." + k
		}
		c.value(p, m[k])
	}
}

func (c *checker) value(path string, v any) {
	doc, ok := keyIndex[generic(path)]
	if !ok {
		c.add(path, "unknown key%s", suggest(generic(path)))
		return
	}
	switch doc.kind {
	case kTable:
		if m, ok := v.(map[string]any); ok {
			c.walk(path, m)
			return
		}
	case kTables:
		if list, ok := tables(v); ok {
			for i, m := range list {
				c.walk(fmt.Sprintf("%s[%d]", path, i), m)
			}
			return
		}
	case kNumber, kInt:
		if x, ok := number(v, doc.kind == kInt); ok {
			c.inRange(path, doc, x)
			return
		}
	case kBool:
		if _, ok := v.(bool); ok {
			return
		}
	case kString, kPath:
		if s, ok := v.(string); ok {
			if strings.TrimSpace(s) == "" {
				c.add(path, "empty: want %s", doc.kind)
			}
			return
		}
	case kEnum:
		if s, ok := v.(string); ok {
			if !contains(doc.enum, s) {
				c.add(path, "%q is not one of: %s", s, strings.Join(doc.enum, ", "))
			}
			return
		}
	case kDuration:
		if s, ok := v.(string); ok {
			if _, err := time.ParseDuration(s); err != nil {
				c.add(path, "%q is not a duration: want e.g. \"15m\", \"1h\", \"30s\"", s)
			}
			return
		}
	case kDate:
		switch s := v.(type) {
		case time.Time:
			return
		case string:
			if _, err := parseDate(s, time.UTC); err != nil {
				c.add(path, "%q is not a date: want 2025-01-01 or 2025-01-01T00:00", s)
			}
			return
		}
	case kMonthly:
		if list, ok := v.([]any); ok {
			if len(list) != 12 {
				c.add(path, "%d values: want 12, January first", len(list))
				return
			}
			for i, e := range list {
				x, ok := number(e, false)
				if !ok {
					c.add(path, "value %d (%s) is %s: want a number", i+1, monthName(i), describe(e))
					continue
				}
				if x < doc.min || x > doc.max {
					c.add(path, "value %d (%s) = %s: want %s", i+1, monthName(i), format(x), rangeText(doc))
				}
			}
			return
		}
	}
	c.add(path, "got %s: want %s", describe(v), doc.kind)
}

func (c *checker) inRange(path string, doc *keyDoc, x float64) {
	if x < doc.min || x > doc.max {
		c.add(path, "%s: want %s", format(x), rangeText(doc))
	}
}

func rangeText(doc *keyDoc) string {
	s := format(doc.min) + ".." + format(doc.max)
	if doc.unit != "" {
		s += " " + doc.unit
	}
	return s
}

func format(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// tables returns v as a list of tables: [[x]] sections decode as
// []map[string]any, x = [{...}] inline arrays as []any.
func tables(v any) ([]map[string]any, bool) {
	switch x := v.(type) {
	case []map[string]any:
		return x, true
	case []any:
		out := make([]map[string]any, len(x))
		for i, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, false
			}
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

func number(v any, integer bool) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		if integer || math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, false
		}
		return x, true
	}
	return 0, false
}

func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", x)
	case int64:
		return fmt.Sprintf("the integer %d", x)
	case float64:
		return fmt.Sprintf("the number %s", format(x))
	case bool:
		return fmt.Sprintf("%v", x)
	case time.Time:
		return "a date"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return fmt.Sprintf("an array of %d values", len(x))
	}
	return fmt.Sprintf("%T", v)
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func monthName(i int) string { return time.Month(i + 1).String()[:3] }

// suggest proposes the known key nearest to an unknown one.
func suggest(path string) string {
	prefix, name := "", path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		prefix, name = path[:i+1], path[i+1:]
	}
	best, bestD := "", 3
	for _, k := range keys {
		if !strings.HasPrefix(k.path, prefix) || strings.Contains(k.path[len(prefix):], ".") {
			continue
		}
		if d := editDistance(name, k.path[len(prefix):]); d < bestD {
			best, bestD = k.path[len(prefix):], d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// Suggest returns the candidate closest to name, within two edits, for a
// "did you mean" (commands, flags); "" when none is that close.
func Suggest(name string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// parseDate reads a date or a local date-time in loc.
func parseDate(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, "2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", time.RFC3339} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date", s)
}
