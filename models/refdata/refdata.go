// Package refdata finds the project's reference data for tests that compare
// the models with real data: the typical-year weather files, grid series and
// workload traces kept read-only in the folder "shared" beside the
// repository. That folder is not part of the project and is absent on a
// user's machine, where such tests skip.
package refdata

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the path of rel (slash-separated, e.g.
// "weather/USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw") in the
// reference folder, or skips tb when it is not there.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	root, err := repoRoot()
	if err != nil {
		tb.Skipf("reference data: %v", err)
	}
	p := filepath.Join(root, "..", "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("reference data absent: %v", err)
	}
	return p
}

// repoRoot walks up from the working directory (a package's folder, under
// go test) to the folder holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
