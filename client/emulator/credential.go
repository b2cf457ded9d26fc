package emulator

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// fakeToken is shaped like an Entra ID access token (header.payload.sig,
// base64url) so code that peeks at claims (oid, upn, tid) works in the demo.
// It is unsigned: only this server accepts it.
func fakeToken(c caller, now time.Time) string {
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	head := enc(map[string]string{"alg": "none", "typ": "JWT"})
	body := enc(map[string]any{
		"aud": "https://management.azure.com", "iss": "https://sts.windows.net/" + c.TID + "/",
		"oid": c.OID, "upn": c.UPN, "name": c.Name, "tid": c.TID,
		"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(time.Hour).Unix(),
	})
	return head + "." + body + "." + base64.RawURLEncoding.EncodeToString([]byte("emulator"))
}

type fakeCredential struct{ s *Server }

func (f fakeCredential) GetToken(ctx context.Context, _ policy.TokenRequestOptions) (azcore.AccessToken, error) {
	if err := ctx.Err(); err != nil {
		return azcore.AccessToken{}, err
	}
	limit := f.s.opts.TokenLimit
	if limit > 0 {
		f.s.mu.Lock()
		f.s.tokens++
		n := f.s.tokens
		f.s.mu.Unlock()
		if n > limit {
			// What azidentity says when Entra ID refuses a refresh.
			return azcore.AccessToken{}, errors.New("DefaultAzureCredential: failed to acquire a token: " +
				"AzureCLICredential: ERROR: AADSTS700082: The refresh token has expired due to inactivity; " +
				"run 'az login' to set up an account")
		}
		// Short-lived, so azcore asks again within the session (a refresh
		// that fails is hidden by azcore until the token in hand expires).
		life := f.s.opts.TokenLife
		if life <= 0 {
			life = 2 * time.Second
		}
		return azcore.AccessToken{Token: f.s.token, ExpiresOn: time.Now().Add(life)}, nil
	}
	// The token's own exp is fixed at Start; say an hour from the wall
	// clock so azcore's cache never asks again during a run.
	return azcore.AccessToken{Token: f.s.token, ExpiresOn: time.Now().Add(time.Hour)}, nil
}
