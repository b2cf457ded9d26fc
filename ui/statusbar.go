package ui

import (
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// statusBar is the line under the breadcrumb: who is signed in and to
// which tenant, the DEMO and READ-ONLY badges, where downloads go and
// when the data on screen was read.
func (a *App) statusBar(width int) string {
	st := a.c.st
	cfg := a.c.cfg
	var parts []string
	if cfg.Demo {
		parts = append(parts, st.Badge.Render(i18n.T("bar.demo")))
	}
	if cfg.ReadOnly {
		parts = append(parts, st.Badge.Render(i18n.T("bar.readonly")))
	}
	name := model.Clean(cfg.Identity)
	if name == "" {
		name = i18n.T("bar.unknownidentity")
	}
	who := func(tenant string) string {
		if tenant == "" {
			return st.Dim.Render(name)
		}
		return st.Dim.Render(i18n.T("bar.identity", map[string]any{"Who": name, "Tenant": tenant}))
	}
	tenant := model.Clean(cfg.TenantID)
	parts = append(parts, who(tenant))
	whoAt := len(parts) - 1
	dir := cfg.DownloadDir
	if dir == "" {
		dir = "."
	}
	parts = append(parts, st.Dim.Render(i18n.T("bar.downloads", map[string]any{"Dir": shortPath(dir)})))
	if t := a.readAt(); !t.IsZero() {
		parts = append(parts, st.Dim.Render(i18n.T("bar.read", map[string]any{"Time": t.UTC().Format(time.TimeOnly) + " UTC"})))
	}
	// Too wide: the tenant's GUID is cut to its first block (the i view
	// of a subscription shows it whole), then parts go from the right.
	if ansi.StringWidth(strings.Join(parts, "  ")) > width && len([]rune(tenant)) > 9 {
		parts[whoAt] = who(string([]rune(tenant)[:8]) + "…")
	}
	for len(parts) > 1 && ansi.StringWidth(strings.Join(parts, "  ")) > width {
		parts = parts[:len(parts)-1]
	}
	return truncate(strings.Join(parts, "  "), width)
}

// shortPath fits a folder into the bar: the home folder as ~, and a long
// path cut from the left, where the folders that tell it apart are.
func shortPath(dir string) string {
	const most = 32
	if home, err := os.UserHomeDir(); err == nil && home != "" && strings.HasPrefix(dir, home) {
		dir = "~" + strings.TrimPrefix(dir, home)
	}
	r := []rune(model.Clean(dir))
	if len(r) > most {
		return "…" + string(r[len(r)-most+1:])
	}
	return string(r)
}

// readAt is when the data on the screen on top was read, if it says.
func (a *App) readAt() time.Time {
	if r, ok := a.top().(interface{ dataReadAt() time.Time }); ok {
		return r.dataReadAt()
	}
	return time.Time{}
}
