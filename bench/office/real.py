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
SHEET = {".xlsx", ".xls", ".ods", ".xlsm", ".xlsb"}


def italian_env():
    """The environment that runs soffice as an Italian office runs it: its
    Italian interface (`LANGUAGE`, Debian's libreoffice-l10n-it: the words
    LibreOffice makes itself, such as a pivot table's `Totale Risultato`)
    and an Italian locale (`LC_ALL`: truth values and errors as `VERO`,
    `#N/D`), as atti writes them. The locale must be generated (`locales`,
    `it_IT.UTF-8 UTF-8` in /etc/locale.gen, `locale-gen`): one the system
    lacks makes soffice write sheet names with accents wrongly in the
    CSVs' names, so then only the interface is set, and the comparison
    says what is missing."""
    env = {**os.environ, "LANGUAGE": "it"}
    if not os.path.isdir("/usr/lib/libreoffice/program/resource/it"):
        print("attenzione: libreoffice-l10n-it assente, soffice scrive le sue parole in inglese "
              "(apt-get install libreoffice-l10n-it)", file=sys.stderr)
    locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    if "it_it.utf8" in locales:
        env.update(LC_ALL="it_IT.UTF-8", LANG="it_IT.UTF-8")
    else:
        print("attenzione: locale it_IT.UTF-8 non generata, soffice scrive VERO ed errori in inglese "
              "(locale-gen it_IT.UTF-8)", file=sys.stderr)
    return env


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


DATE = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}( \d{1,2}:\d{2}(:\d{2})?)?$")
TIME = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")


def shape(text: str) -> str:
    """The kind of a cell's text as written (for the counts of differences)."""
    if not text:
        return "vuota"
    if DATE.match(text):
        return "data"
    if TIME.match(text):
        return "ora"
    if text.endswith("%") and number(text) is not None:
        return "percentuale"
    if number(text) is not None:
        return "numero"
    if text.startswith("#") or text.startswith("Err:"):
        return "errore"
    return "testo"


def kind(cell) -> str:
    """The typed value atti gave a cell (`testo` when it has none)."""
    if cell is None:
        return "assente"
    v = cell.get("value")
    if not v:
        return "testo"
    return next(iter(v)).lower() if isinstance(v, dict) else str(v).lower()


def col_index(letters: str) -> int:
    """A column's letters (`A`, `AB`) as its 0-based index."""
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return col - 1


