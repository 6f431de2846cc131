package plots

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dctwin/dctwin/sim"
)

// InputError reports an output folder that cannot be read as one written by
// dctwin run: the file, the line when there is one, and what is wrong.
type InputError struct {
	File string
	Line int // 0 when the problem is not on one line
	Msg  string
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// IsInputError reports whether err comes from a malformed output folder
// rather than from writing the figures.
func IsInputError(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}

// Site is one site's results, read back from its output folder.
type Site struct {
	Name string
	Dir  string // OUT/<site>
	// Summary is summary.json decoded into the engine's type.
	Summary sim.Summary
	// Raw is summary.json decoded generically (numbers as json.Number), so
	// that keys the engine's type does not know yet still reach the report.
	Raw map[string]any
	// Series holds timeseries.csv aggregated to days and hours.
	Series *Series
	// Start is the period's start in the site's standard time.
	Start time.Time
	// End is the period's end.
	End time.Time
}

// ReadFolder reads every site of an output folder, in the order of
// OUT/summary.csv (the order the sites ran in).
func ReadFolder(out string) ([]*Site, error) {
	names, err := siteNames(filepath.Join(out, "summary.csv"))
	if err != nil {
		return nil, err
	}
	sites := make([]*Site, len(names))
	for i, name := range names {
		s, err := ReadSite(filepath.Join(out, name))
		if err != nil {
			return nil, err
		}
		if s.Name != name {
			return nil, &InputError{File: filepath.Join(out, name, "summary.json"), Msg: fmt.Sprintf("site %q, but summary.csv lists it as %q", s.Name, name)}
		}
		sites[i] = s
	}
	return sites, nil
}

// siteNames returns the first column of summary.csv below its header: of
// the rows of whole periods where the file has a period column (its other
// rows are calendar years of the same sites).
func siteNames(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &InputError{File: path, Msg: "missing: not a dctwin output folder"}
		}
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil || len(head) == 0 || head[0] != "site" {
		return nil, &InputError{File: path, Line: 1, Msg: "want a header starting with \"site\": not a dctwin summary"}
	}
	period := slices.Index(head, "period")
	var names []string
	seen := map[string]bool{}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &InputError{File: path, Line: line, Msg: err.Error()}
		}
		if period > 0 && period < len(rec) && rec[period] != "all" {
			continue
		}
		name := rec[0]
		if name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." || seen[name] {
			return nil, &InputError{File: path, Line: line, Msg: fmt.Sprintf("site %q: want a unique site folder name", name)}
		}
		seen[name] = true
		names = append(names, name)
	}
	if len(names) == 0 {
		return nil, &InputError{File: path, Msg: "lists no site"}
	}
	return names, nil
}

// ReadSite reads one site's folder: summary.json and timeseries.csv.
func ReadSite(dir string) (*Site, error) {
	sumPath := filepath.Join(dir, "summary.json")
	data, err := os.ReadFile(sumPath)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &InputError{File: sumPath, Msg: "missing"}
		}
		return nil, err
	}
	s := &Site{Dir: dir}
	if err := json.Unmarshal(data, &s.Summary); err != nil {
		return nil, &InputError{File: sumPath, Line: jsonLine(data, err), Msg: err.Error()}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&s.Raw); err != nil {
		return nil, &InputError{File: sumPath, Msg: err.Error()}
	}
	for _, key := range []string{"site", "start", "end", "step", "report_interval", "energy_kwh", "pue", "water_l"} {
		if _, ok := s.Raw[key]; !ok {
			return nil, &InputError{File: sumPath, Msg: fmt.Sprintf("no key %q: not a dctwin summary", key)}
		}
	}
	s.Name = s.Summary.Site
	if s.Start, err = time.Parse(time.RFC3339, s.Summary.Start); err != nil {
		return nil, &InputError{File: sumPath, Msg: fmt.Sprintf("start %q: want an RFC 3339 time", s.Summary.Start)}
	}
	if s.End, err = time.Parse(time.RFC3339, s.Summary.End); err != nil || !s.End.After(s.Start) {
		return nil, &InputError{File: sumPath, Msg: fmt.Sprintf("end %q: want an RFC 3339 time after the start", s.Summary.End)}
	}
	interval, err := time.ParseDuration(s.Summary.ReportInterval)
	if err != nil || interval < time.Minute || interval > 24*time.Hour {
		return nil, &InputError{File: sumPath, Msg: fmt.Sprintf("report_interval %q: want a duration from 1m to 24h", s.Summary.ReportInterval)}
	}
	tsPath := filepath.Join(dir, "timeseries.csv")
	f, err := os.Open(tsPath)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &InputError{File: tsPath, Msg: "missing"}
		}
		return nil, err
	}
	defer f.Close()
	s.Series, err = ReadSeries(bufio.NewReaderSize(f, 1<<16), tsPath, s.Start, s.End, interval)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// jsonLine returns the line of a JSON syntax error, or 0.
func jsonLine(data []byte, err error) int {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset <= int64(len(data)) {
		return 1 + bytes.Count(data[:se.Offset], []byte("\n"))
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Offset <= int64(len(data)) {
		return 1 + bytes.Count(data[:te.Offset], []byte("\n"))
	}
	return 0
}
