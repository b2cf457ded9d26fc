package ui

import (
	"context"
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// accountsList is the "Billing scopes" way in: every billing account.
func accountsList(c *common) *listScreen[model.Account] {
	return newList(c, listSpec[model.Account]{
		cols: []column{
			{TitleID: "col.account", Flex: true},
			{TitleID: "col.agreement", Width: 5},
			{TitleID: "col.accounttype", Width: 11, Drop: 90},
			{TitleID: "col.status", Width: 9, Drop: 70},
			{TitleID: "col.accountname", Width: 36, Drop: 120},
			{TitleID: "shapes.col.enrollment", Width: 23, Drop: 150},
		},
		load: func(ctx context.Context) ([]model.Account, error) { return c.cfg.Billing.Accounts(ctx) },
		row: func(a model.Account) []string {
			return []string{model.Clean(a.Title()), a.Agreement.Badge(), i18n.Value("accounttype", a.AccountType),
				i18n.Value("status", a.Status), model.Clean(a.Name), enrollmentTerm(a)}
		},
		tone: func(a model.Account, col int, cell string) (string, bool) {
			if col == 1 {
				return c.st.Badge.Render(cell), true
			}
			return "", false
		},
		enter:   func(a model.Account) tea.Cmd { return push(accountScreen(c, a)) },
		emptyID: "accounts.empty", hintID: "accounts.empty.hint", whatID: "what.accounts",
		sortKey: "accounts",
		copy:    func(a model.Account) string { return a.Name },
		info:    accountInfo,
		keys: func(msg tea.KeyPressMsg, a *model.Account) (tea.Cmd, bool) {
			if a == nil {
				return nil, false
			}
			switch {
			case key.Matches(msg, c.keys.Subs):
				return push(billingSubsScreen(c, accountScope(*a), []string{model.Clean(a.Title()), i18n.Ref("crumb.subscriptions")})), true
			case key.Matches(msg, c.keys.Why):
				acct := *a
				return push(whyScreen(c, model.Clean(a.Title()), client.FactsRequest{Scope: accountScope(acct), Account: &acct})), true
			case key.Matches(msg, c.keys.Email):
				return push(emailForAccount(c, *a)), true
			case key.Matches(msg, c.keys.Open):
				return openLink(portalURL(accountScope(*a))), true
			}
			return nil, false
		},
		bindings: func(a *model.Account) []key.Binding {
			if a == nil {
				return nil
			}
			return []key.Binding{c.keys.Subs, c.keys.Why, c.keys.Email, c.keys.Open}
		},
	})
}

// enrollmentTerm is an EA enrollment's start and end dates, as Azure
// sends them (in whatever form: the client has read them), or "—".
func enrollmentTerm(a model.Account) string {
	e := a.Enrollment
	if e == nil || (e.StartDate == "" && e.EndDate == "") {
		return model.None
	}
	return model.OrNone(e.StartDate) + " → " + model.OrNone(e.EndDate)
}

func accountScope(a model.Account) model.Scope {
	return model.Scope{Kind: model.ScopeAccount, Agreement: a.Agreement, AccountName: a.Name}
}

// accountScreen is where enter on an account leads, as in the portal: an
// MCA/MPA account shows its billing profiles, an EA enrollment its invoices,
// a MOSP account its subscriptions (whose invoices hang off each one).
func accountScreen(c *common, a model.Account) screen {
	title := model.Clean(a.Title())
	switch {
	case a.Agreement.HasProfiles():
		return profilesScreen(c, a)
	case a.Agreement == model.AgreementEA:
		return invoicesScreen(c, accountScope(a), []string{title, i18n.Ref("crumb.invoices")})
	default:
		return billingSubsScreen(c, accountScope(a), []string{title, i18n.Ref("crumb.subscriptions")})
	}
}

// azureSubsList is the "Subscriptions" way in: every subscription the
// identity can see, with the agreement its billing property names. This is
// where a CSP customer's subscription shows up.
func azureSubsList(c *common) *listScreen[model.Subscription] {
	return newList(c, listSpec[model.Subscription]{
		cols: []column{
			{TitleID: "col.subscription", Flex: true},
			{TitleID: "col.agreement", Width: 5},
			{TitleID: "col.offer", Width: 13, Drop: 84},
			{TitleID: "col.billingtype", Width: 8, Drop: 96},
			{TitleID: "col.state", Width: 8, Drop: 70},
			{TitleID: "col.subscriptionid", Width: 36, Drop: 120},
		},
		load:    func(ctx context.Context) ([]model.Subscription, error) { return c.cfg.Billing.Subscriptions(ctx) },
		stream:  subsStream(c),
		filling: subsFilling,
		row: func(s model.Subscription) []string {
			agr := s.Agreement.Badge()
			switch {
			case errors.Is(s.PropertyErr, client.ErrPending):
				agr = "…"
			case s.PropertyErr != nil:
				agr = "?"
			}
			return []string{model.Clean(s.Title()), agr, offerText(s), i18n.Value("billing", string(s.BillingType)),
				i18n.Value("state", s.State), model.Clean(s.SubscriptionID)}
		},
		tone: func(s model.Subscription, col int, cell string) (string, bool) {
			if col == 1 {
				return c.st.Badge.Render(cell), true
			}
			return "", false
		},
		enter:   func(s model.Subscription) tea.Cmd { return subscriptionInvoices(c, s) },
		emptyID: "subs.empty", hintID: "subs.empty.hint", whatID: "what.subscriptions",
		sortKey: "subscriptions", legend: []string{"legend.billingtype"},
		copy:     func(s model.Subscription) string { return s.SubscriptionID },
		info:     subscriptionInfo,
		keys:     withOpen(c, subKeys(c, model.Scope{})),
		bindings: func(s *model.Subscription) []key.Binding { return whenItem(s, c.keys.Why, c.keys.Email, c.keys.Open) },
	})
}

func offerText(s model.Subscription) string {
	return i18n.T("offer." + offerKey(s.Offer()))
}

func offerKey(o model.Offer) string {
	switch o {
	case model.OfferPayAsYouGo:
		return "payg"
	case model.OfferFreeTrial:
		return "freetrial"
	case model.OfferVisualStudio:
		return "vs"
	case model.OfferAzureInOpen:
		return "open"
	case model.OfferCSP:
		return "csp"
	case model.OfferEnterprise:
		return "ea"
	case model.OfferSponsorship:
		return "sponsor"
	case model.OfferStudents:
		return "students"
	case model.OfferAzurePass:
		return "pass"
	case model.OfferDevTest:
		return "devtest"
	case model.OfferSupport:
		return "support"
	case model.OfferAzurePlan:
		return "plan"
	}
	return "unknown"
}

// subscriptionInvoices opens the invoices that cover a subscription, or says
// plainly why Microsoft shows it none.
func subscriptionInvoices(c *common, s model.Subscription) tea.Cmd {
	title := model.Clean(s.Title())
	switch {
	case errors.Is(s.PropertyErr, client.ErrPending):
		return nil // its billing details are still on their way
	case s.PropertyErr != nil:
		return push(noticeScreen(c, []string{title}, "notice.noproperty", s.PropertyErr).withWhy(subWhy(c, s)))
	case otherTenant(c, s):
		// Its invoices are in another directory: say so instead of asking
		// Azure for a scope this sign-in cannot reach.
		return push(noticeScreen(c, []string{title}, "notice.othertenant", nil).withWhy(subWhy(c, s)))
	case s.Relationship == model.RelationshipCSPCustomer || s.Agreement == model.AgreementMPA || s.Offer() == model.OfferCSP:
		return push(noticeScreen(c, []string{title}, "notice.csp", nil).withWhy(subWhy(c, s)))
	case s.Agreement.InvoiceScope() == model.ScopeNone:
		return push(noticeScreen(c, []string{title}, "notice.unknownagreement", nil).withWhy(subWhy(c, s)))
	}
	return push(invoicesScreen(c, s.BillingScope(), []string{title, i18n.Ref("crumb.invoices")}))
}

// otherTenant reports whether the subscription is billed in a directory
// other than the one signed in to.
func otherTenant(c *common, s model.Subscription) bool {
	return s.BillingTenantID != "" && c.cfg.TenantID != "" && !strings.EqualFold(s.BillingTenantID, c.cfg.TenantID)
}

// withOpen adds o (the subscription's portal blade) to a subscription list's keys.
func withOpen(c *common, keys func(tea.KeyPressMsg, *model.Subscription) (tea.Cmd, bool)) func(tea.KeyPressMsg, *model.Subscription) (tea.Cmd, bool) {
	return func(msg tea.KeyPressMsg, s *model.Subscription) (tea.Cmd, bool) {
		if s != nil && key.Matches(msg, c.keys.Open) {
			return openLink(subscriptionPortalURL(*s)), true
		}
		return keys(msg, s)
	}
}

// subWhy opens the diagnosis for one subscription.
func subWhy(c *common, s model.Subscription) tea.Cmd {
	return push(whyScreen(c, model.Clean(s.Title()), client.FactsRequest{Scope: s.BillingScope(), Subscription: &s}))
}

// subWhyKey is the w key of a subscription list; parent fills what the
// row leaves out (the account or profile the list belongs to).
func subWhyKey(c *common, parent model.Scope) func(tea.KeyPressMsg, *model.Subscription) (tea.Cmd, bool) {
	return func(msg tea.KeyPressMsg, s *model.Subscription) (tea.Cmd, bool) {
		if s == nil || !key.Matches(msg, c.keys.Why) {
			return nil, false
		}
		return subWhy(c, withParent(*s, parent)), true
	}
}

// withParent fills a billing subscription's agreement, account and profile
// from the scope it was listed under, where the API left them out.
func withParent(s model.Subscription, parent model.Scope) model.Subscription {
	if s.Agreement == model.AgreementUnknown {
		s.Agreement = parent.Agreement
	}
	if s.AccountName == "" {
		s.AccountName = parent.AccountName
	}
	if s.ProfileName == "" {
		s.ProfileName = parent.ProfileName
	}
	return s
}

// whenItem returns bindings only when there is a row for them to act on.
func whenItem[T any](item *T, b ...key.Binding) []key.Binding {
	if item == nil {
		return nil
	}
	return b
}

// subsStream fills the Subscriptions tab in as answers arrive, when the
// client can report them (Live can); nil otherwise.
func subsStream(c *common) func(ctx context.Context, emit func([]model.Subscription)) ([]model.Subscription, error) {
	st, ok := c.cfg.Billing.(client.SubscriptionStreamer)
	if !ok {
		return nil
	}
	return st.SubscriptionsProgress
}

// subsFilling says how many rows have their billing details.
func subsFilling(items []model.Subscription) string {
	done := 0
	for _, s := range items {
		if !errors.Is(s.PropertyErr, client.ErrPending) {
			done++
		}
	}
	return i18n.T("subs.filling", map[string]any{"Done": done, "Total": len(items)})
}
