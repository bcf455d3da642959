#!/usr/bin/env bash
# bench/scale/dask_kill.sh: the Dask driver (jobs/dask/atti_dask.py) on
# loopback with two workers, one of them killed (SIGKILL) while shards run;
# then the merged index is compared with one ingest of the same files:
# every table equal (the time of ingest aside). Outside CI: it installs
# dask[distributed] into bench/scale/.venv (PyPI) the first time.
#
# Environment: N=400 documents, SHARDS=16, BENCH_DIR=/tmp/atti-bench, ATTI=PATH.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
N=${N:-400}
SHARDS=${SHARDS:-16}
BENCH_DIR=${BENCH_DIR:-/tmp/atti-bench}
say() { printf '%s\n' "$*" >&2; }

VENV="$ROOT/bench/scale/.venv"
if [ ! -x "$VENV/bin/dask" ]; then
    say "dask_kill: installing dask[distributed] into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "dask[distributed]>=2024.1"
fi
source "$ROOT/bench/scale/binaries.sh"
DIR="$BENCH_DIR/corpus-$N-1"
[ -f "$DIR/manifest.jsonl" ] || "$GEN" --docs "$N" --out "$DIR" --seed 1 >&2
WORK="$BENCH_DIR/dask-$N"
rm -rf "$WORK"; mkdir -p "$WORK/out"

PORT=${PORT:-8786}
"$VENV/bin/dask" scheduler --host 127.0.0.1 --port "$PORT" --no-dashboard >"$WORK/scheduler.log" 2>&1 &
SCHED=$!
sleep 3
"$VENV/bin/dask" worker "tcp://127.0.0.1:$PORT" --nworkers 1 --nthreads 1 --no-dashboard --name w1 >"$WORK/w1.log" 2>&1 &
W1=$!
"$VENV/bin/dask" worker "tcp://127.0.0.1:$PORT" --nworkers 1 --nthreads 1 --no-dashboard --name w2 >"$WORK/w2.log" 2>&1 &
W2=$!
trap 'kill $SCHED $W1 $W2 2>/dev/null || true' EXIT
sleep 3

"$VENV/bin/python" "$ROOT/jobs/dask/atti_dask.py" --scheduler "tcp://127.0.0.1:$PORT" \
    --archive "$DIR" --out "$WORK/out" --shards "$SHARDS" --atti "$ATTI" \
    >"$WORK/merge.json" 2>"$WORK/driver.log" &
DRIVER=$!
# Kill worker 1 (and the atti it runs) once some shards are done.
until [ "$(grep -c 'done' "$WORK/driver.log" 2>/dev/null || true)" -ge 3 ]; do sleep 0.2; done
pkill -KILL -P "$W1" 2>/dev/null || true
kill -KILL "$W1" 2>/dev/null || true
say "dask_kill: worker 1 killed after $(grep -c done "$WORK/driver.log") shards"
wait "$DRIVER"
say "dask_kill: driver done: $(cat "$WORK/merge.json")"

"$ATTI" ingest "$DIR" --root "$DIR" --index "$WORK/whole" --json >/dev/null 2>&1
source "$ROOT/bench/scale/compare.sh"
compare_tables "$ATTI" "$WORK/whole" "$WORK/out/merged"
echo "| Documents | Shards | Workers (one killed) | Tables equal to one ingest |"
echo "|---|---|---|---|"
echo "| $N | $SHARDS | 2 | $SAME/$((SAME + DIFF)) |"
[ "$DIFF" -eq 0 ]
