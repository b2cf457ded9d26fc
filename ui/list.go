package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// listSpec describes a list screen: what it loads, how a row looks, what
// enter does. Most screens are a list plus a few keys of their own.
type listSpec[T any] struct {
	crumbs []string
	cols   []column
	load   func(ctx context.Context) ([]T, error)
	// loadNow, when set, is called in Update to take what the load needs
	// (so the fetch never reads screen state from its goroutine).
	loadNow  func() func(ctx context.Context) ([]T, error)
	row      func(T) []string
	enter    func(T) tea.Cmd // nil: enter does nothing here
	emptyID  string          // what an empty list means
	hintID   string          // what to do about it
	whatID   string          // the thing that failed to load, for the error panel
	tone     func(item T, col int, cell string) (string, bool)
	keys     func(msg tea.KeyPressMsg, item *T) (tea.Cmd, bool) // screen-specific keys
	bindings func(item *T) []key.Binding
	// stream, when set, loads instead of load and reports rows as they
	// fill in; filling says how far (shown above the rows meanwhile).
	stream  func(ctx context.Context, emit func([]T)) ([]T, error)
	filling func(items []T) string
	above   func(width int) string // drawn above the table (tabs, chart)
	empty   func(width int) string // drawn under the empty state (a likely reason)
	// sortKey names the kind of list, so its sort is remembered for every
	// list of that kind ("" : the list is not sortable).
	sortKey string
	less    func(a, b T, col int) int // orders by a column's value (nil: by its text)
	copy    func(T) string            // what y copies from a row (nil: nothing)
	info    func(T) []infoRow         // what i shows about a row (nil: no info view)
	legend  []string                  // message IDs explaining the columns, for ? help
	mark    bool                      // space marks rows
	enterID string                    // what enter does, for the help line (default: open)
}

type listScreen[T any] struct {
	loader
	spec      listSpec[T]
	items     []T
	tbl       table
	input     textinput.Model
	filtering bool
	loaded    bool
	partial   bool         // rows shown while the load goes on filling them in
	marks     map[int]bool // rows marked with space, by index into items
	readAt    time.Time    // when the rows were read from Azure
	rowsTop   int          // the first row's line in the last frame, for clicks
}

func newList[T any](c *common, spec listSpec[T]) *listScreen[T] {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = i18n.T("filter.placeholder")
	in.CharLimit = 200
	s := &listScreen[T]{loader: newLoader(c), spec: spec, tbl: newTable(spec.cols), input: in}
	if spec.less != nil {
		s.tbl.less = func(a, b, col int) int { return spec.less(s.items[a], s.items[b], col) }
	}
	if spec.mark {
		s.marks = map[int]bool{}
		s.tbl.marked = func(row int) bool { return s.marks[row] }
	}
	if st, ok := c.sorts[spec.sortKey]; ok && spec.sortKey != "" {
		s.tbl.sortCol, s.tbl.desc = st.col, st.desc
	}
	if spec.tone != nil {
		s.tbl.tone = func(row, col int, cell string) (string, bool) {
			if row < 0 || row >= len(s.items) {
				return "", false
			}
			return spec.tone(s.items[row], col, cell)
		}
	}
	return s
}

func (s *listScreen[T]) Init() tea.Cmd { return s.reload() }

func (s *listScreen[T]) reload() tea.Cmd {
	s.partial = false
	if st := s.spec.stream; st != nil {
		return s.startStream(func(ctx context.Context, emit func(any)) (any, error) {
			return st(ctx, func(v []T) { emit(v) })
		})
	}
	load := s.spec.load
	if s.spec.loadNow != nil {
		load = s.spec.loadNow()
	}
	if load == nil {
		return nil
	}
	return s.start(func(ctx context.Context) (any, error) { return load(ctx) })
}

// SetItems shows items without loading (used by tests and by screens that
// already hold their data).
func (s *listScreen[T]) SetItems(items []T) {
	s.items = items
	rows := make([][]string, len(items))
	for i, it := range items {
		rows[i] = s.spec.row(it)
	}
	s.tbl.SetRows(rows)
	s.loaded = true
	if s.marks != nil {
		clear(s.marks) // rows were replaced: a mark would land on another invoice
	}
}

func (s *listScreen[T]) ID() int          { return s.id }
func (s *listScreen[T]) Busy() bool       { return s.loading }
func (s *listScreen[T]) Cancel()          { s.cancel() }
func (s *listScreen[T]) Capturing() bool  { return s.filtering }
func (s *listScreen[T]) Crumbs() []string { return s.spec.crumbs }

// Current is the item under the cursor, or nil — also while a load or an
// error panel hides the rows, so no key acts on a row the person cannot see.
func (s *listScreen[T]) Current() *T {
	if (s.loading && !s.partial) || s.err != nil {
		return nil
	}
	i := s.tbl.Selected()
	if i < 0 || i >= len(s.items) {
		return nil
	}
	return &s.items[i]
}

