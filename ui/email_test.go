package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/model"
)

// openEmail walks to a row of the billing scopes and presses e on the
// last one (a billing profile, subscription or account).
func openEmail(t *testing.T, h *harness, path ...string) *emailScreen {
	t.Helper()
	for i, row := range path {
		h.selectRow(row)
		if i < len(path)-1 {
			h.keys("enter")
		}
	}
	h.keys("e")
	s, ok := h.app.top().(*emailScreen)
	if !ok {
		t.Fatalf("e did not open the email screen:\n%s", h.screen())
	}
	return s
}

// serverProfile reads the profile as Azure (the emulator) holds it, through
// a client of its own: nothing the UI cached can answer for it.
func serverProfile(t *testing.T, h *harness, s *emailScreen) model.Profile {
	t.Helper()
	live, err := client.NewLive(client.Options{Credential: h.srv.Credential(), Endpoint: h.srv.URL(),
		Transport: h.srv.HTTPClient(), BlobClient: h.srv.HTTPClient(), PollEvery: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	p, err := live.Profile(context.Background(), s.t.account, s.t.profile)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// writes counts the requests that could change something in Azure.
func writes(h *harness) int {
	n := 0
	for _, r := range h.srv.Requests() {
		if r.Method == "PUT" || r.Method == "PATCH" || r.Method == "DELETE" {
			n++
		}
	}
	return n
}

func typeText(h *harness, s string) {
	for _, r := range s {
		h.keys(string(r))
	}
}

func mustShow(t *testing.T, h *harness, wants ...string) {
	t.Helper()
	scr := strings.Join(strings.Fields(h.screen()), " ")
	for _, w := range wants {
		if !strings.Contains(scr, w) {
			t.Errorf("%q missing:\n%s", w, h.screen())
		}
	}
}

func TestEmailToggleOnAndOff(t *testing.T) {
	h := newHarness(t, 100, 30)
	s := openEmail(t, h, "Contoso Ltd", "Finance")
	mustShow(t, h, "Email invoices: Off", "You can change this (your role: Owner)", "jana@contoso.com")
	for _, want := range []bool{true, false} {
		h.keys("t")
		if s.mode != modeConfirm {
			t.Fatalf("t did not open the confirm dialog:\n%s", h.screen())
		}
		if want {
			mustShow(t, h, "Off → On", "When you turn email invoices on")
		} else {
			mustShow(t, h, "On → Off")
		}
		h.keys("y")
		if got := serverProfile(t, h, s).Email.Enabled(); got != want {
			t.Fatalf("server holds opt-in %v, want %v", got, want)
		}
		if got := s.prof.Email.Enabled(); got != want || s.dirty() {
			t.Errorf("screen shows %v (dirty %v), server %v", got, s.dirty(), want)
		}
		mustShow(t, h, "Done. Read back from Azure")
	}
	if n := writes(h); n != 2 {
		t.Errorf("%d writes, want 2", n)
	}
}

func TestEmailRecipientsAddRemove(t *testing.T) {
	h := newHarness(t, 100, 30)
	s := openEmail(t, h, "Contoso Ltd", "Finance")
	for _, addr := range []string{"billing@contoso.com", "cfo@contoso.com"} {
		h.keys("a")
		typeText(h, addr)
		h.keys("enter")
	}
	mustShow(t, h, "billing@contoso.com (new, not saved)", "2 added, 0 removed")
	if writes(h) != 0 {
		t.Fatal("adding to the edit sent a request")
	}
	h.keys("enter", "y")
	if got := serverProfile(t, h, s).Email.Recipients; !sameAddresses(got, []string{"billing@contoso.com", "cfo@contoso.com"}) {
		t.Fatalf("server holds %v after adding", got)
	}
	h.keys("up", "x") // the cursor was on the last added; up selects the first
	mustShow(t, h, "billing@contoso.com (removed, not saved)")
	h.keys("enter")
	mustShow(t, h, "− billing@contoso.com")
	h.keys("y")
	if got := serverProfile(t, h, s).Email.Recipients; !sameAddresses(got, []string{"cfo@contoso.com"}) {
		t.Fatalf("server holds %v after removing", got)
	}
	if !sameAddresses(s.prof.Email.Recipients, []string{"cfo@contoso.com"}) {
		t.Errorf("screen shows %v", s.prof.Email.Recipients)
	}
	mustShow(t, h, "1 additional recipient.", "cfo@contoso.com")
}

func TestEmailInvalidAddressRefused(t *testing.T) {
	tests := []struct{ typed, want string }{
		{"not-an-address", "is not a valid email address"},
		{"a@b", "is not a valid email address"},
		{"Jana <jana@contoso.com>", "is not a valid email address"},
		{"a@contoso.com,b@contoso.com", "is not a valid email address"},
		{"jana@contoso.com\x1b[31m", "is not a valid email address"},
		{"", "Type an email address first"},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			h := newHarness(t, 100, 30)
			s := openEmail(t, h, "Contoso Ltd", "Finance")
			h.keys("a")
			typeText(h, tt.typed)
			h.keys("enter")
			mustShow(t, h, tt.want)
			if len(s.draft) != 0 || s.mode != modeAdding {
				t.Errorf("refused address changed the edit %v or left the input (mode %d)", s.draft, s.mode)
			}
			h.keys("esc", "enter")
			if writes(h) != 0 || s.mode != modeView {
				t.Errorf("a refused address led to a write or a dialog")
			}
		})
	}
}

func TestEmailReaderCannotChange(t *testing.T) {
	h := newHarness(t, 100, 30)
	s := openEmail(t, h, "Contoso Ltd", "Research")
	h.keys("t", " ", "a", "x", "enter", "y")
	if n := writes(h); n != 0 {
		t.Fatalf("a Reader's keys sent %d writes", n)
	}
	if s.mode != modeView || s.dirty() {
		t.Errorf("the Reader got an edit (mode %d, dirty %v)", s.mode, s.dirty())
	}
	mustShow(t, h, "Readers cannot update the email invoice preference", "anna@contoso.com, martins@contoso.com",
		"Invoice manager role", "ap@contoso.com")
	for _, b := range s.Bindings() {
		if k := b.Help().Key; k == "t/space" || k == "a" || k == "x" {
			t.Errorf("help offers %q to a Reader", k)
		}
	}
}

func TestEmailRefusedChangeShowsServerState(t *testing.T) {
	tests := []struct {
		name  string
		fault emulator.Fault
		want  string
	}{
		{"500 on PUT", emulator.Fault{Method: "PUT", PathContains: "/billingProfiles/", Status: 500, Code: "InternalServerError", Times: 10}, "HTTP 500"},
		{"403 on PUT", emulator.Fault{Method: "PUT", PathContains: "/billingProfiles/", Status: 403, Code: "AuthorizationFailed"}, "HTTP 403"},
		{"409 on PUT", emulator.Fault{Method: "PUT", PathContains: "/billingProfiles/", Status: 409, Code: "Conflict"}, "HTTP 409"},
		{"fails after accept", emulator.Fault{Method: "PUT", PathContains: "/billingProfiles/", Kind: emulator.FaultAfterAccept, Code: "InternalError"}, "could not be confirmed"},
		{"501 on PUT", emulator.Fault{Method: "PUT", PathContains: "/billingProfiles/", Status: 501, Code: "NotImplemented"}, "HTTP 501"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, 100, 30)
			s := openEmail(t, h, "Contoso Ltd", "Finance")
			h.srv.SetFault(tt.fault)
			h.keys("a")
			typeText(h, "billing@contoso.com")
			h.keys("enter", "t", "y")
			held := serverProfile(t, h, s)
			if s.prof.Email.Enabled() != held.Email.Enabled() || !sameAddresses(s.prof.Email.Recipients, held.Email.Recipients) {
				t.Errorf("screen shows %+v, server holds %+v", s.prof.Email, held.Email)
			}
			if held.Email.Enabled() {
				t.Errorf("the failed change was applied: %+v", held.Email)
			}
			mustShow(t, h, "The change could not be confirmed", tt.want, "Email invoices: Off", "Your edit is kept")
			if !s.draftOn || len(s.draft) != 1 || s.mode != modeView {
				t.Errorf("the edit was not kept: on=%v draft=%v mode=%d", s.draftOn, s.draft, s.mode)
			}
			h.srv.ClearFaults()
			h.keys("enter", "y") // retry the kept edit
			if got := serverProfile(t, h, s).Email; !got.Enabled() || len(got.Recipients) != 1 {
				t.Errorf("retry did not apply the kept edit: %+v", got)
			}
		})
	}
}

