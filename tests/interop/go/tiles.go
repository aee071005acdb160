package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

// c2sp.org/tlog-tiles: tiles of height 8 (256 hashes), entry bundles of 256 entries.
const (
	tileHeight = 8
	tileWidth  = 1 << tileHeight
)

// entriesLevel marks an entry bundle in tile coordinates, as tlog's data tiles do with L = -1.
const entriesLevel = -1

// c2spPath is the tlog-tiles path of a hash tile or entry bundle: tile/<L>/<N>[.p/<W>] or
// tile/entries/<N>[.p/<W>], with N in zero-padded 3-digit elements, all but the last x-prefixed.
// Go's tlog 0.7.0 puts the height in the path (tile/8/0/...) and names bundles "data"; C2SP does neither.
func c2spPath(t tlog.Tile) string {
	n := t.N
	elems := []string{fmt.Sprintf("%03d", n%1000)}
	for n >= 1000 {
		n /= 1000
		elems = append([]string{fmt.Sprintf("x%03d", n%1000)}, elems...)
	}
	level := fmt.Sprint(t.L)
	if t.L == entriesLevel {
		level = "entries"
	}
	p := "tile/" + level + "/" + strings.Join(elems, "/")
	if t.W != tileWidth {
		p += fmt.Sprintf(".p/%d", t.W)
	}
	return p
}

// hashTiles lists the hash tiles a log of the given size serves: every full tile and, per level, the
// one partial tile of width floor(size / 256**l) mod 256 when that is not zero (c2sp.org/tlog-tiles).
func hashTiles(size int64) []tlog.Tile {
	var tiles []tlog.Tile
	for l := 0; size>>(tileHeight*uint(l)) > 0; l++ {
		tiles = append(tiles, levelTiles(l, size>>(tileHeight*uint(l)))...)
	}
	return tiles
}

// entryBundles lists the entry bundles of a log of the given size.
func entryBundles(size int64) []tlog.Tile {
	return levelTiles(entriesLevel, size)
}

func levelTiles(level int, width int64) []tlog.Tile {
	var tiles []tlog.Tile
	full := width / tileWidth
	for n := int64(0); n < full; n++ {
		tiles = append(tiles, tlog.Tile{H: tileHeight, L: level, N: n, W: tileWidth})
	}
	if rest := int(width % tileWidth); rest > 0 {
		tiles = append(tiles, tlog.Tile{H: tileHeight, L: level, N: full, W: rest})
	}
	return tiles
}

// memoryHashes is a tlog.HashReader over the stored hashes kept in order in memory.
type memoryHashes []tlog.Hash

func (m *memoryHashes) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= int64(len(*m)) {
			return nil, fmt.Errorf("stored hash %d not written yet", x)
		}
		out[i] = (*m)[x]
	}
	return out, nil
}

// appendRecordHash stores the hashes tlog derives when record number len-so-far with hash h is appended.
func (m *memoryHashes) appendRecordHash(n int64, h tlog.Hash) error {
	hashes, err := tlog.StoredHashesForRecordHash(n, h, m)
	if err != nil {
		return err
	}
	*m = append(*m, hashes...)
	return nil
}

// treeHash is tlog.TreeHash except for size 0, whose root RFC 9162 §2.1.1 defines as SHA-256 of the
// empty string (tlog 0.7.0 returns all zeroes).
func treeHash(size int64, r tlog.HashReader) (tlog.Hash, error) {
	if size == 0 {
		return emptyRoot, nil
	}
	return tlog.TreeHash(size, r)
}

// emptyRoot is SHA-256(""), the RFC 9162 root of the empty tree.
var emptyRoot = mustHash("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")

func mustHash(b64 string) tlog.Hash {
	h, err := tlog.ParseHash(b64)
	if err != nil {
		panic(err)
	}
	return h
}

// dirTiles is a tlog.TileReader over hash tiles stored at C2SP paths under a directory.
type dirTiles struct{ dir string }

func (d dirTiles) Height() int { return tileHeight }

func (d dirTiles) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	data := make([][]byte, len(tiles))
	for i, t := range tiles {
		b, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(c2spPath(t))))
		if err != nil {
			return nil, failf("hash tile %s: %v", c2spPath(t), err)
		}
		if len(b) != t.W*tlog.HashSize {
			return nil, failf("hash tile %s: %d bytes, want %d", c2spPath(t), len(b), t.W*tlog.HashSize)
		}
		data[i] = b
	}
	return data, nil
}

func (d dirTiles) SaveTiles([]tlog.Tile, [][]byte) {}

// parseBundle splits a c2sp.org/tlog-tiles entry bundle: big-endian uint16 length-prefixed entries,
// exactly want of them, nothing after the last.
func parseBundle(path string, data []byte, want int) ([][]byte, error) {
	var entries [][]byte
	for off := 0; off < len(data); {
		if len(entries) == want {
			return nil, failf("entry bundle %s: %d trailing bytes after entry %d", path, len(data)-off, want-1)
		}
		if len(data)-off < 2 {
			return nil, failf("entry bundle %s: truncated length of entry %d", path, len(entries))
		}
		n := int(binary.BigEndian.Uint16(data[off:]))
		off += 2
		if len(data)-off < n {
			return nil, failf("entry bundle %s: entry %d is %d bytes but only %d remain", path, len(entries), n, len(data)-off)
		}
		entries = append(entries, data[off:off+n])
		off += n
	}
	if len(entries) != want {
		return nil, failf("entry bundle %s: %d entries, want %d", path, len(entries), want)
	}
	return entries, nil
}

// readEntries reads every entry of a log of the given size from its entry bundles.
func readEntries(dir string, size int64) ([][]byte, error) {
	entries := make([][]byte, 0, size)
	for _, b := range entryBundles(size) {
		path := c2spPath(b)
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			return nil, failf("entry bundle %s: %v", path, err)
		}
		got, err := parseBundle(path, data, b.W)
		if err != nil {
			return nil, err
		}
		entries = append(entries, got...)
	}
	return entries, nil
}

// readEntry reads entry index from its bundle.
func readEntry(dir string, size, index int64) ([]byte, error) {
	n := index / tileWidth
	w := tileWidth
	if (n+1)*tileWidth > size {
		w = int(size - n*tileWidth)
	}
	b := tlog.Tile{H: tileHeight, L: entriesLevel, N: n, W: w}
	path := c2spPath(b)
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
	if err != nil {
		return nil, failf("entry bundle %s: %v", path, err)
	}
	entries, err := parseBundle(path, data, w)
	if err != nil {
		return nil, err
	}
	return entries[index%tileWidth], nil
}
