package sites

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/dctwin/dctwin/sim"
)

// resolvedTOML writes the site file as the run used it, for the summary's
// provenance: the keys it gave, with the command-line overrides applied and
// its paths made absolute, and every other key of the tables it has at its
// default. A literal default is written as a key (marked "# default"), so
// that the text runs again as it stands; a default that is sized or derived
// from other keys is written as a comment stating its rule, since the
// loader derives it again. Tables the file does not have are listed as
// comments with their defaults.
//
// A literal default that the loader refuses where it stands (a key that
// applies only to other kinds of event or workload) is written as a comment
// too: the text is loaded once to find them.
func resolvedTOML(raw map[string]any, o Overrides, dir string) string {
	doc := applyOverrides(raw, o, dir)
	asComment := map[string]bool{}
	for range 8 {
		w := &resolveWriter{asComment: asComment}
		text := w.write(doc)
		_, err := parse([]byte(text), "resolved", ".", Overrides{}, false)
		var se *Error
		if err == nil || !errors.As(err, &se) {
			return text
		}
		more := false
		for _, p := range se.Problems {
			if w.inserted[p.Key] && !asComment[p.Key] {
				asComment[p.Key], more = true, true
			}
		}
		if !more {
			return text + "\n# dctwin could not check this resolved file: " + strings.ReplaceAll(err.Error(), "\n", "\n# ") + "\n"
		}
	}
	return (&resolveWriter{asComment: asComment}).write(doc)
}

// resolveWriter writes a resolved site file. inserted holds the paths
// (racks[0].fan_frac) of the literal defaults it wrote as keys; asComment
// those to write as comments instead.
type resolveWriter struct {
	b                   strings.Builder
	inserted, asComment map[string]bool
}

func (w *resolveWriter) write(doc map[string]any) string {
	w.inserted = map[string]bool{}
	w.b.WriteString("# The site file as resolved by dctwin: given keys, command-line overrides,\n# absolute paths, and defaults (marked; derived ones as comments).\n")
	for _, k := range keys {
		if strings.Contains(k.path, ".") || (k.kind != kTable && k.kind != kTables) {
			continue // top-level tables only; they write their own subtables
		}
		w.table(k.path, k.path, k.kind == kTables, doc[k.path])
	}
	return w.b.String()
}

// table writes the table (or array of tables) at the generic path, actual
// with indices, of value v (nil: not given).
func (w *resolveWriter) table(path, actual string, array bool, v any) {
	b := &w.b
	if array {
		list, _ := tables(v)
		if len(list) == 0 {
			fmt.Fprintf(b, "\n# [[%s]]: none given\n", path)
			return
		}
		for i, m := range list {
			fmt.Fprintf(b, "\n[[%s]]\n", path)
			w.keys(path, fmt.Sprintf("%s[%d]", actual, i), m)
		}
		return
	}
	m, _ := v.(map[string]any)
	if m == nil {
		fmt.Fprintf(b, "\n# [%s]: not given; its defaults apply:\n", path)
		for _, k := range childKeys(path) {
			if k.kind != kTable && k.kind != kTables {
				fmt.Fprintf(b, "#   %s = %s\n", lastKey(k.path), k.def)
			}
		}
		for _, k := range childKeys(path) {
			if k.kind == kTable || k.kind == kTables {
				w.table(k.path, actual+"."+lastKey(k.path), k.kind == kTables, nil)
			}
		}
		return
	}
	fmt.Fprintf(b, "\n[%s]\n", path)
	w.keys(path, actual, m)
}

// keys writes the keys of the table m at the generic path (actual with
// indices), then its subtables.
func (w *resolveWriter) keys(path, actual string, m map[string]any) {
	b := &w.b
	children := childKeys(path)
	written := map[string]bool{}
	for _, k := range children {
		if k.kind == kTable || k.kind == kTables {
			continue
		}
		name := lastKey(k.path)
		written[name] = true
		if v, ok := m[name]; ok {
			fmt.Fprintf(b, "%s = %s\n", tomlKey(name), tomlValue(v))
			continue
		}
		if lit, ok := literalDefault(k); ok && !w.asComment[actual+"."+name] {
			fmt.Fprintf(b, "%s = %s # default\n", tomlKey(name), lit)
			w.inserted[actual+"."+name] = true
		} else if ok {
			fmt.Fprintf(b, "# %s = %s: the default, not applying here\n", name, lit)
		} else {
			fmt.Fprintf(b, "# %s: default %s\n", name, k.def)
		}
	}
	// Keys the table lists by name (the per-fuel factors) in order.
	var extra []string
	for name, v := range m {
		if _, sub := v.(map[string]any); !written[name] && !sub && !isTables(v) {
			extra = append(extra, name)
		}
	}
	slices.Sort(extra)
	for _, name := range extra {
		fmt.Fprintf(b, "%s = %s\n", tomlKey(name), tomlValue(m[name]))
	}
	for _, k := range children {
		if k.kind == kTable || k.kind == kTables {
			w.table(k.path, actual+"."+lastKey(k.path), k.kind == kTables, m[lastKey(k.path)])
		}
	}
}

