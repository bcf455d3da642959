#!/usr/bin/env bash
# Speed on the office files of the generated corpus: `atti run` on them
# against one LibreOffice headless process converting them (word files to
# text, sheets to CSV; one soffice call each), RUNS times each side,
# interleaved (LibreOffice, atti, LibreOffice, atti...) so that both meet
# the same load of a shared machine; the median of each side is the figure,
# printed with every run and the load average before and after.
# `atti run` is the figure: the command a user runs on a folder, which
# does strictly more than LibreOffice's conversion (it reads every file as
# LibreOffice does, and also applies the rules, indexes, writes the tables,
# the workbook and the compliance report). `atti ingest` (read, rules,
# index; no tables) is timed in the same runs and printed beside it.
#
#   bench/office/speed.sh DIR [RUNS]     # RUNS default 3
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${1:?DIR: the corpus of bench.sh}"
runs="${2:-3}"
atti="${CARGO_TARGET_DIR:-$root/target}/release/atti"
folders=("$dir/docx" "$dir/odt" "$dir/xlsx" "$dir/ods" "$dir/workbook")
files=$(find "${folders[@]}" -type f | wc -l)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
load0=$(cut -d' ' -f1-3 /proc/loadavg)
times=()
for i in $(seq "$runs"); do
    rm -rf "$tmp/profile" "$tmp/txt" "$tmp/csv" "$tmp/atti" "$tmp/ingest"
    t0=$(date +%s.%N)
    find "$dir/docx" "$dir/odt" -type f -print0 | xargs -0 soffice "-env:UserInstallation=file://$tmp/profile" \
        --headless --norestore --convert-to "txt:Text (encoded):UTF8" --outdir "$tmp/txt" >/dev/null 2>&1
    find "$dir/xlsx" "$dir/ods" "$dir/workbook" -type f -print0 | xargs -0 soffice "-env:UserInstallation=file://$tmp/profile" \
        --headless --norestore --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1040,false,true,false,false,false,-1' \
        --outdir "$tmp/csv" >/dev/null 2>&1
    t1=$(date +%s.%N)
    "$atti" run "${folders[@]}" --out "$tmp/atti" >/dev/null 2>&1
    t2=$(date +%s.%N)
    "$atti" ingest "${folders[@]}" --index "$tmp/ingest" >/dev/null 2>&1
    t3=$(date +%s.%N)
    times+=("$t0 $t1 $t2 $t3")
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$files" "$load0" "$load1" "${times[@]}" <<'PY'
import statistics, sys
n, load0, load1, runs = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
lo, at, ing = [], [], []
for r in runs:
    t0, t1, t2, t3 = map(float, r.split())
    lo.append(t1 - t0)
    at.append(t2 - t1)
    ing.append(t3 - t2)
for i, (a, b, c) in enumerate(zip(lo, at, ing), 1):
    print(f"speed  run {i}: LibreOffice {a:.1f} s = {n / a:.1f} files/s; atti run {b:.1f} s = {n / b:.1f} files/s ({a / b:.1f}x); "
          f"atti ingest {c:.1f} s ({a / c:.1f}x)")
mlo, mat, ming = statistics.median(lo), statistics.median(at), statistics.median(ing)
print(f"speed  {n} office files, median of {len(runs)} interleaved runs (load average {load0} before, {load1} after): "
      f"LibreOffice (one process per call, two calls) {mlo:.1f} s = {n / mlo:.1f} files/s; "
      f"atti run {mat:.1f} s = {n / mat:.1f} files/s ({mlo / mat:.1f}x); "
      f"atti ingest {ming:.1f} s = {n / ming:.1f} files/s ({mlo / ming:.1f}x)")
PY
