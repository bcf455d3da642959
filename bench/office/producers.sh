#!/usr/bin/env bash
# bench/office/producers.sh: spreadsheets of many producers atti was not
# written on, against LibreOffice (issue 24: "atti is also measured on
# office files and spreadsheets from producers ... you will never see").
#
# The corpus is the test files of calamine, the spreadsheet reader atti
# uses (MIT licence; not committed here): 128 .xlsx, .xlsm, .xlsb, .xls
# and .ods written by Excel for Windows and Mac, Excel Online, LibreOffice
# 6-7, Gnumeric, openpyxl, Apache POI, Google Sheets and others, many of
# them odd on purpose (a bug report each). Cloned at a fixed commit; the
# files meant to exhaust a reader (OOM_alloc*, a truncated formula token,
# a cell-count bomb) are left out of the comparison (the robustness tests
# have their own). Each file is renamed with its extension in its stem
# (date.xls -> date-xls.xls), since soffice names its CSVs by stem.
# Then bench/office/real.py compares every cell, as on the real files.
#
#   bench/office/producers.sh [WORKDIR]       (default /tmp/atti-producers)
#   CALAMINE_URL=PATH bench/office/producers.sh   (a local clone instead of GitHub)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/atti-producers}"
commit=263762c8e98ef25da8511d9c5ea1783493e3bf6d
mkdir -p "$work"
if [ ! -d "$work/calamine" ]; then
    git clone --quiet "${CALAMINE_URL:-https://github.com/tafia/calamine}" "$work/calamine"
fi
git -C "$work/calamine" checkout --quiet "$commit"
rm -rf "$work/corpus"
mkdir -p "$work/corpus"
for f in "$work"/calamine/tests/*.{xlsx,xlsm,xlsb,xls,ods}; do
    [ -e "$f" ] || continue
    name="$(basename "$f")"
    case "$name" in
        OOM_alloc*|ptgexp-truncated-operand.xls|issue_594_dos.ods) continue ;;
    esac
    ext="${name##*.}"
    cp "$f" "$work/corpus/${name%.*}-$ext.$ext"
done
echo "$(ls "$work/corpus" | wc -l) file in $work/corpus" >&2
exec python3 "$here/real.py" --corpus "$work/corpus"
