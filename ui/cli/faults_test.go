package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/azinvoice/azinvoice/client/emulator"
)

// A fault spec that is not understood is said before the TUI or any
// command starts: exit code 2, nothing run.
func TestDemoFaultsBadSpec(t *testing.T) {
	env := withEnv(map[string]string{FaultsEnv: "nonsense:/x"})
	for _, args := range [][]string{{"--demo"}, {"invoices", "--demo"}, {"download", "--demo", "--period", "2026-10", "--dir", t.TempDir()}} {
		tuiRan := false
		tui := func(o *IO) {
			o.TUI = func(context.Context, *Globals, func() (*Session, int)) int { tuiRan = true; return ExitOK }
		}
		started := false
		r := run(t, context.Background(), args, env, tui, withDemo(func(*emulator.Server) { started = true }))
		if r.code != ExitUsage || tuiRan || started || r.out != "" {
			t.Errorf("%v: exit %d, TUI ran %v, emulator started %v, stdout %q", args, r.code, tuiRan, started, r.out)
		}
		if !strings.Contains(r.err, "AZINVOICE_DEMO_FAULTS is not understood") || !strings.Contains(r.err, "throttle") {
			t.Errorf("%v: stderr:\n%s", args, r.err)
		}
	}
	// Without --demo the variable is not read.
	if r := run(t, context.Background(), []string{"--version"}, env); r.code != ExitOK {
		t.Errorf("--version: exit %d: %s", r.code, r.err)
	}
}

// The faults reach the commands, and a failure is given in the screens'
// words (client.Classify through ui.ErrorText), with what the client did.
func TestDemoFaultsReachCommands(t *testing.T) {
	env := withEnv(map[string]string{FaultsEnv: "429:/billingProfiles/:retry=120s"})
	r := run(t, context.Background(), []string{"invoices", "--demo", "--period", "2026-10", "--output", "json"}, env)
	if r.code != ExitPartial {
		t.Errorf("invoices: exit %d, want %d; stderr:\n%s", r.code, ExitPartial, r.err)
	}
	if !strings.Contains(r.err, "Azure is throttling requests") || !strings.Contains(r.err, "Azure asked to wait 120 s") {
		t.Errorf("invoices: stderr does not say why in words:\n%s", r.err)
	}

	dir := t.TempDir()
	env = withEnv(map[string]string{FaultsEnv: "429:/invoices/G1015081/download:retry=120s"})
	r = run(t, context.Background(), []string{"download", "--demo", "--period", "2026-10", "--dir", dir}, env)
	if r.code != ExitPartial {
		t.Errorf("download: exit %d, want %d; stderr:\n%s", r.code, ExitPartial, r.err)
	}
	if !strings.Contains(r.err, "G1015081") || !strings.Contains(r.err, "Azure asked to wait 120 s") {
		t.Errorf("download: the failure's reason is not in words:\n%s", r.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "G1015081_2026-10.pdf")); err == nil {
		t.Error("the refused invoice was saved")
	}
}
