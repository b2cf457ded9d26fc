package ui

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/azinvoice/azinvoice/client/emulator"
)

// financeInvoices opens Contoso Ltd › Finance › Invoices.
func financeInvoices(t *testing.T, opts ...func(*emulator.Options, *Config)) *harness {
	h := newHarness(t, 120, 40, opts...)
	h.selectRow("Contoso Ltd")
	h.keys("enter")
	h.selectRow("Finance")
	h.keys("enter")
	return h
}

func dirFiles(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

func TestDownloadKinds(t *testing.T) {
	tests := []struct {
		key, suffix, magic string
	}{
		{"d", ".pdf", "%PDF"},
		{"D", "_documents.zip", "PK"},
		{"u", "_usage.csv", ""},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			h := financeInvoices(t)
			dir := h.app.c.cfg.DownloadDir
			h.keys(tt.key)
			h.waitDownloads()
			files := dirFiles(t, dir)
			if len(files) != 1 || !strings.HasSuffix(files[0], tt.suffix) {
				t.Fatalf("files %v, want one *%s; screen:\n%s", files, tt.suffix, h.screen())
			}
			b, _ := os.ReadFile(filepath.Join(dir, files[0]))
			if !bytes.HasPrefix(b, []byte(tt.magic)) || len(b) == 0 {
				t.Errorf("%s starts %q, want %q", files[0], b[:min(8, len(b))], tt.magic)
			}
			if st, _ := os.Stat(filepath.Join(dir, files[0])); st.Mode().Perm() != 0o600 {
				t.Errorf("mode %v, want 0600", st.Mode().Perm())
			}
			if !strings.Contains(h.screen(), "Saved") {
				t.Errorf("no saved message:\n%s", h.screen())
			}
			blob, _ := url.Parse(h.srv.BlobURL())
			for _, r := range h.srv.Requests() {
				if r.Host == blob.Host && r.HasAuth {
					t.Errorf("the bearer token reached the blob host: %s %s", r.Method, r.Path)
				}
			}
		})
	}
}

func TestDownloadExistingFileAsks(t *testing.T) {
	tests := []struct {
		answer string
		want   int // files afterwards
	}{
		{"s", 1}, {"esc", 1}, {"k", 2}, {"o", 1},
	}
	for _, tt := range tests {
		t.Run(tt.answer, func(t *testing.T) {
			h := financeInvoices(t)
			dir := h.app.c.cfg.DownloadDir
			h.keys("d")
			h.waitDownloads()
			first := dirFiles(t, dir)[0]
			if err := os.WriteFile(filepath.Join(dir, first), []byte("mine"), 0o600); err != nil {
				t.Fatal(err)
			}
			h.keys("d")
			if !strings.Contains(h.screen(), "already there") {
				t.Fatalf("no overwrite question:\n%s", h.screen())
			}
			h.keys("j", "q") // nothing else is taken while asked
			if !strings.Contains(h.screen(), "already there") {
				t.Fatalf("the question went away on another key:\n%s", h.screen())
			}
			h.keys(tt.answer)
			h.waitDownloads()
			files := dirFiles(t, dir)
			if len(files) != tt.want {
				t.Fatalf("after %q: files %v, want %d", tt.answer, files, tt.want)
			}
			b, _ := os.ReadFile(filepath.Join(dir, first))
			kept := string(b) == "mine"
			if tt.answer == "o" == kept {
				t.Errorf("after %q the original file kept=%v", tt.answer, kept)
			}
		})
	}
}

func TestDownloadFaultsLeaveNoFile(t *testing.T) {
	tests := []struct {
		name  string
		fault emulator.Fault
	}{
		{"truncated", emulator.Fault{Method: "GET", PathContains: ".pdf", Kind: emulator.FaultTruncate}},
		{"reset", emulator.Fault{Method: "GET", PathContains: ".pdf", Kind: emulator.FaultReset}},
		{"blob 403", emulator.Fault{Method: "GET", PathContains: ".pdf", Status: 403, Code: "AuthenticationFailed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := financeInvoices(t)
			dir := h.app.c.cfg.DownloadDir
			h.srv.SetFault(tt.fault)
			h.keys("d")
			h.waitDownloads()
			if files := dirFiles(t, dir); len(files) != 0 {
				t.Errorf("files left behind: %v", files)
			}
			scr := h.screen()
			if !strings.Contains(scr, "Could not save") {
				t.Errorf("no clear error:\n%s", scr)
			}
			if strings.Contains(scr, "sig=") {
				t.Errorf("SAS signature on screen:\n%s", scr)
			}
		})
	}
}

func TestDownloadCancelLeavesNoFile(t *testing.T) {
	h := financeInvoices(t, func(o *emulator.Options, _ *Config) { o.UsageBytes = 512 << 20 })
	dir := h.app.c.cfg.DownloadDir
	h.keys("u")
	if !h.app.top().Busy() {
		t.Fatal("usage download is not running")
	}
	h.keys("esc")
	h.waitDownloads()
	if files := dirFiles(t, dir); len(files) != 0 {
		t.Errorf("files left behind: %v", files)
	}
	if !strings.Contains(h.screen(), "Cancelled") {
		t.Errorf("no cancelled message:\n%s", h.screen())
	}
	if !strings.Contains(h.screen(), "Finance › Invoices") {
		t.Errorf("esc that cancelled a download also left the screen:\n%s", h.screen())
	}
}

func TestInvoiceDetail(t *testing.T) {
	h := financeInvoices(t)
	h.keys("enter")
	scr := h.screen()
	for _, want := range []string{"Billing period", "Amount due", "Free credit applied", "documents"} {
		if !strings.Contains(scr, want) {
			t.Errorf("%q missing from detail:\n%s", want, scr)
		}
	}
	h.keys("esc")
	if !strings.Contains(h.screen(), "Finance › Invoices") {
		t.Errorf("esc did not return to invoices:\n%s", h.screen())
	}
}

// TestDownloadGoesOnAfterBack: backspace leaves the screen, the download
// carries on and lands; esc elsewhere would cancel it.
func TestDownloadGoesOnAfterBack(t *testing.T) {
	h := financeInvoices(t)
	dir := h.app.c.cfg.DownloadDir
	h.keys("d", "backspace")
	if strings.Contains(h.screen(), "Finance › Invoices") {
		t.Fatalf("backspace did not go back:\n%s", h.screen())
	}
	h.waitDownloads()
	if files := dirFiles(t, dir); len(files) != 1 {
		t.Errorf("files %v, want the PDF", files)
	}
}
