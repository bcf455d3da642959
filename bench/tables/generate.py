#!/usr/bin/env python3
"""Stream tables whose truth is known by construction.

Writes one-page PDFs with ReportLab's canvas, each holding one or two
tables drawn WITHOUT vertical lines (none at all, or horizontal rules
only) set as administrative documents set them: prose above and below, a
two-column page with the table in one column, a title set large and
letter-spaced, a caption and a footnote, a running header and a page
number. Every word is placed by this script, so the expected grid is
known exactly; it is written beside the PDFs as `expected.jsonl`, in the
form of tests/fixtures/tables/expected.jsonl (benches/table_fixtures.rs
reads it), each line with the `features` the table was drawn with:

- columns: `cols2-3`, `cols4-6`, `cols7-9`;
- cells: `numeric_right` (amounts right-aligned), `empty_cells`,
  `grouped_first` (the first column set on a group's first row only,
  empty on the rows that continue it),
  `wrapped_top` / `wrapped_middle` (a cell over 2-3 lines, the other cells
  of its row at its top or centred on it), `totals_row`, `label_rows`
  (a section label over the whole row), `narrow_gutter` (columns one
  space apart where their widest cells meet);
- header: `header_multiline` (labels over 2-3 lines), `group_header` (a
  label over 2-3 columns);
- rules: `hrules` (horizontal rules above and below the header and at the
  end, none between columns);
- page: `prose`, `two_column`, `large_title`, `caption_footnote`,
  `two_tables`.

Features are drawn by design, each independently with its own chance, from
a fixed seed: `generate.py OUT_DIR [--pages N] [--seed S]`.
"""

import argparse
import json
import os
import random

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

FONT, BOLD = "Helvetica", "Helvetica-Bold"
PAGE_W, PAGE_H = A4
MARGIN = 56.0
SEED = 0
LATE = random.Random(0)

WORDS = (
    "il comune provvede alla gestione dei servizi pubblici locali secondo i principi di "
    "efficacia efficienza ed economicità dell'azione amministrativa nel rispetto delle "
    "norme vigenti e dello statuto la giunta approva il piano esecutivo di gestione e "
    "assegna ai responsabili dei servizi le risorse finanziarie necessarie al "
    "raggiungimento degli obiettivi indicati nel documento unico di programmazione "
    "il responsabile del procedimento cura l'istruttoria e trasmette gli atti "
    "all'ufficio competente per la pubblicazione all'albo pretorio on line"
).split()

TEXT_CELLS = [
    "Servizi generali", "Polizia locale", "Istruzione", "Viabilità",
    "Manutenzione strade comunali", "Refezione scolastica", "Servizi sociali",
    "Asilo nido", "Illuminazione pubblica", "Verde pubblico", "Biblioteca",
    "Trasporto scolastico", "Raccolta rifiuti", "Protezione civile",
    "Ufficio tecnico", "Anagrafe e stato civile", "Tributi", "Sport",
    "Cultura e turismo", "Edilizia residenziale", "Cimiteri", "Acquedotto",
]
LONG_CELLS = [
    "Interventi di manutenzione straordinaria degli edifici scolastici comunali",
    "Contributi alle associazioni del territorio per attività culturali",
    "Servizio di assistenza domiciliare agli anziani non autosufficienti",
    "Acquisto di arredi e attrezzature per gli uffici comunali",
    "Spese per la gestione del servizio di illuminazione pubblica",
    "Rimborso delle quote capitale dei mutui contratti con la Cassa depositi",
    "Trasferimenti alla provincia per il servizio di trasporto pubblico",
    "Incarichi professionali per la progettazione delle opere pubbliche",
]
NAMES = ["Rossi Mario", "Bianchi Anna", "Verdi Luca", "Esposito Sara", "Romano Paolo",
         "Colombo Giulia", "Ricci Marco", "Marino Elena", "Greco Davide", "Bruno Laura"]
HEADER_TEXT = ["Descrizione", "Servizio", "Intervento", "Responsabile", "Ufficio",
               "Oggetto", "Voce di spesa", "Settore"]
HEADER_NUM = ["Importo", "Stanziamento iniziale", "Variazioni", "Stanziamento definitivo",
              "Impegnato", "Pagato", "Residui passivi", "Previsione", "Accertato",
              "Riscosso", "Differenza", "Quota %"]
