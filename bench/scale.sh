#!/usr/bin/env bash
# bench/scale.sh: beyond one machine (issue 26), on this one.
#
#   1. generates N documents with tools/examples/gen_corpus (cached in
#      $BENCH_DIR by N and seed, as bench/ingest.sh does);
#   2. ingests them as SHARDS shards (`atti ingest --shard I/SHARDS`), one
#      after the other, each with every core, as a batch engine would run
#      them on as many machines; their times are summed ("ingest s");
#   3. merges the shards (`atti merge`): wall time, peak memory (largest
#      resident set, /usr/bin/time -v), and its time as a percentage of the
#      ingest (target: at most 20%);
#   4. times 1000 two-word queries over the merged index in process
#      (benches/search_latency.rs --index): p50 and p95 (target p95 < 50 ms);
#   5. with WHOLE=1, also ingests the corpus in one run and prints that
#      time beside the shards' sum.
# It ends with a Markdown table (also in $BENCH_DIR/scale-N.md).
#
# Environment: N=100000 (1000000 for the issue's full run: on a quiet
# 2-core machine about 30 minutes to generate the 22.6 GB corpus, once, and
# about 35 minutes of shard ingest; 33 GB of disk), SHARDS=8, SEED=1,
# BENCH_DIR=/tmp/atti-bench, ATTI=PATH (a built binary), WHOLE=1.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${N:-100000}
SHARDS=${SHARDS:-8}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-/tmp/atti-bench}
WHOLE=${WHOLE:-0}
mkdir -p "$BENCH_DIR"
say() { printf '%s\n' "$*" >&2; }
[ -x /usr/bin/time ] || { say "bench: /usr/bin/time missing (apt-get install time)"; exit 2; }

source "$ROOT/bench/scale/binaries.sh"

DIR="$BENCH_DIR/corpus-$N-$SEED"
if [ ! -f "$DIR/manifest.jsonl" ]; then
    say "bench: generating $N documents in $DIR"
    rm -rf "$DIR"
    "$GEN" --docs "$N" --out "$DIR" --seed "$SEED" >&2
fi
WORK="$BENCH_DIR/scale-$N"
rm -rf "$WORK"
mkdir -p "$WORK"

now() { echo "${EPOCHREALTIME/./}"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e6 }'; }

INGEST_S=0
for ((i = 0; i < SHARDS; i++)); do
    t0=$(now)
    "$ATTI" ingest "$DIR" --root "$DIR" --shard "$i/$SHARDS" --index "$WORK/shard-$i" --ocr off --json >"$WORK/shard-$i.json" 2>/dev/null
    t1=$(now)
    s=$(secs "$t0" "$t1")
    say "  shard $i/$SHARDS: $s s, $(grep -o '"documents_in_index":[0-9]*' "$WORK/shard-$i.json" | cut -d: -f2) documents"
    INGEST_S=$(awk -v a="$INGEST_S" -v b="$s" 'BEGIN { printf "%.2f", a + b }')
done

t0=$(now)
/usr/bin/time -v -o "$WORK/merge.time" "$ATTI" merge "$WORK"/shard-*/ --index "$WORK/merged" --json >"$WORK/merge.json"
t1=$(now)
MERGE_S=$(secs "$t0" "$t1")
MERGE_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/merge.time")
MERGE_PCT=$(awk -v a="$MERGE_S" -v b="$INGEST_S" 'BEGIN { printf "%.1f", 100 * a / b }')
DOCS=$(grep -o '"documents":[0-9]*' "$WORK/merge.json" | cut -d: -f2)
INDEX_MB=$(du -sm "$WORK/merged" | cut -f1)
say "  merge: $MERGE_S s ($MERGE_PCT% of the shards' ingest), peak $MERGE_MB MB, $DOCS documents, $INDEX_MB MB"

LAT=$(cd "$ROOT" && cargo bench --bench search_latency -- --index "$WORK/merged" 2>/dev/null)
P50=$(echo "$LAT" | awk '/latency p50/ { print $3 }')
P95=$(echo "$LAT" | awk '/latency p95/ { print $3 }')
say "  search on the merged index: p50 $P50 ms, p95 $P95 ms"

WHOLE_S="-"
if [ "$WHOLE" = 1 ]; then
    t0=$(now)
    "$ATTI" ingest "$DIR" --root "$DIR" --index "$WORK/whole" --ocr off --json >/dev/null 2>&1
    t1=$(now)
    WHOLE_S=$(secs "$t0" "$t1")
fi

{
    echo "| Documents | Shards | Ingest s (sum of shards) | One ingest s | Merge s | Merge % of ingest | Merge peak MB | Merged index MB | Search p50 / p95 ms |"
    echo "|---|---|---|---|---|---|---|---|---|"
    echo "| $DOCS | $SHARDS | $INGEST_S | $WHOLE_S | $MERGE_S | $MERGE_PCT | $MERGE_MB | $INDEX_MB | $P50 / $P95 |"
} | tee "$BENCH_DIR/scale-$N.md"
