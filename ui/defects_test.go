package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
)

// quits reports whether cmd (run one level, batches opened) asks to quit.
func quits(cmd tea.Cmd) bool {
	for _, m := range flattenDeep(cmd) {
		if _, ok := m.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

func flattenDeep(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(2 * time.Second):
		return nil // a blocking listener
	}
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, flattenDeep(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// 1. While "too small" is up, only quit works.
func TestDefectTooSmallTakesNoKeys(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := openEmail(t, h, "Contoso Ltd", "Finance")
	h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	h.keys("t", "y", "a")
	if s.mode != modeView || writes(h) != 0 {
		t.Fatalf("keys acted behind the too-small notice: mode %d, %d writes", s.mode, writes(h))
	}
	h.keys("esc")
	if h.app.top() != s {
		t.Fatal("esc left the screen behind the too-small notice")
	}
	_, cmd := h.app.Update(keyMsg("q"))
	if !quits(cmd) {
		t.Error("q does not quit behind the too-small notice")
	}
}

// 2. Keys do not reach the screen under ? help.
func TestDefectHelpTakesKeys(t *testing.T) {
	h := financeInvoices(t)
	before := h.selected()
	h.keys("?", "j", "enter", "d")
	if _, ok := h.app.top().(*detail); ok {
		t.Fatal("enter under help opened the hidden row")
	}
	if h.selected() != before || h.app.c.dl.active(0) {
		t.Fatalf("keys under help moved the list or downloaded: %q -> %q", before, h.selected())
	}
	h.keys("esc")
	if h.app.fullHelp {
		t.Error("esc did not close help")
	}
}

// 3. A download folder that is missing or not writable is named at start-up.
func TestDefectDownloadDirChecked(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, nil, 0o600)
	for _, bad := range []string{filepath.Join(dir, "missing"), file} {
		err := CheckDownloadDir(bad)
		if err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("%s: %v", bad, err)
		}
	}
	if err := CheckDownloadDir(dir); err != nil {
		t.Errorf("a good folder refused: %v", err)
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o500)
		if err := CheckDownloadDir(ro); err == nil {
			t.Error("a read-only folder accepted")
		}
	}
}

// 4. Esc asks before throwing away an unsaved edit.
func TestDefectEscAsksBeforeDroppingEdit(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := openEmail(t, h, "Contoso Ltd", "Finance")
	h.keys("a")
	typeText(h, "ap@contoso.example")
	h.keys("enter")
	if !s.dirty() {
		t.Fatalf("no edit:\n%s", h.screen())
	}
	h.keys("esc")
	if h.app.top() != s || !strings.Contains(h.screen(), "Discard") {
		t.Fatalf("esc left an unsaved edit without asking:\n%s", h.screen())
	}
	h.keys("n")
	if h.app.top() != s || !s.dirty() {
		t.Fatal("n did not keep the edit")
	}
	// q asks too: quitting would lose the edit.
	if _, cmd := h.app.Update(keyMsg("q")); quits(cmd) || !strings.Contains(h.screen(), "will be lost") {
		t.Fatalf("q quit over an unsaved edit:\n%s", h.screen())
	}
	h.keys("n")
	h.keys("esc", "y")
	if h.app.top() == s {
		t.Fatal("y did not leave")
	}
}

// 5. q asks first while downloads run.
func TestDefectQuitAsksWhileDownloading(t *testing.T) {
	h := financeInvoices(t)
	h.keys("d")
	if !h.app.c.dl.active(0) {
		t.Fatal("no download running")
	}
	_, cmd := h.app.Update(keyMsg("q"))
	if quits(cmd) {
		t.Fatal("q quit at once while a download ran")
	}
	if !strings.Contains(h.screen(), "Quit") {
		t.Fatalf("no question:\n%s", h.screen())
	}
	h.keys("n")
	if !h.app.c.dl.active(0) {
		t.Fatal("n cancelled the download")
	}
	h.app.Update(keyMsg("q"))
	_, cmd = h.app.Update(keyMsg("y"))
	if !quits(cmd) {
		t.Fatal("y did not quit")
	}
	h.waitDownloads()
}

