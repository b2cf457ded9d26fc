package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/client/emulator"
)

// files lists dir: visible names, and hidden ones (temporary files).
func files(t testing.TB, dir string) (visible, hidden []string) {
	es, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) && t != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if strings.HasPrefix(e.Name(), ".") {
			hidden = append(hidden, e.Name())
		} else {
			visible = append(visible, e.Name())
		}
	}
	return visible, hidden
}

// checkWhole: every PDF starts %PDF and every usage file has a header row.
func checkWhole(t *testing.T, dir string, names []string) {
	t.Helper()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasSuffix(n, ".pdf") && !bytes.HasPrefix(b, []byte("%PDF")):
			t.Errorf("%s is not a whole PDF", n)
		case strings.HasSuffix(n, ".csv") && (len(b) == 0 || !bytes.Contains(b[:min(len(b), 2000)], []byte("\n"))):
			t.Errorf("%s is not a whole CSV", n)
		}
	}
}

// TestBulkDownloadResumes downloads twelve months of invoices and usage
// across the MOSP subscriptions, the MCA profiles and the EA enrollment,
// stops half-way (the context is cancelled), and runs again: the second run
// fetches only what is missing, and nothing is duplicated or half-written.
func TestBulkDownloadResumes(t *testing.T) {
	args := func(dir string) []string {
		return []string{"download", "--demo", "--from", "2025-11", "--to", "2026-10", "--usage", "--dir", dir, "--concurrency", "4"}
	}
	slow := withEmu(emulator.Options{Latency: 5 * time.Millisecond})

	// The reference: one uninterrupted run.
	ref := t.TempDir()
	r := run(t, context.Background(), args(ref), slow)
	if r.code != ExitOK {
		t.Fatalf("reference run: exit %d\n%s", r.code, r.err)
	}
	want, _ := files(t, ref)
	agreements := map[string]bool{}
	for _, n := range want {
		switch {
		case strings.HasPrefix(n, "E04"):
			agreements["MOSP"] = true
		case strings.HasPrefix(n, "G"):
			agreements["MCA"] = true
		case strings.HasPrefix(n, "75"):
			agreements["EA"] = true
		}
	}
	if len(want) < 60 || len(agreements) != 3 {
		t.Fatalf("reference run fetched %d files over %v; want 12 months of MOSP, MCA and EA", len(want), agreements)
	}

	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for ctx.Err() == nil {
			if v, _ := files(t, dir); len(v) >= len(want)/2 {
				cancel()
				return
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	r = run(t, ctx, args(dir), slow)
	cancel()
	first, hidden := files(t, dir)
	if r.code != ExitError || !strings.Contains(r.err, "Interrupted") {
		t.Errorf("interrupted run: exit %d, want 1 with a word on the interruption\n%s", r.code, r.err)
	}
	if len(hidden) != 0 {
		t.Errorf("interrupted run left temporary files: %v", hidden)
	}
	if len(first) == 0 || len(first) >= len(want) {
		t.Fatalf("interrupted run saved %d of %d files; the test wants it stopped half-way", len(first), len(want))
	}
	checkWhole(t, dir, first)

	r = run(t, context.Background(), args(dir), slow)
	if r.code != ExitOK {
		t.Fatalf("second run: exit %d\n%s", r.code, r.err)
	}
	got, hidden := files(t, dir)
	if !slices.Equal(got, want) || len(hidden) != 0 {
		t.Errorf("after the second run the folder holds %d files (+%v hidden), want exactly the %d of an uninterrupted run", len(got), hidden, len(want))
	}
	checkWhole(t, dir, got)
	if !strings.Contains(r.err, "skipped "+itoa(len(first))) && !strings.Contains(r.err, "Downloaded "+itoa(len(want)-len(first))) {
		t.Errorf("second run should skip the %d complete files and fetch the rest:\n%s", len(first), lastLine(r.err))
	}

	// A third run downloads nothing.
	r = run(t, context.Background(), args(dir), slow)
	if r.code != ExitOK || !strings.Contains(r.err, "Downloaded 0, skipped "+itoa(len(want))+", failed 0.") {
		t.Errorf("third run: exit %d, %s", r.code, lastLine(r.err))
	}
}

func lastLine(s string) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	return l[len(l)-1]
}

// TestExitCodes: 0 done, 1 error, 2 usage, 3 partial.
func TestExitCodes(t *testing.T) {
	bg := context.Background()
	breakOne := withDemo(func(s *emulator.Server) {
		s.SetFault(emulator.Fault{Method: "POST", PathContains: "/invoices/G1015081/download", Status: 400, Code: "BadRequest"})
	})
	breakList := withDemo(func(s *emulator.Server) {
		s.SetFault(emulator.Fault{PathContains: "/billingAccounts/8608480/invoices", Status: 400, Code: "BadRequest"})
	})
	breakAll := withDemo(func(s *emulator.Server) {
		s.SetFault(emulator.Fault{Method: "POST", PathContains: "/download", Status: 400, Code: "BadRequest"})
	})
	cases := []struct {
		name string
		args []string
		opts []runOpt
		code int
		says string
	}{
		{"ok", []string{"accounts", "--demo"}, nil, ExitOK, ""},
		{"version", []string{"--version"}, nil, ExitOK, ""},
		{"unknown flag", []string{"accounts", "--nope"}, nil, ExitUsage, "unknown flag"},
		{"unknown command", []string{"nope"}, nil, ExitUsage, "takes no arguments"},
		{"bad period", []string{"invoices", "--demo", "--period", "October"}, nil, ExitUsage, "YYYY-MM"},
		{"period and from", []string{"invoices", "--demo", "--period", "2026-10", "--from", "2026-01"}, nil, ExitUsage, "not both"},
		{"bad output", []string{"accounts", "--demo", "--output", "xml"}, nil, ExitUsage, "--output"},
		{"bad cloud", []string{"accounts", "--cloud", "Mars"}, nil, ExitUsage, "unknown cloud"},
		{"bad documents", []string{"download", "--demo", "--documents", "some"}, nil, ExitUsage, "--documents"},
		{"skip and overwrite", []string{"download", "--demo", "--skip-existing", "--overwrite"}, nil, ExitUsage, "not both"},
		{"no such invoice", []string{"download", "NOPE", "--demo", "--dir", "DIR"}, nil, ExitError, "No invoice named NOPE"},
		{"no such profile", []string{"invoices", "--demo", "--profile", "Nope"}, nil, ExitUsage, "No billing profile"},
		{"one download fails", []string{"download", "--demo", "--period", "2026-10", "--dir", "DIR", "--concurrency", "2"}, []runOpt{breakOne}, ExitPartial, "failed 1"},
		{"one scope fails", []string{"download", "--demo", "--period", "2026-10", "--dir", "DIR"}, []runOpt{breakList}, ExitPartial, "could not be listed"},
		{"every download fails", []string{"download", "--demo", "--period", "2026-10", "--dir", "DIR"}, []runOpt{breakAll}, ExitError, "failed 6"},
		{"listing partly fails", []string{"invoices", "--demo", "--period", "2026-10"}, []runOpt{breakList}, ExitPartial, "Could not read Contoso Enterprise Enrollment"},
		{"forbidden scope is a note", []string{"invoices", "--demo", "--profile", "Marketing"}, nil, ExitOK, "no billing role"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args := slices.Clone(c.args)
			for i, a := range args {
				if a == "DIR" {
					args[i] = dir
				}
			}
			r := run(t, bg, args, c.opts...)
			if r.code != c.code || !strings.Contains(r.err, c.says) {
				t.Errorf("exit %d, want %d; stderr should say %q:\n%s", r.code, c.code, c.says, r.err)
			}
		})
	}
}

// TestDownloadOneByName fetches every document of one invoice, each its
// own file by the operation that serves it (the EA enrollment's nameless
// summary and transactions too), then --overwrite replaces them in place.
func TestDownloadOneByName(t *testing.T) {
	for name, want := range map[string]int{"G1015081": 2, "7511243": 3} {
		dir := t.TempDir()
		r := run(t, context.Background(), []string{"download", name, "--demo", "--documents", "all", "--dir", dir})
		v, h := files(t, dir)
		if r.code != ExitOK || len(v) != want || len(h) != 0 {
			t.Fatalf("%s: exit %d, files %v %v\n%s", name, r.code, v, h, r.err)
		}
		checkWhole(t, dir, v)
		r = run(t, context.Background(), []string{"download", strings.ToLower(name), "--demo", "--documents", "all", "--dir", dir, "--overwrite"})
		v2, h := files(t, dir)
		if r.code != ExitOK || !slices.Equal(v, v2) || len(h) != 0 || !strings.Contains(r.err, "Downloaded "+itoa(want)+",") {
			t.Errorf("%s --overwrite: exit %d, files %v %v\n%s", name, r.code, v2, h, r.err)
		}
	}
}
