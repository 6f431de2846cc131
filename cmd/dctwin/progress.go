package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/dctwin/dctwin/sim"
)

// plainEvery is how often a run's progress is printed as a line when stderr
// is not a terminal (a log, a CI job).
var plainEvery = 10 * time.Second

// startProgress shows a run's progress on w until the returned function is
// called: a bar redrawn in place when w is a terminal, otherwise a plain line
// every plainEvery. Each says the share of the steps done, the sites done
// and an estimate of the time left.
func startProgress(w io.Writer, p *sim.Progress) func() {
	f, ok := w.(*os.File)
	tty := ok && term.IsTerminal(int(f.Fd()))
	every := plainEvery
	if tty {
		every = 200 * time.Millisecond
	}
	began := time.Now()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-done:
				if tty {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			case <-tick.C:
				line := progressLine(p, time.Since(began))
				if tty {
					frac := p.Fraction()
					n := int(frac * 20)
					fmt.Fprintf(w, "\r\033[K[%s%s] %s", strings.Repeat("#", n), strings.Repeat(" ", 20-n), line)
				} else {
					fmt.Fprintf(w, "dctwin run: %s\n", line)
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// progressLine says how far a run is after elapsed: "42% of the steps, 3 of
// 13 sites done, about 1m20s left".
func progressLine(p *sim.Progress, elapsed time.Duration) string {
	frac := p.Fraction()
	done, total := p.Sites()
	s := fmt.Sprintf("%3.0f%% of the steps, %d of %d sites done", 100*frac, done, total)
	if frac > 0.01 && frac < 1 {
		left := time.Duration(float64(elapsed) * (1 - frac) / frac)
		s += ", about " + left.Round(time.Second).String() + " left"
	}
	return s
}
