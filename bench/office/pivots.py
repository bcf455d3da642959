#!/usr/bin/env python3
"""Pivot tables as LibreOffice lays them out on load, against atti.

    python3 bench/office/pivots.py [--atti BIN] [--keep DIR] [--write DIR]

Writes .xlsx workbooks holding a pivot table (its cache, records and
definition, the sheet cells Excel saves for it) in several shapes: Excel's
labels, empty labels, row and column headers' captions, several row fields,
a column field, a data field renamed or not named, two data fields (with a
cell under the table, with the field headers hidden, on rows), compact, outline and tabular forms, a page field,
field headers hidden, a pivot on a sheet of its own, a grand total caption. Converts
them with `soffice --convert-to csv` (the options of `real.py`) and prints
every cell where atti's text differs. `--write DIR` only writes the
workbooks (the test fixtures are made so: tests/fixtures/office-cells).

No file here comes from a body: the data are a service's amounts by year.
"""

import os
import shutil
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cells import against_soffice, bench_args  # noqa: E402

NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
H = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

# The source: a service's amounts by year and kind.
FIELDS = ["Servizio", "Anno", "Tipo", "Importo", "Quantità"]
DATA = [
    ("Anagrafe", 2022, "Spesa", 10, 1),
    ("Tributi", 2022, "Spesa", 30, 2),
    ("Anagrafe", 2023, "Entrata", 20, 3),
    ("Tributi", 2023, "Spesa", 40, 4),
    ("Anagrafe", 2023, "Spesa", 5, 5),
]


def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(r, c):
    return f"{col(c)}{r + 1}"


def cell(r, c, v):
    if v is None or v == "":
        return f'<c r="{ref(r, c)}" s="0"/>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref(r, c)}"><v>{v}</v></c>'
    return f'<c r="{ref(r, c)}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'


def sheet_xml(grid, extra=""):
    rows = {}
    for (r, c), v in sorted(grid.items()):
        rows.setdefault(r, []).append(cell(r, c, v))
    body = "".join(f'<row r="{r + 1}">{"".join(cs)}</row>' for r, cs in sorted(rows.items()))
    return H + f"<worksheet {NS}><sheetData>{body}</sheetData>{extra}</worksheet>"


def items(f):
    return sorted({row[f] for row in DATA})


