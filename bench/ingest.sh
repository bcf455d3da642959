#!/usr/bin/env bash
# bench/ingest.sh: the throughput benchmark of issue 8, in one run.
#
# For each corpus size N (env SIZES, default "1000 10000 100000") it
#   1. generates N documents with tools/examples/gen_corpus (cached in $BENCH_DIR by
#      N and seed): ~60% PDF, 30% text, 10% HTML, PDFs in DIR/pdf;
#   2. ingests the whole corpus into a fresh index and reports documents per
#      second, MB per second (input bytes / wall time), peak memory and index
#      size;
#   3. ingests DIR/pdf alone into another fresh index and times pdftotext over
#      the same PDFs, once per file, as a user would, with as many parallel
#      processes as atti uses (nproc); prints our time over its time;
#   4. re-ingests the unchanged corpus into the first index (incremental run)
#      and prints its time as a percentage of the first ingest;
#   5. re-applies rules from the stored pages (issue 17): `atti rules diff`
#      with a rule added for one kind (deliberations), then `atti ingest`
#      with it, then with that rule made a rule of every kind (a rule that
#      finds nothing in a document leaves it: its pages are looked at, the
#      rules not applied), then with a rule for deliberations that finds
#      something in every one (each made again: the worst case of one
#      kind); each as a percentage of the first ingest; and the stored
#      pages' size as a percentage of the input bytes;
#   6. times `atti search --json` end to end for a fixed set of two-word
#      queries (p50, p95; each includes starting the process, whose own cost is
#      measured with `atti --version` and printed beside it), twice: the
#      first pass (index files read from disk) is printed, the second goes
#      in the table;
#   7. times `atti export documents` and `atti export phases`.
# It ends with a Markdown table (also written to $BENCH_DIR/results-*.md).
#
# Environment:
#   SIZES="1000 10000"   corpus sizes            SEED=1       generator seed
#   BENCH_DIR=DIR        work folder [/tmp/atti-bench] (corpora are kept there)
#   ATTI=PATH            use this atti binary instead of building one
#   JOBS=N               parallel processes for atti and pdftotext [nproc]
#   GEN=PATH             the gen_corpus binary [target/release/examples/gen_corpus]
#   COMMIT=TEXT          what to call the build in the table [git HEAD]
#   PDFTOTEXT_UPTO=N     skip pdftotext for sizes above N (it takes ~20 min at 100k)
#
# Peak memory is measured two ways: "tree" is the largest sum of the resident
# sets of atti and its worker processes, sampled every 0.2 s; "max" is the
# largest single process as reported by /usr/bin/time -v.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZES=${SIZES:-"1000 10000 100000"}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-/tmp/atti-bench}
JOBS=${JOBS:-$(nproc)}
mkdir -p "$BENCH_DIR"

say() { printf '%s\n' "$*" >&2; }

need_pkg() { # command package
    command -v "$1" >/dev/null 2>&1 && return 0
    say "bench: $1 missing; installing $2"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y "$2" >/dev/null || { say "bench: cannot install $2"; exit 2; }
}
need_pkg pdftotext poppler-utils
[ -x /usr/bin/time ] || need_pkg /usr/bin/time time

# Build once: the binary and the generator.
GEN=${GEN:-"$ROOT/target/release/examples/gen_corpus"}
if [ -z "${ATTI:-}" ]; then
    say "bench: cargo build --release"
    (cd "$ROOT" && cargo build --release --bin atti >&2 && cargo build --release -p atti-dev --example gen_corpus >&2)
    ATTI="$ROOT/target/release/atti"
elif [ ! -x "$GEN" ]; then
    (cd "$ROOT" && cargo build --release -p atti-dev --example gen_corpus >&2)
fi

