"""The gold line of one sheet, in atti's output forms.

Written from the drawn data (draw.py), never from a reader's output: dates
ISO, weights as the number without `%` and with a decimal dot, persons
without their titles, the mission as its two digits ("01") and the
operational objective as its own number ("13.3"), an indicator's target
split into operator and value with the printed text kept whole. The choices
the README of atti leaves open are written down in bench/peg/README.md.
"""

from .draw import Sheet


def objective(sheet: Sheet) -> dict:
    return {
        "objective_code": sheet.code,
        "year": str(sheet.year),
        "title": sheet.title,
        "direction": sheet.direction,
        "director": sheet.director.name,
        "service": sheet.service,
        "manager": sheet.manager.name,
        "typology": sheet.typology,
        "classification": sheet.classification,
        "strategic_direction_code": sheet.sd_code,
        "strategic_direction": sheet.sd_label,
        "strategic_objective_code": sheet.so_code,
        "strategic_objective": sheet.so_label,
        "mission": sheet.mission,
        "operational_objective": sheet.operational,
        "description": " ".join(sheet.paragraphs),
    }


def phases(sheet: Sheet) -> list:
    return [
        {
            "seq": i + 1,
            "description": p.description,
            "weight": p.weight,
            "start_date": p.start.isoformat(),
            "end_date": p.end.isoformat(),
            "responsible": p.responsible.name,
            "responsibility_centre": p.centre,
            "notes": p.notes,
        }
        for i, p in enumerate(sheet.phases)
    ]


def indicators(sheet: Sheet) -> list:
    return [
        {
            "seq": i + 1,
            "description": d.description,
            "type": d.type,
            "expected_operator": d.operator,
            "expected_value": d.value,
            "expected_raw": d.raw,
        }
        for i, d in enumerate(sheet.indicators)
    ]


def line(producer: str, file: str, sheet: Sheet, layout) -> dict:
    return {
        "producer": producer,
        "file": file,
        "layout": layout.to_dict(),
        "objective": objective(sheet),
        "phases": phases(sheet),
        "indicators": indicators(sheet),
    }
