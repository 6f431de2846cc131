package plots

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"golang.org/x/sync/errgroup"
)

// Options control Write.
type Options struct {
	// Logger receives progress messages; nil discards them.
	Logger *slog.Logger
	// Parallel is how many sites are drawn at once; 0 means GOMAXPROCS.
	Parallel int
}

// Result lists what Write wrote.
type Result struct {
	Sites   []*Site
	Figures []string // paths of the PNG files, per site then cross-site
	Report  string   // path of report.html
}

// drawn holds one site's encoded figures until they are written to dir,
// after which only the figures' descriptions are kept.
type drawn struct {
	figs     []*figure
	png, svg [][]byte
	dir      string
	// notes say which figures the site's data does not support, and why.
	notes []string
}

// Write reads the output folder out and writes the figures of every site
// (OUT/<site>/plots), the figures that compare sites (OUT/sites_*.png and
// .svg, with two sites or more) and OUT/report.html. Each folder of figures and the report
// appear only when complete. A folder that is not a dctwin output gives an
// *InputError naming the file.
func Write(ctx context.Context, out string, opt Options) (*Result, error) {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	began := time.Now()
	sites, err := ReadFolder(out)
	if err != nil {
		return nil, err
	}
	log.Info("output folder read", "sites", len(sites), "elapsed", time.Since(began).Round(time.Millisecond))
	parallel := opt.Parallel
	if parallel <= 0 {
		parallel = runtime.GOMAXPROCS(0)
	}
	results := make([]drawn, len(sites)+1)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(parallel)
	for i, s := range sites {
		g.Go(func() error {
			figs, notes := siteFigures(s)
			d, err := encodeAll(ctx, figs)
			if err != nil {
				return fmt.Errorf("site %s: %w", s.Name, err)
			}
			d.notes = notes
			d.dir = filepath.Join(s.Dir, "plots")
			if err := writeFigures(d.dir, d); err != nil {
				return fmt.Errorf("site %s: %w", s.Name, err)
			}
			// The report reads the images back one at a time.
			d.png, d.svg = nil, nil
			results[i] = d
			log.Info("figures drawn", "site", s.Name, "figures", len(figs))
			return nil
		})
	}
	if len(sites) > 1 {
		g.Go(func() error {
			d, err := encodeAll(ctx, crossFigures(sites))
			if err != nil {
				return fmt.Errorf("cross-site figures: %w", err)
			}
			d.dir = out
			if err := writeFigureFiles(out, d); err != nil {
				return err
			}
			d.png, d.svg = nil, nil
			results[len(sites)] = d
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	res := &Result{Sites: sites, Report: filepath.Join(out, "report.html")}
	for i, d := range results {
		dir := out
		if i < len(sites) {
			dir = filepath.Join(sites[i].Dir, "plots")
		}
		for _, f := range d.figs {
			res.Figures = append(res.Figures, filepath.Join(dir, f.name+".png"))
		}
	}
	html, images, err := reportHTML(sites, results)
	if err != nil {
		return nil, fmt.Errorf("report.html: %w", err)
	}
	if err := writeReport(res.Report, html, images); err != nil {
		return nil, fmt.Errorf("report.html: %w", err)
	}
	log.Info("report written", "file", res.Report, "elapsed", time.Since(began).Round(time.Millisecond))
	return res, nil
}

func encodeAll(ctx context.Context, figs []*figure) (drawn, error) {
	d := drawn{figs: figs}
	for _, f := range figs {
		if err := ctx.Err(); err != nil {
			return d, err
		}
		png, svg, err := f.encode()
		if err != nil {
			return d, err
		}
		d.png = append(d.png, png)
		d.svg = append(d.svg, svg)
	}
	return d, nil
}

// writeFigures writes a folder of figures under a temporary name and renames
// it into place, replacing an older one.
func writeFigures(dir string, d drawn) error {
	tmp := filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".partial")
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return err
	}
	for i, f := range d.figs {
		for _, file := range []struct {
			ext  string
			data []byte
		}{{".png", d.png[i]}, {".svg", d.svg[i]}} {
			if err := os.WriteFile(filepath.Join(tmp, f.name+file.ext), file.data, 0o644); err != nil {
				os.RemoveAll(tmp)
				return err
			}
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}

// writeFigureFiles writes figures as files of dir, each under a temporary
// name first. The cross-site figures go there, at the top of the output
// folder, where every subfolder is a site's.
func writeFigureFiles(dir string, d drawn) error {
	for i, f := range d.figs {
		if err := writeFileAtomic(filepath.Join(dir, f.name+".png"), d.png[i]); err != nil {
			return err
		}
		if err := writeFileAtomic(filepath.Join(dir, f.name+".svg"), d.svg[i]); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAtomic writes data beside path and renames it into place.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".partial"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
