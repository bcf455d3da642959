#!/usr/bin/env python3
"""Writes the PEG corpus: N sheets per producer, each a PDF, and DIR/gold.jsonl.

    bench/peg/.venv/bin/python bench/peg/generate.py --out DIR [--per-producer N]
        [--seed S] [--producers a,b,..]

The same seed gives the same sheets and layouts (the PDFs' bytes may differ
by the producers' own time stamps). Codes are drawn for all six producers
whatever --producers says, so a sheet keeps its code in any subset run.
"""

import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pegcorpus import draw, gold, inspect_pdf, layout as layouts, plan, producers  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="cartella di uscita")
    ap.add_argument("--per-producer", type=int, default=20)
    ap.add_argument("--seed", default="2026")
    ap.add_argument("--producers", default=",".join(producers.NAMES))
    args = ap.parse_args()
    selected = [p.strip() for p in args.producers.split(",") if p.strip()]
    unknown = [p for p in selected if p not in producers.NAMES]
    if unknown:
        print(f"produttori sconosciuti: {', '.join(unknown)} (noti: {', '.join(producers.NAMES)})", file=sys.stderr)
        return 2
    n = args.per_producer
    codes = draw.draw_codes(random.Random(f"{args.seed}:codes"), n * len(producers.NAMES))
    os.makedirs(args.out, exist_ok=True)
    lines, timings = [], {}
    for pi, name in enumerate(producers.NAMES):
        if name not in selected:
            continue
        started = time.monotonic()
        folder = os.path.join(args.out, name)
        os.makedirs(folder, exist_ok=True)
        sheet_layouts = layouts.balanced_layouts(random.Random(f"{args.seed}:{name}:layout"), n)
        items = []
        for i, lay in enumerate(sheet_layouts):
            rng = random.Random(f"{args.seed}:{name}:{i}")
            producers.restrict(name, lay)
            sheet = draw.draw_sheet(rng, codes[pi * n + i], lay)
            doc = plan.plan(sheet, lay, rng)
            items.append((sheet, lay, doc, os.path.join(folder, f"{sheet.code}.pdf")))
        producers.render(name, [(doc, path) for _, _, doc, path in items], args.out)
        for sheet, lay, doc, path in items:
            lay.measured = inspect_pdf.measure(path, sheet)
            lines.append(gold.line(name, f"{name}/{sheet.code}.pdf", sheet, lay))
        timings[name] = round(time.monotonic() - started, 2)
        print(f"{name}: {len(items)} schede in {timings[name]:.1f} s", file=sys.stderr)
    with open(os.path.join(args.out, "gold.jsonl"), "w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "generation.json"), "w", encoding="utf-8") as out:
        json.dump({"seed": args.seed, "per_producer": n, "seconds": timings}, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
