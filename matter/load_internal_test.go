package matter

import (
	"io"
	"io/fs"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bigFS serves matters/big.json: "[" then spaces without end, with a Stat
// size of statSize.
type bigFS struct{ statSize int64 }

func (b bigFS) Open(name string) (fs.File, error) {
	if name != "matters/big.json" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &bigFile{size: b.statSize}, nil
}

func (b bigFS) Glob(pattern string) ([]string, error) {
	if pattern == "matters/*.json" {
		return []string{"matters/big.json"}, nil
	}
	return nil, nil
}

type bigFile struct {
	size int64
	off  int64
}

func (f *bigFile) Stat() (fs.FileInfo, error) { return bigInfo{f.size}, nil }
func (f *bigFile) Close() error               { return nil }
func (f *bigFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
		if f.off == 0 {
			p[i] = '['
		}
		f.off++
	}
	return len(p), nil
}

type bigInfo struct{ size int64 }

func (i bigInfo) Name() string       { return "big.json" }
func (i bigInfo) Size() int64        { return i.size }
func (i bigInfo) Mode() fs.FileMode  { return 0o444 }
func (i bigInfo) ModTime() time.Time { return time.Time{} }
func (i bigInfo) IsDir() bool        { return false }
func (i bigInfo) Sys() any           { return nil }

var _ io.Reader = (*bigFile)(nil)

func TestLoadFSFileSize(t *testing.T) {
	_, err := LoadFS(bigFS{statSize: MaxFileSize + 1})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "file-size", ve.Problems[0].Rule)
	assert.Equal(t, "matters/big.json", ve.Problems[0].File)

	// A file whose size is not known in advance is cut off while reading
	// (with a smaller limit, for speed).
	l := newLoader(bigFS{statSize: 0})
	l.maxSize = 1 << 20
	l.readAll()
	require.Len(t, l.col.list, 1)
	p := l.col.list[0]
	assert.Equal(t, "file-size", p.Rule)
	assert.Equal(t, "matters/big.json", p.File)
	assert.Contains(t, p.EN, "larger than the limit of 1048576 bytes")
}
