package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/azinvoice/azinvoice/model"
)

// maxNameBytes bounds a file name well under every file system's limit
// (255 bytes), leaving room for UniqueName's " (12)".
const maxNameBytes = 120

// headBytes is how much of the start of a file SaveAtomic hands to check.
const headBytes = 512

// SaveAtomic writes a file so that it either appears whole under its
// final name or not at all: write fills a temp file in dir, check sees its
// first bytes and its size, then the temp file is synced and linked to
// name. It never replaces an existing file (ErrExists); on any error or
// cancellation the temp file is removed. A full disk is said in words.
func SaveAtomic(ctx context.Context, dir, name string, mode os.FileMode, check func(head []byte, n int64) error, write func(w io.Writer) error) (string, error) {
	const op = "save file"
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return "", &Error{Op: op, Message: "unsafe file name"}
	}
	if mode == 0 {
		mode = 0o600
	}
	final := filepath.Join(dir, name)
	if _, err := os.Lstat(final); err == nil {
		return final, &Error{Op: op, Message: name, Err: ErrExists}
	}
	tmp, err := os.CreateTemp(dir, "."+strings.TrimLeft(name, ".")+".*.part")
	if err != nil {
		return "", fileErr(op, err)
	}
	tmpName := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			_ = tmp.Close()
			_ = os.Remove(tmpName)
		}
	}()
	if err := tmp.Chmod(mode); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return "", fileErr(op, err)
	}
	cw := &checkWriter{ctx: ctx, w: tmp}
	if err := write(cw); err != nil {
		return "", fileErr(op, ctxErr(ctx, err))
	}
	if err := ctx.Err(); err != nil {
		return "", wrap(op, err)
	}
	if check != nil {
		if err := check(cw.head, cw.n); err != nil {
			return "", &Error{Op: op, Message: safeText(err.Error(), maxMessage), Err: errors.Join(ErrBadContent, err)}
		}
	}
	if err := tmp.Sync(); err != nil {
		return "", fileErr(op, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fileErr(op, err)
	}
	if err := placeNoReplace(tmpName, final); err != nil {
		if errors.Is(err, os.ErrExist) {
			return final, &Error{Op: op, Message: name, Err: ErrExists}
		}
		return "", fileErr(op, err)
	}
	ok = true
	syncDir(dir)
	return final, nil
}

// placeNoReplace gives tmp the name final without ever replacing a file
// that appeared meanwhile: a hard link fails if final exists. Where links
// are not supported it falls back to a checked rename.
func placeNoReplace(tmp, final string) error {
	err := os.Link(tmp, final)
	if err == nil {
		_ = os.Remove(tmp) // the file is in place; a stray hidden temp is harmless
		return nil
	}
	if errors.Is(err, os.ErrExist) {
		return err
	}
	if _, serr := os.Lstat(final); serr == nil {
		return os.ErrExist
	}
	return os.Rename(tmp, final)
}

// syncDir makes the new name durable; failure is harmless (not every OS
// lets a directory be synced), so it is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

func fileErr(op string, err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return &Error{Op: op, Code: "DiskFull", Message: "the disk is full; nothing was saved", Err: err}
	}
	return wrap(op, err)
}

// checkWriter counts bytes, keeps the first headBytes for check, and stops
// writing once ctx is cancelled.
type checkWriter struct {
	ctx  context.Context
	w    io.Writer
	head []byte
	n    int64
}

func (c *checkWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(c.head) < headBytes {
		c.head = append(c.head, p[:min(len(p), headBytes-len(c.head))]...)
	}
	m, err := c.w.Write(p)
	c.n += int64(m)
	return m, err
}

// CheckPDF is a SaveAtomic check for a PDF.
func CheckPDF(head []byte, n int64) error { return checkMagic(head, n, "%PDF", "a PDF") }

// CheckZip is a SaveAtomic check for a zip archive.
func CheckZip(head []byte, n int64) error { return checkMagic(head, n, "PK", "a zip archive") }

func checkMagic(head []byte, n int64, magic, what string) error {
	if n == 0 {
		return errors.New("the file is empty")
	}
	if !strings.HasPrefix(string(head), magic) {
		return fmt.Errorf("the file is not %s; it starts %s", what, quoteHead(head))
	}
	return nil
}

