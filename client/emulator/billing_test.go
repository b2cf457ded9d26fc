package emulator

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/consumption/armconsumption"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armsubscriptions"
)

const (
	mcaAccount = "b5492c9a-742a-527c-9aed-6e4a56916cbc:28ecb4c1-c270-519a-8295-9c84628cf0cb_2019-05-31"
	eaAccount  = "8608480"
)

func TestAccountsAllPages(t *testing.T) {
	for _, tc := range []struct {
		name      string
		pageSize  int
		accounts  int
		wantPages int
	}{
		{"demo, page of 1", 1, 0, 3},
		{"demo, default page", 0, 0, 1},
		{"scaled", 2, 7, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, Options{PageSize: tc.pageSize, Scale: Scale{Accounts: tc.accounts}})
			// Read as plain JSON: the EA enrollment's dates are in the US
			// form Azure sends, which armbilling's strict types refuse.
			all, pages, _, err := listAll[obj](t, s, "/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01")
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, a := range all {
				names = append(names, getStr(*a, "properties.displayName"))
			}
			if len(names) != 3+tc.accounts || pages != tc.wantPages {
				t.Fatalf("got %d accounts in %d pages: %v", len(names), pages, names)
			}
			if names[0] != "Fabrikam Studio" || names[1] != "Contoso Ltd" || names[2] != "Contoso Enterprise Enrollment" {
				t.Fatalf("names %v", names)
			}
		})
	}
}

// The EA enrollment's dates are in the form Azure really sends them
// (azure-cli-extensions recording test_ea_accounts_list_and_get).
func TestEnrollmentDatesUSForm(t *testing.T) {
	s := start(t, Options{})
	all, _, _, err := listAll[obj](t, s, "/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if getStr(*a, "name") == eaAccount {
			// testNow is 2025-03-31: month-40 starts 2021-11-01.
			if got := getStr(*a, "properties.enrollmentDetails.startDate"); got != "11/1/2021 12:00:00 AM +00:00" {
				t.Fatalf("startDate = %q", got)
			}
			return
		}
	}
	t.Fatal("no EA account")
}

func profiles(t *testing.T, s *Server) map[string]*armbilling.Profile {
	t.Helper()
	c, _ := armbilling.NewProfilesClient(s.Credential(), armOptions(s))
	out := map[string]*armbilling.Profile{}
	pager := c.NewListByBillingAccountPager(mcaAccount, nil)
	for pager.More() {
		p, err := pager.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range p.Value {
			out[*pr.Properties.DisplayName] = pr
		}
	}
	return out
}

func TestProfiles(t *testing.T) {
	s := start(t, Options{PageSize: 3})
	ps := profiles(t, s)
	if len(ps) != 5 { // Finance, Research, Marketing, Contoso Gov, Contoso Reseller
		t.Fatalf("profiles %v", ps)
	}
	res := ps["Research"].Properties
	if !*res.InvoiceEmailOptIn || len(res.InvoiceRecipients) != 2 || *res.InvoiceDay != 15 {
		t.Fatalf("research %+v", res)
	}
	if *ps["Finance"].Properties.InvoiceEmailOptIn {
		t.Fatal("finance opted in")
	}
	if tc := ps["Contoso Gov"].Properties.TargetClouds; len(tc) != 1 || *tc[0] != "USGov" {
		t.Fatalf("gov clouds %v", tc)
	}
	c, _ := armbilling.NewProfilesClient(s.Credential(), armOptions(s))
	got, err := c.Get(context.Background(), mcaAccount, *ps["Finance"].Name, nil)
	if err != nil || *got.Properties.DisplayName != "Finance" || *got.Properties.Currency != "EUR" {
		t.Fatalf("get: %v %+v", err, got)
	}
	_, err = c.Get(context.Background(), mcaAccount, "NOPE", nil)
	var re *azcore.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 404 || re.ErrorCode != "ResourceNotFound" {
		t.Fatalf("missing profile: %v", err)
	}
}

