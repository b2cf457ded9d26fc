package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestBreadcrumbFits(t *testing.T) {
	a := New(context.Background(), Config{})
	a.stack = append(a.stack,
		noticeScreen(a.c, []string{"Fabrikam Studio", "Subscriptions"}, "notice.csp", nil),
		noticeScreen(a.c, []string{"Fabrikam Production", "Invoices"}, "notice.csp", nil),
		noticeScreen(a.c, []string{strings.Repeat("Very long display name ", 8), "Email invoices"}, "notice.csp", nil),
	)
	for _, w := range []int{200, 80, 60, 30, 5, 1} {
		got := ansi.Strip(a.breadcrumb(w))
		if ansi.StringWidth(got) > max(w, 1) {
			t.Errorf("width %d: %q is %d wide", w, got, ansi.StringWidth(got))
		}
		if w >= 80 && !strings.HasPrefix(got, "Cost Management + Billing") {
			t.Errorf("width %d: root dropped: %q", w, got)
		}
	}
	if got := ansi.Strip(a.breadcrumb(80)); !strings.Contains(got, "…") {
		t.Errorf("no ellipsis for a path that does not fit: %q", got)
	}
}
