package client

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/model"
)

// urlRecorder remembers the first URL the blob client fetched (the SAS link),
// so the benchmark can copy the very same URL with a bare client.
type urlRecorder struct {
	base http.RoundTripper
	mu   sync.Mutex
	url  string
}

func (r *urlRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	if r.url == "" {
		r.url = req.URL.String()
	}
	r.mu.Unlock()
	return r.base.RoundTrip(req)
}

// peakRSS is the process's peak resident set (VmHWM), in MiB; 0 where
// /proc is not there.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkUsage1GiB streams a 1 GiB usage file (MCA cost-details report)
// from the emulator through Live.Usage, and in the same iteration copies
// the same blob URL with a bare GET + io.Copy. It reports both rates, their
// ratio, and the process's peak RSS — emulator and client included.
// Targets: usage/copy ≥ 0.8, peak ≤ 64 MiB.
func BenchmarkUsage1GiB(b *testing.B) {
	if testing.Short() {
		b.Skip("1 GiB stream skipped in -short mode")
	}
	const size = 1 << 30
	emu, err := emulator.Start(emulator.Options{UsageBytes: size, PollAfter: 10 * time.Millisecond})
	if err != nil {
		b.Fatal(err)
	}
	defer emu.Close()
	rec := &urlRecorder{base: emu.HTTPClient().Transport}
	l, err := NewLive(Options{
		Credential: emu.Credential(), Endpoint: emu.URL(), Transport: emu.HTTPClient(),
		BlobClient: &http.Client{Transport: rec}, PollEvery: 10 * time.Millisecond,
		Retry: policy.RetryOptions{MaxRetries: 1},
	})
	if err != nil {
		b.Fatal(err)
	}
	d := loadDemo(b, l)
	sc := d.scope(model.AgreementMCA)
	invs, err := l.Invoices(context.Background(), sc, model.Period{})
	if err != nil || len(invs) == 0 {
		b.Fatalf("invoices: %v (%d)", err, len(invs))
	}
	bare := emu.HTTPClient()
	var usageT, copyT time.Duration
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if err := l.Usage(context.Background(), sc, invs[0], io.Discard, nil); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		resp, err := bare.Get(rec.url)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || n != size {
			b.Fatalf("bare copy: %d bytes, %v", n, err)
		}
		usageT += t1.Sub(t0)
		copyT += time.Since(t1)
	}
	b.StopTimer()
	mb := float64(size*b.N) / (1 << 20)
	b.ReportMetric(mb/usageT.Seconds(), "usage-MiB/s")
	b.ReportMetric(mb/copyT.Seconds(), "copy-MiB/s")
	b.ReportMetric(copyT.Seconds()/usageT.Seconds(), "usage/copy")
	b.ReportMetric(peakRSS(), "peak-RSS-MiB")
}
