package ui

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/azinvoice/azinvoice/client"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		name string
		err  error
		why  string
	}{
		{"cancel", fmt.Errorf("x: %w", context.Canceled), "cancelled"},
		{"403", &client.Error{Status: 403, Code: "AuthorizationFailed"}, "don't have access"},
		{"404", &client.Error{Status: 404}, "does not exist"},
		{"429", &client.Error{Status: 429}, "throttling"},
		{"503", &client.Error{Status: 503}, "server error 503"},
		{"401", &client.Error{Status: 401}, "sign-in"},
		{"exists", &client.Error{Err: client.ErrExists}, "already there"},
		{"truncated", &client.Error{Err: client.ErrTruncated}, "before the whole file"},
		{"disk full", &client.Error{Code: "DiskFull"}, "disk is full"},
		{"network", &client.Error{Err: &net.OpError{Op: "dial", Err: errors.New("refused")}}, "could not be reached"},
		{"no usage", &client.Error{Err: client.ErrNoUsage}, "no usage file"},
		{"plain", errors.New("boom https://x.blob.core.windows.net/a?sig=SECRET"), "went wrong"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := describe(tt.err)
			if !strings.Contains(info.Why, tt.why) {
				t.Errorf("why = %q, want it to mention %q", info.Why, tt.why)
			}
			if info.Do == "" {
				t.Error("no advice")
			}
			if strings.Contains(info.Detail, "SECRET") {
				t.Errorf("secret in detail: %q", info.Detail)
			}
		})
	}
}
