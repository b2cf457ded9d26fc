package ui

import (
	"net/mail"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// maxRecipients matches the client's own bound (Azure documents no limit).
const maxRecipients = 100

// addKey runs the text input: enter checks the address and adds it to the
// edit (nothing is sent until the change is confirmed), esc gives up.
func (s *emailScreen) addKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		s.mode = modeView
		s.input.Blur()
		return nil
	case "enter":
		addr := strings.TrimSpace(s.input.Value())
		if id := checkAddress(addr, s.draft); id != "" {
			s.note = emailNote{lines: []string{i18n.T(id, map[string]any{"Address": model.Clean(truncateRunes(addr, 80)), "Max": maxRecipients})}, bad: true}
			return nil
		}
		s.draft = append(s.draft, addr)
		s.cursor = len(s.draft) - 1
		s.mode = modeView
		s.input.Blur()
		s.note = emailNote{lines: []string{i18n.T("email.add.done", map[string]any{"Address": addr})}}
		return nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

// checkAddress returns the message ID of what is wrong with addr, or "".
// It takes only a bare address (no display name, no list), as the API does.
func checkAddress(addr string, have []string) string {
	switch {
	case addr == "":
		return "email.invalid.empty"
	case len(addr) > 254 || model.Clean(addr) != addr || strings.ContainsAny(addr, " ,;<>\"()[]\\"):
		return "email.invalid.address"
	}
	parsed, err := mail.ParseAddress(addr)
	if err != nil || parsed.Name != "" || parsed.Address != addr {
		return "email.invalid.address"
	}
	at := strings.LastIndexByte(addr, '@')
	if at < 1 || !strings.Contains(addr[at+1:], ".") || strings.HasSuffix(addr, ".") {
		return "email.invalid.address"
	}
	if slices.ContainsFunc(have, func(h string) bool { return strings.EqualFold(h, addr) }) {
		return "email.invalid.duplicate"
	}
	if len(have) >= maxRecipients {
		return "email.invalid.toomany"
	}
	return ""
}

// removeCurrent takes the recipient under the cursor out of the edit.
func (s *emailScreen) removeCurrent() {
	if s.cursor < 0 || s.cursor >= len(s.draft) {
		return
	}
	gone := s.draft[s.cursor]
	s.draft = slices.Delete(slices.Clone(s.draft), s.cursor, s.cursor+1)
	s.cursor = max(0, min(s.cursor, len(s.draft)-1))
	s.note = emailNote{lines: []string{i18n.T("email.remove.done", map[string]any{"Address": model.Clean(gone)})}}
}

// sameAddresses compares recipient lists as sets, ignoring case, as Azure does.
func sameAddresses(a, b []string) bool {
	added, removed := diffAddresses(a, b)
	return len(added) == 0 && len(removed) == 0
}

// diffAddresses lists what is in to but not from, and what is in from but not to.
func diffAddresses(from, to []string) (added, removed []string) {
	has := func(list []string, x string) bool {
		return slices.ContainsFunc(list, func(y string) bool { return strings.EqualFold(x, y) })
	}
	for _, x := range to {
		if !has(from, x) {
			added = append(added, x)
		}
	}
	for _, x := range from {
		if !has(to, x) {
			removed = append(removed, x)
		}
	}
	return added, removed
}
