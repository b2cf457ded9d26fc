// Command azinvoice walks Azure customers through their billing: billing
// accounts, profiles, subscriptions and invoices, in a terminal.
//
// main only parses flags, picks the credential (or the in-process emulator
// for --demo), checks for a terminal and hands over to ui.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	azlog "github.com/Azure/azure-sdk-for-go/sdk/azcore/log"
	"github.com/charmbracelet/x/term"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/ui"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type options struct {
	demo, debug, showVersion, readOnly bool
	tenant, downloadDir                string
}

func parseFlags(args []string, stdout, stderr io.Writer) (options, int, bool) {
	var o options
	fs := flag.NewFlagSet("azinvoice", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&o.demo, "demo", false, i18n.T("flag.demo"))
	fs.StringVar(&o.tenant, "tenant", "", i18n.T("flag.tenant"))
	fs.BoolVar(&o.debug, "debug", false, i18n.T("flag.debug"))
	fs.BoolVar(&o.readOnly, "read-only", false, i18n.T("flag.readonly"))
	fs.StringVar(&o.downloadDir, "download-dir", "", i18n.T("flag.downloaddir"))
	fs.BoolVar(&o.showVersion, "version", false, i18n.T("flag.version"))
	fs.String("lang", "", i18n.T("flag.lang")) // read by i18n.Choose before parsing
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintln(w, i18n.T("usage.head"))
		fmt.Fprintln(w)
		fs.PrintDefaults()
		fmt.Fprintln(w)
		fmt.Fprintln(w, i18n.T("usage.tail"))
	}
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fs.SetOutput(stdout) // asked-for help is output, not an error
			fs.Usage()
			return o, 0, true
		}
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, 0, true
		}
		return o, 2, true
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, i18n.T("usage.extra", map[string]any{"Arg": fs.Arg(0)}))
		return o, 2, true
	}
	return o, 0, false
}

func run(args []string, stdout, stderr io.Writer) int {
	i18n.SetLanguage(i18n.Choose(args, os.Getenv)) // before any text, --help included
	o, code, done := parseFlags(args, stdout, stderr)
	if done {
		return code
	}
	if o.showVersion {
		fmt.Fprintln(stdout, "azinvoice", version)
		return 0
	}
	if o.demo {
		var eo emulator.Options
		if err := eo.ApplyFaults(os.Getenv("AZINVOICE_DEMO_FAULTS")); err != nil {
			fmt.Fprintln(stderr, i18n.T("faults.bad", map[string]any{"Err": err, "Help": emulator.FaultsHelp}))
			return 2
		}
	}
	logger, logPath, closeLog, err := openLog(o.debug)
	if err != nil {
		fmt.Fprintln(stderr, i18n.T("debug.fail", map[string]any{"Err": err}))
		return 1
	}
	defer func() {
		closeLog()
		if logPath != "" {
			fmt.Fprintln(stderr, i18n.T("debug.path", map[string]any{"Path": logPath}))
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// A folder that cannot take a download is said now, in its own words,
	// not blamed on Azure at the first download.
	dlDir := downloadDir(o.downloadDir)
	if err := ui.CheckDownloadDir(dlDir); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}

	if !term.IsTerminal(os.Stdout.Fd()) || !term.IsTerminal(os.Stdin.Fd()) {
		fmt.Fprintln(stderr, i18n.T("tty.none"))
		return 2
	}

	billing, tenant, who, shutdown, err := connect(ctx, o, logger)
	if err != nil {
		fmt.Fprintln(stderr, i18n.T("signin.fail", map[string]any{"Err": client.RedactText(err.Error())}))
		return 1
	}
	defer shutdown()

	app := ui.New(ctx, ui.Config{
		Billing: billing, ReadOnly: o.readOnly, DownloadDir: dlDir, Identity: who,
		TenantID: tenant, Cloud: "AzureCloud", Logger: logger, Demo: o.demo, // only the public cloud's endpoint is used
	})
	_, err = tea.NewProgram(app, tea.WithContext(ctx)).Run()
	app.Close(5 * time.Second) // cancelled downloads remove their temporary files
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		fmt.Fprintln(stderr, i18n.T("run.fail", map[string]any{"Err": err}))
		return 1
	}
	return 0
}

// connect builds the live client: against the in-process emulator for
// --demo, against Azure with DefaultAzureCredential otherwise.
func connect(ctx context.Context, o options, logger *slog.Logger) (client.Billing, string, string, func(), error) {
	if o.demo {
		// AZINVOICE_DEMO_FAULTS turns on the emulator's faults (README, "Troubleshooting").
		eo := emulator.Options{}
		if err := eo.ApplyFaults(os.Getenv("AZINVOICE_DEMO_FAULTS")); err != nil {
			return nil, "", "", nil, err // checked in run before; kept for other callers
		}
		srv, err := emulator.Start(eo)
		if err != nil {
			return nil, "", "", nil, err
		}
		live, err := client.NewLive(client.Options{
			Credential: srv.Credential(), Endpoint: srv.URL(), Transport: srv.HTTPClient(),
			BlobClient: srv.HTTPClient(), Logger: logger, PollEvery: 200 * time.Millisecond,
		})
		if err != nil {
			srv.Close()
			return nil, "", "", nil, err
		}
		return live, client.CallerTenant(ctx, srv.Credential()), client.CallerName(ctx, srv.Credential()), func() { srv.Close() }, nil
	}
	cred, err := client.NewCredential(o.tenant)
	if err != nil {
		return nil, "", "", nil, err
	}
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := client.CheckCredential(cctx, cred); err != nil {
		return nil, "", "", nil, err
	}
	live, err := client.NewLive(client.Options{Credential: cred, Logger: logger})
	if err != nil {
		return nil, "", "", nil, err
	}
	return live, client.CallerTenant(cctx, cred), client.CallerName(cctx, cred), func() {}, nil
}

// openLog sends logs to a private file for --debug, and nowhere otherwise:
// never to the terminal the UI draws on. azcore's own logging goes through
// the same redaction as ours.
func openLog(debug bool) (*slog.Logger, string, func(), error) {
	if !debug {
		return slog.New(slog.NewTextHandler(io.Discard, nil)), "", func() {}, nil
	}
	f, err := os.CreateTemp("", "azinvoice-*.log")
	if err != nil {
		return nil, "", nil, err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, "", nil, err
	}
	logger := slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}))
	azlog.SetListener(client.LogListener(logger))
	azlog.SetEvents(azlog.EventRequest, azlog.EventResponse, azlog.EventRetryPolicy, azlog.EventLRO)
	return logger, f.Name(), func() { azlog.SetListener(nil); f.Close() }, nil
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
