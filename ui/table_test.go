package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/azinvoice/azinvoice/model"
)

func TestTableCursorAndFilter(t *testing.T) {
	tb := newTable([]column{{TitleID: "a", Flex: true}, {TitleID: "b", Width: 4}})
	tb.SetRows([][]string{{"alpha", "1"}, {"beta", "2"}, {"gamma", "3"}, {"delta", "4"}})
	tests := []struct {
		name    string
		do      func()
		wantSel int
		wantLen int
	}{
		{"start", func() {}, 0, 4},
		{"down twice", func() { tb.Move(2) }, 2, 4},
		{"past the end stops", func() { tb.Move(10) }, 3, 4},
		{"filter keeps the row when it still shows", func() { tb.SetFilter("TA") }, 3, 2},
		{"filter drops the row: first match", func() { tb.SetFilter("gam") }, 2, 1},
		{"no match", func() { tb.SetFilter("zzz") }, -1, 0},
		{"clear keeps nothing selected at 0", func() { tb.SetFilter("") }, 0, 4},
		{"home/end", func() { tb.End() }, 3, 4},
		{"select", func() { tb.Select(1) }, 1, 4},
	}
	for _, tt := range tests {
		tt.do()
		if tb.Selected() != tt.wantSel || tb.Len() != tt.wantLen {
			t.Errorf("%s: selected %d len %d, want %d %d", tt.name, tb.Selected(), tb.Len(), tt.wantSel, tt.wantLen)
		}
	}
}

func FuzzTableView(f *testing.F) {
	f.Add("Contoso Ltd", "€1,234.00", "con", 80, 10)
	f.Add("\x1b[31m", "", "", 0, 0)
	f.Add(strings.Repeat("長", 50), "x", "長", 3, 1)
	st := newStyles(true, false)
	f.Fuzz(func(t *testing.T, a, b, filter string, width, height int) {
		width, height = width%300, height%100
		tb := newTable([]column{{TitleID: "a", Flex: true}, {TitleID: "b", Width: 9, Right: true}, {TitleID: "c", Width: 5, Drop: 70}})
		a, b = model.Clean(a), model.Clean(b) // as every row the app builds
		tb.SetRows([][]string{{a, b}, {b, a, a}, {}})
		tb.SetFilter(filter)
		tb.Move(height)
		out := tb.View(st, width, height, func(s string) string { return s })
		if width <= 0 {
			return
		}
		for _, line := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(line); w > max(width, 8) {
				t.Fatalf("line %d wide at width %d: %q", w, width, line)
			}
		}
	})
}
