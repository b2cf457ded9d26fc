package ui

import (
	"slices"
	"strconv"
	"strings"
)

// Sorting by any column, as k9s does: > picks the next column, < turns
// the order round. The choice is remembered per kind of screen for the
// session (common.sorts), so every invoices list opens sorted the same way.

type sortState struct {
	col  int
	desc bool
}

func sortArrow(desc bool) string {
	if desc {
		return "↓"
	}
	return "↑"
}

// SortBy orders the rows by col (-1: as given), keeping the cursor's row.
func (t *table) SortBy(col int, desc bool) {
	sel := t.Selected()
	t.sortCol, t.desc = col, desc
	t.sortRows()
	t.apply(sel)
}

func (t *table) sortRows() {
	if t.sortCol < 0 || t.sortCol >= len(t.cols) {
		t.order = nil
		return
	}
	if len(t.order) != len(t.rows) {
		t.order = make([]int, len(t.rows))
	}
	for i := range t.order {
		t.order[i] = i
	}
	col, desc := t.sortCol, t.desc
	cmp := t.less
	if cmp == nil {
		cmp = func(a, b, col int) int { return compareCells(cell(t.rows[a], col), cell(t.rows[b], col)) }
	}
	slices.SortStableFunc(t.order, func(a, b int) int {
		c := cmp(a, b, col)
		if desc {
			return -c
		}
		return c
	})
}

func cell(r []string, col int) string {
	if col < len(r) {
		return r[col]
	}
	return ""
}

// compareCells orders numbers (amounts with their symbols, counts) by value
// and everything else by text, case-insensitively; ISO dates sort as text.
func compareCells(a, b string) int {
	if x, ok := number(a); ok {
		if y, ok := number(b); ok {
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
	}
	return strings.Compare(strings.ToLower(a), strings.ToLower(b))
}

// number reads "€1,234.56", "-12.00 USD" or "42" as a number.
func number(s string) (float64, bool) {
	var b strings.Builder
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			digits = true
		case r == '.' || r == '-':
			b.WriteRune(r)
		case r == ',' || r == ' ' || r == '\u00a0' || r == '\u202f':
		case r > 0x7f || (r >= 'A' && r <= 'Z'): // a currency symbol or code
		default:
			return 0, false
		}
	}
	if !digits {
		return 0, false
	}
	f, err := strconv.ParseFloat(b.String(), 64)
	return f, err == nil
}
