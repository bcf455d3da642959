#!/usr/bin/env bash
# bench/faults.sh: atti under faults, as a careless administrator and a bad
# day would have it.
#
#   1. generates a corpus (tools/examples/gen_corpus, N documents);
#   2. RUNS times: starts `atti ingest` on it, kills it (SIGKILL or SIGTERM,
#      alternately) at a random moment, and counts the worker processes the
#      killed ingest leaves running a second later;
#   3. ingests once more to the end and counts the documents the index holds
#      against the files of the corpus (lost), and the doc_ids and names that
#      appear twice (duplicates);
#   4. mounts a small tmpfs (root only), ingests into it until the disk is
#      full, and times how long atti takes to fail and whether it says so in
#      one line; then gives the disk room and checks the next run completes.
# It prints one table. Targets: 0 lost, 0 duplicates, 0 orphan workers,
# failing on a full disk in < 10 s.
#
# Environment: N=2000 (documents), RUNS=20, SEED=1, BENCH_DIR=/tmp/atti-faults,
# ATTI=PATH (a built binary; else `cargo build --release`).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${N:-2000}
RUNS=${RUNS:-20}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-/tmp/atti-faults}
mkdir -p "$BENCH_DIR"
say() { printf '%s\n' "$*" >&2; }

if [ -z "${ATTI:-}" ]; then
    (cd "$ROOT" && cargo build --release --bin atti >&2 && cargo build --release -p atti-dev --example gen_corpus >&2)
    ATTI="$ROOT/target/release/atti"
fi
GEN="$ROOT/target/release/examples/gen_corpus"
[ -x "$GEN" ] || (cd "$ROOT" && cargo build --release -p atti-dev --example gen_corpus >&2)

CORPUS="$BENCH_DIR/corpus-$N-$SEED"
if [ ! -d "$CORPUS" ]; then
    "$GEN" --docs "$N" --out "$CORPUS" --seed "$SEED" >&2
fi
FILES=$(find "$CORPUS" -type f \( -name '*.pdf' -o -name '*.txt' -o -name '*.html' \) | wc -l)

# Workers (`atti __worker`) whose parent is the given pid, or that lost
# their parent (reparented) and still run.
workers_of() {
    local parent=$1 n=0 pid ppid
    for d in /proc/[0-9]*; do
        pid=${d#/proc/}
        grep -qa -- "__worker" "$d/cmdline" 2>/dev/null || continue
        ppid=$(awk '{print $4}' "$d/stat" 2>/dev/null || echo 0)
        if [ "$ppid" = "$parent" ] || [ "$ppid" = 1 ]; then n=$((n + 1)); fi
    done
    echo "$n"
}

INDEX="$BENCH_DIR/index"
rm -rf "$INDEX"
orphans=0
for run in $(seq 1 "$RUNS"); do
    "$ATTI" ingest "$CORPUS" --index "$INDEX" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.2 + (r % 250) / 100 }')"
    if [ $((run % 2)) -eq 0 ]; then kill -TERM "$pid" 2>/dev/null || true; else kill -KILL "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
    sleep 1
    left=$(workers_of "$pid")
    orphans=$((orphans + left))
    say "run $run: killed $pid, $left workers left"
done
"$ATTI" ingest "$CORPUS" --index "$INDEX" >/dev/null 2>&1
docs=$("$ATTI" export documents --index "$INDEX" --csv-dialect rfc | tail -n +2 | wc -l)
copies=$("$ATTI" export skipped --index "$INDEX" --csv-dialect rfc | tail -n +2 | grep -c ',duplicate,' || true)
fails=$("$ATTI" export failures --index "$INDEX" --csv-dialect rfc | tail -n +2 | wc -l)
dup_ids=$("$ATTI" export documents --index "$INDEX" --csv-dialect rfc | tail -n +2 | cut -d, -f1 | sort | uniq -d | wc -l)
lost=$((FILES - docs - copies - fails))

full="skipped (needs root to mount a tmpfs)"
full_ok="-"
DISK="$BENCH_DIR/disk"
mkdir -p "$DISK"
if mount -t tmpfs -o size=1m tmpfs "$DISK" 2>/dev/null; then
    start=$(date +%s.%N)
    set +e
    msg=$("$ATTI" ingest "$CORPUS" --index "$DISK/index" 2>&1 >/dev/null)
    code=$?
    set -e
    end=$(date +%s.%N)
    full=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f s, exit %d", b - a, '"$code"' }')
    lines=$(printf '%s\n' "$msg" | grep -c . || true)
    mount -o remount,size=512m "$DISK"
    "$ATTI" ingest "$CORPUS" --index "$DISK/index" >/dev/null 2>&1 && full_ok="yes ($lines-line message)" || full_ok="no"
    umount "$DISK"
fi

cat <<TABLE
| runs killed | files | documents + copies + failures after a last run | lost | duplicate doc_ids | orphan workers | full disk: time to fail | next run completes |
|---:|---:|---:|---:|---:|---:|---|---|
| $RUNS | $FILES | $docs + $copies + $fails | $lost | $dup_ids | $orphans | $full | $full_ok |
TABLE
