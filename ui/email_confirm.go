package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// confirmKey answers the old → new dialog: y sends the change (not enter,
// which opened the dialog: a double tap must not send unseen)
// once (the mode leaves confirm before the request starts, so a second
// press lands in modeSaving and is ignored); n or esc sends nothing and
// keeps the edit.
func (s *emailScreen) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "y", "Y":
		return s.save()
	case "n", "N", "esc":
		s.mode = modeView
		s.note = emailNote{lines: []string{i18n.T("email.confirm.canceled")}}
	}
	return nil
}

// confirmView is the dialog: the preference and the recipients, before and
// after, and — when turning email on — what opting in means.
func (s *emailScreen) confirmView(width int) string {
	st := s.c.st
	inner := max(20, min(width, 100)-4)
	on := s.draftOn
	lines := []string{
		st.PanelTitle.Render(i18n.T("email.confirm.title", map[string]any{"Profile": s.profileTitle()})),
		"",
		i18n.T("email.field.optin") + "  " + st.Dim.Render(emailText(s.prof.Email)) + " → " +
			st.Bold.Render(emailText(model.EmailPreference{OptIn: &on})),
		i18n.T("email.field.recipients") + "  " + st.Dim.Render(recipientsText(s.prof.Email.Recipients)) + " → " +
			st.Bold.Render(recipientsText(s.draft)),
	}
	added, removed := diffAddresses(s.prof.Email.Recipients, s.draft)
	for _, a := range added {
		lines = append(lines, st.Good.Render("  + "+model.Clean(a)))
	}
	for _, r := range removed {
		lines = append(lines, st.Bad.Render("  − "+model.Clean(r)))
	}
	if on && !s.prof.Email.Enabled() {
		lines = append(lines, "", st.Bold.Render(i18n.T("email.terms.title")), wrap(i18n.T("email.terms.body"), inner))
	}
	lines = append(lines, "", st.Dim.Render(wrap(i18n.T("email.confirm.how"), inner)),
		st.Key.Render(i18n.T("email.confirm.keys")))
	return st.Panel.Width(min(width, 100)).Render(strings.Join(lines, "\n"))
}

func recipientsText(list []string) string {
	if len(list) == 0 {
		return i18n.T("email.recipients.none")
	}
	return i18n.T("email.recipients.count", map[string]any{"Count": len(list)})
}

// profileTitle names the billing profile the change is made to: from a
// subscription, that is its profile, and the change reaches every
// subscription billed there.
func (s *emailScreen) profileTitle() string {
	if t := model.Clean(s.prof.Title()); t != model.None {
		return t
	}
	return s.t.title
}
