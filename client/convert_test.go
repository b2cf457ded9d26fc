package client

import (
	"encoding/json"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armsubscriptions"

	"github.com/azinvoice/azinvoice/model"
)

func ptr[T any](v T) *T { return &v }

// Zero values and half-filled SDK structs must convert without panicking,
// leaving unknown fields empty.
func TestConvertNilSafe(t *testing.T) {
	tests := []struct {
		name string
		run  func()
	}{
		{"account nil", func() { convertAccount(nil) }},
		{"account zero", func() { convertAccount(&armbilling.Account{}) }},
		{"account empty props", func() {
			convertAccount(&armbilling.Account{Properties: &armbilling.AccountProperties{
				EnrollmentDetails: &armbilling.AccountPropertiesEnrollmentDetails{}, BillingRelationshipTypes: []*armbilling.BillingRelationshipType{nil}}})
		}},
		{"profile nil", func() { convertProfile("a", nil) }},
		{"profile zero", func() {
			convertProfile("a", &armbilling.Profile{Properties: &armbilling.ProfileProperties{InvoiceRecipients: []*string{nil}}})
		}},
		{"invoice nil", func() { convertInvoice(nil) }},
		{"invoice zero", func() { convertInvoice(&armbilling.Invoice{}) }},
		{"invoice empty amounts", func() {
			convertInvoice(&armbilling.Invoice{Properties: &armbilling.InvoiceProperties{
				AmountDue: &armbilling.InvoicePropertiesAmountDue{}, Documents: []*armbilling.InvoiceDocument{nil, {}}}})
		}},
		{"invoices nil entries", func() { convertInvoices([]*armbilling.Invoice{nil, {}}) }},
		{"policies nil", func() { convertPolicies(nil) }},
		{"policies zero", func() { convertPolicies(&armbilling.AccountPolicy{Properties: &armbilling.AccountPolicyProperties{}}) }},
		{"arm sub nil", func() { convertARMSubscription(nil) }},
		{"arm sub zero", func() { convertARMSubscription(&armsubscriptions.Subscription{}) }},
		{"property nil", func() { applyProperty(&model.Subscription{}, nil) }},
		{"property zero", func() {
			applyProperty(&model.Subscription{}, &armbilling.Property{Properties: &armbilling.PropertyProperties{}})
		}},
		{"billing sub nil", func() { convertBillingSubscription("a", model.AgreementMCA, nil) }},
		{"billing sub zero", func() {
			convertBillingSubscription("a", model.AgreementMCA, &armbilling.Subscription{Properties: &armbilling.SubscriptionProperties{}})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run() })
	}
}

func TestConvertMissingStaysUnknown(t *testing.T) {
	inv := convertInvoice(&armbilling.Invoice{Properties: &armbilling.InvoiceProperties{}})
	if inv.Total.Known || inv.Due.Known || !inv.Date.IsZero() || inv.Monthly != nil {
		t.Errorf("missing fields became known: %+v", inv)
	}
	p := convertProfile("acc", &armbilling.Profile{Properties: &armbilling.ProfileProperties{}})
	if p.Email.OptIn != nil || p.InvoiceDay != 0 {
		t.Errorf("missing email/invoice day became known: %+v", p)
	}
	var s model.Subscription
	applyProperty(&s, &armbilling.Property{Properties: &armbilling.PropertyProperties{}})
	if s.IsAccountAdmin != nil || s.Relationship != model.RelationshipUnknown {
		t.Errorf("missing property fields became known: %+v", s)
	}
}

func TestConvertInvoiceFields(t *testing.T) {
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	in := &armbilling.Invoice{
		ID: ptr("/providers/Microsoft.Billing/billingAccounts/a/invoices/G123"),
		Properties: &armbilling.InvoiceProperties{
			InvoiceDate:            &day,
			InvoicePeriodStartDate: ptr(day.AddDate(0, -1, 0)),
			InvoicePeriodEndDate:   ptr(day.AddDate(0, 0, -1)),
			TotalAmount:            &armbilling.InvoicePropertiesTotalAmount{Currency: ptr("EUR"), Value: ptr(float32(12.34))},
			Status:                 ptr(armbilling.InvoiceStatusDue),
			Documents: []*armbilling.InvoiceDocument{{
				Name: ptr("G123-inv"), Kind: ptr(armbilling.InvoiceDocumentTypeInvoice), ExternalURL: ptr("https://x/y"),
			}},
			BillingProfileDisplayName: ptr("Contoso\x1b]8;;evil\x07 BP"),
		},
	}
	got := convertInvoice(in)
	if got.Name != "G123" {
		t.Errorf("Name from ID = %q", got.Name)
	}
	if got.Total != (model.Money{Amount: 12.34, Currency: "EUR", Known: true}) {
		t.Errorf("Total = %+v", got.Total)
	}
	if got.Status != model.StatusDue || !got.Date.Equal(day) {
		t.Errorf("Status/Date = %v %v", got.Status, got.Date)
	}
	if len(got.Documents) != 1 || got.Documents[0].Kind != model.DocInvoice || got.Documents[0].URL != "https://x/y" {
		t.Errorf("Documents = %+v", got.Documents)
	}
	if strings.ContainsAny(got.ProfileDisplayName, "\x1b\x07") {
		t.Errorf("control characters kept: %q", got.ProfileDisplayName)
	}
}

