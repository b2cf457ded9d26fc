package ui

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

func TestEmailKinds(t *testing.T) {
	mca := model.AgreementMCA
	tests := []struct {
		name string
		t    emailTarget
		want emailKind
	}{
		{"MCA profile", emailTarget{account: "a", profile: "p", agreement: mca}, emailProfile},
		{"MOSP sub", emailTarget{sub: &model.Subscription{Agreement: model.AgreementMOSP, OfferID: "MS-AZR-0003P"}}, emailMOSP},
		{"EA sub", emailTarget{sub: &model.Subscription{Agreement: model.AgreementEA}}, emailEA},
		{"CSP customer", emailTarget{sub: &model.Subscription{Agreement: mca, ProfileName: "p", Relationship: model.RelationshipCSPCustomer}}, emailPartner},
		{"CSP offer", emailTarget{sub: &model.Subscription{Agreement: model.AgreementMOSP, OfferID: "MS-AZR-0145P"}}, emailPartner},
		{"Azure in Open", emailTarget{sub: &model.Subscription{Agreement: model.AgreementMOSP, OfferID: "MS-AZR-0111P"}}, emailPartner},
		{"MPA customer sub", emailTarget{sub: &model.Subscription{Agreement: model.AgreementMPA, ProfileName: "p"}}, emailPartner},
		{"support plan", emailTarget{sub: &model.Subscription{Agreement: model.AgreementMOSP, OfferID: "ms-azr-0041p"}}, emailSupport},
		{"gov cloud sub", emailTarget{sub: &model.Subscription{Agreement: mca, ProfileName: "p", Cloud: "AzureUSGovernment"}}, emailGov},
		{"MCA sub without profile", emailTarget{sub: &model.Subscription{Agreement: mca}}, emailUnknown},
		{"property unreadable", emailTarget{sub: &model.Subscription{Agreement: model.AgreementMOSP, PropertyErr: errors.New("403")}}, emailUnknown},
		{"MOSP account", emailTarget{acct: &model.Account{Agreement: model.AgreementMOSP}}, emailMOSP},
		{"EA account", emailTarget{acct: &model.Account{Agreement: model.AgreementEA}}, emailEA},
		{"MCA account", emailTarget{acct: &model.Account{Agreement: mca, RelationshipTypes: []string{"Direct"}}}, emailPickProfile},
		{"MCA via partner only", emailTarget{acct: &model.Account{Agreement: mca, RelationshipTypes: []string{"IndirectCustomer"}}}, emailPartner},
		{"unknown account", emailTarget{acct: &model.Account{}}, emailUnknown},
		{"nothing", emailTarget{}, emailUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := targetKind(tt.t); got != tt.want {
				t.Errorf("targetKind = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestEmailProfileKind(t *testing.T) {
	tests := []struct {
		p    model.Profile
		want emailKind
	}{
		{model.Profile{Relationship: "Direct"}, emailProfile},
		{model.Profile{TargetClouds: []string{"USGov"}}, emailGov},
		{model.Profile{TargetClouds: []string{"AzureCloud", " usnat "}}, emailGov},
		{model.Profile{Relationship: "IndirectCustomer"}, emailPartner},
		{model.Profile{Relationship: "CSPCustomer"}, emailPartner},
		{model.Profile{}, emailProfile},
	}
	for _, tt := range tests {
		if got := profileKind(tt.p); got != tt.want {
			t.Errorf("profileKind(%+v) = %d, want %d", tt.p, got, tt.want)
		}
	}
}

func TestCheckAddress(t *testing.T) {
	have := []string{"ap@contoso.com"}
	many := make([]string, maxRecipients)
	for i := range many {
		many[i] = strings.Repeat("x", i+1) + "@contoso.com"
	}
	tests := []struct {
		addr string
		have []string
		want string
	}{
		{"billing@contoso.com", have, ""},
		{"first.last+tag@sub.contoso.co.uk", have, ""},
		{"", have, "email.invalid.empty"},
		{"AP@Contoso.com", have, "email.invalid.duplicate"},
		{"new@contoso.com", many, "email.invalid.toomany"},
		{"no-at-sign", have, "email.invalid.address"},
		{"a@b", have, "email.invalid.address"},
		{"a@b.", have, "email.invalid.address"},
		{"@contoso.com", have, "email.invalid.address"},
		{"Jana <jana@contoso.com>", have, "email.invalid.address"},
		{"a@contoso.com;b@contoso.com", have, "email.invalid.address"},
		{"a b@contoso.com", have, "email.invalid.address"},
		{"jana@contoso.com\u202e", have, "email.invalid.address"},
		{"jana@contoso.com\x07", have, "email.invalid.address"},
		{strings.Repeat("a", 250) + "@x.com", have, "email.invalid.address"},
	}
	for _, tt := range tests {
		if got := checkAddress(tt.addr, tt.have); got != tt.want {
			t.Errorf("checkAddress(%q) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

func TestDiffAddresses(t *testing.T) {
	tests := []struct {
		from, to, added, removed []string
	}{
		{nil, nil, nil, nil},
		{[]string{"a@x.com"}, []string{"A@X.com"}, nil, nil},
		{[]string{"a@x.com"}, []string{"b@x.com"}, []string{"b@x.com"}, []string{"a@x.com"}},
		{nil, []string{"a@x.com", "b@x.com"}, []string{"a@x.com", "b@x.com"}, nil},
	}
	for _, tt := range tests {
		added, removed := diffAddresses(tt.from, tt.to)
		if !slices.Equal(added, tt.added) || !slices.Equal(removed, tt.removed) {
			t.Errorf("diff(%v, %v) = %v, %v; want %v, %v", tt.from, tt.to, added, removed, tt.added, tt.removed)
		}
		if same := sameAddresses(tt.from, tt.to); same != (len(tt.added)+len(tt.removed) == 0) {
			t.Errorf("sameAddresses(%v, %v) = %v", tt.from, tt.to, same)
		}
	}
}

// TestEmailCatalogue checks both ways between the email screen's code and
// its catalogue: every ID the code names exists, and no entry is unused.
func TestEmailCatalogue(t *testing.T) {
	var cat map[string]any
	if _, err := toml.DecodeFile(filepath.Join("..", "assets", "locales", "email.en.toml"), &cat); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("email*.go")
	var code strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		code.Write(b)
	}
	src := code.String()
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`"(email\.[a-z.]+)"`).FindAllStringSubmatch(src, -1) {
		used[m[1]] = true
	}
	// IDs built from a prefix: head(id) adds .title/.body, roleName adds the role.
	prefixes := map[string]bool{}
	for _, m := range regexp.MustCompile(`head\("(email\.[a-z]+)"\)`).FindAllStringSubmatch(src, -1) {
		prefixes[m[1]] = true
		used[m[1]+".title"], used[m[1]+".body"] = true, true
	}
	for _, r := range []model.Role{model.RoleOwner, model.RoleContributor, model.RoleReader, model.RoleInvoiceManager, model.RoleNone} {
		used["email.role."+string(r)] = true
	}
	for id := range used {
		if prefixes[id] || strings.HasSuffix(id, ".") {
			continue
		}
		if !i18n.Has(id) {
			t.Errorf("%s is used but not in the catalogue", id)
		}
	}
	for id := range cat {
		if !used[id] {
			t.Errorf("%s is in email.en.toml but unused", id)
		}
	}
}
