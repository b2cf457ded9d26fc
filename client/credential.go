package client

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

// ARMScope is the token scope for Azure Resource Manager (public cloud).
const ARMScope = "https://management.azure.com/.default"

// NewCredential is azidentity's DefaultAzureCredential (environment,
// workload identity, managed identity, Azure CLI, Azure Developer CLI;
// AZURE_TOKEN_CREDENTIALS narrows the chain), for tenant when given.
func NewCredential(tenant string) (azcore.TokenCredential, error) {
	c, err := azidentity.NewDefaultAzureCredential(&azidentity.DefaultAzureCredentialOptions{TenantID: tenant})
	if err != nil {
		return nil, wrap("set up Azure credential", err)
	}
	return c, nil
}

// CheckCredential gets one token for Resource Manager, so a sign-in
// problem shows up before any screen. The error says what was tried
// (azidentity lists each credential and why it failed). scope, when
// given, is the cloud's token scope (TokenScope); else the public cloud's.
func CheckCredential(ctx context.Context, cred azcore.TokenCredential, scope ...string) error {
	if cred == nil {
		return &Error{Op: "sign in to Azure", Message: "no credential"}
	}
	_, err := cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: scopeOr(scope)})
	if err == nil {
		return nil
	}
	e := wrap("sign in to Azure", ctxErr(ctx, err)).(*Error)
	tried := "tried DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI, Azure Developer CLI)"
	if v := os.Getenv("AZURE_TOKEN_CREDENTIALS"); v != "" {
		tried += "; AZURE_TOKEN_CREDENTIALS=" + safeText(v, 60)
	}
	// azidentity's text lists every credential tried and why each failed:
	// keep more of it than other errors keep.
	e.Message = tried + ": " + safeText(err.Error(), 2000)
	return e
}

// callerOID is the object ID of the signed-in identity, read from the ARM
// token's payload without verifying it: it is only compared with role
// assignments' principalId, never trusted for anything else. The token
// itself is never logged or returned.
func (l *Live) callerOID(ctx context.Context) (string, error) {
	tok, err := l.cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{l.tokenScope}})
	if err != nil {
		return "", wrap("read caller identity", ctxErr(ctx, err))
	}
	return oidFromJWT(tok.Token)
}

func oidFromJWT(token string) (string, error) {
	var c claims
	if err := readClaims(token, &c); err != nil {
		return "", err
	}
	if c.OID == "" {
		return "", errors.New("access token has no oid claim")
	}
	return c.OID, nil
}

// claims are the token claims azinvoice reads, without verification: the
// oid to match role assignments, the tid to compare with billing tenants,
// and a name to show in the status bar. Never trusted for anything else.
type claims struct {
	OID        string `json:"oid"`
	TID        string `json:"tid"`
	IDP        string `json:"idp"`
	UPN        string `json:"upn"`
	Email      string `json:"email"`
	Name       string `json:"name"`
	UniqueName string `json:"unique_name"`
	Preferred  string `json:"preferred_username"`
	AppID      string `json:"appid"`
}

// who is the signed-in name a person would recognise: a user's upn, login
// or email, else an app's ID (a service principal or managed identity).
func (c claims) who() string {
	return firstOf(c.UPN, c.Preferred, c.Email, c.UniqueName, c.Name, c.AppID)
}

// readClaims decodes a JWT's payload into v. The token itself is never
// logged or returned.
func readClaims(token string, v any) error {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return errors.New("access token is not a JWT")
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return errors.New("access token payload is not base64url")
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return errors.New("access token payload is not JSON")
	}
	return nil
}

// callerClaims asks the credential for a token and reads its claims; the
// zero value when either fails.
func callerClaims(ctx context.Context, cred azcore.TokenCredential, scope []string) claims {
	var c claims
	tok, err := cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: scopeOr(scope)})
	if err != nil || readClaims(tok.Token, &c) != nil {
		return claims{}
	}
	return c
}

// CallerTenant is the tenant the credential signed in to (the token's tid
// claim, read without verification only to compare with billing tenants),
// or "" when it cannot be read. scope is as for CheckCredential.
func CallerTenant(ctx context.Context, cred azcore.TokenCredential, scope ...string) string {
	return callerClaims(ctx, cred, scope).TID
}

// CallerName is who the credential signed in as, for the status bar: the
// token's upn, else unique_name or preferred_username (users), else its
// appid (a service principal or managed identity), or "" when none can be
// read. scope is as for CheckCredential.
func CallerName(ctx context.Context, cred azcore.TokenCredential, scope ...string) string {
	return callerClaims(ctx, cred, scope).who()
}

func scopeOr(scope []string) []string {
	if len(scope) > 0 && scope[0] != "" {
		return scope[:1]
	}
	return []string{ARMScope}
}
