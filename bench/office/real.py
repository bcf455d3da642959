#!/usr/bin/env python3
"""atti against LibreOffice on real office files of public bodies.

    python3 bench/office/real.py [--corpus DIR] [--atti BIN] [--split gold/split.toml]

For every .docx, .odt, .doc and .rtf in DIR (default ../shared/corpus/real-it3):
bag-of-words F1 of `atti extract` against `soffice --convert-to txt`
(lower-cased words of letters and digits, counted with their repeats). For
every .xlsx, .xls and .ods: each sheet's cells against `soffice --convert-to
csv` of that sheet (one file per sheet), cell by cell: equal after white
space is collapsed, or the same number (LibreOffice writes a number as its
format shows it). Speed: atti reading every file (one `atti extract` each,
and one `atti run` of the folder) against one soffice process converting the
same files in one call.

Files of test bodies (gold/split.toml) count in the totals only: their
names and differences are never printed.
"""

import argparse
import collections
import csv
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib

WORD = {".docx", ".odt", ".doc", ".rtf"}
SHEET = {".xlsx", ".xls", ".ods", ".xlsm"}


def words(text: str) -> collections.Counter:
    return collections.Counter(re.findall(r"\w+", text.lower()))


def f1(a: collections.Counter, b: collections.Counter) -> float:
    common = sum((a & b).values())
    if not a and not b:
        return 1.0
    p = common / max(1, sum(a.values()))
    r = common / max(1, sum(b.values()))
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def number(s: str):
    t = s.strip().replace("\u00a0", "").replace(" ", "")
    if t.endswith("%"):
        t = t[:-1]
    for cand in (t, t.replace(".", "").replace(",", "."), t.replace(",", "")):
        try:
            return round(float(cand), 6)
        except ValueError:
            pass
    return None


def soffice(files, outdir, target, extra=()):
    profile = tempfile.mkdtemp(prefix="office-real-lo-")
    try:
        args = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                *extra, "--convert-to", target, "--outdir", outdir, *files]
        subprocess.run(args, check=True, capture_output=True, timeout=600)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def test_bodies(split_path):
    with open(split_path, "rb") as f:
        return set(tomllib.load(f).get("test", {}).get("bodies", []))


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus", "real-it3"))
    ap.add_argument("--atti", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target")),
                                                    "release", "atti"))
    ap.add_argument("--split", default=os.path.join(root, "gold", "split.toml"))
    args = ap.parse_args()
    tests = test_bodies(args.split)
    files = sorted(f for f in glob.glob(os.path.join(args.corpus, "*"))
                   if os.path.splitext(f)[1].lower() in WORD | SHEET)
    body = lambda f: os.path.basename(f).split("_")[0]
    side = lambda f: "test" if body(f) in tests else "train"
    work = tempfile.mkdtemp(prefix="office-real-")
    try:
        staged = os.path.join(work, "in")
        os.makedirs(staged)
        for f in files:
            shutil.copy(f, staged)
        staged_files = sorted(glob.glob(os.path.join(staged, "*")))
        words_files = [f for f in staged_files if os.path.splitext(f)[1].lower() in WORD]
        sheet_files = [f for f in staged_files if os.path.splitext(f)[1].lower() in SHEET]
        t0 = time.monotonic()
        soffice(words_files, os.path.join(work, "txt"), "txt:Text (encoded):UTF8")
        soffice(sheet_files, os.path.join(work, "csv"),
                'csv:Text - txt - csv (StarCalc):44,34,76,1,,1040,false,true,false,false,false,-1')
        lo_s = time.monotonic() - t0
        t0 = time.monotonic()
        readings = {}
        for f in staged_files:
            out = subprocess.run([args.atti, "extract", "--json", f], capture_output=True, timeout=120)
            readings[f] = json.loads(out.stdout) if out.returncode == 0 else None
        atti_s = time.monotonic() - t0
        t0 = time.monotonic()
        subprocess.run([args.atti, "run", staged, "--out", os.path.join(work, "out")], capture_output=True,
                       check=True, cwd=work)
        run_s = time.monotonic() - t0
        totals = collections.defaultdict(lambda: [0.0, 0])
        for f in words_files:
            stem = os.path.splitext(os.path.basename(f))[0]
            lo = open(os.path.join(work, "txt", stem + ".txt"), encoding="utf-8", errors="replace").read()
            r = readings[f]
            # LibreOffice leaves page headers and footers out of its text, as atti does.
            mine = "\n".join(p["text"] for p in r["pages"]) if r else ""
            score = f1(words(mine), words(lo))
            totals[("words", side(f))][0] += score
            totals[("words", side(f))][1] += 1
            if side(f) == "train":
                print(f"F1 {score:.4f}  {os.path.basename(f)}")
        for f in sheet_files:
            stem = os.path.splitext(os.path.basename(f))[0]
            r = readings[f]
            pages = r["pages"] if r else []
            right = total = 0
            for page in pages:
                name = page.get("name") or ""
                path = os.path.join(work, "csv", f"{stem}-{name}.csv")
                if not os.path.exists(path):
                    continue
                with open(path, encoding="utf-8", errors="replace", newline="") as fh:
                    lo_rows = list(csv.reader(fh))
                mine = {}
                for t in page.get("tables", []):
                    for c in t["cells"]:
                        mine[(c["row"], c["col"])] = c["text"]
                for ri, row in enumerate(lo_rows):
                    for ci, v in enumerate(row):
                        a, b = " ".join(v.split()), " ".join(mine.get((ri, ci), "").split())
                        if not a and not b:
                            continue
                        total += 1
                        na, nb = number(a), number(b)
                        right += a == b or (na is not None and na == nb)
            totals[("cells", side(f))][0] += right
            totals[("cells", side(f))][1] += total
            if side(f) == "train":
                print(f"celle {right}/{total}  {os.path.basename(f)}")
        for (what, s), (k, n) in sorted(totals.items()):
            if what == "words":
                print(f"{what} {s}: F1 medio {k / max(1, n):.4f} su {n} file")
            else:
                print(f"{what} {s}: {int(k)}/{n} celle uguali = {k / max(1, n):.4f}")
        n = len(staged_files)
        print(f"velocità: {n} file; LibreOffice (un processo, una chiamata per tipo) {lo_s:.1f} s = "
              f"{n / lo_s:.1f} file/s; atti extract (un processo per file) {atti_s:.1f} s = {n / atti_s:.1f} file/s "
              f"({lo_s / atti_s:.1f}x); atti run sulla cartella {run_s:.1f} s = {n / run_s:.1f} file/s "
              f"({lo_s / run_s:.1f}x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
