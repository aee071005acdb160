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

// c2sp.org/tlog-witness add-checkpoint: at most 63 consistency proof lines.
const maxConsistencyLines = 63

type addCheckpoint struct {
	oldSize    int64
	proof      tlog.TreeProof
	checkpoint []byte // the signed checkpoint, verbatim
}

// parseAddCheckpoint parses a c2sp.org/tlog-witness add-checkpoint request body: "old <size>", the
// RFC 6962 consistency proof one base64 hash per line, an empty line, then the signed checkpoint.
func parseAddCheckpoint(data []byte) (addCheckpoint, error) {
	split := bytes.Index(data, []byte("\n\n"))
	if split < 0 {
		return addCheckpoint{}, failf("add-checkpoint body has no empty line before the checkpoint")
	}
	lines := strings.Split(string(data[:split]), "\n")
	if !strings.HasPrefix(lines[0], "old ") {
		return addCheckpoint{}, failf("add-checkpoint body has no old size line")
	}
	text := strings.TrimPrefix(lines[0], "old ")
	old, err := strconv.ParseInt(text, 10, 64)
	if err != nil || old < 0 || strconv.FormatInt(old, 10) != text {
		return addCheckpoint{}, failf("old size %q is not a decimal without leading zeroes", text)
	}
	if len(lines)-1 > maxConsistencyLines {
		return addCheckpoint{}, failf("%d consistency proof lines, at most %d allowed", len(lines)-1, maxConsistencyLines)
	}
	r := addCheckpoint{oldSize: old, checkpoint: data[split+2:]}
	for i, line := range lines[1:] {
		h, err := base64.StdEncoding.Strict().DecodeString(line)
		if err != nil || len(h) != tlog.HashSize {
			return addCheckpoint{}, failf("consistency proof line %d %q is not the base64 of 32 bytes", i+1, line)
		}
		var hash tlog.Hash
		copy(hash[:], h)
		r.proof = append(r.proof, hash)
	}
	return r, nil
}

func runProveConsistency(args []string) error {
	dir := args[0]
	old, err := parseIndex(args[1])
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
	if old > cp.size {
		return failf("old size %d is above the tree size %d", old, cp.size)
	}
	var proof tlog.TreeProof
	// The proof is empty from size 0 (c2sp.org/tlog-witness) and between equal sizes (RFC 9162 §2.1.4).
	if old > 0 && old < cp.size {
		r := tlog.TileHashReader(tlog.Tree{N: cp.size, Hash: cp.root}, dirTiles{dir})
		if proof, err = tlog.ProveTree(cp.size, old, r); err != nil {
			return failf("consistency proof from size %d: %v", old, err)
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "old %d\n", old)
	for _, h := range proof {
		fmt.Fprintf(&b, "%s\n", b64(h))
	}
	b.WriteString("\n")
	b.Write(signed)
	_, err = os.Stdout.Write(b.Bytes())
	return err
}

func runVerifyConsistency(args []string) error {
	if len(args) < 2 || len(args) > 3 {
		return usagef("want <add-checkpoint-file> <vkey> [old-checkpoint-file]")
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		return failf("add-checkpoint body: %v", err)
	}
	req, err := parseAddCheckpoint(data)
	if err != nil {
		return err
	}
	cp, err := openCheckpointBytes(req.checkpoint, args[1])
	if err != nil {
		return err
	}
	if req.oldSize > cp.size {
		return failf("old size %d is above the checkpoint size %d", req.oldSize, cp.size)
	}
	if req.oldSize == 0 {
		if len(req.proof) != 0 {
			return failf("consistency proof from size 0 has %d lines, want none", len(req.proof))
		}
		fmt.Printf("ok: %s size %d, first checkpoint\n", cp.origin, cp.size)
		return nil
	}
	if len(args) < 3 {
		return usagef("old size %d needs the old checkpoint file", req.oldSize)
	}
	old, err := openCheckpoint(args[2], args[1])
	if err != nil {
		return failf("old %v", err)
	}
	if old.origin != cp.origin {
		return failf("old checkpoint origin %q, new %q", old.origin, cp.origin)
	}
	if old.size != req.oldSize {
		return failf("old size line says %d, old checkpoint has size %d", req.oldSize, old.size)
	}
	if old.size == cp.size {
		if len(req.proof) != 0 || old.root != cp.root {
			return failf("same size %d but roots %s and %s or a non-empty proof", cp.size, b64(old.root), b64(cp.root))
		}
	} else if err := tlog.CheckTree(req.proof, cp.size, cp.root, old.size, old.root); err != nil {
		return failf("size %d is not consistent with size %d: %v", cp.size, old.size, err)
	}
	fmt.Printf("ok: %s size %d is consistent with size %d, proof of %d hashes\n", cp.origin, cp.size, old.size, len(req.proof))
	return nil
}