func TestEmailNothingSent(t *testing.T) {
	tests := []struct {
		name     string
		readOnly bool
		keys     []string
		want     string
	}{
		{"confirm cancelled with n", false, []string{"t", "n"}, "Nothing was sent"},
		{"confirm cancelled with esc", false, []string{"t", "esc"}, "Nothing was sent"},
		{"recipient edit cancelled", false, []string{"a", "x", "@", "y", ".", "z", "z", "enter", "enter", "n"}, "Nothing was sent"},
		{"read-only", true, []string{"t", " ", "a", "enter", "y", "x"}, "Read-only mode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, 100, 30, func(_ *emulator.Options, c *Config) { c.ReadOnly = tt.readOnly })
			s := openEmail(t, h, "Contoso Ltd", "Finance")
			h.keys(tt.keys...)
			mustShow(t, h, tt.want)
			if n := writes(h); n != 0 {
				t.Errorf("%d writes sent", n)
			}
			if s.Capturing() {
				t.Errorf("left in mode %d", s.mode)
			}
			if tt.readOnly && strings.Contains(h.screen(), "turn on/off") {
				t.Errorf("read-only offers the toggle:\n%s", h.screen())
			}
		})
	}
}

func TestEmailDoublePressSendsOnce(t *testing.T) {
	h := newHarness(t, 100, 30)
	openEmail(t, h, "Contoso Ltd", "Finance")
	h.keys("t")
	_, held := h.app.Update(keyMsg("y")) // the change starts; its answer is held
	h.keys("y", "enter", "t", "y")       // impatient presses while it runs
	if n := writes(h); n != 0 {
		t.Fatalf("%d writes before the held change ran", n)
	}
	mustShow(t, h, "Changing the email invoice preference")
	h.run(held)
	h.keys("y")
	if n := writes(h); n != 1 {
		t.Errorf("%d writes, want 1", n)
	}
}

