#!/usr/bin/env python3
"""bench/ocr_web_html.py: the web acts' text as pages to print (issue 18).

The acts of the web batches (tests/fixtures/web/acts) are plain text, one
paragraph a line, with no PDF beside them. bench/ocr_fields.sh (WEB=1)
prints each to a text PDF through LibreOffice and scans that, so that the
OCR layer is measured on the wording of bodies nobody tuned it on. This
writes the HTML LibreOffice prints: a line short and in capitals (an
act's heading: the body, the organ, DETERMINAZIONE N. 12) is centred and
bold, as acts set them; the others are paragraphs. The face and size go
by the act's place in the list (a serif at 12 pt, a sans at 11 pt, a
serif at 10 pt), so the group holds the faces acts are printed in.

Usage: ocr_web_html.py OUT.html TEXT.txt INDEX
"""
import html
import sys

FACES = [("Liberation Serif", 12), ("Liberation Sans", 11), ("DejaVu Serif", 10)]


def is_heading(line):
    letters = [c for c in line if c.isalpha()]
    return 0 < len(line) <= 70 and letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def main():
    out, text, index = sys.argv[1], sys.argv[2], int(sys.argv[3])
    face, size = FACES[index % len(FACES)]
    lines = [l.strip() for l in open(text, encoding="utf-8").read().splitlines()]
    body = []
    for line in lines:
        if not line:
            continue
        cls = ' class="h"' if is_heading(line) else ""
        body.append(f"<p{cls}>{html.escape(line)}</p>")
    style = (
        f'p {{ font-family: "{face}"; font-size: {size}pt; margin: 0 0 {size // 3}pt 0; text-align: justify; }}'
        " p.h { text-align: center; font-weight: bold; }"
    )
    with open(out, "w", encoding="utf-8") as f:
        f.write(f'<html><head><meta charset="utf-8"><style>{style}</style></head><body>\n')
        f.write("\n".join(body))
        f.write("\n</body></html>\n")


if __name__ == "__main__":
    main()
