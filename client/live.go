package client

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/costmanagement/armcostmanagement/v3"
	"golang.org/x/time/rate"
)

// PublicEndpoint is Azure Resource Manager in the public cloud.
const PublicEndpoint = "https://management.azure.com"

// Options configure Live. The zero value of every field has a sane default
// except Credential, which is required.
type Options struct {
	Credential azcore.TokenCredential
	// Endpoint is the ARM endpoint; "" is the public cloud.
	Endpoint string
	// Transport carries ARM calls (the emulator passes a client trusting its
	// certificate); nil uses azcore's default.
	Transport *http.Client
	// BlobClient fetches SAS links. It never carries the bearer token; nil
	// is a plain client with timeouts.
	BlobClient *http.Client
	// Logger receives operational logs; nil discards. Never tokens or SAS queries.
	Logger *slog.Logger
	// PollEvery is how often long-running operations are polled when the
	// service gives no Retry-After (default 1s).
	PollEvery time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Retry tunes the one retry policy (see RetryPolicy in retry.go):
	// MaxRetries, RetryDelay (the first backoff), MaxRetryDelay (the
	// ceiling above which a Retry-After is told, not waited) and
	// TryTimeout. Zero fields get the policy's defaults.
	Retry policy.RetryOptions
	// PollGiveUp bounds how long status polls may keep answering
	// 408/429/5xx before the operation is reported (default 2 minutes).
	PollGiveUp time.Duration
	// CallTimeout bounds one request (one page, one poll); default 2 minutes.
	CallTimeout time.Duration
	// LROTimeout bounds a whole long-running operation; default 15 minutes.
	LROTimeout time.Duration
	// Cloud, when it has a Resource Manager entry, sets the endpoint (unless
	// Endpoint is given) and the token audience (see CloudConfig).
	Cloud cloud.Configuration
	// Limiter, when set, is waited on before every ARM request (retries and
	// polls included): one per process, shared by every call (NewARMLimiter).
	Limiter *rate.Limiter
}

// Live is the Billing implementation over the official Azure SDK.
type Live struct {
	cred         azcore.TokenCredential
	arm          *arm.ClientOptions
	endpoint     string
	blob         *http.Client
	log          *slog.Logger
	pollEvery    time.Duration
	now          func() time.Time
	callTO       time.Duration
	lroTO        time.Duration
	retry        RetryPolicy
	tokenScope   string           // what callerOID asks a token for: this cloud's ARM audience
	pl           runtime.Pipeline // the SDK pipeline our own pager and GETs use (paging.go)
	profiles     *armbilling.ProfilesClient
	perms        *armbilling.PermissionsClient
	invoices     *armbilling.InvoicesClient // not bound to a subscription: account/profile routes
	transactions *armbilling.TransactionsClient
	costReport   *armcostmanagement.GenerateCostDetailsReportClient
}

var _ Billing = (*Live)(nil)

