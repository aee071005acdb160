package main

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"golang.org/x/mod/sumdb/tlog"
)

// benchLeaf is leaf i of treehash-bench: the 8-byte big-endian encoding of i.
func benchLeaf(i int64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(i))
	return b[:]
}

func runTreehashBench(args []string) error {
	n, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || n < 0 || n > 100_000_000 {
		return usagef("n %q is not an integer in 0..100000000", args[0])
	}
	start := time.Now()
	hashes := make(memoryHashes, 0, tlog.StoredHashCount(n))
	for i := int64(0); i < n; i++ {
		stored, err := tlog.StoredHashes(i, benchLeaf(i), &hashes)
		if err != nil {
			return err
		}
		hashes = append(hashes, stored...)
	}
	root, err := treeHash(n, &hashes)
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	fmt.Printf("leaves=%d root=%s ns=%d\n", n, hex.EncodeToString(root[:]), elapsed.Nanoseconds())
	return nil
}
