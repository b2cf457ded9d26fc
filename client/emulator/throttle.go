package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net"
	"net/http"
	"strconv"
	"time"
)

// bucket is one caller's token bucket.
type bucket struct {
	tokens float64
	last   time.Time
}

// allowW takes a token for the caller, or answers 429 with Retry-After the
// way ARM does when a caller exceeds its read quota.

func (s *Server) allowW(w http.ResponseWriter, r *http.Request) bool {
	t := s.opts.Throttle
	if t == nil || t.Rate <= 0 {
		return true
	}
	key := callerKey(r)
	now := time.Now()
	s.mu.Lock()
	b := s.buckets[key]
	if b == nil {
		b = &bucket{tokens: float64(max(t.Burst, 1)), last: now}
		s.buckets[key] = b
	}
	b.tokens = math.Min(float64(max(t.Burst, 1)), b.tokens+now.Sub(b.last).Seconds()*t.Rate)
	b.last = now
	ok := b.tokens >= 1
	wait := 0.0
	if ok {
		b.tokens--
	} else {
		wait = (1 - b.tokens) / t.Rate
	}
	s.mu.Unlock()
	if !ok && w != nil {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait))))
		w.Header().Set("x-ms-ratelimit-remaining-subscription-reads", "0")
		writeError(w, http.StatusTooManyRequests, "TooManyRequests", "The request is being throttled.")
	}
	return ok
}

// callerKey identifies the caller by a hash of its token (never the token
// itself), else by its address.
func callerKey(r *http.Request) string {
	if a := r.Header.Get("Authorization"); a != "" {
		h := sha256.Sum256([]byte(a))
		return hex.EncodeToString(h[:8])
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	return host
}
