package plots

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"
)

// chromium returns the path of a Chromium to test the report in, or skips.
// CI installs Debian's chromium (.ci/run).
func chromium(t *testing.T) string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on this machine: the report is not checked in a browser (apt-get install chromium)")
	return ""
}

// The check appended to a copy of the report: after the page loads it
// writes into the DOM how many images decoded and any script error.
const browserCheck = `<script>
var errs = [];
window.onerror = function(msg) { errs.push(String(msg)); };
window.addEventListener("load", function() {
  var imgs = document.images, ok = 0;
  for (var i = 0; i < imgs.length; i++) { if (imgs[i].complete && imgs[i].naturalWidth > 0) ok++; }
  var d = document.createElement("div");
  d.id = "dctwin-check";
  d.setAttribute("data-images", imgs.length);
  d.setAttribute("data-loaded", ok);
  d.setAttribute("data-width", imgs.length ? imgs[0].getBoundingClientRect().width : 0);
  d.setAttribute("data-errors", errs.join(" | "));
  document.body.appendChild(d);
});
</script>`

// axeCheck runs axe-core (inlined before it) over the page once it has
// loaded and writes the violations into the DOM, base64-encoded JSON.
const axeCheck = `<script>
window.addEventListener("load", function() {
  axe.run(document, {resultTypes: ["violations"]}).then(function(r) {
    var v = r.violations.map(function(x) {
      return {id: x.id, impact: x.impact, help: x.help, nodes: x.nodes.length,
        targets: x.nodes.slice(0, 3).map(function(n) { return String(n.target); })};
    });
    var d = document.createElement("div");
    d.id = "dctwin-axe";
    d.setAttribute("data-result", btoa(unescape(encodeURIComponent(JSON.stringify(v)))));
    document.body.appendChild(d);
  }, function(e) {
    var d = document.createElement("div");
    d.id = "dctwin-axe";
    d.setAttribute("data-error", String(e));
    document.body.appendChild(d);
  });
});
</script>`

var axeRE = regexp.MustCompile(`<div id="dctwin-axe" data-(result|error)="([^"]*)">`)

// axeScript returns axe-core's script: from DCTWIN_AXE (set by .ci/run,
// which installs axe-core from npm), else from a usual npm location; it
// skips without one.
func axeScript(t *testing.T) []byte {
	paths := []string{os.Getenv("DCTWIN_AXE")}
	if home, err := os.UserHomeDir(); err == nil {
		paths = append(paths, filepath.Join(home, ".cache", "dctwin-axe", "node_modules", "axe-core", "axe.min.js"))
	}
	paths = append(paths, "/usr/lib/node_modules/axe-core/axe.min.js", "/usr/share/javascript/axe-core/axe.min.js")
	for _, p := range paths {
		if p == "" {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			return data
		}
	}
	if p := os.Getenv("DCTWIN_AXE"); p != "" {
		t.Fatalf("DCTWIN_AXE=%s: no axe-core there", p)
	}
	t.Skip("no axe-core: the report is not checked for accessibility (npm install axe-core; .ci/run does)")
	return nil
}

// axeViolation is one rule the page breaks, as the check reports it.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            int
	Targets          []string
}

// The report, opened offline in a real browser, has no accessibility
// violation that axe-core rates critical, serious or moderate.
func TestReportAccessibility(t *testing.T) {
	bin := chromium(t)
	script := axeScript(t)
	// The control: a page with an image without alt text must fail.
	control := []byte(`<!DOCTYPE html><html lang="en"><head><title>control</title></head><body><main><img src="data:image/png;base64,"></main></body></html>`)
	if v := axeViolations(t, bin, script, control); !slices.ContainsFunc(v, func(x axeViolation) bool { return x.ID == "image-alt" }) {
		t.Fatalf("axe did not flag an image without alt text: %+v", v)
	}
	for _, folder := range []string{portfolio, features} {
		t.Run(folder, func(t *testing.T) {
			_, res := writeTestOut(t, folder)
			html, err := os.ReadFile(res.Report)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range axeViolations(t, bin, script, html) {
				switch v.Impact {
				case "critical", "serious", "moderate":
					t.Errorf("axe %s (%s): %s; %d elements, e.g. %v", v.ID, v.Impact, v.Help, v.Nodes, v.Targets)
				default:
					t.Logf("axe %s (%s): %s; %d elements", v.ID, v.Impact, v.Help, v.Nodes)
				}
			}
		})
	}
}

