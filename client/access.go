package client

import (
	"context"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"

	"github.com/azinvoice/azinvoice/model"
)

// The billing actions whose answers fill model.Access.
const (
	actProfileRead     = "Microsoft.Billing/billingAccounts/billingProfiles/read"
	actProfileWrite    = "Microsoft.Billing/billingAccounts/billingProfiles/write"
	actProfileInvoices = "Microsoft.Billing/billingAccounts/billingProfiles/invoices/read"
	actAccountRead     = "Microsoft.Billing/billingAccounts/read"
	actAccountInvoices = "Microsoft.Billing/billingAccounts/invoices/read"
)

// Access asks the billing permissions API what the caller may do on
// scope. A 403 on the check itself is reported in Access.Err (the caller
// then knows only that it may not ask); other failures are returned. Role
// comes from the caller's role assignments when those are readable.
func (l *Live) Access(ctx context.Context, scope model.Scope) (model.Access, error) {
	const op = "check access"
	if scope.AccountName == "" {
		return model.Access{}, &Error{Op: op, Message: "no billing account given"}
	}
	if err := checkScope(op, scope); err != nil {
		return model.Access{}, err
	}
	var decisions []*armbilling.CheckAccessResponse
	cctx, cancel := l.call(ctx)
	defer cancel()
	profile := scope.Kind == model.ScopeProfile && scope.ProfileName != ""
	if profile {
		req := armbilling.CheckAccessRequest{Actions: []*string{ptrTo(actProfileRead), ptrTo(actProfileWrite), ptrTo(actProfileInvoices)}}
		resp, err := l.perms.CheckAccessByBillingProfile(cctx, scope.AccountName, scope.ProfileName, req, nil)
		if err != nil {
			return accessErr(op, ctxErr(ctx, err))
		}
		decisions = resp.CheckAccessResponseArray
	} else {
		req := armbilling.CheckAccessRequest{Actions: []*string{ptrTo(actAccountRead), ptrTo(actAccountInvoices)}}
		resp, err := l.perms.CheckAccessByBillingAccount(cctx, scope.AccountName, req, nil)
		if err != nil {
			return accessErr(op, ctxErr(ctx, err))
		}
		decisions = resp.CheckAccessResponseArray
	}
	acc := accessFrom(decisions)
	acc.Role = l.callerRole(ctx, scope.AccountName, scope.ProfileName, profile)
	return acc, nil
}

func accessErr(op string, err error) (model.Access, error) {
	w := wrap(op, err)
	if IsForbidden(w) {
		return model.Access{Err: w}, nil
	}
	return model.Access{}, w
}

// accessFrom maps check-access decisions; an action the service did not
// answer stays false (not allowed as far as we know).
func accessFrom(decisions []*armbilling.CheckAccessResponse) model.Access {
	var a model.Access
	for _, d := range decisions {
		if d == nil || d.Action == nil || d.AccessDecision == nil {
			continue
		}
		ok := strings.EqualFold(string(*d.AccessDecision), string(armbilling.AccessDecisionAllowed))
		switch strings.ToLower(*d.Action) {
		case strings.ToLower(actProfileRead), strings.ToLower(actAccountRead):
			a.CanReadProfile = a.CanReadProfile || ok
		case strings.ToLower(actProfileWrite):
			a.CanWriteProfile = a.CanWriteProfile || ok
		case strings.ToLower(actProfileInvoices), strings.ToLower(actAccountInvoices):
			a.CanReadInvoices = a.CanReadInvoices || ok
		}
	}
	return a
}

// callerRole finds the caller's strongest role among the scope's role
// assignments; RoleUnknown when they cannot be read or the caller's
// identity cannot be told from the token.
func (l *Live) callerRole(ctx context.Context, account, profile string, byProfile bool) model.Role {
	oid, err := l.callerOID(ctx)
	if err != nil {
		l.log.Debug("caller identity unknown", "err", safeText(err.Error(), 200))
		return model.RoleUnknown
	}
	path := accountScopeID(account)
	if byProfile {
		path = profileScopeID(account, profile)
	}
	lr := listRequest{op: "list role assignments", path: path + "/billingRoleAssignments", query: apiQuery(apiBilling)}
	all, err := list(ctx, l, lr, func(ra *wRoleAssignment) *wRoleAssignment { return ra })
	if err != nil {
		return model.RoleUnknown
	}
	best := model.RoleNone
	for _, ra := range all {
		if ra.Properties == nil || !strings.EqualFold(ra.Properties.PrincipalID.S(), oid) {
			continue
		}
		if r := roleOf(ra.Properties.RoleDefinitionID.S()); rank(r) > rank(best) {
			best = r
		}
	}
	return best
}

// RoleAssignments lists a billing profile's role assignments.
func (l *Live) RoleAssignments(ctx context.Context, account, profile string) ([]RoleAssignment, error) {
	const op = "list role assignments"
	if account == "" || profile == "" {
		return nil, &Error{Op: op, Message: "no billing account or profile given"}
	}
	if err := checkIDs(op, account, profile); err != nil {
		return nil, err
	}
	lr := listRequest{op: op, path: profileScopeID(account, profile) + "/billingRoleAssignments", query: apiQuery(apiBilling)}
	all, err := list(ctx, l, lr, func(ra *wRoleAssignment) *wRoleAssignment { return ra })
	out := make([]RoleAssignment, 0, len(all))
	for _, ra := range all {
		if ra.Properties == nil {
			continue
		}
		pp := ra.Properties
		name := pp.UserEmailAddress.S()
		if name == "" {
			name = pp.PrincipalDisplayName.S()
		}
		out = append(out, RoleAssignment{Role: roleOf(pp.RoleDefinitionID.S()), PrincipalName: name, PrincipalType: pp.PrincipalType.S()})
	}
	return out, err
}

// MCA/MPA billing role definitions are well-known IDs: the prefix names the level
// (50… account, 40… profile, 30… invoice section) and the suffix the role.
var roleSuffixes = map[string]model.Role{
	"100000000000": model.RoleOwner,
	"100000000001": model.RoleContributor,
	"100000000002": model.RoleReader,
	"100000000006": model.RoleInvoiceManager,
}

func roleOf(definitionID string) model.Role {
	id := strings.ToLower(lastSegment(definitionID))
	if i := strings.LastIndexByte(id, '-'); i >= 0 && strings.Contains(id, "-aaaa-bbbb-cccc-") {
		if r, ok := roleSuffixes[id[i+1:]]; ok {
			return r
		}
	}
	// EA role IDs are not mapped (not verified); a definition named by its
	// role, as some tools write it, is still recognised.
	for _, r := range []model.Role{model.RoleOwner, model.RoleContributor, model.RoleReader, model.RoleInvoiceManager,
		model.RoleAccountAdmin, model.RoleEnterpriseAdmin, model.RoleEnterpriseReader, model.RoleDepartmentAdmin, model.RoleAccountOwner} {
		if strings.EqualFold(id, string(r)) {
			return r
		}
	}
	return model.RoleUnknown
}

// rank orders roles by what they allow, to pick the strongest one held.
func rank(r model.Role) int {
	switch r {
	case model.RoleOwner, model.RoleAccountAdmin, model.RoleEnterpriseAdmin:
		return 5
	case model.RoleContributor:
		return 4
	case model.RoleInvoiceManager, model.RoleDepartmentAdmin, model.RoleAccountOwner:
		return 3
	case model.RoleReader, model.RoleEnterpriseReader:
		return 2
	case model.RoleUnknown:
		return 1
	}
	return 0
}