def layout(p):
    """The cells Excel saves for the pivot (its own layout, with its labels)
    at (r0, c0): a dict (row, col) -> value. Row fields in compact form share
    one column; outline and tabular give each its own. One column field at
    most; data fields one column each (or across the column field's items)."""
    if p.get("datarows"):
        return layout_datarows(p)
    r0, c0 = p["at"]
    g = {}
    rows, cols, data = p["rows"], p["cols"], p["data"]
    compact = p["form"] == "compact"
    nrowcols = 1 if compact else max(1, len(rows))
    # Header row(s): with a column field, the first row holds the data
    # caption and the column header caption; the second the row caption
    # and the column items.
    labels = p["labels"]
    if "page" in p:
        # Excel saves a page field's name and its selection two rows above
        # the table (a blank row between).
        g[(r0 - 2, c0)] = FIELDS[p["page"]]
        g[(r0 - 2, c0 + 1)] = "(Tutto)"
    hdr = r0
    if cols:
        g[(r0, c0)] = labels.get("data", "")
        g[(r0, c0 + nrowcols)] = labels.get("col", "")
        hdr = r0 + 1
    for i in range(nrowcols):
        g[(hdr, c0 + i)] = labels.get("row", "") if compact else (FIELDS[rows[i]] if labels.get("row") else "")
    colkeys = [None]
    if cols:
        colkeys = items(cols[0])
        for j, k in enumerate(colkeys):
            g[(hdr, c0 + nrowcols + j)] = k
        g[(hdr, c0 + nrowcols + len(colkeys))] = labels.get("grand", "")
    else:
        for j, (fld, name) in enumerate(data):
            g[(hdr, c0 + nrowcols + j)] = labels.get("dname", name) if len(data) == 1 else name
    r = hdr + 1

    def total(pred, fld, ck):
        return sum(row[fld] for row in DATA if pred(row) and (ck is None or row[cols[0]] == ck))

    def put_values(r, pred):
        if cols:
            for j, k in enumerate(colkeys):
                v = total(pred, data[0][0], k)
                g[(r, c0 + nrowcols + j)] = v if any(pred(x) and x[cols[0]] == k for x in DATA) else ""
            g[(r, c0 + nrowcols + len(colkeys))] = total(pred, data[0][0], None)
        else:
            for j, (fld, _) in enumerate(data):
                g[(r, c0 + nrowcols + j)] = total(pred, fld, None)

    def walk(level, pred, r):
        f = rows[level]
        for k in items(f):
            sub = (lambda pr, kk: (lambda row: pr(row) and row[f] == kk))(pred, k)
            if not any(sub(x) for x in DATA):
                continue
            cidx = c0 if compact else c0 + level
            g[(r, cidx)] = k
            # Excel's row item for this row: its level (`r`, the fields
            # before it left out) and its item's index.
            p["_rowitems"].append((level, items(f).index(k)))
            if level + 1 < len(rows):
                if p["form"] == "tabular":
                    r = walk(level + 1, sub, r)
                    g[(r, cidx)] = f"Totale {k}"
                    put_values(r, sub)
                    r += 1
                else:
                    put_values(r, sub)
                    r = walk(level + 1, sub, r + 1)
            else:
                put_values(r, sub)
                r += 1
        return r

    p["_rowitems"] = []
    r = walk(0, lambda row: True, r)
    g[(r, c0)] = labels.get("grand", "")
    put_values(r, lambda row: True)
    return g, r


def layout_datarows(p):
    """The cells Excel saves for a pivot whose data fields are on rows
    (`dataOnRows`, the data fields' own field `-2` after the one row field),
    in outline or tabular form: the row field's column, the data fields'
    names' column, then the values (one column, or one per column item and
    the total). Outline gives each item a row of its own over its data
    fields' rows; tabular puts the first beside the item. A grand total row
    for each data field."""
    r0, c0 = p["at"]
    rows, cols, data, labels = p["rows"], p["cols"], p["data"], p["labels"]
    g = {}
    hdr = r0
    if cols:
        g[(r0, c0)] = ""
        g[(r0, c0 + 2)] = labels.get("col", "")
        hdr = r0 + 1
    g[(hdr, c0)] = FIELDS[rows[0]] if labels.get("row") else ""
    g[(hdr, c0 + 1)] = labels.get("values", "")
    colkeys = items(cols[0]) if cols else []
    for j, k in enumerate(colkeys):
        g[(hdr, c0 + 2 + j)] = k
    g[(hdr, c0 + 2 + len(colkeys))] = labels.get("grand", "") if cols else ""

    def put(r, pred, fld):
        for j, k in enumerate(colkeys):
            sel = [x for x in DATA if pred(x) and x[cols[0]] == k]
            g[(r, c0 + 2 + j)] = sum(x[fld] for x in sel) if sel else ""
        g[(r, c0 + 2 + len(colkeys))] = sum(x[fld] for x in DATA if pred(x))

    r = hdr + 1
    p["_rowitems"] = []
    for k in items(rows[0]):
        pred = (lambda kk: (lambda x: x[rows[0]] == kk))(k)
        g[(r, c0)] = k
        if p["form"] != "tabular":
            r += 1
        for fld, name in data:
            g[(r, c0 + 1)] = name
            put(r, pred, fld)
            r += 1
    for fld, name in data:
        g[(r, c0)] = f"Totale {name}" if labels.get("grand") else ""
        put(r, lambda x: True, fld)
        r += 1
    return g, r - 1