func (s *listScreen[T]) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.partial {
			if msg.screen != s.id || msg.seq != s.seq || !s.loading {
				return nil
			}
			if items, ok := msg.value.([]T); ok {
				s.SetItems(items)
				s.partial = true
			}
			return msg.next
		}
		if !s.accept(msg) {
			return nil
		}
		s.partial = false
		if msg.err == nil {
			if items, ok := msg.value.([]T); ok {
				s.SetItems(items)
				s.readAt = s.c.now()
			}
		}
		return nil
	case clickMsg:
		return s.click(msg)
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.MouseWheelMsg:
		m := msg.Mouse()
		switch m.Button {
		case tea.MouseWheelUp:
			s.tbl.Move(-3)
		case tea.MouseWheelDown:
			s.tbl.Move(3)
		}
	}
	if s.filtering { // a paste, or the cursor's own messages
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		s.tbl.SetFilter(s.input.Value())
		return cmd
	}
	return nil
}

func (s *listScreen[T]) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.keys
	if s.filtering {
		switch msg.String() {
		case "enter":
			s.filtering = false
			s.input.Blur()
			return nil
		case "esc":
			s.filtering = false
			s.input.Blur()
			s.input.SetValue("")
			s.tbl.SetFilter("")
			return nil
		case "up", "down":
			// arrows still move through the filtered rows while typing
		default:
			var cmd tea.Cmd
			s.input, cmd = s.input.Update(msg)
			s.tbl.SetFilter(s.input.Value())
			return cmd
		}
	}
	switch {
	case key.Matches(msg, k.Up):
		s.tbl.Move(-1)
	case key.Matches(msg, k.Down):
		s.tbl.Move(1)
	case key.Matches(msg, k.PageUp):
		s.tbl.Page(-1)
	case key.Matches(msg, k.PageDown):
		s.tbl.Page(1)
	case key.Matches(msg, k.Top):
		s.tbl.Home()
	case key.Matches(msg, k.Bottom):
		s.tbl.End()
	case key.Matches(msg, k.Filter):
		s.filtering = true
		return s.input.Focus()
	case key.Matches(msg, k.Refresh):
		return s.reload()
	case s.spec.sortKey != "" && key.Matches(msg, k.Sort):
		s.sortNext(1)
	case s.spec.sortKey != "" && key.Matches(msg, k.Reverse):
		s.setSort(max(0, s.tbl.sortCol), !s.tbl.desc)
	case s.spec.mark && key.Matches(msg, k.Mark):
		if i := s.tbl.Selected(); i >= 0 && s.Current() != nil {
			if s.marks[i] {
				delete(s.marks, i)
			} else {
				s.marks[i] = true
			}
			s.tbl.Move(1)
		}
	default:
		cur := s.Current()
		if s.spec.keys != nil {
			if cmd, ok := s.spec.keys(msg, cur); ok {
				return cmd
			}
		}
		if key.Matches(msg, k.Enter) && cur != nil && s.spec.enter != nil {
			return s.spec.enter(*cur)
		}
	}
	return nil
}

// Bindings lists what works now: movement only when there are rows, enter
// only when it leads somewhere.
func (s *listScreen[T]) Bindings() []key.Binding {
	k := s.c.keys
	if s.filtering {
		return []key.Binding{bindingWith(k.Enter, "key.applyfilter"), bindingWith(k.Back, "key.clearfilter")}
	}
	var b []key.Binding
	cur := s.Current()
	if cur != nil {
		b = append(b, k.Up, k.Down)
		if s.spec.enter != nil {
			enter := k.Enter
			if s.spec.enterID != "" {
				enter = bindingWith(k.Enter, s.spec.enterID)
			}
			b = append(b, enter)
		}
	}
	if s.spec.bindings != nil {
		b = append(b, s.spec.bindings(cur)...)
	}
	if s.spec.mark && cur != nil {
		b = append(b, k.Mark)
	}
	if s.tbl.Total() > 0 {
		b = append(b, k.Filter)
		if s.spec.sortKey != "" {
			b = append(b, k.Sort, k.Reverse)
		}
	}
	if cur != nil && s.spec.copy != nil {
		b = append(b, k.Copy)
	}
	if cur != nil && s.spec.info != nil {
		b = append(b, k.Info)
	}
	if s.spec.load != nil || s.spec.loadNow != nil {
		b = append(b, k.Refresh)
	}
	return b
}

func bindingWith(b key.Binding, descID string) key.Binding {
	b.SetHelp(b.Help().Key, i18n.T(descID))
	return b
}

