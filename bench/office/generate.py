#!/usr/bin/env python3
"""Writes the PEG sheets of bench/peg's generator as office files.

    bench/peg/.venv/bin/python bench/office/generate.py --out DIR [--per-producer N] [--seed S]

The sheets are the ones bench/peg/generate.py draws (same seed, same codes,
same layouts, drawn under each producer's name, so the train/test split of
gold/split.toml [peg] holds), written as the HTML page of its plan and
converted by LibreOffice headless (one soffice process per format, a
private profile) into:

- DIR/docx/PRODUCER/CODE.docx and DIR/odt/...: Writer documents, one
  objective each (tables as tables);
- DIR/xlsx/PRODUCER/CODE.xlsx and DIR/ods/...: the same page imported by
  Calc, one objective per workbook (paragraphs and table rows as rows);
- DIR/workbook/PRODUCER.xlsx and .ods: one workbook per producer with one
  row per objective x indicator x period (two half-year periods), the shape
  performance software exports for PEG monitoring, with a result per row.

Gold: DIR/gold-FORMAT.jsonl, the lines of bench/peg's gold with `file`
pointing at the office file (bench/peg/bench.py scores them as they are),
and DIR/gold-workbook.jsonl (objective, indicators, results per period).
Needs `soffice` (apt-get install libreoffice-writer libreoffice-calc).
"""

import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "peg"))

from pegcorpus import draw, gold, layout as layouts, plan, producers  # noqa: E402
from pegcorpus import render_html  # noqa: E402

WRITER = {"docx": "docx:MS Word 2007 XML", "odt": "odt:writer8"}
CALC = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods:calc8"}

# The columns of the monitoring workbook, as performance software heads them.
WORKBOOK_COLUMNS = [
    "Anno", "Codice obiettivo", "Obiettivo", "Direzione", "Direttore", "Servizio", "Dirigente",
    "Tipologia", "Classificazione", "Missione", "Obiettivo operativo", "Indicatore", "Tipo indicatore",
    "Valore atteso", "Periodo", "Valore rilevato",
]


def soffice(sources, outdir, target, infilter=None):
    """Converts `sources` into `outdir` with one soffice process; returns seconds."""
    os.makedirs(outdir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="office-lo-")
    started = dt.datetime.now()
    try:
        args = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
        if infilter:
            args.append(f"--infilter={infilter}")
        args += ["--convert-to", target, "--outdir", outdir, *sources]
        subprocess.run(args, check=True, capture_output=True, timeout=120 + 10 * len(sources))
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return (dt.datetime.now() - started).total_seconds()


# A table cell whose text Calc would take for a formula: `=> 17`, `= SI`,
# `+5%`, `- 10` (after an optional <b>).
FORMULA_LIKE = re.compile(r'<(td|th)( [^>]*)?>((?:<b>)?\s*[=+-])')


def calc_page(page: str) -> str:
    """The HTML page for Calc's import: every cell whose text starts with
    `=`, `+` or `-` is given the Text number format (`sdnum`, as Calc's own
    HTML export writes it), so that Calc keeps `=> 17` as the text it is, as
    a performance system's export or a user's text column holds it, instead
    of parsing it as a formula whose value is an error (#VALUE!, #NAME?)."""
    return FORMULA_LIKE.sub(lambda m: f'<{m.group(1)}{m.group(2) or ""} sdnum="1040;0;@">{m.group(3)}', page)


