"""The six producers and how each writes a batch of plans to PDF files.

A producer's renderer is imported only when it is used, so that a machine
with some of the tools can still write the others' sheets.
"""

NAMES = ["libreoffice-odt", "libreoffice-html", "reportlab", "fpdf2", "chromium", "tcpdf"]

# Layout choices a producer cannot honour, fixed before the sheet is planned
# so that the gold records what the PDF really has.
LIMITS = {
    "libreoffice-html": {"footer": (False, "LibreOffice's HTML import has no page footer")},
}


def restrict(name: str, layout):
    for key, (value, why) in LIMITS.get(name, {}).items():
        if getattr(layout, key) != value:
            setattr(layout, key, value)
            layout.notes.append(f"{key} {value}: {why}")


def render(name: str, items, workdir: str):
    """Writes every (doc, pdf_path) of `items` with producer `name`."""
    if name == "reportlab":
        from . import render_reportlab
        for doc, path in items:
            render_reportlab.render(doc, path)
    elif name == "fpdf2":
        from . import render_fpdf
        for doc, path in items:
            render_fpdf.render(doc, path)
    elif name == "libreoffice-odt":
        from . import render_odt
        render_odt.render_all(items, workdir)
    elif name == "libreoffice-html":
        from . import render_html
        render_html.render_all_libreoffice(items, workdir)
    elif name == "chromium":
        from . import render_html
        render_html.render_all_chromium(items, workdir)
    elif name == "tcpdf":
        from . import render_tcpdf
        render_tcpdf.render_all(items, workdir)
    else:
        raise ValueError(name)
