package ui

import (
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
