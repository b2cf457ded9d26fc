package emulator

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

// obj is one ARM resource as decoded JSON; the emulator serves it back as is,
// so the demo files, not Go structs, decide the wire shape.
type obj = map[string]any

type caller struct {
	OID  string `json:"oid"`
	UPN  string `json:"upn"`
	Name string `json:"name"`
	TID  string `json:"tid"`
}

// apiError is a canned ARM error a data file can ask for.
type apiError struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

type profileData struct {
	Profile              obj       `json:"profile"`
	CallerRole           string    `json:"callerRole"`
	Invoices             []obj     `json:"invoices"`
	InvoicesError        *apiError `json:"invoicesError"`
	BillingSubscriptions []obj     `json:"billingSubscriptions"`
	RoleAssignments      []obj     `json:"roleAssignments"`
	Policies             obj       `json:"policies"`
	version              int       // bumped by every accepted PUT; the ETag
}

type accountData struct {
	Account              obj            `json:"account"`
	CallerRole           string         `json:"callerRole"`
	Policies             obj            `json:"policies"`
	Invoices             []obj          `json:"invoices"`
	BillingSubscriptions []obj          `json:"billingSubscriptions"`
	Profiles             []*profileData `json:"profiles"`
	// Balances are an EA enrollment's Consumption balances, one per month
	// ("billingPeriod": the month's first day).
	Balances []obj `json:"balances"`
}

type subData struct {
	Subscription         obj       `json:"subscription"`
	BillingProperty      obj       `json:"billingProperty"`
	BillingPropertyError *apiError `json:"billingPropertyError"`
	Invoices             []obj     `json:"invoices"`
	InvoicesError        *apiError `json:"invoicesError"` // e.g. 403 for a non-admin the Account Administrator has not allowed
	Usage                bool      `json:"usage"`
	// NoUsagePeriods are period start dates (YYYY-MM-DD) for which
	// usageDetails answers 204 No Content, as its API documents for a
	// period without usage.
	NoUsagePeriods []string `json:"noUsagePeriods"`
}

type dataset struct {
	Caller   caller
	Accounts []*accountData
	Subs     []*subData
}

// loadData reads caller.json, accounts/*.json and subscriptions.json,
// resolving date placeholders against now.
func loadData(fsys fs.FS, now time.Time) (*dataset, error) {
	d := &dataset{}
	if err := readJSON(fsys, "caller.json", now, &d.Caller); err != nil {
		return nil, err
	}
	names, err := fs.Glob(fsys, "accounts/*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, n := range names {
		a := &accountData{}
		if err := readJSON(fsys, n, now, a); err != nil {
			return nil, err
		}
		if a.Account == nil {
			return nil, fmt.Errorf("emulator: %s has no account", n)
		}
		d.Accounts = append(d.Accounts, a)
	}
	if err := readJSON(fsys, "subscriptions.json", now, &d.Subs); err != nil {
		return nil, err
	}
	return d, nil
}

func readJSON(fsys fs.FS, name string, now time.Time, out any) error {
	b, err := fs.ReadFile(fsys, path.Clean(name))
	if err != nil {
		return fmt.Errorf("emulator: demo data: %w", err)
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		return fmt.Errorf("emulator: demo data %s: %w", name, err)
	}
	b, err = json.Marshal(resolveTree(tree, now))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("emulator: demo data %s: %w", name, err)
	}
	return nil
}

// get walks a dotted path ("properties.displayName") through an obj.
func get(o obj, dotted string) any {
	var cur any = o
	for _, k := range strings.Split(dotted, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[k]
	}
	return cur
}

func getStr(o obj, dotted string) string {
	s, _ := get(o, dotted).(string)
	return s
}

func getNum(o obj, dotted string) float64 {
	f, _ := get(o, dotted).(float64)
	return f
}

func getTime(o obj, dotted string) time.Time {
	s := getStr(o, dotted)
	for _, layout := range []string{time.RFC3339, time.DateOnly, usDate} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// armPrefix in a data string stands for the emulator's own Resource
// Manager URL, which is known only once it listens: document urls are
// absolute ARM links, as Azure sends them.
const armPrefix = "@arm/"

// bindARM replaces armPrefix in every invoice document's url.
func (d *dataset) bindARM(armURL string) {
	var lists [][]obj
	for _, a := range d.Accounts {
		lists = append(lists, a.allInvoices())
	}
	for _, s := range d.Subs {
		lists = append(lists, s.Invoices)
	}
	for _, l := range lists {
		for _, inv := range l {
			docs, _ := get(inv, "properties.documents").([]any)
			for _, doc := range docs {
				if m, ok := doc.(map[string]any); ok {
					if u, _ := m["url"].(string); strings.HasPrefix(u, armPrefix) {
						m["url"] = armURL + "/" + strings.TrimPrefix(u, armPrefix)
					}
				}
			}
		}
	}
}

// clone deep-copies a JSON tree so a handler can change a copy freely.
func clone(o obj) obj {
	b, err := json.Marshal(o)
	if err != nil {
		return obj{}
	}
	var c obj
	if json.Unmarshal(b, &c) != nil {
		return obj{}
	}
	return c
}

func (d *dataset) account(name string) *accountData {
	for _, a := range d.Accounts {
		if strings.EqualFold(getStr(a.Account, "name"), name) {
			return a
		}
	}
	return nil
}

func (a *accountData) profile(name string) *profileData {
	for _, p := range a.Profiles {
		if strings.EqualFold(getStr(p.Profile, "name"), name) {
			return p
		}
	}
	return nil
}

func (d *dataset) sub(id string) *subData {
	for _, s := range d.Subs {
		if strings.EqualFold(getStr(s.Subscription, "subscriptionId"), id) {
			return s
		}
	}
	return nil
}

// allInvoices lists an account's invoices: its own (EA) and its profiles' (MCA).
func (a *accountData) allInvoices() []obj {
	out := append([]obj(nil), a.Invoices...)
	for _, p := range a.Profiles {
		out = append(out, p.Invoices...)
	}
	return out
}

func findInvoice(list []obj, name string) obj {
	for _, i := range list {
		if strings.EqualFold(getStr(i, "name"), name) || strings.EqualFold(getStr(i, "id"), name) {
			return i
		}
	}
	return nil
}
