#!/usr/bin/env bash
# bench/reports/speed.sh: `atti report` against `atti export` of the same
# rows (issue 25: target at most 2x). Generates N documents with
# tools/examples/gen_corpus (cached), ingests them, then times
#   atti export decisions --out decisions.csv
#   atti report bench/reports/all-decisions.toml --out report.csv
# (every decision, the export's columns plus a code map and a sum over the
# acts sharing a CIG), best of 3 runs each, and prints the ratio.
#
# Environment: N=100000 (documents), SEED=1, BENCH_DIR=/tmp/atti-bench,
# ATTI=PATH (else target/release/atti), GEN=PATH (the gen_corpus binary).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${N:-100000}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-/tmp/atti-bench}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
ATTI=${ATTI:-$TARGET/release/atti}
GEN=${GEN:-$TARGET/release/examples/gen_corpus}
[ -x "$ATTI" ] || (cd "$ROOT" && cargo build --release --bin atti >&2)
[ -x "$GEN" ] || (cd "$ROOT" && cargo build --release -p atti-dev --example gen_corpus >&2)
DIR="$BENCH_DIR/corpus-$N-$SEED"
if [ ! -f "$DIR/manifest.jsonl" ]; then
    "$GEN" --docs "$N" --out "$DIR" --seed "$SEED" >&2
fi
IDX="$BENCH_DIR/reports-index-$N-$SEED"
if [ ! -f "$IDX/meta.json" ]; then
    "$ATTI" ingest "$DIR" --index "$IDX" >&2
fi
best() {
    local best=""
    for _ in 1 2 3; do
        local s e t
        s=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}
OUT="$BENCH_DIR/reports-out"
mkdir -p "$OUT"
export_s=$(best "$ATTI" export decisions --index "$IDX" --out "$OUT/decisions.csv")
report_s=$(best "$ATTI" report "$ROOT/bench/reports/all-decisions.toml" --index "$IDX" --out "$OUT/report.csv")
rows_export=$(($(wc -l < "$OUT/decisions.csv") - 1))
rows_report=$(($(wc -l < "$OUT/report.csv") - 1))
ratio=$(echo "scale=2; $report_s / $export_s" | bc)
echo "documents: $N; rows: export $rows_export, report $rows_report"
echo "atti export decisions: ${export_s} s; atti report all-decisions: ${report_s} s; ratio ${ratio}x (target <= 2x)"
