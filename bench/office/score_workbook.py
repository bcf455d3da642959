#!/usr/bin/env python3
"""Scores atti's objectives and indicators read from the monitoring workbooks
(one row per objective x indicator x period) against gold-workbook.jsonl.

    python3 bench/office/score_workbook.py --gold DIR/gold-workbook.jsonl --atti OUT [--json]

Each gold objective is looked for in every workbook of its producer (the
.xlsx and the .ods of the same rows: both are scored); its fields, its
indicators (matched by seq: description, type, expected operator, value
and raw, the result of the latest period and that period) count one each.
Comparison as bench/peg/bench.py: equal after whitespace is collapsed.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "peg"))
import bench  # noqa: E402  (bench/peg/bench.py: its CSV reader and split)

OBJ = ["objective_code", "year", "title", "direction", "director", "service", "manager", "typology",
       "classification", "mission", "operational_objective"]
IND = ["description", "type", "expected_operator", "expected_value", "expected_raw", "result", "result_period"]


def same_number(a: str, b: str) -> bool:
    """A number written two ways (3.0 and 3) is the same value."""
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--atti", required=True)
    ap.add_argument("--split", default=os.path.join(os.path.dirname(__file__), "..", "..", "gold", "split.toml"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--misses", type=int, default=0)
    args = ap.parse_args()
    split = bench.load_split(args.split)
    gold = [json.loads(l) for l in open(args.gold, encoding="utf-8") if l.strip()]
    objectives = bench.read_table(args.atti, "objectives")
    indicators = bench.read_table(args.atti, "indicators")
    tally = {}  # (format, split) -> [right, total]
    misses = []
    for g in gold:
        s = split.get(g["producer"], "train")
        stem = g["file"].rsplit(".", 1)[0]
        for fmt in ("xlsx", "ods"):
            f = f"{stem}.{fmt}"
            code = g["objective"]["objective_code"]
            got = [o for o in objectives if o["source_file"].endswith(f) and o["objective_code"] == code]
            o = got[0] if got else {}
            inds = {int(i["seq"]): i for i in indicators
                    if i["source_file"].endswith(f) and i["objective_code"] == code}
            t = tally.setdefault((fmt, s), [0, 0])
            for k in OBJ:
                ok = bench.norm(o.get(k)) == bench.norm(g["objective"][k])
                t[0] += ok
                t[1] += 1
                if not ok:
                    misses.append((f, code, k, g["objective"][k], o.get(k)))
            last = {}
            for r in g["results"]:
                last[r["seq"]] = r
            for gi in g["indicators"]:
                want = dict(gi, result=last[gi["seq"]]["result"], result_period=last[gi["seq"]]["period"])
                have = inds.get(gi["seq"], {})
                for k in IND:
                    w, h = bench.norm(want[k]), bench.norm(have.get(k))
                    if k in ("expected_value", "result"):
                        w, h = w.replace(",", "."), h.replace(",", ".")
                    ok = w == h or same_number(w, h)
                    t[0] += ok
                    t[1] += 1
                    if not ok:
                        misses.append((f, code, f"indicator[{gi['seq']}].{k}", want[k], have.get(k)))
    if args.json:
        json.dump({f"{fmt}/{s}": v for (fmt, s), v in tally.items()}, sys.stdout, indent=1)
        print()
    else:
        for (fmt, s), (k, n) in sorted(tally.items()):
            print(f"workbook {fmt:5} {s:5}: {k}/{n} = {k / n:.4f}")
        for m in misses[:args.misses]:
            print("  ", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
