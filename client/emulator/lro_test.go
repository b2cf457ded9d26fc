package emulator

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"
)

var fast = &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond}

func TestProfilePutRoundTrip(t *testing.T) {
	s := start(t, Options{PollAfter: 30 * time.Millisecond})
	ps := profiles(t, s)
	c, _ := armbilling.NewProfilesClient(s.Credential(), armOptions(s))
	fin := *ps["Finance"].Name
	var raw *http.Response
	ctx := context.Background()
	cur, err := c.Get(policy.WithCaptureResponse(ctx, &raw), mcaAccount, fin, nil)
	if err != nil {
		t.Fatal(err)
	}
	etag := raw.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	send := armbilling.Profile{Properties: &armbilling.ProfileProperties{
		DisplayName:       cur.Properties.DisplayName,
		InvoiceEmailOptIn: to.Ptr(true),
		InvoiceRecipients: []*string{to.Ptr("ap@contoso.com")},
	}}
	withMatch := policy.WithHTTPHeader(ctx, http.Header{"If-Match": {etag}})
	poller, err := c.BeginCreateOrUpdate(withMatch, mcaAccount, fin, send, nil)
	if err != nil {
		t.Fatal(err)
	}
	if poller.Done() {
		t.Fatal("the PUT should still be running")
	}
	res, err := poller.PollUntilDone(ctx, fast)
	if err != nil || !*res.Properties.InvoiceEmailOptIn {
		t.Fatalf("%v %+v", err, res)
	}
	fresh, err := c.Get(policy.WithCaptureResponse(ctx, &raw), mcaAccount, fin, nil)
	if err != nil || !*fresh.Properties.InvoiceEmailOptIn || len(fresh.Properties.InvoiceRecipients) != 1 ||
		*fresh.Properties.Currency != "EUR" || *fresh.Properties.InvoiceDay != 1 {
		t.Fatalf("fresh read: %v %+v", err, fresh.Properties)
	}
	if raw.Header.Get("ETag") == etag {
		t.Fatal("ETag did not change")
	}
	// The old ETag is now stale: 412.
	_, err = c.BeginCreateOrUpdate(withMatch, mcaAccount, fin, send, nil)
	var re *azcore.ResponseError
	if !errors.As(err, &re) || re.StatusCode != http.StatusPreconditionFailed {
		t.Fatalf("stale ETag: %v", err)
	}
	// A Reader may not change Research.
	_, err = c.BeginCreateOrUpdate(ctx, mcaAccount, *ps["Research"].Name, send, nil)
	if !errors.As(err, &re) || re.StatusCode != 403 || re.ErrorCode != "AuthorizationFailed" {
		t.Fatalf("reader PUT: %v", err)
	}
}

