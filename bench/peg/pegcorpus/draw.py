"""The content of one PEG sheet, drawn from a seeded random generator.

Each value is drawn twice over: as it is printed on the sheet (a title before
a name, a weight with `%`, a target `<= 30 giorni`) and in the form the gold
wants (the name alone, `30`, operator `<=` and value `30`). The gold is
therefore written from the draw, never parsed back from the printed text.
"""

from dataclasses import dataclass
import datetime as dt
import random

from . import vocab


@dataclass
class Person:
    name: str      # gold form: "ROSSI MARIA"
    printed: str   # as on the sheet: "Dott.ssa ROSSI MARIA"


@dataclass
class Phase:
    description: str
    weight: str          # gold form: "25", "12.5", "" when none is printed
    weight_printed: str  # "25%", "25", "12,5%", ""
    start: dt.date
    end: dt.date
    responsible: Person
    centre: str
    notes: str


@dataclass
class Indicator:
    description: str
    type: str
    operator: str   # ">=", "<=", ">", "<", "=" or "" when none is printed
    value: str      # "3", "12.5", "SI"
    raw: str        # as printed: ">= 3", "< 12,50", "=SI"


@dataclass
class Sheet:
    code: str
    year: int
    title: str
    direction: str
    director: Person
    classification: str
    service: str
    manager: Person
    typology: str
    sd_code: str
    sd_label: str
    so_code: str
    so_label: str
    mission: str            # "01"
    operational: str        # "13.3"
    mission_printed: str    # "Missione 01 - obiettivo 13.3"
    paragraphs: list
    phases: list
    indicators: list


def draw_codes(rng: random.Random, count: int):
    """`count` distinct objective codes like 2023_DB07, 2022_A14, 2021_Z001."""
    codes, seen = [], set()
    letters = "ABCDEFGHILMNOPRSTUVZ"
    while len(codes) < count:
        year = rng.randint(2019, 2025)
        prefix = "".join(rng.choice(letters) for _ in range(rng.choice([1, 1, 2])))
        digits = rng.choice([2, 2, 3])
        number = rng.randint(1, 10 ** digits - 1)
        code = f"{year}_{prefix}{number:0{digits}d}"
        if code not in seen:
            seen.add(code)
            codes.append(code)
    return codes


def person(rng: random.Random, titled: float) -> Person:
    if rng.random() < 0.5:
        first, titles = rng.choice(vocab.FIRST_NAMES_F), vocab.TITLES_F
    else:
        first, titles = rng.choice(vocab.FIRST_NAMES_M), vocab.TITLES_M
    name = f"{rng.choice(vocab.SURNAMES)} {first}"
    if rng.random() < titled:
        return Person(name, f"{rng.choice(titles)} {name}")
    return Person(name, name)


def italian_number(value: float, decimals: int) -> str:
    """12.5 -> "12,50" (decimals=2); 1500 -> "1.500"."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def canonical_number(value: float) -> str:
    """The gold's form of a number: a dot, no thousands sign, no trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text


def expected(rng: random.Random) -> tuple:
    """(operator, value, raw) of an indicator's target."""
    kind = rng.randrange(14)
    n = rng.randint(1, 20)
    if kind == 0:
        return ">=", str(n), f">={n}"
    if kind == 1:
        return ">=", str(n), f">= {n}"
    if kind == 2:
        days = rng.choice([10, 15, 30, 45, 60, 90])
        return "<=", str(days), f"<= {days} giorni"
    if kind == 3:
        return "=", "SI", rng.choice(["=SI", "= SI"])
    if kind == 4:
        return "", "SI", "SI"
    if kind == 5:
        pct = rng.choice([100, 95, 90, 80, 75])
        return "", str(pct), f"{pct}%"
    if kind == 6:
        pct = rng.choice([90, 85, 80, 70, 60])
        return ">=", str(pct), f"\u2265 {pct}%"
    if kind == 7:
        n = rng.randint(2, 15)
        return "<=", str(n), f"\u2264 {n}"
    if kind == 8:
        cents = rng.choice([1250, 875, 320, 1990, 455, 2015])
        value = cents / 100
        decimals = 2 if cents % 10 else 1
        return "<", canonical_number(value), f"< {italian_number(value, decimals)}"
    if kind == 9:
        big = rng.choice([1500, 2000, 12500, 3200])
        return ">", str(big), f"> {italian_number(big, 0)}"
    if kind == 10:
        return ">=", str(n), f"=> {n}"
    if kind == 11:
        tenths = rng.choice([855, 925, 975, 625])
        value = tenths / 10
        return ">=", canonical_number(value), f">= {italian_number(value, 1)}%"
    if kind == 12:
        return "=", "NO", "= NO"
    return "<", str(n + 5), f"< {n + 5}"


def weights(rng: random.Random, count: int) -> list:
    """Weights summing to 100, in steps of 5, now and then one of 2.5."""
    step = 2.5 if rng.random() < 0.2 else 5.0
    units = int(round(100 / step))
    if count > units:
        return [100 / count] * count
    cuts = sorted(rng.sample(range(1, units), count - 1)) if count > 1 else []
    bounds = [0] + cuts + [units]
    return [(bounds[i + 1] - bounds[i]) * step for i in range(count)]


