#!/usr/bin/env bash
# `outcomes serve` under wrk, beside nginx serving the same ledger's exported tiles, in one run.
#
# Builds the CLI in Release, makes the demo ledger, exports its tiles, starts `outcomes serve` and a throwaway nginx
# (loopback, its own config and temp folder), checks that both serve the same tile bytes, then runs wrk against
# each URL, nginx and the server interleaved, ROUNDS times, and prints requests/s, p99 and the ratio to nginx. For the
# commitment page and the scorecard JSON, nginx serves the server's own bytes saved to a file: not the same work, but
# what the same bytes cost over the same loopback on the same loaded cores, beside the server's p99.
#
#   benchmarks/server/run.sh                     # defaults: 2 rounds, wrk -t2 -c50 -d15s --latency
#   ROUNDS=3 DURATION=10s NGINX_WORKERS=1 benchmarks/server/run.sh
#
# Needs wrk, nginx and curl (Debian: apt-get install wrk nginx-light curl) and the .NET 10 SDK.
set -euo pipefail

ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-5s}
SERVER_PORT=${SERVER_PORT:-47391}
NGINX_PORT=${NGINX_PORT:-47392}
# nginx as Debian ships it uses one worker per core ("auto"); NGINX_WORKERS=1 gives it a single core.
NGINX_WORKERS=${NGINX_WORKERS:-auto}

for tool in wrk nginx curl dotnet; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is not installed" >&2; exit 2; }
done

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/outcomes-server-bench.XXXXXX)
# nginx's workers drop root (to www-data or nobody) and must read the exported tiles.
chmod 755 "$work"
server_pid=""
nginx_pid=""
cleanup() {
    # wait returns the killed process's status: never let set -e stop the cleanup half-way.
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    if [[ -n "$nginx_pid" ]]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

for port in "$SERVER_PORT" "$NGINX_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "run.sh: 127.0.0.1:$port is already in use (SERVER_PORT, NGINX_PORT choose others)" >&2
        exit 2
    fi
done

echo "# build (Release)" >&2
dotnet build "$repo/src/OutcomeLedger.Cli/OutcomeLedger.Cli.csproj" -c Release -v quiet -nologo >"$work/build.log" \
    || { cat "$work/build.log" >&2; exit 1; }
outcomes="$repo/src/OutcomeLedger.Cli/bin/Release/net10.0/outcomes"

echo "# demo ledger and exported tiles" >&2
"$outcomes" demo --out "$work/demo" >"$work/demo.log"
"$outcomes" log export-tiles "$work/tiles" --ledger "$work/demo" >"$work/export.log"

echo "# start outcomes serve on 127.0.0.1:$SERVER_PORT and nginx on 127.0.0.1:$NGINX_PORT" >&2
"$outcomes" serve --ledger "$work/demo" --urls "http://127.0.0.1:$SERVER_PORT" >"$work/serve.log" 2>&1 &
server_pid=$!
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes $NGINX_WORKERS;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $work/tiles;
        default_type application/octet-stream;
        add_header Cache-Control "public, max-age=31536000, immutable";
        # The server's own page and scorecard bytes, saved once: what the same bytes cost as a static file.
        location /static/ { alias $work/static/; }
    }
}
EOF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!

server="http://127.0.0.1:$SERVER_PORT"
nginx="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 100); do
    curl -sf "$server/checkpoint" >/dev/null && curl -sf "$nginx/checkpoint" >/dev/null && break
    sleep 0.2
done

tile=tile/0/000
bundle=tile/entries/000
commitment=${COMMITMENT:-prevent-synthetic-drug-harm}
agreement=${AGREEMENT:-us-mx-security}
page="commitments/$commitment"
scorecard="api/scorecard?agreement=$agreement"

# The same bytes from both, and every URL answers 200, before anything is measured.
for path in "$tile" "$bundle"; do
    curl -sf "$server/$path" -o "$work/server.bin" || { echo "run.sh: $server/$path does not answer 200" >&2; exit 1; }
    cmp -s "$work/server.bin" "$work/tiles/$path" || { echo "run.sh: $path differs from the exported file" >&2; exit 1; }
    curl -sf "$nginx/$path" -o "$work/nginx.bin" || { echo "run.sh: $nginx/$path does not answer 200" >&2; exit 1; }
    cmp -s "$work/nginx.bin" "$work/tiles/$path" || { echo "run.sh: nginx's $path differs from the exported file" >&2; exit 1; }
done
mkdir -p "$work/static"
for path in checkpoint "$page" "$scorecard"; do
    curl -sf "$server/$path" -o /dev/null || { echo "run.sh: $server/$path does not answer 200" >&2; exit 1; }
done
curl -sf "$server/$page" -o "$work/static/page.html"
curl -sf "$server/$scorecard" -o "$work/static/scorecard.json"
chmod -R a+rX "$work/static"

