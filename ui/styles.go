package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// styles is every look the UI uses, built from one palette. The palette has
// a light and a dark face; the root rebuilds styles when the terminal says
// which background it has. Colour is dropped for NO_COLOR and non-TTYs by
// Bubble Tea's colour profile, so nothing here checks for it.
type styles struct {
	Crumb, CrumbSep, CrumbLast       lipgloss.Style
	Header, Row, Selected, Dim, Bold lipgloss.Style
	Badge, Tab, TabActive            lipgloss.Style
	Good, Warn, Bad, Info            lipgloss.Style
	Panel, PanelTitle, ErrPanel      lipgloss.Style
	Status, Key                      lipgloss.Style
	Bar                              lipgloss.Style
	// rendered keeps cells already styled (a status word in its colour):
	// lipgloss measures and styles anew on every call, and a frame draws
	// the same few words dozens of times. Rebuilt with the styles.
	rendered map[string]string
}

// cached renders text in style once per set of styles; key names the style.
func (st styles) cached(style lipgloss.Style, key, text string) string {
	k := key + "\x00" + text
	if s, ok := st.rendered[k]; ok {
		return s
	}
	s := style.Render(text)
	if len(st.rendered) < 4096 {
		st.rendered[k] = s
	}
	return s
}

type palette struct {
	fg, dim, accent, selBg, selFg, good, warn, bad, info, border color.Color
}

func newPalette(dark bool) palette {
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	return palette{
		fg:     ld(c("#1f2328"), c("#e6edf3")),
		dim:    ld(c("#6e7781"), c("#8b949e")),
		accent: ld(c("#0969da"), c("#58a6ff")),
		selBg:  ld(c("#ddf4ff"), c("#1f3a5f")),
		selFg:  ld(c("#0a3069"), c("#ffffff")),
		good:   ld(c("#1a7f37"), c("#3fb950")),
		warn:   ld(c("#9a6700"), c("#d29922")),
		bad:    ld(c("#cf222e"), c("#f85149")),
		info:   ld(c("#8250df"), c("#bc8cff")),
		border: ld(c("#d0d7de"), c("#30363d")),
	}
}

// newStyles builds the look for a dark or light background. mono is for
// terminals without colour (NO_COLOR, dumb terminals): the selected row
// is then shown in reverse video, since its colours would be dropped.
func newStyles(dark, mono bool) styles {
	p := newPalette(dark)
	s := lipgloss.NewStyle
	st := styles{
		Crumb:      s().Foreground(p.dim),
		CrumbSep:   s().Foreground(p.border),
		CrumbLast:  s().Foreground(p.accent).Bold(true),
		Header:     s().Foreground(p.dim).Bold(true),
		Row:        s().Foreground(p.fg),
		Selected:   s().Foreground(p.selFg).Background(p.selBg).Bold(true),
		Dim:        s().Foreground(p.dim),
		Bold:       s().Bold(true),
		Badge:      s().Foreground(p.info).Bold(true),
		Tab:        s().Foreground(p.dim).Padding(0, 1),
		TabActive:  s().Foreground(p.selFg).Background(p.selBg).Bold(true).Padding(0, 1),
		Good:       s().Foreground(p.good),
		Warn:       s().Foreground(p.warn),
		Bad:        s().Foreground(p.bad),
		Info:       s().Foreground(p.accent),
		Panel:      s().Border(lipgloss.RoundedBorder()).BorderForeground(p.border).Padding(0, 1),
		PanelTitle: s().Foreground(p.accent).Bold(true),
		ErrPanel:   s().Border(lipgloss.RoundedBorder()).BorderForeground(p.bad).Padding(0, 1),
		Status:     s().Foreground(p.dim),
		Key:        s().Foreground(p.accent).Bold(true),
		Bar:        s().Foreground(p.accent),
		rendered:   map[string]string{},
	}
	if mono {
		st.Selected = s().Reverse(true)
		st.TabActive = s().Reverse(true).Padding(0, 1)
	}
	return st
}