func TestInvoicesByScope(t *testing.T) {
	s := start(t, Options{})
	ps := profiles(t, s)
	c, _ := armbilling.NewInvoicesClient("unused", s.Credential(), armOptions(s))
	ctx := context.Background()
	invoices := func(t *testing.T, path string) ([]*armbilling.Invoice, []string, error) {
		all, _, links, err := listAll[armbilling.Invoice](t, s, path)
		return all, links, err
	}
	prof := "/providers/Microsoft.Billing/billingAccounts/" + mcaAccount + "/billingProfiles/" + *ps["Finance"].Name + "/invoices?api-version=2024-04-01"
	t.Run("profile, whole year", func(t *testing.T) {
		all, links, err := invoices(t, prof)
		if err != nil || len(all) != 12 {
			t.Fatalf("%d invoices, %v", len(all), err)
		}
		if *all[0].Properties.Status != armbilling.InvoiceStatusDue {
			t.Fatalf("newest status %v", *all[0].Properties.Status)
		}
		// Invoice lists page with the nextLink form Azure has sent: relative,
		// with the period dates' spaces unescaped.
		if len(links) == 0 || !strings.HasPrefix(links[0], "/providers/") || !strings.Contains(links[0], "$skiptoken=") {
			t.Fatalf("nextLinks %v", links)
		}
	})
	t.Run("profile, period filter", func(t *testing.T) {
		// February 2025 only: overlaps exactly one monthly period.
		all, links, err := invoices(t, prof+"&periodStartDate=2025-02-01&periodEndDate=2025-02-28")
		if err != nil || len(all) != 1 || all[0].Properties.InvoicePeriodStartDate.Month() != time.February {
			t.Fatalf("%v %v", all, err)
		}
		_ = links
	})
	t.Run("relative nextLink keeps the period", func(t *testing.T) {
		all, links, err := invoices(t, prof+"&periodStartDate=2024-01-01&periodEndDate=2025-03-31")
		if err != nil || len(all) != 12 || len(links) == 0 || !strings.Contains(links[0], "periodStartDate=2024-01-01 00:00:00Z") {
			t.Fatalf("%d %v %v", len(all), links, err)
		}
	})
	t.Run("marketing is forbidden", func(t *testing.T) {
		p := c.NewListByBillingProfilePager(mcaAccount, *ps["Marketing"].Name, nil)
		_, err := p.NextPage(ctx)
		var re *azcore.ResponseError
		if !errors.As(err, &re) || re.StatusCode != 403 || re.ErrorCode != "AuthorizationFailed" {
			t.Fatalf("%v", err)
		}
	})
	t.Run("EA account", func(t *testing.T) {
		all, _, err := invoices(t, "/providers/Microsoft.Billing/billingAccounts/"+eaAccount+"/invoices?api-version=2024-04-01")
		// 11: the month the prepayment covered has no invoice; EA invoices carry no totalAmount (MCA only).
		if err != nil || len(all) != 11 || *all[0].Properties.BilledAmount.Currency != "USD" || all[0].Properties.TotalAmount != nil {
			t.Fatalf("%d %v", len(all), err)
		}
		one, err := c.GetByBillingAccount(ctx, eaAccount, *all[3].Name, nil)
		if err != nil || *one.Name != *all[3].Name {
			t.Fatalf("get %v", err)
		}
		// EA documents have a kind and a url, and no name.
		docs := one.Properties.Documents
		if len(docs) != 3 || docs[0].Name != nil || *docs[1].Kind != armbilling.InvoiceDocumentTypeSummary ||
			!strings.HasSuffix(strings.Split(*docs[1].URL, "?")[0], "/downloadSummary") || !strings.HasPrefix(*docs[1].URL, s.URL()) {
			t.Fatalf("EA documents %+v", docs)
		}
	})
	t.Run("MOSP subscription", func(t *testing.T) {
		subs := subscriptionsByName(t, s)
		for name, want := range map[string]int{"Fabrikam Production": 12, "Fabrikam Shared": 2, "Fabrikam Free Trial": 0} {
			all, _, err := invoices(t, "/providers/Microsoft.Billing/billingAccounts/default/billingSubscriptions/"+*subs[name].SubscriptionID+"/invoices?api-version=2024-04-01")
			if err != nil || len(all) != want {
				t.Fatalf("%s: %d %v", name, len(all), err)
			}
		}
	})
}