def pivot_xml(p, last_row, last_col):
    r0, c0 = p["at"]
    rows, cols, data = p["rows"], p["cols"], p["data"]
    compact = p["form"] == "compact"
    nrowcols = 1 if compact else max(1, len(rows))
    if p.get("datarows"):
        nrowcols = len(rows) + 1
    pf = []
    for f in range(len(FIELDS)):
        attrs = []
        if f in rows:
            attrs.append('axis="axisRow"')
        if f in cols:
            attrs.append('axis="axisCol"')
        if any(d[0] == f for d in data):
            attrs.append('dataField="1"')
        if f == p.get("page"):
            attrs.append('axis="axisPage"')
        if p["form"] != "compact":
            attrs.append('compact="0"')
        if p["form"] == "tabular":
            attrs.append('outline="0"')
        if p.get("nosub") and f in rows:
            attrs.append('defaultSubtotal="0"')
        if p.get("sort") and (f in rows or f in cols):
            attrs.append(f'sortType="{p["sort"]}"')
        inner = ""
        if (f in rows or f in cols or f == p.get("page")) and not p.get("noitems"):
            ks = items(f)
            order = list(range(len(ks)))
            if p.get("reverse"):
                order.reverse()
            hid = p.get("hidden", {}).get(f)
            inner = (f'<items count="{len(ks) + (0 if p.get("nosub") and f in rows else 1)}">'
                     + "".join(f'<item x="{i}"' + (' h="1"' if ks[i] == hid else "") + "/>" for i in order)
                     + ("" if p.get("nosub") and f in rows else '<item t="default"/>') + '</items>')
        pf.append(f'<pivotField {" ".join(attrs)} showAll="0">{inner}</pivotField>')
    a = [f'name="Pivot1" cacheId="1" dataCaption="Valori" applyNumberFormats="0" applyBorderFormats="0" '
         f'applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" '
         f'updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" itemPrintTitles="1" useAutoFormatting="1"']
    if p["form"] == "compact":
        a.append('outline="1" outlineData="1"')
    elif p["form"] == "outline":
        a.append('compact="0" compactData="0" outline="1" outlineData="1"')
    else:
        a.append('compact="0" compactData="0" gridDropZones="1"')
    if p.get("datarows"):
        a.append('dataOnRows="1"')
    if p.get("headers") is False:
        a.append('showHeaders="0"')
    for k, attr in (("rowcap", "rowHeaderCaption"), ("colcap", "colHeaderCaption"), ("grandcap", "grandTotalCaption")):
        if k in p:
            a.append(f'{attr}="{escape(p[k])}"')
    first_data_row = 2 if cols else 1
    pages = ' rowPageCount="1" colPageCount="1"' if "page" in p else ""
    loc = (f'<location ref="{ref(r0, c0)}:{ref(last_row, last_col)}" firstHeaderRow="{p.get("fhr", 1)}" '
           f'firstDataRow="{first_data_row}" firstDataCol="{nrowcols}"{pages}/>')
    body = loc + f'<pivotFields count="{len(FIELDS)}">{"".join(pf)}</pivotFields>'
    rowfields = rows + [-2] if p.get("datarows") else rows
    body += f'<rowFields count="{len(rowfields)}">' + "".join(f'<field x="{f}"/>' for f in rowfields) + "</rowFields>"
    if p.get("items"):
        its = p["_rowitems"]
        body += f'<rowItems count="{len(its) + 1}">' + "".join(
            ("<i>" if not lv else f'<i r="{lv}">') + (f'<x v="{ix}"/>' if ix else "<x/>") + "</i>"
            for lv, ix in its) + '<i t="grand"><x/></i></rowItems>'
    if cols:
        # Several data fields side by side under a column field: their own
        # field (-2) after it or before it.
        fs = {"after": cols + [-2], "before": [-2] + cols}.get(p.get("datacols"), cols)
        body += f'<colFields count="{len(fs)}">' + "".join(f'<field x="{f}"/>' for f in fs) + "</colFields>"
    elif len(data) > 1 and not p.get("datarows"):
        body += '<colFields count="1"><field x="-2"/></colFields>'
    if "page" in p:
        body += f'<pageFields count="1"><pageField fld="{p["page"]}" hier="-1"/></pageFields>'
    fn = f' subtotal="{p["func"]}"' if "func" in p else ""
    body += f'<dataFields count="{len(data)}">' + "".join(
        '<dataField' + ('' if n is None else f' name="{escape(n)}"') + f' fld="{f}"{fn} baseField="0" baseItem="0"/>'
        for f, n in data) + "</dataFields>"
    body += ('<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" '
             'showRowStripes="0" showColStripes="0" showLastColumn="1"/>')
    return H + f'<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" {" ".join(a)}>{body}</pivotTableDefinition>'


