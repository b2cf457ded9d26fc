// Package i18n is the one lookup every user-facing string goes through.
// Catalogues live in assets/locales as <area>.<lang>.toml; a message ID that
// is missing from the active language falls back to English, and one missing
// from English shows as its ID, so a gap is visible, never a crash.
package i18n

import (
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/azinvoice/azinvoice/assets"
)

var (
	mu        sync.RWMutex
	bundle    *i18n.Bundle
	localizer *i18n.Localizer
	english   *i18n.Localizer // for Has: does an ID exist at all
	lang      = "en"
)

func init() {
	if err := load(assets.Locales()); err != nil {
		panic("i18n: bad embedded catalogue: " + err.Error())
	}
	SetLanguage("en")
}

func load(fsys fs.FS) error {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".toml" {
			continue
		}
		if _, err := b.LoadMessageFileFS(fsys, e.Name()); err != nil {
			return err
		}
	}
	bundle = b
	english = i18n.NewLocalizer(b, "en")
	return nil
}

// SetLanguage chooses the language strings are looked up in ("en", "lv").
func SetLanguage(tag string) {
	mu.Lock()
	defer mu.Unlock()
	lang = tag
	localizer = i18n.NewLocalizer(bundle, tag, "en")
}

// Language is the active language tag.
func Language() string {
	mu.RLock()
	defer mu.RUnlock()
	return lang
}

// T looks up a message by ID. data fills its template ({{.Name}}); pass a
// map[string]any or a struct. A message with a "one"/"other" form uses
// data["Count"] for the plural choice.
func T(id string, data ...any) string {
	mu.RLock()
	l := localizer
	mu.RUnlock()
	cfg := &i18n.LocalizeConfig{MessageID: id}
	if len(data) > 0 {
		cfg.TemplateData = data[0]
		if m, ok := data[0].(map[string]any); ok {
			if c, ok := m["Count"]; ok {
				cfg.PluralCount = c
			}
		}
	}
	s, err := l.Localize(cfg)
	if err != nil || s == "" {
		return id
	}
	return s
}

// Has reports whether a message ID exists in the English catalogue.
func Has(id string) bool {
	mu.RLock()
	l := english
	mu.RUnlock()
	_, err := l.Localize(&i18n.LocalizeConfig{MessageID: id})
	return err == nil
}

// Join is a convenience for the many short lists shown in one line.
func Join(parts []string) string { return strings.Join(parts, T("list.sep")) }