now() { echo "${EPOCHREALTIME/./}"; } # microseconds
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "-" }'; }
scaled() { # a b factor decimals -> a / b * factor, or "-" when a or b is not a number
    awk -v a="$1" -v b="$2" -v f="$3" -v d="$4" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%." d "f", a / b * f; else print "-" }'
}
mb() { awk -v a="$1" 'BEGIN { printf "%.1f", a / 1e6 }'; }
bytes_of() { find "$1" -type f \( -name '*.pdf' -o -name '*.txt' -o -name '*.html' \) -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f\n", s }'; }
json_field() { { grep -o "\"$1\":[0-9]*" "$2" || echo ":?"; } | head -1 | cut -d: -f2; }
count_of() { find "$1" -type f \( -name '*.pdf' -o -name '*.txt' -o -name '*.html' \) | wc -l; }

# Runs a command in its own session; sets RUN_S (wall seconds), RUN_TREE_MB
# (peak summed RSS of the session) and RUN_MAX_MB (largest single process).
run_measured() {
    local tf="$BENCH_DIR/time.txt" t0 t1 pid peak=0 cur
    t0=$(now)
    setsid /usr/bin/time -v -o "$tf" "$@" >"$BENCH_DIR/last.out" 2>"$BENCH_DIR/last.err" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        # ps fails once the session is gone: that is the end, not an error.
        cur=$({ ps -s "$pid" -o rss= 2>/dev/null || true; } | awk '{ s += $1 } END { print s + 0 }')
        if [ "$cur" -gt "$peak" ]; then peak=$cur; fi
        sleep 0.2
    done
    t1=$(now)
    RUN_S=$(secs "$t0" "$t1")
    if ! wait "$pid"; then
        # A failed run is reported in the table, and the benchmark goes on.
        say "bench: FAILED after $RUN_S s: $*"
        grep -v '^\s' "$BENCH_DIR/last.err" | grep -v 'Command exited\|Command being' | tail -3 >&2
        RUN_S="failed"
    fi
    RUN_TREE_MB=$(awk -v k="$peak" 'BEGIN { printf "%.0f", k / 1024 }')
    RUN_MAX_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tf")
}

QUERIES=(
    "bilancio previsione" "refezione scolastica" "piano esecutivo" "gestione associata"
    "impianti sportivi" "raccolta differenziata" "protocollo informatico" "archivio storico"
    "edilizia privata" "verde urbano" "prima infanzia" "procedure gara"
    "tributi locali" "protezione civile" "assistenza domiciliare" "patrimonio immobiliare"
    "aliquote imu" "lavori pubblici" "fabbisogni personale" "alienazioni immobiliari"
    "rendiconto gestione" "tariffe servizi" "regolamento edilizio" "sportello unico"
    "convenzione segreteria" "associazioni sportive" "ambito territoriale" "documento programmazione"
    "giunta comunale" "consiglio comunale" "immediatamente eseguibile" "segretario generale"
    "servizi sociali" "sicurezza urbana" "transizione digitale" "promozione turistica"
    "Rossi Giuseppe" "Bianchi Maria" "Esposito Antonio" "Ferrari Anna"
    "Firenze convenzione" "Forlì bilancio" "Cantù regolamento" "Paternò tariffe"
    "cronoprogramma PNRR" "ufficio legale" "stakeholder associazioni" "capitolato appalto"
    "direzione lavori" "rendicontazione risultati"
)

pctl() { # percentile file p -> value
    sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END { i = int((NR * p / 100) + 0.999999); if (i < 1) i = 1; printf "%.1f", v[i] }'
}

time_queries() { # index -> sets Q_P50 Q_P95 START_P50
    local idx=$1 f="$BENCH_DIR/q.ms" s="$BENCH_DIR/start.ms" t0 t1
    : >"$f"
    : >"$s"
    for q in "${QUERIES[@]}"; do
        t0=$(now)
        # shellcheck disable=SC2086 # two words, two arguments
        "$ATTI" search --json --index "$idx" $q >/dev/null
        t1=$(now)
        echo $(( (t1 - t0) )) | awk '{ printf "%.3f\n", $1 / 1000 }' >>"$f"
        t0=$(now)
        "$ATTI" --version >/dev/null
        t1=$(now)
        echo $(( (t1 - t0) )) | awk '{ printf "%.3f\n", $1 / 1000 }' >>"$s"
    done
    Q_P50=$(pctl "$f" 50)
    Q_P95=$(pctl "$f" 95)
    START_P50=$(pctl "$s" 50)
}

if [ -n "${COMMIT:-}" ]; then
    HEAD=$COMMIT
else
    HEAD=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then HEAD="$HEAD+dirty"; fi
fi
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
CPU=$(lscpu | awk -F': *' '/Model name/ { print $2; exit }')
MEM=$(free -h | awk '/^Mem:/ { print $2 }')
STAMP=$(date -u +%Y-%m-%dT%H:%MZ)
say "bench: $STAMP, commit $HEAD, $(nproc) cores ($CPU), $MEM RAM, load average $LOAD, $JOBS jobs, sizes: $SIZES"
"$ATTI" --version >&2 || true

ROWS=()
for N in $SIZES; do
    DIR="$BENCH_DIR/corpus-$N-s$SEED"
    if [ ! -f "$DIR/.complete" ]; then
        rm -rf "$DIR"
        t0=$(now)
        "$GEN" --docs "$N" --out "$DIR" --seed "$SEED" 2>&1 | sed 's/^/  /' >&2
        t1=$(now)
        say "  generated in $(secs "$t0" "$t1") s"
        touch "$DIR/.complete"
    fi
    FILES=$(count_of "$DIR")
    BYTES=$(bytes_of "$DIR")
    PDFS=$(count_of "$DIR/pdf")
    PDF_BYTES=$(bytes_of "$DIR/pdf")
    IDX="$BENCH_DIR/index-$N"
    IDX_PDF="$BENCH_DIR/index-pdf-$N"
    rm -rf "$IDX" "$IDX_PDF"

    say "[$N] ingest: $FILES files, $(mb "$BYTES") MB"
    run_measured "$ATTI" ingest "$DIR" --index "$IDX" -j "$JOBS" --json
    INGEST_S=$RUN_S
    FAILED=$(json_field failed "$BENCH_DIR/last.out")
    DOCS_IN=$(json_field documents_in_index "$BENCH_DIR/last.out")
    TREE_MB=$RUN_TREE_MB
    MAX_MB=$RUN_MAX_MB
    say "  $DOCS_IN documents indexed, $FAILED files failed"
    INDEX_MB=$(du -sb "$IDX" | awk '{ printf "%.1f", $1 / 1e6 }')
    DOCS_S=$(scaled "$FILES" "$INGEST_S" 1 0)
    MB_S=$(scaled "$BYTES" "$INGEST_S" 1e-6 1)
    say "  $INGEST_S s, $DOCS_S docs/s, $MB_S MB/s, peak RSS $TREE_MB MB (tree) / $MAX_MB MB (max process), index $INDEX_MB MB"

    say "[$N] ingest of the $PDFS PDFs alone ($(mb "$PDF_BYTES") MB)"
    run_measured "$ATTI" ingest "$DIR/pdf" --index "$IDX_PDF" -j "$JOBS" --json
    PDF_INGEST_S=$RUN_S
    PDF_FAILED=$(json_field failed "$BENCH_DIR/last.out")
    say "  $(json_field documents_in_index "$BENCH_DIR/last.out") documents indexed, $PDF_FAILED files failed"
    if [ -n "${PDFTOTEXT_UPTO:-}" ] && [ "$N" -gt "$PDFTOTEXT_UPTO" ]; then
        say "[$N] pdftotext skipped (PDFTOTEXT_UPTO=$PDFTOTEXT_UPTO)"
        PDFTOTEXT_S="-"
    else
        say "[$N] pdftotext -layout, once per file, $JOBS in parallel"
        t0=$(now)
        find "$DIR/pdf" -name '*.pdf' -print0 | xargs -0 -n1 -P"$JOBS" sh -c 'pdftotext -layout "$0" /dev/null'
        t1=$(now)
        PDFTOTEXT_S=$(secs "$t0" "$t1")
    fi
    RATIO=$(ratio "$PDF_INGEST_S" "$PDFTOTEXT_S")
    say "  atti $PDF_INGEST_S s, pdftotext $PDFTOTEXT_S s, ratio $RATIO"

    say "[$N] re-ingest of the unchanged corpus"
    run_measured "$ATTI" ingest "$DIR" --index "$IDX" -j "$JOBS" --json
    REINGEST_S=$RUN_S
    REINGEST_PCT=$(scaled "$REINGEST_S" "$INGEST_S" 100 1)
    say "  unchanged $(json_field unchanged "$BENCH_DIR/last.out") of $FILES"
    say "  $REINGEST_S s = $REINGEST_PCT% of the first ingest"

    say "[$N] rules changed: diff, then re-apply from the stored pages"
    # A rule added for one kind, and one for every kind: what a rule writer
    # does, each a file beside the built-in rules.
    RULES_ONE="$BENCH_DIR/rules-one"
    RULES_ALL="$BENCH_DIR/rules-all"
    mkdir -p "$RULES_ONE" "$RULES_ALL"
    cat >"$RULES_ONE/bench.toml" <<'TOML'
[[field]]
id = "bench.protocol"
description = "Numero di protocollo (regola aggiunta dal benchmark)"
kinds = ["deliberation"]
regex = '(?i)\bprotocollo\s+n\.\s*(?P<value>\d+)'
target = "decision.act_number"
TOML
    sed 's/kinds = \["deliberation"\]/kinds = []/' "$RULES_ONE/bench.toml" >"$RULES_ALL/bench.toml"
    PAGES_BYTES=$(du -sb "$IDX/pages" | cut -f1)
    PAGES_PCT=$(scaled "$PAGES_BYTES" "$BYTES" 100 1)
    PAGES_PDF_PCT=$(scaled "$(du -sb "$IDX_PDF/pages" | cut -f1)" "$PDF_BYTES" 100 1)
    say "  stored pages $(mb "$PAGES_BYTES") MB = $PAGES_PCT% of the input bytes; PDFs alone: $PAGES_PDF_PCT% of the PDF bytes"
    run_measured "$ATTI" rules diff --index "$IDX" --rules "$RULES_ONE" --json
    DIFF_S=$RUN_S
    DIFF_PCT=$(scaled "$DIFF_S" "$INGEST_S" 100 1)
    say "  rules diff: $DIFF_S s = $DIFF_PCT% of the first ingest, $(json_field read "$BENCH_DIR/last.out") documents read again, $(json_field changed_documents "$BENCH_DIR/last.out") changed; peak RSS $RUN_TREE_MB MB"
    run_measured "$ATTI" ingest "$DIR" --index "$IDX" -j "$JOBS" --json --rules "$RULES_ONE"
    REAPPLY_S=$RUN_S
    REAPPLY_PCT=$(scaled "$REAPPLY_S" "$INGEST_S" 100 1)
    say "  re-apply (one kind): $(json_field reapplied "$BENCH_DIR/last.out") documents, $(json_field unaffected "$BENCH_DIR/last.out") untouched, $REAPPLY_S s = $REAPPLY_PCT% of the first ingest; peak RSS $RUN_TREE_MB MB"
    run_measured "$ATTI" ingest "$DIR" --index "$IDX" -j "$JOBS" --json --rules "$RULES_ALL"
    REAPPLY_ALL_S=$RUN_S
    REAPPLY_ALL_PCT=$(scaled "$REAPPLY_ALL_S" "$INGEST_S" 100 1)
    say "  re-apply (every kind): $(json_field reapplied "$BENCH_DIR/last.out") documents, $(json_field unaffected "$BENCH_DIR/last.out") untouched, $REAPPLY_ALL_S s = $REAPPLY_ALL_PCT% of the first ingest; peak RSS $RUN_TREE_MB MB"
    # The worst case of one kind: a rule that finds something in every
    # deliberation, so that each is read again from its pages.
    RULES_HIT="$BENCH_DIR/rules-hit"
    mkdir -p "$RULES_HIT"
    cat >"$RULES_HIT/bench.toml" <<'TOML'
[[field]]
id = "bench.deliberation_word"
description = "La parola delibera (regola aggiunta dal benchmark, trova qualcosa in ogni delibera)"
kinds = ["deliberation"]
regex = '(?i)\b(?P<value>delibera)'
target = "decision.office"
TOML
    run_measured "$ATTI" ingest "$DIR" --index "$IDX" -j "$JOBS" --json --rules "$RULES_HIT"
    REAPPLY_HIT_S=$RUN_S
    REAPPLY_HIT_PCT=$(scaled "$REAPPLY_HIT_S" "$INGEST_S" 100 1)
    say "  re-apply (a rule that finds something in every deliberation): $(json_field reapplied "$BENCH_DIR/last.out") documents, $(json_field unaffected "$BENCH_DIR/last.out") untouched, $REAPPLY_HIT_S s = $REAPPLY_HIT_PCT% of the first ingest; peak RSS $RUN_TREE_MB MB"

    say "[$N] search: ${#QUERIES[@]} two-word queries, atti search --json, end to end"
    # The first pass reads the index from disk into the page cache (the
    # runs before it read gigabytes of PDFs and pushed much of it out); it
    # is printed, and the table takes the second pass, as a user's searches
    # after the first.
    time_queries "$IDX"
    say "  first pass: p50 $Q_P50 ms, p95 $Q_P95 ms"
    time_queries "$IDX"
    say "  p50 $Q_P50 ms, p95 $Q_P95 ms (process start alone: p50 $START_P50 ms)"

    say "[$N] export"
    t0=$(now)
    "$ATTI" export documents --index "$IDX" -o "$BENCH_DIR/documents-$N.csv"
    t1=$(now)
    EXPORT_DOCS_S=$(secs "$t0" "$t1")
    t0=$(now)
    "$ATTI" export phases --index "$IDX" -o "$BENCH_DIR/phases-$N.csv"
    t1=$(now)
    EXPORT_PHASES_S=$(secs "$t0" "$t1")
    say "  documents $EXPORT_DOCS_S s ($(($(wc -l <"$BENCH_DIR/documents-$N.csv") - 1)) rows), phases $EXPORT_PHASES_S s ($(($(wc -l <"$BENCH_DIR/phases-$N.csv") - 1)) rows)"

    ROWS+=("| $FILES | $PDFS | $FAILED | $(mb "$BYTES") | $INGEST_S | $DOCS_S | $MB_S | $TREE_MB / $MAX_MB | $INDEX_MB | $PDF_INGEST_S | $PDFTOTEXT_S | $RATIO | $REINGEST_S ($REINGEST_PCT%) | $DIFF_S ($DIFF_PCT%) | $REAPPLY_S ($REAPPLY_PCT%) | $REAPPLY_ALL_S ($REAPPLY_ALL_PCT%) | $REAPPLY_HIT_S ($REAPPLY_HIT_PCT%) | $PAGES_PCT% / $PAGES_PDF_PCT% | $Q_P50 / $Q_P95 ($START_P50) | $EXPORT_DOCS_S / $EXPORT_PHASES_S |")
done

OUT="$BENCH_DIR/results-$STAMP.md"
{
    echo "Run $STAMP, commit $HEAD, $(nproc) cores ($CPU), $MEM RAM, -j $JOBS, seed $SEED; load average at start $LOAD, at end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| Files | PDFs | Failed | Input MB | Ingest s | Files/s | MB/s | Peak RSS MB (tree / max) | Index MB | PDFs-only ingest s | pdftotext s | Ratio | Re-ingest s (% of first) | Rules diff s (%) | Re-apply one kind s (%) | Re-apply all s (%) | Re-apply, every deliberation hit s (%) | Stored pages % of input / of PDFs | Search p50 / p95 ms (process start) | Export documents / phases s |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
} | tee "$OUT"
say "bench: table written to $OUT"
