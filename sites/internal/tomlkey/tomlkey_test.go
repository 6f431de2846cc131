package tomlkey

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

type buildCase struct {
	name string
	src  string
	want []Key
}

// buildCases are documents the decoder accepts; TestBuild checks that.
var buildCases = []buildCase{
	{"empty", "", nil},
	{"comments only", "# a = 1\n   # [t]\n", nil},
	{"plain keys", "a = 1\nb = \"x\"\n\nc = true", []Key{{"a", 1}, {"b", 2}, {"c", 4}}},
	{"comment after value", "a = 1 # b = 2\nc = 3", []Key{{"a", 1}, {"c", 2}}},
	{"hash and equals in strings", "s = \"a # b = 1\"\nl = 'x # [y]'\nt = 2",
		[]Key{{"s", 1}, {"l", 2}, {"t", 3}}},
	{"tables", "[site]\nname = \"x\"\n\n[cooling.chiller]\ncop = 5.5\n",
		[]Key{{"site", 1}, {"site.name", 2}, {"cooling.chiller", 4}, {"cooling.chiller.cop", 5}}},
	{"array of tables", "[[it.group]]\nracks = 1\n[[it.group]]\nrakcs = 2\n",
		[]Key{{"it.group[0]", 1}, {"it.group[0].racks", 2}, {"it.group[1]", 3}, {"it.group[1].rakcs", 4}}},
	{"nested arrays of tables", "[[a]]\n[[a.b]]\nx = 1\n[[a.b]]\n[[a]]\n[[a.b]]\ny = 2\n",
		[]Key{{"a[0]", 1}, {"a[0].b[0]", 2}, {"a[0].b[0].x", 3}, {"a[0].b[1]", 4},
			{"a[1]", 5}, {"a[1].b[0]", 6}, {"a[1].b[0].y", 7}}},
	{"table after array of tables", "[[a]]\n[[a]]\n[a.sub]\nx = 1\n",
		[]Key{{"a[0]", 1}, {"a[1]", 2}, {"a[1].sub", 3}, {"a[1].sub.x", 4}}},
	{"spec fruits", `[[fruits]]
name = "apple"

[fruits.physical]  # subtable
color = "red"

[[fruits.varieties]]  # nested array of tables
name = "red delicious"

[[fruits.varieties]]
name = "granny smith"

[[fruits]]
name = "banana"

[[fruits.varieties]]
name = "plantain"
`, []Key{{"fruits[0]", 1}, {"fruits[0].name", 2}, {"fruits[0].physical", 4},
		{"fruits[0].physical.color", 5}, {"fruits[0].varieties[0]", 7},
		{"fruits[0].varieties[0].name", 8}, {"fruits[0].varieties[1]", 10},
		{"fruits[0].varieties[1].name", 11}, {"fruits[1]", 13}, {"fruits[1].name", 14},
		{"fruits[1].varieties[0]", 16}, {"fruits[1].varieties[0].name", 17}}},
	{"dotted keys", "x.y = 1\nx . z = 2\n[t]\np.q.r = 3",
		[]Key{{"x.y", 1}, {"x.z", 2}, {"t", 3}, {"t.p.q.r", 4}}},
	{"quoted keys", "\"b.c\" = 1\n'lit.key' = 2\n\"esc\\\"q\" = 3\n\"\\u0041\" = 4\n\"\" = 5\na.\"b c\".d = 6\n\"\\x41\\e\" = 7",
		[]Key{{`"b.c"`, 1}, {`"lit.key"`, 2}, {`"esc\"q"`, 3}, {"A", 4}, {`""`, 5},
			{`a."b c".d`, 6}, {`"A\u001b"`, 7}}},
	{"escapes in keys", "\"\\b\\t\\n\\f\\r\\\\\\U0001F600\" = 1",
		[]Key{{`"\b\t\n\f\r\\😀"`, 1}}},
	{"quoted header", "[ a . \"b.c\" ]\nx = 1\n[[ 'd' ]]\ny = 2",
		[]Key{{`a."b.c"`, 1}, {`a."b.c".x`, 2}, {"d[0]", 3}, {"d[0].y", 4}}},
	{"inline table", "w = { kind = \"diurnal\", mean = 0.6 }\nn = 1",
		[]Key{{"w", 1}, {"w.kind", 1}, {"w.mean", 1}, {"n", 2}}},
	{"nested inline table", "w = { a = { b = 1 }, c.d = 2 }",
		[]Key{{"w", 1}, {"w.a", 1}, {"w.a.b", 1}, {"w.c.d", 1}}},
	{"multi-line inline table", "w = {\n  a = 1, # c = 9\n  b = 2,\n}\nn = 3",
		[]Key{{"w", 1}, {"w.a", 2}, {"w.b", 3}, {"n", 5}}},
	{"array is one key", "a = [1, 2, [3, 4]]\nb = 3", []Key{{"a", 1}, {"b", 2}}},
	{"array of inline tables", "g = [{a = 1}, {a = 2}]", []Key{{"g", 1}, {"g[0].a", 1}, {"g[1].a", 1}}},
	{"multi-line array of inline tables", "g = [\n  {a = 1},\n  # {a = 9},\n  {a = 2}, # last\n]\nh = 1",
		[]Key{{"g", 1}, {"g[0].a", 2}, {"g[1].a", 4}, {"h", 6}}},
	{"nested arrays of inline tables", "g = [[{a = 1}], [{a = 2}, {b = 3}]]",
		[]Key{{"g", 1}, {"g[0][0].a", 1}, {"g[1][0].a", 1}, {"g[1][1].b", 1}}},
	{"inline array in inline table", "t = {g = [{a = 1}]}", []Key{{"t", 1}, {"t.g", 1}, {"t.g[0].a", 1}}},
	{"mixed array", "m = [1, {a = 2}]", []Key{{"m", 1}, {"m[1].a", 1}}},
	{"multi-line basic string", "s = \"\"\"\nline # not a comment\nx = 1\n[not.a.table]\n\"\"\"\nt = 2",
		[]Key{{"s", 1}, {"t", 6}}},
	{"multi-line literal string", "s = '''\n[x]\n a = \"b\" '''\nt = 2", []Key{{"s", 1}, {"t", 4}}},
	{"quotes before closing delimiter", "s = \"\"\"a\"\"\"\"\"\nl = '''b'''''\nt = 1",
		[]Key{{"s", 1}, {"l", 2}, {"t", 3}}},
	{"escaped quotes in multi-line string", "s = \"\"\"a\\\"\"\"b\"\"\"\nt = 1", []Key{{"s", 1}, {"t", 2}}},
	{"line-ending backslash", "s = \"\"\"a \\\n   b\"\"\"\nt = 1", []Key{{"s", 1}, {"t", 3}}},
	{"multi-line strings in array", "a = [\n\"\"\"\n]\"\"\", '''\n[''',\n]\nb = 1", []Key{{"a", 1}, {"b", 6}}},
	{"brackets in strings in array", "a = [\n \"]\", # ]\n \"[\",\n]\nb = 1", []Key{{"a", 1}, {"b", 5}}},
	{"CRLF", "a = 1\r\n[t]\r\nb = 2 # x\r\n\r\nc = \"\"\"\r\n\"\"\"\r\nd = 3\r\n",
		[]Key{{"a", 1}, {"t", 2}, {"t.b", 3}, {"t.c", 5}, {"t.d", 7}}},
	{"BOM", "\xef\xbb\xbfa = 1\nb = 2", []Key{{"a", 1}, {"b", 2}}},
	{"date-times", "d = 1979-05-27 07:32:00Z\ne = [1979-05-27 07:32:00, 1979-05-28, 07:32]\nf = 1",
		[]Key{{"d", 1}, {"e", 2}, {"f", 3}}},
	{"numbers", "a = -inf\nb = +1_000\nc = 0xff_ff\nd = 6.626e-34", []Key{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}}},
	{"implicit then explicit table", "[a.b.c]\nx = 1\n[a]\ny = 2",
		[]Key{{"a.b.c", 1}, {"a.b.c.x", 2}, {"a", 3}, {"a.y", 4}}},
}

