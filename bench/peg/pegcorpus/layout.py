"""The layout choices of one sheet, drawn independently of its producer.

Every producer gets the same balanced mix: for each dimension, the sheets of
one producer take its options in turn (then shuffled), so that 20 sheets of
any producer cover every option several times, whatever the producer. The
gold records these choices per sheet; what only the PDF can tell (pages,
whether the GANTT table ran onto another page) is measured after rendering
and recorded beside them.
"""

from dataclasses import dataclass, asdict, field
import random

# Each dimension and its options. Order matters for reproducibility.
DIMENSIONS = {
    "orientation": ["portrait", "landscape"],
    "font": ["dejavu-sans", "liberation-sans", "liberation-serif"],
    "font_size": [8, 9, 10],
    "header_block": ["lines", "table2", "table4", "table6"],
    "dup_block": ["lines", "table"],
    "label_case": ["title", "upper"],
    "header_lines": [1, 2, 3],
    "header_break": ["explicit", "wrap"],
    "rules": ["grid", "horizontal", "none"],
    "valign": ["top", "middle"],
    "weights": ["percent", "number", "partial", "empty", "no_column"],
    "length": ["short", "short", "long"],
    "repeat_header": [True, False],
    "footer": [True, False],
    "gantt_heading": ["GANTT+FASI", "FASI"],
}


@dataclass
class Layout:
    orientation: str
    font: str
    font_size: int
    header_block: str
    dup_block: str
    label_case: str
    header_lines: int
    header_break: str
    rules: str
    valign: str
    weights: str
    length: str
    repeat_header: bool
    footer: bool
    gantt_heading: str
    n_phases: int = 0
    n_indicators: int = 0
    # Measured on the written PDF (see inspect_pdf.py), or adjusted by the
    # plan when a choice could not be honoured (a smaller font to fit a
    # one-line header); `notes` says what was adjusted and why.
    measured: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def to_dict(self):
        return asdict(self)


def balanced_layouts(rng: random.Random, count: int):
    """`count` layouts where each dimension's options come in equal shares."""
    columns = {}
    for name, options in DIMENSIONS.items():
        # A random first option, so that a few sheets do not all take the
        # first options of every dimension.
        first = rng.randrange(len(options))
        values = [options[(first + i) % len(options)] for i in range(count)]
        rng.shuffle(values)
        columns[name] = values
    layouts = []
    for i in range(count):
        layout = Layout(**{name: columns[name][i] for name in DIMENSIONS})
        if layout.length == "long":
            layout.n_phases = rng.randint(8, 12)
        else:
            layout.n_phases = rng.randint(1, 7)
        layout.n_indicators = rng.randint(1, 6)
        layouts.append(layout)
    return layouts
