package ui

import (
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// infoItems explains a scope whose invoices have no email preference in the
// API: where to turn it on instead (MOSP), or why it does not exist and
// what to use. Each block that has a doc or portal page opens it on enter.
func (s *emailScreen) infoItems() []pagerItem {
	st := s.c.st
	head := func(id string) pagerItem {
		return pagerItem{plain: true, lines: []string{st.PanelTitle.Render(i18n.T(id + ".title")), i18n.T(id + ".body"), ""}}
	}
	link := func(id model.LinkID) pagerItem {
		l, ok := model.LinkByID(id)
		if !ok {
			return pagerItem{plain: true}
		}
		return pagerItem{lines: []string{"→ " + hyperlink(l.Opens(), i18n.T(l.TitleID))}, link: id}
	}
	var items []pagerItem
	switch s.kind {
	case emailMOSP:
		items = append(items, head("email.mosp"))
		items = append(items, s.mospSteps()...)
		items = append(items, pagerItem{plain: true, lines: []string{""}}, s.notifyItem(),
			pagerItem{plain: true, lines: []string{""}}, link(model.LinkEmailBlog))
	case emailEA:
		items = append(items, head("email.ea"), link(model.LinkEAInvoice), link(model.LinkPortalCostBilling), link(model.LinkEARoles))
	case emailGov:
		items = append(items, head("email.gov"), link(model.LinkInvoiceUsageData))
	case emailPartner:
		items = append(items, head("email.partner"), link(model.LinkCSPInvoice))
	case emailSupport:
		items = append(items, head("email.support"), link(model.LinkInvoiceUsageData))
	case emailPickProfile:
		items = append(items, head("email.pick"))
		items = append(items, s.profileSummary()...)
		items = append(items, pagerItem{plain: true, lines: []string{""}}, link(model.LinkRecEmailInbox))
	default:
		items = append(items, head("email.unknown"), link(model.LinkRecEmailInbox))
	}
	if s.infoErr != nil {
		items = append(items, pagerItem{plain: true, lines: []string{"", st.Dim.Render(i18n.T("email.info.partial", map[string]any{"Why": describe(s.infoErr).Why}))}})
	}
	return items
}

// mospSteps are the seed's portal steps for MOSP email invoices, taken
// from the portal guide so the two never disagree.
func (s *emailScreen) mospSteps() []pagerItem {
	var out []pagerItem
	for _, sec := range model.Guide(model.AgreementMOSP) {
		if sec.TitleID != "guide.mosp.email.title" {
			continue
		}
		for i, stp := range sec.Steps {
			line := i18n.T("email.mosp.step", map[string]any{"N": i + 1, "Text": i18n.T(stp.TextID)})
			out = append(out, pagerItem{lines: []string{line}, link: stp.Link, plain: stp.Link == ""})
		}
	}
	return out
}

// notifyItem is the one email the API does expose for MOSP: the account
// administrator's notification address.
func (s *emailScreen) notifyItem() pagerItem {
	st := s.c.st
	if s.notify == "" {
		return pagerItem{plain: true, lines: []string{st.Dim.Render(i18n.T("email.mosp.notify.none"))}}
	}
	return pagerItem{plain: true, lines: []string{i18n.T("email.mosp.notify") + " " + st.Bold.Render(s.notify),
		st.Dim.Render(i18n.T("email.mosp.notify.hint"))}}
}

// profileSummary lists each billing profile of an account with its state.
func (s *emailScreen) profileSummary() []pagerItem {
	var out []pagerItem
	for _, p := range s.profiles {
		line := "  " + model.Clean(p.Title()) + ": " + emailText(p.Email)
		if n := len(p.Email.Recipients); n > 0 {
			line += " · " + recipientsText(p.Email.Recipients)
		}
		out = append(out, pagerItem{plain: true, lines: []string{line}})
	}
	return out
}
