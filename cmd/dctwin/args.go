package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"golang.org/x/term"

	"github.com/dctwin/dctwin/sim"
	"github.com/dctwin/dctwin/sites"
)

// commands are the subcommands, for "did you mean" and completion.
var commands = []string{"run", "report", "validate", "example", "climates", "completion", "version", "help"}

// errUsage is a usage error already explained on stderr.
var errUsage = errors.New("usage")

// parseArgs parses flags wherever they stand among the arguments, so that
// "dctwin run site.toml -o out" works as well as "dctwin run -o out
// site.toml". -h prints the command's help on stdout and returns
// flag.ErrHelp; a mistyped flag is explained on stderr, with the closest
// flag, and returns errUsage. A lone "-" is an argument (standard input).
func parseArgs(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) ([]string, error) {
	var positional []string
	var discard bytes.Buffer
	fs.SetOutput(&discard)
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return nil, err
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v%s\nRun \"%s -h\" for its flags.\n", fs.Name(), err, flagSuggestion(fs, err), fs.Name())
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// flagSuggestion returns "; did you mean -NAME?" for an undefined flag
// close to one of fs's.
func flagSuggestion(fs *flag.FlagSet, err error) string {
	const prefix = "flag provided but not defined: -"
	msg := err.Error()
	if !strings.HasPrefix(msg, prefix) {
		return ""
	}
	name := strings.TrimLeft(strings.TrimPrefix(msg, prefix), "-")
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	sort.Strings(names)
	if best := sites.Suggest(name, names); best != "" {
		return fmt.Sprintf("; did you mean -%s?", best)
	}
	return ""
}

// commandSuggestion returns " (did you mean NAME?)" for a mistyped command.
func commandSuggestion(cmd string) string {
	if best := sites.Suggest(cmd, commands); best != "" {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	return ""
}

// stdin is where "-" reads a site file from; tests replace it.
var stdin io.Reader = os.Stdin

// maxStdinBytes bounds a site file read from standard input.
const maxStdinBytes = 16 << 20

// loadSite reads one site file, or standard input for "-".
func loadSite(file string, o sites.Overrides) (*sim.Site, error) {
	if file != "-" {
		return sites.Load(file, o)
	}
	src, err := readStdin()
	if err != nil {
		return nil, &sites.Error{Problems: []sites.Problem{{File: "-", Msg: err.Error()}}}
	}
	return sites.Parse(src, "stdin", ".", o)
}

// readStdin reads a site file from standard input, refusing a terminal
// (nothing would end the input) and anything over maxStdinBytes.
func readStdin() ([]byte, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return nil, errors.New("standard input is a terminal: pipe a site file in (dctwin example NAME | dctwin run -)")
	}
	src, err := io.ReadAll(io.LimitReader(stdin, maxStdinBytes+1))
	if err != nil {
		return nil, fmt.Errorf("standard input: %w", err)
	}
	if len(src) > maxStdinBytes {
		return nil, fmt.Errorf("standard input: more than %d MiB: not a site file", maxStdinBytes>>20)
	}
	return src, nil
}
