package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

var guideAgreements = []model.Agreement{model.AgreementMOSP, model.AgreementMCA, model.AgreementEA, model.AgreementMPA}

// guide shows the seed article's portal steps for an agreement as a
// checklist: each step says which azinvoice key does it and links the blade.
type guide struct {
	c   *common
	id  int
	agr int
	pg  pager
}

func guideScreen(c *common, a model.Agreement) *guide {
	g := &guide{c: c, id: c.newID(), pg: pager{c: c}}
	for i, x := range guideAgreements {
		if x == a {
			g.agr = i
		}
	}
	g.layout()
	return g
}

func (g *guide) layout() {
	st := g.c.st
	tabs := ""
	for i, a := range guideAgreements {
		name := i18n.T("agreement." + a.Badge())
		if i == g.agr {
			tabs += st.TabActive.Render(name) + " "
		} else {
			tabs += st.Tab.Render(name) + " "
		}
	}
	items := []pagerItem{{plain: true, lines: []string{tabs, ""}}}
	for _, sec := range model.Guide(guideAgreements[g.agr]) {
		title := st.PanelTitle.Render(i18n.T(sec.TitleID))
		if sec.Seed {
			title += " " + st.Dim.Render(i18n.T("guide.mark.seed_section"))
		}
		items = append(items, pagerItem{lines: []string{title}, link: sec.Link})
		for n, stp := range sec.Steps {
			line := i18n.T("guide.step", map[string]any{"N": n + 1}) + " " + i18n.T(stp.TextID)
			if stp.Seed && !sec.Seed {
				line += " " + st.Dim.Render(i18n.T("guide.mark.seed"))
			}
			if stp.Key != "" {
				line += "  " + st.Key.Render("["+i18n.T("guide.key", map[string]any{"Key": stp.Key})+"]")
			}
			items = append(items, pagerItem{lines: []string{line}, link: stp.Link})
		}
		items = append(items, pagerItem{plain: true, lines: []string{""}})
	}
	g.pg.set(items)
}

func (g *guide) Init() tea.Cmd        { return nil }
func (g *guide) ID() int              { return g.id }
func (g *guide) Busy() bool           { return false }
func (g *guide) Cancel()              {}
func (g *guide) Capturing() bool      { return false }
func (g *guide) Crumbs() []string     { return []string{i18n.T("crumb.guide")} }
func (g *guide) View(w, h int) string { return g.pg.view(w, h) }
func (g *guide) Bindings() []key.Binding {
	return append(g.pg.bindings(), bindingWith(g.c.keys.Tab, "key.agreement"))
}

func (g *guide) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(tea.KeyPressMsg); ok && key.Matches(m, g.c.keys.Tab) {
		if m.String() == "shift+tab" {
			g.agr = (g.agr + len(guideAgreements) - 1) % len(guideAgreements)
		} else {
			g.agr = (g.agr + 1) % len(guideAgreements)
		}
		g.layout()
		return nil
	}
	cmd, _ := g.pg.update(msg)
	return cmd
}
