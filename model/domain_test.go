package model

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

func TestParseAgreementAndBadge(t *testing.T) {
	tests := []struct {
		in       string
		want     Agreement
		badge    string
		profiles bool
		scope    ScopeKind
	}{
		{"MicrosoftOnlineServicesProgram", AgreementMOSP, "MOSP", false, ScopeBillingSubscription},
		{" microsoftcustomeragreement ", AgreementMCA, "MCA", true, ScopeProfile},
		{"EnterpriseAgreement", AgreementEA, "EA", false, ScopeAccount},
		{"MicrosoftPartnerAgreement", AgreementMPA, "MPA", true, ScopeProfile},
		{"mca", AgreementMCA, "MCA", true, ScopeProfile},
		{"", AgreementUnknown, "?", false, ScopeNone},
		{"Other", AgreementUnknown, "?", false, ScopeNone},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a := ParseAgreement(tt.in)
			if a != tt.want || a.Badge() != tt.badge || a.HasProfiles() != tt.profiles || a.InvoiceScope() != tt.scope {
				t.Errorf("%q -> %q %q %v %v", tt.in, a, a.Badge(), a.HasProfiles(), a.InvoiceScope())
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Contoso Ltd", "Contoso Ltd"},
		{"Bērziņa €", "Bērziņa €"},
		{"evil\x1b[2Jname", "evil[2Jname"},
		{"link\x1b]8;;https://x\x07text", "link]8;;https://xtext"},
		{"a\tb\nc\rd", "a b c d"},
		{"rtl\u202eexe.pdf", "rtlexe.pdf"},
		{"c1\u009bcsi", "c1csi"},
		{"", ""},
		{"bad\xedutf8", "bad\uFFFDutf8"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[31mred", "\u202e", "a\x00b", string([]byte{0xff, 0xfe})} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Clean(%q) is not valid UTF-8", s)
		}
		for _, r := range out {
			if r != utf8.RuneError && (unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)) {
				t.Fatalf("Clean(%q) kept %U", s, r)
			}
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
	})
}

