#!/usr/bin/env python3
"""bench/ocr_field_chars.py PAIRS.tsv: the character errors of field values
read from scans, by class (bench/ocr_fields.sh writes PAIRS: field, the text
PDF's value, the scan's value, scan kind; one line per field compared).

The character-error rate is the edit distance (Levenshtein) between the
scan's value and the text's, over the text's characters, per scan kind.
Each run of edits between two matching characters is put in one class,
the first that fits: nothing read, a line more or less (8 characters or
more inserted or dropped at once), spaces, case, accents (a letter's accent
lost or changed, or written as an apostrophe: `à` / `a'`), apostrophes and
quotes, dashes, O/0 l/1/I (a letter read for a digit or back), rn/m and
ligatures, other punctuation, other letters or digits."""
import collections
import sys
import unicodedata

QUOTES = set("'’‘\"“”«»`´")
DASHES = set("-–—−")
LOOKALIKE = [set("o0O"), set("l1I|i!"), set("S5"), set("B8"), set("Z2")]
LIGATURES = [("rn", "m"), ("ri", "n"), ("cl", "d"), ("fi", "ﬁ"), ("fl", "ﬂ"), ("vv", "w"), ("li", "h")]


def plain(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def edits(a, b):
    """The runs of edits turning a into b: (a's piece, b's piece, cost)."""
    n, m = len(a), len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
    runs, cur, i, j = [], None, n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and a[i - 1] == b[j - 1] and d[i][j] == d[i - 1][j - 1]:
            if cur:
                runs.append(cur)
                cur = None
            i, j = i - 1, j - 1
            continue
        cur = cur or ["", "", 0]
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + 1:
            cur[0], cur[1] = a[i - 1] + cur[0], b[j - 1] + cur[1]
            i, j = i - 1, j - 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            cur[0] = a[i - 1] + cur[0]
            i -= 1
        else:
            cur[1] = b[j - 1] + cur[1]
            j -= 1
        cur[2] += 1
    if cur:
        runs.append(cur)
    return d[n][m], runs


def kind(x, y, got):
    if not got:
        return "niente letto"
    if (len(x) >= 8 and not y) or (len(y) >= 8 and not x):
        return "riga in più/persa"
    if "".join(x.split()) == "".join(y.split()):
        return "spazi"
    if x.casefold() == y.casefold():
        return "maiuscole"
    px, py = plain(x).replace("'", "").replace("’", ""), plain(y).replace("'", "").replace("’", "")
    if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", x + y)) and px.casefold() == py.casefold():
        return "accenti"
    if all(c in QUOTES for c in x + y):
        return "apostrofi, virgolette"
    if all(c in DASHES for c in x + y):
        return "trattini"
    if len(x) == len(y) and all(p == q or any(p in s and q in s for s in LOOKALIKE) for p, q in zip(x, y)):
        return "O/0 l/1/I"
    if any((x, y) in ((p, q), (q, p)) for p, q in LIGATURES):
        return "rn/m, legature"
    if all(not c.isalnum() and not c.isspace() for c in x + y):
        return "punteggiatura"
    return "altre lettere"


def main():
    chars, dist = collections.Counter(), collections.Counter()
    by = collections.defaultdict(collections.Counter)
    samples = collections.defaultdict(list)
    scans = []
    for line in open(sys.argv[1], encoding="utf-8"):
        field, want, got, scan = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
        if scan not in scans:
            scans.append(scan)
        chars[scan] += len(want)
        if want == got:
            continue
        total, runs = edits(want, got)
        dist[scan] += total
        for x, y, cost in runs:
            k = kind(x, y, got)
            by[k][scan] += cost
            if len(samples[k]) < 6:
                samples[k].append(f"{field}: «{x}»→«{y}»")
    if not scans:
        print("  nessun campo")
        return
    print(f"  {'':<24} " + " ".join(f"{s:>8}" for s in scans))
    print(f"  {'caratteri dei campi':<24} " + " ".join(f"{chars[s]:>8}" for s in scans))
    print(f"  {'errori (distanza)':<24} " + " ".join(f"{dist[s]:>8}" for s in scans))
    print(f"  {'CER':<24} " + " ".join(f"{dist[s] / max(chars[s], 1):>8.4f}" for s in scans))
    for k, n in sorted(by.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {k:<24} " + " ".join(f"{n[s]:>8}" for s in scans) + "   " + "; ".join(samples[k][:3]))


if __name__ == "__main__":
    main()
