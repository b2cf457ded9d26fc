package emulator

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// FaultsHelp describes the fault spec ApplyFaults reads (the demo's
// AZINVOICE_DEMO_FAULTS); the README says the same.
const FaultsHelp = `comma-separated items, each kind[:path][:option…]:
  throttle                 ARM read budget: 250 reads, then 25 a second (429 + Retry-After)
  429:/path  503:/path …   that HTTP status on requests whose path contains /path
  reset:/path              half the body, then the connection is reset
  cut:/path                a body shorter than its Content-Length
  badjson:/path            200 with JSON that does not parse
  slow:/path:after=8s      answer after a delay
  hang:/path               never answer (until the client gives up)
  signin:after=40          the credential fails after 40 tokens, each good for 2 s (AADSTS700082)
  scale:subs=500           more data to throttle: subs=, invoices=, accounts=
options: retry=120s (Retry-After sent), times=3 (then the fault stops; default
forever), method=GET, host=arm|blob (default: either).
example: AZINVOICE_DEMO_FAULTS='throttle,429:/invoices:retry=90s:times=2,reset:/usage/:host=blob:times=1'`

// ApplyFaults reads spec (see FaultsHelp) into o: faults, throttling and a
// credential that stops giving tokens. An empty spec changes nothing.
func (o *Options) ApplyFaults(spec string) error {
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		parts := strings.Split(item, ":")
		kind := strings.ToLower(parts[0])
		if kind == "scale" {
			if err := o.applyScale(item, parts[1:]); err != nil {
				return err
			}
			continue
		}
		f := Fault{}
		opts := map[string]string{}
		for _, p := range parts[1:] {
			if k, v, ok := strings.Cut(p, "="); ok {
				opts[strings.ToLower(k)] = v
			} else if f.PathContains == "" {
				f.PathContains = p
			} else {
				return fmt.Errorf("fault %q: unexpected %q", item, p)
			}
		}
		for k, v := range opts {
			var err error
			switch k {
			case "retry":
				f.RetryAfter, err = parseDur(v)
			case "after":
				f.Delay, err = parseDur(v)
			case "times":
				f.Times, err = strconv.Atoi(v)
			case "method":
				f.Method = strings.ToUpper(v)
			case "host":
				f.Host = strings.ToLower(v)
			default:
				err = fmt.Errorf("unknown option %q", k)
			}
			if err != nil {
				return fmt.Errorf("fault %q: %v", item, err)
			}
		}
		switch kind {
		case "throttle":
			o.Throttle = &Throttle{Rate: 25, Burst: 250}
			continue
		case "signin":
			// "after" counts tokens here (parsed above as seconds).
			n := int(f.Delay / time.Second)
			if n < 1 {
				return fmt.Errorf("fault %q: signin needs after=N tokens", item)
			}
			o.TokenLimit = n
			continue
		case "reset":
			f.Kind = FaultReset
		case "cut", "truncate":
			f.Kind = FaultTruncate
		case "badjson":
			f.Kind = FaultMalformedJSON
		case "slow":
			f.Kind = FaultSlow
			if f.Delay == 0 {
				f.Delay = 5 * time.Second
			}
		case "hang":
			f.Kind = FaultHang
		default:
			status, err := strconv.Atoi(kind)
			if err != nil || status < 400 || status > 599 {
				return fmt.Errorf("fault %q: unknown kind %q", item, kind)
			}
			f.Kind, f.Status = FaultStatus, status
		}
		if f.PathContains == "" {
			return fmt.Errorf("fault %q: needs a path, e.g. %s:/invoices", item, kind)
		}
		o.Faults = append(o.Faults, f)
	}
	return nil
}

// parseDur takes "90s", "2m" or a bare number of seconds.
func parseDur(v string) (time.Duration, error) {
	if n, err := strconv.Atoi(v); err == nil {
		return time.Duration(n) * time.Second, nil
	}
	return time.ParseDuration(v)
}

// applyScale reads "scale:subs=500:invoices=1000:accounts=20".
func (o *Options) applyScale(item string, parts []string) error {
	for _, p := range parts {
		k, v, _ := strings.Cut(p, "=")
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 100000 {
			return fmt.Errorf("fault %q: %q is not a count", item, p)
		}
		switch strings.ToLower(k) {
		case "subs", "subscriptions":
			o.Scale.Subscriptions = n
		case "invoices":
			o.Scale.Invoices = n
		case "accounts":
			o.Scale.Accounts = n
		default:
			return fmt.Errorf("fault %q: unknown %q", item, k)
		}
	}
	return nil
}
