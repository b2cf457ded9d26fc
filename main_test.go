package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFlags(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{[]string{"--version"}, 0, "azinvoice", ""},
		{[]string{"--help"}, 0, "", "--demo"},
		{[]string{"-h"}, 0, "", "az login"},
		{[]string{"--nope"}, 2, "", "flag provided but not defined"},
		{[]string{"extra"}, 2, "", "takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(tt.args, &out, &errb); code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errb.String())
			}
			if !strings.Contains(out.String(), tt.inStdout) || !strings.Contains(errb.String(), tt.inStderr) {
				t.Errorf("stdout %q / stderr %q; want %q / %q", out.String(), errb.String(), tt.inStdout, tt.inStderr)
			}
		})
	}
}

func TestNoTerminal(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"--demo"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "terminal") {
		t.Errorf("without a TTY: exit %d, stderr %q", code, errb.String())
	}
}

// TestEndToEnd builds the binary and drives `azinvoice --demo` in a real
// terminal (tmux): MOSP → Fabrikam Production → invoices, back, MCA →
// Contoso Ltd → Finance → invoices, quit. It skips without tmux, except
// under CI, where a missing tmux is a failure.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is required under CI (.ci/run installs it)")
		}
		t.Skip("tmux not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "azinvoice")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sock := filepath.Join(dir, "tmux.sock")
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "e2e", "env", "HOME="+dir, "TERM=xterm-256color", bin, "--demo", "--download-dir", dir)
	t.Cleanup(func() { exec.Command("tmux", "-S", sock, "kill-server").Run() })

	screen := func() string { return tmux("capture-pane", "-p", "-t", "e2e") }
	waitFor := func(text string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if strings.Contains(screen(), text) {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("timed out waiting for %q; screen:\n%s", text, screen())
	}
	keys := func(k ...string) { tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...) }
	open := func(row string) {
		t.Helper()
		keys("/")
		keys("-l", row)
		keys("Enter", "Enter")
	}

	waitFor("Fabrikam Studio")
	open("Fabrikam Studio")
	waitFor("Fabrikam Production")
	open("Fabrikam Production")
	waitFor("Fabrikam Production › Invoices")
	waitFor("Paid")
	keys("Escape")
	waitFor("Fabrikam Studio › Subscriptions")
	keys("Escape")
	waitFor("Billing scopes")
	keys("Escape") // home: nothing to go back to; the filter is kept
	keys("/", "C-u")
	keys("Escape")
	open("Contoso Ltd")
	waitFor("Billing profiles")
	open("Finance")
	waitFor("Contoso Ltd › Billing profiles › Finance › Invoices")
	waitFor("€")
	keys("q")
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if err := exec.Command("tmux", "-S", sock, "has-session", "-t", "e2e").Run(); err != nil {
			return // the program quit and the session closed
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("azinvoice did not quit on q; screen:\n%s", screen())
}