HEADER_CODE = ["Codice", "Cap.", "Missione", "Programma", "Art.", "N."]
GROUPS = ["Competenza", "Cassa", "Esercizio 2024", "Esercizio 2025", "Residui", "Previsioni"]
LABELS = ["Titolo I - Spese correnti", "Titolo II - Spese in conto capitale",
          "Entrate tributarie", "Entrate extratributarie", "Missione 01 - Servizi istituzionali",
          "Missione 04 - Istruzione e diritto allo studio", "Sezione A", "Parte seconda"]
TITLES = ["RENDICONTO", "ALLEGATO A", "PROSPETTO", "RIEPILOGO", "VARIAZIONI DI BILANCIO"]
CAPTIONS = ["Tabella {n} - Riepilogo delle spese per servizio",
            "Tabella {n}. Variazioni agli stanziamenti di bilancio",
            "Prospetto {n} - Impegni e pagamenti dell'esercizio"]
FOOTNOTES = ["(1) Importi in euro, al lordo delle ritenute.",
             "Fonte: elaborazione del servizio finanziario su dati di contabilità.",
             "Nota: i valori negativi indicano una riduzione dello stanziamento."]


def amount(r, big=True):
    v = r.randint(0, 9_999_999 if big else 99_999) / 100.0
    whole, cents = f"{v:.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ".".join(groups) + "," + cents


def wrap(text, font, size, width):
    lines, cur = [], ""
    for w in text.split():
        t = (cur + " " + w).strip()
        if cur and stringWidth(t, font, size) > width:
            lines.append(cur)
            cur = w
        else:
            cur = t
    if cur:
        lines.append(cur)
    return lines


class Col:
    def __init__(self, kind, header):
        self.kind = kind  # text | num | code | name
        self.header = header
        self.width = 0.0
        self.wrap = False


