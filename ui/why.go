package ui

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// why answers "why don't I see an invoice?" for one scope: it reads the
// facts, weighs every reason, and lists those that apply first, then the
// ones it could not check, then (collapsed) the ones ruled out.
type why struct {
	loader
	req          client.FactsRequest
	title        string
	findings     []model.Finding
	showRuledOut bool
	pg           pager
}

func whyScreen(c *common, title string, req client.FactsRequest) *why {
	req.Now, req.TenantID, req.Cloud = c.now(), c.cfg.TenantID, c.cfg.Cloud
	return &why{loader: newLoader(c), req: req, title: title, pg: pager{c: c}}
}

func (w *why) Init() tea.Cmd {
	return w.start(func(ctx context.Context) (any, error) {
		return model.Explain(client.GatherFacts(ctx, w.c.cfg.Billing, w.req)), nil
	})
}

func (w *why) ID() int          { return w.id }
func (w *why) Busy() bool       { return w.loading }
func (w *why) Cancel()          { w.cancel() }
func (w *why) Capturing() bool  { return false }
func (w *why) Crumbs() []string { return []string{w.title, i18n.T("crumb.why")} }

func (w *why) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		if w.accept(msg) {
			w.findings, _ = msg.value.([]model.Finding)
			w.layout()
		}
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, w.c.keys.Refresh):
			return w.Init()
		case msg.String() == "x":
			w.showRuledOut = !w.showRuledOut
			w.layout()
			return nil
		}
	}
	cmd, _ := w.pg.update(msg)
	return cmd
}

func (w *why) layout() {
	st := w.c.st
	counts := map[model.Verdict]int{}
	for _, f := range w.findings {
		counts[f.Verdict]++
	}
	items := []pagerItem{{plain: true, lines: []string{
		st.PanelTitle.Render(i18n.T("why.title")),
		st.Dim.Render(i18n.T("why.summary", map[string]any{
			"Applies": counts[model.Applies], "Unknown": counts[model.Unknown], "RuledOut": counts[model.RuledOut]})),
		"",
	}}}
	if counts[model.Applies] == 0 {
		items = append(items, pagerItem{plain: true, lines: []string{st.Bold.Render(i18n.T("why.noneapply")), ""}})
	}
	var ruled int
	for _, f := range w.findings {
		if f.Verdict == model.RuledOut && !w.showRuledOut {
			ruled++
			continue
		}
		items = append(items, w.item(f))
	}
	if ruled > 0 {
		items = append(items, pagerItem{plain: true, lines: []string{st.Dim.Render(i18n.T("why.ruledout.hidden", map[string]any{"Count": ruled}))}})
	}
	w.pg.set(items)
}

func (w *why) item(f model.Finding) pagerItem {
	st := w.c.st
	mark, style := "●", st.Bad
	switch f.Verdict {
	case model.Unknown:
		mark, style = "?", st.Warn
	case model.RuledOut:
		mark, style = "○", st.Dim
	}
	lines := []string{
		style.Render(mark+" "+i18n.T(f.Verdict.MsgID())+" · ") + st.Bold.Render(tr(f.Title)),
		st.Dim.Render(i18n.T("why.evidence")) + " " + tr(f.Evidence),
	}
	if f.Verdict != model.RuledOut && f.Next.ID != "" {
		lines = append(lines, st.Info.Render(i18n.T("why.next"))+" "+tr(f.Next))
	}
	if l, ok := model.LinkByID(f.Link); ok {
		lines = append(lines, st.Dim.Render(i18n.T("why.doc")+" ")+hyperlink(l.URL, i18n.T(l.TitleID)))
	}
	return pagerItem{lines: append(lines, ""), link: f.Link}
}

// tr translates a model message (one implementation, in i18n, shared
// with the why command).
func tr(m model.Msg) string { return i18n.Msg(m) }

func (w *why) View(width, height int) string {
	if w.loading {
		return loadingView(w.c, "what.facts", w.started)
	}
	if w.canceled && w.findings == nil {
		return w.c.st.Warn.Render(i18n.T("state.canceled")) + "\n" + w.c.st.Dim.Render(i18n.T("state.canceled.hint"))
	}
	return w.pg.view(width, height)
}

func (w *why) Bindings() []key.Binding {
	b := w.pg.bindings()
	b = append(b, key.NewBinding(key.WithKeys("x"), key.WithHelp("x", i18n.T("key.ruledout"))))
	return append(b, w.c.keys.Refresh)
}
