// Package safefile writes files so that a reader never sees half a file and
// nothing is replaced without consent: the data goes to a temporary file in
// the target directory, is synced, and is renamed into place.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// The file operations that put the temporary file in place; tests replace
// them to make the last step fail.
var (
	renameFile = os.Rename
	linkFile   = os.Link
)

// ErrExists reports that the target exists and overwriting was not allowed.
var ErrExists = errors.New("file exists")

// Write puts data at path. Without overwrite it refuses an existing path
// (ErrExists). It never follows a symbolic link at path: a link is refused
// even with overwrite, so that a write can never land on another file. It
// leaves no temporary file behind, on success or failure.
func Write(path string, data []byte, overwrite bool) (err error) {
	dir := filepath.Dir(path)
	mode := fs.FileMode(0o644) // a replaced file keeps its own
	if info, err := os.Lstat(path); err == nil {
		mode = info.Mode().Perm()
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s is a symbolic link; refusing to write through it", path)
		case info.IsDir():
			return fmt.Errorf("%s is a directory", path)
		case !info.Mode().IsRegular():
			return fmt.Errorf("%s is not a regular file", path)
		case !overwrite:
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot check %s: %w", path, unwrapPath(err))
	}
	if info, err := os.Stat(dir); err != nil {
		return fmt.Errorf("cannot write %s: directory %s: %w", path, dir, unwrapPath(err))
	} else if !info.IsDir() {
		return fmt.Errorf("cannot write %s: %s is not a directory", path, dir)
	}

	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if !overwrite {
		// Link fails if path appeared since the check: no silent replace.
		if err = linkFile(tmp.Name(), path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s: %w", path, ErrExists)
			}
			// File systems without hard links: fall back to rename.
			if err = renameFile(tmp.Name(), path); err != nil {
				return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
			}
			syncDir(dir)
			return nil
		}
		os.Remove(tmp.Name())
		syncDir(dir)
		return nil
	}
	if err = renameFile(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	syncDir(dir)
	return nil
}

// syncDir makes the new directory entry durable where the system allows
// it; the file's own content is already synced, so a failure here is not
// reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
