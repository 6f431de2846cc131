package tomlkey

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// docGen writes a random valid TOML document and, as it goes, the keys an
// Index of it must hold: the generator knows every line it writes.
type docGen struct {
	r     *rand.Rand
	b     strings.Builder
	line  int
	nl    string
	keys  []Key
	fresh int // makes every key name unique, so no two keys collide
	depth int
}

func generate(seed uint64) (src string, want []Key) {
	g := &docGen{r: rand.New(rand.NewPCG(seed, 0x70b1)), line: 1, nl: "\n"}
	if g.r.IntN(4) == 0 {
		g.nl = "\r\n"
	}
	if g.r.IntN(8) == 0 {
		g.b.WriteString("\xef\xbb\xbf")
	}
	g.blankLines()
	g.keyValues(nil)
	for range 1 + g.r.IntN(4) {
		if g.r.IntN(2) == 0 {
			g.table()
		} else {
			g.arrayOfTables()
		}
	}
	return g.b.String(), g.keys
}

func (g *docGen) write(s string) {
	g.b.WriteString(s)
	g.line += strings.Count(s, "\n")
}

// endLine ends a line, sometimes after a comment that looks like TOML.
func (g *docGen) endLine() {
	if g.r.IntN(4) == 0 {
		g.write(" # x = [1] \"")
	}
	g.write(g.nl)
}

func (g *docGen) blankLines() {
	for range g.r.IntN(2) {
		g.write([]string{"", "# [t]", "  \t"}[g.r.IntN(3)] + g.nl)
	}
}

func (g *docGen) key(path string) { g.keys = append(g.keys, Key{Path: path, Line: g.line}) }

