package client

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/model"
)

// Bad weather on the download and email surfaces (see weather_test.go).

// saveJob downloads the MCA owner's first invoice of kind into a fresh dir.
func saveJob(t *testing.T, l *Live, kind JobKind) (string, string, error) {
	t.Helper()
	d := loadDemo(t, l)
	sc := d.scope(model.AgreementMCA)
	invs, err := l.Invoices(context.Background(), sc, model.Period{})
	if err != nil || len(invs) == 0 {
		t.Fatalf("invoices: %d, %v", len(invs), err)
	}
	dir := t.TempDir()
	path, err := Save(context.Background(), l, dir, Job{Kind: kind, Scope: sc, Invoice: invs[0]}, ExistingFail, nil)
	return dir, path, err
}

func assertNothingSaved(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		t.Errorf("left in the folder: %s", e.Name())
	}
}

func TestWeatherDownload(t *testing.T) {
	tests := []struct {
		name  string
		kind  JobKind
		fault emulator.Fault
		ok    bool
		cause Cause
		check func(t *testing.T, emu *emulator.Server, err error)
	}{
		{name: "operation POST 429 twice", kind: JobInvoicePDF, fault: emulator.Fault{Method: "POST", PathContains: "/download", Status: 429, Times: 2}, ok: true},
		{name: "operation POST 500 once", kind: JobInvoicePDF, fault: emulator.Fault{Method: "POST", PathContains: "/download", Status: 500, Times: 1}, ok: true},
		{name: "status poll throttled for good", kind: JobInvoicePDF, fault: emulator.Fault{Method: "GET", PathContains: "/operationResults/", Status: 429},
			cause: CauseThrottled, check: func(t *testing.T, _ *emulator.Server, err error) {
				if !strings.Contains(err.Error(), "kept failing") {
					t.Errorf("error does not say the status kept failing: %v", err)
				}
			}},
		{name: "status poll asks 300 s", kind: JobInvoicePDF, fault: emulator.Fault{Method: "GET", PathContains: "/operationResults/", Status: 503, RetryAfter: 300 * time.Second},
			cause: CauseService, check: func(t *testing.T, _ *emulator.Server, err error) {
				if _, _, asked := Retries(err); asked != 300*time.Second {
					t.Errorf("asked %v, want 300 s", asked)
				}
			}},
		{name: "operation fails after accept", kind: JobInvoicePDF, fault: emulator.Fault{Method: "POST", PathContains: "/download", Kind: emulator.FaultAfterAccept, Status: 500}, cause: CauseService},
		{name: "blob 503 twice", kind: JobInvoicePDF, fault: emulator.Fault{Host: "blob", PathContains: "/invoices/", Status: 503, Times: 2}, ok: true},
		{name: "blob 429 with Retry-After 1", kind: JobDocuments, fault: emulator.Fault{Host: "blob", PathContains: "/documents/", Status: 429, RetryAfter: time.Second, Times: 1}, ok: true},
		{name: "blob reset mid-body once", kind: JobInvoicePDF, fault: emulator.Fault{Host: "blob", PathContains: "/invoices/", Kind: emulator.FaultReset, Times: 1}, ok: true},
		{name: "blob cut off for good", kind: JobInvoicePDF, fault: emulator.Fault{Host: "blob", PathContains: "/invoices/", Kind: emulator.FaultTruncate}, cause: CauseNetwork,
			check: func(t *testing.T, _ *emulator.Server, err error) {
				if !errors.Is(err, ErrTruncated) {
					t.Errorf("not ErrTruncated: %v", err)
				}
				if r, _, _ := Retries(err); r < 3 {
					t.Errorf("retried %d times, want the policy's 3", r)
				}
			}},
		{name: "blob 403 once: link renewed", kind: JobInvoicePDF, fault: emulator.Fault{Host: "blob", PathContains: "/invoices/", Status: 403, Code: "AuthenticationFailed", Times: 1}, ok: true,
			check: func(t *testing.T, emu *emulator.Server, _ error) {
				if n := countReqs(emu, "POST", "/download"); n != 2 {
					t.Errorf("%d download operations, want 2 (the link renewed by a new one)", n)
				}
			}},
		{name: "blob 403 for good", kind: JobInvoicePDF, fault: emulator.Fault{Host: "blob", PathContains: "/invoices/", Status: 403, Code: "AuthenticationFailed"}, cause: CauseLink,
			check: func(t *testing.T, emu *emulator.Server, _ error) {
				if n := countReqs(emu, "GET", "/invoices/"); n > 2 {
					t.Errorf("the blob was asked %d times: an expired link must not be retried", n)
				}
			}},
		{name: "blob answers JSON for a PDF", kind: JobInvoicePDF, fault: emulator.Fault{Host: "blob", PathContains: "/invoices/", Kind: emulator.FaultMalformedJSON}, cause: CauseBadData,
			check: func(t *testing.T, _ *emulator.Server, err error) {
				if !strings.Contains(err.Error(), `starts "{`) {
					t.Errorf("message does not say what came back: %v", err)
				}
			}},
		{name: "usage blob answers JSON", kind: JobUsage, fault: emulator.Fault{Host: "blob", PathContains: "/usage/", Kind: emulator.FaultMalformedJSON}, cause: CauseBadData,
			check: func(t *testing.T, _ *emulator.Server, err error) {
				if !errors.Is(err, ErrBadContent) || !strings.Contains(err.Error(), "not a usage CSV") {
					t.Errorf("usage body not refused: %v", err)
				}
			}},
		{name: "usage report POST 503 once", kind: JobUsage, fault: emulator.Fault{Method: "POST", PathContains: "generateCostDetailsReport", Status: 503, Times: 1}, ok: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			emu, l := weatherEmu(t, emulator.Options{}, tt.fault)
			start := time.Now()
			dir, path, err := saveJob(t, l, tt.kind)
			if took := time.Since(start); took > 8*time.Second {
				t.Errorf("took %v", took)
			}
			if tt.ok {
				if err != nil {
					t.Fatalf("Save: %v", err)
				}
				if _, serr := os.Stat(path); serr != nil {
					t.Fatal(serr)
				}
				if tt.check != nil {
					tt.check(t, emu, nil)
				}
				return
			}
			if err == nil {
				t.Fatalf("saved %s despite the fault", path)
			}
			assertNothingSaved(t, dir)
			if c := Classify(err); c != tt.cause {
				t.Errorf("cause %q, want %q (%v)", c, tt.cause, err)
			}
			if tt.check != nil {
				tt.check(t, emu, err)
			}
		})
	}
}