def make_table(r, max_width, feats_wanted):
    """A table: columns, header rows, body rows; cells as text (lines later)."""
    f = set()
    ncols = r.choice([2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9])
    size = 9.0 if ncols <= 6 else 7.5
    cols = [Col("text", r.choice(HEADER_TEXT))]
    heads = list(HEADER_NUM)
    r.shuffle(heads)
    if ncols >= 4 and r.random() < 0.5:
        cols.insert(0, Col("code", r.choice(HEADER_CODE)))
    if ncols >= 5 and r.random() < 0.3:
        cols.append(Col("name", "Responsabile"))
    while len(cols) < ncols:
        cols.append(Col("num", heads.pop()))
    cols = cols[:ncols]
    f.add("cols2-3" if ncols <= 3 else "cols4-6" if ncols <= 6 else "cols7-9")
    nrows = r.randint(3, 9)
    wrapped = "wrap" in feats_wanted and ncols <= 7
    text_i = next(i for i, c in enumerate(cols) if c.kind == "text")
    body = []
    for _ in range(nrows):
        row = []
        for c in cols:
            if c.kind == "text":
                row.append(r.choice(LONG_CELLS) if wrapped and r.random() < 0.6 else r.choice(TEXT_CELLS))
            elif c.kind == "code":
                row.append(r.choice([f"{r.randint(1, 20):02d}", f"{r.randint(1000, 9999)}",
                                     f"{r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 99):02d}"]))
            elif c.kind == "name":
                row.append(r.choice(NAMES))
            else:
                row.append(amount(r, big=ncols <= 6))
        body.append(row)
    if "empty" in feats_wanted:
        for row in body:
            for i, c in enumerate(cols):
                if c.kind == "num" and r.random() < 0.25:
                    row[i] = ""
        f.add("empty_cells")
    if any(c.kind == "num" for c in cols):
        f.add("numeric_right")
    rows = [{"kind": "body", "cells": row} for row in body]
    if "label" in feats_wanted and nrows >= 4:
        cut = r.randint(1, nrows - 2)
        rows.insert(cut, {"kind": "label", "cells": [r.choice(LABELS)] + [""] * (ncols - 1)})
        rows.insert(0, {"kind": "label", "cells": [r.choice(LABELS)] + [""] * (ncols - 1)})
        f.add("label_rows")
    if "totals" in feats_wanted and any(c.kind == "num" for c in cols):
        cells = ["" for _ in cols]
        cells[text_i] = "Totale"
        for i, c in enumerate(cols):
            if c.kind == "num":
                cells[i] = amount(r, big=True)
        rows.append({"kind": "total", "cells": cells})
        f.add("totals_row")
    # Header.
    group = None
    nums = [i for i, c in enumerate(cols) if c.kind == "num"]
    if "group" in feats_wanted and len(nums) >= 2:
        k = min(len(nums), r.choice([2, 2, 3]))
        start = r.randint(0, len(nums) - k)
        span = nums[start:start + k]
        if span == list(range(span[0], span[0] + k)):
            group = (span[0], k, r.choice(GROUPS))
            f.add("group_header")
    multiline = "multiline" in feats_wanted
    # Column widths from their contents.
    hsize = size
    for i, c in enumerate(cols):
        texts = [row["cells"][i] for row in rows if row["kind"] != "label"]
        w = max([stringWidth(t, FONT, size) for t in texts] + [1.0])
        if c.kind == "text" and wrapped:
            w = min(w, r.uniform(90, 130))
            c.wrap = True
        head_w = stringWidth(c.header, BOLD, hsize)
        if multiline and len(c.header.split()) > 1:
            head_w = max(stringWidth(x, BOLD, hsize) for x in c.header.split())
        elif len(c.header.split()) > 1 and head_w > w * 1.3:
            head_w = max(stringWidth(x, BOLD, hsize) for x in c.header.split())
        c.width = max(w, head_w)
    narrow = "narrow" in feats_wanted
    gutter = stringWidth(" ", FONT, size) if narrow else r.uniform(10, 22)
    if narrow:
        f.add("narrow_gutter")
    total = sum(c.width for c in cols) + gutter * (ncols - 1)
    if total > max_width:
        return None
    if group:
        # The group label must fit over its columns.
        g0, k, label = group
        span_w = sum(cols[j].width for j in range(g0, g0 + k)) + gutter * (k - 1)
        if stringWidth(label, BOLD, hsize) > span_w:
            group = None
            f.discard("group_header")
    # Rows grouped under the first column's value, set on the group's first
    # row only (a mission, a chapter, a service over several entries): the
    # first column is empty on the rows that continue the group. Done after
    # the widths are set, so that the rest of the page is drawn as without.
    if "grouped" in feats_wanted and nrows >= 4 and cols[0].kind in ("code", "text"):
        k = 0
        while k < nrows:
            n = min(nrows - k, LATE.randint(2, 3))
            for row in body[k + 1:k + n]:
                row[0] = ""
            k += n
        f.add("grouped_first")
    head_lines = []
    for c in cols:
        lines = wrap(c.header, BOLD, hsize, c.width + 0.01)
        head_lines.append(lines)
    if any(len(x) > 1 for x in head_lines):
        f.add("header_multiline")
    return {"cols": cols, "rows": rows, "size": size, "gutter": gutter, "group": group,
            "head_lines": head_lines, "features": f, "width": total, "wrapped": wrapped}


