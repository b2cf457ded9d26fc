package client

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"

	"github.com/azinvoice/azinvoice/model"
)

func TestCSVJoiner(t *testing.T) {
	tests := []struct {
		name  string
		blobs [][]string // each blob as the chunks Write receives
		want  string
		rows  int64
	}{
		{"one blob", [][]string{{"h1,h2\n", "a,b\n", "c,d\n"}}, "h1,h2\na,b\nc,d\n", 2},
		{"header dropped", [][]string{{"h1,h2\r\na,b\r\n"}, {"h1,h2\r\nc,d\r\n"}}, "h1,h2\r\na,b\r\nc,d\r\n", 2},
		{"header split across writes", [][]string{{"h1,", "h2\na,b\n"}, {"h", "1,h2", "\nc,d\n"}}, "h1,h2\na,b\nc,d\n", 2},
		{"different first line kept", [][]string{{"h\na\n"}, {"x\nb\n"}}, "h\na\nx\nb\n", 3},
		{"header-only second blob", [][]string{{"h\na\n"}, {"h"}}, "h\na\n", 1},
		{"empty blob", [][]string{{"h\na\n"}, {}}, "h\na\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			j := &csvJoiner{w: &out}
			for _, blob := range tt.blobs {
				j.startBlob()
				for _, chunk := range blob {
					if n, err := j.Write([]byte(chunk)); err != nil || n != len(chunk) {
						t.Fatalf("Write = %d, %v", n, err)
					}
				}
				if err := j.flush(); err != nil {
					t.Fatal(err)
				}
			}
			if out.String() != tt.want || j.rows != tt.rows || j.bytes != int64(out.Len()) {
				t.Errorf("got %q rows %d bytes %d, want %q rows %d", out.String(), j.rows, j.bytes, tt.want, tt.rows)
			}
		})
	}
}

func TestRedaction(t *testing.T) {
	const secret = "sig=TOPSECRET"
	tests := []string{
		"https://acct.blob.core.windows.net/c/x.pdf?sv=1&" + secret,
		`Get "https://h/p?` + secret + `": EOF`,
		"fetch https://h/p#" + secret,
	}
	for _, in := range tests {
		if got := RedactText(in); strings.Contains(got, "TOPSECRET") {
			t.Errorf("RedactText(%q) = %q", in, got)
		}
	}
	if got := (Link{URL: "https://h/p?" + secret}).String(); got != "https://h/p?[redacted]" {
		t.Errorf("Link.String = %q", got)
	}
	var logs bytes.Buffer
	LogListener(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))("Request", "GET https://h/p?"+secret+"\nAuthorization: REDACTED")
	if strings.Contains(logs.String(), "TOPSECRET") || !strings.Contains(logs.String(), "https://h/p") {
		t.Errorf("log = %q", logs.String())
	}
	LogListener(nil)("Request", "no panic")
	err := wrap("download", errors.New(`Get "https://h/p?`+secret+`": connection reset`))
	if strings.Contains(err.Error(), "TOPSECRET") {
		t.Errorf("wrapped error = %q", err)
	}
}

func TestOIDFromJWT(t *testing.T) {
	if oid, err := oidFromJWT(testToken()); err != nil || oid != testOID {
		t.Errorf("oid = %q, %v", oid, err)
	}
	for _, bad := range []string{"", "abc", "a.b", "a.!!!.c", "a.e30.c" /* {} */} {
		if _, err := oidFromJWT(bad); err == nil {
			t.Errorf("oidFromJWT(%q) accepted", bad)
		}
	}
}

func TestCheckCredential(t *testing.T) {
	if err := CheckCredential(context.Background(), fakeCred{}); err != nil {
		t.Fatal(err)
	}
	err := CheckCredential(context.Background(), fakeCred{err: errors.New("az login needed")})
	if err == nil || !strings.Contains(err.Error(), "Azure CLI") || !strings.Contains(err.Error(), "az login needed") {
		t.Errorf("err = %v", err)
	}
	if CheckCredential(context.Background(), nil) == nil {
		t.Error("nil credential accepted")
	}
	if _, err := NewLive(Options{}); err == nil {
		t.Error("NewLive without credential accepted")
	}
}

func TestRoleOf(t *testing.T) {
	tests := []struct {
		id   string
		want model.Role
	}{
		{"/providers/Microsoft.Billing/billingAccounts/a/billingProfiles/p/billingRoleDefinitions/40000000-aaaa-bbbb-cccc-100000000000", model.RoleOwner},
		{"/x/billingRoleDefinitions/50000000-aaaa-bbbb-cccc-100000000001", model.RoleContributor},
		{"40000000-aaaa-bbbb-cccc-100000000002", model.RoleReader},
		{"40000000-aaaa-bbbb-cccc-100000000006", model.RoleInvoiceManager},
		{"EnterpriseAdmin", model.RoleEnterpriseAdmin},
		{"40000000-aaaa-bbbb-cccc-100000000099", model.RoleUnknown},
		{"", model.RoleUnknown},
	}
	for _, tt := range tests {
		if got := roleOf(tt.id); got != tt.want {
			t.Errorf("roleOf(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
	if rank(model.RoleOwner) <= rank(model.RoleReader) || rank(model.RoleNone) >= rank(model.RoleUnknown) {
		t.Error("rank order wrong")
	}
}

func TestAccessFrom(t *testing.T) {
	allowed, denied := armbilling.AccessDecisionAllowed, armbilling.AccessDecisionNotAllowed
	got := accessFrom([]*armbilling.CheckAccessResponse{
		nil, {},
		{Action: ptr(actProfileInvoices), AccessDecision: &allowed},
		{Action: ptr(strings.ToUpper(actProfileWrite)), AccessDecision: &denied},
		{Action: ptr(actProfileRead), AccessDecision: &allowed},
	})
	if !got.CanReadInvoices || got.CanWriteProfile || !got.CanReadProfile {
		t.Errorf("access = %+v", got)
	}
}

func TestCleanRecipients(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
		bad  bool
	}{
		{[]string{" a@b.c ", "", "a@b.c", "d@e.f"}, []string{"a@b.c", "d@e.f"}, false},
		{nil, nil, false},
		{[]string{"nope"}, nil, true},
		{[]string{"a@b.c, d@e.f"}, nil, true},
		{[]string{"a@b.c\x1b[2J"}, nil, true},
		{[]string{"@b.c"}, nil, true},
	}
	for _, tt := range tests {
		got, err := cleanRecipients(tt.in)
		if (err != nil) != tt.bad || strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("cleanRecipients(%q) = %q, %v", tt.in, got, err)
		}
		if err != nil && !errors.Is(err, ErrInvalidEmail) {
			t.Errorf("error not ErrInvalidEmail: %v", err)
		}
	}
}

func TestInvoicePeriodDefaults(t *testing.T) {
	now := time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)
	l := &Live{now: func() time.Time { return now }}
	s, e := l.invoicePeriod(model.Period{})
	if !e.Equal(now) || !s.Equal(now.AddDate(0, -13, 0)) {
		t.Errorf("zero period -> %v..%v", s, e)
	}
	s, e = l.invoicePeriod(model.Period{Start: now, End: now.AddDate(0, -1, 0)})
	if !s.Before(e) {
		t.Errorf("reversed period not fixed: %v..%v", s, e)
	}
}
