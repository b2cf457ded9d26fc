package client

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

func TestInvoicesRoutePerScope(t *testing.T) {
	period := model.Period{Start: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		name  string
		scope model.Scope
		path  string
	}{
		{"mosp", model.Scope{Kind: model.ScopeBillingSubscription, Agreement: model.AgreementMOSP, AccountName: "x", SubscriptionID: "sub1"},
			"/providers/Microsoft.Billing/billingAccounts/default/billingSubscriptions/sub1/invoices"},
		{"mca", model.Scope{Kind: model.ScopeProfile, Agreement: model.AgreementMCA, AccountName: "acc", ProfileName: "bp"},
			"/providers/Microsoft.Billing/billingAccounts/acc/billingProfiles/bp/invoices"},
		{"ea", model.Scope{Kind: model.ScopeAccount, Agreement: model.AgreementEA, AccountName: "1234"},
			"/providers/Microsoft.Billing/billingAccounts/1234/invoices"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, 200, `{"value":[
					{"name":"old","properties":{"invoiceDate":"2024-02-01T00:00:00Z"}},
					{"name":"new","properties":{"invoiceDate":"2024-05-01T00:00:00Z"}}]}`)
			})
			l, _, rec := newTestLive(t, h)
			got, err := l.Invoices(context.Background(), tt.scope, period)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].Name != "new" {
				t.Errorf("not newest first: %+v", got)
			}
			r := rec.all()[0]
			if r.URL.Path != tt.path {
				t.Errorf("path = %s, want %s", r.URL.Path, tt.path)
			}
			q := r.URL.Query()
			if q.Get("periodStartDate") != "2024-01-01" || q.Get("periodEndDate") != "2024-06-30" {
				t.Errorf("period query = %s", r.URL.RawQuery)
			}
		})
	}
}

func TestInvoicesBadScope(t *testing.T) {
	l, _, rec := newTestLive(t, http.NotFoundHandler())
	for _, sc := range []model.Scope{{}, {Kind: model.ScopeProfile, AccountName: "a"}, {Kind: model.ScopeBillingSubscription}} {
		if _, err := l.Invoices(context.Background(), sc, model.Period{}); err == nil {
			t.Errorf("scope %+v: want error", sc)
		}
	}
	if n := len(rec.all()); n != 0 {
		t.Errorf("%d requests sent for invalid scopes", n)
	}
}

func TestSubscriptionsJoinProperties(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case p == "/subscriptions":
			writeJSON(w, 200, `{"value":[
				{"subscriptionId":"s1","displayName":"One","subscriptionPolicies":{"quotaId":"PayAsYouGo_2014-09-01"}},
				{"subscriptionId":"s2","displayName":"Two"},
				{"subscriptionId":"s3","displayName":"Three"}]}`)
		case strings.HasPrefix(p, "/subscriptions/s2/"):
			writeJSON(w, 403, `{"error":{"code":"AuthorizationFailed","message":"no"}}`)
		case strings.HasSuffix(p, "/billingProperty/default"):
			writeJSON(w, 200, `{"properties":{"billingAccountAgreementType":"MicrosoftOnlineServicesProgram",
				"billingAccountId":"/providers/Microsoft.Billing/billingAccounts/mosp1","isAccountAdmin":true,"billingTenantId":"bt"}}`)
		case p == "/providers/Microsoft.Billing/billingAccounts/mosp1/billingSubscriptions":
			writeJSON(w, 200, `{"value":[{"name":"s1","properties":{"subscriptionId":"s1","purchaseDate":"2024-01-02T00:00:00Z","offerId":"MS-AZR-0003P"}}]}`)
		default:
			writeJSON(w, 404, `{"error":{"code":"NotFound"}}`)
		}
	})
	l, _, _ := newTestLive(t, h)
	got, err := l.Subscriptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d subscriptions", len(got))
	}
	s1, s2, s3 := got[0], got[1], got[2]
	if s1.PropertyErr != nil || s1.Agreement != model.AgreementMOSP || s1.AccountName != "mosp1" || s1.IsAccountAdmin == nil || !*s1.IsAccountAdmin {
		t.Errorf("s1 = %+v", s1)
	}
	if s1.QuotaID != "PayAsYouGo_2014-09-01" || s1.Created.IsZero() || s1.OfferID != "MS-AZR-0003P" || s1.BillingTenantID != "bt" {
		t.Errorf("s1 join = %+v", s1)
	}
	if s2.PropertyErr == nil || !IsForbidden(s2.PropertyErr) || s2.IsAccountAdmin != nil {
		t.Errorf("s2 = %+v", s2)
	}
	if s3.PropertyErr != nil || !s3.Created.IsZero() {
		t.Errorf("s3 = %+v", s3)
	}
}

func TestBillingSubscriptionsByProfile(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"value":[{"name":"x","properties":{"subscriptionId":"s9","displayName":"Nine","billingProfileName":"bp"}}]}`)
	})
	l, _, rec := newTestLive(t, h)
	got, err := l.BillingSubscriptions(context.Background(), model.Scope{Kind: model.ScopeProfile, Agreement: model.AgreementMCA, AccountName: "acc", ProfileName: "bp"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].SubscriptionID != "s9" || got[0].AccountName != "acc" || got[0].Relationship != model.RelationshipDirect {
		t.Errorf("got %+v", got)
	}
	if p := rec.all()[0].URL.Path; p != "/providers/Microsoft.Billing/billingAccounts/acc/billingProfiles/bp/billingSubscriptions" {
		t.Errorf("path = %s", p)
	}
}
