# bench/scale/compare.sh, sourced by dask_kill.sh and slurm.sh: every table
# of two indexes compared row for row, the time of ingest aside.
#
# compare_tables ATTI WHOLE MERGED: sets SAME and DIFF (counts of tables),
# says on stderr which tables differ.
compare_tables() {
    local atti=$1 whole=$2 merged=$3 t
    norm() { "$atti" export "$1" --index "$2" --format jsonl | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
for r in rows: r.pop("ingested_at", None)
print("\n".join(sorted(json.dumps(r, sort_keys=True) for r in rows)))'; }
    SAME=0; DIFF=0
    for t in documents objectives phases indicators decisions references amounts parties failures skipped; do
        if cmp -s <(norm "$t" "$whole") <(norm "$t" "$merged"); then
            SAME=$((SAME + 1))
        else
            DIFF=$((DIFF + 1)); printf '  table %s differs\n' "$t" >&2
        fi
    done
}
