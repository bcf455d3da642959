#!/usr/bin/env python3
"""bench/ocr_lines.py ATTI PAIRS.tsv [HEAD]: where a scan's rows part from
the text layer's lines (bench/ocr_fields.sh writes PAIRS: name, text PDF,
scan file, scan kind; one line per scan read).

The header fields compare the values the rules read, so a row built wrong
that no field of the train pages crosses goes unseen; this compares the
geometry itself. Both files are read by `atti extract` (the scan by OCR);
their words, normalised (case, accents and punctuation taken off), are
aligned (difflib), and at each pair of aligned words the line breaks are
compared: a break of the text layer the scan lacks is a join (two lines,
or two cells, letterhead columns, a margin and its line, made one row), a
break the scan adds where the text has none is a split; words of the text
the scan lacks are lost, in runs (a line not read, a stamp's letters read
over it). Only the first HEAD lines of each file's text (default 40: the
header) are looked at. Prints a count per class and scan kind, and each
case with the words about it, so that the causes can be grouped."""
import collections
import difflib
import re
import subprocess
import sys
import unicodedata


def plain(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", s.casefold())


def words(atti, path, ocr, head):
    out = subprocess.run([atti, "extract", "--ocr", ocr, path], capture_output=True, text=True).stdout
    ws = []  # (normalised, printed, line number)
    for n, line in enumerate(out.split("\f")[0].splitlines()[:head]):
        for w in line.split():
            p = plain(w)
            if p:
                ws.append((p, w, n))
    return ws


def around(ws, i, k=4):
    a, b = max(0, i - k), min(len(ws), i + k)
    s = []
    for j in range(a, b):
        if j > a and ws[j][2] != ws[j - 1][2]:
            s.append("⏎")
        s.append(ws[j][1])
    return " ".join(s)


def main():
    atti, pairs = sys.argv[1], sys.argv[2]
    head = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    counts = collections.defaultdict(collections.Counter)
    cases = []
    kinds = []
    for line in open(pairs, encoding="utf-8"):
        name, text, scan, kind = line.rstrip("\n").split("\t")
        if kind not in kinds:
            kinds.append(kind)
        t = words(atti, text, "off", head)
        s = words(atti, scan, "auto", head * 2)
        sm = difflib.SequenceMatcher(None, [w[0] for w in t], [w[0] for w in s], autojunk=False)
        pairs_ = []
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                pairs_.extend(zip(range(i1, i2), range(j1, j2)))
            elif tag in ("delete", "replace") and i2 - i1 >= 3:
                counts["lost"][kind] += 1
                cases.append((kind, name, "lost", around(t, i1) + "  ||  " + " ".join(w[1] for w in t[i1:i2])[:160]))
        for (a, b), (c, d) in zip(pairs_, pairs_[1:]):
            if c != a + 1 or d != b + 1:
                continue
            tb, sb = t[c][2] != t[a][2], s[d][2] != s[b][2]
            if tb and not sb:
                counts["join"][kind] += 1
                cases.append((kind, name, "join", around(t, c) + "  ->  " + around(s, d)))
            elif sb and not tb:
                counts["split"][kind] += 1
                cases.append((kind, name, "split", around(t, c) + "  ->  " + around(s, d)))
        counts["words"][kind] += len(t)
    print(f"{'':<8} " + " ".join(f"{k:>8}" for k in kinds))
    for cls in ("words", "join", "split", "lost"):
        print(f"{cls:<8} " + " ".join(f"{counts[cls][k]:>8}" for k in kinds))
    for kind, name, cls, text in cases:
        print(f"  {name} ({kind}) {cls}: {text}")


if __name__ == "__main__":
    main()