func TestEmailOtherScopes(t *testing.T) {
	tests := []struct {
		name  string
		tab   bool
		path  []string
		wants []string
	}{
		{"MOSP subscription", false, []string{"Fabrikam Studio", "Fabrikam Production"},
			[]string{"opts in per subscription", "Receive invoice by email", "Only the subscription's Account Administrator can opt in", "jana@contoso.com"}},
		{"MOSP account", false, []string{"Fabrikam Studio"}, []string{"opts in per subscription", "jana@contoso.com"}},
		{"EA enrollment", false, []string{"Contoso Enterprise Enrollment"}, []string{"emailed to the enrollment's invoice contacts", "Only an Enterprise Administrator"}},
		{"MCA account", false, []string{"Contoso Ltd"}, []string{"set per billing profile", "Research: On · 2 addresses", "Finance: Off"}},
		{"Azure Government profile", false, []string{"Contoso Ltd", "Contoso Gov"}, []string{"Azure Government does not send invoices by email"}},
		{"CSP subscription", true, []string{"Northwind Retail (CSP)"}, []string{"the partner sends the invoice"}},
		{"MCA bought through a partner", false, []string{"Contoso Ltd", "Contoso Reseller"}, []string{"the partner sends the invoice", "bills you"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, 120, 40)
			if tt.tab {
				h.keys("tab")
			}
			openEmail(t, h, tt.path...)
			mustShow(t, h, tt.wants...)
			if strings.Contains(h.screen(), "turn on/off") {
				t.Errorf("offers a toggle where the API has none:\n%s", h.screen())
			}
			h.keys("t", "y")
			if writes(h) != 0 {
				t.Error("a write was sent")
			}
		})
	}
}

func TestEmailGolden(t *testing.T) {
	tests := []struct {
		name string
		path []string
	}{
		{"email_owner_80x24", []string{"Contoso Ltd", "Finance"}},
		{"email_reader_80x24", []string{"Contoso Ltd", "Research"}},
		// By the Subscriptions tab: the crumb through the MOSP account is
		// too long for 80 columns.
		{"email_mosp_80x24", []string{"Fabrikam Production"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, 80, 24)
			if strings.HasPrefix(tt.name, "email_mosp") {
				h.keys("tab")
			}
			openEmail(t, h, tt.path...)
			golden(t, tt.name, h.screen())
		})
	}
}

func TestEmailStopWaitingReadsBack(t *testing.T) {
	h := newHarness(t, 100, 30)
	s := openEmail(t, h, "Contoso Ltd", "Finance")
	h.keys("t")
	_, held := h.app.Update(keyMsg("y"))
	if !s.Capturing() || !s.Busy() {
		t.Fatalf("no change in flight (mode %d)", s.mode)
	}
	h.keys("esc") // stop waiting: the screen must stay and read the profile again
	if _, ok := h.app.top().(*emailScreen); !ok {
		t.Fatal("esc during a change left the screen")
	}
	h.run(held)
	held2 := serverProfile(t, h, s)
	if s.prof.Email.Enabled() != held2.Email.Enabled() {
		t.Errorf("screen shows %v, server holds %v", s.prof.Email.Enabled(), held2.Email.Enabled())
	}
	mustShow(t, h, "You stopped waiting", "read again just now", "Your edit is kept")
}
