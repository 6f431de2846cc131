package tomlkey

import (
	"strconv"
	"unicode/utf8"
)

// maxDepth bounds the nesting of arrays and inline tables. Site files nest a
// few levels; the bound keeps a hostile document from exhausting the stack or
// costing time quadratic in its nesting (every element holds its full path).
// Deeper values are left unindexed.
const maxDepth = 256

// scanner walks a TOML document byte by byte. It mirrors the lexer of
// BurntSushi/toml only as far as needed to know where keys are: values are
// skipped, not converted.
type scanner struct {
	src   []byte
	pos   int
	line  int // 1-based line of src[pos]
	depth int
	b     *builder // nil when reading a path
}

func newScanner(src []byte) *scanner { return &scanner{src: src, line: 1} }

func (s *scanner) eof() bool { return s.pos >= len(s.src) }

// peek returns the current byte, or 0 at the end.
func (s *scanner) peek() byte { return s.at(0) }

func (s *scanner) at(off int) byte {
	if s.pos+off >= len(s.src) {
		return 0
	}
	return s.src[s.pos+off]
}

// next consumes one byte that may be a newline; the caller checks eof.
func (s *scanner) next() {
	if s.src[s.pos] == '\n' {
		s.line++
	}
	s.pos++
}

// skipSpace skips blanks within a line. CR counts as a blank: the decoder only
// accepts it before LF.
func (s *scanner) skipSpace() {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) skipComment() {
	if s.eof() || s.peek() != '#' {
		return
	}
	for !s.eof() && s.peek() != '\n' {
		s.pos++
	}
}

// skipBlank skips blanks, comments and newlines, as allowed between the
// items of a document, an array or an inline table.
func (s *scanner) skipBlank() {
	for {
		s.skipSpace()
		s.skipComment()
		if s.eof() || s.peek() != '\n' {
			return
		}
		s.next()
	}
}

// skipLine moves past the next newline: recovery from a malformed item.
func (s *scanner) skipLine() {
	for !s.eof() {
		c := s.peek()
		s.next()
		if c == '\n' {
			return
		}
	}
}

// endOfLine consumes the rest of a line after a top-level item and reports
// whether it held only blanks and a comment.
func (s *scanner) endOfLine() bool {
	s.skipSpace()
	s.skipComment()
	if s.eof() {
		return true
	}
	if s.peek() != '\n' {
		return false
	}
	s.next()
	return true
}