def formula_cells(path: str) -> dict:
    """For an .xlsx: sheet name -> {(row, col): has a cached value} of its
    formula cells (`<f>`), to count differences by cell type."""
    import zipfile
    out = {}
    try:
        z = zipfile.ZipFile(path)
        wb = z.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except Exception:
        return out
    app = re.search(r"<Application>([^<]*)</Application>", z.read("docProps/app.xml").decode("utf-8", "replace")
                    if "docProps/app.xml" in z.namelist() else "")
    calc = re.search(r"<calcPr[^>]*>", wb)
    out["@"] = f"{app.group(1) if app else '?'}; {calc.group(0) if calc else 'senza calcPr'}"
    targets = dict(re.findall(r'<Relationship[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
    targets.update({k: v for v, k in re.findall(r'<Relationship[^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
    for m in re.finditer(r'<sheet [^>]*>', wb):
        name = re.search(r'name="([^"]*)"', m.group(0))
        rid = re.search(r'r:id="([^"]*)"', m.group(0))
        if not name or not rid or rid.group(1) not in targets:
            continue
        t = targets[rid.group(1)].lstrip("/")
        part = t if t.startswith("xl/") else "xl/" + t
        try:
            x = z.read(part).decode("utf-8", "replace")
        except KeyError:
            continue
        cells = {}
        for c in re.finditer(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', x, re.S):
            inner = c.group(4) or ""
            key = (int(c.group(2)) - 1, col_index(c.group(1)))
            if "<f" not in inner:
                t = re.search(r'\bt="(\w+)"', c.group(3))
                cells[key] = f"cella t={t.group(1) if t else 'n'}" + (
                    "" if "<v" in inner or "<is" in inner else " senza valore")
            if "<f" in inner:
                f = re.search(r"<f[^>]*>(.*?)</f>", inner, re.S)
                funcs = sorted(set(re.findall(r"([A-Z][A-Z0-9.]+)\(", f.group(1)))) if f else ["condivisa"]
                v = re.search(r"<v>([^<]*)</v>", inner)
                cells[key] = (v.group(1) if v else None, ",".join(funcs) or "senza funzioni")
        for m in re.finditer(r'<hyperlink ref="([A-Z]+)(\d+)"', x):
            key = (int(m.group(2)) - 1, col_index(m.group(1)))
            cells[key] = f"{cells.get(key, 'senza cella')} con collegamento ipertestuale"
        for m in re.finditer(r'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"', x):
            c0, c1 = col_index(m.group(1)), col_index(m.group(3))
            for r in range(int(m.group(2)) - 1, int(m.group(4))):
                for c in range(c0, c1 + 1):
                    cells.setdefault((r, c), "unita")
        # The other cells of an array formula's or a data table's range
        # (written once at the range's first cell): named, to tell them apart.
        for m in re.finditer(r'<f [^>]*t="(array|dataTable)"[^>]*ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"', x):
            c0, c1 = col_index(m.group(2)), col_index(m.group(4) or m.group(2))
            for r in range(int(m.group(3)) - 1, int(m.group(5) or m.group(3))):
                for c in range(c0, c1 + 1):
                    if isinstance(cells.get((r, c)), str) and cells[(r, c)].startswith("cella"):
                        cells[(r, c)] += f" nell'intervallo di una formula {m.group(1)}"
        # The cells of a pivot table's output (its `location`), which
        # LibreOffice lays out again on load: named, to tell them apart.
        folder, base = part.rsplit("/", 1)
        try:
            srels = z.read(f"{folder}/_rels/{base}.rels").decode("utf-8", "replace")
        except KeyError:
            srels = ""
        for t in re.findall(r'Target="([^"]*pivotTable[^"]*)"', srels):
            pt = os.path.normpath(os.path.join(folder, t)).lstrip("/") if not t.startswith("/") else t.lstrip("/")
            try:
                px = z.read(pt).decode("utf-8", "replace")
            except KeyError:
                continue
            tag = re.search(r"<location [^>]*>", px)
            loc = tag and re.search(r'ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"', tag.group(0))
            if not loc:
                continue
            c0, c1 = col_index(loc.group(1)), col_index(loc.group(3) or loc.group(1))
            first = re.search(r'firstHeaderRow="(\d+)"', tag.group(0))
            r0 = int(loc.group(2)) - 1
            for r in range(r0, int(loc.group(4) or loc.group(2))):
                for c in range(c0, c1 + 1):
                    if isinstance(cells.get((r, c)), str) and cells[(r, c)].startswith("cella"):
                        where = ("riga d'intestazione" if first and r - r0 <= int(first.group(1))
                                 else "corpo")
                        cells[(r, c)] += f" nel campo di una tabella pivot ({where}, riga {r - r0 + 1} " \
                                         f"colonna {c - c0 + 1} di {int(loc.group(4) or loc.group(2)) - r0}" \
                                         f"x{c1 - c0 + 1})"
        out[html_unescape(name.group(1))] = cells
    return out


def html_unescape(s: str) -> str:
    import html
    return html.unescape(s)


def relation(a: str, b: str) -> str:
    """How two different numbers relate: soffice's `a`, atti's `b`."""
    na, nb = number(a), number(b)
    if na is None or nb is None:
        return ""
    if nb and abs(na / nb - 100) < 1e-6 or na and abs(nb / na - 100) < 1e-6:
        return " (×100)"
    if round(nb) == na or round(nb, 2) == na:
        return " (arrotondato)"
    if abs(na - nb) == 1:
        return f" (soffice {'+' if na > nb else '-'}1)"
    return " (altro valore)"


def soffice(files, outdir, target, extra=()):
    if not files:
        # soffice given no file waits for one (until the timeout).
        return
    profile = tempfile.mkdtemp(prefix="office-real-lo-")
    try:
        args = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                *extra, "--convert-to", target, "--outdir", outdir, *files]
        subprocess.run(args, check=True, capture_output=True, timeout=600, env=italian_env())
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
        # Differences by class (atti's typed value -> the shape of soffice's
        # text), per split: counts only, so test files are never shown.
        classes = collections.defaultdict(collections.Counter)
        cached = collections.Counter()
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
            formulas = formula_cells(f) if f.lower().endswith((".xlsx", ".xlsm")) else {}
            classes[side(f)][f"cartella scritta da {formulas.get('@', '?')}"] += 1
            for page in pages:
                name = page.get("name") or ""
                path = os.path.join(work, "csv", f"{stem}-{name}.csv")
                if not os.path.exists(path):
                    classes[side(f)]["foglio senza CSV di soffice"] += 1
                    continue
                with open(path, encoding="utf-8", errors="replace", newline="") as fh:
                    lo_rows = list(csv.reader(fh))
                mine, cells, spans = {}, {}, set()
                for t in page.get("tables", []):
                    for c in t["cells"]:
                        mine[(c["row"], c["col"])] = c["text"]
                        cells[(c["row"], c["col"])] = c
                        for dr in range(c.get("row_span", 1) or 1):
                            for dc in range(c.get("col_span", 1) or 1):
                                if dr or dc:
                                    spans.add((c["row"] + dr, c["col"] + dc))
                    # Values a merged cell hides, which soffice's CSV writes.
                    for c in t.get("covered", []):
                        mine[(c["row"], c["col"])] = c["text"]
                        cells[(c["row"], c["col"])] = c
                for ri, row in enumerate(lo_rows):
                    for ci, v in enumerate(row):
                        a, b = " ".join(v.split()), " ".join(mine.get((ri, ci), "").split())
                        if not a and not b:
                            continue
                        total += 1
                        na, nb = number(a), number(b)
                        ok = a == b or (na is not None and na == nb)
                        right += ok
                        if not ok:
                            where = " (cella unita)" if (ri, ci) in spans else ""
                            fx = formulas.get(name, {}).get((ri, ci)) if name != "@" else None
                            if fx == "unita":
                                where += " in un'area unita"
                            elif isinstance(fx, str):
                                where += " " + fx
                            elif fx is not None:
                                where += f" formula [{fx[1]}]" + ("" if fx[0] is not None else " senza valore in cache")
                                # soffice writes what it computes again on load (it does for
                                # shared formulas), atti the value the file holds, computed by
                                # the application that saved it: counted apart when equal.
                                if fx[0] is not None and nb is not None and number(fx[0]) == nb:
                                    cached[side(f)] += 1
                            where += relation(a, b)
                            if a and b and " ".join(a.lower().split()) == " ".join(b.lower().split()):
                                how = "maiuscole"
                            elif a and b and a.replace(" ", "") == b.replace(" ", ""):
                                how = "spazi"
                            else:
                                how = ""
                            classes[side(f)][f"atti {kind(cells.get((ri, ci)))}/{shape(b)} -> soffice "
                                             f"{shape(a)}{where}{' ' + how if how else ''}"] += 1
                # atti's text where soffice's CSV has no cell (past its rows
                # or a row's end): soffice writes nothing there.
                for (ri, ci), b in mine.items():
                    if b.strip() and (ri >= len(lo_rows) or ci >= len(lo_rows[ri])):
                        total += 1
                        classes[side(f)][f"atti {kind(cells.get((ri, ci)))}/{shape(b)} -> soffice "
                                         f"nessuna cella (oltre il CSV)"] += 1
            totals[("cells", side(f))][0] += right
            totals[("cells", side(f))][1] += total
            if side(f) == "train":
                print(f"celle {right}/{total}  {os.path.basename(f)}")
        for (what, s), (k, n) in sorted(totals.items()):
            if what == "words":
                print(f"{what} {s}: F1 medio {k / max(1, n):.4f} su {n} file")
            else:
                print(f"{what} {s}: {int(k)}/{n} celle uguali = {k / max(1, n):.4f}")
                c = cached[s]
                print(f"{what} {s}: {int(k) + c}/{n} = {(k + c) / max(1, n):.4f} contando uguali anche le "
                      f"{c} formule il cui valore è quello salvato nel file (soffice le ricalcola)")
        for s_ in sorted(classes):
            for what, count in classes[s_].most_common():
                print(f"differenze {s_}: {count:4d}  {what}")
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
