package ui

import (
	"charm.land/bubbles/v2/key"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// keyMap holds every binding. Screens enable the ones that work on them, so
// the help line lists only keys that do something there.
type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom  key.Binding
	Enter, Back, Filter, Refresh, Help, Quit key.Binding
	Tab, Why, Guide, Links, Email            key.Binding
	Download, DownloadAll, Usage, Open       key.Binding
	Subs, PrevYear, NextYear, Cancel         key.Binding
	BackOnly                                 key.Binding // backspace: back even while work is in flight
	Lang                                     key.Binding // L: the other language, everywhere at once
	Copy, Info, Mark, Sort, Reverse          key.Binding
	Downloads, Everything                    key.Binding
}

func bind(keys []string, helpKey, descID string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, i18n.T(descID)))
}

func newKeyMap() keyMap {
	return keyMap{
		Up:          bind([]string{"up", "k"}, "↑/k", "key.up"),
		Down:        bind([]string{"down", "j"}, "↓/j", "key.down"),
		PageUp:      bind([]string{"pgup", "ctrl+u"}, "pgup/ctrl+u", "key.pageup"),
		PageDown:    bind([]string{"pgdown", "ctrl+d"}, "pgdn/ctrl+d", "key.pagedown"),
		Top:         bind([]string{"home"}, "home", "key.top"),
		Bottom:      bind([]string{"end", "G"}, "end/G", "key.bottom"),
		Enter:       bind([]string{"enter"}, "enter", "key.open"),
		Back:        bind([]string{"esc", "backspace"}, "esc", "key.back"),
		Filter:      bind([]string{"/"}, "/", "key.filter"),
		Refresh:     bind([]string{"r"}, "r", "key.refresh"),
		Help:        bind([]string{"?"}, "?", "key.help"),
		Quit:        bind([]string{"q", "ctrl+c"}, "q", "key.quit"),
		Tab:         bind([]string{"tab", "shift+tab"}, "tab", "key.tab"),
		Why:         bind([]string{"w"}, "w", "key.why"),
		Guide:       bind([]string{"g"}, "g", "key.guide"),
		Links:       bind([]string{"l"}, "l", "key.links"),
		Email:       bind([]string{"e"}, "e", "key.email"),
		Download:    bind([]string{"d"}, "d", "key.download"),
		DownloadAll: bind([]string{"D"}, "D", "key.downloadall"),
		Usage:       bind([]string{"u"}, "u", "key.usage"),
		Open:        bind([]string{"o"}, "o", "key.openbrowser"),
		Subs:        bind([]string{"s"}, "s", "key.subs"),
		PrevYear:    bind([]string{"["}, "[", "key.prevyear"),
		NextYear:    bind([]string{"]"}, "]", "key.nextyear"),
		Cancel:      bind([]string{"esc"}, "esc", "key.cancel"),
		BackOnly:    bind([]string{"backspace"}, "backspace", "key.back"),
		Lang:        bind([]string{"L"}, "L", "key.lang"),
		Copy:        bind([]string{"y"}, "y", "key.copy"),
		Info:        bind([]string{"i"}, "i", "key.info"),
		Mark:        bind([]string{"space"}, "space", "key.mark"),
		Sort:        bind([]string{">"}, ">", "key.sort"),
		Reverse:     bind([]string{"<"}, "<", "key.reverse"),
		Downloads:   bind([]string{"ctrl+o"}, "ctrl+o", "key.downloads"),
		Everything:  bind([]string{"A"}, "A", "key.everything"),
	}
}
