package client

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

func TestAccountsFollowsNextLink(t *testing.T) {
	var srvURL string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "2" {
			writeJSON(w, 200, `{"value":[{"name":"b","properties":{"agreementType":"EnterpriseAgreement","displayName":"B"}}]}`)
			return
		}
		writeJSON(w, 200, `{"value":[{"name":"a","properties":{"agreementType":"MicrosoftCustomerAgreement"}},null],
			"nextLink":"`+srvURL+`/providers/Microsoft.Billing/billingAccounts?page=2"}`)
	})
	l, srv, rec := newTestLive(t, h)
	srvURL = srv.URL
	got, err := l.Accounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Agreement != model.AgreementMCA || got[1].Title() != "B" {
		t.Fatalf("accounts = %+v", got)
	}
	for _, r := range rec.all() {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			t.Errorf("ARM request without bearer token: %s", r.URL.Path)
		}
	}
}

// A nextLink to another host must not receive the bearer token.
func TestNextLinkToOtherHostRefused(t *testing.T) {
	var other atomic.Int32
	evil, _, _ := newTestLive(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { other.Add(1) }))
	_ = evil
	otherSrv := evil.endpoint
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"value":[],"nextLink":"`+otherSrv+`/steal"}`)
	})
	l, _, _ := newTestLive(t, h)
	_, err := l.Accounts(context.Background())
	if err == nil {
		t.Fatal("want an error for a foreign nextLink")
	}
	if other.Load() != 0 {
		t.Fatal("request reached the other host")
	}
}

func TestErrorFromARM(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 403, `{"error":{"code":"AuthorizationFailed","message":"no \u001b[31maccess see https://x.blob/p?sig=SECRET"}}`)
	})
	l, _, _ := newTestLive(t, h)
	_, err := l.Profiles(context.Background(), "acc")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %T %v", err, err)
	}
	if e.Status != 403 || e.Code != "AuthorizationFailed" || !IsForbidden(err) || IsNotFound(err) {
		t.Errorf("Error = %+v", e)
	}
	if strings.Contains(err.Error(), "SECRET") || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("unsafe error text: %q", err.Error())
	}
	if !strings.Contains(e.Message, "no [31maccess") {
		t.Errorf("Message = %q", e.Message)
	}
}

func TestCancelIsContextCanceled(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	l, _, _ := newTestLive(t, h)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := l.Accounts(ctx)
	if !errors.Is(err, context.Canceled) || !IsCanceled(err) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestProfileCarriesETag(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/billingAccounts/acc/billingProfiles/bp") {
			writeJSON(w, 404, `{"error":{"code":"NotFound","message":"nope"}}`)
			return
		}
		w.Header().Set("ETag", `"v7"`)
		writeJSON(w, 200, `{"name":"bp","properties":{"invoiceEmailOptIn":true,"invoiceRecipients":["a@b.c"],"invoiceDay":5}}`)
	})
	l, _, _ := newTestLive(t, h)
	p, err := l.Profile(context.Background(), "acc", "bp")
	if err != nil {
		t.Fatal(err)
	}
	if p.ETag != `"v7"` || !p.Email.Enabled() || p.InvoiceDay != 5 || p.AccountName != "acc" {
		t.Errorf("profile = %+v", p)
	}
	_, err = l.Profile(context.Background(), "acc", "other")
	if !IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
}

func TestPolicies(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"properties":{"enterpriseAgreementPolicies":{"departmentAdminViewCharges":"Allowed","accountOwnerViewCharges":"Disabled"}}}`)
	})
	l, _, rec := newTestLive(t, h)
	p, err := l.Policies(context.Background(), "1234")
	if err != nil {
		t.Fatal(err)
	}
	if p.DepartmentAdminViewCharges != model.ViewChargesAllowed || p.AccountOwnerViewCharges != model.ViewChargesDisabled {
		t.Errorf("policies = %+v", p)
	}
	if got := rec.all()[0].URL.Path; got != "/providers/Microsoft.Billing/billingAccounts/1234/policies/default" {
		t.Errorf("path = %s", got)
	}
}
