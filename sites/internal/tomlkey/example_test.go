package tomlkey_test

import (
	"fmt"

	"github.com/BurntSushi/toml"
	"github.com/dctwin/dctwin/sites/internal/tomlkey"
)

// Decode a site file, then cite lines for what the decoder cannot place: an
// unknown key inside the second [[it.group]], a value out of range and a
// missing required key.
func Example() {
	src := []byte(`[site]
name = "phoenix-ai-1"

[[it.group]]
racks = 120

[[it.group]]
rakcs = 40

[cooling.chiller]
cop = 55
`)
	var site struct {
		Site    struct{ Name string }
		IT      struct{ Group []struct{ Racks int } } `toml:"it"`
		Cooling struct {
			Chiller struct {
				COP        float64 `toml:"cop"`
				CapacityKW float64 `toml:"capacity_kw"`
			}
		}
	}
	md, err := toml.Decode(string(src), &site)
	if err != nil {
		fmt.Println(err)
		return
	}
	ix := tomlkey.Build(src)
	for _, k := range ix.ExpandAll(md.Undecoded()) {
		fmt.Printf("site.toml:%d: key %s: unknown key\n", k.Line, k.Path)
	}
	if cop := site.Cooling.Chiller.COP; cop < 2 || cop > 12 {
		fmt.Printf("site.toml:%d: cooling.chiller.cop = %g: want 2..12\n", ix.Line("cooling.chiller.cop"), cop)
	}
	if !md.IsDefined("cooling", "chiller", "capacity_kw") {
		fmt.Printf("site.toml:%d: cooling.chiller.capacity_kw: required\n", ix.Near("cooling.chiller.capacity_kw"))
	}
	// Output:
	// site.toml:8: key it.group[1].rakcs: unknown key
	// site.toml:11: cooling.chiller.cop = 55: want 2..12
	// site.toml:10: cooling.chiller.capacity_kw: required
}
