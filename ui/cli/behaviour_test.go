package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/azinvoice/azinvoice/client/emulator"
)

// TestHelpHasExamples: every command's --help carries an example.
func TestHelpHasExamples(t *testing.T) {
	o := &IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	root := newRoot(o, &Globals{})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" {
			return
		}
		if c.Parent() == root || c == root {
			if strings.TrimSpace(c.Example) == "" {
				t.Errorf("%s --help has no example", c.CommandPath())
			}
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	r := run(t, context.Background(), []string{"invoices", "--help"})
	if r.code != ExitOK || !strings.Contains(r.out, "October 2026 billing period") || !strings.Contains(r.out, "Examples:") {
		t.Errorf("invoices --help does not explain --period:\n%s", r.out)
	}
}

// TestThrottledDownload: the emulator throttles like ARM (429 +
// Retry-After once its bucket is empty); the run still finishes, every
// file whole, because the client waits as asked.
func TestThrottledDownload(t *testing.T) {
	dir, logs := t.TempDir(), t.TempDir()
	t.Setenv("TMPDIR", logs)
	r := run(t, context.Background(), []string{"download", "--demo", "--period", "2026-10", "--usage", "--dir", dir, "--concurrency", "8", "--debug"},
		withEmu(emulator.Options{Throttle: &emulator.Throttle{Rate: 20, Burst: 8}}))
	if r.code != ExitOK {
		t.Fatalf("exit %d:\n%s", r.code, r.err)
	}
	if v, _ := files(t, dir); len(v) != 12 {
		t.Errorf("%d files, want 12", len(v))
	}
	found, _ := filepath.Glob(filepath.Join(logs, "azinvoice-*.log"))
	if len(found) != 1 {
		t.Fatalf("debug logs: %v", found)
	}
	if b, _ := os.ReadFile(found[0]); !bytes.Contains(b, []byte("429")) {
		t.Error("the emulator never throttled: the test proves nothing")
	}
}

// TestProgressOnTerminal: on a terminal stderr shows bars and a total,
// redrawn in place; elsewhere plain lines without escape sequences.
func TestProgressOnTerminal(t *testing.T) {
	dir := t.TempDir()
	r := run(t, context.Background(), []string{"download", "--demo", "--period", "2026-10", "--dir", dir},
		func(o *IO) { o.ErrTTY = true; o.Getenv = func(string) string { return "" } },
		withEmu(emulator.Options{Latency: 60 * time.Millisecond}))
	if r.code != ExitOK || !strings.Contains(r.err, "█") && !strings.Contains(r.err, "░") || !strings.Contains(r.err, "of 6 files") {
		t.Errorf("terminal progress:\n%q", r.err)
	}
	r = run(t, context.Background(), []string{"download", "--demo", "--period", "2026-10", "--dir", t.TempDir()})
	if strings.Contains(r.err, "\x1b") || strings.Count(r.err, "downloaded  ") != 6 {
		t.Errorf("plain progress:\n%q", r.err)
	}
}

// TestNoColor: the table header is bold only on a terminal without NO_COLOR.
func TestNoColor(t *testing.T) {
	tty := func(env map[string]string) runOpt {
		return func(o *IO) { o.OutTTY = true; o.Getenv = func(k string) string { return env[k] } }
	}
	if r := run(t, context.Background(), []string{"accounts", "--demo"}, tty(nil)); !strings.Contains(r.out, "\x1b[1m") {
		t.Errorf("no bold header on a terminal:\n%q", r.out)
	}
	if r := run(t, context.Background(), []string{"accounts", "--demo"}, tty(map[string]string{"NO_COLOR": "1"})); strings.Contains(r.out, "\x1b") {
		t.Errorf("NO_COLOR: escape sequences in\n%q", r.out)
	}
	if r := run(t, context.Background(), []string{"accounts", "--demo"}); strings.Contains(r.out, "\x1b") {
		t.Errorf("not a terminal: escape sequences in\n%q", r.out)
	}
}

// TestHostileText: what Azure sends is escaped in JSON, cleaned in tables,
// and defused in CSV.
func TestHostileText(t *testing.T) {
	var b bytes.Buffer
	if err := writeJSON(&b, map[string]string{"name": "evil\u202e\x1b]8;;x\x07\u0085\x7f"}); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); strings.ContainsAny(s, "\u202e\x1b\x07\u0085\x7f") || !strings.Contains(s, `\u202e`) {
		t.Errorf("JSON not escaped: %q", s)
	}
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+1+2": "'+1+2", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)",
		"-12.50": "-12.50", "G1015081": "G1015081", "a\x1b[31mb": "a[31mb", "": "",
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
	b.Reset()
	writeTable(&b, sheet{heads: []string{"cli.col.name"}, rows: [][]string{{"x\x1b[2J\u202ey"}}}, false)
	if strings.ContainsAny(b.String(), "\x1b\u202e") {
		t.Errorf("table not cleaned: %q", b.String())
	}
}

// TestPeriodWindow: --period is the billing periods starting in that month.
func TestPeriodWindow(t *testing.T) {
	w, err := periodFlags{period: "2026-10"}.window(fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if got := w.from.Format("2006-01-02") + ".." + w.to.Format("2006-01-02"); got != "2026-10-01..2026-11-01" {
		t.Errorf("window %s", got)
	}
	w, _ = periodFlags{from: "2026-01", to: "2026-06"}.window(fixedNow)
	if got := w.from.Format("2006-01") + ".." + w.to.Format("2006-01"); got != "2026-01..2026-07" {
		t.Errorf("from/to window %s", got)
	}
	if _, err := (periodFlags{from: "2026-07", to: "2026-06"}).window(fixedNow); err == nil {
		t.Error("--from after --to accepted")
	}
}

// TestCloudReachesTheRules: --cloud is what the diagnosis and the email
// rules are told (the demo keeps its emulator, so the rules can be seen).
func TestCloudReachesTheRules(t *testing.T) {
	r := run(t, context.Background(), []string{"why", "--profile", "Finance", "--demo", "--cloud", "AzureUSGovernment", "--output", "csv"})
	if r.code != ExitOK || !strings.Contains(r.out, "gov_email,applies") {
		t.Errorf("why in Azure Government: exit %d\n%s", r.code, r.out)
	}
	r = run(t, context.Background(), []string{"why", "--profile", "Finance", "--demo", "--output", "csv"})
	if !strings.Contains(r.out, "gov_email,ruled_out") {
		t.Errorf("why in the public cloud:\n%s", r.out)
	}
	r = run(t, context.Background(), []string{"email", "on", "--profile", "Finance", "--demo", "--cloud", "AzureUSGovernment", "--yes"})
	if r.code != ExitError || !strings.Contains(r.err, "Azure Government") {
		t.Errorf("email on in Azure Government: exit %d, %s", r.code, r.err)
	}
}