func isTables(v any) bool {
	_, ok := tables(v)
	return ok
}

// childKeys returns the keys directly under the generic path, in the order
// of the key table.
func childKeys(path string) []keyDoc {
	var out []keyDoc
	for _, k := range keys {
		if parent, _, ok := cutLast(k.path); ok && parent == path {
			out = append(out, k)
		}
	}
	return out
}

func cutLast(p string) (parent, last string, ok bool) {
	i := strings.LastIndexByte(p, '.')
	if i < 0 {
		return "", p, false
	}
	return p[:i], p[i+1:], true
}

func lastKey(p string) string {
	_, last, _ := cutLast(p)
	return last
}

// literalDefault returns a key's documented default as a TOML value when it
// is one of the key's kind (a number, a quoted string, true or false, a
// date), and not a rule.
func literalDefault(k keyDoc) (string, bool) {
	var v struct{ X any }
	if _, err := toml.Decode("X = "+k.def, &v); err != nil {
		return "", false
	}
	switch x := v.X.(type) {
	case int64, float64:
		if k.kind == kNumber || k.kind == kInt {
			return k.def, true
		}
	case bool:
		if k.kind == kBool {
			return k.def, true
		}
	case string:
		if k.kind == kString || k.kind == kEnum || k.kind == kDuration {
			return tomlValue(x), true
		}
	case time.Time:
		if k.kind == kDate {
			return k.def, true
		}
	}
	return "", false
}

// applyOverrides returns a copy of the document with the overrides applied
// and the file paths made absolute.
func applyOverrides(raw map[string]any, o Overrides, dir string) map[string]any {
	doc := deepCopy(raw).(map[string]any)
	table := func(name string) map[string]any {
		m, ok := doc[name].(map[string]any)
		if !ok {
			m = map[string]any{}
			doc[name] = m
		}
		return m
	}
	absolute(doc, "", dir)
	cwd, _ := filepath.Abs(".")
	switch {
	case o.WeatherFile != "":
		doc["weather"] = map[string]any{"epw": abs(cwd, o.WeatherFile)}
	case o.Climate != "":
		doc["weather"] = map[string]any{"climate": o.Climate}
	}
	if o.Start != "" {
		if t, err := time.Parse(time.DateOnly, o.Start); err == nil {
			table("period")["start"] = localDate(t.Format(time.DateOnly))
		}
	}
	if o.Days > 0 {
		table("period")["days"] = int64(o.Days)
	}
	if o.Step != "" {
		table("period")["step"] = o.Step
	}
	if o.ReportInterval != "" {
		table("period")["report_interval"] = o.ReportInterval
	}
	if o.GridFile != "" {
		g := table("grid")
		delete(g, "carbon_g_per_kwh")
		g["carbon_file"] = abs(cwd, o.GridFile)
	}
	return doc
}

// absolute makes the paths of m (at the generic path) absolute from dir.
func absolute(m map[string]any, path, dir string) {
	for name, v := range m {
		p := name
		if path != "" {
			p = path + "." + name
		}
		switch x := v.(type) {
		case map[string]any:
			absolute(x, p, dir)
		case string:
			if k, ok := keyIndex[p]; ok && k.kind == kPath {
				m[name] = abs(dir, x)
			}
		default:
			if list, ok := tables(v); ok {
				for _, e := range list {
					absolute(e, p, dir)
				}
			}
		}
	}
}

func abs(dir, p string) string {
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []map[string]any:
		out := make([]map[string]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e).(map[string]any)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

// localDate is a TOML local date, written as it stands.
type localDate string

// tomlKey quotes a key that is not a bare key.
func tomlKey(k string) string {
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return tomlString(k)
		}
	}
	return k
}

// tomlValue writes a decoded TOML value back as TOML.
func tomlValue(v any) string {
	switch x := v.(type) {
	case string:
		return tomlString(x)
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		switch {
		case math.IsInf(x, 1):
			return "inf"
		case math.IsInf(x, -1):
			return "-inf"
		case math.IsNaN(x):
			return "nan"
		}
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		return s
	case localDate:
		return string(x)
	case time.Time:
		// The decoder marks local dates and times by their location.
		switch x.Location().String() {
		case "date-local":
			return x.Format(time.DateOnly)
		case "datetime-local":
			return x.Format("2006-01-02T15:04:05.999999999")
		case "time-local":
			return x.Format("15:04:05.999999999")
		}
		return x.Format(time.RFC3339Nano)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = tomlValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return tomlString(fmt.Sprint(v))
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// siteFile records the site file itself, first among the input files.
func siteFile(name string, src []byte) sim.InputFile {
	return sim.InputFile{Role: "site file", Path: name, SHA256: sim.HashBytes(src)}
}
