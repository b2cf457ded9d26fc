package client

import (
	"context"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/model"
)

// BenchmarkSubscriptionsUnderBudget: 500 subscriptions under ARM's read
// budget (250, then 25 a second). It reports when the rows first show
// (first-ms) and when every billing property is in (all-ms).
func BenchmarkSubscriptionsUnderBudget(b *testing.B) {
	if testing.Short() {
		b.Skip("takes ~15 s a run")
	}
	for i := 0; i < b.N; i++ {
		emu, err := emulator.Start(emulator.Options{Throttle: &emulator.Throttle{Rate: 25, Burst: 250}, Scale: emulator.Scale{Subscriptions: 500}})
		if err != nil {
			b.Fatal(err)
		}
		l, err := NewLive(Options{Credential: emu.Credential(), Endpoint: emu.URL(), Transport: emu.HTTPClient(), BlobClient: emu.HTTPClient()})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		var first time.Duration
		subs, err := l.SubscriptionsProgress(context.Background(), func([]model.Subscription) {
			if first == 0 {
				first = time.Since(start)
			}
		})
		all := time.Since(start)
		emu.Close()
		if err != nil {
			b.Fatal(err)
		}
		throttled := 0
		for _, s := range subs {
			if IsThrottled(s.PropertyErr) {
				throttled++
			}
		}
		b.ReportMetric(float64(first.Milliseconds()), "first-ms")
		b.ReportMetric(float64(all.Milliseconds()), "all-ms")
		b.ReportMetric(float64(throttled), "throttled-rows")
	}
}