// name returns a fresh key name and one TOML spelling of it.
func (g *docGen) name() (spelling string, name elem) {
	g.fresh++
	n := g.fresh
	switch g.r.IntN(6) {
	case 0:
		return fmt.Sprintf(`"k.%d # =[x]"`, n), nameElem(fmt.Sprintf("k.%d # =[x]", n))
	case 1:
		return fmt.Sprintf(`'l %d.x\'`, n), nameElem(fmt.Sprintf(`l %d.x\`, n))
	case 2:
		return fmt.Sprintf(`"e\"%d\t\u00e9"`, n), nameElem(fmt.Sprintf("e\"%d\té", n))
	case 3:
		return fmt.Sprintf("%d-x_Y", n), nameElem(fmt.Sprintf("%d-x_Y", n))
	default:
		return fmt.Sprintf("k%d", n), nameElem(fmt.Sprintf("k%d", n))
	}
}

// dottedName returns 1..parts fresh names, spelt with random blanks.
func (g *docGen) dottedName(parts int) (string, []elem) {
	var spelt []string
	var names []elem
	for range 1 + g.r.IntN(parts) {
		s, n := g.name()
		spelt = append(spelt, s)
		names = append(names, n)
	}
	return strings.Join(spelt, []string{".", " . ", ".\t"}[g.r.IntN(3)]), names
}

func (g *docGen) keyValues(table []elem) {
	for range g.r.IntN(4) {
		g.keyValue(table)
		g.endLine()
		g.blankLines()
	}
}

func (g *docGen) keyValue(table []elem) {
	spelt, names := g.dottedName(3)
	path := join(table, names...)
	g.key(format(path))
	g.write(spelt + []string{" = ", "=", " =\t"}[g.r.IntN(3)])
	g.value(path)
}

func (g *docGen) value(path []elem) {
	kinds := 4
	if g.depth < 4 {
		kinds = 6
	}
	switch g.r.IntN(kinds) {
	case 0, 1:
		g.write([]string{"42", "-1_000", "3.5e-2", "+inf", "true", "1979-05-27 07:32:00Z",
			"1979-05-27", "07:32:00", `"a # b = [c] {d}"`, `'lit # = ]'`, `""`,
			`"esc \" \\ \u00e9 \e \x41"`}[g.r.IntN(12)])
	case 2:
		g.write(`"""` + g.nl + `x = 1 # y` + g.nl + `[t]` + g.nl + `a \""" \` + g.nl + `  b""""`)
	case 3:
		g.write(`'''` + g.nl + `[[x]] = '` + g.nl + `''''`)
	case 4:
		g.depth++
		g.array(path)
		g.depth--
	case 5:
		g.depth++
		g.inlineTable(path)
		g.depth--
	}
}

// array writes an array of scalars, inline tables and arrays, on one line or
// one element a line with comments.
func (g *docGen) array(path []elem) {
	multiline := g.r.IntN(2) == 0
	g.write("[")
	n := g.r.IntN(4)
	for i := range n {
		if multiline {
			g.write(g.nl + "  ")
		}
		element := join(path, indexElem(i))
		if g.r.IntN(2) == 0 {
			g.depth++
			g.inlineTable(element)
			g.depth--
		} else {
			g.value(element)
		}
		if i < n-1 || g.r.IntN(2) == 0 {
			g.write(",")
		}
		if multiline && g.r.IntN(3) == 0 {
			g.write(" # ], {")
		}
	}
	if multiline {
		g.write(g.nl)
	}
	g.write("]")
}

// inlineTable writes {k = v, ...}, sometimes over several lines (TOML 1.1).
func (g *docGen) inlineTable(path []elem) {
	multiline := g.r.IntN(3) == 0
	g.write("{")
	n := g.r.IntN(3)
	for i := range n {
		if multiline {
			g.write(g.nl + "  ")
		} else {
			g.write(" ")
		}
		g.keyValue(path)
		if i < n-1 || (multiline && g.r.IntN(2) == 0) {
			g.write(",")
		}
	}
	if multiline {
		g.write(g.nl)
	} else if n > 0 {
		g.write(" ")
	}
	g.write("}")
}

func (g *docGen) header(spelt string, array bool) {
	open, closing := "[", "]"
	if array {
		open, closing = "[[", "]]"
	}
	pad := []string{"", " ", "\t"}[g.r.IntN(3)]
	g.write(open + pad + spelt + pad + closing)
	g.endLine()
}

func (g *docGen) table() {
	spelt, names := g.dottedName(3)
	g.key(format(names))
	g.header(spelt, false)
	g.keyValues(names)
}

// arrayOfTables writes [[A]] elements, each with an optional [A.sub] table
// and an optional nested array [[A.items]], as in the fruits example of the
// TOML specification.
func (g *docGen) arrayOfTables() {
	spelt, names := g.dottedName(2)
	subSpelt, sub := g.name()
	itemsSpelt, items := g.name()
	for i := range 1 + g.r.IntN(3) {
		element := join(names, indexElem(i))
		g.key(format(element))
		g.header(spelt, true)
		g.keyValues(element)
		if g.r.IntN(2) == 0 {
			path := join(element, sub)
			g.key(format(path))
			g.header(spelt+"."+subSpelt, false)
			g.keyValues(path)
		}
		for j := range g.r.IntN(3) {
			path := join(element, items, indexElem(j))
			g.key(format(path))
			g.header(spelt+" . "+itemsSpelt, true)
			g.keyValues(path)
		}
	}
}

// TestGenerated checks Build on random valid documents against the lines
// the generator wrote and against the decoder.
func TestGenerated(t *testing.T) {
	for seed := range uint64(1000) {
		src, want := generate(seed)
		ix := Build([]byte(src))
		if got := ix.Keys(); !slices.Equal(got, want) {
			t.Fatalf("seed %d: Keys() =\n%v\nwant\n%v\ndocument:\n%s", seed, got, want, src)
		}
		checkIndex(t, []byte(src), ix)
		if !checkAgainstDecoder(t, []byte(src), ix) {
			t.Fatalf("seed %d: decoder rejects the generated document:\n%s", seed, src)
		}
	}
}
