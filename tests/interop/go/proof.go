package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

// c2sp.org/tlog-proof@v1
const receiptHeader = "c2sp.org/tlog-proof@v1"

type receipt struct {
	extra      []byte
	index      int64
	proof      tlog.RecordProof
	checkpoint []byte // the signed checkpoint, verbatim
}

// parseReceipt parses a c2sp.org/tlog-proof@v1 receipt: the header, an optional extra line, the index,
// the inclusion proof hashes one per line, an empty line, then the signed checkpoint verbatim.
func parseReceipt(data []byte) (receipt, error) {
	split := bytes.Index(data, []byte("\n\n"))
	if split < 0 {
		return receipt{}, failf("receipt has no empty line before the checkpoint")
	}
	lines := strings.Split(string(data[:split]), "\n")
	r := receipt{checkpoint: data[split+2:]}
	if lines[0] != receiptHeader {
		return receipt{}, failf("receipt header %q, want %q", lines[0], receiptHeader)
	}
	lines = lines[1:]
	if len(lines) > 0 && strings.HasPrefix(lines[0], "extra ") {
		extra, err := base64.StdEncoding.Strict().DecodeString(strings.TrimPrefix(lines[0], "extra "))
		if err != nil {
			return receipt{}, failf("receipt extra line is not base64")
		}
		r.extra = extra
		lines = lines[1:]
	}
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "index ") {
		return receipt{}, failf("receipt has no index line")
	}
	text := strings.TrimPrefix(lines[0], "index ")
	index, err := strconv.ParseInt(text, 10, 64)
	if err != nil || index < 0 || strconv.FormatInt(index, 10) != text {
		return receipt{}, failf("receipt index %q is not a decimal without leading zeroes", text)
	}
	r.index = index
	for i, line := range lines[1:] {
		h, err := base64.StdEncoding.Strict().DecodeString(line)
		if err != nil || len(h) != tlog.HashSize {
			return receipt{}, failf("receipt proof line %d %q is not the base64 of 32 bytes", i+1, line)
		}
		var hash tlog.Hash
		copy(hash[:], h)
		r.proof = append(r.proof, hash)
	}
	return r, nil
}

func formatReceipt(index int64, proof tlog.RecordProof, signedCheckpoint []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\nindex %d\n", receiptHeader, index)
	for _, h := range proof {
		fmt.Fprintf(&b, "%s\n", b64(h))
	}
	b.WriteString("\n")
	b.Write(signedCheckpoint)
	return b.Bytes()
}

func parseIndex(s string) (int64, error) {
	index, err := strconv.ParseInt(s, 10, 64)
	if err != nil || index < 0 {
		return 0, usagef("index %q is not a non-negative integer", s)
	}
	return index, nil
}

// proveFromTiles returns the RFC 6962 inclusion proof of entry index in the checkpoint's tree, read
// through tlog's tile reader, which authenticates each tile against the checkpoint root.
func proveFromTiles(dir string, cp checkpoint, index int64) (tlog.RecordProof, error) {
	if index >= cp.size {
		return nil, failf("index %d is not below the tree size %d", index, cp.size)
	}
	r := tlog.TileHashReader(tlog.Tree{N: cp.size, Hash: cp.root}, dirTiles{dir})
	proof, err := tlog.ProveRecord(cp.size, index, r)
	if err != nil {
		return nil, failf("inclusion proof of entry %d: %v", index, err)
	}
	return proof, nil
}

func runProve(args []string) error {
	dir := args[0]
	index, err := parseIndex(args[1])
	if err != nil {
		return err
	}
	signed, err := os.ReadFile(filepath.Join(dir, "checkpoint"))
	if err != nil {
		return failf("checkpoint: %v", err)
	}
	cp, err := parseCheckpoint(string(noteText(signed)))
	if err != nil {
		return err
	}
	proof, err := proveFromTiles(dir, cp, index)
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(formatReceipt(index, proof, signed))
	return err
}

func runVerifyInclusion(args []string) error {
	dir, vkey := args[0], args[1]
	index, err := parseIndex(args[2])
	if err != nil {
		return err
	}
	cp, err := openCheckpoint(filepath.Join(dir, "checkpoint"), vkey)
	if err != nil {
		return err
	}
	if index >= cp.size {
		return failf("index %d is not below the tree size %d", index, cp.size)
	}
	entry, err := readEntry(dir, cp.size, index)
	if err != nil {
		return err
	}
	proof, err := proveFromTiles(dir, cp, index)
	if err != nil {
		return err
	}
	if err := tlog.CheckRecord(proof, cp.size, cp.root, index, tlog.RecordHash(entry)); err != nil {
		return failf("entry %d is not included in %s size %d: %v", index, cp.origin, cp.size, err)
	}
	fmt.Printf("ok: entry %d (%d bytes) is in %s size %d, proof of %d hashes\n", index, len(entry), cp.origin, cp.size, len(proof))
	return nil
}

func runVerifyReceipt(args []string) error {
	data, err := os.ReadFile(args[0])
	if err != nil {
		return failf("receipt: %v", err)
	}
	entry, err := os.ReadFile(args[2])
	if err != nil {
		return failf("entry: %v", err)
	}
	r, err := parseReceipt(data)
	if err != nil {
		return err
	}
	cp, err := openCheckpointBytes(r.checkpoint, args[1])
	if err != nil {
		return err
	}
	if r.index >= cp.size {
		return failf("receipt index %d is not below the tree size %d", r.index, cp.size)
	}
	if err := tlog.CheckRecord(r.proof, cp.size, cp.root, r.index, tlog.RecordHash(entry)); err != nil {
		return failf("receipt does not prove entry %d in %s size %d: %v", r.index, cp.origin, cp.size, err)
	}
	fmt.Printf("ok: receipt proves entry %d (%d bytes) in %s size %d\n", r.index, len(entry), cp.origin, cp.size)
	return nil
}
