#!/usr/bin/env bash
# bench/web/load.sh: the load benchmark of `atti serve` (issue 19).
#
# Generates DOCS documents with tools/examples/gen_corpus (as bench/ingest.sh
# does; cached in $BENCH_DIR by size and seed), ingests them (an index kept
# there is brought up to date, which costs little when nothing changed),
# starts `atti serve` on a loopback port, and sends REQUESTS requests from
# CLIENTS concurrent clients (tools/examples/web_load.rs: plain HTTP/1.1,
# a new connection each) to the search page: two-word queries, some with
# a filter, a date sort or a second page (100 addresses in turn; no
# result is cached by the server, so each request is a whole search). Prints p50/p90/p95/p99 latency
# and the errors; the target is p95 < 50 ms and no error in 10 000
# requests at 100 000 documents with 16 clients. Exit code 1 when a
# request failed or the target is missed.
#
# Environment:
#   DOCS=100000  REQUESTS=10000  CLIENTS=16  SEED=1  PORT=18731
#   BENCH_DIR=DIR   work folder [/tmp/atti-web-bench]
#   ATTI=PATH       an atti binary instead of building one
# Traffic goes to 127.0.0.1 only; the client refuses any other address.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DOCS=${DOCS:-100000}
REQUESTS=${REQUESTS:-10000}
CLIENTS=${CLIENTS:-16}
SEED=${SEED:-1}
PORT=${PORT:-18731}
BENCH_DIR=${BENCH_DIR:-/tmp/atti-web-bench}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
mkdir -p "$BENCH_DIR"
say() { printf '%s\n' "$*" >&2; }

(cd "$ROOT" && cargo build --release --bin atti >&2 && cargo build --release -p atti-dev --example gen_corpus --example web_load >&2)
ATTI=${ATTI:-$TARGET/release/atti}
GEN=$TARGET/release/examples/gen_corpus
LOADER=$TARGET/release/examples/web_load

DIR="$BENCH_DIR/corpus-$DOCS-s$SEED"
if [ ! -f "$DIR/.complete" ]; then
    rm -rf "$DIR"
    say "load: generating $DOCS documents in $DIR"
    "$GEN" --docs "$DOCS" --out "$DIR" --seed "$SEED" >&2
    touch "$DIR/.complete"
fi
IDX="$BENCH_DIR/index-$DOCS-s$SEED"
say "load: ingest into $IDX"
t0=$(date +%s)
"$ATTI" ingest "$DIR" --index "$IDX" >&2
say "load: ingest took $(( $(date +%s) - t0 )) s"

PATHS="$BENCH_DIR/paths.txt"
: >"$PATHS"
QUERIES=(
    "bilancio+previsione" "refezione+scolastica" "piano+esecutivo" "gestione+associata"
    "impianti+sportivi" "raccolta+differenziata" "protocollo+informatico" "archivio+storico"
    "edilizia+privata" "verde+urbano" "prima+infanzia" "procedure+gara"
    "tributi+locali" "protezione+civile" "assistenza+domiciliare" "patrimonio+immobiliare"
    "giunta+comunale" "consiglio+comunale" "servizi+sociali" "lavori+pubblici"
)
for q in "${QUERIES[@]}"; do
    for extra in "" "&sort=date" "&page=2" "&kind=deliberation" "&from=2021-01-01&to=2023-12-31"; do
        echo "/search?q=$q$extra"
    done >>"$PATHS"
done
"$ATTI" serve --index "$IDX" --bind "127.0.0.1:$PORT" 2>"$BENCH_DIR/serve.err" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    sleep 0.1
done
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
say "load: warm-up (the index files into the page cache): 400 requests"
"$LOADER" --addr "127.0.0.1:$PORT" --requests 400 --clients "$CLIENTS" --paths "$PATHS" >/dev/null
say "load: $REQUESTS requests, $CLIENTS clients, $DOCS documents, load average before $LOAD"
set +e
OUT=$("$LOADER" --addr "127.0.0.1:$PORT" --requests "$REQUESTS" --clients "$CLIENTS" --paths "$PATHS")
CODE=$?
set -e
echo "$OUT"
P95=$(echo "$OUT" | sed -n 's/.* p95 \([0-9.]*\).*/\1/p')
STAMP=$(date -u +%Y-%m-%dT%H:%MZ)
HEAD=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "$STAMP commit $HEAD docs $DOCS $(echo "$OUT" | tr '\n' ' ')" >>"$BENCH_DIR/results.txt"
if [ "$CODE" -ne 0 ]; then say "load: errors"; exit 1; fi
if awk -v p="$P95" 'BEGIN { exit !(p < 50) }'; then
    say "load: p95 $P95 ms < 50 ms: target met"
else
    say "load: p95 $P95 ms: target (< 50 ms) missed"
    exit 1
fi
