package tomlkey

import (
	"bytes"

	"github.com/BurntSushi/toml"
)

// Key is one key of the document with the line (1-based) where its value
// starts.
type Key struct {
	// Path is the dotted path with array indices: "site.name",
	// "it.group[1].racks", "it.group[0].workload.kind"; keys that need
	// quoting appear quoted: `a."b.c"`.
	Path string
	Line int
}

// Index holds the keys of one TOML document and their lines. It is read-only
// once built and safe for concurrent use.
type Index struct {
	// keys lists, in document order, what toml.MetaData.Keys lists: every
	// key = value (also inside inline tables), [table] and [[array]] header.
	keys []Key
	// bare[i] is keys[i].Path without indices, spelt as toml.Key.String.
	bare []string
	// lines maps a key path to its line (the first, should a malformed
	// document repeat it).
	lines map[string]int
	// other maps the paths that have a line but are no key of their own to
	// the first line that mentions them: tables made implicitly by dotted
	// keys or headers, an array of tables as a whole, array elements.
	other map[string]int
	// tooDeep tells that some value nested deeper than maxDepth.
	tooDeep bool
}

// Build indexes src. It is tolerant: it never fails on a document that
// BurntSushi/toml accepts, and on a malformed one it indexes what it can (the
// decoder reports the syntax error itself). Two limits: values nested more
// than 256 arrays or inline tables deep are left out, and where the decoder
// accepts documents that TOML forbids through the empty key ("") the index
// follows the TOML specification, not the decoder.
func Build(src []byte) *Index {
	ix := &Index{lines: map[string]int{}, other: map[string]int{}}
	s := newScanner(trimBOM(src))
	s.b = &builder{ix: ix, arrays: map[string]int{}}
	s.document()
	return ix
}

// trimBOM drops the byte-order marks that the decoder skips.
func trimBOM(src []byte) []byte {
	for _, bom := range [][]byte{{0xef, 0xbb, 0xbf}, {0xff, 0xfe}, {0xfe, 0xff}} {
		if bytes.HasPrefix(src, bom) {
			return src[len(bom):]
		}
	}
	return src
}

// Keys returns the keys in document order: every key = value (also those in
// inline tables), every [table] header and every [[array]] element, one per
// entry of toml.MetaData.Keys.
func (ix *Index) Keys() []Key {
	return append([]Key(nil), ix.keys...)
}

// Line returns the line of path: a key, a [table] or [[array]] header line,
// or an inline table's key line. A table that only dotted keys or longer
// headers create, and an array element, have the first line that mentions
// them; an array of tables as a whole ("it.group") has its first header.
// Line returns 0 if path is absent. Any TOML spelling of the keys is
// accepted: `"it".group [1]. racks` is it.group[1].racks.
func (ix *Index) Line(path string) int {
	if elems, ok := parsePath(path); ok {
		path = format(elems)
	}
	return ix.lookup(path)
}

func (ix *Index) lookup(path string) int {
	if line, ok := ix.lines[path]; ok {
		return line
	}
	return ix.other[path]
}

// Near returns the line of path, else of its nearest enclosing table that
// exists, else 0: the line to cite for a missing required key.
func (ix *Index) Near(path string) int {
	elems, ok := parsePath(path)
	if !ok {
		return ix.lookup(path)
	}
	for n := len(elems); n > 0; n-- {
		if line := ix.lookup(format(elems[:n])); line > 0 {
			return line
		}
	}
	return 0
}

// Expand maps a key path as toml.MetaData.Undecoded reports it (no indices)
// to every indexed key it denotes, in document order: Undecoded
// "it.group.rakcs" → [{it.group[1].rakcs 9}]. MetaData lists such a key once
// per occurrence; ExpandAll removes the repeats.
func (ix *Index) Expand(k toml.Key) []Key {
	want := k.String()
	var found []Key
	for i, bare := range ix.bare {
		if bare == want {
			found = append(found, ix.keys[i])
		}
	}
	return found
}

// ExpandAll expands every key of ks, typically md.Undecoded(), and returns
// each indexed key once, in document order.
func (ix *Index) ExpandAll(ks []toml.Key) []Key {
	want := make(map[string]bool, len(ks))
	for _, k := range ks {
		want[k.String()] = true
	}
	var found []Key
	for i, bare := range ix.bare {
		if want[bare] {
			found = append(found, ix.keys[i])
		}
	}
	return found
}

// builder records what the scanner finds.
type builder struct {
	ix *Index
	// arrays counts the [[...]] elements seen so far per array of tables.
	arrays map[string]int
}

func (b *builder) key(path []elem, line int) {
	p := format(path)
	b.ix.keys = append(b.ix.keys, Key{Path: p, Line: line})
	b.ix.bare = append(b.ix.bare, formatBare(path))
	if _, seen := b.ix.lines[p]; !seen {
		b.ix.lines[p] = line
	}
}

func (b *builder) other(path []elem, line int) {
	p := format(path)
	if _, seen := b.ix.other[p]; !seen {
		b.ix.other[p] = line
	}
}

// table records a [table] or [[array]] header and returns the path it opens.
// A name in the header that is an array of tables refers to its last element
// so far: [a.b] after [[a]] [[a]] is a[1].b.
func (b *builder) table(names []elem, array bool, line int) []elem {
	var path []elem
	for _, name := range names[:len(names)-1] {
		path = join(path, name)
		if n := b.arrays[format(path)]; n > 0 {
			path = join(path, indexElem(n-1))
		}
		b.other(path, line)
	}
	path = join(path, names[len(names)-1])
	if !array {
		b.key(path, line)
		return path
	}
	p := format(path)
	n := b.arrays[p]
	b.arrays[p] = n + 1
	b.other(path, line)
	path = join(path, indexElem(n))
	b.key(path, line)
	return path
}
