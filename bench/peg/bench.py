#!/usr/bin/env python3
"""Scores atti's PEG tables against the corpus gold, per producer and per layout.

    python3 bench/peg/bench.py --gold DIR/gold.jsonl --atti OUT [--split gold/split.toml]
        [--json] [--misses N]

OUT is the folder `atti run DIR --out OUT` wrote (objectives.csv, phases.csv,
indicators.csv; either CSV dialect, with or without byte order mark). Rows
are matched to the gold by source file (a path under the ingested root that
ends with the gold's `producer/code.pdf`), phases and indicators by `seq`.

Every value is compared after trimming and collapsing runs of whitespace
(Python's str.split: spaces, tabs, line breaks, no-break spaces) to one
space, and nothing else: equal or wrong, no fuzzy matching. The one column
read in its dialect's form is `weight`, a decimal column that the Italian
CSV writes with a comma (12,5 is compared as 12.5). A gold phase or
indicator with no row of its seq counts every one of its cells wrong; an
extra row counts no cell but makes the row count wrong. Standard library
only.
"""

import argparse
import collections
import csv
import json
import os
import sys
import tomllib

OBJECTIVE_FIELDS = [
    "objective_code", "year", "title", "direction", "director", "service", "manager", "typology",
    "classification", "strategic_direction_code", "strategic_direction", "strategic_objective_code",
    "strategic_objective", "mission", "operational_objective", "description",
]
PHASE_FIELDS = ["description", "weight", "start_date", "end_date", "responsible",
                "responsibility_centre", "notes"]
INDICATOR_FIELDS = ["description", "type", "expected_operator", "expected_value", "expected_raw"]

# Layout dimensions printed in the second part; `pages` and `gantt_split`
# are measured on the PDF, the others are the generator's choices.
DIMENSIONS = ["header_lines", "header_break", "rules", "valign", "orientation", "pages", "gantt_split",
              "repeat_header_when_split", "header_block", "dup_block", "label_case", "weights", "font"]


def norm(value) -> str:
    return " ".join(str(value if value is not None else "").split())


def read_table(folder: str, name: str) -> list:
    path = os.path.join(folder, f"{name}.csv")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter))
    for row in rows:
        row["_dialect"] = "italian" if delimiter == ";" else "rfc"
    return rows


def cell(row: dict, field: str) -> str:
    value = norm(row.get(field, ""))
    if field == "weight" and row.get("_dialect") == "italian":
        value = value.replace(",", ".")
    return value


class Tally:
    """Right/total counts per key; keys are 'objective.title', 'phase.weight', ..."""

    def __init__(self):
        self.counts = collections.defaultdict(lambda: [0, 0])
        self.sheets = 0

    def add(self, key: str, right: bool):
        self.counts[key][0] += int(right)
        self.counts[key][1] += 1

    def merge(self, other: "Tally"):
        self.sheets += other.sheets
        for key, (k, n) in other.counts.items():
            self.counts[key][0] += k
            self.counts[key][1] += n

    def group(self, prefix: str) -> list:
        k = n = 0
        for key, (a, b) in self.counts.items():
            if key.startswith(prefix + "."):
                k, n = k + a, n + b
        return [k, n]

    def overall(self) -> list:
        parts = [self.group(p) for p in ("objective", "phase", "indicator")]
        return [sum(p[0] for p in parts), sum(p[1] for p in parts)]

    def to_json(self) -> dict:
        return {
            "sheets": self.sheets,
            "fields": {key: list(v) for key, v in sorted(self.counts.items())},
            "objective_fields": self.group("objective"),
            "phase_cells": self.group("phase"),
            "indicator_cells": self.group("indicator"),
            "phase_rows_count_right": list(self.counts["rows.phases"]),
            "indicator_rows_count_right": list(self.counts["rows.indicators"]),
            "overall_fields": self.overall(),
        }


def rows_by_file(rows: list, files: list) -> dict:
    """Maps each gold file to the output rows whose source_file names it."""
    out = collections.defaultdict(list)
    wanted = {f: f for f in files}
    for row in rows:
        source = row.get("source_file", "").replace("\\", "/")
        for f in wanted:
            if source == f or source.endswith("/" + f):
                out[f].append(row)
                break
    return out


