#!/usr/bin/env python3
"""bench/ocr_scan_marks.py: what real archive scans carry over a page and a
rendered text page lacks, drawn on a grey page image (binary PGM) for
bench/ocr_fields.sh's harder scan kinds.

    ocr_scan_marks.py KIND SEED DPI IN.pgm OUT.pgm

KIND is one of
  logo    a body's emblem (a dark shield or a round seal, with lettering
          and a crown) beside the letterhead: in the margin left or right
          of the first lines, or above them, wherever it fits;
  round   a round office stamp (two rings, the body's name round them, a
          line across) in a violet ink's grey, over a line of the upper
          half of the page (where the header's number and date are);
  scrawl  a handwritten signature: a looping stroke across a line of the
          upper half of the page;
  boxes   the header's lines ruled as a table: a frame round four to six
          lines of the upper part of the page, a rule in every gap between
          them, and a rule down the widest blank between two columns of
          the lines when they have one;
  dim     a faint photocopy: ink grey (about 100), paper grey (about
          225), light falling off across the page, and a dark band along
          the left edge (the copier's lid left open) and a thinner one at
          the top.
The SEED varies where and how each mark is drawn. Only the standard
library: the page is a bytearray, rows are sliced; lettering comes from
netpbm's pbmtext.
"""
import math
import random
import subprocess
import sys

DARK = 128


def header(data, count):
    """The first `count` fields of a netpbm header (comments skipped) and
    where the last one ends."""
    fields, pos = [], 0
    while len(fields) < count:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    return fields, pos


def read_pgm(path):
    data = open(path, "rb").read()
    fields, pos = header(data, 4)
    if fields[0] != b"P5" or int(fields[3]) != 255:
        sys.exit(f"{path}: not an 8-bit binary PGM")
    w, h = int(fields[1]), int(fields[2])
    return w, h, bytearray(data[pos + 1:pos + 1 + w * h])


def write_pgm(path, w, h, px):
    with open(path, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (w, h))
        f.write(px)


