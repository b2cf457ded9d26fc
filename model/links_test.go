package model

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestAllowed(t *testing.T) {
	cases := []struct {
		raw  string
		want error
	}{
		{"https://learn.microsoft.com/azure/cost-management-billing/manage/getting-started", nil},
		{"https://docs.microsoft.com/azure/x?WT.mc_id=Portal#a", nil},
		{"https://portal.azure.com/#view/Microsoft_Azure_GTM/ModernBillingMenuBlade/~/Overview", nil},
		{"https://ms.portal.azure.com/#blade/Microsoft_Azure_Billing/SubscriptionsBlade", nil},
		{"https://azure.microsoft.com/offers/ms-azr-0111p/", nil},
		{"https://account.windowsazure.com/profile", nil},
		{"https://aka.ms/x", nil},
		{"HTTPS://Portal.Azure.COM/", nil},
		{"https://portal.azure.com:443/", nil},
		{"https://portal.azure.com", nil},

		{"http://portal.azure.com/", ErrNotHTTPS},
		{"file:///etc/passwd", ErrNotHTTPS},
		{"javascript:alert(1)", ErrNotHTTPS},
		{"data:text/html,<b>x</b>", ErrNotHTTPS},
		{"ftp://aka.ms/x", ErrNotHTTPS},
		{"//portal.azure.com/", ErrNotHTTPS},

		{"https://portal.azure.com.evil.io/", ErrHostNotAllowed},
		{"https://evil-portal.azure.com/", ErrHostNotAllowed},
		{"https://evil.portal.azure.com/", ErrHostNotAllowed},
		{"https://portal.azure.com@evil.io/", ErrHostNotAllowed},
		{"https://user:pass@portal.azure.com/", ErrHostNotAllowed},
		{"https://portal.azure.com:8443/", ErrHostNotAllowed},
		{"https://portal.azure.com:/", ErrHostNotAllowed},
		{"https://portal.azure.com./", ErrHostNotAllowed},
		{"https://xn--prtal-0ra.azure.com/", ErrHostNotAllowed},
		{"https://xn--portal.azure.com/", ErrHostNotAllowed},
		{"https://portal%2eazure.com/", ErrBadURL},
		{"https://127.0.0.1/", ErrHostNotAllowed},
		{"https://[::1]/", ErrHostNotAllowed},
		{"https://microsoft.com/", ErrHostNotAllowed},

		{"", ErrBadURL},
		{"https://portal.azure.com\\@evil.io/", ErrBadURL},
		{"https:\\\\evil.io", ErrBadURL},
		{"https://portal.azure.com/ x", ErrBadURL},
		{" https://portal.azure.com/", ErrBadURL},
		{"https://portal.azure.com/\n", ErrBadURL},
		{"https://portal.azure.com/\x00", ErrBadURL},
		{"https://portal.azure.com/\x1b]8;;", ErrBadURL},
		{"https://pоrtal.azure.com/", ErrBadURL}, // Cyrillic о
		{"https://portal.azure.com/\u202e", ErrBadURL},
		{"https:portal.azure.com/x", ErrBadURL},
		{"https:///x", ErrBadURL},
		{"https://" + strings.Repeat("a", 5000), ErrBadURL},
		{"https://%zz/", ErrBadURL},
	}
	for _, c := range cases {
		err := Allowed(c.raw)
		if !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
			t.Errorf("Allowed(%q) = %v, want %v", c.raw, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "evil") {
			t.Errorf("error quotes the URL: %v", err)
		}
	}
}

func TestAllowedMsg(t *testing.T) {
	if AllowedMsg(nil) != "" {
		t.Error("nil error has a message")
	}
	ids := map[string]bool{}
	for _, e := range []error{ErrBadURL, ErrNotHTTPS, ErrHostNotAllowed} {
		ids[AllowedMsg(e)] = true
	}
	if len(ids) != 3 {
		t.Errorf("errors share messages: %v", ids)
	}
}

