#!/usr/bin/env bash
# bench/ocr_fields.sh: issue 18's last measure (outside CI): do the rules
# read the same header fields from a scan as from the text PDF it was made
# from?
#
# For every act of ../shared/corpus (real-it*) whose first page has a text
# layer, up to PER_SPLIT per split (gold/split.toml: train and test bodies),
# the first page alone is cut out (pdfseparate) and, beside it, scanned:
# rendered in grey at 300 dpi (pdftoppm), wrapped as an image-only PDF
# (img2pdf). `atti extract --rules-output` reads both; the header fields the
# rules give on the text page (kind, act type, number, date, office,
# subject) are compared, exactly, with those they give on the scan; the
# train part's differences go to stderr. An act
# counts as right when every field the text page gave comes out the same.
# Target (issue 18): >= 0.95 of the acts. Train and test side by side.
#
# Needs what bench/ocr.sh installs (tesseract-ocr, -ita, poppler-utils,
# img2pdf). Environment: PER_SPLIT=15; ATTI=the binary; SHARED=../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
PER_SPLIT=${PER_SPLIT:-15}
SHARED=${SHARED:-../shared}
ATTI=${ATTI:-${CARGO_TARGET_DIR:-target}/release/atti}
for p in tesseract pdftoppm pdfseparate img2pdf; do
  command -v "$p" >/dev/null || { echo "manca $p: eseguire prima bench/ocr.sh (installa i pacchetti)" >&2; exit 2; }
done
[ -x "$ATTI" ] || cargo build --release
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
test_bodies=$(sed -n '/^\[test\]/,/^\[/p' gold/split.toml | grep -o '"[a-z0-9]*"' | tr -d '"' | tr '\n' ' ')
is_test() { case " $test_bodies " in *" ${1%%_*} "*) return 0 ;; esac; return 1; }

fields() { # file -> "name<TAB>value" lines of the header fields
  "$ATTI" extract --ocr auto --rules-output "$1" 2>&1 >/dev/null \
    | sed -n -E 's/^kind: (.*)$/kind\t\1/p; s/^  decision\.(act_type|act_number|decision_date|office|subject) +(.*)$/\1\t\2/p'
}

declare -A seen=([train]=0 [test]=0) right=([train]=0 [test]=0) fr=([train]=0 [test]=0) fn=([train]=0 [test]=0)
for f in $(ls "$SHARED"/corpus/real-it*/*.pdf | sort); do
  name=$(basename "$f")
  split=train; is_test "$name" && split=test
  [ "${seen[$split]}" -lt "$PER_SPLIT" ] || continue
  chars=$(pdftotext -f 1 -l 1 "$f" - 2>/dev/null | tr -d ' \n\f' | wc -c)
  [ "$chars" -ge 500 ] || continue
  pdfseparate -f 1 -l 1 "$f" "$WORK/text.pdf" 2>/dev/null || continue
  fields "$WORK/text.pdf" > "$WORK/want.tsv" || true
  # Acts only: a first page the rules read header fields from.
  grep -q -v '^kind' "$WORK/want.tsv" || continue
  pdftoppm -gray -r 300 -singlefile "$WORK/text.pdf" "$WORK/scan" && pnmtopng "$WORK/scan.pgm" > "$WORK/scan.png" 2>/dev/null \
    || pdftoppm -gray -r 300 -singlefile -png "$WORK/text.pdf" "$WORK/scan"
  img2pdf --imgsize 300dpi -o "$WORK/scan.pdf" "$WORK/scan.png"
  fields "$WORK/scan.pdf" > "$WORK/got.tsv" || true
  seen[$split]=$((seen[$split] + 1))
  ok=1
  while IFS=$'\t' read -r k v; do
    fn[$split]=$((fn[$split] + 1))
    if grep -qxF "$k"$'\t'"$v" "$WORK/got.tsv"; then
      fr[$split]=$((fr[$split] + 1))
    else
      ok=0
      # Misses of the train bodies only: the test ones are for measuring.
      if [ "$split" = train ]; then
        echo "  $name $k: testo «$v», scansione «$(grep -P "^$k\t" "$WORK/got.tsv" | cut -f2- | head -1)»" >&2
      fi
    fi
  done < "$WORK/want.tsv"
  right[$split]=$((right[$split] + ok))
done
printf '%-34s %12s %12s\n' "" train test
printf '%-34s %12s %12s\n' "atti con tutti i campi uguali" "${right[train]}/${seen[train]}" "${right[test]}/${seen[test]}"
printf '%-34s %12s %12s\n' "campi uguali" "${fr[train]}/${fn[train]}" "${fr[test]}/${fn[test]}"
