package client

import (
	"context"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"

	"github.com/azinvoice/azinvoice/model"
)

// Accounts lists every billing account the identity can see.
func (l *Live) Accounts(ctx context.Context) ([]model.Account, error) {
	const op = "list billing accounts"
	pager := l.accounts.NewListPager(&armbilling.AccountsClientListOptions{})
	return collect(ctx, l, op, pager, func(p armbilling.AccountsClientListResponse) []model.Account {
		out := make([]model.Account, 0, len(p.Value))
		for _, a := range p.Value {
			if a != nil {
				out = append(out, convertAccount(a))
			}
		}
		return out
	})
}

// Profiles lists the billing profiles of an MCA/MPA account.
func (l *Live) Profiles(ctx context.Context, account string) ([]model.Profile, error) {
	const op = "list billing profiles"
	if account == "" {
		return nil, &Error{Op: op, Message: "no billing account given"}
	}
	pager := l.profiles.NewListByBillingAccountPager(account, nil)
	return collect(ctx, l, op, pager, func(p armbilling.ProfilesClientListByBillingAccountResponse) []model.Profile {
		out := make([]model.Profile, 0, len(p.Value))
		for _, v := range p.Value {
			if v != nil {
				out = append(out, convertProfile(account, v))
			}
		}
		return out
	})
}

// Profile reads one billing profile fresh, with the ETag the service sent.
func (l *Live) Profile(ctx context.Context, account, profile string) (model.Profile, error) {
	const op = "read billing profile"
	if account == "" || profile == "" {
		return model.Profile{}, &Error{Op: op, Message: "no billing account or profile given"}
	}
	cctx, cancel := l.call(ctx)
	defer cancel()
	var raw *http.Response
	resp, err := l.profiles.Get(runtime.WithCaptureResponse(cctx, &raw), account, profile, nil)
	if err != nil {
		return model.Profile{}, wrap(op, ctxErr(ctx, err))
	}
	p := convertProfile(account, &resp.Profile)
	if raw != nil {
		p.ETag = model.Clean(raw.Header.Get("ETag"))
	}
	return p, nil
}

// Policies reads an EA enrollment's view-charges policies.
func (l *Live) Policies(ctx context.Context, account string) (model.Policies, error) {
	const op = "read billing policies"
	if account == "" {
		return model.Policies{}, &Error{Op: op, Message: "no billing account given"}
	}
	cctx, cancel := l.call(ctx)
	defer cancel()
	resp, err := l.policies.GetByBillingAccount(cctx, account, nil)
	if err != nil {
		return model.Policies{}, wrap(op, ctxErr(ctx, err))
	}
	return convertPolicies(&resp.AccountPolicy), nil
}
