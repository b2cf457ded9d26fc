package client

import (
	"context"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/client/emulator"
)

// BenchmarkFetchVsCopy times Fetch and a bare GET + io.Copy of the same
// URL in each iteration and reports Fetch's time as a ratio of the bare
// copy's: what the progress, checks and fixed buffer cost.
func BenchmarkFetchVsCopy(b *testing.B) {
	const size = 32 << 20
	body := make([]byte, size)
	l, srv, _ := newTestLive(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(size))
		w.Write(body)
	}))
	link := Link{URL: srv.URL + "/big?sig=x"}
	client := srv.Client()
	ctx := context.Background()
	var fetchT, copyT time.Duration
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := l.Fetch(ctx, link, io.Discard, func(int64, int64) {}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		resp, err := client.Get(link.URL)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
		fetchT += t1.Sub(t0)
		copyT += time.Since(t1)
	}
	if copyT > 0 {
		b.ReportMetric(float64(fetchT)/float64(copyT), "fetch/copy")
	}
}

// BenchmarkMOSPUsagePaging writes a MOSP usage file of many pages and
// reports the peak heap seen while it runs: it must stay near one page's
// worth however many rows there are.
func BenchmarkMOSPUsagePaging(b *testing.B) {
	for _, rows := range []int{2000, 20000, 1_000_000} {
		b.Run(strconv.Itoa(rows)+"rows", func(b *testing.B) {
			if rows > 100_000 && testing.Short() {
				b.Skip("a million rows skipped in -short mode")
			}
			_, l := startEmu(b, emulator.Options{UsageRows: rows})
			d := loadDemo(b, l)
			sc, invs := mospScope(b, l, d)
			inv := invs[len(invs)-1]
			b.ReportAllocs()
			var peak atomic.Uint64
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() {
				defer close(done)
				var ms runtime.MemStats
				for {
					runtime.ReadMemStats(&ms)
					if ms.HeapAlloc > peak.Load() {
						peak.Store(ms.HeapAlloc)
					}
					select {
					case <-stop:
						return
					case <-time.After(5 * time.Millisecond):
					}
				}
			}()
			var written int64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				err := l.Usage(context.Background(), sc, inv, io.Discard, func(p UsageProgress) { written = p.Rows })
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			close(stop)
			<-done
			b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(written), "rows")
		})
	}
}