func TestBuild(t *testing.T) {
	for _, c := range buildCases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			ix := Build(src)
			if got := ix.Keys(); !slices.Equal(got, c.want) {
				t.Errorf("Keys() =\n%v\nwant\n%v", got, c.want)
			}
			checkIndex(t, src, ix)
			if !checkAgainstDecoder(t, src, ix) {
				_, err := toml.Decode(c.src, new(map[string]any))
				t.Fatalf("decoder rejects the case: %v", err)
			}
		})
	}
}

// malformedCases are documents the decoder rejects; Build indexes what it can.
var malformedCases = []buildCase{
	{"missing value", "a =\nb = 1", []Key{{"a", 1}, {"b", 2}}},
	{"unterminated header", "[t\nc = 1\n[u]\nd = 2", []Key{{"c", 2}, {"u", 3}, {"u.d", 4}}},
	{"unterminated string", "s = \"abc\nd = 1", []Key{{"s", 1}, {"d", 2}}},
	{"junk after value", "a = 1 2\nb = 3", []Key{{"a", 1}, {"b", 2}}},
	{"junk after header", "[t] x\nb = 3", []Key{{"t", 1}, {"t.b", 2}}},
	{"unclosed inline table", "w = { a = 1\nb = 2\nc = 3", []Key{{"w", 1}, {"w.a", 1}, {"c", 3}}},
	{"bad escape in key", "\"a\\q\" = 1\nb = 2", []Key{{"b", 2}}},
	{"bad hex escape", "\"\\xZZ\" = 1\nb = 2", []Key{{"b", 2}}},
	{"surrogate escape", "\"\\uD800\" = 1\nb = 2", []Key{{"b", 2}}},
	{"short escape at end", "\"\\U0000004", nil},
	{"escape at end", "\"\\", nil},
	{"duplicate key", "a = 1\na = 2", []Key{{"a", 1}, {"a", 2}}},
	{"unterminated multi-line string", "s = '''\nb = 1\n", []Key{{"s", 1}}},
	{"key without equals", "abc\nd = 1", []Key{{"d", 2}}},
}

