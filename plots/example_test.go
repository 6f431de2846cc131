package plots_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dctwin/dctwin/plots"
)

// Write draws the figures and report.html of an output folder of dctwin run.
func ExampleWrite() {
	out, err := os.MkdirTemp("", "dctwin-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(out)
	// A copy of a run's folder: summary.csv and one folder per site.
	if err := os.CopyFS(out, os.DirFS(filepath.Join("testdata", "out"))); err != nil {
		fmt.Println(err)
		return
	}
	res, err := plots.Write(context.Background(), out, plots.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	rel, _ := filepath.Rel(out, res.Figures[0])
	fmt.Println(len(res.Sites), "sites,", len(res.Figures), "figures, the first", filepath.ToSlash(rel))
	// Output: 3 sites, 29 figures, the first phoenix-hybrid/plots/power.png
}
