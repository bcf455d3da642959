"""The three font families the sheets are set in, and their text widths.

The files come from Debian's fonts-dejavu-core and fonts-liberation; every
producer is given the same family for a sheet. Widths are measured with
ReportLab's TrueType metrics, so that column widths can be planned before
any producer lays the table out.
"""

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

DEJAVU = "/usr/share/fonts/truetype/dejavu"
LIBERATION = "/usr/share/fonts/truetype/liberation"

FAMILIES = {
    "dejavu-sans": {
        "regular": f"{DEJAVU}/DejaVuSans.ttf",
        "bold": f"{DEJAVU}/DejaVuSans-Bold.ttf",
        "css": "DejaVu Sans",
    },
    "liberation-sans": {
        "regular": f"{LIBERATION}/LiberationSans-Regular.ttf",
        "bold": f"{LIBERATION}/LiberationSans-Bold.ttf",
        "css": "Liberation Sans",
    },
    "liberation-serif": {
        "regular": f"{LIBERATION}/LiberationSerif-Regular.ttf",
        "bold": f"{LIBERATION}/LiberationSerif-Bold.ttf",
        "css": "Liberation Serif",
    },
}

_registered = set()


def reportlab_name(family: str, bold: bool) -> str:
    """Registers the family's TrueType files with ReportLab once; returns the face name."""
    name = f"{family}-{'bold' if bold else 'regular'}"
    if name not in _registered:
        pdfmetrics.registerFont(TTFont(name, FAMILIES[family]["bold" if bold else "regular"]))
        _registered.add(name)
    return name


def width(text: str, family: str, size: float, bold: bool = False) -> float:
    """Width in points of one line of text."""
    return pdfmetrics.stringWidth(text, reportlab_name(family, bold), size)
