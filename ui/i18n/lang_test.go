package i18n

import (
	"testing"

	"github.com/azinvoice/azinvoice/model"
)

func TestMatch(t *testing.T) {
	tests := map[string]string{
		"lv_LV.UTF-8": "lv", "lv": "lv", "lv-LV": "lv", "lv_LV@euro": "lv", "LV": "lv",
		"en_US": "en", "en_US.UTF-8": "en", "en_GB": "en", "C": "en", "C.UTF-8": "en", "POSIX": "en", "": "en",
		"de_DE.UTF-8": "en", "lt_LT": "en", "???": "en",
	}
	for in, want := range tests {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestChoose(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name   string
		args   []string
		getenv func(string) string
		want   string
	}{
		{"nothing set", nil, env(), "en"},
		{"LANG", nil, env("LANG", "lv_LV.UTF-8"), "lv"},
		{"LANG lv", nil, env("LANG", "lv"), "lv"},
		{"LANG en_US", nil, env("LANG", "en_US"), "en"},
		{"LANG C", nil, env("LANG", "C"), "en"},
		{"LANG empty", nil, env("LANG", ""), "en"},
		{"LC_MESSAGES over LANG", nil, env("LANG", "en_US.UTF-8", "LC_MESSAGES", "lv_LV.UTF-8"), "lv"},
		{"LC_ALL over both", nil, env("LANG", "lv_LV.UTF-8", "LC_MESSAGES", "lv_LV.UTF-8", "LC_ALL", "C"), "en"},
		{"--lang over env", []string{"--demo", "--lang", "lv"}, env("LC_ALL", "en_US.UTF-8"), "lv"},
		{"--lang=", []string{"--lang=en"}, env("LANG", "lv_LV.UTF-8"), "en"},
		{"-lang", []string{"-lang", "lv_LV"}, env(), "lv"},
		{"after --", []string{"--", "--lang", "lv"}, env(), "en"},
		{"unknown --lang", []string{"--lang", "de"}, env("LANG", "lv_LV.UTF-8"), "en"},
	}
	for _, tt := range tests {
		if got := Choose(tt.args, tt.getenv); got != tt.want {
			t.Errorf("%s: Choose = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestLatvianPlurals checks the three CLDR forms Latvian needs: zero (0,
// 10–20, 30, 100…), one (1, 21, 31… but not 11) and other.
func TestLatvianPlurals(t *testing.T) {
	SetLanguage("lv")
	defer SetLanguage("en")
	tests := []struct {
		id   string
		want map[int]string
	}{
		{"dl.rows", map[int]string{0: "0 rindu", 1: "1 rinda", 2: "2 rindas", 11: "11 rindu", 21: "21 rinda", 100: "100 rindu"}},
		{"email.recipients.count", map[int]string{0: "0 adrešu", 1: "1 adrese", 2: "2 adreses", 11: "11 adrešu", 21: "21 adrese", 100: "100 adrešu"}},
		{"explain.no_access.ev.listed", map[int]string{
			0: "Azure šeit jums uzrādīja 0 rēķinu.", 1: "Azure šeit jums uzrādīja 1 rēķinu.", 2: "Azure šeit jums uzrādīja 2 rēķinus.",
			11: "Azure šeit jums uzrādīja 11 rēķinu.", 21: "Azure šeit jums uzrādīja 21 rēķinu.", 100: "Azure šeit jums uzrādīja 100 rēķinu.",
		}},
		{"explain.new_sub.ev.old", map[int]string{
			1: "Abonements izveidots 2026-11-01, pirms 1 dienas.", 2: "Abonements izveidots 2026-11-01, pirms 2 dienām.",
			11: "Abonements izveidots 2026-11-01, pirms 11 dienām.", 21: "Abonements izveidots 2026-11-01, pirms 21 dienas.",
		}},
	}
	for _, tt := range tests {
		for n, want := range tt.want {
			if got := T(tt.id, map[string]any{"Count": n, "Created": "2026-11-01"}); got != want {
				t.Errorf("lv %s(%d) = %q, want %q", tt.id, n, got, want)
			}
		}
	}
}

func TestMoneyLatvian(t *testing.T) {
	SetLanguage("lv")
	defer SetLanguage("en")
	const sp = "\u00a0" // CLDR's Latvian group separator, also before the currency
	tests := []struct {
		m    model.Money
		want string
	}{
		{model.Money{Amount: 1234.56, Currency: "EUR", Known: true}, "1" + sp + "234,56" + sp + "€"},
		{model.Money{Amount: 1234567.5, Currency: "EUR", Known: true}, "1" + sp + "234" + sp + "567,50" + sp + "€"},
		{model.Money{Amount: -20, Currency: "usd", Known: true}, "-20,00" + sp + "$"},
		{model.Money{Amount: 7, Currency: "SEK", Known: true}, "7,00" + sp + "SEK"},
		{model.Money{Amount: 999.999, Currency: "EUR", Known: true}, "1" + sp + "000,00" + sp + "€"},
		{model.Money{Amount: -0.001, Currency: "EUR", Known: true}, "0,00" + sp + "€"},
		{model.Money{Amount: 7, Known: true}, "7,00"},
		{model.Money{}, model.None},
	}
	for _, tt := range tests {
		if got := Money(tt.m); got != tt.want {
			t.Errorf("lv Money(%+v) = %q, want %q", tt.m, got, tt.want)
		}
	}
	SetLanguage("en")
	if got := Money(model.Money{Amount: 1234.56, Currency: "EUR", Known: true}); got != "€1,234.56" {
		t.Errorf("en Money = %q, want €1,234.56", got)
	}
	if got := Money(model.Money{Amount: 1234567.5, Currency: "GBP", Known: true}); got != "£1,234,567.50" {
		t.Errorf("en Money = %q", got)
	}
}

func TestLanguageSwitch(t *testing.T) {
	defer SetLanguage("en")
	SetLanguage("lv")
	if Language() != "lv" || T("crumb.root") != "Izmaksu pārvaldība + Norēķini" || Next() != "en" {
		t.Fatalf("lv: %q %q %q", Language(), T("crumb.root"), Next())
	}
	SetLanguage("en")
	if T("crumb.root") != "Cost Management + Billing" || Next() != "lv" {
		t.Fatal("back to en: the cache of plain lookups must be per language")
	}
	SetLanguage("lv_LV.UTF-8")
	if Language() != "lv" {
		t.Fatal("SetLanguage matches a locale value")
	}
}

func TestBytes(t *testing.T) {
	defer SetLanguage("en")
	for lang, want := range map[string][]string{
		"en": {"512 B", "57 KiB", "1.5 MiB", "2.0 GiB"},
		"lv": {"512 B", "57 KiB", "1,5 MiB", "2,0 GiB"},
	} {
		SetLanguage(lang)
		for i, n := range []int64{512, 57 << 10, 3 << 19, 2 << 30} {
			if got := Bytes(n); got != want[i] {
				t.Errorf("%s Bytes(%d) = %q, want %q", lang, n, got, want[i])
			}
		}
	}
}
