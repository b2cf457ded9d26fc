package client

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"

	"github.com/azinvoice/azinvoice/model"
)

// documentByName runs the download operation for one document of an invoice
// (documentName "" is the invoice PDF): MOSP by billing subscription,
// every other agreement by billing account. DocumentLink picks it.
func (l *Live) documentByName(ctx context.Context, scope model.Scope, invoice, documentName string, poll PollFunc) (Link, error) {
	const op = "prepare download"
	if invoice == "" {
		return Link{}, &Error{Op: op, Message: "no invoice given"}
	}
	if err := checkIDs(op, invoice); err != nil {
		return Link{}, err
	}
	if err := checkScope(op, scope); err != nil {
		return Link{}, err
	}
	var doc *string
	if documentName != "" {
		doc = &documentName
	}
	if scope.Kind == model.ScopeBillingSubscription {
		c, err := l.subscriptionInvoices(op, scope)
		if err != nil {
			return Link{}, err
		}
		p, err := c.BeginDownloadByBillingSubscription(ctx, invoice,
			&armbilling.InvoicesClientBeginDownloadByBillingSubscriptionOptions{DocumentName: doc})
		return linkFrom(ctx, l, op, p, err, poll, func(r armbilling.InvoicesClientDownloadByBillingSubscriptionResponse) armbilling.DocumentDownloadResult {
			return r.DocumentDownloadResult
		})
	}
	if scope.AccountName == "" {
		return Link{}, &Error{Op: op, Message: "no billing account given"}
	}
	p, err := l.invoices.BeginDownloadByBillingAccount(ctx, scope.AccountName, invoice,
		&armbilling.InvoicesClientBeginDownloadByBillingAccountOptions{DocumentName: doc})
	return linkFrom(ctx, l, op, p, err, poll, func(r armbilling.InvoicesClientDownloadByBillingAccountResponse) armbilling.DocumentDownloadResult {
		return r.DocumentDownloadResult
	})
}

// DocumentsLink runs the download-documents operation: one zip of docs.
func (l *Live) DocumentsLink(ctx context.Context, scope model.Scope, invoice string, docs []model.Document, poll PollFunc) (Link, error) {
	const op = "prepare download"
	if invoice == "" || len(docs) == 0 {
		return Link{}, &Error{Op: op, Message: "no invoice or documents given"}
	}
	if err := checkIDs(op, invoice); err != nil {
		return Link{}, err
	}
	if err := checkScope(op, scope); err != nil {
		return Link{}, err
	}
	req, err := zipRequest(op, invoice, docs)
	if err != nil {
		return Link{}, err
	}
	if scope.Kind == model.ScopeBillingSubscription {
		c, err := l.subscriptionInvoices(op, scope)
		if err != nil {
			return Link{}, err
		}
		p, err := c.BeginDownloadDocumentsByBillingSubscription(ctx, req, nil)
		return linkFrom(ctx, l, op, p, err, poll, func(r armbilling.InvoicesClientDownloadDocumentsByBillingSubscriptionResponse) armbilling.DocumentDownloadResult {
			return r.DocumentDownloadResult
		})
	}
	if scope.AccountName == "" {
		return Link{}, &Error{Op: op, Message: "no billing account given"}
	}
	p, err := l.invoices.BeginDownloadDocumentsByBillingAccount(ctx, scope.AccountName, req, nil)
	return linkFrom(ctx, l, op, p, err, poll, func(r armbilling.InvoicesClientDownloadDocumentsByBillingAccountResponse) armbilling.DocumentDownloadResult {
		return r.DocumentDownloadResult
	})
}

// linkFrom waits for a download operation that began (or failed to) and
// turns its result into a Link: the same for every download route.
func linkFrom[T any](ctx context.Context, l *Live, op string, p *runtime.Poller[T], err error, poll PollFunc, result func(T) armbilling.DocumentDownloadResult) (Link, error) {
	if err != nil {
		return Link{}, wrap(op, ctxErr(ctx, err))
	}
	res, err := waitLRO(ctx, l, op, p, poll)
	if err != nil {
		return Link{}, err
	}
	return toLink(op, result(res))
}

func (l *Live) subscriptionInvoices(op string, scope model.Scope) (*armbilling.InvoicesClient, error) {
	if scope.SubscriptionID == "" {
		return nil, &Error{Op: op, Message: "no subscription given"}
	}
	c, err := armbilling.NewInvoicesClient(scope.SubscriptionID, l.cred, l.arm)
	if err != nil {
		return nil, wrap(op, err)
	}
	return c, nil
}

func ptrTo(s string) *string { return &s }

// toLink checks the operation's result: an absolute https URL with a host
// and no control characters, so nothing odd reaches the blob client.
func toLink(op string, r armbilling.DocumentDownloadResult) (Link, error) {
	raw := ""
	if r.URL != nil {
		raw = strings.TrimSpace(*r.URL)
	}
	if raw == "" {
		return Link{}, &Error{Op: op, Message: "the service returned no download link"}
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" || model.Clean(raw) != raw {
		return Link{}, &Error{Op: op, Message: "the service returned an unusable download link: " + RedactURL(model.Clean(raw))}
	}
	link := Link{URL: raw}
	if r.ExpiryTime != nil {
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", time.RFC1123} {
			if t, err := time.Parse(layout, strings.TrimSpace(*r.ExpiryTime)); err == nil {
				link.Expires = t
				break
			}
		}
	}
	return link, nil
}
