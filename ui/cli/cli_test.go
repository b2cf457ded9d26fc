package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/client/emulator"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixedNow makes the demo's relative dates, and so every golden file, stable.
var fixedNow = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)

type result struct {
	out, err string
	code     int
}

type runOpt func(*IO)

func withStdin(s string) runOpt { return func(o *IO) { o.In = strings.NewReader(s) } }
func withEnv(env map[string]string) runOpt {
	return func(o *IO) { o.Getenv = func(k string) string { return env[k] } }
}
func withDemo(fn func(*emulator.Server)) runOpt { return func(o *IO) { o.OnDemo = fn } }
func withEmu(e emulator.Options) runOpt         { return func(o *IO) { e.Now = o.Demo.Now; o.Demo = &e } }
func withPoll(d time.Duration) runOpt           { return func(o *IO) { o.PollEvery = d } }

// run runs azinvoice with args, in-process, against the demo emulator's data.
func run(t testing.TB, ctx context.Context, args []string, opts ...runOpt) result {
	t.Helper()
	var out, errb bytes.Buffer
	now := func() time.Time { return fixedNow }
	o := IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" },
		Version: "test", Demo: &emulator.Options{Now: now}, Now: now, PollEvery: 5 * time.Millisecond}
	for _, f := range opts {
		f(&o)
	}
	code := RunContext(ctx, args, o)
	return result{out.String(), errb.String(), code}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui/cli -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// TestGolden runs each command against the emulator and compares its JSON
// and CSV output with golden files.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"accounts", []string{"accounts"}},
		{"profiles", []string{"profiles"}},
		{"subscriptions", []string{"subscriptions"}},
		{"subscriptions_profile", []string{"subscriptions", "--profile", "Finance"}},
		{"invoices_period", []string{"invoices", "--period", "2026-10"}},
		{"invoices_profile", []string{"invoices", "--profile", "Finance", "--from", "2026-06", "--to", "2026-08"}},
		{"invoices_subscription", []string{"invoices", "--subscription", "Fabrikam Production", "--period", "2026-09"}},
		{"invoices_status", []string{"invoices", "--account", "8608480", "--status", "paid", "--period", "2026-10"}},
		{"why_trial", []string{"why", "--subscription", "Fabrikam Free Trial"}},
		{"why_marketing", []string{"why", "--profile", "Marketing"}},
		{"email", []string{"email"}},
		{"links", []string{"links"}},
	}
	for _, c := range cases {
		for _, f := range []string{"json", "csv"} {
			t.Run(c.name+"_"+f, func(t *testing.T) {
				r := run(t, context.Background(), append(c.args, "--demo", "--output", f))
				if r.code != ExitOK {
					t.Fatalf("exit %d, stderr %s", r.code, r.err)
				}
				golden(t, c.name+"."+f, r.out)
			})
		}
	}
	t.Run("download_json", func(t *testing.T) {
		dir := t.TempDir()
		r := run(t, context.Background(), []string{"download", "--demo", "--period", "2026-10", "--usage", "--dir", dir, "--output", "json"})
		if r.code != ExitOK {
			t.Fatalf("exit %d, stderr %s", r.code, r.err)
		}
		golden(t, "download.json", sortedJSONLines(r.out))
	})
	t.Run("download_csv", func(t *testing.T) {
		r := run(t, context.Background(), []string{"download", "--demo", "--period", "2026-10", "--dir", t.TempDir(), "--output", "csv"})
		if r.code != ExitOK {
			t.Fatalf("exit %d, stderr %s", r.code, r.err)
		}
		lines := strings.Split(strings.TrimSpace(r.out), "\n")
		sortStrings(lines[1:])
		golden(t, "download.csv", strings.Join(lines, "\n")+"\n")
	})
}

// sortedJSONLines orders a download's results (which finish in any order)
// so the golden file is stable: the records are compared as a set.
func sortedJSONLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	var recs []string
	var cur []string
	for _, l := range lines[1 : len(lines)-1] {
		cur = append(cur, strings.TrimSuffix(strings.TrimSpace(l), ","))
		if strings.TrimSpace(l) == "}," || strings.TrimSpace(l) == "}" {
			recs = append(recs, strings.Join(cur, " "))
			cur = nil
		}
	}
	sortStrings(recs)
	return strings.Join(recs, "\n") + "\n"
}
