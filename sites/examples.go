package sites

import (
	"embed"
	"path"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/dctwin/dctwin/sim"
)

//go:embed examples/*.toml
var exampleFS embed.FS

// Example is an embedded example site file.
type Example struct {
	Name  string // file name without .toml
	Title string // its site.title
	TOML  []byte
	// Default marks the examples that `dctwin run` simulates when given no site.
	Default bool
}

// defaultPortfolio is the embedded default run: three contrasting climates.
var defaultPortfolio = []string{"phoenix-hybrid", "ashburn-colo", "singapore-ai"}

// Examples returns the embedded examples, sorted by name.
func Examples() []Example {
	entries, _ := exampleFS.ReadDir("examples")
	var out []Example
	for _, e := range entries {
		data, _ := exampleFS.ReadFile(path.Join("examples", e.Name()))
		name := strings.TrimSuffix(e.Name(), ".toml")
		var head struct {
			Site struct {
				Title string `toml:"title"`
			} `toml:"site"`
		}
		toml.Decode(string(data), &head) // the examples are tested to parse
		out = append(out, Example{Name: name, Title: head.Site.Title, TOML: data, Default: contains(defaultPortfolio, name)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// LookupExample returns the example called name.
func LookupExample(name string) (Example, bool) {
	for _, e := range Examples() {
		if e.Name == name {
			return e, true
		}
	}
	return Example{}, false
}

// Default assembles the embedded default portfolio, with overrides.
func Default(o Overrides) ([]*sim.Site, error) {
	var sites []*sim.Site
	for _, name := range defaultPortfolio {
		e, _ := LookupExample(name)
		s, err := Parse(e.TOML, "example "+name, ".", o)
		if err != nil {
			return nil, err
		}
		sites = append(sites, s)
	}
	return sites, nil
}
