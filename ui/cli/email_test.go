package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/azinvoice/azinvoice/client/emulator"
)

// TestEmailNeedsYes: a change with stdin not a terminal is refused without
// --yes, and nothing is sent to Azure.
func TestEmailNeedsYes(t *testing.T) {
	var puts int
	count := withDemo(func(s *emulator.Server) {
		t.Cleanup(func() {
			for _, r := range s.Requests() {
				if r.Method == "PUT" || r.Method == "PATCH" {
					puts++
				}
			}
		})
	})
	r := run(t, context.Background(), []string{"email", "on", "--profile", "Finance", "--demo"}, count)
	if r.code != ExitUsage || !strings.Contains(r.err, "--yes") {
		t.Errorf("email on without --yes: exit %d, stderr %q", r.code, r.err)
	}
	if puts != 0 {
		t.Errorf("%d writes reached Azure", puts)
	}
}

// TestEmailChange turns email on with a recipient, with --yes, and the
// answer is what the emulator then holds.
func TestEmailChange(t *testing.T) {
	r := run(t, context.Background(), []string{"email", "on", "--profile", "Finance", "--add-recipient", "ap@contoso.com",
		"--yes", "--demo", "--output", "json"})
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	if !strings.Contains(r.out, `"invoiceEmailOptIn": true`) || !strings.Contains(r.out, "ap@contoso.com") {
		t.Errorf("after the change:\n%s", r.out)
	}
	r = run(t, context.Background(), []string{"email", "off", "--profile", "Finance", "--demo", "--read-only", "--yes"})
	if r.code != ExitUsage {
		t.Errorf("--read-only change: exit %d", r.code)
	}
}

// TestEmailConfirmOnTerminal: on a terminal the change is asked for, and
// anything but y leaves it alone.
func TestEmailConfirmOnTerminal(t *testing.T) {
	tty := func(o *IO) { o.InTTY = true }
	r := run(t, context.Background(), []string{"email", "on", "--profile", "Finance", "--demo"}, tty, withStdin("n\n"))
	if r.code != ExitError || !strings.Contains(r.err, "Make this change") || !strings.Contains(r.err, "Nothing was changed") {
		t.Errorf("answer n: exit %d\n%s", r.code, r.err)
	}
	r = run(t, context.Background(), []string{"email", "on", "--profile", "Finance", "--demo", "--output", "json"}, tty, withStdin("y\n"))
	if r.code != ExitOK || !strings.Contains(r.out, `"invoiceEmailOptIn": true`) {
		t.Errorf("answer y: exit %d\n%s\n%s", r.code, r.out, r.err)
	}
}