// 6. A status with a link belongs to its screen and shows the whole link.
func TestDefectStatusBelongsToScreen(t *testing.T) {
	old := openBrowser
	openBrowser = func(string) error { return errors.New("no browser") }
	t.Cleanup(func() { openBrowser = old })
	h := newHarness(t, 80, 24)
	h.keys("l")
	h.selectRow("invoice") // a long learn.microsoft.com link
	l := h.app.top().(*listScreen[model.Link]).Current()
	h.keys("enter")
	flat := strings.ReplaceAll(strings.ReplaceAll(h.screen(), "\n", ""), " ", "")
	if !strings.Contains(flat, l.URL) {
		t.Fatalf("the whole link %s is not on screen:\n%s", l.URL, h.screen())
	}
	h.keys("y") // copies it
	if !strings.Contains(h.screen(), "Copied") {
		t.Errorf("y did not copy the link:\n%s", h.screen())
	}
	h.keys("esc")
	if strings.Contains(h.screen(), "No browser") {
		t.Errorf("the status outlived its screen:\n%s", h.screen())
	}
}

// 7. [ and ] move by whole billing periods and stop at the earliest.
func TestDefectYearWindowWholePeriods(t *testing.T) {
	h := financeInvoices(t)
	s := h.app.top().(*invoicesScr)
	check := func(p model.Period) {
		t.Helper()
		if p.Start.Day() != 1 || p.End.AddDate(0, 0, 1).Day() != 1 || p.End.AddDate(0, 0, 1) != p.Start.AddDate(1, 0, 0) {
			t.Fatalf("window %v – %v is not twelve whole months", p.Start, p.End)
		}
	}
	check(s.want)
	for i := 0; i < 60; i++ {
		h.keys("[")
		check(s.want)
	}
	if s.want.Start.Before(earliestPeriod.AddDate(-1, 0, 0)) {
		t.Errorf("[ went back to %v", s.want.Start)
	}
	for i := 0; i < 60; i++ {
		h.keys("]")
		check(s.want)
	}
	if s.want != yearWindow(testNow, 0) {
		t.Errorf("] came back to %v, want %v", s.want, yearWindow(testNow, 0))
	}
}

// 8. A subscription billed in another directory says so.
func TestDefectOtherTenantSubscription(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.keys("tab")
	h.selectRow("Tailspin Sandbox")
	h.keys("enter")
	scr := h.screen()
	if strings.Contains(scr, "Something went wrong") || !strings.Contains(scr, "directory") {
		t.Errorf("other-tenant subscription:\n%s", scr)
	}
}

// 9. Esc clears a kept filter first, on the first screen and inner ones.
func TestDefectEscClearsKeptFilter(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.keys("/")
	typeText(h, "Contoso")
	h.keys("enter", "esc")
	if f := h.app.c.dl; f == nil || strings.Contains(h.screen(), "/ contoso") || !strings.Contains(h.screen(), "Fabrikam") {
		t.Fatalf("esc did not clear the filter on the first screen:\n%s", h.screen())
	}
	h.selectRow("Contoso Ltd")
	h.keys("enter", "/")
	typeText(h, "Fin")
	h.keys("enter")
	inner := h.app.top()
	h.keys("esc")
	if h.app.top() != inner || !strings.Contains(h.screen(), "Marketing") {
		t.Fatalf("esc left instead of clearing the filter:\n%s", h.screen())
	}
	h.keys("esc")
	if h.app.top() == inner {
		t.Fatal("second esc did not go back")
	}
}

// 10. Help lists each key once, and every key that works.
func TestDefectHelpIsRight(t *testing.T) {
	h := financeInvoices(t)
	h.keys("?")
	scr := h.screen()
	if strings.Count(scr, "↑/k") != 1 || strings.Count(scr, "↓/j") != 1 {
		t.Errorf("movement keys listed twice:\n%s", scr)
	}
	for _, k := range []string{"G", "ctrl+d", "ctrl+u", "space", "backspace"} {
		if !strings.Contains(scr, k) {
			t.Errorf("%q missing from help:\n%s", k, scr)
		}
	}
	h = newHarness(t, 120, 40)
	h.keys("?")
	if !strings.Contains(h.screen(), "shift+tab") {
		t.Errorf("shift+tab missing from help:\n%s", h.screen())
	}
	h.keys("esc", "g")
	if strings.Contains(h.screen(), "☐") {
		t.Errorf("the guide shows tickable boxes:\n%s", h.screen())
	}
}

