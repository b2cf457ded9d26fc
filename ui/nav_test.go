package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// A push that arrives after the person went back is dropped, not put on
// the wrong parent.
func TestLatePushIsDropped(t *testing.T) {
	h := financeInvoices(t)
	_, open := h.app.Update(keyMsg("enter")) // detail asked for, not yet pushed
	h.send(keyMsg("backspace"))
	h.run(open)
	if scr := h.screen(); strings.Contains(scr, "Invoice G") || !strings.Contains(scr, "Billing profiles") {
		t.Errorf("late push landed:\n%s", scr)
	}
}

// While rows are hidden by a load, no key acts on them.
func TestKeysIgnoreHiddenRows(t *testing.T) {
	h := financeInvoices(t)
	_, load := h.app.Update(keyMsg("r"))
	h.send(keyMsg("enter"))
	if _, ok := h.app.top().(*detail); ok {
		t.Fatal("enter opened a row hidden by the loading panel")
	}
	h.run(load)
}

// [ then esc: the header names the periods of the rows still shown.
func TestCancelledYearKeepsHeader(t *testing.T) {
	h := financeInvoices(t)
	before := strings.Split(h.screen(), "\n")[2]
	_, load := h.app.Update(keyMsg("["))
	if !strings.Contains(h.screen(), "2024-12-01") {
		t.Errorf("loading does not say which periods are coming:\n%s", h.screen())
	}
	h.send(keyMsg("esc"))
	h.run(load)
	if after := strings.Split(h.screen(), "\n")[2]; !strings.Contains(after, strings.Fields(before)[1]) {
		t.Errorf("header %q after cancel, was %q", after, before)
	}
	if strings.Contains(h.screen(), "] year after") {
		t.Errorf("] offered at today's window:\n%s", h.screen())
	}
}

func TestSameFileTwiceRunsOnce(t *testing.T) {
	h := financeInvoices(t)
	h.keys("u", "u")
	if !strings.Contains(h.screen(), "already downloading") {
		t.Errorf("second u not refused:\n%s", h.screen())
	}
	h.waitDownloads()
	if strings.Contains(h.screen(), "Could not save") {
		t.Errorf("a saved file is reported as failed:\n%s", h.screen())
	}
}

func TestExistsQuestionsQueue(t *testing.T) {
	h := financeInvoices(t)
	dir := h.app.c.cfg.DownloadDir
	h.keys("d")
	h.waitDownloads()
	h.keys("u")
	h.waitDownloads()
	// d and u typed before the first question shows: both files exist.
	_, askPDF := h.app.Update(keyMsg("d"))
	_, askCSV := h.app.Update(keyMsg("u"))
	h.run(askPDF)
	h.run(askCSV)
	first := h.screen()
	h.keys("s")
	second := h.screen()
	if !strings.Contains(first, ".pdf exists") || !strings.Contains(second, "usage.csv exists") {
		t.Fatalf("questions not asked in turn:\n%s\n---\n%s", first, second)
	}
	h.keys("k")
	h.waitDownloads()
	if n, _ := filepath.Glob(filepath.Join(dir, "*usage*")); len(n) != 2 {
		t.Errorf("keep both gave %v", n)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
}

func TestPasteIntoFilter(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.keys("/")
	h.send(tea.PasteMsg{Content: "Contoso"})
	h.keys("enter")
	if scr := h.screen(); strings.Contains(scr, "Fabrikam Studio") || !strings.Contains(scr, "Contoso Ltd") {
		t.Errorf("paste did not filter:\n%s", scr)
	}
}

func TestPagerPageKeys(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.keys("g")
	g := h.app.top().(*guide)
	start := g.pg.cursor
	h.send(tea.KeyPressMsg{Code: tea.KeyPgDown})
	if g.pg.cursor <= start {
		t.Errorf("pgdown did not move: %d -> %d", start, g.pg.cursor)
	}
	h.send(tea.KeyPressMsg{Code: tea.KeyEnd})
	end := g.pg.cursor
	h.send(tea.KeyPressMsg{Code: tea.KeyPgUp})
	if g.pg.cursor >= end {
		t.Errorf("pgup did not move back from the end")
	}
}

// After an email change, the billing profiles list below reads again.
func TestProfilesListReadsAgainAfterEmailChange(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.selectRow("Contoso Ltd")
	h.keys("enter")
	h.selectRow("Finance")
	if !strings.Contains(h.selected(), "Off") {
		t.Fatalf("Finance should start with email off: %q", h.selected())
	}
	h.keys("e", "t", "enter") // enter must not confirm: nothing is sent yet
	for _, r := range h.srv.Requests() {
		if r.Method == "PUT" {
			t.Fatal("enter confirmed the change")
		}
	}
	h.keys("y")
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(h.screen(), "Read back from Azure") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	h.keys("esc")
	if !strings.Contains(h.selected(), "On") {
		t.Errorf("profiles list still shows %q after the change", h.selected())
	}
}