func subscriptionsByName(t *testing.T, s *Server) map[string]*armsubscriptions.Subscription {
	t.Helper()
	c, err := armsubscriptions.NewClient(s.Credential(), armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*armsubscriptions.Subscription{}
	p := c.NewListPager(nil)
	for p.More() {
		r, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, sub := range r.Value {
			out[*sub.DisplayName] = sub
		}
	}
	return out
}

func TestSubscriptionsAndBillingProperty(t *testing.T) {
	s := start(t, Options{})
	subs := subscriptionsByName(t, s)
	want := map[string]string{
		"Fabrikam Production": "PayAsYouGo_2014-09-01", "Fabrikam Free Trial": "FreeTrial_2014-09-01",
		"Fabrikam Dev (Visual Studio)": "MSDN_2014-09-01", "Fabrikam Open Licensing": "AzureInOpen_2014-09-01",
		"Fabrikam Shared": "PayAsYouGo_2014-09-01", "Northwind Retail (CSP)": "CSP_2015-05-01",
		// An MCA Azure plan subscription has the EA quota ID (costs/understand-cost-mgt-data).
		"Tailspin Sandbox": "EnterpriseAgreement_2014-09-01", "Contoso Enterprise Production": "EnterpriseAgreement_2014-09-01",
		"Contoso Finance Apps": "EnterpriseAgreement_2014-09-01",
	}
	for name, quota := range want {
		sub, ok := subs[name]
		if !ok || *sub.SubscriptionPolicies.QuotaID != quota || sub.TenantID == nil || *sub.State != armsubscriptions.SubscriptionStateEnabled {
			t.Errorf("%s: %+v", name, sub)
		}
	}
	ctx := context.Background()
	prop := func(name string) (armbilling.PropertyClientGetResponse, error) {
		c, _ := armbilling.NewPropertyClient(*subs[name].SubscriptionID, s.Credential(), armOptions(s))
		return c.Get(ctx, nil)
	}
	for _, tc := range []struct {
		name      string
		agreement armbilling.AgreementType
		admin     bool
		btype     armbilling.SubscriptionBillingType
	}{
		{"Fabrikam Production", armbilling.AgreementTypeMicrosoftOnlineServicesProgram, true, armbilling.SubscriptionBillingTypePaid},
		{"Fabrikam Free Trial", armbilling.AgreementTypeMicrosoftOnlineServicesProgram, true, armbilling.SubscriptionBillingTypeFree},
		{"Fabrikam Dev (Visual Studio)", armbilling.AgreementTypeMicrosoftOnlineServicesProgram, true, armbilling.SubscriptionBillingTypeBenefit},
		{"Fabrikam Shared", armbilling.AgreementTypeMicrosoftOnlineServicesProgram, false, armbilling.SubscriptionBillingTypePaid},
		{"Northwind Retail (CSP)", armbilling.AgreementTypeMicrosoftPartnerAgreement, false, armbilling.SubscriptionBillingTypePaid},
		{"Contoso Enterprise Production", armbilling.AgreementTypeEnterpriseAgreement, false, armbilling.SubscriptionBillingTypePaid},
	} {
		r, err := prop(tc.name)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		p := r.Properties
		if *p.BillingAccountAgreementType != tc.agreement || *p.IsAccountAdmin != tc.admin || *p.SubscriptionBillingType != tc.btype {
			t.Errorf("%s: %+v", tc.name, p)
		}
	}
	r, err := prop("Tailspin Sandbox")
	if err != nil || *r.Properties.BillingTenantID == *subs["Tailspin Sandbox"].TenantID {
		t.Fatalf("tailspin should bill from another tenant: %v", err)
	}
	_, err = prop("Contoso Partner Lab")
	var re *azcore.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 403 {
		t.Fatalf("locked property: %v", err)
	}
}

func TestEABalance(t *testing.T) {
	srv := start(t, Options{})
	c, err := armconsumption.NewBalancesClient(srv.Credential(), armOptions(srv))
	if err != nil {
		t.Fatal(err)
	}
	month := time.Date(testNow.Year(), testNow.Month()-3, 1, 0, 0, 0, 0, time.UTC).Format("200601")
	b, err := c.GetForBillingPeriodByBillingAccount(context.Background(), eaAccount, month, nil)
	if err != nil || b.Properties == nil || *b.Properties.ServiceOverage != 0 || *b.Properties.Utilized <= 0 {
		t.Fatalf("%+v %v", b, err)
	}
	if _, err := c.GetForBillingPeriodByBillingAccount(context.Background(), eaAccount, "201001", nil); err == nil {
		t.Fatal("a month without a balance answered")
	}
}
