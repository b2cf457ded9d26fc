package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDemoFaults: AZINVOICE_DEMO_FAULTS turns the emulator's faults on in
// --demo, and the built binary says what happened in words (tmux).
func TestDemoFaults(t *testing.T) {
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
	tmux("new-session", "-d", "-x", "120", "-y", "30", "-s", "faults", "env", "HOME="+dir, "TMPDIR="+dir, "TERM=xterm-256color",
		"AZINVOICE_DEMO_FAULTS=429:/billingAccounts:retry=120s:method=GET", bin, "--demo")
	t.Cleanup(func() { exec.Command("tmux", "-S", sock, "kill-server").Run() })
	deadline := time.Now().Add(20 * time.Second)
	var screen string
	for time.Now().Before(deadline) {
		screen = tmux("capture-pane", "-p", "-t", "faults")
		if strings.Contains(screen, "Azure asked to wait 120 s") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	flat := strings.Join(strings.Fields(screen), " ")
	for _, want := range []string{"Azure asked to wait 120 s", "Press r to wait 120 s"} {
		if !strings.Contains(flat, want) {
			t.Fatalf("%q missing; screen:\n%s", want, screen)
		}
	}
	tmux("send-keys", "-t", "faults", "q")
}

// A fault spec that is not understood is said before anything starts.
func TestDemoFaultsBadSpec(t *testing.T) {
	t.Setenv("AZINVOICE_DEMO_FAULTS", "nonsense:/x")
	var out, errb strings.Builder
	if code := run([]string{"--demo"}, &out, &errb); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(errb.String(), "AZINVOICE_DEMO_FAULTS is not understood") || !strings.Contains(errb.String(), "throttle") {
		t.Errorf("stderr:\n%s", errb.String())
	}
}