func TestApplyProperty(t *testing.T) {
	tests := []struct {
		name  string
		quota string
		p     armbilling.PropertyProperties
		want  model.Subscription
	}{
		{
			name: "mca direct",
			p: armbilling.PropertyProperties{
				BillingAccountAgreementType: ptr(armbilling.AgreementTypeMicrosoftCustomerAgreement),
				BillingAccountID:            ptr("/providers/Microsoft.Billing/billingAccounts/acc1"),
				BillingProfileID:            ptr("/providers/Microsoft.Billing/billingAccounts/acc1/billingProfiles/bp1"),
				SubscriptionBillingType:     ptr(armbilling.SubscriptionBillingTypePaid),
				BillingTenantID:             ptr("t2"),
			},
			want: model.Subscription{Agreement: model.AgreementMCA, AccountName: "acc1", ProfileName: "bp1",
				BillingType: model.BillingPaid, Relationship: model.RelationshipDirect, BillingTenantID: "t2"},
		},
		{
			name: "mpa customer",
			p: armbilling.PropertyProperties{
				BillingAccountAgreementType: ptr(armbilling.AgreementTypeMicrosoftPartnerAgreement),
				CustomerID:                  ptr("/providers/Microsoft.Billing/billingAccounts/p/customers/c"),
			},
			want: model.Subscription{Agreement: model.AgreementMPA, Relationship: model.RelationshipCSPCustomer},
		},
		{
			name:  "csp quota without agreement",
			quota: "CSP_2015-05-01",
			p:     armbilling.PropertyProperties{},
			want:  model.Subscription{QuotaID: "CSP_2015-05-01", Relationship: model.RelationshipCSPCustomer},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := model.Subscription{QuotaID: tt.quota}
			applyProperty(&s, &armbilling.Property{Properties: &tt.p})
			if !reflect.DeepEqual(s, tt.want) {
				t.Errorf("got %+v\nwant %+v", s, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\x1b[2Jb", "a[2Jb"},
		{"link\x1b]8;;http://x\x07y", "link]8;;http://xy"},
		{"rtl\u202eevil", "rtlevil"},
		{"tab\tnew\nline", "tab new line"},
	}
	for _, tt := range tests {
		if got := str(&tt.in); got != tt.want {
			t.Errorf("str(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Random JSON decoded into SDK models must convert without panicking.
func FuzzConvertJSON(f *testing.F) {
	f.Add([]byte(`{"id":"x","properties":{"invoiceDate":"2024-01-01T00:00:00Z","totalAmount":{"value":1}}}`))
	f.Add([]byte(`{"properties":{"documents":[null,{}],"invoiceRecipients":[null]}}`))
	f.Add([]byte(`{"properties":{"enrollmentDetails":{},"billingRelationshipTypes":[null]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var inv armbilling.Invoice
		if json.Unmarshal(data, &inv) == nil {
			convertInvoice(&inv)
		}
		var acc armbilling.Account
		if json.Unmarshal(data, &acc) == nil {
			convertAccount(&acc)
		}
		var prof armbilling.Profile
		if json.Unmarshal(data, &prof) == nil {
			convertProfile("a", &prof)
		}
		var prop armbilling.Property
		if json.Unmarshal(data, &prop) == nil {
			applyProperty(&model.Subscription{}, &prop)
		}
		var bs armbilling.Subscription
		if json.Unmarshal(data, &bs) == nil {
			convertBillingSubscription("a", model.AgreementUnknown, &bs)
		}
		var pol armbilling.AccountPolicy
		if json.Unmarshal(data, &pol) == nil {
			convertPolicies(&pol)
		}
	})
}

// Random structurally valid documents: every optional object present or
// not, so nested nil pointers are exercised beyond the fuzz seeds.
func TestConvertRandomShapes(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	keys := []string{"invoiceDate", "totalAmount", "amountDue", "documents", "status", "billingProfileId", "isMonthlyInvoice"}
	vals := []string{`null`, `{}`, `[]`, `[null]`, `"x"`, `{"value":null}`, `"2024-01-01T00:00:00Z"`, `true`, `1`}
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		b.WriteString(`{"properties":{`)
		for j, k := range keys {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + k + `":` + vals[r.Intn(len(vals))])
		}
		b.WriteString(`}}`)
		var inv armbilling.Invoice
		if json.Unmarshal([]byte(b.String()), &inv) == nil {
			convertInvoice(&inv)
		}
	}
}
