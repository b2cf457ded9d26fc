package client

import (
	"bytes"
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

func TestJobFileName(t *testing.T) {
	oct := model.Period{Start: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		job  Job
		want string
	}{
		{Job{Invoice: model.Invoice{Name: "G1016452", Period: oct}}, "G1016452_2026-10.pdf"},
		{Job{Kind: JobDocuments, Invoice: model.Invoice{Name: "G1", Period: oct}}, "G1_2026-10_documents.zip"},
		{Job{Kind: JobUsage, Invoice: model.Invoice{Name: "G1", Period: oct}}, "G1_2026-10_usage.csv"},
		{Job{Invoice: model.Invoice{Name: "G1", Period: oct}, Document: &model.Document{Kind: model.DocTaxReceipt}}, "G1_2026-10_TaxReceipt.pdf"},
		{Job{Invoice: model.Invoice{}}, "invoice.pdf"},
	}
	for _, tt := range tests {
		if got := tt.job.FileName(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.job.Invoice, got, tt.want)
		}
	}
	for _, hostile := range []string{"../../etc/passwd", "a/b\\c", "\x1b[2J\x07", strings.Repeat("é", 300), "..", "CON"} {
		name := Job{Invoice: model.Invoice{Name: hostile}}.FileName()
		if name != filepath.Base(name) || strings.ContainsAny(name, "/\\\x1b\x07") || strings.HasPrefix(name, ".") || len(name) > 200 {
			t.Errorf("%q -> unsafe name %q", hostile, name)
		}
	}
}

// Save against the emulator: the PDF lands whole, an existing file is
// never overwritten unless asked, and replace leaves no stray copy.
func TestSaveExistingPolicies(t *testing.T) {
	_, l := startEmu(t, emulator.Options{})
	d := loadDemo(t, l)
	sc := d.scope(model.AgreementMCA)
	invs, err := l.Invoices(context.Background(), sc, model.Period{})
	if err != nil || len(invs) == 0 {
		t.Fatalf("invoices: %v", err)
	}
	job := Job{Scope: sc, Invoice: invs[0]}
	dir := t.TempDir()
	path, err := Save(context.Background(), l, dir, job, ExistingFail, nil)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir || filepath.Base(path) != job.FileName() {
		t.Fatalf("saved at %s", path)
	}
	mine := []byte("%PDF mine")
	if err := os.WriteFile(path, mine, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		existing Existing
		wantErr  error
		files    int
		keptMine bool
	}{
		{ExistingFail, ErrExists, 1, true},
		{ExistingSkip, ErrSkipped, 1, true},
		{ExistingKeepBoth, nil, 2, true},
		{ExistingReplace, nil, 2, false},
	}
	for _, tt := range tests {
		_, err := Save(context.Background(), l, dir, job, tt.existing, nil)
		if (tt.wantErr == nil) != (err == nil) || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) {
			t.Errorf("existing=%d: err %v, want %v", tt.existing, err, tt.wantErr)
		}
		ents, _ := os.ReadDir(dir)
		if len(ents) != tt.files {
			t.Errorf("existing=%d: %d files, want %d", tt.existing, len(ents), tt.files)
		}
		b, _ := os.ReadFile(path)
		if bytes.Equal(b, mine) != tt.keptMine {
			t.Errorf("existing=%d: original kept=%v", tt.existing, bytes.Equal(b, mine))
		}
	}
}

// The demo's period with no usage (usageDetails answers 204): Save keeps a
// header-only CSV and the progress says so; a period with usage does not.
// The EA enrollment's Summary saves as the summary, under its own name.
func TestSaveDemoShapes(t *testing.T) {
	_, l := startEmu(t, emulator.Options{})
	d := loadDemo(t, l)
	ctx := context.Background()
	sc, invs := mospScope(t, l, d)
	dir := t.TempDir()
	var empty, full int
	for _, inv := range invs[:4] {
		var last JobProgress
		path, err := Save(ctx, l, dir, Job{Kind: JobUsage, Scope: sc, Invoice: inv}, ExistingReplace, func(p JobProgress) { last = p })
		if err != nil {
			t.Fatalf("%s: %v", inv.Name, err)
		}
		b, _ := os.ReadFile(path)
		lines := strings.Count(string(b), "\n")
		switch {
		case last.NoUsage && lines == 1 && strings.HasPrefix(string(b), "Date,SubscriptionId,"):
			empty++
		case !last.NoUsage && lines > 1:
			full++
		default:
			t.Errorf("%s: NoUsage=%v with %d lines", inv.Name, last.NoUsage, lines)
		}
	}
	if empty != 1 || full != 3 {
		t.Errorf("%d periods without usage, %d with", empty, full)
	}

	// The enrollment's US-form dates are read, not lost.
	if e := d.accounts[model.AgreementEA].Enrollment; e == nil || len(e.StartDate) != 10 || len(e.EndDate) != 10 {
		t.Errorf("EA enrollment = %+v", e)
	}
	ea := d.scope(model.AgreementEA)
	eaInvs, err := l.Invoices(ctx, ea, model.Period{})
	if err != nil || len(eaInvs) == 0 {
		t.Fatal(err)
	}
	inv := eaInvs[0]
	for i := range inv.Documents {
		doc := &inv.Documents[i]
		path, err := Save(ctx, l, dir, Job{Scope: ea, Invoice: inv, Document: doc}, ExistingFail, nil)
		if err != nil {
			t.Fatalf("%s: %v", doc.Kind, err)
		}
		b, _ := os.ReadFile(path)
		if doc.Kind != model.DocTransactions && !bytes.Contains(b, []byte("Microsoft Azure - "+string(doc.Kind))) {
			t.Errorf("%s saved as %s holds another document", doc.Kind, filepath.Base(path))
		}
		if doc.Kind == model.DocSummary && !strings.HasSuffix(path, "_Summary.pdf") {
			t.Errorf("summary saved as %s", path)
		}
	}
}
