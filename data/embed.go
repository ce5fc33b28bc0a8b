package data

import (
	"embed"
	"io/fs"
)

//go:embed library
var library embed.FS

// EmbeddedOrigin names the embedded library where a value's origin is shown.
const EmbeddedOrigin = "embedded"

// Embedded returns the embedded default library as a file system whose
// root holds themes.yaml, plans/ and comparisons/.
func Embedded() fs.FS {
	sub, err := fs.Sub(library, "library")
	if err != nil {
		panic(err) // the embed directive guarantees the directory exists
	}
	return sub
}