func fetchBlob(t *testing.T, s *Server, link string, auth bool) (*http.Response, []byte) {
	t.Helper()
	if !strings.HasPrefix(link, s.BlobURL()+"/") {
		t.Fatalf("link %q not on the blob host", link)
	}
	req, _ := http.NewRequest(http.MethodGet, link, nil)
	if auth {
		req.Header.Set("Authorization", "Bearer leaked")
	}
	resp, err := s.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func TestDownloadInvoicePDF(t *testing.T) {
	s := start(t, Options{PollAfter: 20 * time.Millisecond})
	ctx := context.Background()
	c, _ := armbilling.NewInvoicesClient("unused", s.Credential(), armOptions(s))
	inv, err := c.NewListByBillingAccountPager(eaAccount, nil).NextPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	name := *inv.Value[0].Name
	p, err := c.BeginDownloadByBillingAccount(ctx, eaAccount, name, &armbilling.InvoicesClientBeginDownloadByBillingAccountOptions{DocumentName: to.Ptr(name)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.PollUntilDone(ctx, fast)
	if err != nil || res.URL == nil || res.ExpiryTime == nil {
		t.Fatalf("%v %+v", err, res)
	}
	if !strings.Contains(*res.URL, "sig=") || *res.ExpiryTime <= testNow.Format(time.RFC3339) {
		t.Fatalf("link %+v", res)
	}
	resp, body := fetchBlob(t, s, *res.URL, false)
	if resp.StatusCode != 200 || !bytes.HasPrefix(body, []byte("%PDF")) || !bytes.Contains(body, []byte(name)) ||
		resp.ContentLength != int64(len(body)) {
		t.Fatalf("%d %q", resp.StatusCode, body[:min(40, len(body))])
	}
	// The bearer token must never reach the blob host: refused and recorded.
	resp, _ = fetchBlob(t, s, *res.URL, true)
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("blob with Authorization: %d", resp.StatusCode)
	}
	var withAuth, blobHits int
	for _, r := range s.Requests() {
		if r.Host == strings.TrimPrefix(s.BlobURL(), "https://") {
			blobHits++
			if r.HasAuth {
				withAuth++
			}
			if r.Query.Get("sig") != "REDACTED" {
				t.Errorf("recorded signature %q", r.Query.Get("sig"))
			}
		}
	}
	if blobHits != 2 || withAuth != 1 {
		t.Fatalf("blob hits %d, with auth %d", blobHits, withAuth)
	}
}

func TestDownloadMOSPAndZip(t *testing.T) {
	s := start(t, Options{})
	ctx := context.Background()
	subs := subscriptionsByName(t, s)
	cf, _ := armbilling.NewClientFactory(*subs["Fabrikam Production"].SubscriptionID, s.Credential(), armOptions(s))
	c := cf.NewInvoicesClient()
	all, _, _, err := listAll[armbilling.Invoice](t, s, "/providers/Microsoft.Billing/billingAccounts/default/billingSubscriptions/"+
		*subs["Fabrikam Production"].SubscriptionID+"/invoices?api-version=2024-04-01")
	if err != nil {
		t.Fatal(err)
	}
	var void *armbilling.Invoice
	for _, i := range all {
		if *i.Properties.Status == armbilling.InvoiceStatusVoid {
			void = i
		}
	}
	if void == nil || len(void.Properties.Documents) != 2 {
		t.Fatal("no void invoice with a void note")
	}
	note := *void.Properties.Documents[1].Name
	p, err := c.BeginDownloadByBillingSubscription(ctx, *void.Name, &armbilling.InvoicesClientBeginDownloadByBillingSubscriptionOptions{DocumentName: to.Ptr(note)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.PollUntilDone(ctx, fast)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := fetchBlob(t, s, *res.URL, false); !bytes.Contains(body, []byte("VoidNote")) {
		t.Fatalf("void note pdf: %q", body[:min(60, len(body))])
	}
	zp, err := c.BeginDownloadDocumentsByBillingSubscription(ctx, []*armbilling.DocumentDownloadRequest{
		{InvoiceName: all[0].Name, DocumentName: all[0].Name}, {InvoiceName: void.Name, DocumentName: to.Ptr(note)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zp.PollUntilDone(ctx, fast)
	if err != nil {
		t.Fatal(err)
	}
	_, body := fetchBlob(t, s, *zr.URL, false)
	z, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil || !bytes.HasPrefix(body, []byte("PK")) || len(z.File) != 2 {
		t.Fatalf("zip: %v", err)
	}
	// Unknown document: 404 before any operation starts.
	_, err = c.BeginDownloadByBillingSubscription(ctx, *void.Name, &armbilling.InvoicesClientBeginDownloadByBillingSubscriptionOptions{DocumentName: to.Ptr("nope")})
	var re *azcore.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 404 {
		t.Fatalf("unknown doc: %v", err)
	}
}

func TestExpiredSAS(t *testing.T) {
	clk := newClock(testNow)
	s := start(t, Options{Now: clk.Now})
	c, _ := armbilling.NewInvoicesClient("unused", s.Credential(), armOptions(s))
	ctx := context.Background()
	inv, err := c.NewListByBillingAccountPager(eaAccount, nil).NextPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.BeginDownloadByBillingAccount(ctx, eaAccount, *inv.Value[1].Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.PollUntilDone(ctx, fast)
	if err != nil {
		t.Fatal(err)
	}
	if resp, _ := fetchBlob(t, s, *res.URL, false); resp.StatusCode != 200 {
		t.Fatalf("fresh link: %d", resp.StatusCode)
	}
	clk.Add(61 * time.Minute)
	resp, body := fetchBlob(t, s, *res.URL, false)
	if resp.StatusCode != 403 || !bytes.Contains(body, []byte("<Code>AuthenticationFailed</Code>")) {
		t.Fatalf("expired: %d %s", resp.StatusCode, body)
	}
	tampered := strings.Replace(*res.URL, "sig=", "sig=x", 1)
	if resp, _ := fetchBlob(t, s, tampered, false); resp.StatusCode != 403 {
		t.Fatalf("tampered: %d", resp.StatusCode)
	}
}