func (s *listScreen[T]) View(width, height int) string {
	var top []string
	if s.spec.above != nil {
		if a := s.spec.above(width); a != "" {
			top = append(top, a)
		}
	}
	if s.filtering || s.tbl.Filter() != "" {
		line := s.input.View()
		if !s.filtering {
			line = s.c.st.Dim.Render("/ " + s.input.Value())
		}
		line += s.c.st.Dim.Render("  " + i18n.T("filter.count", map[string]any{"Shown": s.tbl.Len(), "Total": s.tbl.Total()}))
		top = append(top, truncate(line, width))
	}
	head := strings.Join(top, "\n")
	used := 0
	if head != "" {
		used = strings.Count(head, "\n") + 1
	}
	body := s.body(width, max(1, height-used))
	s.rowsTop = used + 1 // under the table's header line
	if s.partial && s.spec.filling != nil {
		s.rowsTop++ // the "filling in" line above the table
	}
	if head == "" {
		return body
	}
	return head + "\n" + body
}

func (s *listScreen[T]) body(width, height int) string {
	st := s.c.st
	switch {
	case s.loading && !s.partial:
		return s.view(s.spec.whatID)
	case s.err != nil:
		return errorView(s.c, s.spec.whatID, s.err, width)
	case s.canceled && !s.loaded:
		return st.Warn.Render(i18n.T("state.canceled")) + "\n" + st.Dim.Render(i18n.T("state.canceled.hint"))
	case s.loaded && s.tbl.Total() == 0:
		out := emptyView(s.c, s.spec.emptyID, s.spec.hintID, width)
		if s.spec.empty != nil {
			if more := s.spec.empty(width); more != "" {
				out += "\n\n" + more
			}
		}
		return out
	case s.loaded && s.tbl.Len() == 0:
		return st.Dim.Render(i18n.T("filter.nomatch", map[string]any{"Filter": s.tbl.Filter()}))
	}
	if s.partial && s.spec.filling != nil {
		line := truncate(s.c.spin+" "+st.Dim.Render(s.spec.filling(s.items)), width)
		out := s.tbl.View(st, width, max(1, height-2), func(id string) string { return i18n.T(id) })
		return line + "\n" + out + "\n" + st.Dim.Render(position(s.tbl))
	}
	out := s.tbl.View(st, width, height-1, func(id string) string { return i18n.T(id) })
	pos := position(s.tbl)
	if n := len(s.marks); n > 0 {
		pos += "  " + i18n.T("list.marked", map[string]any{"Count": n})
	}
	return out + "\n" + st.Dim.Render(pos)
}

func position(t table) string {
	if t.Len() == 0 {
		return ""
	}
	if t.Len() == t.Total() {
		return fmt.Sprintf("%d/%d", t.cursor+1, t.Len())
	}
	return fmt.Sprintf("%d/%d (%d)", t.cursor+1, t.Len(), t.Total())
}

// selectedRow is the cells of the row under the cursor (for tests and the
// status line).
func (s *listScreen[T]) selectedRow() []string {
	i := s.tbl.Selected()
	if i < 0 || i >= len(s.tbl.rows) {
		return nil
	}
	return s.tbl.rows[i]
}

// clearFilter clears a filter kept with enter; esc does this before it
// goes back.
func (s *listScreen[T]) clearFilter() bool {
	if s.filtering || s.tbl.Filter() == "" {
		return false
	}
	s.input.SetValue("")
	s.tbl.SetFilter("")
	return true
}

func (s *listScreen[T]) sortNext(step int) {
	col := s.tbl.sortCol + step
	if col >= len(s.spec.cols) {
		col = -1 // back to the order Azure gave
	}
	s.setSort(col, s.tbl.desc && col >= 0)
}

func (s *listScreen[T]) setSort(col int, desc bool) {
	s.tbl.SortBy(col, desc)
	s.c.sorts[s.spec.sortKey] = sortState{col: col, desc: desc}
}

// copyText is what y copies: the row's ID, link or path.
func (s *listScreen[T]) copyText() string {
	if cur := s.Current(); cur != nil && s.spec.copy != nil {
		return s.spec.copy(*cur)
	}
	return ""
}

// info is what i shows about the row under the cursor.
func (s *listScreen[T]) info() []infoRow {
	if cur := s.Current(); cur != nil && s.spec.info != nil {
		return s.spec.info(*cur)
	}
	return nil
}

func (s *listScreen[T]) legend() []string { return s.spec.legend }

func (s *listScreen[T]) dataReadAt() time.Time { return s.readAt }

// marked is the marked items, in list order, or nil.
func (s *listScreen[T]) marked() []T {
	if len(s.marks) == 0 {
		return nil
	}
	var out []T
	for i := range s.items {
		if s.marks[i] {
			out = append(out, s.items[i])
		}
	}
	return out
}

// click selects the row clicked; a double click opens it.
func (s *listScreen[T]) click(m clickMsg) tea.Cmd {
	if s.loading || s.err != nil || s.filtering {
		return nil
	}
	vi := s.tbl.offset + m.y - s.rowsTop
	if m.y < s.rowsTop || vi < 0 || vi >= s.tbl.Len() || vi >= s.tbl.offset+s.tbl.height {
		return nil
	}
	s.tbl.cursor = vi
	s.tbl.clamp()
	if m.double && s.spec.enter != nil {
		if cur := s.Current(); cur != nil {
			return s.spec.enter(*cur)
		}
	}
	return nil
}