def weight_forms(value: float, style: str, rng: random.Random) -> tuple:
    """(gold, printed) forms of one weight under the sheet's weight style."""
    if style in ("empty", "no_column"):
        return "", ""
    if style == "partial" and rng.random() < 0.4:
        return "", ""
    gold = canonical_number(value)
    whole = float(value).is_integer()
    text = str(int(value)) if whole else italian_number(value, 1)
    if style == "number":
        return gold, text
    return gold, rng.choice([f"{text}%", f"{text}%", f"{text} %"])


def phase_description(rng: random.Random, long: bool) -> str:
    words = [rng.choice(vocab.PHASE_ACTIONS), rng.choice(vocab.PHASE_OBJECTS)]
    extra = rng.choice([1, 2, 2, 3] if long else [0, 0, 1, 1, 2])
    complements = rng.sample(vocab.PHASE_COMPLEMENTS, extra)
    # At most 25 words: drop whole complements, never cut one in the middle.
    while complements and len(" ".join(words + complements).split()) > 25:
        complements.pop()
    tokens = " ".join(words + complements).split()
    while len(tokens) < 3:
        tokens.append(rng.choice(["annuale", "generale", "comunale"]))
    return " ".join(tokens)


def phase_dates(rng: random.Random, year: int, count: int) -> list:
    first = dt.date(year, 1, 1)
    spans = []
    for _ in range(count):
        start = first + dt.timedelta(days=rng.randint(0, 330))
        end = start + dt.timedelta(days=rng.randint(14, 240))
        end = min(end, dt.date(year, 12, 31))
        spans.append((start, end))
    spans.sort()
    return spans


def draw_sheet(rng: random.Random, code: str, layout) -> Sheet:
    year = int(code[:4])
    long = layout.length == "long"
    title = rng.choice(vocab.TITLE_HEADS)
    tail = rng.choice(vocab.TITLE_TAILS)
    if tail:
        title = f"{title} {tail}"
    sd_n, so_n = rng.randint(1, 15), rng.randint(1, 9)
    sd_code = rng.choice([f"{year}_IND_STRATEG_{sd_n:02d}", f"IS{sd_n:02d}", f"{year}_IS_{sd_n}"])
    so_code = rng.choice([f"{year}_{sd_n:02d}_IS_OB_STR_{so_n:02d}", f"OS{sd_n:02d}.{so_n:02d}"])
    mission = rng.choice([1, 1, 3, 4, 5, 6, 8, 9, 10, 12, 14, 15])
    operational = f"{rng.randint(1, 20)}.{rng.randint(1, 9)}"
    printed_mission = rng.choice([f"{mission:02d}", f"{mission:02d}", str(mission)])
    mission_printed = rng.choice([
        f"Missione {printed_mission} - obiettivo {operational}",
        f"Missione {printed_mission} - obiettivo {operational}",
        f"MISSIONE {printed_mission} - OBIETTIVO {operational}",
        f"Missione {printed_mission} \u2013 Obiettivo operativo {operational}",
    ])
    sentences = rng.sample(vocab.DESCRIPTION_SENTENCES, rng.randint(5, 9) if long else rng.randint(1, 4))
    paragraphs, i = [], 0
    while i < len(sentences):
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i:i + take]))
        i += take
    n = layout.n_phases
    descriptions = []
    while len(descriptions) < n:
        text = phase_description(rng, long)
        if text not in descriptions:
            descriptions.append(text)
    dates = phase_dates(rng, year, n)
    ws = weights(rng, n)
    phases = []
    for i in range(n):
        gold_w, printed_w = weight_forms(ws[i], layout.weights, rng)
        notes = rng.choice(vocab.NOTES) if rng.random() < 0.2 else ""
        phases.append(Phase(descriptions[i], gold_w, printed_w, dates[i][0], dates[i][1],
                            person(rng, 0.2), rng.choice(vocab.CENTRES), notes))
    indicators = []
    for description in rng.sample(vocab.INDICATOR_DESCRIPTIONS, layout.n_indicators):
        op, value, raw = expected(rng)
        kind = rng.choice(vocab.INDICATOR_TYPES)
        indicators.append(Indicator(description, kind, op, value, raw))
    return Sheet(
        code=code, year=year, title=title,
        direction=rng.choice(vocab.DIRECTIONS), director=person(rng, 0.3),
        classification=rng.choice(vocab.CLASSIFICATIONS),
        service=rng.choice(vocab.SERVICES), manager=person(rng, 0.3),
        typology=rng.choice(vocab.TYPOLOGIES),
        sd_code=sd_code, sd_label=rng.choice(vocab.STRATEGIC_DIRECTIONS),
        so_code=so_code, so_label=rng.choice(vocab.STRATEGIC_OBJECTIVES),
        mission=f"{mission:02d}", operational=operational, mission_printed=mission_printed,
        paragraphs=paragraphs, phases=phases, indicators=indicators,
    )
