#!/usr/bin/env bash
# Publishes the Native AOT `outcomes` into OUT, and the ReadyToRun `outcomes-server` (the same program with the
# ASP.NET Core server in) into OUT/server, where the AOT program's `serve` hands over to it (docs/deploy/install.md,
# docs/architecture.md "a Native AOT `outcomes` hands `serve` to `outcomes-server`").
#
#   scripts/publish-aot.sh [OUT] [RID]        OUT default ./outcomes-aot, RID default linux-x64
#
# Needs a C toolchain and zlib for the native link (Debian: apt-get install clang lld zlib1g-dev; gcc also links). Trim and AOT warnings
# are errors, as every warning is in this build: a binary built with them allowed could print wrong --json output.
# Extra arguments for both publishes can be passed in PUBLISH_ARGS (e.g. PUBLISH_ARGS="-p:Version=1.2.3").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-./outcomes-aot}"
rid="${2:-linux-x64}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
read -r -a extra <<<"${PUBLISH_ARGS:-}"

if ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
    echo "publish-aot: no C toolchain for the native link (Debian: apt-get install clang lld zlib1g-dev)" >&2
    exit 2
fi

echo "== Native AOT outcomes -> $out"
dotnet publish "$root/src/OutcomeLedger.Cli" -c Release -r "$rid" -p:PublishAot=true \
    -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true -p:SuppressTrimAnalysisWarnings=false \
    -o "$out" "${extra[@]}"

# The server: the same project with the server in (PublishAot unset), its assembly named outcomes-server
# (OutcomesServer=true, in the project) so its apphost and its dll carry one name: a renamed apphost would still look
# for outcomes.dll.
echo "== ReadyToRun outcomes-server -> $out/server"
rm -rf "$out/server"
dotnet publish "$root/src/OutcomeLedger.Cli" -c Release -r "$rid" --self-contained true \
    -p:PublishReadyToRun=true -p:OutcomesServer=true \
    -o "$out/server" "${extra[@]}"

# Debug symbols are not shipped beside the program.
rm -f "$out"/*.dbg "$out"/*.pdb
echo "== published: $out/outcomes (Native AOT) and $out/server/outcomes-server (ReadyToRun)"
