package main

import (
	"context"
	"crypto/tls"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

	"github.com/azinvoice/azinvoice/client/emulator"
)

// TestTokenAndARMEndpoint runs the built binary against an emulator as if
// it were a private cloud: --arm-endpoint, a pre-issued token in
// AZINVOICE_ACCESS_TOKEN, and the emulator's certificate trusted only
// through SSL_CERT_FILE (as Go reads it). It lists and downloads, and the
// --debug log never holds the token.
func TestTokenAndARMEndpoint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	srv, err := emulator.Start(emulator.Options{PollAfter: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	bin := filepath.Join(dir, "azinvoice")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	pemFile := filepath.Join(dir, "emulator.pem")
	writeServerCert(t, srv.URL(), pemFile)
	tok, err := srv.Credential().GetToken(context.Background(), policy.TokenRequestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "SSL_CERT_FILE="+pemFile, "AZINVOICE_ACCESS_TOKEN="+tok.Token, "TMPDIR="+dir, "HOME="+dir,
		"AZURE_TOKEN_CREDENTIALS=", "AZURE_CLIENT_ID=")
	azi := func(args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return out.String(), errb.String(), code
	}

	out, errs, code := azi("invoices", "--arm-endpoint", srv.URL(), "--output", "json", "--debug")
	if code != 0 || !strings.Contains(out, `"name": "G1015081"`) && !strings.Contains(out, `"agreementType"`) {
		t.Fatalf("invoices: exit %d\n%s\n%s", code, out, errs)
	}
	last := time.Now().UTC().AddDate(0, -1, 0).Format("2006-01")
	dl := filepath.Join(dir, "dl")
	_, errs, code = azi("download", "--arm-endpoint", srv.URL(), "--period", last, "--dir", dl, "--debug")
	if code != 0 {
		t.Fatalf("download: exit %d\n%s", code, errs)
	}
	if got, _ := filepath.Glob(filepath.Join(dl, "*.pdf")); len(got) == 0 {
		t.Errorf("no PDF downloaded for %s:\n%s", last, errs)
	}
	logs, _ := filepath.Glob(filepath.Join(dir, "azinvoice-*.log"))
	if len(logs) != 2 {
		t.Fatalf("want two debug logs, got %v", logs)
	}
	sig := tok.Token[strings.LastIndex(tok.Token, ".")+1:]
	for _, l := range logs {
		b, _ := os.ReadFile(l)
		if len(b) == 0 {
			t.Errorf("%s is empty", l)
		}
		for _, secret := range []string{tok.Token, tok.Token[:40], sig, "Bearer ey", "sig="} {
			if strings.Contains(string(b), secret) {
				t.Errorf("debug log %s holds %q", l, secret[:min(len(secret), 12)])
			}
		}
	}

	// The token is never sent over plain http.
	_, errs, code = azi("accounts", "--arm-endpoint", "http://127.0.0.1:9")
	if code != 2 || !strings.Contains(errs, "plain http") {
		t.Errorf("plain http endpoint: exit %d, %s", code, errs)
	}
}

// writeServerCert saves the certificate the server presents, as PEM.
func writeServerCert(t *testing.T, url, path string) {
	t.Helper()
	conn, err := tls.Dial("tcp", strings.TrimPrefix(url, "https://"), &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	der := conn.ConnectionState().PeerCertificates[0].Raw
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkExec is exec → exit of `azinvoice invoices --demo --output json`
// beside `azinvoice --version`, the median of the runs each.
func BenchmarkExec(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "azinvoice")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	for _, c := range []struct {
		name string
		args []string
	}{{"version", []string{"--version"}}, {"invoices-demo-json", []string{"invoices", "--demo", "--output", "json"}}} {
		b.Run(c.name, func(b *testing.B) {
			var took []time.Duration
			for b.Loop() {
				start := time.Now()
				if out, err := exec.Command(bin, c.args...).CombinedOutput(); err != nil {
					b.Fatalf("%v: %s", err, out)
				}
				took = append(took, time.Since(start))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "median-ms")
		})
	}
}