// 11. At 80 columns each column gets the width its content needs.
func TestDefectNarrowColumns(t *testing.T) {
	h := newHarness(t, 80, 24)
	head := strings.Split(h.screen(), "\n")[3]
	for _, c := range []string{"Type", "Status"} {
		if !strings.Contains(head, c) {
			t.Errorf("accounts at 80 columns drop %s: %q", c, head)
		}
	}
	h.keys("tab")
	head = strings.Split(h.screen(), "\n")[3]
	for _, c := range []string{"Offer", "Billing"} {
		if !strings.Contains(head, c) {
			t.Errorf("subscriptions at 80 columns drop %s: %q", c, head)
		}
	}
	h = newHarness(t, 80, 24)
	h.selectRow("Contoso Ltd")
	h.keys("enter")
	h.selectRow("Finance")
	h.keys("enter")
	for _, l := range strings.Split(h.screen(), "\n")[3:12] {
		if strings.Contains(l, "€") && strings.Contains(l, "…") {
			t.Errorf("an amount is cut: %q", l)
		}
	}
}

// 12. Small things.
func TestDefectSmallThings(t *testing.T) {
	c := &common{st: newStyles(true, false), cfg: Config{Now: func() time.Time { return testNow }}}
	d := newDownloads(c)
	d.jobs = []*dlJob{
		{name: "a.csv", started: testNow, prog: client.JobProgress{Done: 30 << 10, Size: -1}},
		{name: "b.csv", started: testNow, prog: client.JobProgress{Done: 27 << 10, Size: -1}},
	}
	if v := d.view(200); strings.Contains(v, "0 B") {
		t.Errorf("unknown sizes summed as 0 B: %s", v)
	}

	inv := model.Invoice{Name: "G1", Documents: []model.Document{{Kind: model.DocInvoice, Name: "G1", DocNumbers: []string{"G1"}}}}
	dt := detailScreen(c, model.Scope{}, inv, []string{"x"})
	if v := dt.View(100, 40); strings.Count(v, "G1") != 2 { // the title and the document
		t.Errorf("document row repeats its ID:\n%s", v)
	}

	h := newHarness(t, 120, 40)
	h.keys("tab", "?")
	if !strings.Contains(h.screen(), "Billing:") {
		t.Errorf("the Billing column is not explained:\n%s", h.screen())
	}

	var invs []model.Invoice
	for i := 0; i < 12; i++ {
		invs = append(invs, model.Invoice{Billed: model.Money{Amount: float64(i), Currency: "EUR", Known: true}})
	}
	invs[3].Status = model.StatusVoid
	spark, rng := sparkline(invs, 12)
	if l := sparkLabel(spark, rng); !strings.Contains(l, "last 11") || len([]rune(spark)) != 11 {
		t.Errorf("%d bars drawn, label %q", len([]rune(spark)), l)
	}

	c.spin = "⣾"
	if v := loadingView(c, "what.invoices", testNow.Add(-65*time.Second)); !strings.Contains(v, "65") || !strings.Contains(v, "esc") {
		t.Errorf("a long wait does not say how long or how to stop: %s", v)
	}
	s := invoicesScreen(c, model.Scope{}, []string{"x"})
	s.hint.loading, s.hint.started = true, testNow.Add(-65*time.Second)
	if v := s.likelyView(100); !strings.Contains(v, "65") || !strings.Contains(v, "esc") {
		t.Errorf("the likely-reason wait is a bare spinner: %s", v)
	}
}

// 11. A GUID is never broken in the middle by wrapping.
func TestDefectGUIDsWrapWhole(t *testing.T) {
	guid := "09e7c25f-56aa-54c2-8997-91d4a21d5127"
	for _, w := range []int{40, 50, 60} {
		out := wrap("The subscription "+guid+" is billed in another tenant.", w)
		if !strings.Contains(out, guid) {
			t.Errorf("width %d broke the GUID:\n%s", w, out)
		}
	}
}
