package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/mod/sumdb/tlog"
)

// maxVerifySize bounds the in-memory re-hash of a whole log.
const maxVerifySize = 50_000_000

func b64(h tlog.Hash) string { return base64.StdEncoding.EncodeToString(h[:]) }

func runVerifyTiles(args []string) error {
	dir, vkey := args[0], args[1]
	cp, err := openCheckpoint(filepath.Join(dir, "checkpoint"), vkey)
	if err != nil {
		return err
	}

	if cp.size > maxVerifySize {
		return failf("checkpoint size %d is above the %d entries tlogcheck verifies in memory", cp.size, maxVerifySize)
	}

	// Re-hash every entry (RFC 6962 leaf hash) and rebuild the tree from the entries alone.
	entries, err := readEntries(dir, cp.size)
	if err != nil {
		return err
	}
	fromEntries := memoryHashes{}
	for i, e := range entries {
		if err := fromEntries.appendRecordHash(int64(i), tlog.RecordHash(e)); err != nil {
			return err
		}
	}

	// Every tile the checkpoint's size calls for must hold exactly what tlog computes from the entries.
	tiles := hashTiles(cp.size)
	for _, t := range tiles {
		path := c2spPath(t)
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			return failf("hash tile %s: %v", path, err)
		}
		want, err := tlog.ReadTileData(t, &fromEntries)
		if err != nil {
			return err
		}
		if len(got) != len(want) {
			return failf("hash tile %s: %d bytes, want %d", path, len(got), len(want))
		}
		if !bytes.Equal(got, want) {
			k := firstDifferentHash(got, want)
			if t.L == 0 {
				index := t.N*tileWidth + int64(k)
				return failf("hash tile %s: hash %d differs from the leaf hash of entry %d in %s", path, k, index, c2spPath(tlog.Tile{H: tileHeight, L: entriesLevel, N: t.N, W: t.W}))
			}
			return failf("hash tile %s: hash %d differs from the hash of the tiles below", path, k)
		}
	}

	rootFromEntries, err := treeHash(cp.size, &fromEntries)
	if err != nil {
		return err
	}
	if rootFromEntries != cp.root {
		return failf("checkpoint root %s, but the entries hash to %s", b64(cp.root), b64(rootFromEntries))
	}

	// The tree hash read through tlog's tile reader: it authenticates the tiles against the checkpoint.
	if cp.size > 0 {
		fromTiles := tlog.TileHashReader(tlog.Tree{N: cp.size, Hash: cp.root}, dirTiles{dir})
		rootFromTiles, err := tlog.TreeHash(cp.size, fromTiles)
		if err != nil {
			return failf("tiles do not authenticate against the checkpoint: %v", err)
		}
		if rootFromTiles != cp.root {
			return failf("checkpoint root %s, but the tiles hash to %s", b64(cp.root), b64(rootFromTiles))
		}
	}

	fmt.Printf("ok: %s size %d root %s: %d entries, %d hash tiles verified\n", cp.origin, cp.size, b64(cp.root), len(entries), len(tiles))
	return nil
}

func firstDifferentHash(a, b []byte) int {
	for k := 0; k*tlog.HashSize < len(a); k++ {
		if !bytes.Equal(a[k*tlog.HashSize:(k+1)*tlog.HashSize], b[k*tlog.HashSize:(k+1)*tlog.HashSize]) {
			return k
		}
	}
	return -1
}
