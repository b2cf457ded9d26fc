package client

import (
	"math/rand"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

func ptr[T any](v T) *T { return &v }

// decode is decodeLenient for tests: the item must be an object.
func decode[T any](t testing.TB, js string) (*T, []string) {
	t.Helper()
	var w T
	bad, ok := decodeLenient([]byte(js), &w)
	if !ok {
		t.Fatalf("not decoded: %s", js)
	}
	return &w, bad
}

// Zero values and half-filled shapes must convert without panicking,
// leaving unknown fields empty.
func TestConvertNilSafe(t *testing.T) {
	convertAccount(nil)
	convertAccount(&wAccount{})
	convertAccount(decodeT[wAccount](t, `{"properties":{"enrollmentDetails":{},"billingRelationshipTypes":[null]}}`))
	convertProfile("a", nil)
	convertProfile("a", decodeT[wProfile](t, `{"properties":{"invoiceRecipients":[null]}}`))
	convertInvoice(nil)
	convertInvoice(&wInvoice{})
	convertInvoice(decodeT[wInvoice](t, `{"properties":{"amountDue":{},"documents":[null,{}]}}`))
	convertPolicies(nil)
	convertPolicies(decodeT[wPolicy](t, `{"properties":{}}`))
	convertARMSubscription(nil)
	convertARMSubscription(&wARMSubscription{})
	applyProperty(&model.Subscription{}, nil)
	applyProperty(&model.Subscription{}, decodeT[wProperty](t, `{"properties":{}}`))
	convertBillingSubscription("a", model.AgreementMCA, nil)
	convertBillingSubscription("a", model.AgreementMCA, decodeT[wBillingSubscription](t, `{"properties":{}}`))
}

func decodeT[T any](t testing.TB, js string) *T { w, _ := decode[T](t, js); return w }

func TestConvertMissingStaysUnknown(t *testing.T) {
	inv := convertInvoice(decodeT[wInvoice](t, `{"properties":{}}`))
	if inv.Total.Known || inv.Due.Known || !inv.Date.IsZero() || inv.Monthly != nil {
		t.Errorf("missing fields became known: %+v", inv)
	}
	p := convertProfile("acc", decodeT[wProfile](t, `{"properties":{}}`))
	if p.Email.OptIn != nil || p.InvoiceDay != 0 {
		t.Errorf("missing email/invoice day became known: %+v", p)
	}
	var s model.Subscription
	applyProperty(&s, decodeT[wProperty](t, `{"properties":{}}`))
	if s.IsAccountAdmin != nil || s.Relationship != model.RelationshipUnknown {
		t.Errorf("missing property fields became known: %+v", s)
	}
}

func TestConvertInvoiceFields(t *testing.T) {
	got := convertInvoice(decodeT[wInvoice](t, `{"id":"/providers/Microsoft.Billing/billingAccounts/a/invoices/G123",
		"properties":{"invoiceDate":"2024-03-05T00:00:00Z","invoicePeriodStartDate":"2024-02-05T00:00:00Z",
		"invoicePeriodEndDate":"2024-03-04T00:00:00Z","totalAmount":{"currency":"EUR","value":12.34},"status":"Due",
		"documents":[{"name":"G123-inv","kind":"Invoice","externalUrl":"https://x/y"}],
		"billingProfileDisplayName":"Contoso\u001b]8;;evil\u0007 BP"}}`))
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
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

// Amounts are read from the digits Azure sent: a float32 would turn
// 200000.01 into 200000.02 (the SDK's type; the old re-read is folded in).
func TestAmountsKeepCents(t *testing.T) {
	got := convertInvoice(decodeT[wInvoice](t, `{"name":"I1","properties":{"totalAmount":{"currency":"USD","value":200000.01},
		"amountDue":{"currency":"USD","value":"1234567.89"},"billedAmount":{"currency":"USD","value":730.8900}}}`))
	if got.Total.Amount != 200000.01 || got.Due.Amount != 1234567.89 || got.Billed.Amount != 730.89 {
		t.Errorf("amounts = %v %v %v", got.Total.Amount, got.Due.Amount, got.Billed.Amount)
	}
}

// One bad field marks that field unknown and keeps every other field.
func TestOneBadFieldStaysLocal(t *testing.T) {
	w, bad := decode[wInvoice](t, `{"name":"I2","properties":{
		"invoiceDate":"not a date","dueDate":12,"totalAmount":{"currency":"EUR","value":"twelve"},
		"amountDue":{"currency":"EUR","value":5.5},"status":{"odd":true},"documents":"none",
		"purchaseOrderNumber":4711,"isMonthlyInvoice":"TRUE","invoiceType":"SomethingNew"}}`)
	got := convertInvoice(w)
	if !got.Date.IsZero() || !got.DueDate.IsZero() || got.Total.Known || got.Status != "" || got.Documents != nil {
		t.Errorf("bad fields not unknown: %+v", got)
	}
	if got.Name != "I2" || got.Due != (model.Money{Amount: 5.5, Currency: "EUR", Known: true}) || got.Total.Currency != "EUR" ||
		got.PurchaseOrder != "4711" || got.Monthly == nil || !*got.Monthly || got.Type != "SomethingNew" {
		t.Errorf("good fields lost: %+v", got)
	}
	want := []string{"properties.documents", "properties.invoiceDate", "properties.dueDate", "properties.totalAmount.value", "properties.status"}
	for _, f := range want {
		found := false
		for _, b := range bad {
			found = found || b == f
		}
		if !found {
			t.Errorf("unreadable %q not reported; got %v", f, bad)
		}
	}
}

func TestAzureTimeForms(t *testing.T) {
	want := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"6/1/2020 12:00:00 AM +00:00", "6/1/2020\n        12:00:00 AM +00:00", "2020-06-01", "2020-06-01T00:00:00Z",
		"2020-06-01T00:00:00.0000000Z", "2020-06-01T00:00:00", "2020-06-01T02:00:00+02:00", "6/1/2020", "6/1/2020 12:00:00 AM",
		"2020-06-01 00:00:00Z",
	} {
		got, ok := parseAzureTime(s)
		if !ok || !got.Equal(want) {
			t.Errorf("%q -> %v %v", s, got, ok)
		}
	}
	if _, ok := parseAzureTime("yesterday"); ok {
		t.Error("nonsense read as a date")
	}
}

func TestLeafForms(t *testing.T) {
	w := decodeT[struct {
		A Text `json:"a"`
		B Text `json:"b"`
		C Num  `json:"c"`
		D Num  `json:"d"`
		E Flag `json:"e"`
		F Text `json:"f"`
		G Num  `json:"g"`
		H Num  `json:"h"`
	}](t, `{"a":123,"b":null,"c":"7.25","d":"","e":"False","f":["x"],"g":true,"h":"Inf"}`)
	if w.A.S() != "123" || w.B.set || w.C.V != 7.25 || !w.C.OK() || w.D.set || w.E.P() == nil || *w.E.P() || !w.F.bad || !w.G.bad || w.H.OK() {
		t.Errorf("leaves = %+v", w)
	}
}

func TestApplyProperty(t *testing.T) {
	tests := []struct {
		name  string
		quota string
		p     string
		want  model.Subscription
	}{
		{
			name: "mca direct",
			p: `{"billingAccountAgreementType":"MicrosoftCustomerAgreement","billingAccountId":"/providers/Microsoft.Billing/billingAccounts/acc1",
				"billingProfileId":"/providers/Microsoft.Billing/billingAccounts/acc1/billingProfiles/bp1","subscriptionBillingType":"Paid","billingTenantId":"t2"}`,
			want: model.Subscription{Agreement: model.AgreementMCA, AccountName: "acc1", ProfileName: "bp1",
				BillingType: model.BillingPaid, Relationship: model.RelationshipDirect, BillingTenantID: "t2"},
		},
		{
			name: "mpa customer",
			p:    `{"billingAccountAgreementType":"MicrosoftPartnerAgreement","customerId":"/providers/Microsoft.Billing/billingAccounts/p/customers/c"}`,
			want: model.Subscription{Agreement: model.AgreementMPA, Relationship: model.RelationshipCSPCustomer},
		},
		{
			name:  "csp quota without agreement",
			quota: "CSP_2015-05-01",
			p:     `{}`,
			want:  model.Subscription{QuotaID: "CSP_2015-05-01", Relationship: model.RelationshipCSPCustomer},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := model.Subscription{QuotaID: tt.quota}
			applyProperty(&s, decodeT[wProperty](t, `{"properties":`+tt.p+`}`))
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
		if got := (Text{leaf: leaf{set: true}, V: tt.in}).S(); got != tt.want {
			t.Errorf("S(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Random JSON must decode and convert without panicking.
func FuzzConvertJSON(f *testing.F) {
	f.Add([]byte(`{"id":"x","properties":{"invoiceDate":"2024-01-01T00:00:00Z","totalAmount":{"value":1}}}`))
	f.Add([]byte(`{"properties":{"documents":[null,{}],"invoiceRecipients":[null]}}`))
	f.Add([]byte(`{"properties":{"enrollmentDetails":{"startDate":"6/1/2020 12:00:00 AM +00:00"},"billingRelationshipTypes":[null]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var inv wInvoice
		if _, ok := decodeLenient(data, &inv); ok {
			convertInvoice(&inv)
		}
		var acc wAccount
		if _, ok := decodeLenient(data, &acc); ok {
			convertAccount(&acc)
		}
		var prof wProfile
		if _, ok := decodeLenient(data, &prof); ok {
			convertProfile("a", &prof)
		}
		var prop wProperty
		if _, ok := decodeLenient(data, &prop); ok {
			applyProperty(&model.Subscription{}, &prop)
		}
		var u wUsage
		if _, ok := decodeLenient(data, &u); ok {
			usageRecord(&u)
		}
	})
}

// Random structurally valid documents: every optional object present or
// not, with values of every JSON kind, so nested nil pointers and every
// leaf's odd forms are exercised beyond the fuzz seeds.
func TestConvertRandomShapes(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	keys := []string{"invoiceDate", "totalAmount", "amountDue", "documents", "status", "billingProfileId", "isMonthlyInvoice"}
	vals := []string{`null`, `{}`, `[]`, `[null]`, `"x"`, `{"value":null}`, `"2024-01-01T00:00:00Z"`, `true`, `1`, `"6/1/2020 12:00:00 AM +00:00"`}
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		b.WriteString(`{"name":"n","properties":{`)
		for j, k := range keys {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + k + `":` + vals[r.Intn(len(vals))])
		}
		b.WriteString(`}}`)
		var inv wInvoice
		if _, ok := decodeLenient([]byte(b.String()), &inv); !ok {
			t.Fatalf("item dropped: %s", b.String())
		}
		if got := convertInvoice(&inv); got.Name != "n" {
			t.Fatalf("name lost: %s", b.String())
		}
	}
}

// Every nextLink form Azure uses is followed on the endpoint; any other
// host or scheme is refused.
func TestResolveNextLink(t *testing.T) {
	l := &Live{endpoint: "https://management.azure.com"}
	for _, tt := range []struct{ in, want string }{
		{"https://management.azure.com/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01&$skiptoken=a",
			"https://management.azure.com/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01&$skiptoken=a"},
		{"https://MANAGEMENT.azure.com:443/x?api-version=1", "https://MANAGEMENT.azure.com:443/x?api-version=1"},
		{"/providers/Microsoft.Billing/billingAccounts/1/invoices?$skiptoken=abc&periodStartDate=2000-01-01 00:00:00Z",
			"https://management.azure.com/providers/Microsoft.Billing/billingAccounts/1/invoices?$skiptoken=abc&periodStartDate=2000-01-01%2000:00:00Z&api-version=2024-04-01"},
		{"providers/x?api-version=2", "https://management.azure.com/providers/x?api-version=2"},
	} {
		got, err := l.resolveNextLink(tt.in, "2024-04-01")
		if err != nil || got != tt.want {
			t.Errorf("%q -> %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"https://evil.example/x", "http://management.azure.com/x", "//evil.example/x",
		"https://management.azure.com.evil.example/x", "https://management.azure.com:8443/x"} {
		if got, err := l.resolveNextLink(bad, "2024-04-01"); err == nil {
			t.Errorf("%q followed as %q", bad, got)
		}
	}
}

// Whatever a nextLink holds, the URL followed is on the endpoint, over https.
func FuzzResolveNextLink(f *testing.F) {
	for _, s := range []string{"/providers/x?$skiptoken=a b", "https://management.azure.com/x", "//evil/x", "https://evil/x",
		"\\\\evil\\x", "/\\evil/x", "https://user:pw@management.azure.com/x", "https:evil", " https://evil ", "%2F%2Fevil", "/x?y=%zz", "HTTPS://management.azure.com:443/x"} {
		f.Add(s)
	}
	l := &Live{endpoint: "https://management.azure.com"}
	f.Fuzz(func(t *testing.T, link string) {
		got, err := l.resolveNextLink(link, "2024-04-01")
		if err != nil {
			return
		}
		u, perr := url.Parse(got)
		if perr != nil || u.Scheme != "https" || hostPort(u) != "management.azure.com:443" || u.User != nil {
			t.Fatalf("%q followed as %q", link, got)
		}
	})
}