# wrk's "Requests/sec" and its 99% latency in milliseconds; "!" after the rate if any answer was not 2xx/3xx.
measure() {
    local url=$1 duration=$2 out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "$url")
    awk '
        /Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { bad = $5 }
        /^ +99%/ {
            v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
            p99 = unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : unit == "m" ? v * 60000 : v
        }
        END { printf "%.0f%s %.2f\n", rps, (bad > 0 ? "!" : ""), p99 }' <<<"$out"
}

names=(tile bundle checkpoint page scorecard)
declare -A server_path=([tile]=$tile [bundle]=$bundle [checkpoint]=checkpoint [page]=$page [scorecard]=$scorecard)
declare -A nginx_path=([tile]=$tile [bundle]=$bundle [checkpoint]=checkpoint [page]=static/page.html [scorecard]=static/scorecard.json)
declare -A label=(
    [tile]="\`$tile\` (full hash tile, 8 KiB)"
    [bundle]="\`$bundle\` (full entry bundle, $(wc -c <"$work/tiles/$bundle") bytes)"
    [checkpoint]="\`/checkpoint\`"
    [page]="commitment page \`/$page\` ($(wc -c <"$work/static/page.html") bytes; nginx: the same bytes as a file)"
    [scorecard]="scorecard JSON \`/$scorecard\` ($(wc -c <"$work/static/scorecard.json") bytes; nginx: the same bytes as a file)")

echo "# warm-up ($WARMUP each)" >&2
for name in "${names[@]}"; do
    measure "$server/${server_path[$name]}" "$WARMUP" >/dev/null
done
measure "$nginx/$tile" "$WARMUP" >/dev/null

load_before=$(uptime)
declare -A results
for round in $(seq "$ROUNDS"); do
    for name in "${names[@]}"; do
        if [[ -n "${nginx_path[$name]:-}" ]]; then
            echo "# round $round: nginx $name" >&2
            results[$round,nginx,$name]=$(measure "$nginx/${nginx_path[$name]}" "$DURATION")
        fi
        echo "# round $round: server $name" >&2
        results[$round,server,$name]=$(measure "$server/${server_path[$name]}" "$DURATION")
    done
done
load_after=$(uptime)

echo
echo "ledger: $(cat "$work/export.log")"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS rounds interleaved; nginx worker_processes $NGINX_WORKERS; $(nproc) cores"
echo "load before: ${load_before##*load average: }; after: ${load_after##*load average: }"
echo
echo "Each round:"
echo
echo "| request | round | server req/s | server p99 | nginx req/s | nginx p99 | server / nginx |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in "${names[@]}"; do
    for round in $(seq "$ROUNDS"); do
        read -r s_rps s_p99 <<<"${results[$round,server,$name]}"
        if [[ -n "${results[$round,nginx,$name]:-}" ]]; then
            read -r n_rps n_p99 <<<"${results[$round,nginx,$name]}"
            ratio=$(awk -v s="${s_rps%!}" -v n="${n_rps%!}" 'BEGIN { printf "%.2f", (n > 0 ? s / n : 0) }')
            echo "| ${label[$name]} | $round | $s_rps | $s_p99 ms | $n_rps | $n_p99 ms | $ratio |"
        else
            echo "| ${label[$name]} | $round | $s_rps | $s_p99 ms | — | — | — |"
        fi
    done
done

echo
echo "Medians over the rounds (the ratio is the median of the rounds' ratios):"
# Medians over the rounds: one busy moment moves a single round a lot on a shared machine.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo
echo "| request | server req/s | server p99 | nginx req/s | nginx p99 | server / nginx |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for name in "${names[@]}"; do
    s_rps=$(for r in $(seq "$ROUNDS"); do read -r a _ <<<"${results[$r,server,$name]}"; echo "${a%!}"; done | median)
    s_p99=$(for r in $(seq "$ROUNDS"); do read -r _ b <<<"${results[$r,server,$name]}"; echo "$b"; done | median)
    n_rps=$(for r in $(seq "$ROUNDS"); do read -r a _ <<<"${results[$r,nginx,$name]}"; echo "${a%!}"; done | median)
    n_p99=$(for r in $(seq "$ROUNDS"); do read -r _ b <<<"${results[$r,nginx,$name]}"; echo "$b"; done | median)
    ratio=$(for r in $(seq "$ROUNDS"); do
        read -r a _ <<<"${results[$r,server,$name]}"; read -r b _ <<<"${results[$r,nginx,$name]}"
        awk -v s="${a%!}" -v n="${b%!}" 'BEGIN { printf "%.2f\n", (n > 0 ? s / n : 0) }'
    done | median)
    printf '| %s | %.0f | %.1f ms | %.0f | %.1f ms | %.2f |\n' "${label[$name]}" "$s_rps" "$s_p99" "$n_rps" "$n_p99" "$ratio"
done