func TestMalformed(t *testing.T) {
	for _, c := range malformedCases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			if _, err := toml.Decode(c.src, new(map[string]any)); err == nil {
				t.Fatalf("decoder accepts the case")
			}
			ix := Build(src)
			if got := ix.Keys(); !slices.Equal(got, c.want) {
				t.Errorf("Keys() =\n%v\nwant\n%v", got, c.want)
			}
			checkIndex(t, src, ix)
		})
	}
}

func readTestdata(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", name))
}

func siteIndex(t *testing.T) *Index {
	t.Helper()
	src, err := readTestdata("site.toml")
	if err != nil {
		t.Fatal(err)
	}
	return Build(src)
}

func TestLine(t *testing.T) {
	ix := siteIndex(t)
	cases := []struct {
		path string
		want int
	}{
		{"site", 2},
		{"site.name", 3},
		{"site.notes", 5},
		{"weather.climate", 13},
		{"it.group[1].rakcs", 23},
		{"it.group[0].workload.dips.depth", 19},
		{"it.group[1].workload.peak_hour", 28},
		{"it.group[1]", 21},
		{`"it".group [1] . 'rakcs'`, 23}, // any spelling of the same path
		{"it.group", 15},                 // array of tables: its first header
		{"it", 15},                       // implicit table: first mention
		{"power.ups", 32},                // implicit table made by a dotted key
		{"power.transformer.loss_pct", 33},
		{"cooling.pumps", 37},
		{"cooling.pumps[1]", 39},
		{"cooling.pumps[1].rated_kw", 39},
		{"cooling.chiller.cop", 44},
		{`cooling.tower[0]."approach K"`, 48},
		{`cooling.tower[0]."cycles of concentration"`, 49},
		{"grid.carbon_kg_per_kwh", 52},
		{"it.group[2]", 0},
		{"it.group.racks", 0}, // exact paths only: the index is missing
		{"site.name.x", 0},
		{"cop", 0},
		{"", 0},
		{"a..b", 0},
	}
	for _, c := range cases {
		if got := ix.Line(c.path); got != c.want {
			t.Errorf("Line(%q) = %d, want %d", c.path, got, c.want)
		}
	}
}

func TestNear(t *testing.T) {
	ix := siteIndex(t)
	cases := []struct {
		path string
		want int
	}{
		{"cooling.chiller.cop", 44},           // present: its own line
		{"cooling.chiller.capacity_kw", 42},   // the [cooling.chiller] header
		{"it.group[1].rack_peak_kw", 24},      // present
		{"it.group[1].inlet_c", 21},           // the second [[it.group]]
		{"it.group[1].workload.noise_sd", 25}, // the inline table's key line
		{"cooling.pumps[0].head_pa", 38},      // the element's line
		{"power.ups.rated_kw", 32},            // implicit table: first mention
		{"economizer.mode", 0},                // no enclosing table exists
		{"cooling.economizer.wet_bulb_c", 35}, // [cooling]
		{`cooling."chiller".cop`, 44},         // quoted spelling
		{"cooling.chiller.cop[", 0},           // not a path: looked up verbatim
		{"it.group[9].racks", 15},             // no such element: the array
	}
	for _, c := range cases {
		if got := ix.Near(c.path); got != c.want {
			t.Errorf("Near(%q) = %d, want %d", c.path, got, c.want)
		}
	}
}

