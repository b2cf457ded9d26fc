package ui

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// profilesScreen lists an MCA/MPA account's billing profiles.
func profilesScreen(c *common, a model.Account) screen {
	title := model.Clean(a.Title())
	return newList(c, listSpec[model.Profile]{
		crumbs: []string{title, i18n.Ref("crumb.profiles")},
		cols: []column{
			{TitleID: "col.profile", Flex: true},
			{TitleID: "col.currency", Width: 8},
			{TitleID: "col.emailinvoice", Width: 14, Drop: 76},
			{TitleID: "col.status", Width: 9, Drop: 90},
			{TitleID: "col.profilename", Width: 20, Drop: 120},
		},
		load: func(ctx context.Context) ([]model.Profile, error) { return c.cfg.Billing.Profiles(ctx, a.Name) },
		row: func(p model.Profile) []string {
			return []string{model.Clean(p.Title()), model.OrNone(model.Clean(p.Currency)), emailText(p.Email),
				i18n.Value("status", p.Status), model.Clean(p.Name)}
		},
		enter: func(p model.Profile) tea.Cmd {
			return push(invoicesScreen(c, profileScope(a, p), []string{model.Clean(p.Title()), i18n.Ref("crumb.invoices")}))
		},
		keys: func(msg tea.KeyPressMsg, p *model.Profile) (tea.Cmd, bool) {
			if p == nil {
				return nil, false
			}
			prof := *p
			switch {
			case key.Matches(msg, c.keys.Why):
				return push(whyScreen(c, model.Clean(p.Title()), client.FactsRequest{Scope: profileScope(a, prof), Account: &a})), true
			case key.Matches(msg, c.keys.Subs):
				return push(billingSubsScreen(c, profileScope(a, prof), []string{model.Clean(p.Title()), i18n.Ref("crumb.subscriptions")})), true
			case key.Matches(msg, c.keys.Email):
				return push(emailForProfile(c, a, prof)), true
			case key.Matches(msg, c.keys.Open):
				return openLink(portalURL(profileScope(a, prof))), true
			}
			return nil, false
		},
		bindings: func(p *model.Profile) []key.Binding {
			return whenItem(p, c.keys.Subs, c.keys.Why, c.keys.Email, c.keys.Open)
		},
		emptyID: "profiles.empty", hintID: "profiles.empty.hint", whatID: "what.profiles",
		sortKey: "profiles",
		copy:    func(p model.Profile) string { return p.Name },
		info:    func(p model.Profile) []infoRow { return profileInfo(a, p) },
	})
}

func emailText(e model.EmailPreference) string {
	switch {
	case e.OptIn == nil:
		return model.None
	case *e.OptIn:
		return i18n.T("email.on")
	default:
		return i18n.T("email.off")
	}
}

// billingSubsScreen lists the subscriptions billed to an account or profile.
func billingSubsScreen(c *common, sc model.Scope, crumbs []string) screen {
	return newList(c, listSpec[model.Subscription]{
		crumbs: crumbs,
		cols: []column{
			{TitleID: "col.subscription", Flex: true},
			{TitleID: "col.offer", Width: 13, Drop: 76},
			{TitleID: "col.billingtype", Width: 8, Drop: 90},
			{TitleID: "col.state", Width: 8},
			{TitleID: "col.subscriptionid", Width: 36, Drop: 120},
		},
		load: func(ctx context.Context) ([]model.Subscription, error) {
			return c.cfg.Billing.BillingSubscriptions(ctx, sc)
		},
		row: func(s model.Subscription) []string {
			return []string{model.Clean(s.Title()), offerText(s), i18n.Value("billing", string(s.BillingType)),
				i18n.Value("state", s.State), model.Clean(s.SubscriptionID)}
		},
		enter:   func(s model.Subscription) tea.Cmd { return subscriptionInvoices(c, withParent(s, sc)) },
		emptyID: "bsubs.empty", hintID: "bsubs.empty.hint", whatID: "what.subscriptions",
		sortKey: "billingsubs", legend: []string{"legend.billingtype"},
		copy:     func(s model.Subscription) string { return s.SubscriptionID },
		info:     func(s model.Subscription) []infoRow { return subscriptionInfo(withParent(s, sc)) },
		keys:     withOpen(c, subKeys(c, sc)),
		bindings: func(s *model.Subscription) []key.Binding { return whenItem(s, c.keys.Why, c.keys.Email, c.keys.Open) },
	})
}

func profileScope(a model.Account, p model.Profile) model.Scope {
	return model.Scope{Kind: model.ScopeProfile, Agreement: a.Agreement, AccountName: a.Name, ProfileName: p.Name}
}
