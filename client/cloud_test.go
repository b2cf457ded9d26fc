package client

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"golang.org/x/time/rate"

	"github.com/azinvoice/azinvoice/client/emulator"
)

func TestCloudConfig(t *testing.T) {
	c, err := CloudConfig("AzureUSGovernment", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if rm := c.Services[cloud.ResourceManager]; rm.Endpoint != "https://management.usgovcloudapi.net" ||
		c.ActiveDirectoryAuthorityHost != cloud.AzureGovernment.ActiveDirectoryAuthorityHost {
		t.Errorf("gov cloud: %+v", c)
	}
	if got := TokenScope(c); got != "https://management.core.usgovcloudapi.net/.default" {
		t.Errorf("gov token scope %q", got)
	}
	c, _ = CloudConfig("AzureChina", "https://arm.local/", "https://arm.local/aud")
	if rm := c.Services[cloud.ResourceManager]; rm.Endpoint != "https://arm.local" || rm.Audience != "https://arm.local/aud" ||
		c.ActiveDirectoryAuthorityHost != cloud.AzureChina.ActiveDirectoryAuthorityHost {
		t.Errorf("custom endpoint: %+v", c)
	}
	for _, bad := range [][2]string{{"Mars", ""}, {"AzurePublic", "ftp://x"}, {"AzurePublic", "not a url"}} {
		if _, err := CloudConfig(bad[0], bad[1], ""); err == nil {
			t.Errorf("CloudConfig%v accepted", bad)
		}
	}
	if CheckPlainHTTP("http://127.0.0.1") == nil || CheckPlainHTTP("https://127.0.0.1") != nil {
		t.Error("CheckPlainHTTP")
	}
}

func TestStaticTokenNeverPrinted(t *testing.T) {
	tok, err := NewStaticToken(" eyJhbGciOi.eyJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJl \n")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(tok), fmt.Sprintf("%+v", tok), fmt.Sprintf("%#v", tok)} {
		if strings.Contains(s, "eyJ") || strings.Contains(s, "c2ln") {
			t.Errorf("token printed: %s", s)
		}
	}
	at, _ := tok.GetToken(context.Background(), policy.TokenRequestOptions{})
	if at.Token != "eyJhbGciOi.eyJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJl" || at.ExpiresOn.Year() != 2100 {
		t.Errorf("token %q expires %v", at.Token, at.ExpiresOn)
	}
	if _, err := NewStaticToken("two words"); err == nil {
		t.Error("a token with a space accepted")
	}
}

// TestLimiterSharedByCalls: every ARM request waits on the one limiter.
func TestLimiterSharedByCalls(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer emu.Close()
	lim := rate.NewLimiter(rate.Limit(50), 1)
	l, err := NewLive(Options{Credential: emu.Credential(), Endpoint: emu.URL(), Transport: emu.HTTPClient(), Limiter: lim})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for range 5 {
		if _, err := l.Accounts(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	// Five calls through a bucket of one refilled at 50/s: at least 80 ms.
	if el := time.Since(start); el < 75*time.Millisecond {
		t.Errorf("5 calls took %v: the limiter was not used", el)
	}
}
