package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites"
)

func TestDidYouMean(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"rnu"}, "did you mean run?"},
		{[]string{"valdate", "x.toml"}, "did you mean validate?"},
		{[]string{"run", "-wether", "a.epw"}, "did you mean -weather?"},
		{[]string{"run", "--paralel", "2"}, "did you mean -parallel?"},
		{[]string{"validate", "-jsn", "x.toml"}, "did you mean -json?"},
	} {
		code, _, stderr := run(t, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("dctwin %q: exit %d, stderr %q; want %q", c.args, code, stderr, c.want)
		}
	}
}

// -h is help, on stdout, for every command: "validate -h" is not a file.
func TestHelpFlags(t *testing.T) {
	for _, cmd := range []string{"run", "report", "validate"} {
		code, stdout, stderr := run(t, cmd, "-h")
		if code != exitOK || !strings.Contains(stdout, "Usage: dctwin "+cmd) || strings.Contains(stderr, "-h:") {
			t.Errorf("%s -h: exit %d, stdout %q, stderr %q", cmd, code, stdout, stderr)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, _ := run(t, args...)
		if code != exitOK || !strings.HasPrefix(stdout, "dctwin ") || !strings.Contains(stdout, "revision") {
			t.Errorf("%q: exit %d, %q", args, code, stdout)
		}
	}
}

// "-" reads the site file from standard input, for run and validate.
func TestSiteFromStdin(t *testing.T) {
	e, _ := sites.LookupExample("ashburn-colo")
	defer func(r any) { stdin = r.(interface{ Read([]byte) (int, error) }) }(stdin)
	stdin = strings.NewReader(string(e.TOML))
	if code, stdout, stderr := run(t, "validate", "-"); code != exitOK || !strings.Contains(stdout, "-: ok: site ashburn-colo") {
		t.Errorf("validate -: exit %d, %q %q", code, stdout, stderr)
	}
	stdin = strings.NewReader(string(e.TOML))
	out := t.TempDir()
	if code, _, stderr := run(t, "run", "-days", "1", "-step", "1h", "-no-plots", "-q", "-o", out, "-"); code != exitOK {
		t.Fatalf("run -: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "ashburn-colo", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sum sim.Summary
	json.Unmarshal(data, &sum)
	if in := sum.Provenance.Inputs; len(in) != 1 || in[0].Path != "stdin" || in[0].SHA256 != sim.HashBytes(e.TOML) {
		t.Errorf("input files %+v", in)
	}
	stdin = strings.NewReader("[site\n")
	if code, _, stderr := run(t, "validate", "-"); code != exitUsage || !strings.Contains(stderr, "stdin:2: TOML syntax") {
		t.Errorf("bad stdin: exit %d, %q", code, stderr)
	}
}

func TestJSONOutput(t *testing.T) {
	dir := t.TempDir()
	_, toml, _ := run(t, "example", "ashburn-colo")
	good := filepath.Join(dir, "good.toml")
	os.WriteFile(good, []byte(toml), 0o644)
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte(strings.Replace(toml, "count = 420", "count = -420", 1)), 0o644)
	code, stdout, _ := run(t, "validate", "-json", good, bad)
	var vs []validation
	if err := json.Unmarshal([]byte(stdout), &vs); err != nil || code != exitUsage || len(vs) != 2 {
		t.Fatalf("validate -json: exit %d, %v: %q", code, err, stdout)
	}
	if !vs[0].OK || vs[0].Site != "ashburn-colo" || vs[1].OK || len(vs[1].Problems) == 0 || vs[1].Problems[0].Key != "racks[0].count" || vs[1].Problems[0].Line == 0 {
		t.Errorf("results %+v", vs)
	}
	out := filepath.Join(dir, "out")
	code, stdout, stderr := run(t, "run", "-json", "-days", "1", "-step", "1h", "-no-plots", "-o", out, good)
	var sums []sim.Summary
	if err := json.Unmarshal([]byte(stdout), &sums); err != nil || code != exitOK || len(sums) != 1 || sums[0].Site != "ashburn-colo" {
		t.Fatalf("run -json: exit %d, %v: %q %q", code, err, stdout, stderr)
	}
	if !strings.Contains(stderr, "outputs in") {
		t.Errorf("run -json: the closing line belongs on stderr: %q", stderr)
	}
}

func TestCompletion(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish"} {
		code, stdout, _ := run(t, "completion", sh)
		weather := "-weather"
		if sh == "fish" {
			weather = "-o weather"
		}
		if code != exitOK || !strings.Contains(stdout, "validate") || !strings.Contains(stdout, weather) || !strings.Contains(stdout, "phoenix-hybrid") || !strings.Contains(stdout, "singapore") {
			t.Errorf("completion %s: exit %d\n%s", sh, code, stdout)
		}
	}
	if code, _, _ := run(t, "completion", "tcsh"); code != exitUsage {
		t.Errorf("completion tcsh: exit %d", code)
	}
}

// Not in a terminal, the progress is a plain line now and then; -q
// silences it.
func TestProgressLines(t *testing.T) {
	defer func(d time.Duration) { plainEvery = d }(plainEvery)
	plainEvery = 20 * time.Millisecond
	out := t.TempDir()
	_, _, stderr := run(t, "run", "-days", "60", "-step", "1m", "-no-plots", "-o", out)
	if !strings.Contains(stderr, "dctwin run: ") || !strings.Contains(stderr, "sites done") || strings.Contains(stderr, "\r") {
		t.Errorf("no plain progress line in a pipe: %q", stderr)
	}
	_, _, stderr = run(t, "run", "-q", "-days", "60", "-step", "1m", "-no-plots", "-o", out)
	if strings.Contains(stderr, "sites done") {
		t.Errorf("-q printed progress: %q", stderr)
	}
	p := &sim.Progress{}
	if got := progressLine(p, time.Second); !strings.Contains(got, "0 of 0 sites done") {
		t.Errorf("progress line %q", got)
	}
}

// -weather moves an example to another place: the site says so.
func TestWeatherOverrideIsNamed(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := run(t, "run", "-climate", "stockholm", "-days", "1", "-step", "1h", "-no-plots", "-q", "-o", out)
	if code != exitOK || !strings.Contains(stderr, "phoenix-hybrid: weather replaced by --climate") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(out, "phoenix-hybrid", "summary.json"))
	var sum sim.Summary
	json.Unmarshal(data, &sum)
	if !strings.Contains(sum.Title, "run on the weather of") || !strings.Contains(strings.Join(sum.Warnings, "\n"), "weather replaced") {
		t.Errorf("title %q, warnings %q", sum.Title, sum.Warnings)
	}
}

