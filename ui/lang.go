package ui

import (
	"maps"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// The language can change while the app runs (L). Most text is looked up
// when a frame is drawn; what a screen keeps already translated — table
// rows, pager blocks, input placeholders, the key map's help — is built
// again here, keeping each cursor where it was.

// relabeler is a screen holding translated text it must build again.
type relabeler interface{ relabel() }

// setLanguage switches language and rebuilds every screen on the stack.
func (a *App) setLanguage(lang string) {
	i18n.SetLanguage(lang)
	a.c.keys = newKeyMap()
	for _, s := range a.stack {
		if r, ok := s.(relabeler); ok {
			r.relabel()
		}
	}
}

func (s *listScreen[T]) relabel() {
	s.input.Placeholder = i18n.T("filter.placeholder")
	if s.loaded {
		marks := maps.Clone(s.marks)
		s.SetItems(s.items)       // rows hold formatted amounts and translated states
		maps.Copy(s.marks, marks) // the same items: space marks stay on them
	}
}

func (h *home) relabel() {
	h.accounts.relabel()
	h.subs.relabel()
}

func (g *guide) relabel() {
	defer g.pg.keep()()
	g.layout()
}

func (d *detail) relabel() {
	defer d.pg.keep()()
	d.layout()
}

func (w *why) relabel() {
	if w.findings == nil {
		return // nothing laid out yet
	}
	defer w.pg.keep()()
	w.layout()
}

func (s *emailScreen) relabel() {
	s.input.Placeholder = i18n.T("email.add.placeholder")
	if s.loaded && s.kind != emailProfile {
		defer s.pg.keep()()
		s.pg.set(s.infoItems())
	}
}

// keep notes the pager's position; the function it returns puts it back
// after the same blocks were laid out again in another language.
func (p *pager) keep() func() {
	cur, off, n := p.cursor, p.offset, len(p.items)
	return func() {
		if len(p.items) == n && cur >= 0 && cur < n {
			p.cursor, p.offset = cur, off
		}
	}
}
