"""LibreOffice from ODT: the plan written as an OpenDocument text with odfpy,
then converted by `soffice --headless`.

The tables are real ODF tables: column widths, cell borders (all four sides,
top and bottom only, or none), vertical alignment, and a header row inside
table:table-header-rows when it should repeat on a new page. The footer is a
master-page footer with page number and count fields.
"""

import os
import shutil
import tempfile

from odf import teletype
from odf.opendocument import OpenDocumentText
from odf.style import (FontFace, Footer, MasterPage, PageLayout, PageLayoutProperties, ParagraphProperties,
                       Style, TableCellProperties, TableColumnProperties, TableProperties, TextProperties)
from odf.table import Table as OTable, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import P, PageCount, PageNumber, Span

from . import fonts, soffice
from .plan import Doc, Para, Table, PAD

LINE = "0.5pt solid #000000"


def pt(value: float) -> str:
    return f"{value:.2f}pt"


class Writer:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.odt = OpenDocumentText()
        self.styles = {}
        self.counter = 0
        self.odt.fontfacedecls.addElement(FontFace(
            name="Sheet", fontfamily=f"'{fonts.FAMILIES[doc.family]['css']}'",
            fontfamilygeneric="roman" if "serif" in doc.family else "swiss", fontpitch="variable"))
        self.page()

    def name(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def page(self):
        doc = self.doc
        layout = PageLayout(name="SheetPage")
        layout.addElement(PageLayoutProperties(
            pagewidth=pt(doc.page_width), pageheight=pt(doc.page_height),
            printorientation="landscape" if doc.page_width > doc.page_height else "portrait",
            margintop=pt(doc.margin), marginbottom=pt(doc.margin / 2),
            marginleft=pt(doc.margin), marginright=pt(doc.margin)))
        self.odt.automaticstyles.addElement(layout)
        master = MasterPage(name="Standard", pagelayoutname=layout)
        if doc.footer:
            footer = Footer()
            p = P(stylename=self.para_style(doc.size - 1, "left", 0))
            teletype.addTextToElement(p, f"{doc.footer}    Pagina ")
            p.addElement(PageNumber(selectpage="current"))
            teletype.addTextToElement(p, " di ")
            p.addElement(PageCount())
            footer.addElement(p)
            master.addElement(footer)
        self.odt.masterstyles.addElement(master)

    def para_style(self, size: float, align: str, before: float, bold: bool = False):
        key = ("p", size, align, before, bold)
        if key not in self.styles:
            style = Style(name=self.name("P"), family="paragraph")
            style.addElement(ParagraphProperties(
                margintop=pt(before), marginbottom="0pt",
                textalign="center" if align == "center" else "start"))
            style.addElement(TextProperties(
                fontname="Sheet", fontsize=pt(size), fontweight="bold" if bold else "normal"))
            self.odt.automaticstyles.addElement(style)
            self.styles[key] = style
        return self.styles[key]

    def bold_span(self):
        key = ("bold",)
        if key not in self.styles:
            style = Style(name=self.name("T"), family="text")
            style.addElement(TextProperties(fontweight="bold"))
            self.odt.automaticstyles.addElement(style)
            self.styles[key] = style
        return self.styles[key]

    def cell_style(self, rules: str, valign: str, header: bool):
        key = ("cell", rules, valign, header)
        if key not in self.styles:
            style = Style(name=self.name("C"), family="table-cell")
            props = dict(paddingleft=pt(PAD), paddingright=pt(PAD), paddingtop="2pt", paddingbottom="2pt",
                         verticalalign="middle" if valign == "middle" else "top")
            if rules == "grid":
                props["border"] = LINE
            elif rules == "horizontal":
                props.update(bordertop=LINE, borderbottom=LINE, borderleft="none", borderright="none")
            else:
                props["border"] = "none"
            if header:
                props["backgroundcolor"] = "#e6e6e6"
            style.addElement(TableCellProperties(**props))
            self.odt.automaticstyles.addElement(style)
            self.styles[key] = style
        return self.styles[key]

    def paragraph(self, block: Para):
        p = P(stylename=self.para_style(block.size, block.align, block.space_before))
        for run in block.runs:
            if run.bold:
                span = Span(stylename=self.bold_span())
                teletype.addTextToElement(span, run.text)
                p.addElement(span)
            else:
                teletype.addTextToElement(p, run.text)
        self.odt.text.addElement(p)

    def table(self, block: Table):
        name = self.name("Table")
        tstyle = Style(name=name, family="table")
        tstyle.addElement(TableProperties(width=pt(sum(block.widths)), align="left", margintop="3pt"))
        self.odt.automaticstyles.addElement(tstyle)
        table = OTable(name=name, stylename=tstyle)
        for width in block.widths:
            cstyle = Style(name=self.name("Col"), family="table-column")
            cstyle.addElement(TableColumnProperties(columnwidth=pt(width)))
            self.odt.automaticstyles.addElement(cstyle)
            table.addElement(TableColumn(stylename=cstyle))
        for r, cells in enumerate(block.rows):
            is_header = block.header and r == 0
            row = TableRow()
            for cell in cells:
                tc = TableCell(stylename=self.cell_style(block.rules, block.valign, is_header), valuetype="string")
                for part in cell.text.split("\n") if not cell.bold else [cell.text]:
                    p = P(stylename=self.para_style(block.size, "left", 0, cell.bold))
                    teletype.addTextToElement(p, part)
                    tc.addElement(p)
                row.addElement(tc)
            if is_header and block.repeat_header:
                head = TableHeaderRows()
                head.addElement(row)
                table.addElement(head)
            else:
                table.addElement(row)
        self.odt.text.addElement(table)

    def save(self, path: str):
        for block in self.doc.blocks:
            if isinstance(block, Para):
                self.paragraph(block)
            else:
                self.table(block)
        self.odt.save(path)


def render_all(items, workdir: str):
    """Writes each plan as .odt in a scratch folder, then converts them all at once."""
    scratch = tempfile.mkdtemp(prefix="pegcorpus-odt-")
    try:
        by_folder = {}
        for doc, path in items:
            source = os.path.join(scratch, os.path.splitext(os.path.basename(path))[0] + ".odt")
            Writer(doc).save(source)
            by_folder.setdefault(os.path.dirname(path), []).append(source)
        for folder, sources in by_folder.items():
            soffice.convert(sources, folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