def text_bitmap(text):
    """pbmtext's lettering as rows of 0/1 (1: ink)."""
    pbm = subprocess.run(["pbmtext", "-builtin", "fixed", text], capture_output=True, check=True).stdout
    fields, pos = header(pbm, 3)
    w, h = int(fields[1]), int(fields[2])
    pos += 1
    stride = (w + 7) // 8
    rows = []
    for y in range(h):
        row = pbm[pos + y * stride:pos + (y + 1) * stride]
        rows.append([(row[x // 8] >> (7 - x % 8)) & 1 for x in range(w)])
    return rows


class Page:
    def __init__(self, w, h, px, dpi):
        self.w, self.h, self.px, self.dpi = w, h, px, dpi
        table = bytes(1 if b < DARK else 0 for b in range(256))
        self.ink = [px[y * w:(y + 1) * w].translate(table) for y in range(h)]

    def dot(self, x, y, v):
        """Ink of grey v at (x, y): the darker of the page and the ink."""
        if 0 <= x < self.w and 0 <= y < self.h:
            i = y * self.w + x
            if v < self.px[i]:
                self.px[i] = v

    def disc(self, cx, cy, r, v):
        for y in range(int(cy - r), int(cy + r) + 1):
            dx = r * r - (y - cy) ** 2
            if dx < 0:
                continue
            dx = math.sqrt(dx)
            for x in range(int(cx - dx), int(cx + dx) + 1):
                self.dot(x, y, v)

    def stroke(self, points, width, v):
        """A pen stroke through the points."""
        r = width / 2
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            n = max(1, int(max(abs(x1 - x0), abs(y1 - y0)) / max(1.0, r)))
            for k in range(n + 1):
                t = k / n
                self.disc(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, r, v)

    def fill_rect(self, x0, y0, x1, y1, v):
        x0, x1 = max(0, int(x0)), min(self.w, int(x1))
        for y in range(max(0, int(y0)), min(self.h, int(y1))):
            for x in range(x0, x1):
                self.dot(x, y, v)

    def lettering(self, text, x, y, scale, v, angle=0.0, cx=None, cy=None):
        """pbmtext's letters, `scale` pixels a dot, from (x, y) (turned by
        `angle` radians about (cx, cy) when given)."""
        rows = text_bitmap(text)
        s = max(1, int(round(scale)))
        ca, sa = math.cos(angle), math.sin(angle)
        for j, row in enumerate(rows):
            for i, bit in enumerate(row):
                if not bit:
                    continue
                for dy in range(s):
                    for dx in range(s):
                        px, py = x + i * s + dx, y + j * s + dy
                        if cx is not None:
                            rx, ry = px - cx, py - cy
                            px, py = cx + rx * ca - ry * sa, cy + rx * sa + ry * ca
                        self.dot(int(px), int(py), v)

    def lines(self, top=0.0, bottom=1.0):
        """Bands of rows with ink, (y0, y1), between those shares of the
        page's height (a band at least a tenth of a line's height)."""
        out, start = [], None
        a, b = self.w // 5, self.w * 4 // 5
        for y in range(int(self.h * top), int(self.h * bottom)):
            inked = self.ink[y].count(1, a, b) > 0
            if inked and start is None:
                start = y
            elif not inked and start is not None:
                if y - start >= self.dpi // 50:
                    out.append((start, y))
                start = None
        return out

    def extent(self, y0, y1):
        """Leftmost and rightmost ink of rows y0..y1 reached from the ink
        nearest the page's middle across blanks under a third of an inch
        (a margin's note or border beyond a wider blank is not the line's)."""
        occ = bytearray(self.w)
        for y in range(y0, y1):
            occ = bytearray(a | b for a, b in zip(occ, self.ink[y]))
        inked = [x for x in range(self.w) if occ[x]]
        if not inked:
            return self.w // 3, self.w * 2 // 3
        mid = min(inked, key=lambda x: abs(x - self.w // 2))
        gap = self.dpi // 3
        left = right = mid
        for x in reversed([x for x in inked if x < mid]):
            if left - x > gap:
                break
            left = x
        for x in [x for x in inked if x > mid]:
            if x - right > gap:
                break
            right = x
        return left, right


def logo(p, rnd):
    lines = p.lines(0.0, 0.3)
    if not lines:
        return
    first = lines[:3]
    y0, y1 = first[0][0], first[-1][1]
    left, right = p.extent(y0, y1)
    gap = p.dpi // 10
    want = int(p.dpi * rnd.uniform(0.6, 0.9))
    room = {"left": left - 2 * gap, "right": p.w - right - 2 * gap, "top": y0 - 2 * gap}
    side = max(room, key=lambda k: min(room[k], want) - (0 if k != "top" else 1))
    size = max(p.dpi // 3, min(want, room[side]))
    if side == "left":
        x, y = left - gap - size, y0
    elif side == "right":
        x, y = right + gap, y0
    else:
        x, y = (left + right) // 2 - size // 2, y0 - gap - int(size * 1.2)
    x, y = max(0, x), max(0, y)
    dark = rnd.randint(40, 90)
    if rnd.random() < 0.5:
        # A shield: a crown above, the body below squared at the top and
        # rounded at the foot, a cross of paper across it, letters inside.
        crown = size // 5
        for k in range(5):
            cx = x + size * (k + 0.5) / 5
            p.stroke([(cx - size / 12, y + crown), (cx, y), (cx + size / 12, y + crown)], max(2, size // 40), dark)
        top, foot = y + crown + size // 20, y + crown + int(size * 1.15)
        r = size / 2
        for yy in range(top, foot):
            if yy < foot - r:
                half = r
            else:
                d = yy - (foot - r)
                half = math.sqrt(max(0.0, r * r - d * d))
            for xx in range(int(x + r - half), int(x + r + half)):
                band = (yy - top) // max(1, size // 8) % 2
                p.dot(xx, yy, dark if band or abs(xx - (x + r)) > size / 14 else 235)
        p.lettering(rnd.choice(["SPQ", "CIV", "MVN"]), x + size // 6, top + size // 3, size / 60, 250)
    else:
        # A round seal: two rings, lettering round them, a figure inside.
        r = size / 2
        cx, cy = x + r, y + r
        for yy in range(int(cy - r), int(cy + r) + 1):
            for xx in range(int(cx - r), int(cx + r) + 1):
                d = math.hypot(xx - cx, yy - cy)
                if d <= r and (d >= r * 0.9 or d <= r * 0.62):
                    p.dot(xx, yy, dark)
        word = rnd.choice(["COMVNE", "REPVBBLICA", "PROVINCIA"])
        for k, ch in enumerate(word):
            a = -math.pi * 0.9 + math.pi * 1.8 * k / max(1, len(word) - 1)
            lx, ly = cx + r * 0.76 * math.cos(a - math.pi / 2), cy + r * 0.76 * math.sin(a - math.pi / 2)
            p.lettering(ch, lx - size / 40, ly - size / 30, size / 110, dark, a, lx, ly)
        p.disc(cx, cy - r * 0.2, r * 0.18, 240)
        p.fill_rect(cx - r * 0.3, cy, cx + r * 0.3, cy + r * 0.3, 240)


def header_line(p, rnd, top=0.05, bottom=0.5):
    """A line of text in the upper half of the page, chosen at random, as
    (its rows, its left and right ink), or None on a page without one."""
    lines = [l for l in p.lines(top, bottom) if l[1] - l[0] < p.dpi // 4]
    if not lines:
        return None
    line = rnd.choice(lines)
    return line, p.extent(*line)


def round_stamp(p, rnd):
    found = header_line(p, rnd)
    if not found:
        return
    line, (left, right) = found
    r = p.dpi * rnd.uniform(0.5, 0.7)
    cx = rnd.uniform(max(left, 0) + r * 0.3, max(left + 1, right) - r * 0.3) if right > left else p.w / 2
    cy = (line[0] + line[1]) / 2 + rnd.uniform(-0.3, 0.3) * r
    ink = rnd.randint(95, 135)
    width = max(3, p.dpi // 80)
    for rr in (r, r * 0.68):
        n = int(2 * math.pi * rr / 4)
        pts = [(cx + rr * math.cos(2 * math.pi * k / n), cy + rr * math.sin(2 * math.pi * k / n)) for k in range(n + 1)]
        p.stroke(pts, width if rr == r else max(2, width // 2), ink)
    word = rnd.choice(["COMUNE DI SAN VITO", "UFFICIO PROTOCOLLO", "SEGRETERIA GENERALE"])
    turn = rnd.uniform(-0.4, 0.4)
    for k, ch in enumerate(word):
        if ch == " ":
            continue
        a = math.pi + math.pi * 1.6 * k / max(1, len(word) - 1) - math.pi * 0.3 + turn
        lx, ly = cx + r * 0.84 * math.cos(a), cy + r * 0.84 * math.sin(a)
        p.lettering(ch, lx - r / 20, ly - r / 14, r / 90, ink, a + math.pi / 2, lx, ly)
    p.stroke([(cx - r * 0.6, cy - r * 0.12), (cx + r * 0.6, cy - r * 0.12)], max(2, width // 2), ink)
    p.lettering("IL SINDACO", cx - r * 0.55, cy, r / 110, ink)


def scrawl(p, rnd):
    found = header_line(p, rnd)
    if not found:
        return
    line, (left, right) = found
    span = p.dpi * rnd.uniform(1.4, 2.4)
    x0 = rnd.uniform(left, max(left + 1, right - span)) if right > left else p.w / 3
    mid = (line[0] + line[1]) / 2
    amp = p.dpi * rnd.uniform(0.08, 0.16)
    loops = rnd.randint(3, 6)
    pts = []
    n = 240
    for k in range(n + 1):
        t = k / n
        x = x0 + span * t + amp * 0.6 * math.cos(2 * math.pi * loops * t)
        y = mid + amp * math.sin(2 * math.pi * loops * t) * (1 - 0.5 * t) + amp * 0.5 * (t - 0.5)
        pts.append((x, y))
    p.stroke(pts, max(3, p.dpi // 75), rnd.randint(30, 80))
    # The underline a signature often ends with.
    p.stroke([(x0 + span * 0.2, mid + amp * 1.3), (x0 + span * 1.05, mid + amp * 0.9)], max(2, p.dpi // 100),
             rnd.randint(30, 80))


def boxes(p, rnd):
    lines = [l for l in p.lines(0.03, 0.45) if l[1] - l[0] < p.dpi // 4]
    if len(lines) < 3:
        return
    m = min(len(lines), rnd.randint(4, 6))
    start = rnd.randint(0, len(lines) - m)
    band = lines[start:start + m]
    y0, y1 = band[0][0], band[-1][1]
    left, right = p.extent(y0, y1)
    pad = p.dpi // 12
    x0, x1 = max(2, left - pad), min(p.w - 3, right + pad)
    top, bottom = max(2, y0 - pad // 2), min(p.h - 3, y1 + pad // 2)
    t = max(2, p.dpi // 150)
    # A rule between rows, not between the lines of one paragraph: in the
    # gaps at least as wide as the band's middle one.
    gaps = [(b[0] - a[1], (a[1] + b[0]) // 2) for a, b in zip(band, band[1:])]
    middle = sorted(g for g, _ in gaps)[len(gaps) // 2]
    for yy in [top] + [y for g, y in gaps if g >= middle] + [bottom]:
        p.fill_rect(x0, yy, x1, yy + t, 20)
    p.fill_rect(x0, top, x0 + t, bottom + t, 20)
    p.fill_rect(x1, top, x1 + t, bottom + t, 20)
    # The widest blank column through the band's lines, away from its ends.
    blank = [all(p.ink[y][x] == 0 for y in range(y0, y1, 2)) for x in range(x0, x1)]
    best, run = (0, 0), 0
    for i, b in enumerate(blank):
        run = run + 1 if b else 0
        if run > best[1] and i - run > (x1 - x0) // 6 and i < (x1 - x0) * 5 // 6:
            best = (i - run + 1, run)
    if best[1] >= p.dpi // 5:
        xm = x0 + best[0] + best[1] // 2
        p.fill_rect(xm, top, xm + t, bottom + t, 20)


def dim(p, rnd):
    lo, hi = rnd.randint(85, 115), rnd.randint(215, 232)
    fall = rnd.uniform(0.85, 0.95)
    tables = []
    for k in range(8):
        f = 1 - (1 - fall) * k / 7
        tables.append(bytes(min(255, int((lo + (hi - lo) * b / 255) * f)) for b in range(256)))
    band = p.w // 8
    for y in range(p.h):
        row = p.px[y * p.w:(y + 1) * p.w]
        out = bytearray()
        for k in range(8):
            out += row[k * band:(k + 1) * band if k < 7 else p.w].translate(tables[k])
        p.px[y * p.w:(y + 1) * p.w] = out
    edge = int(p.w * rnd.uniform(0.02, 0.04))
    fade = p.dpi // 8
    for y in range(p.h):
        base = y * p.w
        wobble = int(edge * 0.2 * math.sin(y / p.h * 7 + rnd.random() * 0.01))
        for x in range(edge + wobble + fade):
            v = 35 + (x - edge - wobble) * 180 // fade if x >= edge + wobble else 30 + (x * 7 + y * 13) % 25
            if v < p.px[base + x]:
                p.px[base + x] = max(0, v)
    top = int(p.h * rnd.uniform(0.006, 0.012))
    for y in range(top):
        for x in range(p.w):
            p.px[y * p.w + x] = min(p.px[y * p.w + x], 40)


def main():
    kind, seed, dpi, src, dst = sys.argv[1:6]
    rnd = random.Random(f"{kind}-{seed}")
    w, h, px = read_pgm(src)
    p = Page(w, h, px, int(dpi))
    {"logo": logo, "round": round_stamp, "scrawl": scrawl, "boxes": boxes, "dim": dim}[kind](p, rnd)
    write_pgm(dst, w, h, p.px)


if __name__ == "__main__":
    main()