func TestWeatherEmailWriteNotRetried(t *testing.T) {
	emu, l := weatherEmu(t, emulator.Options{}, emulator.Fault{Method: "PUT", PathContains: "/billingProfiles/", Status: 503})
	d := loadDemo(t, l)
	on := true
	_, err := l.SetEmail(context.Background(), d.accounts[model.AgreementMCA].Name, d.owner.Name, model.EmailPreference{OptIn: &on}, nil)
	if err == nil {
		t.Fatal("no error")
	}
	if n := countReqs(emu, "PUT", "/billingProfiles/"); n != 1 {
		t.Errorf("%d PUTs: a write must not be retried blindly", n)
	}
	if c := Classify(err); c != CauseService {
		t.Errorf("cause %q", c)
	}
	// Reading back works and shows what Azure holds: unchanged.
	p, err := l.Profile(context.Background(), d.accounts[model.AgreementMCA].Name, d.owner.Name)
	if err != nil {
		t.Fatal(err)
	}
	if p.Email.Enabled() != d.owner.Email.Enabled() {
		t.Error("the profile changed although the write failed")
	}
}

func TestWeatherEmailPollFailing(t *testing.T) {
	// 503 without Retry-After keeps the test fast; a 429 is tested on the
	// download operation's polls, which are the same code.
	_, l := weatherEmu(t, emulator.Options{}, emulator.Fault{Method: "GET", PathContains: "/operationResults/", Status: 503})
	d := loadDemo(t, l)
	on := !d.owner.Email.Enabled()
	start := time.Now()
	_, err := l.SetEmail(context.Background(), d.accounts[model.AgreementMCA].Name, d.owner.Name, model.EmailPreference{OptIn: &on}, nil)
	if err == nil || Classify(err) != CauseService || !strings.Contains(err.Error(), "kept failing") {
		t.Fatalf("err %v, want the status kept failing", err)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("gave up after %v", time.Since(start))
	}
}

func TestWeatherLocalFileErrors(t *testing.T) {
	_, l := weatherEmu(t, emulator.Options{})
	d := loadDemo(t, l)
	sc := d.scope(model.AgreementMCA)
	invs, _ := l.Invoices(context.Background(), sc, model.Period{})
	missing := filepath.Join(t.TempDir(), "no", "such")
	_, err := Save(context.Background(), l, missing, Job{Kind: JobInvoicePDF, Scope: sc, Invoice: invs[0]}, ExistingFail, nil)
	if c := Classify(err); c != CauseLocalFile {
		t.Errorf("missing folder: cause %q, want local (%v)", c, err)
	}
	if IsNetErr(err) {
		t.Error("a missing folder counted as a network error")
	}
	ro := t.TempDir()
	if err := os.Chmod(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o700) })
	if os.Geteuid() != 0 { // root writes anyway
		_, err = Save(context.Background(), l, ro, Job{Kind: JobInvoicePDF, Scope: sc, Invoice: invs[0]}, ExistingFail, nil)
		if c := Classify(err); c != CauseLocalFile {
			t.Errorf("read-only folder: cause %q, want local (%v)", c, err)
		}
	}
}

func TestWeatherLeftoversCleaned(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, ".inv.pdf.123.part")
	fresh := filepath.Join(dir, ".inv2.pdf.456.part")
	keep := filepath.Join(dir, "inv.pdf")
	for _, p := range []string{old, fresh, keep} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-time.Hour)
	os.Chtimes(old, past, past)
	os.Chtimes(keep, past, past)
	if n := CleanLeftovers(dir, 15*time.Minute); n != 1 {
		t.Errorf("removed %d, want 1", n)
	}
	for p, want := range map[string]bool{old: false, fresh: true, keep: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists=%v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

func TestWeatherFailedBlobLogged(t *testing.T) {
	var buf syncBuffer
	emu, err := emulator.Start(emulator.Options{PollAfter: 20 * time.Millisecond, Faults: []emulator.Fault{{Host: "blob", PathContains: "/invoices/", Status: 500}}})
	if err != nil {
		t.Fatal(err)
	}
	defer emu.Close()
	l, err := NewLive(Options{Credential: emu.Credential(), Endpoint: emu.URL(), Transport: emu.HTTPClient(), BlobClient: emu.HTTPClient(),
		PollEvery: 10 * time.Millisecond, Retry: fastRetry, Logger: newTextLogger(&buf)})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := saveJob(t, l, JobInvoicePDF); err == nil {
		t.Fatal("no error")
	}
	log := buf.String()
	if !strings.Contains(log, "download failed") || !strings.Contains(log, "status=500") {
		t.Errorf("the failed blob download is not in the log:\n%s", log)
	}
	if strings.Contains(log, "sig=") {
		t.Error("the log holds a SAS signature")
	}
}
