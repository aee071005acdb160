#!/usr/bin/env bash
# Made tests/Fixtures/ledgers/2026-12-03-b9e99f2 on 2026-12-03 with the `outcomes` CLI of commit b9e99f2.
# Kept to say exactly how; never rerun it over an existing fixture (a fixture is never regenerated: a new release
# adds a new folder, made by a copy of this script).
#
# Run from the repository root, at b9e99f2:  tests/Fixtures/ledgers/make-2026-12-03.sh
# Needs the .NET 10 SDK, sqlite3, jq and python3.
set -euo pipefail

name=2026-12-03-b9e99f2
fixtures=tests/Fixtures/ledgers
out=$fixtures/$name
if [[ -e $out ]]; then
    echo "$out exists: a fixture is never regenerated" >&2
    exit 1
fi

dotnet build src/OutcomeLedger.Cli --nologo -v quiet
cli=$PWD/src/OutcomeLedger.Cli/bin/Debug/net10.0/outcomes
keytool=$PWD/$fixtures/make-2026-12-03-key.cs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
L=$work/ledger
outcomes() { "$cli" "$@" --ledger "$L"; }

# 1. The demo: every kind but key records, from the shipped CBP, CDC and Mexican data (274 entries).
"$cli" demo --out "$L"
rm -rf "$L/tiles" "$L"/scorecard.*

# 2. Key records (no command writes them at b9e99f2): us adds a second key, then revokes its first with the second.
outcomes key generate --out "$L/keys/us-2.key"
dotnet run "$keytool" -- "$L" us "$L/keys/us.key" us add "$L/keys/us-2.key"
dotnet run "$keytool" -- "$L" us "$L/keys/us-2.key" us revoke "$L/keys/us.key"
# The revoked key signs nothing more.
if outcomes measure add sw-border-fentanyl-seizures --period 2025-12 --value 1 --dataset x --as us --key "$L/keys/us.key" 2>/dev/null; then
    echo "a revoked key was accepted" >&2
    exit 1
fi

# Every later entry is recorded at least a second after the key records, so the last entry by recordedAt is not one.
sleep 2

entry() { outcomes measure list --indicator "$1" --period "$2" --json | jq -er '.[0].entry'; }

# 3. A disaggregated indicator, and values with dimensions, evidence and a provisional flag.
outcomes indicator add sw-border-fentanyl-by-component --commitment halt-fentanyl-trafficking \
    --name "Fentanyl seized at the southwest land border, by CBP component" --unit lb --measure-type amount --direction down \
    --period-type month --aggregation sum --reporter us --dimension component=ofo,usbp \
    --data-source "U.S. CBP Nationwide Drug Seizures" --caveat "Fixture data: the values are illustrative, not CBP's." \
    --as us --key "$L/keys/us-2.key"
printf 'Fixture evidence: OFO seizure log, October 2026 (illustrative).\n' > "$work/ofo-2026-10.txt"
outcomes measure add sw-border-fentanyl-by-component --period 2026-10 --dim component=ofo --value 512.5 \
    --dataset "U.S. CBP Nationwide Drug Seizures" --url https://www.cbp.gov/document/stats/nationwide-drug-seizures \
    --evidence "$work/ofo-2026-10.txt" --provisional --note "Fiscal year to date: to be revised" --as us --key "$L/keys/us-2.key"
outcomes measure add sw-border-fentanyl-by-component --period 2026-10 --dim component=usbp --value 88 \
    --dataset "U.S. CBP Nationwide Drug Seizures" --as us --key "$L/keys/us-2.key"

# 4. A correction that supersedes a value.
corrected=$(entry sw-border-fentanyl-seizures 2025-12)
outcomes measure add sw-border-fentanyl-seizures --period 2025-12 --value 851.25 --supersedes "$corrected" \
    --note "Revised after CBP's monthly update" --dataset "U.S. CBP Nationwide Drug Seizures" --as us --key "$L/keys/us-2.key"

# 5. Attestations: a dispute with a figure and evidence, a verification, a failed verification, a resolution (last).
disputed=$(entry sw-border-fentanyl-seizures 2025-11)
printf 'Fixture evidence: our count of November 2025 (illustrative).\n' > "$work/mx-count-2025-11.txt"
outcomes attest "$disputed" --verdict disputed --figure 1450 --reason "Our count of the same month is lower" \
    --evidence "$work/mx-count-2025-11.txt" --as mx --key "$L/keys/mx.key"
outcomes attest "$(entry sw-border-fentanyl-seizures 2025-10)" --verdict verified --as verifier --key "$L/keys/verifier.key"
outcomes attest "$(entry sw-border-fentanyl-seizures 2025-09)" --verdict verification-failed \
    --reason "The published table could not be matched" --as verifier --key "$L/keys/verifier.key"
outcomes attest "$disputed" --verdict resolved --figure 1480 --reason "Joint review of both counts" \
    --as verifier --key "$L/keys/verifier.key"

# 6. The expected outputs, and the tiles.
outcomes log export-tiles "$L/tiles"
outcomes scorecard --format json --out "$work/scorecard.json"
outcomes scorecard --format md --lang en --out "$work/scorecard.en.md"
outcomes scorecard --format md --lang es --out "$work/scorecard.es.md"
# sha256 names the machine's SHA-256 implementation: volatile, dropped.
outcomes log verify --json | jq 'del(.sha256)' > "$work/log-verify.json"
"$cli" log verify-tiles "$L/tiles" --key "$(cat "$L/keys/log.vkey")"

# 7. The WAL checkpointed into ledger.db; no -wal or -shm file is kept.
sqlite3 "$L/ledger.db" 'PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null
if compgen -G "$L/ledger.db-*" > /dev/null; then
    echo "ledger.db still has a -wal or -shm file" >&2
    exit 1
fi

# 8. The last entry by recordedAt is not a key record, and no key record shares its time.
python3 - "$L/ledger.db" <<'EOF'
import base64, json, sqlite3, sys
rows = [json.loads(base64.b64decode(json.loads(d)["payload"])) for (d,) in sqlite3.connect(sys.argv[1]).execute("select data from leaves order by idx")]
latest = max(r["recordedAt"] for r in rows)
assert all(r["kind"] != "key" for r in rows if r["recordedAt"] == latest), "a key record is among the latest entries"
print(f"{len(rows)} entries; latest recordedAt {latest}")
EOF

mkdir -p "$out"
cp -a "$L/ledger.json" "$L/ledger.db" "$L/keys" "$L/tiles" "$out/"
if [[ -d $L/blobs ]]; then cp -a "$L/blobs" "$out/"; fi
cp "$work"/scorecard.json "$work"/scorecard.en.md "$work"/scorecard.es.md "$work"/log-verify.json "$out/"

# 9. The committed folder reproduces its outputs (on a copy: reading would leave -wal/-shm files in the fixture).
check=$work/check
cp -a "$out" "$check"
"$cli" scorecard --format json --out "$work/again.json" --ledger "$check"
cmp "$work/again.json" "$out/scorecard.json"
du -sh "$out"
