package sim

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// Options control a run.
type Options struct {
	// Out is the output folder, created if needed.
	Out string
	// Parallel is how many sites run at once; 0 means GOMAXPROCS.
	Parallel int
	// Logger receives progress messages; nil discards them.
	Logger *slog.Logger
	// Progress, if not nil, counts the steps done, for a progress bar.
	Progress *Progress
	// Now gives the run's start time for the summaries' provenance; nil
	// means time.Now. A fixed clock makes reruns byte-identical.
	Now func() time.Time
}

// Progress counts the steps and the sites of a run; it is safe for
// concurrent use.
type Progress struct {
	done, total           atomic.Int64
	sitesDone, sitesTotal atomic.Int64
}

// Sites returns how many sites are done, of how many.
func (p *Progress) Sites() (done, total int) {
	if p == nil {
		return 0, 0
	}
	return int(p.sitesDone.Load()), int(p.sitesTotal.Load())
}

// Fraction returns the share of the run's steps done, 0..1.
func (p *Progress) Fraction() float64 {
	if p == nil || p.total.Load() == 0 {
		return 0
	}
	return float64(p.done.Load()) / float64(p.total.Load())
}

func (p *Progress) add(n int64) {
	if p != nil {
		p.done.Add(n)
	}
}

// Run simulates the sites concurrently and writes their outputs to opt.Out:
// OUT/<site>/timeseries.csv and summary.json for each site, then
// OUT/summary.csv. A site's folder appears only when it is complete. The
// summaries are returned in the order of sites. The first error cancels the
// run and is returned.
func Run(ctx context.Context, sites []*Site, opt Options) ([]*Summary, error) {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	seen := map[string]bool{}
	var total int64
	for _, s := range sites {
		if err := s.Validate(); err != nil {
			return nil, err
		}
		if seen[s.Name] {
			return nil, fmt.Errorf("two sites are named %s: site names must differ, they name the output folders", s.Name)
		}
		seen[s.Name] = true
		total += int64(s.Period.Steps)
	}
	if len(sites) == 0 {
		return nil, errors.New("no sites to run")
	}
	if opt.Progress != nil {
		opt.Progress.total.Store(total)
		opt.Progress.sitesTotal.Store(int64(len(sites)))
	}
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	parallel := opt.Parallel
	if parallel <= 0 {
		parallel = runtime.GOMAXPROCS(0)
	}
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	runStart := now()
	sums := make([]*Summary, len(sites))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(parallel)
	for i, s := range sites {
		g.Go(func() error {
			began := time.Now()
			sum, err := runSiteAt(ctx, s, opt.Out, opt.Progress, runStart)
			if err != nil {
				return fmt.Errorf("site %s: %w", s.Name, err)
			}
			log.Info("site done", "site", s.Name, "steps", s.Period.Steps, "pue", sum.PUE, "wue_l_per_kwh", sum.WUE, "elapsed", time.Since(began).Round(time.Millisecond))
			sums[i] = sum
			if opt.Progress != nil {
				opt.Progress.sitesDone.Add(1)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := writeSummaryCSV(filepath.Join(opt.Out, "summary.csv"), sums); err != nil {
		return nil, fmt.Errorf("summary.csv: %w", err)
	}
	return sums, nil
}

// RunSite simulates one site and writes OUT/<site>/timeseries.csv and
// summary.json. progress may be nil.
func RunSite(ctx context.Context, s *Site, out string, progress *Progress) (sum *Summary, err error) {
	return runSiteAt(ctx, s, out, progress, time.Now())
}

func runSiteAt(ctx context.Context, s *Site, out string, progress *Progress, began time.Time) (sum *Summary, err error) {
	dir, err := newSiteDir(out, s.Name)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			dir.abandon()
		}
	}()
	f, err := os.Create(dir.path("timeseries.csv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := newCSVRows(f)
	if err != nil {
		return nil, err
	}
	rows.withdrawalKnown = s.Ledger.withdrawalKnown()
	if sum, err = runSite(ctx, s, rows, progress); err != nil {
		return nil, err
	}
	sum.Provenance = provenance(s, began)
	if err := rows.flush(); err != nil {
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	if err := writeJSON(dir.path("summary.json"), sum); err != nil {
		return nil, err
	}
	return sum, dir.commit()
}