def draw_table(c, r, t, x0, top, feats):
    """Draws the table with its top at `top`; returns (bottom, grid, spans, header_rows, groups)."""
    cols, size, gutter = t["cols"], t["size"], t["gutter"]
    pitch = size * 1.25
    xs = []
    x = x0
    for col in cols:
        xs.append(x)
        x += col.width + gutter
    right = xs[-1] + cols[-1].width
    hrules = "hrules" in feats
    y = top
    grid, spans, groups = [], [], []
    if hrules:
        c.setLineWidth(0.6)
        c.line(x0, y + 2, right, y + 2)
        y -= 3
    header_rows = 1
    if t["group"]:
        g0, k, label = t["group"]
        gx0, gx1 = xs[g0], xs[g0 + k - 1] + cols[g0 + k - 1].width
        y -= size
        c.setFont(BOLD, size)
        c.drawCentredString((gx0 + gx1) / 2, y, label)
        if hrules:
            c.setLineWidth(0.4)
            c.line(gx0, y - 3, gx1, y - 3)
        y -= pitch - size + 3
        row = [""] * len(cols)
        row[g0] = label
        grid.append(row)
        spans.append([0, g0, 1, k])
        groups.append([0, g0])
        header_rows = 2
    n = max(len(h) for h in t["head_lines"])
    valign = r.choice(["bottom", "top"])
    c.setFont(BOLD, size)
    for i, col in enumerate(cols):
        lines = t["head_lines"][i]
        off = n - len(lines) if valign == "bottom" else 0
        for j, line in enumerate(lines):
            yy = y - size - (off + j) * pitch
            if col.kind == "num":
                c.drawRightString(xs[i] + col.width, yy, line)
            elif col.kind == "code":
                c.drawCentredString(xs[i] + col.width / 2, yy, line)
            else:
                c.drawString(xs[i], yy, line)
    grid.append([" ".join(h) for h in t["head_lines"]])
    y -= size + (n - 1) * pitch
    if hrules:
        c.setLineWidth(0.4)
        c.line(x0, y - 3, right, y - 3)
        y -= 4
    y -= pitch - size + 2
    middle = "middle" in feats
    for ri, row in enumerate(t["rows"]):
        cells = row["cells"]
        if row["kind"] == "label":
            y -= 3
            c.setFont(BOLD, size)
            c.drawString(xs[0], y - size, cells[0])
            grid.append(cells[:])
            spans.append([len(grid) - 1, 0, 1, len(cols)])
            y -= pitch
            continue
        lines = []
        for i, col in enumerate(cols):
            if col.wrap:
                lines.append(wrap(cells[i], FONT, size, col.width + 0.01))
            else:
                lines.append([cells[i]] if cells[i] else [])
        n = max(1, max(len(x) for x in lines))
        if row["kind"] == "total":
            if hrules:
                c.setLineWidth(0.4)
                c.line(x0, y + 1, right, y + 1)
            y -= 2
        c.setFont(BOLD if row["kind"] == "total" else FONT, size)
        for i, col in enumerate(cols):
            off = (n - len(lines[i])) / 2.0 if middle else 0.0
            for j, line in enumerate(lines[i]):
                yy = y - size - (off + j) * pitch
                if col.kind == "num":
                    c.drawRightString(xs[i] + col.width, yy, line)
                elif col.kind == "code":
                    c.drawString(xs[i], yy, line)
                else:
                    c.drawString(xs[i], yy, line)
        grid.append([" ".join(x) for x in lines])
        y -= n * pitch + (size * 0.5 if t["wrapped"] else 0)
    if hrules:
        c.setLineWidth(0.6)
        c.line(x0, y + pitch - size - 1, right, y + pitch - size - 1)
    return y, grid, spans, header_rows, groups


def prose(c, x, y, width, nlines, r, size=10.0):
    c.setFont(FONT, size)
    for _ in range(nlines):
        words, line = [], ""
        while True:
            w = r.choice(WORDS)
            t = (line + " " + w).strip()
            if stringWidth(t, FONT, size) > width:
                break
            line = t
        # Justified as documents are: spaces stretched to the full width.
        ws = line.split()
        if len(ws) > 1:
            extra = (width - stringWidth(line, FONT, size)) / (len(ws) - 1)
            xx = x
            for w in ws:
                c.drawString(xx, y, w)
                xx += stringWidth(w + " ", FONT, size) + extra
        y -= size * 1.3
    return y