// CheckCSV is a SaveAtomic check for a usage file: its first line is a CSV
// header (column names, comma-separated, one of them a date), not an
// error page in JSON, XML or HTML that a service answered 200 with.
func CheckCSV(head []byte, n int64) error {
	if n == 0 {
		return errors.New("the file is empty")
	}
	line := strings.TrimPrefix(string(head), "\uFEFF")
	complete := false
	if i := strings.IndexAny(line, "\r\n"); i >= 0 {
		line, complete = line[:i], true
	}
	t := strings.TrimSpace(line)
	if t == "" || strings.ContainsAny(t[:1], "{[<") || !strings.Contains(t, ",") {
		return fmt.Errorf("the file is not a usage CSV; it starts %s", quoteHead(head))
	}
	fields := strings.Split(t, ",")
	if !complete && len(fields) > 1 {
		fields = fields[:len(fields)-1] // the last may be cut by the head's end
	}
	for _, f := range fields {
		if strings.Contains(strings.ToLower(f), "date") {
			return nil
		}
	}
	return fmt.Errorf("the file has no usage header (no date column); it starts %s", quoteHead(head))
}

// CheckNotErrorPage is the check for a file whose format the API does not
// state (EA transactions): not empty, and not an error page in JSON, XML
// or HTML that a service answered 200 with.
func CheckNotErrorPage(head []byte, n int64) error {
	if n == 0 {
		return errors.New("the file is empty")
	}
	if t := strings.TrimSpace(strings.TrimPrefix(string(head), "\uFEFF")); t != "" && strings.ContainsAny(t[:1], "{[<") {
		return fmt.Errorf("the file is an error page, not the document; it starts %s", quoteHead(head))
	}
	return nil
}

// quoteHead shows the start of what came back, cleaned and short, so the
// person can see whether it was an error page, an empty answer or noise.
func quoteHead(head []byte) string {
	s := string(head)
	if len(s) > 60 {
		s = s[:60]
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strconv.Quote(model.Clean(s))
}

// CleanLeftovers removes the hidden temp files (".name.*.part",
// ".name.*.new") that a process killed mid-download left in dir, when
// they are older than age: a live download's own file is younger. It
// returns how many it removed.
func CleanLeftovers(dir string, age time.Duration) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, ".") ||
			!(strings.HasSuffix(name, ".part") || strings.HasSuffix(name, ".new")) {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < age {
			continue
		}
		if os.Remove(filepath.Join(dir, name)) == nil {
			n++
		}
	}
	return n
}

// SafeName builds a base file name from parts joined with "_": no path
// separators or characters Windows forbids, no control characters, no
// leading dots, at most maxNameBytes (cut on a rune boundary). A last part
// like ".pdf" (after at least one other) is an extension and is kept whole.
func SafeName(parts ...string) string {
	ext := ""
	if n := len(parts); n > 1 && isExt(parts[n-1]) {
		ext = strings.ToLower(parts[n-1])
		parts = parts[:n-1]
	}
	var kept []string
	for _, p := range parts {
		if c := cleanPart(p); c != "" {
			kept = append(kept, c)
		}
	}
	base := strings.Join(kept, "_")
	base = strings.TrimLeft(base, ".- ")
	limit := maxNameBytes - len(ext)
	if len(base) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	base = strings.TrimRight(base, ". ")
	if base == "" {
		base = "download"
	}
	if reservedWindows(base) {
		base = "_" + base
	}
	return base + ext
}

// isExt: ".pdf", ".csv", ".zip" — a dot and 1 to 10 ASCII letters or digits.
func isExt(s string) bool {
	if len(s) < 2 || len(s) > 11 || s[0] != '.' {
		return false
	}
	for _, r := range s[1:] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// cleanPart keeps letters, digits and a few marks; everything else
// (separators, controls, quotes, spaces) becomes "-", runs collapsed.
func cleanPart(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-' || r == '+'
		if r == utf8.RuneError || unicode.Is(unicode.Cf, r) {
			continue
		}
		if !ok {
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = true
			continue
		}
		dash = false
		b.WriteRune(r)
	}
	return strings.Trim(b.String(), "-")
}

func reservedWindows(base string) bool {
	stem := strings.ToUpper(strings.SplitN(base, ".", 2)[0])
	switch stem {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) && stem[3] >= '0' && stem[3] <= '9' {
		return true
	}
	return false
}

// UniqueName returns name, or "base (2).ext", "base (3).ext", … — the first
// that does not exist in dir — for "keep both".
func UniqueName(dir, name string) string {
	if _, err := os.Lstat(filepath.Join(dir, name)); errors.Is(err, os.ErrNotExist) {
		return name
	}
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for i := 2; i < 10000; i++ {
		cand := fmt.Sprintf("%s (%d)%s", base, i, ext)
		if _, err := os.Lstat(filepath.Join(dir, cand)); errors.Is(err, os.ErrNotExist) {
			return cand
		}
	}
	return fmt.Sprintf("%s (%d)%s", base, os.Getpid(), ext)
}
