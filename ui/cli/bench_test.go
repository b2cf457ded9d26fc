package cli

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/client/emulator"
)

// BenchmarkBulkDownload100 downloads 100 invoice PDFs with 50 ms of
// emulated latency on every ARM call and --concurrency 4, and reports the
// wall time against the ideal: ARM calls ÷ concurrency × latency. The
// emulated operations are ready at once, so the client polls after 1 ms.
func BenchmarkBulkDownload100(b *testing.B) {
	const latency, conc = 50 * time.Millisecond, 4
	for b.Loop() {
		var srv *emulator.Server
		dir := b.TempDir()
		start := time.Now()
		r := run(b, context.Background(), []string{"download", "--demo", "--profile", "Finance", "--dir", dir,
			"--concurrency", itoa(conc), "--from", "2000-01", "--to", "2026-12"},
			withEmu(emulator.Options{Latency: latency, Scale: emulator.Scale{Invoices: 88}}), withPoll(time.Millisecond),
			withDemo(func(s *emulator.Server) { srv = s }))
		wall := time.Since(start)
		if r.code != ExitOK {
			b.Fatalf("exit %d: %s", r.code, lastLine(r.err))
		}
		v, _ := files(nil, dir)
		arm := 0
		host, _ := url.Parse(srv.URL())
		for _, q := range srv.Requests() {
			if q.Host == host.Host {
				arm++
			}
		}
		ideal := time.Duration(arm) * latency / conc
		b.ReportMetric(float64(len(v)), "files")
		b.ReportMetric(float64(arm), "arm-calls")
		b.ReportMetric(wall.Seconds(), "wall-s")
		b.ReportMetric(ideal.Seconds(), "ideal-s")
		b.ReportMetric(wall.Seconds()/ideal.Seconds(), "x-ideal")
	}
}
