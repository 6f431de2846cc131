package it

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// runner advances the shards of a fleet on long-lived helper goroutines, so
// that a Compute costs no goroutine or closure allocation. A job runs on
// min(GOMAXPROCS, shards) goroutines, the caller included; helpers start
// when GOMAXPROCS first allows them. The runner holds no reference to the
// Fleet: the helpers keep only the runner alive, and the Fleet's cleanup can
// stop them once the Fleet is garbage.
type runner struct {
	shards []*shard

	mu      sync.Mutex    // guards helpers and stopped against the cleanup
	helpers int           // helper goroutines started
	live    atomic.Int32  // helper goroutines not yet ended
	stopped bool          // no more helpers; jobs run on the caller
	start   chan struct{} // one token per helper taking part in a job; closed by stop
	done    chan struct{} // one token per helper when it has finished its part

	// The current job, written before the start tokens are sent.
	ctx      context.Context
	groups   []group
	n        int
	next     atomic.Int64 // index of the next shard to take
	finished atomic.Int64 // shards advanced in this job
}

func newRunner(shards []*shard) *runner {
	return &runner{shards: shards, start: make(chan struct{}), done: make(chan struct{})}
}

// help is the body of a helper goroutine.
func (r *runner) help() {
	defer r.live.Add(-1)
	for range r.start {
		r.work()
		r.done <- struct{}{}
	}
}

// stop ends the helpers; later jobs run on the caller alone.
func (r *runner) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.stopped {
		r.stopped = true
		close(r.start)
	}
}

// helpersFor returns how many helpers take part in the next job, starting
// any that GOMAXPROCS newly allows.
func (r *runner) helpersFor() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return 0
	}
	want := min(runtime.GOMAXPROCS(0), len(r.shards)) - 1
	for r.helpers < want {
		r.live.Add(1)
		go r.help()
		r.helpers++
	}
	return want
}

// run advances all shards by the n steps of the groups' buffers. Shards are
// handed out dynamically, which balances the load; the results do not depend
// on which goroutine ran which shard.
func (r *runner) run(ctx context.Context, groups []group, n int) error {
	r.ctx, r.groups, r.n = ctx, groups, n
	r.next.Store(0)
	r.finished.Store(0)
	helpers := r.helpersFor()
	for range helpers {
		r.start <- struct{}{}
	}
	r.work()
	for range helpers {
		<-r.done
	}
	r.ctx, r.groups = nil, nil
	if int(r.finished.Load()) != len(r.shards) {
		if err := ctx.Err(); err != nil {
			return err
		}
		return context.Canceled
	}
	return nil
}

// work takes shards until none remain or the job is cancelled.
func (r *runner) work() {
	for r.ctx.Err() == nil {
		i := int(r.next.Add(1) - 1)
		if i >= len(r.shards) {
			return
		}
		s := r.shards[i]
		s.advance(r.groups[s.group].ug[:r.n])
		r.finished.Add(1)
	}
}
