package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// column describes one table column. A flex column takes the width the
// fixed ones leave; Min is the least it shrinks to before being dropped.
type column struct {
	TitleID string
	Width   int
	Flex    bool
	Right   bool
	Drop    int // drop this column when the table is narrower than this (0: never)
}

// table is a windowed list: it holds every row's cells, but filters with a
// precomputed lower-case haystack and draws only the rows on screen, which is
// what keeps 100,000 invoices responsive.
type table struct {
	cols    []column
	rows    [][]string
	hay     []string
	visible []int // indices into rows that pass the filter
	filter  string
	cursor  int // index into visible
	offset  int // first visible row on screen
	height  int // rows on screen, set by View
	tone    func(row, col int, cell string) (string, bool)
}

func newTable(cols []column) table { return table{cols: cols} }

// SetRows replaces the rows, keeping the filter and, where it can, the cursor.
func (t *table) SetRows(rows [][]string) {
	sel := t.Selected()
	t.rows = rows
	t.hay = make([]string, len(rows))
	for i, r := range rows {
		t.hay[i] = strings.ToLower(strings.Join(r, "\x00"))
	}
	t.apply(sel)
}

// SetFilter shows only rows whose cells contain q (case-insensitive).
func (t *table) SetFilter(q string) {
	sel := t.Selected()
	t.filter = strings.ToLower(strings.TrimSpace(q))
	t.apply(sel)
}

func (t *table) apply(keep int) {
	t.visible = t.visible[:0]
	for i, h := range t.hay {
		if t.filter == "" || strings.Contains(h, t.filter) {
			t.visible = append(t.visible, i)
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
	h := max(1, t.height)
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

// widths lays the columns out in width cells, dropping optional columns
// that do not fit. A width of 0 means the column is hidden.
func (t table) widths(width int) []int {
	w := make([]int, len(t.cols))
	fixed, flex := 0, 0
	for i, c := range t.cols {
		if c.Drop > 0 && width < c.Drop {
			continue
		}
		if c.Flex {
			flex++
			continue
		}
		w[i] = c.Width
		fixed += c.Width + 1
	}
	if flex > 0 {
		each := max(8, (width-fixed)/flex-1)
		for i, c := range t.cols {
			if c.Flex && w[i] == 0 && !(c.Drop > 0 && width < c.Drop) {
				w[i] = each
			}
		}
	}
	return w
}

// View draws the header and the rows that fit in height lines (header included).
func (t *table) View(st styles, width, height int, header func(string) string) string {
	t.height = max(1, height-1)
	t.clamp()
	w := t.widths(width)
	var b strings.Builder
	cells := make([]string, 0, len(t.cols))
	for i, c := range t.cols {
		if w[i] > 0 {
			cells = append(cells, pad(header(c.TitleID), w[i], c.Right))
		}
	}
	b.WriteString(st.Header.Render(truncate(strings.Join(cells, " "), width)))
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
		if vi == t.cursor {
			b.WriteString(st.Selected.Render(pad(line, width, false)))
		} else {
			b.WriteString(line)
		}
	}
	return b.String()
}

// pad fits s into exactly w cells: truncated with an ellipsis, or padded.
func pad(s string, w int, right bool) string {
	sw := ansi.StringWidth(s)
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
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}
