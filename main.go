// Command azinvoice walks Azure customers through their billing: billing
// accounts, profiles, subscriptions and invoices, in a terminal, and does
// the same from scripts through its subcommands (ui/cli).
//
// main only wires the process (streams, terminal checks, signals) to
// ui/cli, and the terminal UI to the session ui/cli signs in.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/azinvoice/azinvoice/ui"
	"github.com/azinvoice/azinvoice/ui/cli"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	return cli.Run(args, cli.IO{
		In: os.Stdin, Out: stdout, Err: stderr,
		InTTY: term.IsTerminal(os.Stdin.Fd()), OutTTY: term.IsTerminal(os.Stdout.Fd()), ErrTTY: term.IsTerminal(os.Stderr.Fd()),
		Version: version, TUI: tui(stderr), Signals: true,
	})
}

// tui checks for a terminal, signs in, and runs the terminal UI.
func tui(stderr io.Writer) func(ctx context.Context, g *cli.Globals, open func() (*cli.Session, int)) int {
	return func(ctx context.Context, g *cli.Globals, open func() (*cli.Session, int)) int {
		return runTUI(ctx, g, open, stderr)
	}
}

func runTUI(ctx context.Context, g *cli.Globals, open func() (*cli.Session, int), stderr io.Writer) int {
	// A folder that cannot take a download is said now, in its own words,
	// not blamed on Azure at the first download.
	dlDir := downloadDir(g.DownloadDir)
	if err := ui.CheckDownloadDir(dlDir); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if !term.IsTerminal(os.Stdout.Fd()) || !term.IsTerminal(os.Stdin.Fd()) {
		fmt.Fprintln(stderr, i18n.T("tty.none"))
		return 2
	}
	s, code := open()
	if s == nil {
		return code
	}
	app := ui.New(ctx, ui.Config{
		Billing: s.Billing, ReadOnly: g.ReadOnly, DownloadDir: dlDir, Identity: s.Identity,
		TenantID: s.TenantID, Cloud: s.Cloud, Logger: s.Logger, Demo: g.Demo,
	})
	_, err := tea.NewProgram(app, tea.WithContext(ctx)).Run()
	app.Close(5 * time.Second) // cancelled downloads remove their temporary files
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		fmt.Fprintln(stderr, i18n.T("run.fail", map[string]any{"Err": err}))
		return 1
	}
	return 0
}

// downloadDir is --download-dir, else ~/Downloads when it exists, else ".".
func downloadDir(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if home, err := os.UserHomeDir(); err == nil {
		d := filepath.Join(home, "Downloads")
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return "."
}