func TestCatalogue(t *testing.T) {
	ids := map[LinkID]bool{}
	seedURLs := map[string]bool{}
	for _, l := range Links() {
		if ids[l.ID] {
			t.Errorf("duplicate link ID %s", l.ID)
		}
		ids[l.ID] = true
		if err := Allowed(l.URL); err != nil {
			t.Errorf("%s: %s refused: %v", l.ID, l.URL, err)
		}
		if strings.Contains(l.URL, "WT.mc_id") || strings.Contains(l.URL, "docs.microsoft.com") {
			t.Errorf("%s: not normalised: %s", l.ID, l.URL)
		}
		if got, ok := LinkByID(l.ID); !ok || got != l {
			t.Errorf("LinkByID(%s) = %v, %v", l.ID, got, ok)
		}
		if l.Recommended && !l.FromSeed {
			t.Errorf("%s: recommended but not from the seed", l.ID)
		}
		if l.FromSeed {
			seedURLs[l.URL] = true
		}
	}
	if len(seedURLs) != 17 {
		t.Errorf("%d distinct seed URLs in the catalogue, want 17", len(seedURLs))
	}
	if _, ok := LinkByID("nope"); ok {
		t.Error("LinkByID found an unknown ID")
	}
	// Links returns a copy: a caller cannot change the catalogue.
	Links()[0].URL = "https://evil.io/"
	if Links()[0].URL == "https://evil.io/" {
		t.Error("Links exposes the catalogue")
	}
}

// normaliseSeed applies the catalogue's documented normalisation to a seed URL.
func normaliseSeed(u string) string {
	u = strings.Replace(u, "https://docs.microsoft.com/", "https://learn.microsoft.com/", 1)
	return regexp.MustCompile(`\?WT\.mc_id=[^#]*`).ReplaceAllString(u, "")
}

func TestSeedLinksInCatalogue(t *testing.T) {
	files, _ := filepath.Glob("../../shared/seed/*.md")
	if len(files) == 0 {
		t.Skip("seed article not present")
	}
	inCat := map[string]bool{}
	for _, l := range Links() {
		if l.FromSeed {
			inCat[l.URL] = true
		}
	}
	link := regexp.MustCompile(`\]\((https?://[^)\s]+)\)`)
	distinct := map[string]bool{}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(b), -1) {
			distinct[m[1]] = true
			if n := normaliseSeed(m[1]); !inCat[n] {
				t.Errorf("seed link %s (as %s) missing from the catalogue", m[1], n)
			}
		}
	}
	if len(distinct) != 17 {
		t.Errorf("seed has %d distinct URLs, want 17", len(distinct))
	}
}

func TestFindingAndGuideLinksExist(t *testing.T) {
	for _, r := range rules {
		if _, ok := LinkByID(r.link); !ok {
			t.Errorf("reason %s: link %q not in catalogue", r.reason, r.link)
		}
	}
	for _, a := range fuzzAgreements {
		for _, s := range Guide(a) {
			if _, ok := LinkByID(s.Link); !ok {
				t.Errorf("guide %s: link %q not in catalogue", s.TitleID, s.Link)
			}
			for _, st := range s.Steps {
				if _, ok := LinkByID(st.Link); st.Link != "" && !ok {
					t.Errorf("guide step %s: link %q not in catalogue", st.TextID, st.Link)
				}
			}
		}
	}
}

func FuzzAllowed(f *testing.F) {
	for _, s := range []string{"https://portal.azure.com/", "https://aka.ms@evil.io", "https://learn.microsoft.com:443/x#y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if Allowed(raw) != nil {
			return
		}
		// Whatever passes must, read the way a browser does, land on an allowed host.
		rest := strings.TrimPrefix(strings.ToLower(raw), "https://")
		if rest == strings.ToLower(raw) {
			t.Fatalf("accepted a non-https URL %q", raw)
		}
		host := rest
		if i := strings.IndexAny(host, "/?#"); i >= 0 {
			host = host[:i]
		}
		host = strings.TrimSuffix(host, ":443")
		if !allowedHosts[host] {
			t.Fatalf("accepted %q with host %q", raw, host)
		}
	})
}
