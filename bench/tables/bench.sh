#!/usr/bin/env bash
# Stream tables whose truth is known by construction (generate.py), read by
# `atti extract --tables --json` and compared cell by cell by
# benches/table_fixtures.rs (`--fixtures DIR`): the share of tables whose
# every cell is right, per layout feature, beside the public fixtures'
# train figures (tabula, camelot; the test project's totals only).
#
#   bench/tables/bench.sh [OUT_DIR]      (default /tmp/atti-gentables)
#
# PAGES (default 120) and SEED set the generator; PYTHON a Python with
# ReportLab (default bench/peg/.venv/bin/python, made by bench/peg/install.sh).
# The PDFs stay in OUT_DIR, out of git; `rm -r OUT_DIR` when done.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-/tmp/atti-gentables}"
py="${PYTHON:-$root/bench/peg/.venv/bin/python}"
[ -x "$py" ] || py="$(command -v python3)"
cd "$root"
"$py" "$here/generate.py" "$out" --pages "${PAGES:-120}" --seed "${SEED:-20261205}"
cargo bench --bench table_fixtures -- --fixtures "$out" --json >"$out/result.json" || true
cargo bench --bench table_fixtures -- --test --json >"$out/public.json" || true
python3 - "$out" <<'PY'
import json, sys
from collections import defaultdict
out = sys.argv[1]
exp = [json.loads(l) for l in open(f"{out}/expected.jsonl", encoding="utf-8") if l.strip()]
res = json.load(open(f"{out}/result.json", encoding="utf-8"))
tables = res["tables"]
assert len(tables) == len(exp), (len(tables), len(exp))
by = defaultdict(lambda: [0, 0, 0.0])
for e, t in zip(exp, tables):
    assert (e["file"], e["page"]) == (t["file"], t["page"])
    ok = bool(t.get("all_match"))
    acc = t["right"] / t["total"] if t.get("total") else 0.0
    for f in ["all"] + e["features"]:
        g = by[f]
        g[0] += ok; g[1] += 1; g[2] += acc
print(f"generated stream tables ({out}): share of tables with every cell right, per feature")
print(f"{'feature':<18} {'all right':>10} {'share':>6} {'mean cell acc.':>15}")
for f in ["all"] + sorted(k for k in by if k != "all"):
    k, n, a = by[f]
    print(f"{f:<18} {f'{k}/{n}':>10} {k / n:>6.2f} {a / n:>15.3f}")
pub = json.load(open(f"{out}/public.json", encoding="utf-8"))
print("\npublic fixtures (tests/fixtures/tables):")
for g in pub["summary"]:
    if g["project"] in ("train", "test", "all"):
        print(f"  {g['project']:<6} {g['mode']:<8} {g['all_match']}/{g['tables']} = {g['share']:.2f}")
PY