REFRESH = ' refreshOnLoad="1"'

# How the cache names its source: a range of a sheet (Excel's default), an
# Excel table over the range (`Inserisci > Tabella pivot` from a formatted
# table), or a name the workbook defines for it.
SOURCES = {
    None: '<worksheetSource ref="A1:{last}" sheet="Dati"/>',
    "table": '<worksheetSource name="Movimenti"/>',
    "name": '<worksheetSource name="Fonte_pivot"/>',
}


def cache_xml(refresh=False, source=None):
    fields = []
    for f, name in enumerate(FIELDS):
        vals = [row[f] for row in DATA]
        if all(isinstance(v, str) for v in vals):
            ks = items(f)
            fields.append(f'<cacheField name="{escape(name)}" numFmtId="0"><sharedItems count="{len(ks)}">'
                          + "".join(f'<s v="{escape(k)}"/>' for k in ks) + "</sharedItems></cacheField>")
        elif f in (1,):
            ks = items(f)
            fields.append(f'<cacheField name="{escape(name)}" numFmtId="0"><sharedItems containsSemiMixedTypes="0" '
                          f'containsString="0" containsNumber="1" containsInteger="1" minValue="{min(ks)}" '
                          f'maxValue="{max(ks)}" count="{len(ks)}">' + "".join(f'<n v="{k}"/>' for k in ks)
                          + "</sharedItems></cacheField>")
        else:
            fields.append(f'<cacheField name="{escape(name)}" numFmtId="0"><sharedItems containsSemiMixedTypes="0" '
                          f'containsString="0" containsNumber="1" containsInteger="1" minValue="{min(vals)}" '
                          f'maxValue="{max(vals)}"/></cacheField>')
    last = ref(len(DATA), len(FIELDS) - 1)
    definition = (H + f'<pivotCacheDefinition {NS} r:id="rId1" refreshedBy="x" refreshedVersion="6" '
                  f'minRefreshableVersion="3"{REFRESH if refresh else ""} '
                  f'recordCount="{len(DATA)}"><cacheSource type="worksheet">'
                  f'{SOURCES[source].format(last=last)}</cacheSource>'
                  f'<cacheFields count="{len(FIELDS)}">{"".join(fields)}</cacheFields></pivotCacheDefinition>')
    recs = []
    for row in DATA:
        rec = []
        for f, v in enumerate(row):
            if f in (0, 1, 2):
                rec.append(f'<x v="{items(f).index(v)}"/>')
            else:
                rec.append(f'<n v="{v}"/>')
        recs.append("<r>" + "".join(rec) + "</r>")
    records = H + f'<pivotCacheRecords {NS} count="{len(DATA)}">{"".join(recs)}</pivotCacheRecords>'
    return definition, records