// document indexes every top-level item, resynchronising at the next line
// after an item it cannot read.
func (s *scanner) document() {
	var table []elem
	for {
		s.skipBlank()
		if s.eof() {
			return
		}
		var ok bool
		if s.peek() == '[' {
			var header []elem
			if header, ok = s.header(); ok {
				table = header
			}
		} else {
			ok = s.keyValue(table)
		}
		if !ok || !s.endOfLine() {
			s.skipLine()
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the path of the table it opens.
func (s *scanner) header() ([]elem, bool) {
	line := s.line
	s.pos++
	array := s.peek() == '['
	if array {
		s.pos++
	}
	names, ok := s.dottedKey()
	if !ok || s.peek() != ']' {
		return nil, false
	}
	s.pos++
	if array {
		if s.peek() != ']' {
			return nil, false
		}
		s.pos++
	}
	return s.b.table(names, array, line), true
}

// keyValue reads `key = value` inside table, at top level or in an inline
// table. The key is recorded before its value so that keys stay in document
// order, as toml.MetaData.Keys lists them.
func (s *scanner) keyValue(table []elem) bool {
	line := s.line
	names, ok := s.dottedKey()
	if !ok || s.peek() != '=' {
		return false
	}
	s.pos++
	path := join(table, names...)
	for n := len(table) + 1; n < len(path); n++ {
		s.b.other(path[:n], line) // tables made implicitly by a dotted key
	}
	s.b.key(path, line)
	s.skipSpace()
	return s.value(path)
}

// dottedKey reads a.b."c d" up to the next byte that is not a blank or a dot.
func (s *scanner) dottedKey() ([]elem, bool) {
	var names []elem
	for {
		s.skipSpace()
		name, ok := s.keyPart()
		if !ok {
			return nil, false
		}
		names = append(names, nameElem(name))
		s.skipSpace()
		if s.eof() || s.peek() != '.' {
			return names, true
		}
		s.pos++
	}
}

// keyPart reads one bare, basic ("...") or literal ('...') key and returns it
// unquoted and unescaped.
func (s *scanner) keyPart() (string, bool) {
	if s.eof() {
		return "", false
	}
	c := s.peek()
	if c == '"' || c == '\'' {
		return s.quoted()
	}
	start := s.pos
	for !s.eof() && isBare(s.peek()) {
		s.pos++
	}
	return string(s.src[start:s.pos]), s.pos > start
}

func isBare(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// value skips one value; arrays and inline tables record the keys inside.
func (s *scanner) value(path []elem) bool {
	if s.eof() {
		return false
	}
	switch s.peek() {
	case '"', '\'':
		return s.stringValue()
	case '[':
		return s.nested(path, s.array)
	case '{':
		return s.nested(path, s.inlineTable)
	default:
		return s.scalar()
	}
}

func (s *scanner) nested(path []elem, read func([]elem) bool) bool {
	if s.depth >= maxDepth {
		s.b.ix.tooDeep = true
		return false
	}
	s.depth++
	ok := read(path)
	s.depth--
	return ok
}

// array reads [v, v, ...]; each element is path[i], and the keys of inline
// tables among them are path[i].key.
func (s *scanner) array(path []elem) bool {
	s.pos++
	for i := 0; ; i++ {
		s.skipBlank()
		if s.eof() {
			return false
		}
		if s.peek() == ']' {
			s.pos++
			return true
		}
		element := join(path, indexElem(i))
		s.b.other(element, s.line)
		if !s.value(element) {
			return false
		}
		s.skipBlank()
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return true
		default:
			return false
		}
	}
}

// inlineTable reads {k = v, ...}. TOML 1.1 allows newlines, comments and a
// trailing comma inside.
func (s *scanner) inlineTable(path []elem) bool {
	s.pos++
	for {
		s.skipBlank()
		if s.eof() {
			return false
		}
		if s.peek() == '}' {
			s.pos++
			return true
		}
		if !s.keyValue(path) {
			return false
		}
		s.skipBlank()
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return true
		default:
			return false
		}
	}
}

// scalar skips a number, boolean or date-time. A local date-time may hold a
// space ("1979-05-27 07:32:00"), so only a newline, a comment or a separator
// of the enclosing array or inline table ends it.
func (s *scanner) scalar() bool {
	start := s.pos
	for !s.eof() {
		switch s.peek() {
		case '\n', '#', ',', ']', '}':
			return s.pos > start
		}
		s.pos++
	}
	return s.pos > start
}

func (s *scanner) stringValue() bool {
	q := s.peek()
	if s.at(1) == q && s.at(2) == q {
		return s.multiline(q)
	}
	_, ok := s.quoted()
	return ok
}

// multiline skips a """...""" or ”'...”' string, which may hold newlines,
// '#', '=' and brackets. The closing delimiter may be preceded by one or two
// quotes that belong to the content: """a""""" is `a""`.
func (s *scanner) multiline(q byte) bool {
	s.pos += 3
	for !s.eof() {
		c := s.peek()
		switch {
		case c == '\\' && q == '"':
			s.next()
			if !s.eof() {
				s.next()
			}
		case c == q && s.at(1) == q && s.at(2) == q:
			s.pos += 3
			for extra := 0; extra < 2 && !s.eof() && s.peek() == q; extra++ {
				s.pos++
			}
			return true
		default:
			s.next()
		}
	}
	return false
}

// quoted reads a one-line basic or literal string and returns its content,
// with the escapes of a basic string replaced as the decoder does.
func (s *scanner) quoted() (string, bool) {
	q := s.peek()
	s.pos++
	var content []byte
	for !s.eof() {
		c := s.peek()
		switch {
		case c == q:
			s.pos++
			return string(content), true
		case c == '\n':
			return "", false
		case c == '\\' && q == '"':
			var ok bool
			if content, ok = s.escape(content); !ok {
				return "", false
			}
		default:
			content = append(content, c)
			s.pos++
		}
	}
	return "", false
}

// escape decodes one escape sequence of a basic string (TOML 1.1, with \e and
// \xHH) and appends it to content.
func (s *scanner) escape(content []byte) ([]byte, bool) {
	s.pos++
	if s.eof() {
		return content, false
	}
	c := s.peek()
	s.pos++
	switch c {
	case 'b':
		return append(content, '\b'), true
	case 't':
		return append(content, '\t'), true
	case 'n':
		return append(content, '\n'), true
	case 'f':
		return append(content, '\f'), true
	case 'r':
		return append(content, '\r'), true
	case 'e':
		return append(content, 0x1b), true
	case '"', '\\':
		return append(content, c), true
	case 'x':
		return s.hexEscape(content, 2)
	case 'u':
		return s.hexEscape(content, 4)
	case 'U':
		return s.hexEscape(content, 8)
	}
	return content, false
}

// hexEscape appends the code point spelt by the next n hex digits, as UTF-8;
// \xHH too names a code point, not a byte.
func (s *scanner) hexEscape(content []byte, n int) ([]byte, bool) {
	if s.pos+n > len(s.src) {
		return content, false
	}
	code, err := strconv.ParseUint(string(s.src[s.pos:s.pos+n]), 16, 32)
	if err != nil || !utf8.ValidRune(rune(code)) {
		return content, false
	}
	s.pos += n
	return utf8.AppendRune(content, rune(code)), true
}

// arrayIndex reads [n] in a path.
func (s *scanner) arrayIndex() (int, bool) {
	s.pos++
	s.skipSpace()
	start := s.pos
	for !s.eof() && '0' <= s.peek() && s.peek() <= '9' {
		s.pos++
	}
	i, err := strconv.Atoi(string(s.src[start:s.pos]))
	s.skipSpace()
	if err != nil || s.peek() != ']' {
		return 0, false
	}
	s.pos++
	return i, true
}
