#!/usr/bin/env python3
"""Cells whose file gives no value: what LibreOffice writes for them, and atti.

    python3 bench/office/empty_cells.py [--atti BIN] [--keep DIR] [--openpyxl PYTHON]

A format question, probed on generated workbooks only (one case a row: a
label in column A, the cell under test in column B, helper values in
columns D and E):

- `vuote-excel.xlsx`, `vuote-export.xlsx`: written by hand, the same
  cells under two producers (`docProps/app.xml` Microsoft Excel, and an
  exporter LibreOffice does not trust): formulas with no saved value
  (`<f>` without `<v>`: concatenation, a reference, SUM, IF, TEXT, dates,
  functions atti does not evaluate), an inline string under a wrong or
  missing `t`, rich inline runs, `t="str"`, `t="s"`, `t="b"`, `t="e"` and
  `t="inlineStr"` with nothing in them, a shared formula whose master has
  a value and whose children have none, an error cell;
- `vuote-openpyxl.xlsx`: the same formulas written by openpyxl (a
  library that never saves a formula's value), when `--openpyxl` names a
  Python that has it;
- `vuote.ods`: written by hand, cells whose `office:value-type` has no
  value attribute but a `text:p`, and formulas with no value.

Each is converted by `soffice --convert-to csv` (Italian, every sheet, the
options of `real.py`) and read by `atti extract --json`; every cell that
differs is printed (`cells.py`'s comparison). `--keep DIR` keeps the files
and soffice's CSVs: `tests/fixtures/office-cells/empty/` holds them for
`tests/office_empty.rs`. Exit 1 when a cell differs as `real.py` compares.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cells import against_soffice, bench_args  # noqa: E402

# Helper values every formula may read: D1..D4 numbers, E1..E2 texts, D5 a date.
HELPERS = {
    "D1": ("n", "10"), "D2": ("n", "20.5"), "D3": ("n", "30"), "D4": ("n", "-4"),
    "E1": ("s", "Anagrafe"), "E2": ("s", "Tributi"), "D5": ("n", "44652"),
}

# (label, the cell B as XML after `<c r="B{row}"`, or a formula for openpyxl)
# `{r}` is the row. Style 1 is a date (numFmt 14), 2 a percentage (10).
XLSX = [
    ("concatenazione", '><f>E1&amp;" "&amp;E2</f></c>'),
    ("concatenazione numero", '><f>"n. "&amp;D1</f></c>'),
    ("riferimento testo", '><f>E1</f></c>'),
    ("riferimento numero", '><f>D2</f></c>'),
    ("riferimento vuoto", '><f>F99</f></c>'),
    ("SUM", '><f>SUM(D1:D4)</f></c>'),
    ("IF testo", '><f>IF(D1&gt;5,"alto","basso")</f></c>'),
    ("IF numero", '><f>IF(D1&gt;50,1,2)</f></c>'),
    ("TEXT data", '><f>TEXT(D5,"dd/mm/yyyy")</f></c>'),
    ("TEXT numero", '><f>TEXT(D2,"0.00")</f></c>'),
    ("DATE con formato data", ' s="1"><f>DATE(2022,4,1)</f></c>'),
    ("data riferita con formato data", ' s="1"><f>D5</f></c>'),
    ("data + 30 con formato data", ' s="1"><f>D5+30</f></c>'),
    ("YEAR", '><f>YEAR(D5)</f></c>'),
    ("percento", ' s="2"><f>D1/D3</f></c>'),
    ("SUBSTITUTE", '><f>SUBSTITUTE(E1,"a","o")</f></c>'),
    ("SUMIF", '><f>SUMIF(D1:D4,"&gt;0")</f></c>'),
    ("COUNTIF", '><f>COUNTIF(D1:D4,"&gt;0")</f></c>'),
    ("CHOOSE", '><f>CHOOSE(2,"uno","due")</f></c>'),
    ("REPT", '><f>REPT("ab",3)</f></c>'),
    ("FIND", '><f>FIND("g",E1)</f></c>'),
    ("TODAY", '><f>TODAY()-TODAY()</f></c>'),
    ("nome non definito", '><f>nonesiste*2</f></c>'),
    ("errore div0", '><f>D1/0</f></c>'),
    ("TEXT migliaia", '><f>TEXT(1234567.891,"#,##0.00")</f></c>'),
    ("TEXT intero", '><f>TEXT(D2,"0")</f></c>'),
    ("TEXT percento", '><f>TEXT(0.256,"0%")</f></c>'),
    ("TEXT ISO", '><f>TEXT(D5,"yyyy-mm-dd")</f></c>'),
    ("TEXT d/m/yy", '><f>TEXT(D5+0.5,"d/m/yy hh:mm")</f></c>'),
    ("TEXT testo", '><f>TEXT(E1,"0.00")</f></c>'),
    ("SEARCH", '><f>SEARCH("TRIB",E2)</f></c>'),
    ("FIND assente", '><f>FIND("z",E1)</f></c>'),
    ("EXACT", '><f>EXACT(E1,"anagrafe")</f></c>'),
    ("REPLACE", '><f>REPLACE(E1,1,4,"X")</f></c>'),
    ("PROPER", '><f>PROPER("ufficio tributi")</f></c>'),
    ("SIGN", '><f>SIGN(D4)</f></c>'),
    ("SUMPRODUCT", '><f>SUMPRODUCT(D1:D3,D2:D4)</f></c>'),
    ("SUMPRODUCT condizione", '><f>SUMPRODUCT((D1:D4&gt;0)*D1:D4)</f></c>'),
    ("COUNTIF testo", '><f>COUNTIF(E1:E2,"anagrafe")</f></c>'),
    ("COUNTIF diverso", '><f>COUNTIF(E1:E2,"&lt;&gt;Tributi")</f></c>'),
    ("COUNTIF numero", '><f>COUNTIF(D1:D4,10)</f></c>'),
    ("COUNTIF uguale", '><f>COUNTIF(D1:D4,"=30")</f></c>'),
    ("SUMIF somma altra", '><f>SUMIF(E1:E2,"Tributi",D1:D2)</f></c>'),
    ("AVERAGEIF", '><f>AVERAGEIF(D1:D4,"&gt;=20.5")</f></c>'),
    ("SUMIFS", '><f>SUMIFS(D1:D4,D1:D4,"&gt;0",D1:D4,"&lt;30")</f></c>'),
    ("COUNTIFS", '><f>COUNTIFS(D1:D4,"&gt;0",D1:D4,"&lt;=30")</f></c>'),
    ("CHOOSE fuori", '><f>CHOOSE(5,"uno","due")</f></c>'),
    ("t=str senza valore", ' t="str"><f>"a"&amp;"b"</f></c>'),
    ("t=str vuota", ' t="str"/>'),
    ("t=str v vuoto", ' t="str"><v></v></c>'),
    ("t=s senza valore", ' t="s"/>'),
    ("t=b senza valore", ' t="b"/>'),
    ("t=e senza valore", ' t="e"/>'),
    ("t=e con formula", ' t="e"><f>D1/0</f></c>'),
    ("t=e salvato", ' t="e"><v>#N/A</v></c>'),
    ("t=n v vuoto", ' t="n"><v></v></c>'),
    ("t=inlineStr senza is", ' t="inlineStr"/>'),
    ("is con t=n", ' t="n"><is><t>testo n</t></is></c>'),
    ("is senza t", '><is><t>testo senza t</t></is></c>'),
    ("is con t=s", ' t="s"><is><t>testo s</t></is></c>'),
    ("is con t=str", ' t="str"><is><t>testo str</t></is></c>'),
    ("is ricco", ' t="inlineStr"><is><r><t>Ri</t></r><r><rPr><b/></rPr>'
                 '<t xml:space="preserve">cco </t></r><r><t>testo</t></r></is></c>'),
    ("is ricco senza t", '><is><r><t>Ri</t></r><r><rPr><b/></rPr><t>cco</t></r></is></c>'),
    ("is e v", ' t="inlineStr"><v>7</v><is><t>testo e v</t></is></c>'),
    ("vuota con stile", ' s="1"/>'),
]

# A shared formula: master with a value, children without (rows after XLSX).
SHARED = [
    ("condivisa madre", '><f t="shared" ref="B{r}:B{r3}" si="0">D1&amp;"!"</f><v>10!</v></c>'),
    ("condivisa figlia 1", '><f t="shared" si="0"/></c>'),
    ("condivisa figlia 2", '><f t="shared" si="0"/></c>'),
    ("condivisa figlia 3", '><f t="shared" si="0"/></c>'),
]

# The formulas openpyxl writes (it saves none of their values).
OPENPYXL = [
    ("concatenazione", '=E1&" "&E2'), ("concatenazione numero", '="n. "&D1'), ("riferimento testo", "=E1"),
    ("riferimento numero", "=D2"), ("riferimento vuoto", "=F99"), ("SUM", "=SUM(D1:D4)"),
    ("IF testo", '=IF(D1>5,"alto","basso")'), ("IF numero", "=IF(D1>50,1,2)"),
    ("TEXT data", '=TEXT(D5,"dd/mm/yyyy")'), ("TEXT numero", '=TEXT(D2,"0.00")'),
    ("DATE con formato data", "=DATE(2022,4,1)"), ("data + 30 con formato data", "=D5+30"),
    ("YEAR", "=YEAR(D5)"), ("percento", "=D1/D3"), ("SUBSTITUTE", '=SUBSTITUTE(E1,"a","o")'),
    ("SUMIF", '=SUMIF(D1:D4,">0")'), ("COUNTIF", '=COUNTIF(D1:D4,">0")'), ("CHOOSE", '=CHOOSE(2,"uno","due")'),
    ("REPT", '=REPT("ab",3)'), ("errore div0", "=D1/0"), ("riempita in giu 1", "=D1*2"), ("riempita in giu 2", "=D2*2"),
]

H = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def helper_cells(r):
    out = []
    for ref, (t, v) in HELPERS.items():
        if int(ref[1:]) == r:
            if t == "s":
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
            else:
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
    return out


def write_xlsx(path, app):
    cases = XLSX + SHARED
    first_shared = len(XLSX) + 1
    rows = []
    for i, (label, cell) in enumerate(cases):
        r = i + 1
        b = '<c r="B%d"' % r + cell.replace("{r}", str(r)).replace("{r3}", str(r + 3))
        a = f'<c r="A{r}" t="inlineStr"><is><t>{escape(label)}</t></is></c>'
        rows.append(f'<row r="{r}">{a}{b}{"".join(helper_cells(r))}</row>')
    assert cases[first_shared - 1][0] == "condivisa madre"
    sheet = (H + f'<worksheet xmlns="{MAIN}"><sheetData>{"".join(rows)}</sheetData></worksheet>')
    styles = (H + f'<styleSheet xmlns="{MAIN}">'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
              '<borders count="1"><border/></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '</cellXfs></styleSheet>')
    ct = "application/vnd.openxmlformats-officedocument"
    files = {
        "[Content_Types].xml": (
            H + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.spreadsheetml.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{ct}.spreadsheetml.styles+xml"/>'
            f'<Override PartName="/docProps/app.xml" ContentType="{ct}.extended-properties+xml"/></Types>'),
        "_rels/.rels": (
            H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>'),
        "docProps/app.xml": (
            H + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f'<Application>{app}</Application></Properties>'),
        "xl/workbook.xml": (
            H + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr/>'
            '<sheets><sheet name="Vuote" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            H + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": styles,
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)


OPENPYXL_SCRIPT = r'''
import sys, openpyxl
cases = eval(sys.argv[2])
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Vuote"
for ref, v in {"D1": 10, "D2": 20.5, "D3": 30, "D4": -4, "E1": "Anagrafe", "E2": "Tributi", "D5": 44652}.items():
    ws[ref] = v
for i, (label, f) in enumerate(cases, 1):
    ws.cell(row=i, column=1, value=label)
    c = ws.cell(row=i, column=2, value=f)
    if "data" in label:
        c.number_format = "DD/MM/YYYY"
    if label == "percento":
        c.number_format = "0.00%"
wb.save(sys.argv[1])
'''

# (label, the table:table-cell element of column B)
ODS = [
    ("float senza valore", '<table:table-cell office:value-type="float"><text:p>testo float</text:p></table:table-cell>'),
    ("float senza valore numero", '<table:table-cell office:value-type="float"><text:p>12,5</text:p></table:table-cell>'),
    ("percentuale senza valore", '<table:table-cell office:value-type="percentage"><text:p>50%</text:p></table:table-cell>'),
    ("valuta senza valore", '<table:table-cell office:value-type="currency"><text:p>€ 3,00</text:p></table:table-cell>'),
    ("data senza valore", '<table:table-cell office:value-type="date"><text:p>01/04/2022</text:p></table:table-cell>'),
    ("ora senza valore", '<table:table-cell office:value-type="time"><text:p>12:00</text:p></table:table-cell>'),
    ("booleano senza valore", '<table:table-cell office:value-type="boolean"><text:p>VERO</text:p></table:table-cell>'),
    ("stringa con string-value", '<table:table-cell office:value-type="string" office:string-value="dal valore">'
                                 '<text:p>dal testo</text:p></table:table-cell>'),
    ("stringa solo string-value", '<table:table-cell office:value-type="string" office:string-value="solo valore"/>'),
    ("senza tipo con testo", '<table:table-cell><text:p>senza tipo</text:p></table:table-cell>'),
    ("float valore e testo diversi", '<table:table-cell office:value-type="float" office:value="3">'
                                     '<text:p>tre</text:p></table:table-cell>'),
    ("formula senza valore", '<table:table-cell table:formula="of:=[.D1]*2"/>'),
    ("formula testo senza valore", '<table:table-cell table:formula="of:=[.E1]&amp;&quot;!&quot;"/>'),
    ("formula float senza valore con testo", '<table:table-cell table:formula="of:=[.D1]+1" office:value-type="float">'
                                             '<text:p>vecchio</text:p></table:table-cell>'),
    ("formula valore salvato vecchio", '<table:table-cell table:formula="of:=[.D1]+1" office:value-type="float" '
                                       'office:value="99"><text:p>99</text:p></table:table-cell>'),
]


def write_ods(path):
    rows = []
    helpers = {1: ('<table:table-cell office:value-type="float" office:value="10"><text:p>10</text:p></table:table-cell>'
                   '<table:table-cell office:value-type="string"><text:p>Anagrafe</text:p></table:table-cell>')}
    for i, (label, cell) in enumerate(ODS, 1):
        extra = helpers.get(i, "")
        pad = '<table:table-cell/>' if extra else ""
        rows.append(f'<table:table-row><table:table-cell office:value-type="string"><text:p>{escape(label)}</text:p>'
                    f'</table:table-cell>{cell}{pad}{extra}</table:table-row>')
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body>'
               f'<office:spreadsheet><table:table table:name="Vuote">{"".join(rows)}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


def main() -> int:
    ap = bench_args(__doc__)
    ap.add_argument("--openpyxl", help="a Python with openpyxl, to write vuote-openpyxl.xlsx")
    args = ap.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="office-empty-")
    os.makedirs(work, exist_ok=True)
    try:
        paths = []
        for name, app in (("vuote-excel", "Microsoft Excel"), ("vuote-export", "ReportExporter")):
            p = os.path.join(work, f"{name}.xlsx")
            write_xlsx(p, app)
            paths.append(p)
        if args.openpyxl:
            p = os.path.join(work, "vuote-openpyxl.xlsx")
            subprocess.run([args.openpyxl, "-c", OPENPYXL_SCRIPT, p, repr(OPENPYXL)], check=True)
            paths.append(p)
        p = os.path.join(work, "vuote.ods")
        write_ods(p)
        paths.append(p)
        return against_soffice(args.atti, paths, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
