package ui

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// CheckDownloadDir says, before any download starts, what is wrong with the
// download folder: missing, not a folder, or not writable. main calls it at
// start-up, so a bad --download-dir is never blamed on Azure later.
func CheckDownloadDir(dir string) error {
	if dir == "" {
		dir = "."
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errors.New(i18n.T("dldir.missing", map[string]any{"Dir": dir}))
	case err != nil:
		return errors.New(i18n.T("dldir.unreadable", map[string]any{"Dir": dir, "Err": err.Error()}))
	case !st.IsDir():
		return errors.New(i18n.T("dldir.notdir", map[string]any{"Dir": dir}))
	}
	// Write access is what matters, and only trying shows it (ACLs,
	// read-only mounts, root squash all defeat reading the mode bits).
	f, err := os.CreateTemp(dir, ".azinvoice-check-*")
	if err != nil {
		return errors.New(i18n.T("dldir.notwritable", map[string]any{"Dir": dir}))
	}
	name := f.Name()
	f.Close()
	os.Remove(filepath.Clean(name))
	return nil
}
