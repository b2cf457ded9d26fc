package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"

	"github.com/azinvoice/azinvoice/model"
)

// API versions of the routes read through our own pager (paging.go); they
// are the versions the pinned SDK modules speak.
const (
	apiBilling     = "2024-04-01"
	apiResources   = "2022-12-01"
	apiConsumption = "2021-10-01"
)

func apiQuery(version string) url.Values { return url.Values{"api-version": {version}} }

// Accounts lists every billing account the identity can see. One account
// Azure describes oddly (an EA enrollment's US-format dates, say) keeps
// what could be read and never fails the others.
func (l *Live) Accounts(ctx context.Context) ([]model.Account, error) {
	lr := listRequest{op: "list billing accounts", path: "providers/Microsoft.Billing/billingAccounts", query: apiQuery(apiBilling)}
	return list(ctx, l, lr, convertAccount)
}

// Profiles lists the billing profiles of an MCA/MPA account.
func (l *Live) Profiles(ctx context.Context, account string) ([]model.Profile, error) {
	const op = "list billing profiles"
	if account == "" {
		return nil, &Error{Op: op, Message: "no billing account given"}
	}
	if err := checkIDs(op, account); err != nil {
		return nil, err
	}
	lr := listRequest{op: op, path: accountScopeID(account) + "/billingProfiles", query: apiQuery(apiBilling)}
	return list(ctx, l, lr, func(p *wProfile) model.Profile { return convertProfile(account, p) })
}

// Profile reads one billing profile fresh, with the ETag the service sent.
func (l *Live) Profile(ctx context.Context, account, profile string) (model.Profile, error) {
	const op = "read billing profile"
	if account == "" || profile == "" {
		return model.Profile{}, &Error{Op: op, Message: "no billing account or profile given"}
	}
	if err := checkIDs(op, account, profile); err != nil {
		return model.Profile{}, err
	}
	var w wProfile
	resp, err := l.getOne(ctx, op, profileScopeID(account, profile), apiQuery(apiBilling), &w)
	if err != nil {
		return model.Profile{}, err
	}
	p := convertProfile(account, &w)
	if resp != nil {
		p.ETag = model.Clean(resp.Header.Get("ETag"))
	}
	return p, nil
}

// Policies reads an EA enrollment's view-charges policies.
func (l *Live) Policies(ctx context.Context, account string) (model.Policies, error) {
	const op = "read billing policies"
	if account == "" {
		return model.Policies{}, &Error{Op: op, Message: "no billing account given"}
	}
	if err := checkIDs(op, account); err != nil {
		return model.Policies{}, err
	}
	var w wPolicy
	if _, err := l.getOne(ctx, op, accountScopeID(account)+"/policies/default", apiQuery(apiBilling), &w); err != nil {
		return model.Policies{}, err
	}
	return convertPolicies(&w), nil
}

// profileWritable are the properties a profile PUT carries back (see
// writableProfile); only these must be readable for a write to be safe.
var profileWritable = []string{"billTo", "displayName", "enabledAzurePlans", "indirectRelationshipInfo",
	"invoiceEmailOptIn", "invoiceRecipients", "poNumber", "shipTo", "soldTo", "tags"}

// profileForWrite reads a profile fresh for a PUT, as the SDK's type that
// the PUT sends. A field Azure sends in a form the SDK refuses does not
// stop the write when it is one the PUT never sends back (a status, an
// invoice day); when a field the PUT would send back cannot be read, the
// write is refused rather than sent without it.
func (l *Live) profileForWrite(ctx context.Context, op, account, profile string) (armbilling.Profile, *http.Response, error) {
	u := l.endpoint + "/" + profileScopeID(account, profile) + "?" + apiQuery(apiBilling).Encode()
	body, resp, err := l.getRaw(ctx, u)
	if err != nil {
		return armbilling.Profile{}, resp, wrap(op, ctxErr(ctx, err))
	}
	var p armbilling.Profile
	if json.Unmarshal(body, &p) == nil {
		return p, resp, nil
	}
	var doc struct {
		Tags       json.RawMessage            `json:"tags"`
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return armbilling.Profile{}, resp, &Error{Op: op, Message: "the billing profile could not be read", Err: ErrUnreadable}
	}
	keep := map[string]json.RawMessage{}
	for _, k := range profileWritable {
		if v, ok := doc.Properties[k]; ok {
			keep[k] = v
		}
	}
	out := map[string]any{"properties": keep}
	if len(doc.Tags) > 0 {
		out["tags"] = doc.Tags
	}
	b, _ := json.Marshal(out)
	p = armbilling.Profile{}
	if err := json.Unmarshal(b, &p); err != nil {
		return armbilling.Profile{}, resp, &Error{Op: op, Err: ErrUnreadable,
			Message: "a field of the billing profile that a change must send back could not be read, so nothing was changed"}
	}
	return p, resp, nil
}
