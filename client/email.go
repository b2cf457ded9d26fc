package client

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"

	"github.com/azinvoice/azinvoice/model"
)

// maxRecipients is azinvoice's own bound on the list it sends: Azure
// documents no limit on additional recipients.
const maxRecipients = 100

// SetEmail changes only a profile's invoiceEmailOptIn and invoiceRecipients:
// it reads the profile fresh, puts back its own writable fields with those
// two changed (If-Match: the ETag read, so a concurrent change fails
// rather than being lost), waits for the operation, then reads the profile
// again and returns what the server holds. If the server does not hold
// the change, that profile is returned together with an error.
func (l *Live) SetEmail(ctx context.Context, account, profile string, pref model.EmailPreference, poll PollFunc) (model.Profile, error) {
	const op = "change invoice email"
	if account == "" || profile == "" {
		return model.Profile{}, &Error{Op: op, Message: "no billing account or profile given"}
	}
	if err := checkIDs(op, account, profile); err != nil {
		return model.Profile{}, err
	}
	if pref.OptIn == nil {
		return model.Profile{}, &Error{Op: op, Message: "no choice given"}
	}
	recipients, err := cleanRecipients(pref.Recipients)
	if err != nil {
		return model.Profile{}, err
	}
	cur, raw, err := l.profileForWrite(ctx, op, account, profile)
	if err != nil {
		return model.Profile{}, err
	}
	body := writableProfile(cur)
	optIn := *pref.OptIn
	body.Properties.InvoiceEmailOptIn = &optIn
	body.Properties.InvoiceRecipients = make([]*string, 0, len(recipients))
	for _, r := range recipients {
		body.Properties.InvoiceRecipients = append(body.Properties.InvoiceRecipients, ptrTo(r))
	}
	pctx, pcancel := l.call(ctx)
	if raw != nil {
		if etag := raw.Header.Get("ETag"); etag != "" {
			pctx = policy.WithHTTPHeader(pctx, http.Header{"If-Match": []string{etag}})
		}
	}
	poller, err := l.profiles.BeginCreateOrUpdate(pctx, account, profile, body, nil)
	pcancel()
	if err != nil {
		return model.Profile{}, wrap(op, ctxErr(ctx, err))
	}
	if _, err := waitLRO(ctx, l, op, poller, poll); err != nil {
		return model.Profile{}, err
	}
	after, err := l.Profile(ctx, account, profile)
	if err != nil {
		return model.Profile{}, err
	}
	if after.Email.Enabled() != optIn || !sameRecipients(after.Email.Recipients, recipients) {
		return after, &Error{Op: op, Message: "the service accepted the change but does not show it"}
	}
	return after, nil
}

// writableProfile keeps the fields a client may send back; read-only ones
// (status, system ID, spending limit, …) are left out of the PUT.
func writableProfile(p armbilling.Profile) armbilling.Profile {
	out := armbilling.Profile{Tags: p.Tags, Properties: &armbilling.ProfileProperties{}}
	if pp := p.Properties; pp != nil {
		out.Properties.BillTo = pp.BillTo
		out.Properties.DisplayName = pp.DisplayName
		out.Properties.EnabledAzurePlans = pp.EnabledAzurePlans
		out.Properties.IndirectRelationshipInfo = pp.IndirectRelationshipInfo
		out.Properties.InvoiceEmailOptIn = pp.InvoiceEmailOptIn
		out.Properties.InvoiceRecipients = pp.InvoiceRecipients
		out.Properties.PoNumber = pp.PoNumber
		out.Properties.ShipTo = pp.ShipTo
		out.Properties.SoldTo = pp.SoldTo
		out.Properties.Tags = pp.Tags
	}
	return out
}

// cleanRecipients trims, drops empties and duplicates, and rejects
// anything that is not a plain address (no spaces, controls or commas).
// Addresses are otherwise sent as they are: one read from Azure goes back
// exactly as read, never in the form cleaned for display.
func cleanRecipients(in []string) ([]string, error) {
	var out []string
	for _, r := range in {
		r = strings.TrimSpace(r)
		if r == "" || slices.Contains(out, r) {
			continue
		}
		at := strings.LastIndexByte(r, '@')
		if at < 1 || at == len(r)-1 || len(r) > 254 || strings.ContainsAny(r, " ,;<>\"") || strings.IndexFunc(r, unicode.IsControl) >= 0 || !utf8.ValidString(r) {
			return nil, &Error{Op: "change invoice email", Message: "not a valid email address: " + safeText(r, 80), Err: ErrInvalidEmail}
		}
		out = append(out, r)
	}
	if len(out) > maxRecipients {
		return nil, &Error{Op: "change invoice email", Message: "too many recipients", Err: ErrInvalidEmail}
	}
	return out, nil
}

func sameRecipients(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.ContainsFunc(b, func(y string) bool { return strings.EqualFold(x, y) }) {
			return false
		}
	}
	return true
}
