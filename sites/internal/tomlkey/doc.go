// Package tomlkey indexes the keys of a TOML document with the lines where
// they appear, so that errors found after decoding can cite a line.
//
// github.com/BurntSushi/toml reports syntax and type errors with a line, but
// its MetaData knows no positions: Undecoded returns unknown keys without array
// indices ("it.group.rakcs" for a key of the second [[it.group]]), and a value
// that decodes fine but is out of range has no line at all. An Index built from
// the same bytes maps both back to the document:
//
//	site.toml:14: key it.group[1].rakcs: unknown key
//	site.toml:22: cooling.chiller.cop = 55: want 2..12
//
// Paths are dotted keys as toml.Key.String spells them (keys that are not bare
// are double-quoted, `a."b.c"`), with a zero-based index after every array
// element: "it.group[1].racks" for the second [[it.group]] table,
// "pumps[0].flow" for the first inline table of `pumps = [{flow = 1}]`.
// Lines are 1-based and count '\n'; a CR before it and a byte-order mark
// change nothing.
//
// The scanner follows TOML 1.1 as BurntSushi/toml v1.6 accepts it (inline
// tables may span lines and end with a comma; \e and \xHH escapes). It is
// tolerant: on a malformed document it skips to the next line and indexes what
// it can, and leaves the syntax error to the decoder.
package tomlkey
