package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// maxRoleLines bounds the role holders listed; the rest are counted.
const maxRoleLines = 6

// receivingRoles are the profile roles whose holders get the invoice email:
// owners, contributors and invoice managers, not readers (SrcMCAEmailWho;
// the 2021 article also named readers).
var receivingRoles = []model.Role{model.RoleOwner, model.RoleContributor, model.RoleInvoiceManager}

func (s *emailScreen) View(width, height int) string {
	switch {
	case s.loading && s.mode != modeSaving:
		return loadingView(s.c, "email.what", s.started)
	case s.err != nil:
		return errorView(s.c, "email.what", s.err, width)
	case s.canceled && !s.loaded:
		return s.c.st.Warn.Render(i18n.T("state.canceled")) + "\n" + s.c.st.Dim.Render(i18n.T("state.canceled.hint"))
	case !s.loaded:
		return ""
	case s.kind != emailProfile:
		return s.pg.view(width, height)
	case s.mode == modeConfirm:
		return s.confirmView(width)
	}
	return s.profileView(width)
}

func (s *emailScreen) profileView(width int) string {
	st := s.c.st
	lines := []string{
		st.PanelTitle.Render(i18n.T("email.title")),
		i18n.T("email.field.optin") + "  " + stateStyle(s.c, s.prof.Email).Render(emailText(s.prof.Email)),
		s.permissionLine(),
	}
	if s.mode == modeSaving {
		lines = append(lines, s.c.spin+" "+i18n.T("email.saving")+s.elapsed())
	}
	for i, l := range s.note.lines {
		style := st.Info
		if s.note.bad {
			style = st.Bad
			if i > 0 {
				style = st.Warn
			}
		}
		lines = append(lines, style.Render(wrap(l, width)))
	}
	if s.dirty() && s.mode != modeSaving {
		on := s.draftOn
		added, removed := diffAddresses(s.prof.Email.Recipients, s.draft)
		lines = append(lines, st.Warn.Render(wrap(i18n.T("email.pending", map[string]any{
			"State": emailText(model.EmailPreference{OptIn: &on}), "Added": len(added), "Removed": len(removed)}), width)))
	}
	lines = append(lines, "", st.Bold.Render(i18n.T("email.recipients.title")))
	lines = append(lines, s.recipientLines(width)...)
	if s.mode == modeAdding {
		lines = append(lines, "  "+s.input.View())
	}
	lines = append(lines, "", st.Bold.Render(wrap(i18n.T("email.roles.title"), width)))
	lines = append(lines, s.roleLines(width)...)
	if !s.canChange() && !s.c.cfg.ReadOnly {
		lines = append(lines, "", wrap(s.whoCan(), width))
		if l, ok := model.LinkByID(model.LinkBillingAccess); ok {
			lines = append(lines, st.Dim.Render(i18n.T("email.manage")+" ")+hyperlink(l.Opens(), i18n.T(l.TitleID)))
		}
	}
	return strings.Join(lines, "\n")
}

func stateStyle(c *common, e model.EmailPreference) lipgloss.Style {
	switch {
	case e.OptIn == nil:
		return c.st.Dim
	case *e.OptIn:
		return c.st.Good.Bold(true)
	}
	return c.st.Warn.Bold(true)
}

func (s *emailScreen) elapsed() string {
	secs := int(s.c.now().Sub(s.started).Seconds())
	if secs < 2 {
		return ""
	}
	return s.c.st.Dim.Render(" " + i18n.T("state.elapsed", map[string]any{"Seconds": secs}))
}

// permissionLine says whether the caller may change the preference, and
// on what grounds (check-access, read-only mode).
func (s *emailScreen) permissionLine() string {
	st := s.c.st
	role := roleName(s.access.Role)
	switch {
	case s.c.cfg.ReadOnly:
		return st.Dim.Render(i18n.T("email.readonly"))
	case s.accessErr != nil || s.access.Err != nil:
		return st.Warn.Render(i18n.T("email.perm.unknown"))
	case s.canChange() && s.access.Role == model.RoleUnknown:
		return st.Good.Render(i18n.T("email.perm.can"))
	case s.canChange():
		return st.Good.Render(i18n.T("email.perm.canrole", map[string]any{"Role": role}))
	case s.access.Role == model.RoleReader:
		return st.Warn.Render(i18n.T("email.perm.reader"))
	case s.access.Role == model.RoleUnknown:
		return st.Warn.Render(i18n.T("email.perm.cannot"))
	}
	return st.Warn.Render(i18n.T("email.perm.cannotrole", map[string]any{"Role": role}))
}

