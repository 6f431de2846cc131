package sim

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"
)

// modulePath is the module dctwin is built from.
const modulePath = "github.com/dctwin/dctwin"

// Provenance ties a summary to the program and the inputs that made it, so
// that a reviewer can rerun it: the version and revision of dctwin, when it
// ran, the SHA-256 of every input file, and the site file as resolved.
type Provenance struct {
	// Version is the module version of dctwin ("(devel)" for a build from
	// a working tree); Revision its VCS commit, "-modified" appended for a
	// build from a tree with uncommitted changes ("" when unknown).
	Version   string `json:"version"`
	Revision  string `json:"revision"`
	GoVersion string `json:"go_version"`
	// RunTime is when the run started, RFC 3339 in UTC. It is the one field
	// of a run's outputs that differs between reruns of the same inputs;
	// Options.Now fixes it (the command line honours SOURCE_DATE_EPOCH).
	RunTime string `json:"run_time"`
	// Inputs are the files the site was built from, the site file first.
	Inputs []InputFile `json:"input_files"`
	// SiteFile is the site file as resolved: every key it gave, the
	// command-line overrides applied, and every default (literal defaults
	// as keys, sized or derived ones as comments stating their rule).
	SiteFile string `json:"site_file_resolved"`
}

// InputFile is one input file and its SHA-256.
type InputFile struct {
	Role   string `json:"role"` // "site file", "weather", "grid", ...
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// HashFile returns the hex SHA-256 of the file at path.
func HashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// HashBytes returns the hex SHA-256 of data.
func HashBytes(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// BuildInfo returns dctwin's module version and VCS revision, from the
// build information of the running binary: the main module's when dctwin
// is the program, the dependency's when a program embeds it.
func BuildInfo() (version, revision, goVersion string) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown", "", ""
	}
	goVersion = bi.GoVersion
	if bi.Main.Path != modulePath {
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				return d.Version, "", goVersion
			}
		}
		return "unknown", "", goVersion
	}
	version = bi.Main.Version
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified && revision != "" {
		revision += "-modified"
	}
	return version, revision, goVersion
}

// provenance fills a site's provenance for a run started at began.
func provenance(s *Site, began time.Time) Provenance {
	v, r, g := BuildInfo()
	return Provenance{Version: v, Revision: r, GoVersion: g, RunTime: began.UTC().Format(time.RFC3339),
		Inputs: append([]InputFile{}, s.Files...), SiteFile: s.SiteFile}
}