def page(path, r, n):
    """One page; returns its expected tables."""
    feats = set()
    for name, p in [("wrap", 0.4), ("middle", 0.5), ("empty", 0.35), ("label", 0.3),
                    ("totals", 0.4), ("group", 0.3), ("multiline", 0.45), ("narrow", 0.2),
                    ("hrules", 0.4)]:
        if r.random() < p:
            feats.add(name)
    # Features added later draw from a generator of their own, so that the
    # pages drawn without them stay as they were.
    global LATE
    LATE = random.Random(f"{SEED}-{n}")
    if LATE.random() < 0.25:
        feats.add("grouped")
    layout = r.choice(["prose", "prose", "two_column", "large_title", "caption_footnote",
                       "two_tables"])
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(f"generated stream table {n}")
    c.setFont(FONT, 8)
    c.drawString(MARGIN, PAGE_H - 36, "Comune di Valdoria - Deliberazione della Giunta n. %d" % (40 + n))
    c.drawCentredString(PAGE_W / 2, 30, f"- {n} -")
    width = PAGE_W - 2 * MARGIN
    y = PAGE_H - 70
    out = []
    tables_wanted = 2 if layout == "two_tables" else 1
    if layout == "two_column":
        gap = 18.0
        colw = (width - gap) / 2
        left = r.random() < 0.5
        tx = MARGIN if left else MARGIN + colw + gap
        ox = MARGIN + colw + gap if left else MARGIN
        for _ in range(20):
            t = make_table(r, colw, feats)
            if t and len(t["cols"]) <= 4:
                break
        else:
            t = None
        if t is None:
            feats.discard("group")
            t = make_table(r, colw, set())
            if t is None or len(t["cols"]) > 4:
                return page(path, r, n) if False else None
        yt = prose(c, tx, y, colw, r.randint(4, 12), r) - 8
        bottom, grid, spans, hr, groups = draw_table(c, r, t, tx, yt, feats)
        prose(c, tx, bottom - 12, colw, r.randint(3, 10), r)
        prose(c, ox, y, colw, 50, r)
        out.append((t, grid, spans, hr, groups, {"two_column"}))
    else:
        if layout == "large_title":
            size = r.choice([16, 18, 22])
            c.setFont(BOLD, size)
            txt = c.beginText()
            txt.setTextOrigin(MARGIN + r.uniform(0, 120), y - size)
            txt.setFont(BOLD, size)
            txt.setCharSpace(r.uniform(2, 6))
            txt.textLine(r.choice(TITLES))
            # Tc is text state: it outlives the text object unless reset.
            txt.setCharSpace(0)
            c.drawText(txt)
            y -= size + 14
        y = prose(c, MARGIN, y, width, r.randint(2, 7), r) - 10
        for k in range(tables_wanted):
            t = None
            for _ in range(20):
                t = make_table(r, width, feats)
                if t:
                    break
            if t is None:
                return None
            x0 = MARGIN + (width - t["width"]) / 2 if r.random() < 0.5 else MARGIN
            if layout == "caption_footnote":
                c.setFont(BOLD, 9)
                c.drawString(x0, y - 9, r.choice(CAPTIONS).format(n=k + 1))
                y -= 20
            bottom, grid, spans, hr, groups = draw_table(c, r, t, x0, y, feats)
            y = bottom - 6
            if layout == "caption_footnote":
                c.setFont(FONT, 7)
                c.drawString(x0, y - 7, r.choice(FOOTNOTES))
                y -= 14
            y = prose(c, MARGIN, y - 10, width, r.randint(2, 5), r) - 10
            out.append((t, grid, spans, hr, groups, {layout}))
            if y < 300:
                break
    c.showPage()
    c.save()
    res = []
    for t, grid, spans, hr, groups, lay in out:
        f = set(t["features"]) | lay
        if "hrules" in feats:
            f.add("hrules")
        if t["wrapped"]:
            f.add("wrapped_middle" if "middle" in feats else "wrapped_top")
        res.append({"grid": grid, "spans": spans, "header_rows": hr,
                    "group_headers": groups, "features": sorted(f)})
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--seed", type=int, default=20261205)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    global SEED
    SEED = a.seed
    r = random.Random(a.seed)
    lines = []
    n = 0
    while n < a.pages:
        name = f"gen-{n + 1:03d}.pdf"
        tables = page(os.path.join(a.out, name), r, n + 1)
        if not tables:
            continue
        n += 1
        for t in tables:
            e = {"project": "generated", "file": name, "page": 1, "mode": "stream",
                 "grid": t["grid"]}
            if t["spans"]:
                e["spans"] = t["spans"]
            if t["header_rows"] > 1:
                e["header_rows"] = t["header_rows"]
            if t["group_headers"]:
                e["group_headers"] = t["group_headers"]
            e["features"] = t["features"]
            lines.append(json.dumps(e, ensure_ascii=False))
    with open(os.path.join(a.out, "expected.jsonl"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"{n} pages, {len(lines)} tables in {a.out}")


if __name__ == "__main__":
    main()