// TestExpand maps the unknown keys reported by the decoder back to lines,
// with a struct that lacks some of the keys of the site file.
func TestExpand(t *testing.T) {
	src, err := readTestdata("site.toml")
	if err != nil {
		t.Fatal(err)
	}
	type workload struct {
		Kind     string
		Mean     float64
		PeakHour int `toml:"peak_hour"`
		Dips     struct {
			EveryH int     `toml:"every_h"`
			Depth  float64 `toml:"depth"`
		}
	}
	type pump struct {
		Name    string
		RatedKW float64 `toml:"rated_kw"`
	}
	var site struct {
		Site    struct{ Name, Timezone, Notes string }
		Weather struct{ Climate string }
		IT      struct {
			Group []struct {
				Name       string
				Racks      int
				RackPeakKW float64 `toml:"rack_peak_kw"`
				Workload   workload
			}
		} `toml:"it"`
		Power struct {
			UPS struct {
				EfficiencyPct float64 `toml:"efficiency_pct"`
			} `toml:"ups"`
			Transformer struct {
				RatedKW float64 `toml:"rated_kw"`
				LossPct float64 `toml:"loss_pct"`
			}
		}
		Cooling struct {
			SupplyAirC float64 `toml:"supply_air_c"`
			Pumps      []pump
			Chiller    struct {
				Count    int
				COP      float64   `toml:"cop"`
				CurveEIR []float64 `toml:"curve_eir"`
			}
			Tower []struct {
				ApproachK float64 `toml:"approach K"`
				Cycles    float64 `toml:"cycles of concentration"`
			}
		}
		Grid struct {
			CarbonKgPerKWh float64 `toml:"carbon_kg_per_kwh"`
		}
	}
	md, err := toml.Decode(string(src), &site)
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(src)
	var got []string
	for _, k := range ix.ExpandAll(md.Undecoded()) {
		got = append(got, fmt.Sprintf("%d %s", k.Line, k.Path))
	}
	want := []string{"23 it.group[1].rakcs"}
	if !slices.Equal(got, want) {
		t.Errorf("ExpandAll(Undecoded) = %q, want %q", got, want)
	}

	cases := []struct {
		key  toml.Key
		want []Key
	}{
		{toml.Key{"it", "group", "rakcs"}, []Key{{"it.group[1].rakcs", 23}}},
		{toml.Key{"it", "group"}, []Key{{"it.group[0]", 15}, {"it.group[1]", 21}}},
		{toml.Key{"it", "group", "name"}, []Key{{"it.group[0].name", 16}, {"it.group[1].name", 22}}},
		{toml.Key{"cooling", "pumps", "rated_kw"}, []Key{{"cooling.pumps[0].rated_kw", 38}, {"cooling.pumps[1].rated_kw", 39}}},
		{toml.Key{"cooling", "tower", "approach K"}, []Key{{`cooling.tower[0]."approach K"`, 48}}},
		{toml.Key{"power", "ups"}, nil}, // an implicit table is not a key
		{toml.Key{"nope"}, nil},
		{nil, nil},
	}
	for _, c := range cases {
		if got := ix.Expand(c.key); !slices.Equal(got, c.want) {
			t.Errorf("Expand(%q) = %v, want %v", c.key, got, c.want)
		}
	}
	if got := ix.ExpandAll([]toml.Key{{"it", "group", "name"}, {"site", "name"}, {"it", "group", "name"}}); len(got) != 3 || got[0].Path != "site.name" {
		t.Errorf("ExpandAll with a repeat = %v, want site.name then both group names", got)
	}
}

// TestGolden lists every key of testdata/*.toml with its line; run with
// -update to rewrite the .golden files after a deliberate change.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, k := range Build(src).Keys() {
			fmt.Fprintf(&b, "%s:%d: %s\n", filepath.Base(file), k.Line, k.Path)
		}
		golden := strings.TrimSuffix(file, ".toml") + ".golden"
		if *update {
			if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if b.String() != string(want) {
			t.Errorf("%s: keys differ from %s:\n%s", file, golden, b.String())
		}
	}
}

// TestDeepNesting checks that nesting deeper than maxDepth neither exhausts
// the stack nor stops the index: the next line is read again.
func TestDeepNesting(t *testing.T) {
	depth := 2 * maxDepth
	src := []byte("a = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\nb = 1\n")
	ix := Build(src)
	if !ix.tooDeep {
		t.Error("depth limit not reached")
	}
	want := []Key{{"a", 1}, {"b", 2}}
	if got := ix.Keys(); !slices.Equal(got, want) {
		t.Errorf("Keys() = %v, want %v", got, want)
	}
	if got := ix.Line("a" + strings.Repeat("[0]", maxDepth-1)); got != 1 {
		t.Errorf("element at depth %d: line %d, want 1", maxDepth-1, got)
	}
}

// BenchmarkBuild indexes the example site file. Build runs once per file
// read, not per simulation step; the figure is for reference only.
func BenchmarkBuild(b *testing.B) {
	src, err := readTestdata("site.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Build(src)
	}
}