def score_rows(tally: Tally, misses: list, prefix: str, fields: list, gold_rows: list, got_rows: list,
               rows_key: str):
    by_seq = {}
    for row in got_rows:
        try:
            seq = int(norm(row.get("seq", "")))
        except ValueError:
            continue
        by_seq.setdefault(seq, row)
    for g in gold_rows:
        row = by_seq.get(g["seq"])
        if row is None:
            misses.append((f"{prefix}[{g['seq']}]", "una riga", "nessuna"))
        for field in fields:
            want = norm(g[field])
            got = cell(row, field) if row is not None else None
            right = got == want
            tally.add(f"{prefix}.{field}", right)
            if not right and row is not None:
                misses.append((f"{prefix}[{g['seq']}].{field}", want, got))
    extra = sorted(set(by_seq) - {g["seq"] for g in gold_rows})
    if extra:
        misses.append((f"{prefix}[{','.join(map(str, extra))}]", "nessuna riga", "righe in più"))
    tally.add(rows_key, len(got_rows) == len(gold_rows))


def score_sheet(sheet: dict, objectives: list, phases: list, indicators: list):
    tally, misses = Tally(), []
    tally.sheets = 1
    row = objectives[0] if objectives else None
    for field in OBJECTIVE_FIELDS:
        want = norm(sheet["objective"].get(field, ""))
        got = cell(row, field) if row is not None else None
        tally.add(f"objective.{field}", got == want)
        if got != want:
            misses.append((f"objective.{field}", want, got))
    score_rows(tally, misses, "phase", PHASE_FIELDS, sheet["phases"], phases, "rows.phases")
    score_rows(tally, misses, "indicator", INDICATOR_FIELDS, sheet["indicators"], indicators, "rows.indicators")
    return tally, misses


def layout_values(sheet: dict) -> dict:
    lay = sheet["layout"]
    measured = lay.get("measured", {})
    pages = measured.get("pages", 0)
    split = measured.get("gantt_split", False)
    return {
        "header_lines": lay["header_lines"],
        "header_break": lay["header_break"],
        "rules": lay["rules"],
        "valign": lay["valign"],
        "orientation": measured.get("orientation", lay["orientation"]),
        "pages": "1" if pages == 1 else "2+",
        "gantt_split": "yes" if split else "no",
        "repeat_header_when_split": (("repeated" if lay["repeat_header"] else "not repeated")
                                     if split else None),
        "header_block": lay["header_block"],
        "dup_block": lay["dup_block"],
        "label_case": lay["label_case"],
        "weights": lay["weights"],
        "font": lay["font"],
    }


def load_split(path: str) -> dict:
    with open(path, "rb") as f:
        peg = tomllib.load(f).get("peg", {})
    split = {p: "train" for p in peg.get("train_producers", [])}
    split.update({p: "test" for p in peg.get("test_producers", [])})
    return split


def pct(kn) -> str:
    k, n = kn
    return f"{100 * k / n:5.1f}%" if n else "    -"


def frac(kn) -> str:
    return f"{kn[0]}/{kn[1]}" if kn[1] else "-"


