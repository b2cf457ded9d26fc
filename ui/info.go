package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// infoRow is one fact of the i view: a label and the raw value (an ID, a
// link), which y copies whole.
type infoRow struct {
	labelID string
	value   string
}

// infoSource is a screen that can list the IDs of what is under its cursor.
type infoSource interface{ info() []infoRow }

// infoScreen shows every ID of one thing, so it can be read and copied:
// invoice name, subscription GUID, account and profile IDs, portal link.
func infoScreen(c *common, crumbs []string, rows []infoRow) screen {
	s := newList(c, listSpec[infoRow]{
		crumbs: append(append([]string{}, crumbs...), i18n.T("crumb.info")),
		cols: []column{
			{TitleID: "col.field", Width: 18},
			{TitleID: "col.value", Flex: true},
		},
		row:     func(r infoRow) []string { return []string{i18n.T(r.labelID), model.Clean(r.value)} },
		copy:    func(r infoRow) string { return r.value },
		emptyID: "info.empty", whatID: "what.info",
		enter: func(r infoRow) tea.Cmd {
			if model.Allowed(r.value) == nil {
				return openLink(r.value)
			}
			return nil
		},
	})
	s.spec.bindings = func(*infoRow) []key.Binding { return nil }
	s.SetItems(rows)
	return s
}

// info rows of the things the lists hold.

func accountInfo(a model.Account) []infoRow {
	return nonEmpty([]infoRow{
		{"info.name", a.Title()},
		{"info.accountid", a.Name},
		{"info.agreement", string(a.Agreement)},
		{"info.portal", portalURL(accountScope(a))},
	})
}

func subscriptionInfo(s model.Subscription) []infoRow {
	return nonEmpty([]infoRow{
		{"info.name", s.Title()},
		{"info.subscriptionid", s.SubscriptionID},
		{"info.tenant", s.TenantID},
		{"info.billingtenant", s.BillingTenantID},
		{"info.accountid", s.AccountName},
		{"info.profileid", s.ProfileName},
		{"info.offer", s.OfferID},
		{"info.portal", subscriptionPortalURL(s)},
	})
}

func profileInfo(a model.Account, p model.Profile) []infoRow {
	return nonEmpty([]infoRow{
		{"info.name", p.Title()},
		{"info.profileid", p.Name},
		{"info.accountid", a.Name},
		{"info.portal", portalURL(profileScope(a, p))},
	})
}

func invoiceInfo(sc model.Scope, in model.Invoice) []infoRow {
	return nonEmpty([]infoRow{
		{"info.invoiceid", in.Name},
		{"info.resourceid", in.ID},
		{"info.accountid", sc.AccountName},
		{"info.profileid", firstNonEmpty(sc.ProfileName, in.ProfileID)},
		{"info.subscriptionid", firstNonEmpty(sc.SubscriptionID, in.SubscriptionID)},
		{"info.portal", invoicePortalURL(sc, in)},
	})
}

func nonEmpty(rows []infoRow) []infoRow {
	out := rows[:0]
	for _, r := range rows {
		if r.value != "" {
			out = append(out, r)
		}
	}
	return out
}
