package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/client/emulator"
)

// testNow is the fixed clock of every UI test: the emulator's demo dates
// are relative to it, so screens are the same on every run.
var testNow = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// harness runs the real app against the real live client and the
// loopback emulator, executing commands synchronously.
type harness struct {
	t   *testing.T
	app *App
	srv *emulator.Server
}

func newHarness(t *testing.T, w, h int, opts ...func(*emulator.Options, *Config)) *harness {
	t.Helper()
	eo := emulator.Options{Now: func() time.Time { return testNow }}
	cfg := Config{Now: func() time.Time { return testNow }, DownloadDir: t.TempDir()}
	for _, o := range opts {
		o(&eo, &cfg)
	}
	srv, err := emulator.Start(eo)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	live, err := client.NewLive(client.Options{
		Credential: srv.Credential(), Endpoint: srv.URL(), Transport: srv.HTTPClient(),
		BlobClient: srv.HTTPClient(), PollEvery: 10 * time.Millisecond, Now: func() time.Time { return testNow },
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Billing = live
	cfg.TenantID = client.CallerTenant(context.Background(), srv.Credential())
	cfg.Identity = client.CallerName(context.Background(), srv.Credential())
	cfg.Cloud = "AzureCloud"
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	systemClipboard = func(string) error { return nil } // never the person's clipboard
	hs := &harness{t: t, app: New(ctx, cfg), srv: srv}
	hs.app.c.dl.pump = true
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.app.Init())
	return hs
}

// send delivers a message and runs every command it leads to.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

// run executes a command and feeds back its messages. Spinner ticks,
// blinks and terminal queries are dropped: they would never end.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil {
		return
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			h.run(c)
		}
	case spinner.TickMsg:
	case tea.QuitMsg:
	default:
		// Only the app's own messages go back in: cursor blinks and
		// terminal queries would tick forever.
		if reflect.TypeOf(msg).PkgPath() == reflect.TypeOf(loadedMsg{}).PkgPath() {
			h.send(msg)
		}
	}
}

// keys types each key in turn: "enter", "esc", "j", or literal text.
func (h *harness) keys(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the current frame without colour.
// The download folder is a temporary one: it is shown as <downloads>, so
// golden screens are the same on every run.
func (h *harness) screen() string {
	s := ansi.Strip(h.app.render())
	if d := h.app.c.cfg.DownloadDir; d != "" {
		s = strings.ReplaceAll(s, d, "<downloads>")
		s = strings.ReplaceAll(s, shortPath(d), "<downloads>")
	}
	return s
}

// selectRow moves the cursor down until the selected row contains text.
func (h *harness) selectRow(text string) {
	h.t.Helper()
	for i := 0; i < 60; i++ {
		if strings.Contains(h.selected(), text) {
			return
		}
		h.keys("j")
	}
	h.t.Fatalf("no row with %q:\n%s", text, h.screen())
}

// selected is the cells of the row under the cursor, joined.
func (h *harness) selected() string {
	s, ok := h.app.top().(interface{ selectedRow() []string })
	if !ok {
		return ""
	}
	return strings.Join(s.selectedRow(), " | ")
}

// waitDownloads feeds download events to the app until none is running.
func (h *harness) waitDownloads() {
	h.t.Helper()
	deadline := time.After(30 * time.Second)
	for h.app.c.dl.active(0) {
		select {
		case ev := <-h.app.c.dl.events:
			h.send(ev)
		case <-deadline:
			h.t.Fatalf("downloads did not finish:\n%s", h.screen())
		}
	}
}