def result_of(ind, period: int, rng: random.Random) -> str:
    """A monitored value that reads like the target's kind: SI/NO for a yes/no
    target, a number otherwise (the first period about half the second)."""
    if ind.value.upper() in ("SI", "NO", "SÌ"):
        return rng.choice(["SI", "NO"]) if period == 1 else "SI"
    try:
        target = float(ind.value)
    except ValueError:
        return str(rng.randint(1, 20))
    v = target * (0.4 + 0.2 * rng.random() if period == 1 else 0.8 + 0.4 * rng.random())
    return str(int(round(v))) if v >= 10 or target.is_integer() else f"{v:.1f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-producer", type=int, default=20)
    ap.add_argument("--seed", default="2026")
    args = ap.parse_args()
    n = args.per_producer
    codes = draw.draw_codes(random.Random(f"{args.seed}:codes"), n * len(producers.NAMES))
    out = os.path.abspath(args.out)
    html_dir = os.path.join(out, "html")
    gold_lines = {f: [] for f in list(WRITER) + list(CALC)}
    workbook_gold = []
    seconds = {}
    for pi, name in enumerate(producers.NAMES):
        sheet_layouts = layouts.balanced_layouts(random.Random(f"{args.seed}:{name}:layout"), n)
        folder = os.path.join(html_dir, name)
        os.makedirs(folder, exist_ok=True)
        calc_folder = os.path.join(out, "html-calc", name)
        os.makedirs(calc_folder, exist_ok=True)
        sources, calc_sources, rows = [], [], []
        for i, lay in enumerate(sheet_layouts):
            rng = random.Random(f"{args.seed}:{name}:{i}")
            producers.restrict(name, lay)
            sheet = draw.draw_sheet(rng, codes[pi * n + i], lay)
            doc = plan.plan(sheet, lay, rng)
            source = os.path.join(folder, f"{sheet.code}.html")
            page = render_html.page(doc, footer=False)
            with open(source, "w", encoding="utf-8") as f:
                f.write(page)
            sources.append(source)
            calc_source = os.path.join(calc_folder, f"{sheet.code}.html")
            with open(calc_source, "w", encoding="utf-8") as f:
                f.write(calc_page(page))
            calc_sources.append(calc_source)
            for fmt in gold_lines:
                gold_lines[fmt].append(gold.line(name, f"{fmt}/{name}/{sheet.code}.{fmt}", sheet, lay))
            res_rng = random.Random(f"{args.seed}:{name}:{i}:results")
            results = []
            for k, ind in enumerate(sheet.indicators):
                for period, day in ((1, dt.date(sheet.year, 6, 30)), (2, dt.date(sheet.year, 12, 31))):
                    value = result_of(ind, period, res_rng)
                    rows.append([sheet.year, sheet.code, sheet.title, sheet.direction, sheet.director.name,
                                 sheet.service, sheet.manager.name, sheet.typology, sheet.classification,
                                 sheet.mission, sheet.operational, ind.description, ind.type, ind.raw,
                                 day.strftime("%d/%m/%Y"), value.replace(".", ",")])
                    results.append({"seq": k + 1, "period": day.isoformat(), "result": value})
            o = gold.objective(sheet)
            workbook_gold.append({
                "producer": name, "file": f"workbook/{name}.xlsx",
                "objective": {k: o[k] for k in ("objective_code", "year", "title", "direction", "director",
                                                 "service", "manager", "typology", "classification",
                                                 "mission", "operational_objective")},
                "indicators": gold.indicators(sheet), "results": results,
            })
        for fmt, target in WRITER.items():
            seconds[f"{fmt}/{name}"] = soffice(sources, os.path.join(out, fmt, name), target,
                                               "HTML (StarWriter)")
        for fmt, target in CALC.items():
            seconds[f"{fmt}/{name}"] = soffice(calc_sources, os.path.join(out, fmt, name), target,
                                               "HTML (StarCalc)")
        book = os.path.join(out, "workbook-src", f"{name}.csv")
        os.makedirs(os.path.dirname(book), exist_ok=True)
        with open(book, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(WORKBOOK_COLUMNS)
            w.writerows(rows)
        # Semicolons, UTF-8 (76), from line 1; the target column (14) as
        # text, as exports keep it ("=> 17" is no formula); Italian locale,
        # so 30/06/2021 becomes a date and 12,5 a number.
        csv_filter = "Text - txt - csv (StarCalc):59,34,76,1,14/2,1040"
        for fmt, target in CALC.items():
            soffice([book], os.path.join(out, "workbook"), target, csv_filter)
        print(f"{name}: {n} schede", file=sys.stderr)
    for fmt, lines in gold_lines.items():
        with open(os.path.join(out, f"gold-{fmt}.jsonl"), "w", encoding="utf-8") as f:
            for line in lines:
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "gold-workbook.jsonl"), "w", encoding="utf-8") as f:
        for line in workbook_gold:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "generation.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": args.seed, "per_producer": n, "seconds": seconds}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
