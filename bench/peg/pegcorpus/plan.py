"""A sheet laid out as a producer-neutral document plan.

The plan is what every renderer receives: page size and margins, one font
family, and a list of blocks (paragraphs of bold and plain runs, and tables
of cells with their column widths in points, their ruling style, vertical
alignment and header row). All layout decisions are taken here, from the
sheet's Layout, so that the producers differ only in how they set the same
plan, which is the point of the corpus.
"""

from dataclasses import dataclass, field
import random

from . import fonts
from .draw import Sheet
from .layout import Layout

A4 = (595.28, 841.89)
MARGIN = 36.0
PAD = 3.0      # horizontal cell padding every renderer uses
SLACK = 6.0    # room left in a column beyond its widest word or label line


@dataclass
class Run:
    text: str
    bold: bool = False


@dataclass
class Para:
    runs: list
    size: float
    align: str = "left"
    space_before: float = 3.0


@dataclass
class Cell:
    text: str          # "\n" is an explicit line break
    bold: bool = False


@dataclass
class Table:
    role: str          # fields, dup, text, phases, indicators
    widths: list       # points, summing to the content width
    rows: list         # list of rows, each a list of Cell
    header: bool       # the first row is a header row
    rules: str         # grid, horizontal, none
    valign: str        # top, middle
    repeat_header: bool
    size: float


@dataclass
class Doc:
    code: str
    page_width: float
    page_height: float
    margin: float
    family: str
    size: float
    blocks: list = field(default_factory=list)
    footer: str = ""   # left part of the footer; empty: no footer

    @property
    def content_width(self) -> float:
        return self.page_width - 2 * self.margin


# Column labels of the GANTT and indicator tables, as segments: the header
# lines a label is set on when the layout asks for 1, 2 or 3 lines.
GANTT_LABELS = {
    "description": {1: ["Descrizione"], 2: ["Descrizione"], 3: ["Descrizione"]},
    "weight": {1: ["Peso"], 2: ["Peso"], 3: ["Peso"]},
    "start": {1: ["Inizio Previsto"], 2: ["Inizio", "Previsto"], 3: ["Inizio", "Previsto"]},
    "end": {1: ["Fine Prevista"], 2: ["Fine", "Prevista"], 3: ["Fine", "Prevista"]},
    "responsible": {1: ["Responsabile"], 2: ["Responsabile"], 3: ["Responsabile"]},
    "centre": {1: ["Centro di Responsabilità"], 2: ["Centro di", "Responsabilità"],
               3: ["Centro", "di", "Responsabilità"]},
    "notes": {1: ["Note"], 2: ["Note"], 3: ["Note"]},
}
INDICATOR_LABELS = {
    "description": {1: ["Descrizione"], 2: ["Descrizione"], 3: ["Descrizione"]},
    "type": {1: ["Tipo"], 2: ["Tipo"], 3: ["Tipo"]},
    "expected": {1: ["Valore Atteso"], 2: ["Valore", "Atteso"], 3: ["Valore", "Atteso"]},
}
FIELD_LABELS = ["Direzione", "Direttore", "Classificazione", "Servizio", "Dirigente", "Tipologia"]


def cased(text: str, layout: Layout) -> str:
    return text.upper() if layout.label_case == "upper" else text


def date_text(d) -> str:
    return d.strftime("%d/%m/%Y")


