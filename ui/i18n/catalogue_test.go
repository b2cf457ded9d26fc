package i18n

import (
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/azinvoice/azinvoice/assets"
)

// entry is one catalogue entry: a plain string, or its plural forms.
type entry map[string]string // "" for a plain string, else "zero", "one", "other"…

func readCatalogue(t *testing.T, fsys fs.FS, name string) map[string]entry {
	t.Helper()
	var raw map[string]any
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal(b, &raw); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string]entry{}
	for id, v := range raw {
		switch v := v.(type) {
		case string:
			out[id] = entry{"": v}
		case map[string]any:
			m := entry{}
			for form, s := range v {
				str, ok := s.(string)
				if !ok {
					t.Errorf("%s: %s.%s is not a string", name, id, form)
				}
				m[form] = str
			}
			out[id] = m
		default:
			t.Errorf("%s: %s has an unexpected shape %T", name, id, v)
		}
	}
	return out
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func placeholders(m entry) []string {
	seen := map[string]bool{}
	for _, s := range m {
		for _, p := range placeholder.FindAllStringSubmatch(s, -1) {
			seen[p[1]] = true
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// TestCataloguesMatch: every English catalogue has a twin in each other
// language with exactly the same IDs, none empty, the same placeholders, and
// the plural forms the language's CLDR rules need.
func TestCataloguesMatch(t *testing.T) {
	fsys := assets.Locales()
	names, err := fs.Glob(fsys, "*.en.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no English catalogues: %v", err)
	}
	forms := map[string][]string{"lv": {"zero", "one", "other"}}
	for _, en := range names {
		want := readCatalogue(t, fsys, en)
		for _, lang := range Languages[1:] {
			name := strings.TrimSuffix(en, ".en.toml") + "." + lang + ".toml"
			if _, err := fs.Stat(fsys, name); err != nil {
				t.Errorf("%s has no %s twin %s", en, lang, name)
				continue
			}
			got := readCatalogue(t, fsys, name)
			for id, em := range want {
				lm, ok := got[id]
				if !ok {
					t.Errorf("%s: %q is missing", name, id)
					continue
				}
				for form, s := range lm {
					if strings.TrimSpace(s) == "" {
						t.Errorf("%s: %q (%s) is empty", name, id, form)
					}
				}
				_, enPlain := em[""]
				_, lvPlain := lm[""]
				switch {
				case enPlain != lvPlain:
					t.Errorf("%s: %q is plural in one language and not the other", name, id)
				case !enPlain:
					var have []string
					for f := range lm {
						have = append(have, f)
					}
					sort.Strings(have)
					need := slices.Clone(forms[lang])
					sort.Strings(need)
					if !slices.Equal(have, need) {
						t.Errorf("%s: %q has forms %v, want %v", name, id, have, need)
					}
				}
				if a, b := placeholders(em), placeholders(lm); !slices.Equal(a, b) {
					t.Errorf("%s: %q has placeholders %v, English %v", name, id, b, a)
				}
			}
			for id := range got {
				if _, ok := want[id]; !ok {
					t.Errorf("%s: %q is not in %s", name, id, en)
				}
			}
		}
	}
	// Every catalogue is a twin of an English one.
	all, _ := fs.Glob(fsys, "*.toml")
	for _, n := range all {
		parts := strings.Split(n, ".")
		if len(parts) != 3 || !slices.Contains(Languages, parts[1]) {
			t.Errorf("%s: not named <area>.<lang>.toml with a known language", n)
			continue
		}
		if en := parts[0] + ".en.toml"; !slices.Contains(names, en) {
			t.Errorf("%s has no English original %s", n, en)
		}
	}
}
