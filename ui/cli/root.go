// Package cli is azinvoice's scriptable side: cobra commands beside the
// terminal UI that list, explain and download through the same
// client.Billing, client.Save and model.Explain the screens use, and print
// a table, JSON or CSV.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitError   = 1
	ExitUsage   = 2
	ExitPartial = 3
)

// IO is the process's side of a run: streams, whether they are terminals,
// the environment, and (for tests) the demo's knobs.
type IO struct {
	In                    io.Reader
	Out, Err              io.Writer
	InTTY, OutTTY, ErrTTY bool
	Getenv                func(string) string
	Version               string
	// TUI starts the terminal UI (main wires ui.New in; nil in tests). It
	// makes its own checks (terminal, download folder), then calls open to
	// sign in, which prints any failure and returns the exit code for it.
	TUI func(ctx context.Context, g *Globals, open func() (*Session, int)) int

	// Demo replaces the --demo emulator's options (tests, benchmarks).
	Demo *emulator.Options
	// OnDemo is handed the --demo emulator once it runs (tests set faults).
	OnDemo func(*emulator.Server)
	// Now is the clock for the client and the diagnosis; nil is time.Now.
	Now func() time.Time
	// PollEvery overrides the client's long-running-operation poll interval.
	PollEvery time.Duration
	// Signals, when set, cancels the run's context on SIGINT/SIGTERM.
	Signals bool
}

func (o *IO) getenv(k string) string {
	if o.Getenv == nil {
		return os.Getenv(k)
	}
	return o.Getenv(k)
}

// usageError marks a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(id string, data ...any) error { return usageError{i18n.T(id, data...)} }

// exitError carries a chosen exit code (3: partial) with its message
// already printed.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// Run parses args and runs the command (or, with none, the TUI), and
// returns the process's exit code.
func Run(args []string, io IO) int {
	ctx := context.Background()
	if io.Signals {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	return RunContext(ctx, args, io)
}

// RunContext is Run under a context the caller may cancel (tests stop a
// bulk download half-way with it).
func RunContext(ctx context.Context, args []string, io IO) int {
	i18n.SetLanguage(i18n.Choose(args, io.getenv)) // before any text, --help included
	g := &Globals{}
	root := newRoot(&io, g)
	root.SetArgs(singleDash(args))
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetIn(io.In)
	err := root.ExecuteContext(ctx)
	return exitCode(err, &io)
}

func exitCode(err error, io *IO) int {
	if err == nil {
		return ExitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(io.Err, "azinvoice:", err)
		return ExitUsage
	}
	fmt.Fprintln(io.Err, "azinvoice:", client.RedactText(err.Error()))
	return ExitError
}

// singleDash keeps the old single-dash spelling of the long flags working
// (-demo, -read-only), as Go's flag package read them before cobra.
func singleDash(args []string) []string {
	long := map[string]bool{"demo": true, "tenant": true, "debug": true, "read-only": true, "download-dir": true,
		"version": true, "help": true, "cloud": true, "arm-endpoint": true, "audience": true, "lang": true}
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if a == "--" {
			copy(out[i:], args[i:])
			break
		}
		if len(a) > 2 && a[0] == '-' && a[1] != '-' {
			name, _, _ := strings.Cut(a[1:], "=")
			if long[name] {
				out[i] = "-" + a
			}
		}
	}
	return out
}

func newRoot(io *IO, g *Globals) *cobra.Command {
	root := &cobra.Command{
		Use:           "azinvoice",
		Short:         i18n.T("cmd.root.short"),
		Long:          i18n.T("cmd.root.long"),
		Example:       i18n.T("cmd.root.example"),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("usage.extra", map[string]any{"Arg": args[0]})
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error { return runTUI(cmd.Context(), io, g) },
	}
	pf := root.PersistentFlags()
	pf.BoolVar(&g.Demo, "demo", false, i18n.T("flag.demo"))
	pf.StringVar(&g.Tenant, "tenant", "", i18n.T("flag.tenant"))
	pf.BoolVar(&g.Debug, "debug", false, i18n.T("flag.debug"))
	pf.BoolVar(&g.ReadOnly, "read-only", false, i18n.T("flag.readonly"))
	pf.StringVar(&g.Cloud, "cloud", client.DefaultCloud, i18n.T("flag.cloud"))
	pf.StringVar(&g.ARMEndpoint, "arm-endpoint", "", i18n.T("flag.armendpoint"))
	pf.StringVar(&g.Audience, "audience", "", i18n.T("flag.audience"))
	pf.String("lang", "", i18n.T("flag.lang")) // read by i18n.Choose before parsing
	f := root.Flags()
	f.StringVar(&g.DownloadDir, "download-dir", "", i18n.T("flag.downloaddir"))
	f.BoolVar(&g.ShowVersion, "version", false, i18n.T("flag.version"))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err.Error()} })
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error { return g.check(io) }
	root.AddCommand(accountsCmd(io, g), profilesCmd(io, g), subscriptionsCmd(io, g), invoicesCmd(io, g),
		downloadCmd(io, g), whyCmd(io, g), emailCmd(io, g), linksCmd(io, g))
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "completion":
			c.Short = i18n.T("cmd.completion.short")
			c.Example = i18n.T("cmd.completion.example")
		case "help":
			c.Short = i18n.T("cmd.help.short")
		}
	}
	root.SetHelpTemplate(root.HelpTemplate() + "\n" + i18n.T("usage.tail") + "\n")
	localizeHelp(root)
	return root
}

// outputFlag adds --output to a command that prints records.
func outputFlag(cmd *cobra.Command, g *Globals) {
	cmd.Flags().StringVarP(&g.Output, "output", "o", "", i18n.T("flag.output"))
}

// noArgs is cobra.NoArgs with exit code 2 and our words.
func noArgs(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("usage.extra", map[string]any{"Arg": args[0]})
	}
	return nil
}
