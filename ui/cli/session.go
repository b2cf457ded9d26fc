package cli

import (
	"context"
	"io"
	"log/slog"
	"os"
	"slices"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	azlog "github.com/Azure/azure-sdk-for-go/sdk/azcore/log"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// TokenEnv names the variable holding a pre-issued ARM access token.
const TokenEnv = "AZINVOICE_ACCESS_TOKEN"

// FaultsEnv names the variable that turns on the --demo emulator's faults
// (emulator.FaultsHelp; README, "Bad weather").
const FaultsEnv = "AZINVOICE_DEMO_FAULTS"

// Globals are the flags every command (and the TUI) takes.
type Globals struct {
	Demo, Debug, ReadOnly, ShowVersion bool
	Tenant, DownloadDir                string
	Cloud, ARMEndpoint, Audience       string
	Output                             string

	cloudCfg cloud.Configuration
	demo     emulator.Options // --demo's emulator, AZINVOICE_DEMO_FAULTS applied
}

// check reads what the flags and the environment ask for before the TUI or
// any command starts: a mistake in either ends the run with exit code 2.
func (g *Globals) check(o *IO) error {
	cfg, err := client.CloudConfig(g.Cloud, g.ARMEndpoint, g.Audience)
	if err != nil {
		return usageError{err.Error()}
	}
	if g.Audience != "" && g.ARMEndpoint == "" {
		return usagef("cli.usage.audience")
	}
	g.cloudCfg = cfg
	if g.Demo && !g.ShowVersion {
		if g.demo, err = demoOptions(o); err != nil {
			return err
		}
	}
	return nil
}

// demoOptions are the --demo emulator's options (IO.Demo's in tests),
// with the faults AZINVOICE_DEMO_FAULTS names added. A spec that is not
// understood is said, with the help, before anything starts.
func demoOptions(o *IO) (emulator.Options, error) {
	eo := emulator.Options{}
	if o.Demo != nil {
		eo = *o.Demo
		eo.Faults = slices.Clone(eo.Faults) // ApplyFaults appends; IO.Demo's stays as it was
	}
	if err := eo.ApplyFaults(o.getenv(FaultsEnv)); err != nil {
		o.Err.Write([]byte(i18n.T("faults.bad", map[string]any{"Err": err, "Help": emulator.FaultsHelp}) + "\n"))
		return eo, exitError{ExitUsage}
	}
	return eo, nil
}

// Session is a signed-in client, ready for commands or the TUI.
type Session struct {
	Billing  client.Billing
	TenantID string
	Identity string // who is signed in, for the status bar
	Cloud    string // AzureCloud, AzureChinaCloud, AzureUSGovernment: what model.Facts expects
	Logger   *slog.Logger
	LogPath  string
	close    []func()
}

// Close stops the demo emulator and closes the debug log.
func (s *Session) Close() {
	for i := len(s.close) - 1; i >= 0; i-- {
		s.close[i]()
	}
}

// openSession sets up logging and the client: against the in-process
// emulator for --demo, with AZINVOICE_ACCESS_TOKEN when it is set, with
// DefaultAzureCredential otherwise. Every ARM call goes through one shared
// rate limiter.
func openSession(ctx context.Context, o *IO, g *Globals) (*Session, error) {
	s := &Session{Cloud: client.CloudName(g.Cloud)}
	logger, path, closeLog, err := openLog(g.Debug)
	if err != nil {
		return nil, exitErrorf(o, i18n.T("debug.fail", map[string]any{"Err": err}))
	}
	s.Logger, s.LogPath = logger, path
	s.close = append(s.close, func() {
		closeLog()
		if path != "" {
			o.Err.Write([]byte(i18n.T("debug.path", map[string]any{"Path": path}) + "\n"))
		}
	})
	opts := client.Options{Logger: logger, Limiter: client.NewARMLimiter(), Now: o.Now, PollEvery: o.PollEvery}
	fail := func(err error) (*Session, error) {
		s.Close()
		return nil, err
	}
	if g.Demo {
		srv, err := emulator.Start(g.demo)
		if err != nil {
			return fail(err)
		}
		s.close = append(s.close, func() {
			// Connections the client dialled but never used count as busy to
			// the server's Shutdown for 5 s: close them from this side first.
			srv.HTTPClient().CloseIdleConnections()
			srv.Close()
		})
		if o.OnDemo != nil {
			o.OnDemo(srv)
		}
		opts.Credential, opts.Endpoint, opts.Transport, opts.BlobClient = srv.Credential(), srv.URL(), srv.HTTPClient(), srv.HTTPClient()
		if opts.PollEvery == 0 {
			opts.PollEvery = 200 * time.Millisecond
		}
	} else {
		opts.Cloud = g.cloudCfg
		cred, err := credential(o, g)
		if err != nil {
			return fail(err)
		}
		opts.Credential = cred
	}
	live, err := client.NewLive(opts)
	if err != nil {
		return fail(err)
	}
	s.Billing = live
	scope := client.TokenScope(g.cloudCfg)
	if !g.Demo {
		cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := client.CheckCredential(cctx, opts.Credential, scope); err != nil {
			s.Close()
			return nil, exitErrorf(o, i18n.T("signin.fail", map[string]any{"Err": client.RedactText(err.Error())}))
		}
	}
	s.TenantID = client.CallerTenant(ctx, opts.Credential, scope)
	s.Identity = client.CallerName(ctx, opts.Credential, scope)
	return s, nil
}

func credential(o *IO, g *Globals) (azcore.TokenCredential, error) {
	if tok := o.getenv(TokenEnv); tok != "" {
		endpoint := g.cloudCfg.Services[cloud.ResourceManager].Endpoint
		if err := client.CheckPlainHTTP(endpoint); err != nil {
			return nil, usagef("cli.token.http")
		}
		return client.NewStaticToken(tok)
	}
	return client.NewCloudCredential(g.Tenant, g.cloudCfg)
}

// exitErrorf prints msg and ends the run with exit code 1.
func exitErrorf(o *IO, msg string) error {
	o.Err.Write([]byte(msg + "\n"))
	return exitError{ExitError}
}

// openLog sends logs to a private file for --debug, and nowhere otherwise:
// never to the terminal. azcore's own logging goes through the same
// redaction as ours (and azcore never logs the Authorization header).
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
