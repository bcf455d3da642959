#!/usr/bin/env python3
"""Differential test of spreadsheet cells: atti's text against LibreOffice's CSV.

    python3 bench/office/cells.py [--atti BIN] [--keep DIR]

Writes a workbook of many cell kinds (one case a row: a label in column A,
the cell under test in column B) as an .xlsx by hand (so that every number
format, saved value, shared formula and date system is the one chosen),
lets LibreOffice save it again as .ods, converts both to CSV with the
options of `real.py` (`soffice --convert-to csv`, Italian, every sheet),
reads both with `atti extract --json` and prints every cell whose text
differs, strictly (the text as written) and as `real.py` compares (equal
after white space is collapsed, or the same number). Exit 1 when a cell
differs as `real.py` compares.

No file here comes from a body: the cases are the kinds of cell a
workbook of a public body holds (formats of money, percentages, dates,
durations, text columns, formulas an exporter left without values).
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real import italian_env, number  # noqa: E402

# (label, value as saved, type: n s b e str d, formula or None, number format or None)
# A format is a builtin id (int) or a code (str).
CASES = [
    ("intero", "42", "n", None, None),
    ("decimale", "12.5", "n", None, None),
    ("0.1+0.2 salvato", "0.30000000000000004", "n", None, None),
    ("un terzo", "0.33333333333333331", "n", None, None),
    ("16 cifre", "1234567890123456.7", "n", None, None),
    ("grande", "1E+20", "n", None, None),
    ("piccolo", "1.0000000000000001E-20", "n", None, None),
    ("negativo", "-0.5", "n", None, None),
    ("percento 0%", "0.9", "n", None, 9),
    ("percento 0.00%", "0.12345", "n", None, 10),
    ("percento piccolo", "0.0001", "n", None, 9),
    ("migliaia", "1234567.891", "n", None, 4),
    ("migliaia intero", "1234567", "n", None, 3),
    ("scientifico", "12345.678", "n", None, 11),
    ("frazione", "1.25", "n", None, 12),
    ("valuta", "1234.5", "n", None, '"€" #,##0.00'),
    ("valuta negativa rossa", "-1234.5", "n", None, '#,##0.00;[Red]-#,##0.00'),
    ("parentesi", "-42", "n", None, '#,##0;(#,##0)'),
    ("sezioni zero", "0", "n", None, '0.00;-0.00;"zero"'),
    ("testo @ numero", "123", "n", None, 49),
    ("testo @ stringa", "00123", "s", None, 49),
    ("data 14", "44652", "n", None, 14),
    ("data dd/mm/yyyy", "44652", "n", None, "dd/mm/yyyy"),
    ("data yyyy-mm-dd", "44652", "n", None, "yyyy-mm-dd"),
    ("data mmm yyyy", "44652", "n", None, "mmm yyyy"),
    ("data e ora", "44652.5", "n", None, 22),
    ("ora h:mm", "0.75", "n", None, 20),
    ("ora h:mm:ss", "0.5208449074074074", "n", None, 21),
    ("durata [h]:mm:ss", "1.5", "n", None, 46),
    ("durata mm:ss", "0.001", "n", None, 45),
    ("data 0", "0", "n", None, 14),
    ("data 1", "1", "n", None, 14),
    ("data 59", "59", "n", None, 14),
    ("data 60", "60", "n", None, 14),
    ("data 61", "61", "n", None, 14),
    ("data con secondi", "44652.123456", "n", None, "dd/mm/yyyy hh:mm:ss"),
    ("ora oltre un giorno h:mm", "44652.75", "n", None, 20),
    ("ora negativa h:mm", "-0.25", "n", None, 20),
    ("data con ora in formato data", "44652.5", "n", None, 14),
    ("data ISO con ora", "44652.5", "n", None, "yyyy-mm-dd hh:mm:ss"),
    ("data ISO senza ora con ora", "44652.5", "n", None, "yyyy-mm-dd"),
    ("durata [h]:mm", "2.25", "n", None, "[h]:mm"),
    ("durata [mm]:ss", "0.1", "n", None, "[mm]:ss"),
    ("data lunga", "44652", "n", None, "dddd d mmmm yyyy"),
    ("data testo italiana", "44652", "n", None, '[$-410]d mmmm yyyy;@'),
    ("percento con testo", "0.5", "n", None, '0.0" %"'),
    ("percento vero con testo", "0.5", "n", None, '0.0%" del totale"'),
    ("vero", "1", "b", None, None),
    ("falso", "0", "b", None, None),
    ("errore div0", "#DIV/0!", "e", None, None),
    ("errore na", "#N/A", "e", None, None),
    ("errore valore", "#VALUE!", "e", None, None),
    ("stringa numerica", "007", "s", None, None),
    ("stringa spazi", "  a  b  ", "s", None, None),
    ("formula stringa vuota", "", "str", 'IF(1>2,"x","")', None),
    ("formula testo", "abc", "str", '"ab"&"c"', None),
    ("formula numero", "3", "n", "1+2", None),
    ("formula percento", "0.25", "n", "1/4", 9),
    ("formula data", "44652", "n", "DATE(2022,4,1)", 14),
    ("formula senza valore SUM", None, "n", "SUM(B2:B4)", None),
    ("formula senza valore ROUND", None, "n", "ROUND(2/3,2)", None),
    ("formula senza valore testo", None, "n", 'CONCATENATE("a","b")', None),
    ("formula senza valore data", None, "n", "DATE(2021,3,31)", 14),
    ("formula senza valore YEAR", None, "n", "YEAR(DATE(2021,3,31))", None),
    ("formula senza valore bool", None, "n", "AND(1>0,2>1)", None),
    ("formula senza valore div0", None, "n", "1/0", None),
    ("formula senza valore NA", None, "n", "VLOOKUP(99,B2:B3,1,FALSE)", None),
    ("formula senza valore 0.1+0.2", None, "n", "0.1+0.2", None),
    ("formula senza valore vuota", None, "n", 'IF(1>2,"x","")', None),
    ("formula senza valore LEN", None, "n", 'LEN("abcd")', None),
    ("formula senza valore MID", None, "n", 'MID("abcdef",2,3)', None),
    ("formula senza valore percento", None, "n", "1/8", 10),
    ("formula senza valore INT", None, "n", "INT(-2.5)", None),
    ("formula senza valore MOD", None, "n", "MOD(-7,3)", None),
    ("formula senza valore confronto", None, "n", '"a"="A"', None),
    ("formula senza valore AVERAGE", None, "n", "AVERAGE(B2:B4)", None),
    ("formula senza valore vuoto rif", None, "n", "B500", None),
    ("formula senza valore vuoto rif&", None, "n", 'B500&""', None),
    ("formula senza valore ISBLANK", None, "n", "ISBLANK(B500)", None),
    ("formula senza valore VALUE", None, "n", 'VALUE("12,5")', None),
    ("formula senza valore POWER", None, "n", "POWER(2,0.5)", None),
    ("formula senza valore grande", None, "n", "10^20", None),
    ("formula senza valore piccola", None, "n", "1/3*1E-10", None),
    ("formula senza valore ROUNDUP", None, "n", "ROUNDUP(2.341,2)", None),
    ("formula senza valore TRUNC", None, "n", "TRUNC(-2.7)", None),
    ("formula senza valore UPPER", None, "n", 'UPPER("àb")', None),
    ("formula senza valore testo num", None, "n", '"1"+2', None),
    ("formula senza valore MATCH", None, "n", "MATCH(12.5,B2:B4,0)", None),
    ("formula senza valore INDEX", None, "n", "INDEX(B2:B4,2)", None),
    ("formula senza valore COUNTA", None, "n", "COUNTA(A1:A5)", None),
    ("formula senza valore MIN", None, "n", "MIN(B2:B4)", None),
    ("formula senza valore DAY", None, "n", "DAY(44652)", None),
    ("formula senza valore TRIM", None, "n", 'TRIM("  a   b ")', None),
    ("formula senza valore ora", None, "n", "1/24*13.5", 20),
    ("formula senza valore SQRT neg", None, "n", "SQRT(-1)", None),
    ("formula senza valore IFERROR", None, "n", 'IFERROR(1/0,"no")', None),
    # Defined names (the workbook's `Valori`, `Primo`, `Etichette`), and a
    # range where one value is wanted: its cell in the formula's row.
    ("formula senza valore nome SUM", None, "n", "SUM(Valori)", None),
    ("formula senza valore nome cella", None, "n", "Primo*2", None),
    ("formula senza valore nome minuscolo", None, "n", "MAX(valori)+primo", None),
    ("formula senza valore nome intersezione", None, "n", "Etichette", None),
    ("formula senza valore intervallo intersezione", None, "n", 'A1:A300&"!"', None),
    ("formula senza valore intervallo fuori", None, "n", "B2:B4", None),
    # Cells that look empty, or are styled to: no value with a format,
    # formats with a text section or hiding what they format, empty and
    # blank strings of every kind of string cell, a merged range.
    ("vuota con formato percento", None, "n", None, 10),
    ("vuota con formato testo", None, "n", None, 49),
    ("vuota con formato data", None, "n", None, 14),
    ("numero formato ;;;", "5", "n", None, ';;;'),
    ("numero formato ;;;x", "5", "n", None, ';;;"x"'),
    ("testo formato ;;;x", "abc", "s", None, ';;;"x"'),
    ("testo formato ;;;@ tra", "abc", "s", None, ';;;"<"@">"'),
    ("zero nascosto", "0", "n", None, '0;-0;;@'),
    ("zero nascosto decimali", "0", "n", None, '#,##0.00;-#,##0.00;'),
    ("testo con zero nascosto", "abc", "s", None, '0;-0;;@'),
    ("zero formato testo", "0", "n", None, 49),
    ("inline vuota", "", "s", None, None),
    ("inline spazi", "   ", "s", None, None),
    ("inline a capo", "\n", "s", None, None),
    ("str salvata vuota", "", "str", 'IF(1>2,"x","")', None),
    ("str salvata spazio", " ", "str", 'IF(1>2,"x"," ")', None),
    ("str senza formula", "testo", "str", None, None),
    ("errore salvato", "#N/A", "e", None, None),
    ("errore con formula", "#DIV/0!", "e", "1/0", None),
    ("booleano salvato", "1", "b", None, None),
    ("booleano formato numero", "0", "b", None, 4),
    ("condivisa vuota", "0", "sst", None, None),
    ("condivisa ricca", "1", "sst", None, None),
    ("condivisa spazi", "2", "sst", None, None),
    ("condivisa fonetica", "3", "sst", None, None),
    ("condivisa ricca vuota", "4", "sst", None, None),
    ("condivisa formato ;;;x", "5", "sst", None, ';;;"x"'),
    ("unita B:C", "valore", "s", None, None),
    ("unita B:C vuota", None, "n", None, 10),
]

# Shared strings the `sst` cases point at, by index.
SST = [
    "<si><t></t></si>",
    '<si><r><t>Ri</t></r><r><rPr><b/></rPr><t xml:space="preserve">cco </t></r><r><t>testo</t></r></si>',
    '<si><t xml:space="preserve">  </t></si>',
    '<si><t>base</t><rPh sb="0" eb="4"><t>fonetica</t></rPh></si>',
    "<si><r><t></t></r><r><rPr><i/></rPr><t></t></r></si>",
    "<si><t>condivisa</t></si>",
]

# Cases whose cell B is merged with C; C holds a value of its own, which
# the merged area hides.
MERGED = {"unita B:C": "nascosto", "unita B:C vuota": "sotto"}

# Shared formula rows: C column of these rows has =B*2 filled down.
SHARED_FROM = 2


def col_xml(row, case, style):
    label, value, typ, formula, _ = case
    out = [f'<c r="A{row}" t="inlineStr"><is><t>{escape(label)}</t></is></c>']
    s = f' s="{style}"' if style else ""
    f = f"<f>{escape(formula)}</f>" if formula else ""
    if typ == "s":
        out.append(f'<c r="B{row}"{s} t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>')
    elif typ == "sst":
        out.append(f'<c r="B{row}"{s} t="s"><v>{value}</v></c>')
    else:
        t = "" if typ == "n" else f' t="{typ}"'
        v = "" if value is None else f"<v>{escape(value)}</v>"
        out.append(f'<c r="B{row}"{s}{t}>{f}{v}</c>')
    return out


def write_xlsx(path, date1904=False, app="Microsoft Excel"):
    custom, xfs = {}, [0]
    styles = []
    for case in CASES:
        fmt = case[4]
        if fmt is None:
            styles.append(0)
            continue
        if isinstance(fmt, str):
            fid = custom.setdefault(fmt, 164 + len(custom))
        else:
            fid = fmt
        if fid not in xfs:
            xfs.append(fid)
        styles.append(xfs.index(fid))
    rows, merges = [], []
    n = len(CASES)
    for i, case in enumerate(CASES):
        r = i + 1
        cells = col_xml(r, case, styles[i])
        # Column C: a shared formula =B{r}*2 over the numeric cases 1..8, saved stale (0).
        if 1 <= r <= 8:
            if r == 1:
                cells.append(f'<c r="C{r}"><f t="shared" ref="C1:C8" si="0">B1*2</f><v>0</v></c>')
            else:
                cells.append(f'<c r="C{r}"><f t="shared" si="0"/><v>0</v></c>')
        if case[0] in MERGED:
            cells.append(f'<c r="C{r}" t="inlineStr"><is><t>{escape(MERGED[case[0]])}</t></is></c>')
            merges.append(f'<mergeCell ref="B{r}:C{r}"/>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    merged = f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells>' if merges else ""
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(rows)}</sheetData>{merged}</worksheet>')
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(SST)}" '
           f'uniqueCount="{len(SST)}">{"".join(SST)}</sst>')
    numfmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{escape(c, {chr(34): "&quot;"})}"/>'
                      for c, i in custom.items())
    cellxfs = "".join(f'<xf numFmtId="{fid}" fontId="0" fillId="0" borderId="0" xfId="0"'
                      + (' applyNumberFormat="1"' if fid else "") + "/>" for fid in xfs)
    styles_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                  f'<numFmts count="{len(custom)}">{numfmts}</numFmts>'
                  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
                  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                  '<borders count="1"><border/></borders>'
                  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                  f'<cellXfs count="{len(xfs)}">{cellxfs}</cellXfs></styleSheet>')
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>'),
        "docProps/app.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f'<Application>{app}</Application></Properties>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'{pr}<sheets><sheet name="Celle" sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="Etichette">Celle!$A$1:$A$400</definedName>'
            '<definedName name="Primo">Celle!$B$2</definedName>'
            '<definedName name="Valori">Celle!$B$2:$B$4</definedName></definedNames></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>'),
        "xl/styles.xml": styles_xml,
        "xl/sharedStrings.xml": sst,
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)


def write_layout_xlsx(path, full):
    """Text LibreOffice may lay out itself on load: a pivot table (its
    cache, records and output D1:E4, with Excel's labels when `full`, with
    its label cells empty otherwise), a table (ListObject G1:H3) whose
    second header cell is empty in the sheet, a data validation list on an
    empty cell (J1) and a defined name."""
    NS='xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    H='<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    def s(ref, t): return f'<c r="{ref}" t="inlineStr"><is><t>{t}</t></is></c>'
    def n(ref, v): return f'<c r="{ref}"><v>{v}</v></c>'
    def e(ref): return f'<c r="{ref}" s="0"/>'
    rows = {
     1: [s("A1","Servizio"), s("B1","Importo"), s("D1","Etichette di riga") if full else e("D1"), s("E1","Somma di Importo") if full else e("E1"), s("G1","Codice"), e("H1"), e("J1")],
     2: [s("A2","Anagrafe"), n("B2",10), s("D2","Anagrafe"), n("E2",30), s("G2","A1"), n("H2",5)],
     3: [s("A3","Tributi"), n("B3",30), s("D3","Tributi"), n("E3",70), s("G3","A2"), n("H3",7)],
     4: [s("A4","Anagrafe"), n("B4",20), s("D4","Totale complessivo") if full else e("D4"), n("E4",100)],
     5: [s("A5","Tributi"), n("B5",40)],
    }
    sheet = (H + f'<worksheet {NS}><sheetData>' + "".join(f'<row r="{r}">{"".join(c)}</row>' for r, c in rows.items())
      + '</sheetData><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="J1"><formula1>"si,no"</formula1></dataValidation></dataValidations>'
      + '<tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>')
    files = {
     "[Content_Types].xml": H + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>'
       '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>'
       '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>'
       '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>'
       '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
     "_rels/.rels": H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
     "docProps/app.xml": H + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
     "xl/workbook.xml": H + f'<workbook {NS}><workbookPr/><sheets><sheet name="Dati" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="Totale">Dati!$E$4</definedName></definedNames><pivotCaches><pivotCache cacheId="1" r:id="rId3"/></pivotCaches></workbook>',
     "xl/_rels/workbook.xml.rels": H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
     "xl/worksheets/sheet1.xml": sheet,
     "xl/worksheets/_rels/sheet1.xml.rels": H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
     "xl/tables/table1.xml": H + '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Tabella1" displayName="Tabella1" ref="G1:H3" totalsRowShown="0"><autoFilter ref="G1:H3"/><tableColumns count="2"><tableColumn id="1" name="Codice"/><tableColumn id="2" name="Valore"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
     "xl/pivotCache/pivotCacheDefinition1.xml": H + f'<pivotCacheDefinition {NS} r:id="rId1" refreshedBy="x" refreshedVersion="6" minRefreshableVersion="3" recordCount="4"><cacheSource type="worksheet"><worksheetSource ref="A1:B5" sheet="Dati"/></cacheSource><cacheFields count="2"><cacheField name="Servizio" numFmtId="0"><sharedItems count="2"><s v="Anagrafe"/><s v="Tributi"/></sharedItems></cacheField><cacheField name="Importo" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="10" maxValue="40"/></cacheField></cacheFields></pivotCacheDefinition>',
     "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>',
     "xl/pivotCache/pivotCacheRecords1.xml": H + f'<pivotCacheRecords {NS} count="4"><r><x v="0"/><n v="10"/></r><r><x v="1"/><n v="30"/></r><r><x v="0"/><n v="20"/></r><r><x v="1"/><n v="40"/></r></pivotCacheRecords>',
     "xl/pivotTables/pivotTable1.xml": H + '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="Pivot1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Valori" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0"><location ref="D1:E4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Somma di Importo" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>',
     "xl/pivotTables/_rels/pivotTable1.xml.rels": H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in files.items():
            z.writestr(k, v)


def write_table_xlsx(path):
    """Formulas without saved values that name parts of a table
    (`Movimenti` on A1:C5: a header row, three data rows, a totals row) by
    structured references: a column, a range of columns, the header, the
    header with the data, the data with the totals, the formula's own row
    (shared down the table's third column), one column where one value is
    wanted out of the table's rows, a name in another case. Left out:
    where LibreOffice 7.4 reads the file otherwise than Excel, so the
    measure would be of its reading (`Movimenti[#All]`, `[#Data]` and
    `[#Totals]` as a single item; the table's bare name, which it reads
    with the totals row). SUBTOTAL in the totals row and over it leaves
    out the cells that are subtotals themselves."""
    H = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    def s(ref, t): return f'<c r="{ref}" t="inlineStr"><is><t>{escape(t)}</t></is></c>'
    def n(ref, v): return f'<c r="{ref}"><v>{v}</v></c>'
    def f(ref, text, shared=""): return f'<c r="{ref}"><f{shared}>{escape(text)}</f></c>'
    rows = {1: [s("A1", "Voce"), s("B1", "Importo"), s("C1", "Doppio")]}
    for r, (voce, v) in enumerate([("a", 10), ("b", 20), ("c", 30.5)], start=2):
        first = r == 2
        text = "Movimenti[[#This Row],[Importo]]*2" if first else ""
        shared = ' t="shared" ref="C2:C4" si="0"' if first else ' t="shared" si="0"'
        rows[r] = [s(f"A{r}", voce), n(f"B{r}", v), f(f"C{r}", text, shared)]
    rows[5] = [s("A5", "Totale"), f("B5", "SUBTOTAL(109,Movimenti[Importo])")]
    forms = ["SUM(Movimenti[Importo])", "Movimenti[[#Headers],[Importo]]", "ROWS(Movimenti[])",
             "SUM(Movimenti[[Importo]:[Doppio]])", "ROWS(Movimenti[[#Headers],[#Data],[Importo]])",
             "COUNTA(Movimenti[[#Data],[#Totals],[Voce]])", "SUM(movimenti[importo])",
             "COLUMNS(Movimenti[[Voce]:[Doppio]])", "Movimenti[Voce]",
             "SUBTOTAL(9,B1:B5)", "SUBTOTAL(1,Movimenti[[#Data],[#Totals],[Importo]])"]
    for r, text in enumerate(forms, start=8):
        rows[r] = [s(f"A{r}", text), f(f"B{r}", text)]
    sheet = (H + f'<worksheet {NS}><sheetData>'
             + "".join(f'<row r="{r}">{"".join(c)}</row>' for r, c in rows.items())
             + '</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": H + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>',
        "_rels/.rels": H + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": H + f'<workbook {NS}><workbookPr/><sheets><sheet name="Dati" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": H + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        "xl/worksheets/_rels/sheet1.xml.rels": H + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/table" Target="../tables/table1.xml"/></Relationships>',
        "xl/tables/table1.xml": H + '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Tabella1" displayName="Movimenti" ref="A1:C5" totalsRowCount="1"><autoFilter ref="A1:C4"/><tableColumns count="3"><tableColumn id="1" name="Voce" totalsRowLabel="Totale"/><tableColumn id="2" name="Importo"/><tableColumn id="3" name="Doppio"/></tableColumns></table>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in files.items():
            z.writestr(k, v)


CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1040,false,true,false,false,false,-1'


def soffice(files, outdir, target):
    profile = tempfile.mkdtemp(prefix="office-cells-lo-")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", target, "--outdir", outdir, *files], check=True, capture_output=True,
                       timeout=600, env=italian_env())
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main() -> int:
    ap = bench_args(__doc__)
    args = ap.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="office-cells-")
    os.makedirs(work, exist_ok=True)
    try:
        books = {
            "excel": lambda p: write_xlsx(p),
            "excel1904": lambda p: write_xlsx(p, date1904=True),
            "export": lambda p: write_xlsx(p, app="ReportExporter"),
            "pivot": lambda p: write_layout_xlsx(p, full=True),
            "pivot-vuota": lambda p: write_layout_xlsx(p, full=False),
            "tabella": write_table_xlsx,
        }
        paths = []
        for name, make in books.items():
            p = os.path.join(work, f"{name}.xlsx")
            make(p)
            paths.append(p)
        soffice([paths[0]], os.path.join(work, "ods"), "ods")
        ods = os.path.join(work, "excel-lo.ods")
        shutil.move(os.path.join(work, "ods", "excel.ods"), ods)
        paths.append(ods)
        return against_soffice(args.atti, paths, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def bench_args(doc):
    """The arguments every office cell bench takes: `--atti BIN` (default
    the release build of this checkout, or of `$CARGO_TARGET_DIR`) and
    `--keep DIR`; a script adds its own."""
    root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--atti", default=os.path.join(target, "release", "atti"))
    ap.add_argument("--keep", help="write the workbooks and CSVs here and keep them")
    return ap


def against_soffice(atti, paths, work, label=""):
    """soffice's CSV of every workbook in `paths` (into `work`/csv), each
    sheet compared with atti's reading; prints the counts after `label`
    and returns the exit code: 1 when a cell differs as real.py compares."""
    soffice(paths, os.path.join(work, "csv"), CSV)
    strict, loose, total = compare_all(atti, paths, os.path.join(work, "csv"))
    print(f"{label}celle {total}: diverse come scritte {strict}, diverse come le confronta real.py {loose}")
    return 1 if loose else 0


def compare_all(atti, paths, csv_dir):
    """Every sheet of every workbook in `paths` as atti reads it against
    soffice's CSV of it in `csv_dir`: (differing as written, differing as
    real.py compares, cells)."""
    strict = loose = total = 0
    for p in paths:
        stem = os.path.splitext(os.path.basename(p))[0]
        out = subprocess.run([atti, "extract", "--json", p], capture_output=True, timeout=120)
        if out.returncode != 0:
            print(f"{stem}: atti failed: {out.stderr.decode(errors='replace')[:300]}")
            continue
        for page in json.loads(out.stdout)["pages"]:
            mine = {}
            for t in page.get("tables", []):
                # The cells, and the values a merged cell hides (`covered`).
                for c in t["cells"] + t.get("covered", []):
                    mine[(c["row"], c["col"])] = c["text"]
            with open(os.path.join(csv_dir, f"{stem}-{page['name']}.csv"), encoding="utf-8", newline="") as fh:
                lo = list(csv.reader(fh))
            s, l, n = compare(stem, lo, mine)
            strict, loose, total = strict + s, loose + l, total + n
    return strict, loose, total


def compare(stem, lo, mine):
    """Every cell of soffice's CSV against atti's: (differing as written,
    differing as real.py compares, cells)."""
    strict = loose = total = 0
    for ri, row in enumerate(lo):
        label = row[0] if row else ""
        for ci, v in enumerate(row):
            b = mine.get((ri, ci), "")
            if not v and not b:
                continue
            total += 1
            a1, b1 = " ".join(v.split()), " ".join(b.split())
            na, nb = number(a1), number(b1)
            same_loose = a1 == b1 or (na is not None and na == nb)
            if v != b:
                strict += 1
                print(f"{stem:10} {'DIFF ' if not same_loose else 'form '} {label:34} col {ci}: "
                      f"soffice {v!r}  atti {b!r}")
            loose += not same_loose
    # atti's text where soffice's CSV has no cell (past its rows or a row's
    # end): soffice writes nothing there.
    for (ri, ci), b in sorted(mine.items()):
        if b.strip() and (ri >= len(lo) or ci >= len(lo[ri])):
            total += 1
            strict += 1
            loose += 1
            print(f"{stem:10} DIFF  {'(oltre il CSV)':34} row {ri} col {ci}: soffice ''  atti {b!r}")
    return strict, loose, total


if __name__ == "__main__":
    sys.exit(main())
