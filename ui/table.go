package ui

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// column describes one table column. A flex column takes the width the
// fixed ones leave; Min is the least it shrinks to before being dropped.
type column struct {
	TitleID string
	Width   int
	Flex    bool
	Right   bool
	Drop    int // optional: the highest Drop goes first when columns do not fit (0: never)
	Max     int // the most it takes when room is short (0: no cap)
}

// table is a windowed list: it holds every row's cells, but filters with a
// precomputed lower-case haystack and draws only the rows on screen, which is
// what keeps 100,000 invoices responsive.
type table struct {
	cols []column
	rows [][]string
	// hay is every row's cells, lower-cased and joined, in one buffer
	// (row i is hay[ends[i-1]:ends[i]]): one allocation for 100,000 rows,
	// nothing for the garbage collector to walk.
	hay     []byte
	ends    []int
	natural []int // the widest cell of each column, header included
	order   []int // rows in sort order (nil: as given)
	sortCol int   // the column sorted by, -1 for none
	desc    bool
	less    func(a, b, col int) int // compares rows a and b by col (nil: by cell text)
	marked  func(row int) bool      // draws a mark before marked rows (nil: no mark column)
	visible []int                   // indices into rows that pass the filter
	filter  string
	cursor  int // index into visible
	offset  int // first visible row on screen
	height  int // rows on screen, set by View
	tone    func(row, col int, cell string) (string, bool)
}

func newTable(cols []column) table { return table{cols: cols, sortCol: -1} }

// SetRows replaces the rows, keeping the filter, the sort and, where it
// can, the cursor. It measures each column's widest cell once here, so
// drawing never measures more than the rows on screen.
func (t *table) SetRows(rows [][]string) {
	sel := t.Selected()
	t.rows = rows
	t.natural = make([]int, len(t.cols))
	size := 0
	for _, r := range rows {
		for _, cell := range r {
			size += len(cell) + 1
		}
	}
	if cap(t.hay) < size {
		t.hay = make([]byte, 0, size+size/16) // lower case may be longer: rarely
	}
	t.hay = t.hay[:0]
	t.ends = make([]int, len(rows))
	for i, r := range rows {
		for ci, cell := range r {
			if ci > 0 {
				t.hay = append(t.hay, 0)
			}
			var w int
			t.hay, w = appendLowerWidth(t.hay, cell)
			if ci < len(t.natural) {
				t.natural[ci] = max(t.natural[ci], w)
			}
		}
		t.ends[i] = len(t.hay)
	}
	t.sortRows()
	t.apply(sel)
}

// cellWidth is a cell's width in columns. Text below U+0300 (Latin,
// symbols such as € and →, which fill one cell each) is counted by runes;
// anything that may be wide or combining goes to the Unicode tables.
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x300 && (r < 0x2000 || r > 0x2bff) || r == '\x1b' {
			return ansi.StringWidth(s)
		}
		n++
	}
	return n
}

var lowerTable = func() (t [128]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] += 'a' - 'A'
		}
	}
	return t
}()

// appendLowerWidth appends s lower-cased, for the filter, and measures it
// as cellWidth does, in one pass: building 100,000 rows reads each cell once.
func appendLowerWidth(b []byte, s string) ([]byte, int) {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			b = append(b, lowerTable[c])
			if c == 0x1b {
				n = -1
			} else if n >= 0 {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		symbol := r >= 0x2000 && r <= 0x2bff // punctuation, currency, arrows: one cell, no case
		if !symbol && unicode.IsUpper(r) {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		} else {
			b = append(b, s[i:i+size]...)
		}
		if r >= 0x300 && !symbol {
			n = -1 // may be wide or combining: the Unicode tables decide
		} else if n >= 0 {
			n++
		}
		i += size
	}
	if n < 0 {
		n = ansi.StringWidth(s)
	}
	return b, n
}

// SetFilter shows only rows whose cells contain q (case-insensitive).
func (t *table) SetFilter(q string) {
	sel := t.Selected()
	t.filter = strings.ToLower(strings.TrimSpace(q))
	t.apply(sel)
}

func (t *table) apply(keep int) {
	t.visible = t.visible[:0]
	if t.filter == "" && t.order == nil {
		if cap(t.visible) < len(t.rows) {
			t.visible = make([]int, 0, len(t.rows))
		}
		for i := range t.rows {
			t.visible = append(t.visible, i)
		}
	} else {
		f := []byte(t.filter)
		for n := range t.ends {
			i := n
			if t.order != nil {
				i = t.order[n]
			}
			start := 0
			if i > 0 {
				start = t.ends[i-1]
			}
			if len(f) == 0 || bytes.Contains(t.hay[start:t.ends[i]], f) {
				t.visible = append(t.visible, i)
			}
		}
	}
	t.cursor = 0
	for vi, ri := range t.visible {
		if ri == keep {
			t.cursor = vi
			break
		}
	}
	t.clamp()
}

// Selected is the index into the rows given to SetRows, or -1 when none.
func (t table) Selected() int {
	if t.cursor < 0 || t.cursor >= len(t.visible) {
		return -1
	}
	return t.visible[t.cursor]
}

// Select puts the cursor on row i (an index into the rows), if it is shown.
func (t *table) Select(i int) {
	for vi, ri := range t.visible {
		if ri == i {
			t.cursor = vi
			t.clamp()
			return
		}
	}
}

func (t table) Len() int       { return len(t.visible) }
func (t table) Total() int     { return len(t.rows) }
func (t table) Filter() string { return t.filter }

