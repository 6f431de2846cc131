package plots

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
