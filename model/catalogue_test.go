package model

import (
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// The catalogues this package's message IDs live in.
var ownCatalogues = []string{"explain.en.toml", "guide.en.toml", "links.en.toml"}

const localesDir = "../assets/locales"

// usedMsgs is every message (ID and data) the package can hand the UI:
// Explain over the table cases and many generated facts, every guide, every
// link, every Allowed error, every verdict.
func usedMsgs() []Msg {
	var out []Msg
	add := func(fs []Finding) {
		for _, f := range fs {
			out = append(out, f.Title, f.Evidence, f.Next)
		}
	}
	for _, c := range explainCases() {
		add(Explain(c.f))
	}
	r := rand.New(rand.NewSource(1))
	buf := make([]byte, 96)
	for i := 0; i < 30000; i++ {
		r.Read(buf)
		add(Explain(factsFromBytes(buf)))
	}
	for _, a := range append(fuzzAgreements, "junk") {
		for _, s := range Guide(a) {
			out = append(out, Msg{ID: s.TitleID})
			for _, st := range s.Steps {
				out = append(out, Msg{ID: st.TextID})
			}
		}
	}
	for _, l := range Links() {
		out = append(out, Msg{ID: l.TitleID}, Msg{ID: l.Group})
	}
	for _, err := range []error{ErrBadURL, ErrNotHTTPS, ErrHostNotAllowed} {
		out = append(out, Msg{ID: AllowedMsg(err)})
	}
	for _, v := range []Verdict{Applies, Unknown, RuledOut} {
		out = append(out, Msg{ID: v.MsgID()})
	}
	return out
}

// TestMessagesInCatalogue renders every message the package uses the way
// the UI will (go-i18n over the TOML catalogues), with the data it carries.
func TestMessagesInCatalogue(t *testing.T) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, name := range ownCatalogues {
		if _, err := b.LoadMessageFile(filepath.Join(localesDir, name)); err != nil {
			t.Fatalf("load %s: %v", name, err)
		}
	}
	loc := goi18n.NewLocalizer(b, "en")
	done := map[string]bool{}
	for _, m := range usedMsgs() {
		key := m.ID
		for k := range m.Data {
			key += "|" + k
		}
		if done[key] {
			continue
		}
		done[key] = true
		cfg := &goi18n.LocalizeConfig{MessageID: m.ID, TemplateData: m.Data}
		if c, ok := m.Data["Count"]; ok {
			cfg.PluralCount = c
		}
		s, err := loc.Localize(cfg)
		if err != nil {
			t.Errorf("%s: %v", m.ID, err)
			continue
		}
		if s == "" || strings.Contains(s, "<no value>") {
			t.Errorf("%s renders as %q with data %v", m.ID, s, m.Data)
		}
	}
}

// TestNoOrphanMessages: every message in this package's catalogues is used,
// so a translator never translates dead text and every branch is reachable.
func TestNoOrphanMessages(t *testing.T) {
	used := map[string]bool{}
	for _, m := range usedMsgs() {
		used[m.ID] = true
	}
	var orphans []string
	for _, name := range ownCatalogues {
		var cat map[string]any
		if _, err := toml.DecodeFile(filepath.Join(localesDir, name), &cat); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for id := range cat {
			if !used[id] {
				orphans = append(orphans, id)
			}
		}
	}
	sort.Strings(orphans)
	if len(orphans) > 0 {
		t.Errorf("catalogue messages never used: %v", orphans)
	}
}

// TestCataloguesAreOurs: the catalogue files exist where assets embeds them.
func TestCataloguesAreOurs(t *testing.T) {
	for _, name := range ownCatalogues {
		if _, err := os.Stat(filepath.Join(localesDir, name)); err != nil {
			t.Error(err)
		}
	}
}
