package tomlkey

import (
	"bytes"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"
)

// checkIndex asserts what holds for any input: lines are within the document
// and in document order, and every path reads back to itself.
func checkIndex(t testing.TB, src []byte, ix *Index) {
	t.Helper()
	lines := bytes.Count(src, []byte("\n")) + 1
	prev := 1
	for _, k := range ix.Keys() {
		if k.Line < prev || k.Line > lines {
			t.Fatalf("key %s at line %d: want %d..%d (document order, %d lines)", k.Path, k.Line, prev, lines, lines)
		}
		prev = k.Line
		elems, ok := parsePath(k.Path)
		if !ok || format(elems) != k.Path {
			t.Fatalf("path %q does not read back (ok=%v, got %q)", k.Path, ok, format(elems))
		}
		if got := ix.Line(k.Path); got < 1 || got > k.Line {
			t.Fatalf("Line(%q) = %d, want 1..%d", k.Path, got, k.Line)
		}
	}
}

// checkAgainstDecoder asserts, for a document that toml.Decode accepts, that
// the index agrees with the decoder: the keys are those of MetaData.Keys in
// the same order, and every table, key and array element of the decoded value
// has a line. It reports whether the decoder accepted src.
func checkAgainstDecoder(t testing.TB, src []byte, ix *Index) bool {
	t.Helper()
	var doc map[string]any
	md, err := toml.Decode(string(src), &doc)
	if err != nil {
		return false
	}
	if ix.tooDeep {
		return true // indexed up to maxDepth only, by design
	}
	want := md.Keys()
	if hasEmptyKey(want) {
		return true // see hasEmptyKey
	}
	keys := ix.Keys()
	if len(keys) != len(want) {
		t.Fatalf("indexed %d keys %v, decoder has %d %v", len(keys), keys, len(want), want)
	}
	for i, k := range keys {
		if ix.bare[i] != want[i].String() {
			t.Fatalf("key %d: indexed %s (%s), decoder has %s", i, k.Path, ix.bare[i], want[i])
		}
		if ix.Line(k.Path) != k.Line {
			t.Fatalf("key %s at line %d repeats a key of line %d", k.Path, k.Line, ix.Line(k.Path))
		}
	}
	lines := bytes.Count(src, []byte("\n")) + 1
	walk(doc, nil, func(path []elem) {
		p := format(path)
		if line := ix.Line(p); line < 1 || line > lines {
			t.Fatalf("decoded path %s: line %d, want 1..%d", p, line, lines)
		}
	})
	return true
}

// hasEmptyKey reports a key with an empty part (""). With such keys the
// decoder (v1.6) accepts documents that TOML forbids, and builds them its own
// way: after `a."" = [{}]` a header [[a.""]] appends a second element, and
// inside [[t]] the dotted key `"".b` after `"" = [{}]` lands in the array's
// last element. The index follows the TOML specification there, not the
// decoder (testdata/fuzz/FuzzBuild holds both cases).
func hasEmptyKey(keys []toml.Key) bool {
	for _, k := range keys {
		if slices.Contains(k, "") {
			return true
		}
	}
	return false
}

// walk visits every table, key and array element below v.
func walk(v any, path []elem, visit func([]elem)) {
	switch v := v.(type) {
	case map[string]any:
		for name, x := range v {
			p := join(path, nameElem(name))
			visit(p)
			walk(x, p, visit)
		}
	case []map[string]any:
		for i, x := range v {
			p := join(path, indexElem(i))
			visit(p)
			walk(x, p, visit)
		}
	case []any:
		for i, x := range v {
			p := join(path, indexElem(i))
			visit(p)
			walk(x, p, visit)
		}
	}
}

// FuzzBuild checks that Build never panics, that its index is consistent on
// any input, and that it agrees with the decoder on every input the decoder
// accepts.
func FuzzBuild(f *testing.F) {
	for _, c := range buildCases {
		f.Add([]byte(c.src))
	}
	for _, c := range malformedCases {
		f.Add([]byte(c.src))
	}
	for seed := range uint64(20) {
		src, _ := generate(seed)
		f.Add([]byte(src))
	}
	if site, err := readTestdata("site.toml"); err == nil {
		f.Add(site)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ix := Build(src)
		checkIndex(t, src, ix)
		checkAgainstDecoder(t, src, ix)
	})
}
