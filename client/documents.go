package client

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"

	"github.com/azinvoice/azinvoice/model"
)

// ErrNotDownloadable: Azure lists the document, but no operation serves it.
var ErrNotDownloadable = errors.New("no operation downloads this document")

// DocumentLink runs the operation that serves doc (nil: the invoice PDF).
func (l *Live) DocumentLink(ctx context.Context, scope model.Scope, invoice string, doc *model.Document, poll PollFunc) (Link, error) {
	const op = "prepare download"
	if doc == nil {
		return l.documentByName(ctx, scope, invoice, "", poll)
	}
	route, why := doc.Route(scope.Agreement)
	switch route {
	case model.RouteByName:
		return l.documentByName(ctx, scope, invoice, requestName(doc), poll)
	case model.RouteInvoicePDF:
		return l.documentByName(ctx, scope, invoice, "", poll)
	case model.RouteSummary, model.RouteTransactions:
		if invoice == "" || scope.AccountName == "" || scope.Kind == model.ScopeBillingSubscription {
			return Link{}, &Error{Op: op, Message: "an enrollment's summary and transactions are served by billing account", Err: ErrNotDownloadable}
		}
		if err := checkIDs(op, invoice, scope.AccountName); err != nil {
			return Link{}, err
		}
		if route == model.RouteSummary {
			p, err := l.invoices.BeginDownloadSummaryByBillingAccount(ctx, scope.AccountName, invoice, nil)
			return linkFrom(ctx, l, op, p, err, poll, func(r armbilling.InvoicesClientDownloadSummaryByBillingAccountResponse) armbilling.DocumentDownloadResult {
				return r.DocumentDownloadResult
			})
		}
		p, err := l.transactions.BeginTransactionsDownloadByInvoice(ctx, scope.AccountName, invoice, nil)
		return linkFrom(ctx, l, op, p, err, poll, func(r armbilling.TransactionsClientTransactionsDownloadByInvoiceResponse) armbilling.DocumentDownloadResult {
			return r.DocumentDownloadResult
		})
	}
	return Link{}, &Error{Op: op, Code: why, Message: "Azure lists this " + string(doc.Kind) + " document but offers no operation that downloads it", Err: ErrNotDownloadable}
}

// requestName is the documentName to ask for: the document's name, else
// the one its url carries.
func requestName(d *model.Document) string {
	if d.Name != "" {
		return d.Name
	}
	if u, err := url.Parse(d.URL); err == nil {
		return u.Query().Get("documentName")
	}
	return ""
}

// zipRequest lists the documents downloadDocuments can put in one zip:
// those asked for by name. A nameless document is never asked for as ""
// (the service would answer with some other file, or none).
func zipRequest(op, invoice string, docs []model.Document) ([]*armbilling.DocumentDownloadRequest, error) {
	req := make([]*armbilling.DocumentDownloadRequest, 0, len(docs))
	for i := range docs {
		name := requestName(&docs[i])
		if name == "" {
			continue
		}
		req = append(req, &armbilling.DocumentDownloadRequest{DocumentName: ptrTo(name), InvoiceName: ptrTo(invoice)})
	}
	if len(req) == 0 {
		return nil, &Error{Op: op, Message: "these documents have no names, so they cannot be asked for as one zip; download each one", Err: ErrUnsupported}
	}
	return req, nil
}

// ZipOffered reports whether "all documents" can be asked for as one zip:
// at least one document has a name.
func ZipOffered(docs []model.Document) bool {
	for i := range docs {
		if requestName(&docs[i]) != "" {
			return true
		}
	}
	return false
}

// docFileName names a document's file after its invoice, period and kind,
// and after its own name when that differs from the invoice's, so two
// documents of one invoice never share a file. Transactions are a CSV.
func docFileName(invoice, period string, a model.Agreement, d *model.Document) string {
	ext := ".pdf"
	if r, _ := d.Route(a); r == model.RouteTransactions {
		ext = ".csv"
	}
	kind := string(d.Kind)
	if kind == "" {
		kind = "document"
	}
	own := requestName(d)
	if strings.EqualFold(own, invoice) {
		own = ""
	}
	if d.Kind == model.DocInvoice && own == "" {
		return SafeName(invoice, period, ext)
	}
	return SafeName(invoice, period, kind, own, ext)
}

// check is the content check of a single-document job: a PDF, except for
// EA transactions, whose format the API does not state.
func (j Job) check() func([]byte, int64) error {
	if j.Document != nil {
		if r, _ := j.Document.Route(j.Scope.Agreement); r == model.RouteTransactions {
			return CheckNotErrorPage
		}
	}
	return CheckPDF
}