// NewLive builds the SDK clients. It makes no request.
func NewLive(opts Options) (*Live, error) {
	if opts.Credential == nil {
		return nil, errors.New("client: Options.Credential is required")
	}
	l := &Live{
		cred:      opts.Credential,
		endpoint:  strings.TrimRight(opts.Endpoint, "/"),
		blob:      opts.BlobClient,
		log:       opts.Logger,
		pollEvery: opts.PollEvery,
		now:       opts.Now,
		callTO:    opts.CallTimeout,
		lroTO:     opts.LROTimeout,
	}
	rm, haveCloud := opts.Cloud.Services[cloud.ResourceManager]
	if l.endpoint == "" && haveCloud {
		l.endpoint = strings.TrimRight(rm.Endpoint, "/")
	}
	if l.endpoint == "" {
		l.endpoint = PublicEndpoint
	}
	if l.blob == nil {
		l.blob = defaultBlobClient()
	}
	// SAS links are not followed through redirects: one would carry the
	// whole link, query included, in its Referer, or downgrade to http.
	blob := *l.blob
	blob.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	l.blob = &blob
	if l.log == nil {
		l.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if l.pollEvery <= 0 {
		l.pollEvery = time.Second
	}
	if l.now == nil {
		l.now = time.Now
	}
	if l.callTO <= 0 {
		l.callTO = 2 * time.Minute
	}
	if l.lroTO <= 0 {
		l.lroTO = 15 * time.Minute
	}
	l.retry = RetryPolicy{MaxRetries: int(opts.Retry.MaxRetries), BaseDelay: opts.Retry.RetryDelay,
		Ceiling: opts.Retry.MaxRetryDelay, TryTimeout: opts.Retry.TryTimeout, PollGiveUp: opts.PollGiveUp}.withDefaults()
	l.arm = armOptions(l.endpoint, opts.Transport, retryPolicy{p: l.retry, log: l.log.Debug, hold: &hold{}})
	if haveCloud {
		rm.Endpoint = l.endpoint
		l.arm.Cloud = cloud.Configuration{ActiveDirectoryAuthorityHost: opts.Cloud.ActiveDirectoryAuthorityHost,
			Services: map[cloud.ServiceName]cloud.ServiceConfiguration{cloud.ResourceManager: rm}}
	}
	// The limiter is not a second retry policy: it sits per try, under the
	// one retry policy (a per-call policy), so every try, retry and poll
	// waits for the shared budget.
	if opts.Limiter != nil {
		l.arm.PerRetryPolicies = append(l.arm.PerRetryPolicies, limitPolicy{opts.Limiter})
	}
	l.tokenScope = strings.TrimRight(l.arm.Cloud.Services[cloud.ResourceManager].Audience, "/") + "/.default"
	if err := l.buildClients(); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *Live) buildClients() error {
	c, o := l.cred, l.arm
	ac, err := arm.NewClient("azinvoice", "v1.0.0", c, o)
	if err != nil {
		return err
	}
	l.pl = ac.Pipeline()
	if l.profiles, err = armbilling.NewProfilesClient(c, o); err != nil {
		return err
	}
	if l.perms, err = armbilling.NewPermissionsClient(c, o); err != nil {
		return err
	}
	if l.invoices, err = armbilling.NewInvoicesClient("", c, o); err != nil {
		return err
	}
	if l.transactions, err = armbilling.NewTransactionsClient(c, o); err != nil {
		return err
	}
	l.costReport, err = armcostmanagement.NewGenerateCostDetailsReportClient(c, o)
	return err
}

// armOptions points every SDK client at endpoint. The US Government and
// China clouds get their own token audience; any other endpoint (the
// emulator) keeps the public audience, which the emulator accepts.
func armOptions(endpoint string, transport *http.Client, retry retryPolicy) *arm.ClientOptions {
	cfg := cloud.AzurePublic
	switch endpoint {
	case PublicEndpoint:
	case strings.TrimRight(cloud.AzureGovernment.Services[cloud.ResourceManager].Endpoint, "/"):
		cfg = cloud.AzureGovernment
	case strings.TrimRight(cloud.AzureChina.Services[cloud.ResourceManager].Endpoint, "/"):
		cfg = cloud.AzureChina
	default:
		cfg = cloud.Configuration{
			ActiveDirectoryAuthorityHost: cloud.AzurePublic.ActiveDirectoryAuthorityHost,
			Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
				cloud.ResourceManager: {
					Endpoint: endpoint,
					Audience: cloud.AzurePublic.Services[cloud.ResourceManager].Audience,
				},
			},
		}
	}
	o := &arm.ClientOptions{
		ClientOptions: policy.ClientOptions{
			Cloud: cfg,
			// One try per call of azcore's policy (it applies TryTimeout);
			// ours, per call, decides every retry.
			Retry:            policy.RetryOptions{MaxRetries: -1, TryTimeout: retry.p.TryTimeout},
			PerCallPolicies:  []policy.Policy{newHostGuard(endpoint), retry},
			PerRetryPolicies: []policy.Policy{bodyLimit{max: maxARMBody}},
		},
		// Registering resource providers needs write rights the app never
		// asks for; a missing registration should surface as an error.
		DisableRPRegistration: true,
	}
	if transport != nil {
		o.Transport = transport
	}
	return o
}

// defaultBlobClient has no auth of any kind and bounded waits for connect,
// TLS and headers; the body itself may take as long as it needs.
func defaultBlobClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   15 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   4,
	}}
}

// Retry is the retry policy this client follows (Save uses it for whole files).
func (l *Live) Retry() RetryPolicy { return l.retry }

// call bounds one request (one page, one GET) by CallTimeout.
func (l *Live) call(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, l.callTO)
}

// profileScopeID is the ARM path of a billing profile (no leading slash,
// the form the cost-management SDK joins after the endpoint).
func profileScopeID(account, profile string) string {
	return accountScopeID(account) + "/billingProfiles/" + url.PathEscape(profile)
}

func accountScopeID(account string) string {
	return "providers/Microsoft.Billing/billingAccounts/" + url.PathEscape(account)
}
