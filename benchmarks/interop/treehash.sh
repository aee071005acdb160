#!/usr/bin/env bash
# RFC 6962 tree hash of 1,000,000 leaves (leaf i = 8-byte big-endian i), timed on this machine by Go's
# golang.org/x/mod/sumdb/tlog (tests/interop/go, `tlogcheck treehash-bench`). The C# side, timed on the
# same leaves and checked against the same root, is added next to it by the lead.
#
# Needs: apt-get install golang-go golang-golang-x-mod-dev. Builds offline into a temporary directory.
# Usage: benchmarks/interop/treehash.sh [leaves] [runs]     (defaults: 1000000 3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
leaves=${1:-1000000}
runs=${2:-3}

command -v go >/dev/null || { echo "treehash.sh: go not installed (apt-get install golang-go golang-golang-x-mod-dev)" >&2; exit 3; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$here/../../tests/interop/go" && GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local GOCACHE="$tmp/gocache" \
    go build -o "$tmp/tlogcheck" .)

# One line per run: go leaves=<n> root=<hex> ns=<elapsed>; then the fastest run.
best=
for _ in $(seq "$runs"); do
    line=$("$tmp/tlogcheck" treehash-bench "$leaves")
    echo "go $line"
    ns=${line##*ns=}
    if [[ -z $best || $ns -lt $best ]]; then best=$ns; fi
done
awk -v ns="$best" -v n="$leaves" 'BEGIN { printf "go best: %.1f ms for %d leaves (%.0f ns/leaf)\n", ns / 1e6, n, ns / n }'

# C# side (lead): time OutcomeLedger's tree hash over the same leaves, print "csharp leaves=... root=... ns=...",
# and fail if its root differs from Go's.
