package refdata

import (
	"os"
	"testing"
)

func TestPathFindsOrSkips(t *testing.T) {
	p := Path(t, "weather") // skips on a machine without the folder
	if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
		t.Errorf("Path(weather) = %q: %v", p, err)
	}
}
