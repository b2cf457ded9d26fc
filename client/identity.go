package client

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// CallerName is who the credential signed in as, for the status bar: the
// token's upn, else unique_name or preferred_username (users), else its
// appid (a service principal or managed identity), or "" when none can be
// read. The claims are read without verification, only to be shown.
func CallerName(ctx context.Context, cred azcore.TokenCredential) string {
	tok, err := cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{ARMScope}})
	if err != nil {
		return ""
	}
	parts := strings.Split(tok.Token, ".")
	if len(parts) != 3 {
		return ""
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return ""
	}
	var c struct {
		UPN        string `json:"upn"`
		UniqueName string `json:"unique_name"`
		Preferred  string `json:"preferred_username"`
		AppID      string `json:"appid"`
	}
	if json.Unmarshal(payload, &c) != nil {
		return ""
	}
	for _, s := range []string{c.UPN, c.UniqueName, c.Preferred, c.AppID} {
		if s != "" {
			return s
		}
	}
	return ""
}
