package client

import (
	"context"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/consumption/armconsumption"

	"github.com/azinvoice/azinvoice/model"
)

// Facts the diagnosis reads beyond the Billing interface. They are optional
// interfaces, so a Billing that lacks them leaves those facts unknown.

// callerReader tells who signed in.
type callerReader interface {
	Caller(ctx context.Context) (model.IdentityKind, string)
}

// balanceReader reads an EA enrollment's balance for one month.
type balanceReader interface {
	Balance(ctx context.Context, account string, month model.Period) (model.Balance, error)
}

// msaTenant is the tenant personal Microsoft accounts sign in through.
const msaTenant = "9188040d-6c67-4c5b-b112-36a304b66dad"

// Caller reads the signed-in identity's kind and name from the token's
// claims (read without verification, only to describe the identity): a
// personal Microsoft account signs in through the MSA tenant or with idp
// live.com; anything else is a work or school account.
func (l *Live) Caller(ctx context.Context) (model.IdentityKind, string) {
	tok, err := l.cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{l.tokenScope}})
	if err != nil {
		return model.IdentityUnknown, ""
	}
	return identityFromJWT(tok.Token)
}

func identityFromJWT(token string) (model.IdentityKind, string) {
	var c claims
	if readClaims(token, &c) != nil {
		return model.IdentityUnknown, ""
	}
	name := c.who()
	if strings.EqualFold(c.TID, msaTenant) || strings.EqualFold(c.IDP, "live.com") ||
		strings.Contains(c.IDP, msaTenant) || strings.HasPrefix(strings.ToLower(c.UniqueName), "live.com#") {
		return model.IdentityMicrosoft, name
	}
	if c.TID == "" {
		return model.IdentityUnknown, name
	}
	return model.IdentityWork, name
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// Balance reads an EA enrollment's Consumption balance for the billing
// period of month (yyyyMM): prepayment used, service overage, charges
// billed separately and Marketplace charges.
func (l *Live) Balance(ctx context.Context, account string, month model.Period) (model.Balance, error) {
	const op = "read enrollment balance"
	out := model.Balance{Period: month}
	c, err := armconsumption.NewBalancesClient(l.cred, l.arm)
	if err != nil {
		return out, wrap(op, err)
	}
	cctx, cancel := l.call(ctx)
	defer cancel()
	resp, err := c.GetForBillingPeriodByBillingAccount(cctx, account, month.Start.UTC().Format("200601"), nil)
	if err != nil {
		return out, wrap(op, ctxErr(ctx, err))
	}
	p := resp.Properties
	if p == nil {
		return out, &Error{Op: op, Message: "the balance has no properties"}
	}
	var cur string
	if p.Currency != nil {
		cur = *p.Currency
	}
	m := func(v ...*float64) model.Money {
		var sum float64
		known := false
		for _, x := range v {
			if x != nil {
				sum += *x
				known = true
			}
		}
		return model.Money{Amount: sum, Currency: cur, Known: known}
	}
	out.Utilized = m(p.Utilized)
	out.Overage = m(p.ServiceOverage)
	out.Separate = m(p.ChargesBilledSeparately, p.AzureMarketplaceServiceCharges)
	return out, nil
}