def print_report(producers, by_producer, by_split, by_layout, split, gold_path, atti_dir, show_test):
    out = sys.stdout
    total = Tally()
    for t in by_split.values():
        total.merge(t)
    print(f"Corpus PEG: {total.sheets} schede ({gold_path}); tabelle di atti in {atti_dir}", file=out)
    print("Confronto: uguaglianza stretta dopo trim e spazi compressi; weight letto col punto decimale.", file=out)
    order = sorted(producers, key=lambda p: (0 if split.get(p) == "train" else 1, producers.index(p)))
    cols = order + ["train", "test"]
    tallies = [by_producer[p] for p in order] + [by_split.get("train", Tally()), by_split.get("test", Tally())]
    head = ["campo"] + [f"{c} ({split.get(c, '?')})" if c in producers else c.upper() for c in cols]
    widths = [max(34, len(head[0]))] + [max(11, len(h)) for h in head[1:]]

    hidden = [not show_test and (split.get(c) == "test" or c == "test") for c in cols]

    def line(cells):
        cells = [cells[0]] + ["nascosto" if h else c for c, h in zip(cells[1:], hidden)]
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                        for i, (c, w) in enumerate(zip(cells, widths))), file=out)

    print(file=out)
    line(head)
    line(["schede"] + [t.sheets for t in tallies])
    for prefix, fields in (("objective", OBJECTIVE_FIELDS), ("phase", PHASE_FIELDS),
                           ("indicator", INDICATOR_FIELDS)):
        for field in fields:
            line([f"{prefix}.{field}"] + [frac(t.counts.get(f"{prefix}.{field}", [0, 0])) for t in tallies])
    line(["righe fasi giuste (numero)"] + [frac(t.counts.get("rows.phases", [0, 0])) for t in tallies])
    line(["righe indicatori giuste (numero)"] + [frac(t.counts.get("rows.indicators", [0, 0])) for t in tallies])
    line(["campi obiettivo"] + [pct(t.group("objective")) for t in tallies])
    line(["celle fasi"] + [pct(t.group("phase")) for t in tallies])
    line(["celle indicatori"] + [pct(t.group("indicator")) for t in tallies])
    line(["accuratezza complessiva"] + [pct(t.overall()) for t in tallies])
    print(file=out)
    print("Per dimensione del layout (train | test): schede, celle fasi, celle indicatori, complessiva", file=out)
    for dim in DIMENSIONS:
        values = by_layout.get(dim, {})
        if not values:
            continue
        print(f"  {dim}", file=out)
        for value in sorted(values, key=str):
            parts = []
            for s in ("train", "test"):
                t = values[value].get(s)
                if s == "test" and not show_test:
                    parts.append(f"{'nascosto':>24}")
                elif t is None:
                    parts.append(f"{'-':>4} {'':>6} {'':>6} {'':>6}")
                else:
                    parts.append(f"{t.sheets:>4} {pct(t.group('phase'))} {pct(t.group('indicator'))} {pct(t.overall())}")
            print(f"    {str(value):<24} {parts[0]}  |  {parts[1]}", file=out)


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, help="gold.jsonl del corpus (o la sua cartella)")
    ap.add_argument("--atti", required=True, help="cartella scritta da `atti run ... --out`")
    ap.add_argument("--split", default=os.path.join(here, "..", "..", "gold", "split.toml"))
    ap.add_argument("--json", action="store_true", help="stampa il risultato come JSON")
    ap.add_argument("--misses", type=int, default=0,
                    help="mostra fino a N differenze per produttore di train (mai di test)")
    ap.add_argument("--test", action="store_true",
                    help="stampa anche i produttori di test (all'inizio e alla fine di un lavoro, "
                         "non a ogni prova: nessuna regola si sceglie sulle cifre di test)")
    args = ap.parse_args()
    gold_path = os.path.join(args.gold, "gold.jsonl") if os.path.isdir(args.gold) else args.gold
    with open(gold_path, encoding="utf-8") as f:
        sheets = [json.loads(line) for line in f if line.strip()]
    split = load_split(args.split)
    files = [s["file"] for s in sheets]
    objectives = rows_by_file(read_table(args.atti, "objectives"), files)
    phases = rows_by_file(read_table(args.atti, "phases"), files)
    indicators = rows_by_file(read_table(args.atti, "indicators"), files)
    producers, by_producer, by_split = [], {}, {}
    by_layout = collections.defaultdict(lambda: collections.defaultdict(dict))
    misses = collections.defaultdict(list)
    for sheet in sheets:
        f, producer = sheet["file"], sheet["producer"]
        tally, sheet_misses = score_sheet(sheet, objectives.get(f, []), phases.get(f, []), indicators.get(f, []))
        if producer not in by_producer:
            producers.append(producer)
            by_producer[producer] = Tally()
        by_producer[producer].merge(tally)
        s = split.get(producer, "train")
        by_split.setdefault(s, Tally()).merge(tally)
        for dim, value in layout_values(sheet).items():
            if value is None:
                continue
            by_layout[dim][value].setdefault(s, Tally()).merge(tally)
        misses[producer] += [(f, *m) for m in sheet_misses]
    def shown(producer):
        return args.test or split.get(producer, "train") != "test"

    if args.json:
        result = {
            "gold": gold_path,
            "atti": args.atti,
            "split": {p: split.get(p, "train") for p in producers},
            "producers": {p: by_producer[p].to_json() for p in producers if shown(p)},
            "train": by_split.get("train", Tally()).to_json(),
            "test": by_split.get("test", Tally()).to_json() if args.test else "hidden",
            "by_layout": {dim: {str(v): {s: t.to_json() for s, t in per.items() if args.test or s != "test"}
                                for v, per in values.items()}
                          for dim, values in by_layout.items()},
        }
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_report(producers, by_producer, by_split, by_layout, split, gold_path, args.atti, args.test)
        if args.misses:
            for producer in [p for p in producers if split.get(p, "train") != "test"]:
                print(f"\nDifferenze, {producer} (prime {args.misses} di {len(misses[producer])}):")
                for f, where, want, got in misses[producer][:args.misses]:
                    print(f"  {f} {where}: atteso {want!r}, trovato {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
