#!/usr/bin/env bash
# RFC 6962 tree hash of 1,000,000 leaves (leaf i = 8-byte big-endian i), timed on this machine by Go's
# golang.org/x/mod/sumdb/tlog (tests/interop/go, `tlogcheck treehash-bench`) and by OutcomeLedger's MerkleTree
# (benchmarks/OutcomeLedger.Benchmarks `treehash <n>`), runs interleaved (go, C#, go, C#, ...) so that both see the
# same machine load. Fails if the roots differ. Prints the best time of each and the ratio go/C# (above 1.0: ours
# is faster).
#
# Needs: apt-get install golang-go golang-golang-x-mod-dev, and the .NET SDK. Builds offline into a temporary directory.
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

dotnet build -c Release --nologo -v quiet -o "$tmp/cs" "$here/../OutcomeLedger.Benchmarks/OutcomeLedger.Benchmarks.csproj" >/dev/null

# One line per run: "go leaves=<n> root=<hex> ns=<elapsed>" and "csharp leaves=<n> root=<hex> ns=<elapsed>".
go_best=
cs_best=
for _ in $(seq "$runs"); do
    line=$("$tmp/tlogcheck" treehash-bench "$leaves")
    echo "go $line"
    go_root=${line#*root=}; go_root=${go_root%% *}
    ns=${line##*ns=}
    if [[ -z $go_best || $ns -lt $go_best ]]; then go_best=$ns; fi

    line=$(dotnet "$tmp/cs/OutcomeLedger.Benchmarks.dll" treehash "$leaves")
    echo "$line"
    cs_root=${line#*root=}; cs_root=${cs_root%% *}
    ns=${line##*ns=}
    if [[ -z $cs_best || $ns -lt $cs_best ]]; then cs_best=$ns; fi

    if [[ $go_root != "$cs_root" ]]; then
        echo "treehash.sh: roots differ: go $go_root, csharp $cs_root" >&2
        exit 1
    fi
done
awk -v g="$go_best" -v c="$cs_best" -v n="$leaves" 'BEGIN {
    printf "go best:     %.1f ms for %d leaves (%.0f ns/leaf)\n", g / 1e6, n, g / n
    printf "csharp best: %.1f ms for %d leaves (%.0f ns/leaf)\n", c / 1e6, n, c / n
    printf "ratio go/csharp: %.2f (above 1.0: ours is faster)\n", g / c
}'
