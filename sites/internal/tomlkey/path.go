package tomlkey

import (
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// elem is one step of a path: a key name, or (index >= 0) an array position.
type elem struct {
	name  string
	index int
}

func nameElem(name string) elem { return elem{name: name, index: -1} }
func indexElem(i int) elem      { return elem{index: i} }

// join returns a new path; it never shares the backing array of prefix, so
// paths handed out earlier stay intact.
func join(prefix []elem, more ...elem) []elem {
	path := make([]elem, 0, len(prefix)+len(more))
	return append(append(path, prefix...), more...)
}

// format spells a path with indices: it.group[1]."rated kW".
func format(path []elem) string {
	var b strings.Builder
	for i, e := range path {
		if e.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(e.index))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(toml.Key{e.name}.String())
	}
	return b.String()
}

// formatBare spells a path without indices, exactly as toml.Key.String does,
// so that it compares equal to the keys of toml.MetaData.
func formatBare(path []elem) string {
	names := make(toml.Key, 0, len(path))
	for _, e := range path {
		if e.index < 0 {
			names = append(names, e.name)
		}
	}
	return names.String()
}

// parsePath reads a path as Format spells it, also accepting any TOML spelling
// of its keys (literal or escaped quotes, blanks around dots and brackets).
func parsePath(path string) ([]elem, bool) {
	s := newScanner([]byte(path))
	var elems []elem
	for {
		s.skipSpace()
		name, ok := s.keyPart()
		if !ok {
			return nil, false
		}
		elems = append(elems, nameElem(name))
		s.skipSpace()
		for s.peek() == '[' {
			i, ok := s.arrayIndex()
			if !ok {
				return nil, false
			}
			elems = append(elems, indexElem(i))
			s.skipSpace()
		}
		if s.eof() {
			return elems, true
		}
		if s.peek() != '.' {
			return nil, false
		}
		s.pos++
	}
}
