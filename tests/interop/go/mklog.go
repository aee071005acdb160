package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// maxEntryLength bounds the seeded entries: lengths are uniform-ish in 0..300.
const maxEntryLength = 300

// seededEntry is entry i of the log made from seed, reproducible in any language:
//
//	h0     = SHA-256(seed || "/" || decimal(i))
//	length = big-endian uint16(h0[0:2]) mod 301
//	data   = (SHA-256(h0 || be32(0)) || SHA-256(h0 || be32(1)) || ...)[:length]
func seededEntry(seed string, i int64) []byte {
	h0 := sha256.Sum256([]byte(seed + "/" + strconv.FormatInt(i, 10)))
	length := int(binary.BigEndian.Uint16(h0[:2])) % (maxEntryLength + 1)
	var data []byte
	for k := uint32(0); len(data) < length; k++ {
		var block [sha256.Size + 4]byte
		copy(block[:], h0[:])
		binary.BigEndian.PutUint32(block[sha256.Size:], k)
		sum := sha256.Sum256(block[:])
		data = append(data, sum[:]...)
	}
	return data[:length]
}

func runMklog(args []string) error {
	dir, seed := args[0], args[2]
	count, err := strconv.ParseInt(args[1], 10, 64)
	if err != nil || count < 0 || count > 10_000_000 {
		return usagef("count %q is not an integer in 0..10000000", args[1])
	}
	signer, err := note.NewSigner(args[3])
	if err != nil {
		return usagef("signer key: %v", err)
	}

	entries := make([][]byte, count)
	hashes := memoryHashes{}
	for i := range entries {
		entries[i] = seededEntry(seed, int64(i))
		if err := hashes.appendRecordHash(int64(i), tlog.RecordHash(entries[i])); err != nil {
			return err
		}
	}
	root, err := treeHash(count, &hashes)
	if err != nil {
		return err
	}

	write := func(path string, data []byte) error {
		full := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return usagef("%v", err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return usagef("%v", err)
		}
		return nil
	}

	tiles := hashTiles(count)
	for _, t := range tiles {
		data, err := tlog.ReadTileData(t, &hashes)
		if err != nil {
			return err
		}
		if err := write(c2spPath(t), data); err != nil {
			return err
		}
	}
	bundles := entryBundles(count)
	for _, b := range bundles {
		var buf bytes.Buffer
		for _, e := range entries[b.N*tileWidth : b.N*tileWidth+int64(b.W)] {
			var length [2]byte
			binary.BigEndian.PutUint16(length[:], uint16(len(e)))
			buf.Write(length[:])
			buf.Write(e)
		}
		if err := write(c2spPath(b), buf.Bytes()); err != nil {
			return err
		}
	}

	// The origin is the log's key name, as c2sp.org/tlog-checkpoint recommends.
	signed, err := note.Sign(&note.Note{Text: formatCheckpoint(signer.Name(), count, root)}, signer)
	if err != nil {
		return err
	}
	if err := write("checkpoint", signed); err != nil {
		return err
	}
	fmt.Printf("ok: wrote %d entries, %d hash tiles, %d entry bundles, root %s\n",
		count, len(tiles), len(bundles), base64.StdEncoding.EncodeToString(root[:]))
	return nil
}