class Planner:
    """Builds the plan of one sheet; `notes` collects the choices it had to bend."""

    def __init__(self, sheet: Sheet, layout: Layout, rng: random.Random):
        self.sheet, self.layout, self.rng = sheet, layout, rng
        self.family = layout.font
        self.size = float(layout.font_size)

    def w(self, text: str, bold: bool = False, size: float = None) -> float:
        return fonts.width(text, self.family, size or self.size, bold)

    def longest_word(self, texts, bold=False) -> float:
        return max((self.w(word, bold) for t in texts for word in t.split()), default=0.0)

    # Header labels -------------------------------------------------------

    def header_cell(self, segments) -> Cell:
        segs = [cased(s, self.layout) for s in segments]
        joiner = "\n" if self.layout.header_break == "explicit" else " "
        return Cell(joiner.join(segs), bold=True)

    def header_need(self, segments) -> float:
        """Width a header label needs to be set on its intended lines."""
        return max(self.w(cased(s, self.layout), True) for s in segments)

    # Tables -------------------------------------------------------------

    def gantt(self, content_width: float, share: float = 0.26) -> Table:
        sheet, layout = self.sheet, self.layout
        lines = layout.header_lines
        keys = ["description", "weight", "start", "end", "responsible", "centre", "notes"]
        if layout.weights == "no_column":
            keys.remove("weight")
        phases = sheet.phases
        content = {
            "description": [p.description for p in phases],
            "weight": [p.weight_printed for p in phases] + ["100%"],
            "start": [date_text(p.start) for p in phases],
            "end": [date_text(p.end) for p in phases],
            "responsible": [p.responsible.printed for p in phases],
            "centre": [p.centre for p in phases],
            "notes": [p.notes for p in phases],
        }
        fixed = {"weight", "start", "end"}
        caps = {"responsible": 0.17, "centre": 0.19, "notes": 0.12}
        widths, floors = {}, {}
        for key in keys[1:]:
            head = self.header_need(GANTT_LABELS[key][lines])
            if key in fixed:
                need = max([self.w(t) for t in content[key]] + [head])
                widths[key] = need + 2 * PAD + SLACK
            else:
                natural = max([self.w(t) for t in content[key] if t] + [head])
                floors[key] = max(head, self.longest_word(content[key])) + 2 * PAD + SLACK
                widths[key] = max(floors[key], min(natural + 2 * PAD + SLACK, caps[key] * content_width))
        desc_floor = max(share * content_width, self.header_need(GANTT_LABELS["description"][lines]) + 2 * PAD)
        rest = content_width - sum(widths.values())
        if rest < desc_floor:
            # Narrow the wrapping columns towards their longest word first.
            spare = sum(widths[k] - floors[k] for k in floors)
            missing = desc_floor - rest
            if spare < missing:
                return None
            for k in floors:
                widths[k] -= (widths[k] - floors[k]) * missing / spare
            rest = desc_floor
        widths["description"] = rest
        header = [self.header_cell(GANTT_LABELS[k][lines]) for k in keys]
        rows = [header]
        for i, p in enumerate(phases):
            cells = {
                "description": p.description, "weight": p.weight_printed,
                "start": date_text(p.start), "end": date_text(p.end),
                "responsible": p.responsible.printed, "centre": p.centre, "notes": p.notes,
            }
            rows.append([Cell(cells[k]) for k in keys])
        return Table("phases", [widths[k] for k in keys], rows, True, layout.rules,
                     layout.valign, layout.repeat_header, self.size)

    def indicators(self, content_width: float) -> Table:
        layout, lines = self.layout, self.layout.header_lines
        items = self.sheet.indicators
        type_need = max([self.w(d.type) for d in items] + [self.header_need(INDICATOR_LABELS["type"][lines])])
        exp_need = max([self.w(d.raw) for d in items] + [self.header_need(INDICATOR_LABELS["expected"][lines])])
        type_w = type_need + 2 * PAD + SLACK + self.rng.choice([0, 10, 40])
        exp_w = exp_need + 2 * PAD + SLACK + self.rng.choice([0, 10, 40])
        widths = [content_width - type_w - exp_w, type_w, exp_w]
        header = [self.header_cell(INDICATOR_LABELS[k][lines]) for k in ("description", "type", "expected")]
        rows = [header] + [[Cell(d.description), Cell(d.type), Cell(d.raw)] for d in items]
        return Table("indicators", widths, rows, True, layout.rules, layout.valign,
                     layout.repeat_header, self.size)

    def field_pairs(self):
        s = self.sheet
        values = [s.direction, s.director.printed, s.classification, s.service,
                  s.manager.printed, s.typology]
        return [(cased(label, self.layout), value) for label, value in zip(FIELD_LABELS, values)]

    def fields_table(self, content_width: float) -> Table:
        pairs = self.field_pairs()
        per_row = {"table2": 1, "table4": 2, "table6": 3}[self.layout.header_block]
        if per_row == 2:
            # Direzione/Direttore, Servizio/Dirigente, Classificazione/Tipologia
            pairs = [pairs[0], pairs[1], pairs[3], pairs[4], pairs[2], pairs[5]]
        elif per_row == 3:
            # as the sample: Direzione Direttore Classificazione / Servizio Dirigente Tipologia
            pass
        rows = [pairs[i:i + per_row] for i in range(0, len(pairs), per_row)]
        label_w = []
        value_natural = []
        for c in range(per_row):
            label_w.append(max(self.w(r[c][0], True) for r in rows) + 2 * PAD + SLACK)
            value_natural.append(max(self.w(r[c][1]) for r in rows) + 2 * PAD + SLACK)
        free = content_width - sum(label_w)
        total = sum(value_natural)
        widths = []
        for c in range(per_row):
            widths += [label_w[c], free * value_natural[c] / total]
        cells = [[cell for label, value in row for cell in (Cell(label, True), Cell(value))] for row in rows]
        rules = "grid" if self.layout.rules == "grid" else "none"
        return Table("fields", widths, cells, False, rules, self.layout.valign, False, self.size)

    def dup_table(self, content_width: float) -> Table:
        s = self.sheet
        rows = [
            [Cell(cased("Indirizzo strategico D.U.P.", self.layout), True), Cell(s.sd_code), Cell(s.sd_label)],
            [Cell(cased("Obiettivo strategico D.U.P.", self.layout), True), Cell(s.so_code), Cell(s.so_label)],
        ]
        label_w = max(self.w(r[0].text, True) for r in rows) + 2 * PAD + SLACK
        code_w = max(self.w(r[1].text) for r in rows) + 2 * PAD + SLACK
        widths = [label_w, code_w, content_width - label_w - code_w]
        rules = "grid" if self.layout.rules == "grid" else "none"
        return Table("dup", widths, rows, False, rules, self.layout.valign, False, self.size)

    def text_table(self, content_width: float) -> Table:
        s = self.sheet
        label_w = self.rng.choice([95.0, 120.0, 150.0])
        rows = [
            [Cell(cased("Obiettivo Operativo del D.U.P.", self.layout), True), Cell(s.mission_printed)],
            [Cell(cased("Descrizione dettagliata dell'obiettivo", self.layout), True), Cell("\n".join(s.paragraphs))],
        ]
        rules = "grid" if self.layout.rules == "grid" else "none"
        return Table("text", [label_w, content_width - label_w], rows, False, rules,
                     self.layout.valign, False, self.size)

    # The whole sheet -----------------------------------------------------

    def build(self) -> Doc:
        layout, sheet = self.layout, self.sheet
        w, h = A4 if layout.orientation == "portrait" else (A4[1], A4[0])
        doc = Doc(sheet.code, w, h, MARGIN, self.family, self.size)
        cw = doc.content_width
        # A one-line header may not leave the description room on a portrait
        # page: as an office would, a smaller font first (down to 8 points),
        # then the header on more lines, then 7 points, then a narrow column.
        gantt = self.gantt(cw)
        while gantt is None and self.size > 8:
            self.size -= 1
            layout.notes.append(f"font_size {self.size:g}: the GANTT header did not fit")
            gantt = self.gantt(cw)
        while gantt is None and layout.header_lines < 3:
            layout.header_lines += 1
            layout.header_break = "explicit"
            layout.notes.append(f"header_lines {layout.header_lines} (explicit): the GANTT header did not fit")
            gantt = self.gantt(cw)
        if gantt is None:
            self.size = 7.0
            layout.notes.append("font_size 7: the GANTT header did not fit")
            gantt = self.gantt(cw)
        if gantt is None:
            layout.notes.append("narrow description column: the GANTT header did not fit")
            gantt = self.gantt(cw, share=0.0)
        doc.size = self.size
        layout.font_size = int(self.size)
        size = self.size
        B = doc.blocks
        B.append(Para([Run("PIANO ESECUTIVO DI GESTIONE", True)], size + 3, "center", 0))
        B.append(Para([Run(f"{sheet.code} {sheet.title}", True)], size + 1, "left", 8))
        if layout.header_block == "lines":
            for label, value in self.field_pairs():
                B.append(Para([Run(f"{label}: ", True), Run(value)], size, "left", 1))
        else:
            B.append(self.fields_table(cw))
        if layout.dup_block == "lines":
            B.append(Para([Run(cased("Collegato a", layout), True)], size, "left", 6))
            B.append(Para([Run(f"INDIRIZZO STRATEGICO D.U.P.: {sheet.sd_code} {sheet.sd_label}")], size, "left", 1))
            B.append(Para([Run(f"OBIETTIVO STRATEGICO D.U.P.: {sheet.so_code} {sheet.so_label}")], size, "left", 1))
        else:
            B.append(Para([Run(cased("Collegato a", layout), True)], size, "left", 6))
            B.append(self.dup_table(cw))
        if layout.header_block == "lines":
            B.append(Para([Run(cased("Obiettivo Operativo del D.U.P.", layout) + ": ", True),
                           Run(sheet.mission_printed)], size, "left", 6))
            B.append(Para([Run(cased("Descrizione dettagliata dell'obiettivo", layout), True)], size, "left", 6))
            for paragraph in sheet.paragraphs:
                B.append(Para([Run(paragraph)], size, "left", 2))
        else:
            B.append(self.text_table(cw))
        if layout.gantt_heading == "GANTT+FASI":
            B.append(Para([Run("GANTT", True)], size + 1, "left", 10))
            B.append(Para([Run("FASI", True)], size + 1, "left", 1))
        else:
            B.append(Para([Run("FASI", True)], size + 1, "left", 10))
        B.append(gantt)
        B.append(Para([Run("INDICATORI", True)], size + 1, "left", 10))
        B.append(self.indicators(cw))
        if layout.footer:
            doc.footer = f"PEG {sheet.year} \u2013 {sheet.code}"
        return doc


def plan(sheet: Sheet, layout: Layout, rng: random.Random) -> Doc:
    return Planner(sheet, layout, rng).build()
