package ui

import (
	"path/filepath"

	tea "charm.land/bubbletea/v2"
	"github.com/pkg/browser"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// openFile opens a saved file with the system's viewer; a var so tests
// never start one.
var openFile = browser.OpenFile

// downloadsPanel lists everything downloaded this session (ctrl+o): each
// file's path, its status and any error. enter opens a saved file, y
// copies its path.
type downloadsPanel struct {
	*listScreen[*dlJob]
	seen int // jobs and states last shown, to refresh when they change
}

func newDownloadsPanel(c *common) *downloadsPanel {
	p := &downloadsPanel{}
	p.listScreen = newList(c, listSpec[*dlJob]{
		crumbs: []string{i18n.Ref("crumb.downloads")},
		cols: []column{
			{TitleID: "col.file", Flex: true},
			{TitleID: "col.dlstatus", Width: 10},
			{TitleID: "col.size", Width: 9, Right: true, Drop: 1},
			{TitleID: "col.detail", Width: 40, Max: 60, Drop: 2},
			{TitleID: "col.folder", Width: 30, Max: 60, Drop: 3},
		},
		row: func(j *dlJob) []string {
			name, dir := j.name, ""
			if j.path != "" {
				name, dir = filepath.Base(j.path), filepath.Dir(j.path)
			}
			detail := ""
			if j.err != nil {
				info := describe(j.err)
				detail = info.Why
			}
			size := ""
			if j.prog.Done > 0 {
				size = bytesText(j.prog.Done)
			}
			return []string{model.Clean(name), dlStateText(j), size, detail, shortPath(dir)}
		},
		tone: func(j *dlJob, col int, cell string) (string, bool) {
			if col != 1 {
				return "", false
			}
			switch j.state {
			case dlDone:
				return c.st.Good.Render(cell), true
			case dlFailed:
				return c.st.Bad.Render(cell), true
			}
			return "", false
		},
		copy: func(j *dlJob) string {
			if j.path != "" {
				return j.path
			}
			return j.name
		},
		enter: func(j *dlJob) tea.Cmd {
			if j.state != dlDone || j.path == "" {
				return nil
			}
			path := j.path
			return func() tea.Msg {
				if err := openFile(path); err != nil {
					return statusMsg{text: i18n.T("dlpanel.openfail", map[string]any{"Path": model.Clean(path)}), isErr: true}
				}
				return statusMsg{text: i18n.T("dlpanel.opened", map[string]any{"Path": model.Clean(path)})}
			}
		},
		emptyID: "dlpanel.empty", hintID: "dlpanel.empty.hint", whatID: "what.downloads",
		sortKey: "downloads", enterID: "key.openfile",
	})
	p.refresh()
	return p
}

// refresh reads the session's jobs again when any was added or changed state.
func (p *downloadsPanel) refresh() {
	sig := len(p.c.dl.jobs) * 1000
	for _, j := range p.c.dl.jobs {
		sig += int(j.state) + 1
	}
	if sig == p.seen && p.loaded {
		return
	}
	p.seen = sig
	p.SetItems(append([]*dlJob(nil), p.c.dl.jobs...))
}

func (p *downloadsPanel) View(width, height int) string {
	p.refresh()
	return p.listScreen.View(width, height)
}

func (p *downloadsPanel) Update(msg tea.Msg) tea.Cmd {
	p.refresh()
	return p.listScreen.Update(msg)
}

func dlStateText(j *dlJob) string {
	switch j.state {
	case dlDone:
		return i18n.T("dlstate.saved")
	case dlFailed:
		return i18n.T("dlstate.failed")
	case dlCanceled:
		return i18n.T("dlstate.canceled")
	}
	if j.canceling {
		return i18n.T("dlstate.canceling")
	}
	return i18n.T("dlstate.running")
}