// whoCan names who may change it: Owners and Contributors, from the role
// assignments when they could be read.
func (s *emailScreen) whoCan() string {
	var names []string
	for _, r := range s.roles {
		if r.Role.CanChangeEmail() && r.PrincipalName != "" {
			names = append(names, model.Clean(r.PrincipalName))
		}
	}
	out := i18n.T("email.whocan")
	if len(names) > 0 {
		out += " " + i18n.T("email.whocan.names", map[string]any{"Names": i18n.Join(names)})
	}
	return out + " " + i18n.T("email.whocan.invoicemanager")
}

func (s *emailScreen) recipientLines(width int) []string {
	st := s.c.st
	if len(s.draft) == 0 {
		return []string{st.Dim.Render("  " + i18n.T("email.recipients.empty"))}
	}
	edit := s.canChange()
	var out []string
	for i, r := range s.draft {
		prefix := "  "
		if edit && i == s.cursor {
			prefix = st.Key.Render("▸ ")
		}
		line := prefix + model.Clean(r)
		if added, _ := diffAddresses(s.prof.Email.Recipients, []string{r}); len(added) > 0 {
			line += " " + st.Good.Render(i18n.T("email.recipients.new"))
		}
		out = append(out, truncate(line, width))
	}
	_, removed := diffAddresses(s.prof.Email.Recipients, s.draft)
	for _, r := range removed {
		out = append(out, truncate("  "+st.Dim.Render(model.Clean(r)+" "+i18n.T("email.recipients.removed")), width))
	}
	return out
}

// roleLines lists the profile's role holders who get the email.
func (s *emailScreen) roleLines(width int) []string {
	st := s.c.st
	if s.rolesErr != nil {
		return []string{st.Dim.Render(wrap("  "+i18n.T("email.roles.unreadable", map[string]any{"Why": describe(s.rolesErr).Why}), width))}
	}
	var out []string
	extra := 0
	for _, role := range receivingRoles {
		for _, r := range s.roles {
			if r.Role != role {
				continue
			}
			if len(out) >= maxRoleLines {
				extra++
				continue
			}
			out = append(out, truncate(fmt.Sprintf("  %-16s %s", roleName(role), model.OrNone(model.Clean(r.PrincipalName))), width))
		}
	}
	if len(out) == 0 {
		return []string{st.Dim.Render("  " + i18n.T("email.roles.none"))}
	}
	if extra > 0 {
		out = append(out, st.Dim.Render("  "+i18n.T("email.roles.more", map[string]any{"Count": extra})))
	}
	return out
}

func roleName(r model.Role) string {
	switch r {
	case model.RoleOwner, model.RoleContributor, model.RoleReader, model.RoleInvoiceManager, model.RoleNone:
		return i18n.T("email.role." + string(r))
	case model.RoleUnknown:
		return model.None
	}
	return model.Clean(string(r))
}

// Bindings lists only keys that work now: no change keys for a caller
// check-access refused, in read-only mode, or while a change is in flight.
func (s *emailScreen) Bindings() []key.Binding {
	k := s.c.keys
	b := func(keys []string, help, id string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, i18n.T(id)))
	}
	switch s.mode {
	case modeSaving:
		return []key.Binding{b([]string{"esc"}, "esc", "email.key.stopwait")}
	case modeConfirm:
		return []key.Binding{b([]string{"y", "enter"}, "y", "email.key.confirm"), b([]string{"n", "esc"}, "n/esc", "email.key.keep")}
	case modeAdding:
		return []key.Binding{b([]string{"enter"}, "enter", "email.key.addit"), b([]string{"esc"}, "esc", "email.key.canceladd")}
	}
	if s.kind != emailProfile {
		return append(s.pg.bindings(), k.Refresh)
	}
	var out []key.Binding
	if s.canChange() && !s.loading {
		out = append(out, b([]string{"t", "space"}, "t/space", "email.key.toggle"), b([]string{"a"}, "a", "email.key.add"))
		if len(s.draft) > 0 {
			out = append(out, k.Up, k.Down, b([]string{"x", "delete"}, "x", "email.key.remove"))
		}
		if s.dirty() {
			out = append(out, b([]string{"enter"}, "enter", "email.key.review"))
		}
	}
	if s.loaded && s.kind == emailProfile {
		out = append(out, bindingWith(k.Open, "email.key.access"))
	}
	return append(out, k.Refresh)
}
