"""HTML producers: the plan written as one HTML page, then printed to PDF by
LibreOffice Writer (its HTML import) or by headless Chromium.

Both read the same markup: a table per block with its column widths as
percentages, borders set on each cell, `valign` and CSS vertical-align, and
the header row in <thead> when it should repeat on a new page (in <tbody>
otherwise). The page size, margins and, for Chromium, the footer come from
the CSS @page rule; LibreOffice's HTML import has no page footer, so the
layout of its sheets never asks for one (producers.LIMITS).
"""

import html
import os
import shutil
import subprocess
import tempfile

from . import fonts, soffice
from .plan import Doc, Para, Table, PAD

LINE = "0.5pt solid #000"


def esc(text: str) -> str:
    return "<br>".join(html.escape(part, quote=False) for part in text.split("\n"))


def cell_style(block: Table, header: bool) -> str:
    parts = [f"padding: 2pt {PAD}pt 3pt {PAD}pt", "text-align: left",
             f"vertical-align: {'middle' if block.valign == 'middle' else 'top'}"]
    if block.rules == "grid":
        parts.append(f"border: {LINE}")
    elif block.rules == "horizontal":
        parts += [f"border-top: {LINE}", f"border-bottom: {LINE}"]
    if header:
        parts.append("background: #e6e6e6")
    return "; ".join(parts)


def table(block: Table) -> str:
    total = sum(block.widths)
    out = [f'<table width="{round(total * 96 / 72)}" cellspacing="0" cellpadding="{PAD:g}" '
           f'style="width: {total:.2f}pt; border-collapse: collapse; table-layout: fixed; '
           f'font-size: {block.size:g}pt; margin-top: 3pt">']
    # LibreOffice reads a <col> width in pixels (96 per inch) and ignores
    # percentages there; Chromium takes the CSS width in points.
    out.append("<colgroup>" + "".join(
        f'<col width="{round(w * 96 / 72)}" style="width: {w:.2f}pt">' for w in block.widths)
        + "</colgroup>")
    valign = "middle" if block.valign == "middle" else "top"
    for r, cells in enumerate(block.rows):
        header = block.header and r == 0
        tag = "th" if header else "td"
        style = cell_style(block, header)
        row = []
        for cell in cells:
            text = esc(cell.text)
            if cell.bold and not header:
                text = f"<b>{text}</b>"
            row.append(f'<{tag} valign="{valign}" align="left" style="{style}">{text}</{tag}>')
        line = "<tr>" + "".join(row) + "</tr>"
        if header and block.repeat_header:
            out.append(f"<thead>{line}</thead><tbody>")
        elif r == 0:
            out.append(f"<tbody>{line}")
        else:
            out.append(line)
    out.append("</tbody></table>")
    return "\n".join(out)


def paragraph(block: Para) -> str:
    runs = "".join(f"<b>{esc(r.text)}</b>" if r.bold else esc(r.text) for r in block.runs)
    align = ' align="center"' if block.align == "center" else ""
    return (f'<p{align} style="margin: {block.space_before:g}pt 0 0 0; font-size: {block.size:g}pt;'
            f' text-align: {block.align}">{runs}</p>')


def page(doc: Doc, footer: bool) -> str:
    family = fonts.FAMILIES[doc.family]["css"]
    orientation = "landscape" if doc.page_width > doc.page_height else "portrait"
    margin_boxes = ""
    if footer and doc.footer:
        box = f"font-family: '{family}'; font-size: {doc.size - 1:g}pt"
        margin_boxes = (
            f' @bottom-left {{ content: "{doc.footer}"; {box} }}'
            f' @bottom-right {{ content: "Pagina " counter(page) " di " counter(pages); {box} }}')
    body = []
    for block in doc.blocks:
        body.append(paragraph(block) if isinstance(block, Para) else table(block))
    return f"""<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>PEG {html.escape(doc.code)}</title>
<style>
@page {{ size: A4 {orientation}; margin: {doc.margin:g}pt;{margin_boxes} }}
body {{ font-family: '{family}'; font-size: {doc.size:g}pt; margin: 0 }}
p {{ margin: 0 }}
th {{ font-weight: bold }}
thead {{ display: table-header-group }}
tr {{ page-break-inside: avoid }}
</style></head>
<body>
{chr(10).join(body)}
</body></html>
"""


def write_sources(items, scratch: str, footer: bool):
    by_folder = {}
    for doc, path in items:
        source = os.path.join(scratch, os.path.splitext(os.path.basename(path))[0] + ".html")
        with open(source, "w", encoding="utf-8") as out:
            out.write(page(doc, footer))
        by_folder.setdefault(os.path.dirname(path), []).append((source, path))
    return by_folder


def render_all_libreoffice(items, workdir: str):
    """HTML imported as a Writer document ("HTML (StarWriter)"), not Writer/Web,
    whose import drops the first paragraph onto a blank first page."""
    scratch = tempfile.mkdtemp(prefix="pegcorpus-html-")
    try:
        for folder, pairs in write_sources(items, scratch, footer=False).items():
            soffice.convert([s for s, _ in pairs], folder, filter_in="HTML (StarWriter)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer",
]


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Chromium non trovato: eseguire bench/peg/install.sh")


def render_all_chromium(items, workdir: str):
    scratch = tempfile.mkdtemp(prefix="pegcorpus-chromium-")
    binary = chromium_binary()
    try:
        for folder, pairs in write_sources(items, scratch, footer=True).items():
            for source, path in pairs:
                profile = tempfile.mkdtemp(prefix="profile-", dir=scratch)
                subprocess.run(
                    [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                     f"--print-to-pdf={os.path.abspath(path)}", f"file://{source}"],
                    check=True, capture_output=True, timeout=120)
                if not os.path.exists(path):
                    raise RuntimeError(f"Chromium non ha scritto {path}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
