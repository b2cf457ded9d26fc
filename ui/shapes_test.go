package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// Documents as Azure sends them for an EA invoice (kind and url, no name):
// no zip is offered, and a document no operation serves says why instead
// of downloading some other file.
func TestDocumentShapesInWords(t *testing.T) {
	ea := []model.Document{{Kind: model.DocInvoice}, {Kind: model.DocSummary}, {Kind: model.DocTransactions}}
	if documentsLineID(ea) != "shapes.detail.documents.nozip" {
		t.Error("a zip is offered for nameless documents")
	}
	if documentsLineID([]model.Document{{Name: "G1", Kind: model.DocInvoice}}) != "detail.documents" {
		t.Error("named documents lost their zip")
	}
	msg := notDownloadable(&model.Document{Kind: model.DocCreditNote}, model.AgreementMCA)().(statusMsg)
	if !msg.isErr || !strings.Contains(msg.text, "not downloadable") || !strings.Contains(msg.text, "Credit note") {
		t.Errorf("message = %+v", msg)
	}
}

// The IDs built from parts for the shapes work are all in the catalogue.
func TestShapesMessageIDsExist(t *testing.T) {
	ids := []string{model.DocNotDownloadableNameless, model.DocNotDownloadableKind}
	for _, k := range []string{"notdownloadable", "nousageperiod", "unreadable"} {
		ids = append(ids, "err.shapes."+k+".why", "err.shapes."+k+".do")
	}
	for _, id := range ids {
		if !i18n.Has(id) {
			t.Errorf("message %q is not in the catalogue", id)
		}
	}
}

func TestShapesErrorsInWords(t *testing.T) {
	for err, want := range map[error]string{
		&client.Error{Err: client.ErrNotDownloadable}: "offers no operation that downloads it",
		&client.Error{Err: client.ErrNoUsageInPeriod}: "no usage for this billing period",
		&client.Error{Err: client.ErrUnreadable}:      "could not be read",
	} {
		if got := describe(err).Why; !strings.Contains(got, want) {
			t.Errorf("%v: %q", err, got)
		}
	}
}

// A saved usage file of a period with no usage says so; records left out
// are counted in the same line.
func TestSavedStatusSaysNoUsage(t *testing.T) {
	if m := savedStatus("/d/u.csv", &client.JobProgress{NoUsage: true}); !strings.Contains(m.text, "no usage in this period") || m.isErr {
		t.Errorf("no usage: %+v", m)
	}
	if m := savedStatus("/d/u.csv", &client.JobProgress{Rows: 5, Unreadable: 2}); !strings.Contains(m.text, "2 usage records could not be read") || !m.isErr {
		t.Errorf("unreadable: %+v", m)
	}
	if m := savedStatus("/d/a.pdf", nil); m.text != "Saved /d/a.pdf" {
		t.Errorf("plain: %+v", m)
	}
}

// The demo meets the real shapes end to end: the EA enrollment shows its
// term (read from the US-form dates), its invoices page through a relative
// nextLink, its Summary downloads as the summary, and the MOSP period
// without usage says so.
func TestDemoRealShapes(t *testing.T) {
	h := newHarness(t, 160, 40)
	dir := h.app.c.cfg.DownloadDir
	h.selectRow("Contoso Enterprise Enrollment")
	if !strings.Contains(h.selected(), "2023-07-01 → 2028-07-31") {
		t.Errorf("enrollment term not shown: %q", h.selected())
	}
	h.keys("enter")
	// 10: twelve whole billing periods, the current month last (no invoice
	// yet), less the month the Azure Prepayment covered (issue 9's demo case).
	if !strings.Contains(h.screen(), "1/10") {
		t.Fatalf("EA invoices not all listed:\n%s", h.screen())
	}
	h.keys("enter")
	if !strings.Contains(h.screen(), "no zip of them all") {
		t.Errorf("zip offered for nameless documents:\n%s", h.screen())
	}
	h.keys("j", "enter")
	h.waitDownloads()
	files := dirFiles(t, dir)
	if len(files) != 1 || !strings.HasSuffix(files[0], "_Summary.pdf") {
		t.Fatalf("files %v:\n%s", files, h.screen())
	}
	if b, _ := os.ReadFile(filepath.Join(dir, files[0])); !bytes.Contains(b, []byte("Microsoft Azure - Summary")) {
		t.Error("the Summary file holds another document")
	}

	h.keys("esc", "esc", "up", "up")
	h.selectRow("Fabrikam Studio")
	h.keys("enter")
	h.selectRow("Fabrikam Production")
	h.keys("enter")
	h.selectRow("2026-08")
	h.keys("u")
	h.waitDownloads()
	if !strings.Contains(h.screen(), "no usage in this period") {
		t.Errorf("no-usage period not said:\n%s", h.screen())
	}
}
