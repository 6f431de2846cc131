// Command dctwin simulates the energy and water of data centers: racks, power
// chain, cooling plant, grid draw and water withdrawal, stepped together over
// a year for each site, written out as time series and KPIs.
//
// Usage:
//
//	dctwin run [flags] [SITE.toml ...]   simulate; no site: the embedded examples
//	dctwin report OUT                   redraw figures and report.html of a run
//	dctwin validate SITE.toml ...        check site files
//	dctwin example [NAME]                list the examples, or print one
//	dctwin climates                      list the built-in climates
//	dctwin completion bash|zsh|fish      print a shell completion script
//	dctwin version                       print the version and revision
//
// Exit status: 0 on success, 1 when a run fails, 2 for bad usage or input.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
