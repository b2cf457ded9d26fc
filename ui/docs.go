package ui

import (
	"net/url"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// docsScreen lists every doc link: the seed article's and the portal's.
func docsScreen(c *common) screen {
	s := newList(c, listSpec[model.Link]{
		crumbs: []string{i18n.Ref("crumb.docs")},
		cols: []column{
			{TitleID: "col.doc", Flex: true},
			{TitleID: "col.section", Width: 22, Drop: 90},
			{TitleID: "col.host", Width: 24, Drop: 76},
		},
		row: func(l model.Link) []string {
			host := ""
			if u, err := url.Parse(l.Opens()); err == nil {
				host = u.Host
			}
			group := ""
			if l.Group != "" {
				group = i18n.T(l.Group)
			}
			if l.Recommended {
				group = i18n.T("docs.recommended")
			}
			return []string{i18n.T(l.TitleID), group, host}
		},
		enter:   func(l model.Link) tea.Cmd { return openLink(l.Opens()) },
		emptyID: "docs.empty", whatID: "what.docs",
	})
	s.spec.above = func(width int) string {
		if l := s.Current(); l != nil {
			if l.Successor != "" {
				// A moved seed link: say where the seed pointed and what opens now.
				return c.st.Dim.Render(truncate(hyperlink(l.Opens(), i18n.T("docs.moved", map[string]any{"Seed": l.URL, "Now": l.Opens()})), width))
			}
			return c.st.Dim.Render(truncate(hyperlink(l.URL, l.URL), width))
		}
		return ""
	}
	s.spec.bindings = func(*model.Link) []key.Binding { return nil }
	s.SetItems(model.Links())
	return s
}
