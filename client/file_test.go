package client

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"
)

func TestSafeName(t *testing.T) {
	long := strings.Repeat("ā", 300) // 2 bytes each
	tests := []struct {
		name  string
		parts []string
		want  string // "" = only check the invariants
	}{
		{"plain", []string{"G123", "invoice", ".pdf"}, "G123_invoice.pdf"},
		{"traversal", []string{"../../etc/passwd"}, "etc-passwd"},
		{"backslash", []string{`..\..\win.ini`}, "win.ini"},
		{"controls", []string{"a\x1b[31mb\x00c\u202e"}, "a-31mb-c"},
		{"leading dots", []string{"...hidden", ".txt"}, "hidden.txt"},
		{"empty", []string{"", "  "}, "download"},
		{"reserved", []string{"CON", ".pdf"}, "_CON.pdf"},
		{"long", []string{long, ".csv"}, ""},
		{"300 ascii", []string{strings.Repeat("x", 300)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SafeName(tt.parts...)
			if tt.want != "" && got != tt.want {
				t.Errorf("SafeName(%q) = %q, want %q", tt.parts, got, tt.want)
			}
			if len(got) > maxNameBytes || !utf8.ValidString(got) || strings.ContainsAny(got, `/\:*?"<>|`) ||
				strings.HasPrefix(got, ".") || got != filepath.Base(got) {
				t.Errorf("SafeName(%q) = %q breaks an invariant", tt.parts, got)
			}
			for _, r := range got {
				if r < 0x20 || r == 0x7f {
					t.Errorf("control character in %q", got)
				}
			}
		})
	}
	if got := SafeName(long, ".csv"); !strings.HasSuffix(got, ".csv") {
		t.Errorf("extension lost: %q", got)
	}
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestSaveAtomic(t *testing.T) {
	pdf := []byte("%PDF-1.7 hello")
	tests := []struct {
		name      string
		cancelMid bool // the context is cancelled between two writes
		write     func(w io.Writer) error
		check     func([]byte, int64) error
		wantErr   error
	}{
		{name: "ok", write: func(w io.Writer) error { _, err := w.Write(pdf); return err }, check: CheckPDF},
		{name: "write fails", write: func(w io.Writer) error { w.Write(pdf[:3]); return ErrTruncated }, check: CheckPDF, wantErr: ErrTruncated},
		{name: "not a pdf", write: func(w io.Writer) error { _, err := w.Write([]byte("<html>")); return err }, check: CheckPDF, wantErr: ErrBadContent},
		{name: "disk full", write: func(w io.Writer) error {
			w.Write(pdf)
			return &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
		},
			check: CheckPDF, wantErr: syscall.ENOSPC},
		{name: "empty", write: func(w io.Writer) error { return nil }, check: CheckZip, wantErr: ErrBadContent},
		{name: "cancel mid-write", cancelMid: true, wantErr: context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			ctx := context.Background()
			write := tt.write
			if tt.cancelMid {
				c, cancel := context.WithCancel(context.Background())
				ctx = c
				write = func(w io.Writer) error {
					w.Write(pdf)
					cancel()
					_, err := w.Write(pdf)
					return err
				}
			}
			path, err := SaveAtomic(ctx, dir, "x.pdf", 0o600, tt.check, write)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatal(err)
				}
				got, _ := os.ReadFile(path)
				if !bytes.Equal(got, pdf) {
					t.Errorf("content = %q", got)
				}
				if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
					t.Errorf("mode = %v", fi.Mode())
				}
				if n := entries(t, dir); len(n) != 1 {
					t.Errorf("dir holds %v", n)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if n := entries(t, dir); len(n) != 0 {
				t.Errorf("left behind %v", n)
			}
			if errors.Is(err, syscall.ENOSPC) && !strings.Contains(err.Error(), "disk is full") {
				t.Errorf("disk full not said: %v", err)
			}
		})
	}
}

func TestSaveAtomicNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(old, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	called := false
	_, err := SaveAtomic(context.Background(), dir, "a.pdf", 0o600, nil, func(w io.Writer) error { called = true; return nil })
	if !errors.Is(err, ErrExists) || called {
		t.Fatalf("err = %v called = %v", err, called)
	}
	// The file appears while we write: still not replaced.
	_, err = SaveAtomic(context.Background(), dir, "b.pdf", 0o600, nil, func(w io.Writer) error {
		w.Write([]byte("new"))
		return os.WriteFile(filepath.Join(dir, "b.pdf"), []byte("theirs"), 0o600)
	})
	if !errors.Is(err, ErrExists) {
		t.Fatalf("race: err = %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "b.pdf")); string(got) != "theirs" {
		t.Errorf("replaced: %q", got)
	}
	if got, _ := os.ReadFile(old); string(got) != "old" {
		t.Errorf("old file changed: %q", got)
	}
	if n := entries(t, dir); len(n) != 2 {
		t.Errorf("temp file left: %v", n)
	}
	if u := UniqueName(dir, "a.pdf"); u != "a (2).pdf" {
		t.Errorf("UniqueName = %q", u)
	}
	if u := UniqueName(dir, "c.pdf"); u != "c.pdf" {
		t.Errorf("UniqueName = %q", u)
	}
}

func TestSaveAtomicRejectsPaths(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"", "..", "../x", "a/b", `a\b`} {
		if _, err := SaveAtomic(context.Background(), dir, name, 0, nil, func(io.Writer) error { return nil }); err == nil {
			t.Errorf("name %q accepted", name)
		}
	}
}
