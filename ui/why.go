package ui

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// why answers "why don't I see an invoice?" for one scope: it says what it
// looked at (the scope, the year window, the subscriptions it holds, who is
// signed in), weighs every reason, and lists those that apply first, then
// the ones it could not check, then (collapsed) the ones ruled out.
type why struct {
	loader
	req          client.FactsRequest
	title        string
	facts        model.Facts
	findings     []model.Finding
	showRuledOut bool
	pg           pager
	// gather reads the facts; tests hand in fixed ones.
	gather func(ctx context.Context) model.Facts
}

// whyResult is what one load of the why screen brings back.
type whyResult struct {
	facts    model.Facts
	findings []model.Finding
}

func whyScreen(c *common, title string, req client.FactsRequest) *why {
	req.Now, req.TenantID, req.Cloud = c.now(), c.cfg.TenantID, c.cfg.Cloud
	w := &why{loader: newLoader(c), req: req, title: title, pg: pager{c: c}}
	w.gather = func(ctx context.Context) model.Facts { return client.GatherFacts(ctx, c.cfg.Billing, w.req) }
	return w
}

func (w *why) Init() tea.Cmd {
	gather := w.gather
	return w.start(func(ctx context.Context) (any, error) {
		f := gather(ctx)
		return whyResult{facts: f, findings: model.Explain(f)}, nil
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
			if r, ok := msg.value.(whyResult); ok {
				w.facts, w.findings = r.facts, r.findings
			}
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
	head := []string{st.PanelTitle.Render(i18n.T("why.title"))}
	head = append(head, w.lookingAt()...)
	head = append(head,
		st.Dim.Render(i18n.T("why.summary", map[string]any{
			"Applies": counts[model.Applies], "Unknown": counts[model.Unknown], "RuledOut": counts[model.RuledOut]})),
		"")
	items := []pagerItem{{plain: true, lines: head}}
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

// lookingAt says what the diagnosis looked at: the scope, the periods, the
// subscriptions an account or profile holds, and who is signed in.
func (w *why) lookingAt() []string {
	st, f := w.c.st, w.facts
	var out []string
	kind := "why.scope.other"
	switch f.Scope.Kind {
	case model.ScopeAccount:
		kind = "why.scope.account"
	case model.ScopeProfile:
		kind = "why.scope.profile"
	case model.ScopeBillingSubscription:
		kind = "why.scope.subscription"
	}
	if f.Scope.Kind == model.ScopeNone && f.Subscription != nil {
		kind = "why.scope.subscription"
	}
	agr := f.Agreement
	if agr == model.AgreementUnknown {
		agr = f.Scope.Agreement
	}
	out = append(out, st.Dim.Render(i18n.T("why.looking", map[string]any{
		"Scope": model.Clean(w.title), "Kind": i18n.T(kind), "Agreement": i18n.T("agreement." + agr.Badge())})))
	win := f.Window
	if win == nil && !f.Now.IsZero() {
		p := yearWindow(f.Now, 0)
		win = &p
	}
	if win != nil {
		id := "why.window"
		if !f.Now.IsZero() && win.End.Before(f.Now.AddDate(0, -1, 0)) {
			id = "why.window.past"
		}
		out = append(out, st.Dim.Render(i18n.T(id, map[string]any{"From": i18n.Date(win.Start), "To": i18n.Date(win.End)})))
	}
	switch {
	case f.SubscriptionsErr != nil:
		out = append(out, st.Dim.Render(i18n.T("why.subs.unread")))
	case len(f.Subscriptions) > 0:
		out = append(out, st.Dim.Render(i18n.T("why.subs", map[string]any{"Count": len(f.Subscriptions)})))
	}
	if f.CallerName != "" || f.CallerKind != model.IdentityUnknown {
		out = append(out, st.Dim.Render(i18n.T("why.caller", map[string]any{
			"Name": model.Clean(model.OrNone(f.CallerName)), "Kind": i18n.T("why.identity." + string(orUnknownKind(f.CallerKind)))})))
	}
	return out
}

func orUnknownKind(k model.IdentityKind) model.IdentityKind {
	if k == model.IdentityUnknown {
		return "unknown"
	}
	return k
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
		label := "why.next"
		if f.Verdict == model.Unknown {
			label = "why.check" // the step that checks what azinvoice could not read
		}
		lines = append(lines, st.Info.Render(i18n.T(label))+" "+tr(f.Next))
	}
	if id, ok := f.Changed(); ok && f.Verdict == model.Applies && i18n.Has(id) {
		lines = append(lines, st.Dim.Render(i18n.T("why.changed")+" "+i18n.T(id)))
	}
	if l, ok := model.LinkByID(f.Link); ok {
		lines = append(lines, st.Dim.Render(i18n.T("why.doc")+" ")+hyperlink(l.Opens(), i18n.T(l.TitleID)))
	}
	return pagerItem{lines: append(lines, ""), link: f.Link}
}

// tr translates a model message (one implementation, in i18n.Msg, shared
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
