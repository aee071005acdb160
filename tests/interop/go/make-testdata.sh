#!/usr/bin/env bash
# Regenerates tests/OutcomeLedger.Core.Tests/TestData/go-tlog{,-extra}/ with tlogcheck (Go x/mod 0.7.0).
# Everything is deterministic (fixed seeds, fixed timestamp, Ed25519), so a rerun gives identical bytes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../../OutcomeLedger.Core.Tests/TestData"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$here" && GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local GOCACHE="$tmp/gocache" go build -o "$tmp/tlogcheck" .)
t="$tmp/tlogcheck"

log_seed=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
witness_seed=202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f
"$t" genkey example.com/go-tlog "$log_seed" > "$tmp/keys"
skey=$(sed -n 1p "$tmp/keys")
vkey=$(sed -n 2p "$tmp/keys")

# Keep go-tlog/README.md; replace everything Go writes.
rm -rf "$data/go-tlog/tile" "$data/go-tlog/checkpoint" "$data/go-tlog-extra"
"$t" mklog "$data/go-tlog" 300 outcomeledger-go-tlog "$skey"
"$t" verify-tiles "$data/go-tlog" "$vkey"

extra="$data/go-tlog-extra"
mkdir -p "$extra"
"$t" prove "$data/go-tlog" 123 > "$extra/entry-123.tlog-proof"
"$t" cosign "$data/go-tlog/checkpoint" "$witness_seed" witness.example.com/w1 1767225600 > "$tmp/cosign"
{ cat "$data/go-tlog/checkpoint"; sed -n 1p "$tmp/cosign"; } > "$extra/checkpoint-cosigned"
sed -n 2p "$tmp/cosign" > "$extra/witness.vkey"
echo "$vkey" > "$extra/log.vkey"
printf 'OutcomeLedger interop note\nsigned by Go golang.org/x/mod/sumdb/note\n' > "$tmp/text"
"$t" sign-note "$skey" "$tmp/text" > "$extra/note.signed"
"$t" mklog "$tmp/log-100" 100 outcomeledger-go-tlog "$skey" >/dev/null
cp "$tmp/log-100/checkpoint" "$extra/checkpoint-100"
"$t" prove-consistency "$data/go-tlog" 100 > "$extra/add-checkpoint-100-to-300"
"$t" verify-consistency "$extra/add-checkpoint-100-to-300" "$vkey" "$extra/checkpoint-100"
"$t" treehash-bench 1000 | sed 's/ ns=.*//' > "$extra/treehash-1000.txt"
echo "log vkey: $vkey"
echo "witness vkey: $(cat "$extra/witness.vkey")"
