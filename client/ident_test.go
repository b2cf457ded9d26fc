package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/azinvoice/azinvoice/model"
)

// FuzzIdentifiersSentRaw: whatever an invoice or account is called, the
// name reaches Azure as exactly one path segment holding exactly that name
// (raw, not cleaned for display), or the client refuses it without
// sending anything. A name can never climb out of its route.
func FuzzIdentifiersSentRaw(f *testing.F) {
	for _, s := range []string{"G1009597", "..", ".", "", "a/b", `a\b`, "G1\u200b00\u200d9597", "\x1b[31mred", "\u202etxt.exe",
		"%2e%2e", "a?b#c", "name with spaces", "ünïcødé", "a%2Fb", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		var got []string
		l, _, rec := newTestLive(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got = append(got, r.RequestURI)
			writeJSON(w, http.StatusNotFound, `{"error":{"code":"NotFound","message":"no"}}`)
		}))
		ctx := context.Background()
		sc := model.Scope{Kind: model.ScopeAccount, Agreement: model.AgreementEA, AccountName: "acct"}
		_, err := l.DocumentLink(ctx, sc, name, nil, nil)
		_, perr := l.Profiles(ctx, name)
		reqs := rec.all()
		bad := checkSegment(name) != nil
		if bad {
			if len(reqs) != 0 {
				t.Fatalf("name %q refused, yet %d requests went out: %v", name, len(reqs), got)
			}
			if err == nil || perr == nil {
				t.Fatalf("name %q: no error", name)
			}
			return
		}
		if len(reqs) != 2 {
			t.Fatalf("name %q: %d requests, want 2: %v", name, len(reqs), got)
		}
		check := func(uri string, want []string) {
			p := strings.SplitN(uri, "?", 2)[0]
			segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
			if len(segs) != len(want) {
				t.Fatalf("name %q: path %q has %d segments, want %d", name, p, len(segs), len(want))
			}
			for i, w := range want {
				s, err := url.PathUnescape(segs[i])
				if err != nil || s != w {
					t.Fatalf("name %q: segment %d is %q (%q), want %q", name, i, segs[i], s, w)
				}
			}
		}
		check(got[0], []string{"providers", "Microsoft.Billing", "billingAccounts", "acct", "invoices", name, "download"})
		check(got[1], []string{"providers", "Microsoft.Billing", "billingAccounts", name, "billingProfiles"})
		if !utf8.ValidString(name) {
			t.Fatalf("invalid UTF-8 %q was sent", name)
		}
	})
}

func TestCheckSegment(t *testing.T) {
	for _, s := range []string{"", ".", "..", "a/b", `a\b`, "\xff", strings.Repeat("x", 600)} {
		if checkSegment(s) == nil {
			t.Errorf("%q accepted", s)
		}
	}
	for _, s := range []string{"G1009597", "...", "a..b", "\u202e", "\x1b"} {
		if err := checkSegment(s); err != nil {
			t.Errorf("%q refused: %v", s, err)
		}
	}
}

// Names and recipients are kept as Azure sent them (for calls); only the
// screen cleans them.
func TestIdentifiersConvertedRaw(t *testing.T) {
	name := "G1\u200b00\u202e9597\u001b"
	r := "ana\u200b@contoso.com"
	js, _ := json.Marshal(name)
	var inv wInvoice
	if _, ok := decodeLenient([]byte(`{"name":`+string(js)+`}`), &inv); !ok {
		t.Fatal("invoice not decoded")
	}
	if got := convertInvoice(&inv).Name; got != "G1\u200b00\u202e9597\x1b" {
		t.Errorf("invoice name %q, want it raw", got)
	}
	var prof wProfile
	if _, ok := decodeLenient([]byte(`{"name":"p","properties":{"invoiceRecipients":["`+r+`"]}}`), &prof); !ok {
		t.Fatal("profile not decoded")
	}
	p := convertProfile("acct", &prof)
	if len(p.Email.Recipients) != 1 || p.Email.Recipients[0] != "ana\u200b@contoso.com" {
		t.Errorf("recipients %q, want raw", p.Email.Recipients)
	}
	got, err := cleanRecipients(p.Email.Recipients)
	if err != nil || got[0] != p.Email.Recipients[0] {
		t.Errorf("a recipient read from Azure is not written back as read: %q, %v", got, err)
	}
	if _, err := cleanRecipients([]string{"a\x1b@contoso.com"}); err == nil {
		t.Error("a control character accepted in an address")
	}
}
