package sites

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a site file: where, which key, and what was
// expected.
type Problem struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"` // 1-based; 0 when no line applies
	Key  string `json:"key,omitempty"`  // dotted key path with array indices, e.g. racks[1].peak_kw
	Msg  string `json:"message"`
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	if p.Key != "" {
		fmt.Fprintf(&b, ": %s", p.Key)
	}
	fmt.Fprintf(&b, ": %s", p.Msg)
	return b.String()
}

// Error lists every problem found in site files. Its message has one line
// per problem.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
