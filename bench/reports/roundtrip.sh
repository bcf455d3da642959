#!/usr/bin/env bash
# bench/reports/roundtrip.sh: every shipped template written as csv, xlsx
# and ods, each converted by LibreOffice headless (soffice) to a flat
# OpenDocument spreadsheet (.fods) and read back: dates must be date cells,
# amounts and counts numbers, CIG, act numbers and codes text, accents
# intact. Outside CI (LibreOffice is slow to start); the workbook cell types
# are guarded in cargo test (tests/report_templates.rs).
#
# Environment: ATTI=PATH (else target/release/atti), SHARED=../shared.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
ATTI=${ATTI:-$TARGET/release/atti}
SHARED=${SHARED:-$ROOT/../shared}
command -v soffice >/dev/null || { echo "soffice not found: install LibreOffice" >&2; exit 2; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/archivio"
for f in real-it/avella_Delibera_30__5312_DeliberadiGiunta_Copia_30_2026_1.pdf \
         real-it/avella_Delibera_1__5331_DeliberadiConsiglio_Copia_1_2026_1.pdf \
         real-it/avella_Determinazione_182__5368_DeterminaaContrarre_Copia_182_2026_1.pdf \
         real-it3/pagopa_determina-a-contrarre-contact-center-2021.pdf \
         real-it3/pagopa_determina-oda-buoni-pasto-convenzione-lotto8.pdf \
         real-it3/firenze_dg-2025-00216_street-art-servizi-igienici.pdf; do
    cp "$SHARED/corpus/$f" "$W/archivio/"
done
cp "$ROOT/samples/peg_2021_Z001.pdf" "$ROOT/samples/delibera_giunta_2023_045.txt" "$W/archivio/"
printf 'administration = "Comune di Prova"\ntax_code = "00000000000"\n' > "$W/atti.toml"
cd "$W"
"$ATTI" ingest archivio --index idx >/dev/null 2>&1
fail=0
for t in art23-dirigenti art23-politici art26-27-sovvenzioni art37-contratti delibere-voti peg-monitoraggio scheda-sintetica; do
    for fmt in csv xlsx ods; do
        "$ATTI" report "$t" --index idx --out "$t.$fmt" --published 2026-12-01 2>/dev/null
        # CSV: the template's own delimiter, UTF-8.
        opts=""
        [ "$fmt" = csv ] && opts='--infilter=CSV:59/44,34,76,1'
        soffice --headless $opts --convert-to fods "$t.$fmt" --outdir "lo-$fmt" >/dev/null 2>&1 || true
        if ! python3 "$ROOT/bench/reports/check_fods.py" "$t" "$fmt" "lo-$fmt/$t.fods" "$t.$fmt"; then fail=1; fi
    done
done
exit $fail
