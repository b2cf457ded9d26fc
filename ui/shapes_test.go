package ui

import (
	"strings"
	"testing"

	"github.com/azinvoice/azinvoice/model"
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
