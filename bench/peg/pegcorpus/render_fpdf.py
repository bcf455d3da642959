"""fpdf2: the plan set with FPDF.table() and write().

Tables use fpdf2's own table layout (borders_layout for the rulings, v_align,
repeat_headings); paragraphs are written run by run so that a bold label and
its plain value share a line. Units are points, as in the plan.
"""

import datetime as dt

from fpdf import FPDF
from fpdf.fonts import FontFace

from . import fonts
from .plan import Doc, Para, Table, PAD

BORDERS = {"grid": "ALL", "horizontal": "HORIZONTAL_LINES", "none": "NONE"}


class SheetPDF(FPDF):
    footer_text = ""
    family = "sheet"
    footer_size = 8.0

    def footer(self):
        if not self.footer_text:
            return
        self.set_y(-self.b_margin * 0.75)
        self.set_font(self.family, "", self.footer_size)
        self.cell(0, self.footer_size * 1.2, self.footer_text, align="L")
        self.set_x(self.l_margin)
        self.cell(0, self.footer_size * 1.2, f"Pagina {self.page_no()} di {{nb}}", align="R")


def paragraph(pdf: SheetPDF, block: Para):
    pdf.ln(block.space_before)
    height = block.size * 1.25
    if block.align == "center":
        text = "".join(r.text for r in block.runs)
        pdf.set_font(pdf.family, "B" if block.runs[0].bold else "", block.size)
        pdf.multi_cell(0, height, text, align="C", new_x="LMARGIN", new_y="NEXT")
        return
    for run in block.runs:
        pdf.set_font(pdf.family, "B" if run.bold else "", block.size)
        pdf.write(height, run.text)
    pdf.ln(height)


def table(pdf: SheetPDF, block: Table):
    pdf.ln(3)
    pdf.set_font(pdf.family, "", block.size)
    with pdf.table(
        col_widths=block.widths,
        width=min(sum(block.widths), pdf.epw),
        align="LEFT",
        text_align="LEFT",
        v_align="MIDDLE" if block.valign == "middle" else "TOP",
        borders_layout=BORDERS[block.rules],
        first_row_as_headings=block.header,
        headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
        repeat_headings=1 if block.repeat_header else 0,
        line_height=block.size * 1.2,
        padding=(2, PAD, 3, PAD),
    ) as t:
        for r, cells in enumerate(block.rows):
            row = t.row()
            for cell in cells:
                if cell.bold and not (block.header and r == 0):
                    row.cell(cell.text, style=FontFace(emphasis="BOLD"))
                else:
                    row.cell(cell.text)


def render(doc: Doc, path: str):
    orientation = "L" if doc.page_width > doc.page_height else "P"
    pdf = SheetPDF(orientation=orientation, unit="pt", format="A4")
    pdf.set_margins(doc.margin, doc.margin, doc.margin)
    pdf.set_auto_page_break(True, doc.margin)
    family = fonts.FAMILIES[doc.family]
    pdf.add_font("sheet", "", family["regular"])
    pdf.add_font("sheet", "B", family["bold"])
    pdf.footer_text = doc.footer
    pdf.footer_size = doc.size - 1
    pdf.set_title(f"PEG {doc.code}")
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    pdf.add_page()
    for block in doc.blocks:
        if isinstance(block, Para):
            paragraph(pdf, block)
        else:
            table(pdf, block)
    pdf.output(path)
