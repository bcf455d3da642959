"""Reads back a report converted by LibreOffice to .fods and checks its cells.

Usage: check_fods.py TEMPLATE FORMAT FILE.fods ORIGINAL
Columns are recognised by their header: a header with "Data" holds dates,
"Importo"/"importo"/"presenti"/"favorevoli" numbers, "CIG"/"Numero"/"numero"
text. Prints one line per file: cells checked and problems.
"""
import sys
import xml.etree.ElementTree as ET

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
T = "{%s}" % NS["table"]
O = "{%s}" % NS["office"]

def rows(path):
    root = ET.parse(path).getroot()
    table = root.find(".//table:table", NS)
    out = []
    for r in table.iter(T + "table-row"):
        cells = []
        for c in r:
            if c.tag not in (T + "table-cell", T + "covered-table-cell"):
                continue
            n = int(c.get(T + "number-columns-repeated", "1"))
            text = "\n".join("".join(p.itertext()) for p in c.findall("text:p", NS))
            cells.extend([(c.get(O + "value-type"), text)] * min(n, 64))
        out.append(cells)
    return out

def main():
    name, fmt, path, original = sys.argv[1:5]
    try:
        rs = rows(path)
    except Exception as e:  # noqa: BLE001
        print(f"{name}.{fmt}: not converted ({e})")
        return 1
    header_i = next(i for i, r in enumerate(rs) if len([c for c in r if c[1]]) > 3)
    header = [t for _, t in rs[header_i]]
    problems, notes, checked = [], [], 0
    want = {}
    for j, h in enumerate(header):
        hl = h.lower()
        if hl.startswith("data") and "pubblicazione" not in hl:
            want[j] = "date"
        elif hl.startswith("importo") or hl in ("presenti", "assenti", "favorevoli", "contrari", "astenuti"):
            want[j] = "number"
        elif hl in ("cig", "numero", "numero del provvedimento", "codice obiettivo"):
            want[j] = "string"
    for r in rs[header_i + 1:]:
        for j, kind in want.items():
            if j >= len(r) or not r[j][1]:
                continue
            vt = r[j][0]
            checked += 1
            ok = (kind == "date" and vt == "date") or \
                 (kind == "number" and vt in ("float", "currency", "percentage")) or \
                 (kind == "string" and vt == "string")
            # A CSV has no types: LibreOffice guesses them; codes must not
            # become numbers there either (leading zeros lost).
            if fmt == "csv":
                # A CSV has no types: LibreOffice guesses them, and a code
                # of digits becomes a number there (leading zeros lost).
                # Counted as a note: the workbooks are the typed forms.
                if kind == "string" and vt == "float":
                    notes.append(f"{header[j]}={r[j][1]!r} read as a number (CSV has no types)")
                continue
            if not ok:
                problems.append(f"{header[j]}={r[j][1]!r} is {vt}, not {kind}")
    text = open(path, encoding="utf-8").read()
    accents_ok = "à" in text or "è" in text or "ì" in text or "ù" in text or "ò" in text or checked == 0
    status = "ok" if not problems else "PROBLEMS"
    print(f"{name}.{fmt}: {checked} typed cells checked, accents {'intact' if accents_ok else 'none seen'}: {status}")
    for p in problems[:5]:
        print("   ", p)
    if notes:
        print(f"    note: {len(notes)} codes of digits read as numbers, e.g. {notes[0]}")
    return 0 if not problems else 1

sys.exit(main())
