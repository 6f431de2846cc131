package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dctwin/dctwin/models/weather"
	"github.com/dctwin/dctwin/sites"
)

// completionCmd prints a completion script for a shell.
func completionCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || !strings.Contains(" bash zsh fish ", " "+args[0]+" ") {
		fmt.Fprintln(stderr, "Usage: dctwin completion bash|zsh|fish\n\nPrints a completion script: source <(dctwin completion bash), dctwin completion zsh > \"${fpath[1]}/_dctwin\", or dctwin completion fish > ~/.config/fish/completions/dctwin.fish.")
		return exitUsage
	}
	w := completionWords()
	switch args[0] {
	case "bash":
		fmt.Fprintf(stdout, bashCompletion, strings.Join(commands, " "), flagWords(w.run), flagWords(w.report), flagWords(w.validate),
			strings.Join(w.examples, " "), strings.Join(w.climates, " "), strings.Join(w.shells, " "))
	case "zsh":
		fmt.Fprintf(stdout, zshCompletion, strings.Join(commands, " "), flagWords(w.run), flagWords(w.report), flagWords(w.validate),
			strings.Join(w.examples, " "), strings.Join(w.climates, " "), strings.Join(w.shells, " "))
	case "fish":
		var b strings.Builder
		b.WriteString("# fish completion for dctwin\ncomplete -c dctwin -f\n")
		fmt.Fprintf(&b, "complete -c dctwin -n __fish_use_subcommand -a '%s'\n", strings.Join(commands, " "))
		for _, c := range []struct {
			cmd   string
			flags []string
		}{{"run", w.run}, {"report", w.report}, {"validate", w.validate}} {
			for _, f := range c.flags {
				fmt.Fprintf(&b, "complete -c dctwin -n '__fish_seen_subcommand_from %s' -o %s\n", c.cmd, f)
			}
			if c.cmd != "report" {
				fmt.Fprintf(&b, "complete -c dctwin -n '__fish_seen_subcommand_from %s' -F\n", c.cmd)
			}
		}
		fmt.Fprintf(&b, "complete -c dctwin -n '__fish_seen_subcommand_from report' -a '(__fish_complete_directories)'\n")
		fmt.Fprintf(&b, "complete -c dctwin -n '__fish_seen_subcommand_from example' -a '%s'\n", strings.Join(w.examples, " "))
		fmt.Fprintf(&b, "complete -c dctwin -n '__fish_seen_subcommand_from run; and __fish_prev_arg_in -climate --climate' -a '%s'\n", strings.Join(w.climates, " "))
		fmt.Fprintf(&b, "complete -c dctwin -n '__fish_seen_subcommand_from completion' -a '%s'\n", strings.Join(w.shells, " "))
		io.WriteString(stdout, b.String())
	}
	return exitOK
}

type words struct {
	run, report, validate, examples, climates, shells []string
}

// completionWords collects the words to complete from the commands' own
// flag sets, the examples and the climates, so that they cannot drift.
func completionWords() words {
	names := func(fs *flag.FlagSet) []string {
		var out []string
		fs.VisitAll(func(f *flag.Flag) { out = append(out, f.Name) })
		sort.Strings(out)
		return out
	}
	var w words
	w.run = names(runFlags(new(runOptions)))
	w.report = names(reportFlags(new(bool)))
	w.validate = names(validateFlags(new(bool)))
	for _, e := range sites.Examples() {
		w.examples = append(w.examples, e.Name)
	}
	for _, c := range weather.Climates() {
		w.climates = append(w.climates, c.ID)
	}
	w.shells = []string{"bash", "zsh", "fish"}
	return w
}

func flagWords(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "-" + n
	}
	return strings.Join(out, " ")
}

const bashCompletion = `# bash completion for dctwin: source <(dctwin completion bash)
_dctwin() {
  local cur prev cmd
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  cmd="${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "%[1]s" -- "$cur")); return
  fi
  case "$prev" in
    -climate|--climate) COMPREPLY=($(compgen -W "%[6]s" -- "$cur")); return ;;
    -o|--o) COMPREPLY=($(compgen -d -- "$cur")); return ;;
  esac
  case "$cmd" in
    run) if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "%[2]s" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi ;;
    report) if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "%[3]s" -- "$cur")); else COMPREPLY=($(compgen -d -- "$cur")); fi ;;
    validate) if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "%[4]s" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi ;;
    example) COMPREPLY=($(compgen -W "%[5]s" -- "$cur")) ;;
    completion) COMPREPLY=($(compgen -W "%[7]s" -- "$cur")) ;;
  esac
}
complete -F _dctwin dctwin
`

const zshCompletion = `#compdef dctwin
# zsh completion for dctwin: dctwin completion zsh > "${fpath[1]}/_dctwin"
_dctwin() {
  local -a cmds
  cmds=(%[1]s)
  if (( CURRENT == 2 )); then
    compadd -a cmds; return
  fi
  case "${words[CURRENT-1]}" in
    -climate|--climate) compadd %[6]s; return ;;
    -o) _files -/; return ;;
  esac
  case "${words[2]}" in
    run) if [[ "${words[CURRENT]}" == -* ]]; then compadd -- %[2]s; else _files; fi ;;
    report) if [[ "${words[CURRENT]}" == -* ]]; then compadd -- %[3]s; else _files -/; fi ;;
    validate) if [[ "${words[CURRENT]}" == -* ]]; then compadd -- %[4]s; else _files; fi ;;
    example) compadd %[5]s ;;
    completion) compadd %[7]s ;;
  esac
}
compdef _dctwin dctwin
`
