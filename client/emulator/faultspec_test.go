package emulator

import (
	"testing"
	"time"
)

func TestApplyFaults(t *testing.T) {
	var o Options
	err := o.ApplyFaults("throttle, 429:/invoices:retry=90s:times=2, reset:/usage/:host=blob, slow:/billingProfiles:after=3s, hang:/policies, badjson:/billingAccounts:method=get, cut:/documents/, 403:/billingProfiles/X, signin:after=40")
	if err != nil {
		t.Fatal(err)
	}
	if o.Throttle == nil || o.Throttle.Rate != 25 || o.Throttle.Burst != 250 {
		t.Errorf("throttle %+v", o.Throttle)
	}
	if o.TokenLimit != 40 {
		t.Errorf("token limit %d", o.TokenLimit)
	}
	if len(o.Faults) != 7 {
		t.Fatalf("%d faults: %+v", len(o.Faults), o.Faults)
	}
	f := o.Faults[0]
	if f.Status != 429 || f.PathContains != "/invoices" || f.RetryAfter != 90*time.Second || f.Times != 2 {
		t.Errorf("429 fault %+v", f)
	}
	if o.Faults[1].Kind != FaultReset || o.Faults[1].Host != "blob" {
		t.Errorf("reset %+v", o.Faults[1])
	}
	if o.Faults[2].Kind != FaultSlow || o.Faults[2].Delay != 3*time.Second {
		t.Errorf("slow %+v", o.Faults[2])
	}
	if o.Faults[4].Method != "GET" {
		t.Errorf("method %+v", o.Faults[4])
	}
	for _, bad := range []string{"nonsense:/x", "429", "slow:/x:speed=2", "signin"} {
		var o Options
		if err := o.ApplyFaults(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	var sc Options
	if err := sc.ApplyFaults("throttle,scale:subs=500:invoices=20"); err != nil || sc.Scale.Subscriptions != 500 || sc.Scale.Invoices != 20 {
		t.Errorf("scale: %+v, %v", sc.Scale, err)
	}
	var empty Options
	if err := empty.ApplyFaults(""); err != nil || empty.Throttle != nil || len(empty.Faults) != 0 {
		t.Error("empty spec changed something")
	}
}
