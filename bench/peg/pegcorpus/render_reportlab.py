"""ReportLab: the plan set with platypus (Paragraph, Table, TableStyle).

Cells are Paragraphs so that they wrap; the header row repeats on a new page
when the layout asks (repeatRows=1). ReportLab writes its own PDF, with the
fonts embedded as subsets.
"""

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table as RLTable, TableStyle

from . import fonts
from .plan import Doc, Para, Table, PAD


def markup(text: str) -> str:
    return "<br/>".join(escape(part) for part in text.split("\n"))


def para_style(doc: Doc, size: float, align: str, bold: bool = False) -> ParagraphStyle:
    return ParagraphStyle(
        f"p{size}{align}{bold}",
        fontName=fonts.reportlab_name(doc.family, bold),
        fontSize=size,
        leading=size * 1.2,
        alignment=TA_CENTER if align == "center" else TA_LEFT,
    )


def paragraph(doc: Doc, block: Para):
    bold_face = fonts.reportlab_name(doc.family, True)
    parts = []
    for run in block.runs:
        text = markup(run.text)
        parts.append(f'<font face="{bold_face}">{text}</font>' if run.bold else text)
    return Paragraph("".join(parts), para_style(doc, block.size, block.align))


def table(doc: Doc, block: Table):
    regular = para_style(doc, block.size, "left")
    bold = para_style(doc, block.size, "left", True)
    data = [[Paragraph(markup(c.text), bold if c.bold else regular) for c in row] for row in block.rows]
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if block.valign == "middle" else "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if block.rules == "grid":
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif block.rules == "horizontal":
        style.append(("LINEABOVE", (0, 0), (-1, -1), 0.5, colors.black))
        style.append(("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black))
    if block.header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)))
    repeat = 1 if block.header and block.repeat_header else 0
    return RLTable(data, colWidths=block.widths, repeatRows=repeat, style=TableStyle(style), hAlign="LEFT")


def render(doc: Doc, path: str):
    def footer(canvas, template):
        if not doc.footer:
            return
        canvas.saveState()
        canvas.setFont(fonts.reportlab_name(doc.family, False), doc.size - 1)
        canvas.drawString(doc.margin, doc.margin / 2, doc.footer)
        canvas.drawRightString(doc.page_width - doc.margin, doc.margin / 2, f"Pagina {template.page}")
        canvas.restoreState()

    story = []
    for block in doc.blocks:
        if isinstance(block, Para):
            if block.space_before:
                story.append(Spacer(1, block.space_before))
            story.append(paragraph(doc, block))
        else:
            story.append(Spacer(1, 3))
            story.append(table(doc, block))
    template = SimpleDocTemplate(
        path, pagesize=(doc.page_width, doc.page_height),
        leftMargin=doc.margin, rightMargin=doc.margin, topMargin=doc.margin, bottomMargin=doc.margin,
        title=f"PEG {doc.code}", author="bench/peg", invariant=1,
    )
    template.build(story, onFirstPage=footer, onLaterPages=footer)