// Move moves the cursor by delta rows, stopping at the ends.
func (t *table) Move(delta int) {
	t.cursor += delta
	t.clamp()
}

// Page moves by one screen.
func (t *table) Page(dir int) { t.Move(dir * max(1, t.height-1)) }

func (t *table) Home() { t.cursor = 0; t.clamp() }
func (t *table) End()  { t.cursor = len(t.visible) - 1; t.clamp() }

func (t *table) clamp() {
	if t.cursor >= len(t.visible) {
		t.cursor = len(t.visible) - 1
	}
	if t.cursor < 0 {
		t.cursor = 0
	}
	if t.height == 0 {
		t.offset = 0 // not drawn yet: View places the window
		return
	}
	h := t.height
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+h {
		t.offset = t.cursor - h + 1
	}
	if t.offset > len(t.visible)-h {
		t.offset = max(0, len(t.visible)-h)
	}
}

// widths lays the columns out in width cells. Each fixed column takes the
// width its content needs (its header included, up to its Width cap when
// one is set); the flex column takes what is left. When they do not fit,
// optional columns go, the one with the highest Drop first. A width of 0
// means the column is hidden.
func (t table) widths(width int, header func(string) string) []int {
	need := make([]int, len(t.cols))
	for i, c := range t.cols {
		n := cellWidth(header(c.TitleID))
		if i < len(t.natural) {
			n = max(n, t.natural[i])
		}
		if t.sortCol == i {
			n++ // room for the sort arrow
		}
		if !c.Flex && c.Width > 0 && len(t.natural) == 0 {
			n = max(n, c.Width) // nothing measured yet: the planned width
		}
		need[i] = n
	}
	shown := make([]bool, len(t.cols))
	for i := range shown {
		shown[i] = true
	}
	flexMin := func() int {
		for i, c := range t.cols {
			if c.Flex && shown[i] {
				return min(max(need[i], 8), 20)
			}
		}
		return 0
	}
	total := func() int {
		sum := flexMin()
		for i, c := range t.cols {
			if shown[i] && !c.Flex {
				sum += need[i]
			}
			if shown[i] {
				sum++
			}
		}
		return sum - 1
	}
	if total() > width { // short of room: capped columns give up their excess first
		for i, c := range t.cols {
			if c.Max > 0 {
				need[i] = min(need[i], c.Max)
			}
		}
	}
	for total() > width {
		drop := -1
		for i, c := range t.cols {
			if shown[i] && c.Drop > 0 && (drop < 0 || c.Drop > t.cols[drop].Drop) {
				drop = i
			}
		}
		if drop < 0 {
			break
		}
		shown[drop] = false
	}
	w := make([]int, len(t.cols))
	used, flex := 0, -1
	for i, c := range t.cols {
		if !shown[i] {
			continue
		}
		if c.Flex && flex < 0 {
			flex = i
			used++
			continue
		}
		w[i] = need[i]
		used += need[i] + 1
	}
	if flex >= 0 {
		// The flex column (the name) gets at least its content, up to 20
		// cells, before capped columns (an account's name beside it) keep theirs.
		want := min(need[flex], 20)
		for i, c := range t.cols {
			short := want - (width - used)
			if short <= 0 {
				break
			}
			if c.Max > 0 && w[i] > 0 {
				floor := max(10, cellWidth(header(c.TitleID)))
				give := min(short, w[i]-floor)
				if give > 0 {
					w[i] -= give
					used -= give
				}
			}
		}
		w[flex] = max(8, width-used)
	}
	return w
}

// View draws the header and the rows that fit in height lines (header included).
func (t *table) View(st styles, width, height int, header func(string) string) string {
	t.height = max(1, height-1)
	t.clamp()
	gutter := ""
	if t.marked != nil {
		gutter = "  "
		width -= 2
	}
	w := t.widths(width, header)
	var b strings.Builder
	cells := make([]string, 0, len(t.cols))
	for i, c := range t.cols {
		if w[i] > 0 {
			title := header(c.TitleID)
			if i == t.sortCol {
				title += sortArrow(t.desc)
			}
			cells = append(cells, pad(title, w[i], c.Right))
		}
	}
	b.WriteString(st.Header.Render(gutter + truncate(strings.Join(cells, " "), width)))
	end := min(len(t.visible), t.offset+t.height)
	for vi := t.offset; vi < end; vi++ {
		ri := t.visible[vi]
		cells = cells[:0]
		for ci, c := range t.cols {
			if w[ci] == 0 {
				continue
			}
			cell := ""
			if ci < len(t.rows[ri]) {
				cell = t.rows[ri][ci]
			}
			cell = pad(cell, w[ci], c.Right)
			if t.tone != nil && vi != t.cursor {
				if s, ok := t.tone(ri, ci, cell); ok {
					cell = s
				}
			}
			cells = append(cells, cell)
		}
		line := truncate(strings.Join(cells, " "), width)
		b.WriteByte('\n')
		if t.marked != nil {
			if t.marked(ri) {
				line = "● " + line
			} else {
				line = "  " + line
			}
		}
		if vi == t.cursor {
			b.WriteString(st.Selected.Render(pad(line, width+len(gutter), false)))
		} else {
			b.WriteString(line)
		}
	}
	return b.String()
}

// pad fits s into exactly w cells: truncated with an ellipsis, or padded.
func pad(s string, w int, right bool) string {
	sw := cellWidth(s)
	if sw > w {
		return ansi.Truncate(s, w, "…")
	}
	fill := strings.Repeat(" ", w-sw)
	if right {
		return fill + s
	}
	return s + fill
}

func truncate(s string, w int) string {
	if cellWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}
