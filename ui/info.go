package ui

import (
	"strings"

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

// infoScreen shows every ID of one thing in full, so it can be read and
// copied: invoice name, subscription GUID, account and profile IDs, portal
// link. Long IDs are broken only where they have a separator, never
// cut with an ellipsis.
type infoView struct {
	c      *common
	id     int
	crumbs []string
	rows   []infoRow
	cursor int
	offset int
}

func infoScreen(c *common, _ []string, rows []infoRow) screen {
	return &infoView{c: c, id: c.newID(), crumbs: []string{i18n.Ref("crumb.info")}, rows: rows}
}

func (v *infoView) Init() tea.Cmd    { return nil }
func (v *infoView) ID() int          { return v.id }
func (v *infoView) Busy() bool       { return false }
func (v *infoView) Cancel()          {}
func (v *infoView) Capturing() bool  { return false }
func (v *infoView) Crumbs() []string { return v.crumbs }

func (v *infoView) copyText() string {
	if v.cursor < len(v.rows) {
		return v.rows[v.cursor].value
	}
	return ""
}

func (v *infoView) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, v.c.keys.Up):
		v.cursor = max(0, v.cursor-1)
	case key.Matches(k, v.c.keys.Down):
		v.cursor = min(len(v.rows)-1, v.cursor+1)
	case key.Matches(k, v.c.keys.Enter), key.Matches(k, v.c.keys.Open):
		if t := v.copyText(); model.Allowed(t) == nil {
			return openLink(t)
		}
	}
	return nil
}

func (v *infoView) Bindings() []key.Binding {
	b := []key.Binding{v.c.keys.Up, v.c.keys.Down, bindingWith(v.c.keys.Copy, "key.copyvalue")}
	if model.Allowed(v.copyText()) == nil {
		b = append(b, v.c.keys.Open)
	}
	return b
}

func (v *infoView) View(width, height int) string {
	st := v.c.st
	var lines []string
	start := 0
	for i, r := range v.rows {
		if i == v.cursor {
			start = len(lines)
		}
		marker := "  "
		if i == v.cursor {
			marker = st.Key.Render("▸ ")
		}
		lines = append(lines, marker+st.Dim.Render(i18n.T(r.labelID)))
		for _, l := range breakID(model.Clean(r.value), max(10, width-4)) {
			if i == v.cursor {
				l = st.Bold.Render(l)
			}
			lines = append(lines, "    "+l)
		}
	}
	if start < v.offset {
		v.offset = start
	}
	if start >= v.offset+height-2 {
		v.offset = start - height + 3
	}
	v.offset = max(0, min(v.offset, len(lines)-height))
	return strings.Join(lines[v.offset:min(len(lines), v.offset+height)], "\n")
}

// breakID cuts an ID into lines of at most width cells, after a "/", ":",
// "_" or "-" where one falls in the line, so a GUID stays whole wherever
// it can.
func breakID(s string, width int) []string {
	var out []string
	r := []rune(s)
	for len(r) > width {
		cut := width
		for i := width; i > width/2; i-- {
			if c := r[i-1]; c == '/' || c == ':' || c == '_' {
				cut = i
				break
			}
		}
		out = append(out, string(r[:cut]))
		r = r[cut:]
	}
	return append(out, string(r))
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
