package data

import (
	"io/fs"
	"os"
	"path/filepath"
)

// dirFS is os.DirFS except that it opens files without blocking. Opening
// a named pipe for reading waits until something writes to it, so a FIFO
// put in place of a data file would hang validate, the dashboard and the
// watcher; opened non-blocking it returns at once, and read sees that it
// is not a regular file.
type dirFS string

// Open opens name, relative to the directory, for reading.
func (d dirFS) Open(name string) (fs.File, error) {
	p, err := d.join("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(p, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPath(err)}
	}
	return f, nil
}

// Stat describes name, following symbolic links as Open does.
func (d dirFS) Stat(name string) (fs.FileInfo, error) {
	p, err := d.join("stat", name)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: unwrapPath(err)}
	}
	return st, nil
}

func (d dirFS) join(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(string(d), filepath.FromSlash(name)), nil
}

// unwrapPath drops the full path from an os error; the loader names the
// file itself.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
