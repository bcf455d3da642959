"""What only the written PDF can tell: pages, page shape, where the GANTT runs.

poppler-utils (pdfinfo, pdftotext) read the PDF each producer wrote. The
pages a phase is on are found by its start and end dates in the page's
text; a phase whose dates are not found on one page (a producer that split
them oddly) is left out of `gantt_pages` and counted in `phases_not_located`.
This is layout metadata only: the gold values never come from here.
"""

import re
import subprocess


def run(args) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def measure(path: str, sheet) -> dict:
    info = run(["pdfinfo", path])
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    width, height = float(size.group(1)), float(size.group(2))
    texts = [collapse(run(["pdftotext", "-f", str(p), "-l", str(p), path, "-"])) for p in range(1, pages + 1)]
    located, missing = [], 0
    for phase in sheet.phases:
        # The dates: never wrapped, unlike the description's first words.
        start, end = phase.start.strftime("%d/%m/%Y"), phase.end.strftime("%d/%m/%Y")
        where = [i + 1 for i, text in enumerate(texts) if start in text and end in text]
        if where:
            located.append(where[0])
        else:
            missing += 1
    gantt_pages = sorted(set(located))
    return {
        "pages": pages,
        "orientation": "landscape" if width > height else "portrait",
        "gantt_pages": gantt_pages,
        "gantt_split": len(gantt_pages) > 1,
        "phases_not_located": missing,
    }
