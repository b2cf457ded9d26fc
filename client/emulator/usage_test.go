package emulator

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/consumption/armconsumption"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/costmanagement/armcostmanagement/v3"
)

func TestCostDetailsReport(t *testing.T) {
	s := start(t, Options{PollAfter: 20 * time.Millisecond, UsageRows: 120})
	ps := profiles(t, s)
	c, err := armcostmanagement.NewGenerateCostDetailsReportClient(s.Credential(), armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	scope := "/providers/Microsoft.Billing/billingAccounts/" + mcaAccount + "/billingProfiles/" + *ps["Finance"].Name
	inv := ""
	for _, a := range s.data.Accounts {
		if p := a.profile(*ps["Finance"].Name); p != nil {
			inv = getStr(p.Invoices[2], "id")
		}
	}
	p, err := c.BeginCreateOperation(ctx, scope, armcostmanagement.GenerateCostDetailsReportRequestDefinition{InvoiceID: to.Ptr(inv)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.PollUntilDone(ctx, fast)
	if err != nil {
		t.Fatal(err)
	}
	if *res.Status != armcostmanagement.CostDetailsStatusTypeCompletedCostDetailsStatusType || len(res.Manifest.Blobs) != 1 {
		t.Fatalf("%+v", res)
	}
	blob := res.Manifest.Blobs[0]
	resp, body := fetchBlob(t, s, *blob.BlobLink, false)
	if resp.StatusCode != 200 || int64(len(body)) != *blob.ByteCount {
		t.Fatalf("blob %d: %d bytes, manifest says %d", resp.StatusCode, len(body), *blob.ByteCount)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(rows) != 121 || rows[0][0] != "date" || rows[1][7] != "EUR" {
		t.Fatalf("csv: %v, %d rows", err, len(rows))
	}
	// Same link, same bytes: the rows are generated deterministically.
	if _, again := fetchBlob(t, s, *blob.BlobLink, false); !bytes.Equal(again, body) {
		t.Fatal("second read differs")
	}
	// EA by billing period works; Marketing (no role) is refused.
	_, err = c.BeginCreateOperation(ctx, "/providers/Microsoft.Billing/billingAccounts/"+eaAccount,
		armcostmanagement.GenerateCostDetailsReportRequestDefinition{BillingPeriod: to.Ptr("202502")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.BeginCreateOperation(ctx, "/providers/Microsoft.Billing/billingAccounts/"+mcaAccount+"/billingProfiles/"+*ps["Marketing"].Name,
		armcostmanagement.GenerateCostDetailsReportRequestDefinition{BillingPeriod: to.Ptr("202502")}, nil)
	var re *azcore.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 403 {
		t.Fatalf("marketing: %v", err)
	}
	_, err = c.BeginCreateOperation(ctx, scope, armcostmanagement.GenerateCostDetailsReportRequestDefinition{}, nil)
	if !errors.As(err, &re) || re.StatusCode != 400 {
		t.Fatalf("empty request: %v", err)
	}
}

func TestUsageDetailsPaging(t *testing.T) {
	for _, tc := range []struct {
		name string
		sub  string
		top  int32
		rows int
		want int
	}{
		{"paid, pages of 100", "Fabrikam Production", 100, 250, 250},
		{"default page", "Fabrikam Shared", 0, 2500, 2500},
		{"CSP customer gets nothing", "Northwind Retail (CSP)", 0, 250, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, Options{UsageRows: tc.rows})
			subs := subscriptionsByName(t, s)
			c, err := armconsumption.NewUsageDetailsClient(s.Credential(), armOptions(s))
			if err != nil {
				t.Fatal(err)
			}
			opts := &armconsumption.UsageDetailsClientListOptions{
				Filter: to.Ptr("properties/usageStart ge '2025-02-01' and properties/usageEnd le '2025-02-28'")}
			if tc.top > 0 {
				opts.Top = to.Ptr(tc.top)
			}
			pager := c.NewListPager("/subscriptions/"+*subs[tc.sub].SubscriptionID, opts)
			got, pages := 0, 0
			for pager.More() {
				r, err := pager.NextPage(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				pages++
				for _, u := range r.Value {
					l, ok := u.(*armconsumption.LegacyUsageDetail)
					if !ok || l.Properties.Date.Month() != time.February || *l.Properties.Cost <= 0 || *l.Properties.MeterDetails.MeterName == "" {
						t.Fatalf("row %+v", u)
					}
					got++
				}
			}
			if got != tc.want {
				t.Fatalf("%d rows in %d pages", got, pages)
			}
			if tc.top > 0 && pages != (tc.want+int(tc.top)-1)/int(tc.top) {
				t.Fatalf("%d pages", pages)
			}
		})
	}
}

func TestUsageCSVExactSize(t *testing.T) {
	u := usageSpec{Seed: 42, Start: testNow.AddDate(0, -1, 0), End: testNow, Currency: "EUR"}
	for _, size := range []int64{10, int64(len(usageHeader)), 1000, 4096, 123457} {
		var b bytes.Buffer
		n, err := writeUsageCSV(&b, u, 0, size)
		if err != nil || n != size || int64(b.Len()) != size {
			t.Fatalf("size %d: wrote %d (%d), %v", size, n, b.Len(), err)
		}
		if size > 1000 {
			if _, err := csv.NewReader(&b).ReadAll(); err != nil {
				t.Fatalf("size %d: %v", size, err)
			}
		}
	}
	if _, ok := parseUsageName(u.name()); !ok {
		t.Fatal("name does not round-trip")
	}
	for _, bad := range []string{"", "x_y_z_EUR", "0000000000000001_20250101_20240101_EUR", "0000000000000001_20250101_20250131_e<r"} {
		if _, ok := parseUsageName(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}

// BenchmarkUsageBlob1GiB streams a 1 GiB usage blob over loopback TLS to io.Discard.
func BenchmarkUsageBlob1GiB(b *testing.B) {
	const size = 1 << 30
	s := start(b, Options{UsageBytes: size})
	link := s.sasLink("/usage/" + usageSpec{Seed: 7, Start: testNow.AddDate(0, -1, 0), End: testNow, Currency: "USD"}.name() + ".csv")["url"].(string)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		resp, err := s.HTTPClient().Get(link)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || n != size || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
			b.Fatalf("%d bytes, %v", n, err)
		}
	}
}