def write(path, p):
    src = {(0, c): name for c, name in enumerate(FIELDS)}
    for r, row in enumerate(DATA, 1):
        for c, v in enumerate(row):
            src[(r, c)] = v
    for (r, c), v in p.get("changed", {}).items():
        # A source cell changed after the cache was saved.
        src[(r, c)] = v
    g, last_row = layout(p)
    if p.get("empty"):
        # A writer that leaves the output to the application (refreshOnLoad).
        g = {}
    for at in p.get("blank", []):
        # A cell of the output saved with no value.
        g[at] = ""
    last_col = max((c for (r, c) in g if r >= p["at"][0]), default=p["at"][1] + 2)
    own = p.get("sheet") == "own"
    if "right" in p:
        # A cell at the table's right, where LibreOffice's wider layout falls.
        g[(p["at"][0] + 2, last_col + 1)] = p["right"]
    if "below" in p:
        # A cell under the table, where LibreOffice's taller layout falls.
        g[(last_row + 1, p["at"][1] + 1)] = p["below"]
    sheets = [("Dati", src)] if own else [("Dati", {**src, **g})]
    if own:
        sheets.append(("Pivot", g))
    pivot_sheet = len(sheets)
    definition, records = cache_xml(p.get("empty", False), p.get("source"))
    last = ref(len(DATA), len(FIELDS) - 1)
    # The workbook's defined name for the source, or the Excel table over it.
    names = (f'<definedNames><definedName name="Fonte_pivot">Dati!$A$1:${last[0]}${len(DATA) + 1}'
             '</definedName></definedNames>' if p.get("source") == "name" else "")
    table = p.get("source") == "table"
    files = {
        "[Content_Types].xml": H + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{CT}.worksheet+xml"/>'
                  for i in range(1, len(sheets) + 1))
        + f'<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="{CT}.pivotTable+xml"/>'
        f'<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="{CT}.pivotCacheDefinition+xml"/>'
        f'<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="{CT}.pivotCacheRecords+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
        "_rels/.rels": H + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>',
        "docProps/app.xml": H + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        '<Application>Microsoft Excel</Application></Properties>',
        "xl/workbook.xml": H + f'<workbook {NS}><workbookPr/><sheets>'
        + "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, (n, _) in enumerate(sheets, 1))
        + '</sheets>' + names + '<pivotCaches><pivotCache cacheId="1" r:id="rId9"/></pivotCaches></workbook>',
        "xl/_rels/workbook.xml.rels": H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                  for i in range(1, len(sheets) + 1))
        + f'<Relationship Id="rId9" Type="{REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
        f"xl/worksheets/_rels/sheet{pivot_sheet}.xml.rels": H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>',
        "xl/pivotCache/pivotCacheDefinition1.xml": definition,
        "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>',
        "xl/pivotCache/pivotCacheRecords1.xml": records,
        "xl/pivotTables/pivotTable1.xml": pivot_xml(p, last_row, last_col),
        "xl/pivotTables/_rels/pivotTable1.xml.rels": H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
    }
    for i, (_, g2) in enumerate(sheets, 1):
        files[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(g2, '<tableParts count="1"><tablePart r:id="rId7"/></tableParts>'
                                                         if table and i == 1 else "")
    if table:
        files["xl/worksheets/_rels/sheet1.xml.rels"] = (
            H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId7" Type="{REL}/table" Target="../tables/table1.xml"/>'
            + ("" if own else f'<Relationship Id="rId1" Type="{REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/>')
            + "</Relationships>")
        files["xl/tables/table1.xml"] = (
            H + f'<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Movimenti" '
            f'displayName="Movimenti" ref="A1:{last}" totalsRowShown="0"><autoFilter ref="A1:{last}"/>'
            f'<tableColumns count="{len(FIELDS)}">'
            + "".join(f'<tableColumn id="{i}" name="{escape(n)}"/>' for i, n in enumerate(FIELDS, 1))
            + '</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" '
            'showRowStripes="1" showColumnStripes="0"/></table>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in files.items():
            z.writestr(k, v)


EXCEL = {"row": "Etichette di riga", "col": "Etichette di colonna", "grand": "Totale complessivo",
         "data": "Somma di Importo"}
S, A, T, I, Q = range(5)

# name -> the pivot: row fields, column fields, data fields (field, name),
# form, the labels Excel saved in the sheet, the captions the definition
# names, where it stands.
PIVOTS = {
    "excel": dict(rows=[S], cols=[], data=[(I, "Somma di Importo")], form="compact", labels=EXCEL, at=(0, 7)),
    "vuote": dict(rows=[S], cols=[], data=[(I, "Somma di Importo")], form="compact", labels={"dname": ""}, at=(0, 7)),
    "didascalie": dict(rows=[S], cols=[], data=[(I, "Somma di Importo")], form="compact",
                       labels={"row": "Servizi", "grand": "Totale generale"}, rowcap="Servizi",
                       grandcap="Totale generale", at=(0, 7)),
    "rinominato": dict(rows=[S], cols=[], data=[(I, "Importi totali")], form="compact", labels=EXCEL, at=(0, 7)),
    "due-dati": dict(rows=[S], cols=[], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")], form="compact",
                     labels=EXCEL, at=(0, 7)),
    "compatta-due-righe": dict(rows=[S, T], cols=[], data=[(I, "Somma di Importo")], form="compact", labels=EXCEL,
                               at=(0, 7)),
    "struttura": dict(rows=[S, T], cols=[], data=[(I, "Somma di Importo")], form="outline", labels=EXCEL, at=(0, 7)),
    "tabellare": dict(rows=[S, T], cols=[], data=[(I, "Somma di Importo")], form="tabular", labels=EXCEL, at=(0, 7)),
    "colonne": dict(rows=[S], cols=[A], data=[(I, "Somma di Importo")], form="compact", labels=EXCEL, at=(0, 7)),
    "colonne-vuote": dict(rows=[S], cols=[A], data=[(I, "Somma di Importo")], form="compact", labels={}, at=(0, 7)),
    "colonne-didascalia": dict(rows=[S], cols=[A], data=[(I, "Somma di Importo")], form="compact",
                               labels={**EXCEL, "col": "Anni", "row": "Servizi"}, rowcap="Servizi", colcap="Anni",
                               at=(0, 7)),
    # Shapes real workbooks hold (session 46): a page field (a filter)
    # above the table; the field headers hidden (`showHeaders="0"`: Excel
    # leaves the row caption's cell empty); two data fields with the
    # header row first in the location, as Excel writes them (firstHeaderRow 0).
    "pagina": dict(rows=[S], cols=[], data=[(I, "Somma di Importo")], form="compact", labels=EXCEL, at=(2, 7), page=A),
    "pagina-colonne": dict(rows=[S], cols=[T], data=[(I, "Somma di Importo")], form="compact", labels=EXCEL,
                           at=(2, 7), page=A),
    "senza-intestazioni": dict(rows=[S], cols=[], data=[(I, "Somma di Importo")], form="compact",
                               labels={"grand": "Totale complessivo"}, headers=False, at=(0, 7)),
    "senza-intestazioni-colonne": dict(rows=[S], cols=[A], data=[(I, "Somma di Importo")], form="compact",
                                       labels={"data": "Somma di Importo", "grand": "Totale complessivo"},
                                       headers=False, at=(0, 7)),
    "due-dati-excel": dict(rows=[S], cols=[], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")],
                           form="compact", labels=EXCEL, at=(0, 7), fhr=0),
    # A compact table of two row fields with the row items Excel writes
    # (`rowItems`: each row's level), with and without a column field.
    "compatta-due-righe-voci": dict(rows=[S, T], cols=[], data=[(I, "Somma di Importo")], form="compact",
                                    labels=EXCEL, at=(0, 7), items=True),
    "compatta-due-righe-colonne": dict(rows=[S, T], cols=[A], data=[(I, "Somma di Importo")], form="compact",
                                       labels=EXCEL, at=(0, 7), items=True, right="Nota a destra"),
    "due-dati-tabellare": dict(rows=[S, T], cols=[], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")],
                               form="tabular", labels=EXCEL, at=(0, 7)),
    "due-dati-sotto": dict(rows=[S], cols=[], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")],
                           form="compact", labels=EXCEL, at=(0, 7), below="Nota sotto la tabella"),
    # A data field the definition does not name (a writer other than Excel):
    # the cell over its values, or the table's first cell, left empty.
    "senza-nome": dict(rows=[S], cols=[], data=[(I, None)], form="compact", labels={"row": "Etichette di riga",
                       "dname": "", "grand": "Totale complessivo"}, at=(0, 7)),
    "colonne-senza-nome": dict(rows=[S], cols=[A], data=[(I, None)], form="compact",
                               labels={"row": "Etichette di riga", "col": "Etichette di colonna",
                                       "grand": "Totale complessivo"}, at=(0, 7)),
    # Two data fields with the field headers hidden, or with captions left
    # empty by a writer other than Excel: the table's first cell empty.
    "due-dati-senza-intestazioni": dict(rows=[S], cols=[], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")],
                                        form="compact", labels={"grand": "Totale complessivo"}, headers=False,
                                        at=(0, 7), fhr=0),
    "due-dati-vuote": dict(rows=[S], cols=[], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")],
                           form="compact", labels={}, at=(0, 7), fhr=0),
    "due-dati-vuote-fhr1": dict(rows=[S], cols=[], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")],
                                form="compact", labels={}, at=(0, 7)),
    # Two data fields on rows (`dataOnRows`: Excel's "Valori" among the row
    # fields), in outline and tabular form, with Excel's captions, with none,
    # and beside a column field.
    "dati-in-righe": dict(rows=[S], cols=[], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")],
                          form="outline", labels={**EXCEL, "values": "Valori"}, at=(0, 7), datarows=True),
    "dati-in-righe-tabellare": dict(rows=[S], cols=[], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")],
                                    form="tabular", labels={**EXCEL, "values": "Valori"}, at=(0, 7),
                                    datarows=True),
    "dati-in-righe-vuote": dict(rows=[S], cols=[], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")],
                                form="outline", labels={}, at=(0, 7), datarows=True),
    "dati-in-righe-colonne": dict(rows=[S], cols=[A], data=[(I, "Somma di Importo"), (Q, "Somma di Quantità")],
                                  form="outline", labels={**EXCEL, "values": "Valori"}, at=(0, 7),
                                  datarows=True),
    "dati-in-righe-colonne-vuote": dict(rows=[S], cols=[A], data=[(I, "Somma di Importo"),
                                        (Q, "Somma di Quantità")], form="outline", labels={}, at=(0, 7),
                                        datarows=True),
    # Writers that save the definition and its cache and leave the output to
    # the application (`refreshOnLoad`, no cells for the table: .NET and
    # Java libraries): LibreOffice lays the table out from the source range.
    "senza-celle": dict(rows=[S], cols=[], data=[(I, None)], form="compact", labels={}, at=(0, 7), empty=True),
    "senza-celle-due-righe": dict(rows=[S, T], cols=[], data=[(I, "Somma di Importo")], form="compact", labels={},
                                  at=(0, 7), empty=True, noitems=True),
    "senza-celle-tabellare": dict(rows=[S, T], cols=[], data=[(I, "Somma di Importo")], form="tabular", labels={},
                                  at=(0, 7), empty=True),
    "senza-celle-colonne": dict(rows=[S, T], cols=[A], data=[(I, "Somma di Importo")], form="outline", labels={},
                                at=(0, 7), empty=True),
    "senza-celle-due-colonne": dict(rows=[S], cols=[A, T], data=[(I, "Totale")], form="compact", labels={},
                                    at=(0, 7), empty=True),
    "senza-celle-due-dati": dict(rows=[S], cols=[], data=[(I, "Importo"), (Q, "Quantità totale")], form="compact",
                                 labels={}, at=(0, 7), empty=True),
    "senza-celle-dati-in-righe": dict(rows=[S], cols=[A], data=[(I, "Importo"), (Q, "Quantità totale")],
                                      form="outline", labels={}, at=(0, 7), empty=True, datarows=True),
    # The output saved with a label and a value missing (cells with no
    # value): LibreOffice lays the table out from its source all the same.
    "celle-mancanti": dict(rows=[S], cols=[A], data=[(I, "Somma di Importo")], form="compact", labels=EXCEL,
                           at=(0, 7), blank=[(1, 8), (2, 7), (3, 9)]),
    "senza-celle-dati-in-righe-tabellare": dict(rows=[S, T], cols=[], data=[(I, "Importo"), (Q, "Quantità totale")],
                                                form="tabular", labels={}, at=(0, 7), empty=True, datarows=True,
                                                nosub=True),
    "senza-celle-dati-colonne": dict(rows=[S], cols=[A], data=[(I, "Importo"), (Q, "Quantità")], form="compact",
                                     labels={}, at=(0, 7), empty=True, datacols="after"),
    "senza-celle-dati-prima": dict(rows=[S], cols=[A], data=[(I, "Importo"), (Q, None)], form="outline",
                                   labels={}, at=(0, 7), empty=True, datacols="before"),
    "senza-celle-pagina": dict(rows=[T], cols=[], data=[(Q, None)], form="compact", labels={}, at=(3, 7),
                               empty=True, page=A, func="average"),
    "senza-celle-ordine": dict(rows=[S, T], cols=[], data=[(I, None)], form="outline", labels={}, at=(0, 7),
                               empty=True, reverse=True, func="count"),
    "senza-celle-decrescente": dict(rows=[T], cols=[S], data=[(I, None)], form="compact", labels={}, at=(0, 7),
                                    empty=True, noitems=True, sort="descending", func="max"),
    "senza-celle-nascosta": dict(rows=[S, T], cols=[A], data=[(I, None)], form="compact", labels={}, at=(0, 7),
                                 empty=True, hidden={T: "Entrata"}),
    "senza-celle-cambiata": dict(rows=[S], cols=[], data=[(I, "Importo")], form="compact", labels={}, at=(0, 7),
                                 empty=True, changed={(1, 3): 1000, (2, 0): "Zeta", (5, 0): None}),
    # A cache whose source is an Excel table or a defined name, not a range.
    "senza-celle-tabella": dict(rows=[S], cols=[A], data=[(I, None)], form="compact", labels={}, at=(0, 7),
                                empty=True, source="table"),
    "senza-celle-nome": dict(rows=[S, T], cols=[], data=[(I, "Importo")], form="outline", labels={}, at=(0, 7),
                             empty=True, source="name"),
    "tabella-fonte": dict(rows=[S], cols=[], data=[(I, "Somma di Importo")], form="compact", labels=EXCEL,
                          at=(0, 7), source="table"),
    "altro-foglio": dict(rows=[S], cols=[], data=[(I, "Somma di Importo")], form="compact", labels=EXCEL,
                         at=(2, 0), sheet="own"),
}


def main() -> int:
    ap = bench_args(__doc__)
    ap.add_argument("--write", help="only write the workbooks here")
    args = ap.parse_args()
    if args.write:
        os.makedirs(args.write, exist_ok=True)
        for name, p in PIVOTS.items():
            write(os.path.join(args.write, f"pivot-{name}.xlsx"), p)
        return 0
    work = args.keep or tempfile.mkdtemp(prefix="office-pivots-")
    os.makedirs(work, exist_ok=True)
    try:
        paths = []
        for name, p in PIVOTS.items():
            path = os.path.join(work, f"pivot-{name}.xlsx")
            write(path, p)
            paths.append(path)
        return against_soffice(args.atti, paths, work, "pivot: ")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