// axeViolations runs axe-core over the page in the browser.
func axeViolations(t *testing.T, bin string, script, html []byte) []axeViolation {
	t.Helper()
	inline := append(append([]byte("<script>"), bytes.ReplaceAll(script, []byte("</script"), []byte("<\\/script"))...), []byte("</script>")...)
	page := bytes.Replace(html, []byte("</body>"), append(append(inline, axeCheck...), "</body>"...), 1)
	dom := runBrowser(t, bin, page, "--dump-dom", "--virtual-time-budget=120000")
	m := axeRE.FindSubmatch(dom)
	if m == nil {
		t.Fatalf("axe did not report; DOM ends %q", tail(dom, 400))
	}
	if string(m[1]) == "error" {
		t.Fatalf("axe failed: %s", m[2])
	}
	raw, err := base64.StdEncoding.DecodeString(string(m[2]))
	if err != nil {
		t.Fatal(err)
	}
	var violations []axeViolation
	if err := json.Unmarshal(raw, &violations); err != nil {
		t.Fatal(err)
	}
	return violations
}

// runBrowser opens page (written to a file of its own) in headless
// Chromium without network and returns its standard output.
func runBrowser(t *testing.T, bin string, page []byte, extra ...string) []byte {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--window-size=900,1200"}, extra...)
	args = append(args, "file://"+file)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.Bytes())
	}
	return out
}

var checkRE = regexp.MustCompile(`<div id="dctwin-check" data-images="(\d+)" data-loaded="(\d+)" data-width="([\d.]+)" data-errors="([^"]*)">`)

// The report, opened in a real headless browser with no network, shows all
// its figures and raises no error.
func TestReportInBrowser(t *testing.T) {
	bin := chromium(t)
	for _, folder := range []string{portfolio, features} {
		t.Run(folder, func(t *testing.T) { checkInBrowser(t, bin, folder) })
	}
}

func checkInBrowser(t *testing.T, bin, folder string) {
	_, res := writeTestOut(t, folder)
	html, err := os.ReadFile(res.Report)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	checked := bytes.Replace(html, []byte("</body>"), []byte(browserCheck+"</body>"), 1)
	if err := os.WriteFile(page, checked, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(extra ...string) []byte {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
			"--user-data-dir=" + filepath.Join(dir, "profile"), "--window-size=900,1200"}, extra...)
		args = append(args, "file://"+page)
		cmd := exec.CommandContext(ctx, bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", bin, err, stderr.Bytes())
		}
		return out
	}
	dom := run("--dump-dom", "--virtual-time-budget=10000")
	m := checkRE.FindSubmatch(dom)
	if m == nil {
		t.Fatalf("the check did not run in the browser; DOM ends %q", tail(dom, 400))
	}
	images, _ := strconv.Atoi(string(m[1]))
	loaded, _ := strconv.Atoi(string(m[2]))
	width, _ := strconv.ParseFloat(string(m[3]), 64)
	if images != len(res.Figures) || loaded != images {
		t.Errorf("%d of %d images shown, want all %d figures", loaded, images, len(res.Figures))
	}
	if width < 300 {
		t.Errorf("figures drawn %v px wide: too small to read", width)
	}
	if len(m[4]) > 0 {
		t.Errorf("script errors in the report: %s", m[4])
	}
	shot := filepath.Join(dir, "report.png")
	run("--screenshot=" + shot)
	if fi, err := os.Stat(shot); err != nil || fi.Size() < 10000 {
		t.Errorf("no screenshot of the report: %v", err)
	}
	if dst := os.Getenv("DCTWIN_REPORT_SCREENSHOT"); dst != "" && folder == portfolio {
		data, _ := os.ReadFile(shot)
		os.WriteFile(dst, data, 0o644)
	}
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}
