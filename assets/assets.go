// Package assets embeds the files the binary carries: the demo data set
// (ARM-shaped JSON served by the emulator) and the message catalogues.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed demo locales
var files embed.FS

// Demo is the demo data set, rooted at assets/demo.
func Demo() fs.FS { return sub("demo") }

// Locales holds the message catalogues (*.<lang>.toml), rooted at assets/locales.
func Locales() fs.FS { return sub("locales") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the directory is embedded at build time; this cannot fail at run time
	}
	return f
}
