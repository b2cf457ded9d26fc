package client

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"golang.org/x/time/rate"
)

// DefaultCloud is the cloud signed in to when none is named.
const DefaultCloud = "AzurePublic"

// Clouds are the names --cloud accepts, mapped to azcore's configurations
// (sign-in authority and Resource Manager endpoint and audience).
var Clouds = map[string]cloud.Configuration{
	"AzurePublic":       cloud.AzurePublic,
	"AzureChina":        cloud.AzureChina,
	"AzureUSGovernment": cloud.AzureGovernment,
}

// CloudName is the name model.Facts uses for a cloud (as az cloud list
// says it): AzureCloud, AzureChinaCloud, AzureUSGovernment.
func CloudName(flag string) string {
	switch flag {
	case "AzureChina":
		return "AzureChinaCloud"
	case "AzureUSGovernment":
		return "AzureUSGovernment"
	}
	return "AzureCloud"
}

// CloudConfig is the named cloud, with its Resource Manager endpoint and
// audience replaced when armEndpoint / audience are given (Azure Stack
// Hub, test rigs). An audience left empty keeps the named cloud's.
func CloudConfig(name, armEndpoint, audience string) (cloud.Configuration, error) {
	if name == "" {
		name = DefaultCloud
	}
	base, ok := Clouds[name]
	if !ok {
		return cloud.Configuration{}, fmt.Errorf("unknown cloud %q (AzurePublic, AzureChina or AzureUSGovernment)", name)
	}
	rm := base.Services[cloud.ResourceManager]
	if armEndpoint != "" {
		u, err := url.Parse(armEndpoint)
		if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			return cloud.Configuration{}, fmt.Errorf("--arm-endpoint %q is not an http(s) URL", armEndpoint)
		}
		rm.Endpoint = strings.TrimRight(armEndpoint, "/")
	}
	if audience != "" {
		rm.Audience = audience
	}
	return cloud.Configuration{
		ActiveDirectoryAuthorityHost: base.ActiveDirectoryAuthorityHost,
		Services:                     map[cloud.ServiceName]cloud.ServiceConfiguration{cloud.ResourceManager: rm},
	}, nil
}

// TokenScope is the scope a token for cfg's Resource Manager is asked for.
func TokenScope(cfg cloud.Configuration) string {
	aud := cfg.Services[cloud.ResourceManager].Audience
	if aud == "" {
		return ARMScope
	}
	return strings.TrimRight(aud, "/") + "/.default"
}

// NewCloudCredential is NewCredential signing in at cfg's authority. The
// Azure CLI credential follows `az cloud set`, not this setting.
func NewCloudCredential(tenant string, cfg cloud.Configuration) (azcore.TokenCredential, error) {
	c, err := azidentity.NewDefaultAzureCredential(&azidentity.DefaultAzureCredentialOptions{
		TenantID: tenant, ClientOptions: azcore.ClientOptions{Cloud: cfg},
	})
	if err != nil {
		return nil, wrap("set up Azure credential", err)
	}
	return c, nil
}

// StaticToken is a pre-issued access token used as it is (AZINVOICE_ACCESS_TOKEN).
// It cannot be refreshed; its printed forms never show it.
type StaticToken struct{ token string }

// NewStaticToken wraps a pre-issued token. Its expiry is read from the
// JWT's exp claim when there is one, else taken as an hour from now.
func NewStaticToken(token string) (*StaticToken, error) {
	token = strings.TrimSpace(token)
	if token == "" || strings.ContainsAny(token, " \t\r\n") {
		return nil, errors.New("AZINVOICE_ACCESS_TOKEN is empty or has spaces in it")
	}
	return &StaticToken{token: token}, nil
}

// GetToken returns the token whatever the scope: the caller chose it.
func (s *StaticToken) GetToken(ctx context.Context, _ policy.TokenRequestOptions) (azcore.AccessToken, error) {
	if err := ctx.Err(); err != nil {
		return azcore.AccessToken{}, err
	}
	exp := time.Now().Add(time.Hour)
	if e, ok := expFromJWT(s.token); ok && e.After(time.Now()) {
		exp = e
	}
	return azcore.AccessToken{Token: s.token, ExpiresOn: exp}, nil
}

func (s *StaticToken) String() string   { return "StaticToken([redacted])" }
func (s *StaticToken) GoString() string { return s.String() }

// CheckPlainHTTP refuses to send a bearer token to an http:// endpoint.
// azcore refuses too, per request; this says so before the first one.
func CheckPlainHTTP(endpoint string) error {
	if u, err := url.Parse(endpoint); err == nil && strings.EqualFold(u.Scheme, "http") {
		return errors.New("a token is never sent over plain http: use an https --arm-endpoint")
	}
	return nil
}

// NewARMLimiter is the client-side budget for Resource Manager calls: a
// little under ARM's per-tenant read budget (a bucket of 250 refilled at
// 25 a second), so a bulk run is not throttled in the first place.
func NewARMLimiter() *rate.Limiter { return rate.NewLimiter(rate.Limit(20), 200) }

// limitPolicy makes every ARM request, retries and polls included, wait
// for the shared limiter.
type limitPolicy struct{ l *rate.Limiter }

func (p limitPolicy) Do(req *policy.Request) (*http.Response, error) {
	if err := p.l.Wait(req.Raw().Context()); err != nil {
		return nil, err
	}
	return req.Next()
}

// expFromJWT reads the exp claim of a JWT without verifying it: only to
// know when a pre-issued token runs out.
func expFromJWT(token string) (time.Time, bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return time.Time{}, false
	}
	var claims struct {
		Exp int64 `json:"exp"`
	}
	if json.Unmarshal(payload, &claims) != nil || claims.Exp == 0 {
		return time.Time{}, false
	}
	return time.Unix(claims.Exp, 0), true
}