func TestOrNoneAndTitles(t *testing.T) {
	if OrNone("") != None || OrNone("x") != "x" {
		t.Error("OrNone")
	}
	tests := []struct{ got, want string }{
		{Account{Name: "n"}.Title(), "n"},
		{Account{Name: "n", DisplayName: "D"}.Title(), "D"},
		{Account{}.Title(), None},
		{Profile{Name: "p"}.Title(), "p"},
		{Subscription{SubscriptionID: "s"}.Title(), "s"},
		{Subscription{DisplayName: "S", SubscriptionID: "s"}.Title(), "S"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestOffer(t *testing.T) {
	tests := []struct {
		offer, quota string
		want         Offer
	}{
		{"MS-AZR-0003P", "", OfferPayAsYouGo},
		{"ms-azr-0044p", "", OfferFreeTrial},
		{"MS-AZR-0063P", "", OfferVisualStudio},
		{"MS-AZR-0111P", "", OfferAzureInOpen},
		{"MS-AZR-0145P", "", OfferCSP},
		{"", "FreeTrial_2014-09-01", OfferFreeTrial},
		{"", "MSDN_2014-09-01", OfferVisualStudio},
		{"", "AzureInOpen_2014-09-01", OfferAzureInOpen},
		{"", "CSP_2015-05-01", OfferCSP},
		{"", "EnterpriseAgreement_2014-09-01", OfferEnterprise},
		{"", "PayAsYouGo_2014-09-01", OfferPayAsYouGo},
		{"", "Sponsored_2016-01-01", OfferSponsorship},
		{"", "Something_2020", OfferUnknown},
		{"", "", OfferUnknown},
		{"MS-AZR-0003P", "FreeTrial_2014-09-01", OfferPayAsYouGo}, // the offer ID wins
		// Today's offer table (costs/understand-cost-mgt-data).
		{"MS-AZR-0170P", "", OfferStudents},
		{"", "AzureForStudents_2018-01-01", OfferStudents},
		{"MS-AZR-0023P", "MSDNDevTest_2014-09-01", OfferDevTest},
		{"MS-AZR-0148P", "", OfferDevTest},
		{"", "MSDNDevTest_2014-09-01", OfferShared}, // PAYG, EA and MCA Dev/Test, VS Test Professional
		{"", "MPN_2014-09-01", OfferShared},         // Cloud Partner Program (PAYG) and VS Enterprise MPN
		{"MS-AZR-0125P", "", OfferAzurePass},
		{"MS-AZR-0017G", "", OfferAzurePlan},
		{"MS-AZR-0042P", "", OfferSupport},
	}
	for _, tt := range tests {
		if got := (Subscription{OfferID: tt.offer, QuotaID: tt.quota}).Offer(); got != tt.want {
			t.Errorf("%q/%q: %v, want %v", tt.offer, tt.quota, got, tt.want)
		}
	}
	// The MCA Azure plan shares the EA quota ID.
	if got := (Subscription{QuotaID: "EnterpriseAgreement_2014-09-01", Agreement: AgreementMCA}).Offer(); got != OfferAzurePlan {
		t.Errorf("MCA EnterpriseAgreement quota: %v", got)
	}
}

func TestAgeDays(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		created time.Time
		want    int
	}{
		{time.Time{}, -1},
		{now.AddDate(0, 0, -20), 20},
		{now.Add(-23 * time.Hour), 0},
		{now.AddDate(0, 0, 3), 0}, // a clock skew never gives a negative age
	}
	for _, tt := range tests {
		if got := (Subscription{Created: tt.created}).AgeDays(now); got != tt.want {
			t.Errorf("created %v: %d, want %d", tt.created, got, tt.want)
		}
	}
}

func TestBillingScope(t *testing.T) {
	tests := []struct {
		sub  Subscription
		want Scope
	}{
		{Subscription{Agreement: AgreementMOSP, AccountName: "a", SubscriptionID: "s", ProfileName: "p"},
			Scope{Kind: ScopeBillingSubscription, Agreement: AgreementMOSP, AccountName: "a", SubscriptionID: "s"}},
		{Subscription{Agreement: AgreementMCA, AccountName: "a", SubscriptionID: "s", ProfileName: "p"},
			Scope{Kind: ScopeProfile, Agreement: AgreementMCA, AccountName: "a", ProfileName: "p"}},
		{Subscription{Agreement: AgreementEA, AccountName: "a", SubscriptionID: "s"},
			Scope{Kind: ScopeAccount, Agreement: AgreementEA, AccountName: "a"}},
		{Subscription{SubscriptionID: "s"}, Scope{}},
	}
	for _, tt := range tests {
		if got := tt.sub.BillingScope(); got != tt.want {
			t.Errorf("%+v: %+v, want %+v", tt.sub, got, tt.want)
		}
	}
}

func TestScopeKey(t *testing.T) {
	keys := map[string]bool{}
	for _, sc := range []Scope{
		{AccountName: "a"}, {AccountName: "a", ProfileName: "p"}, {AccountName: "a", SubscriptionID: "s"},
		{AccountName: "a", ProfileName: "s"}, {AccountName: "b"},
	} {
		k := sc.Key()
		if keys[k] {
			t.Errorf("key %q is not unique", k)
		}
		keys[k] = true
	}
}

func TestPeriodEnded(t *testing.T) {
	p := Period{Start: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC), false},
		{time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2026, 10, 15, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		if got := p.Ended(tt.now); got != tt.want {
			t.Errorf("at %v: %v", tt.now, got)
		}
	}
	if (Period{}).Ended(time.Now()) {
		t.Error("an unknown period has not ended")
	}
}

func TestCurrentPeriod(t *testing.T) {
	tests := []struct {
		now        time.Time
		day        int
		start, end string
	}{
		{time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), 1, "2026-11-01", "2026-11-30"},
		{time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), 15, "2026-11-15", "2026-12-14"},
		{time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), 15, "2026-10-15", "2026-11-14"},
		{time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC), 5, "2025-12-05", "2026-01-04"},
		{time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC), 0, "2026-02-01", "2026-02-28"},
		{time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC), 31, "2026-02-01", "2026-02-28"},
	}
	for _, tt := range tests {
		p := CurrentPeriod(tt.now, tt.day)
		if p.Start.Format(time.DateOnly) != tt.start || p.End.Format(time.DateOnly) != tt.end {
			t.Errorf("%v day %d: %v – %v, want %s – %s", tt.now, tt.day, p.Start, p.End, tt.start, tt.end)
		}
	}
}

func TestSortInvoices(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2026, 1, day, 0, 0, 0, 0, time.UTC) }
	in := []Invoice{{Name: "A", Date: d(1)}, {Name: "C", Date: d(3)}, {Name: "B", Date: d(3)}, {Name: "Z"}}
	SortInvoices(in)
	var got []string
	for _, i := range in {
		got = append(got, i.Name)
	}
	if strings.Join(got, "") != "CBAZ" {
		t.Errorf("order %v, want C B A Z", got)
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		r           Role
		see, change bool
	}{
		{RoleOwner, true, true}, {RoleContributor, true, true}, {RoleReader, true, false},
		{RoleInvoiceManager, true, false}, {RoleNone, false, false}, {RoleUnknown, false, false},
		{RoleDepartmentAdmin, false, false},
	}
	for _, tt := range tests {
		if tt.r.CanSeeInvoices() != tt.see || tt.r.CanChangeEmail() != tt.change {
			t.Errorf("%q: see=%v change=%v", tt.r, tt.r.CanSeeInvoices(), tt.r.CanChangeEmail())
		}
	}
	if !ViewChargesAllowed.Allowed() || ViewChargesNotAllowed.Allowed() || ViewChargesUnknown.Allowed() {
		t.Error("ViewCharges.Allowed")
	}
	on, off := true, false
	if !(EmailPreference{OptIn: &on}).Enabled() || (EmailPreference{OptIn: &off}).Enabled() || (EmailPreference{}).Enabled() {
		t.Error("EmailPreference.Enabled")
	}
	if !IsForbidden(ErrForbidden) || IsForbidden(errors.New("x")) || IsForbidden(nil) {
		t.Error("IsForbidden")
	}
}