// SOURCE_DATE_EPOCH fixes the run time of the provenance; the version is
// that of the build.
func TestProvenanceOfARun(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	out := t.TempDir()
	if code, _, stderr := run(t, "run", "-days", "1", "-step", "1h", "-no-plots", "-q", "-o", out); code != exitOK {
		t.Fatal(stderr)
	}
	data, _ := os.ReadFile(filepath.Join(out, "ashburn-colo", "summary.json"))
	var sum sim.Summary
	json.Unmarshal(data, &sum)
	pv := sum.Provenance
	v, _, _ := sim.BuildInfo()
	if pv.RunTime != "2026-01-01T00:00:00Z" || pv.Version != v || len(pv.Inputs) == 0 || !strings.Contains(pv.SiteFile, "[site]") || !strings.Contains(pv.SiteFile, "days = 1\n") {
		t.Errorf("provenance %+v", pv)
	}
}

// The bash script completes commands, flags, climates and examples, when
// bash is there to run it.
func TestBashCompletionCompletes(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	_, script, _ := run(t, "completion", "bash")
	file := filepath.Join(t.TempDir(), "dctwin.bash")
	os.WriteFile(file, []byte(script), 0o644)
	for words, want := range map[string]string{
		"dctwin ru":               "run",
		"dctwin run -wea":         "-weather",
		"dctwin run -climate sin": "singapore",
		"dctwin example ashb":     "ashburn-colo",
		"dctwin completion fi":    "fish",
	} {
		n := len(strings.Fields(words)) - 1
		cmd := exec.Command(bash, "-c", `source "$1"; COMP_WORDS=($2); COMP_CWORD=$3; _dctwin; echo "${COMPREPLY[@]}"`, "bash", file, words, strconv.Itoa(n))
		got, err := cmd.Output()
		if err != nil || strings.TrimSpace(string(got)) != want {
			t.Errorf("%q completes to %q (%v), want %q", words, got, err, want)
		}
	}
}
