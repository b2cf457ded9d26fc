package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/model"
)

// pagerItem is one selectable block of a text screen (a finding, a step).
type pagerItem struct {
	lines []string     // already styled, not wrapped
	link  model.LinkID // enter opens it ("" when none)
	plain bool         // a heading: drawn, never selected
}

// pager shows blocks of text, scrolls to keep the selected block in view,
// and opens the selected block's doc link.
type pager struct {
	c      *common
	items  []pagerItem
	cursor int
	offset int
}

func (p *pager) set(items []pagerItem) {
	p.items = items
	p.cursor = -1
	p.move(1)
}

func (p *pager) move(d int) {
	for i := p.cursor + d; i >= 0 && i < len(p.items); i += d {
		if !p.items[i].plain {
			p.cursor = i
			return
		}
	}
	if p.cursor < 0 {
		p.cursor = 0
	}
}

// jump moves the selection by n selectable blocks.
func (p *pager) jump(n int) {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for ; n > 0; n-- {
		p.move(step)
	}
}

func (p *pager) current() *pagerItem {
	if p.cursor < 0 || p.cursor >= len(p.items) || p.items[p.cursor].plain {
		return nil
	}
	return &p.items[p.cursor]
}

func (p *pager) update(msg tea.Msg) (tea.Cmd, bool) {
	k := p.c.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			p.move(-1)
		case key.Matches(msg, k.Down):
			p.move(1)
		case key.Matches(msg, k.PageUp):
			p.jump(-5)
		case key.Matches(msg, k.PageDown):
			p.jump(5)
		case key.Matches(msg, k.Top):
			p.cursor = -1
			p.move(1)
		case key.Matches(msg, k.Bottom):
			p.cursor = len(p.items)
			p.move(-1)
		case key.Matches(msg, k.Enter), key.Matches(msg, k.Open):
			if it := p.current(); it != nil && it.link != "" {
				return openLinkID(it.link), true
			}
		default:
			return nil, false
		}
		return nil, true
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			p.move(-1)
		case tea.MouseWheelDown:
			p.move(1)
		}
		return nil, true
	}
	return nil, false
}

func (p *pager) bindings() []key.Binding {
	k := p.c.keys
	b := []key.Binding{k.Up, k.Down}
	if it := p.current(); it != nil && it.link != "" {
		b = append(b, bindingWith(k.Enter, "key.opendoc"))
	}
	return b
}

// view draws the blocks that fit, wrapped to width, the selected one marked.
func (p *pager) view(width, height int) string {
	type block struct{ start, n int }
	var lines []string
	blocks := make([]block, len(p.items))
	for i, it := range p.items {
		blocks[i].start = len(lines)
		for j, l := range it.lines {
			prefix := "  "
			if i == p.cursor && j == 0 {
				prefix = p.c.st.Key.Render("▸ ")
			}
			for _, w := range strings.Split(wrap(l, max(10, width-2)), "\n") {
				lines = append(lines, prefix+w)
				prefix = "  "
			}
		}
		blocks[i].n = len(lines) - blocks[i].start
	}
	if p.cursor >= 0 && p.cursor < len(blocks) {
		b := blocks[p.cursor]
		if b.start < p.offset {
			p.offset = b.start
		}
		if b.start+b.n > p.offset+height {
			p.offset = min(b.start, b.start+b.n-height)
		}
	}
	p.offset = max(0, min(p.offset, len(lines)-height))
	end := min(len(lines), p.offset+height)
	return strings.Join(lines[p.offset:end], "\n")
}
