#!/usr/bin/env bash
# The PEG accuracy benchmark: builds atti, runs it on a generated corpus and
# scores its objectives, phases and indicators against the corpus gold.
#
#   bench/peg/bench.sh [DIR] [--json] [--misses N] [--test]
#
# The test producers of gold/split.toml [peg] are printed as `nascosto`
# unless --test is given: at the start and the end of a piece of work, not
# at every try, so that no rule is chosen by their figures. --misses shows
# the train producers' differences only.
#
# DIR (default bench/peg/out/corpus) is a folder written by generate.py;
# when it has no gold.jsonl, the corpus is generated there first (20 sheets
# per producer, seed 2026; needs bench/peg/install.sh). atti's tables go to
# $ATTI_OUT (default DIR.atti, replaced at each run). CARGO_TARGET_DIR is
# honoured. Everything else is bench.py's (see its --help).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="$root/bench/peg/out/corpus"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
    dir="$1"
    shift
fi
if [ ! -f "$dir/gold.jsonl" ]; then
    if [ ! -x "$here/.venv/bin/python" ]; then
        echo "manca $dir/gold.jsonl e bench/peg/.venv: eseguire prima bench/peg/install.sh" >&2
        exit 2
    fi
    "$here/.venv/bin/python" "$here/generate.py" --out "$dir" --per-producer 20 --seed 2026
fi
(cd "$root" && cargo build --release --quiet)
atti="${CARGO_TARGET_DIR:-$root/target}/release/atti"
out="${ATTI_OUT:-${dir%/}.atti}"
rm -rf "$out"
"$atti" run "$dir" --out "$out" --raw >&2
python3 "$here/bench.py" --gold "$dir/gold.jsonl" --atti "$out" --split "$root/gold/split.toml" "$@"
