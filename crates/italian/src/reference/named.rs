//! Acts known by name ("TUEL", "Codice dell'amministrazione digitale") and
//! the testi unici whose real act type is known. These are institutional
//! facts, not grammar: they are to become rule data (see the README).

use std::sync::LazyLock;

use regex::Regex;

/// Acts known by name. Each entry: pattern, act type, number, date, and
/// whether the name counts only with an article ("c.c." is also a bank account).
pub(super) const NAMED: &[(&str, &str, &str, (i32, u32, u32), bool)] = &[
    (
        r"testo\s+unico\s+(?:delle\s+leggi\s+sull['’]\s*ordinamento\s+)?degli\s+enti\s+locali|t\.\s?u\.\s+(?:degli\s+)?enti\s+locali",
        "decreto_legislativo",
        "267",
        (2000, 8, 18),
        false,
    ),
    (
        r"testo\s+unico\s+delle\s+disposizioni\s+legislative\s+e\s+regolamentari\s+in\s+materia\s+di\s+documentazione\s+amministrativa",
        "dpr",
        "445",
        (2000, 12, 28),
        false,
    ),
    (
        r"codice\s+dell['’]\s*amministrazione\s+digitale",
        "decreto_legislativo",
        "82",
        (2005, 3, 7),
        false,
    ),
    (
        r"codice\s+in\s+materia\s+di\s+protezione\s+dei\s+dati\s+personali",
        "decreto_legislativo",
        "196",
        (2003, 6, 30),
        false,
    ),
    (
        r"codice\s+del\s+processo\s+amministrativo",
        "decreto_legislativo",
        "104",
        (2010, 7, 2),
        false,
    ),
    (
        r"codice\s+dell['’]\s*ordinamento\s+militare",
        "decreto_legislativo",
        "66",
        (2010, 3, 15),
        false,
    ),
    (
        r"codice\s+civile",
        "regio_decreto",
        "262",
        (1942, 3, 16),
        false,
    ),
    (r"c\.\s?c\.", "regio_decreto", "262", (1942, 3, 16), true),
    (
        r"codice\s+dei\s+contratti(?:\s+pubblici)?|(?:nuovo\s+)?codice\s+(?:degli\s+)?appalti",
        "decreto_legislativo",
        "36",
        (2023, 3, 31),
        false,
    ),
    (
        r"codice\s+del\s+terzo\s+settore",
        "decreto_legislativo",
        "117",
        (2017, 7, 3),
        false,
    ),
    (
        r"codice\s+dei\s+beni\s+culturali(?:\s+e\s+del\s+paesaggio)?",
        "decreto_legislativo",
        "42",
        (2004, 1, 22),
        false,
    ),
    (
        r"decreto\s+trasparenza",
        "decreto_legislativo",
        "33",
        (2013, 3, 14),
        false,
    ),
    (
        r"codice\s+(?:della\s+)?privacy",
        "decreto_legislativo",
        "196",
        (2003, 6, 30),
        false,
    ),
    (r"GDPR|RGPD", "regolamento_ue", "679", (2016, 4, 27), false),
];

pub(super) static NAMED_RE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<String> = NAMED
        .iter()
        .enumerate()
        .map(|(i, (p, ..))| format!("(?P<n{i}>{p})"))
        .collect();
    Regex::new(&format!(r"(?i)\b(?:{})", alts.join("|"))).unwrap()
});

/// The act type of a testo unico whose real type we know (`T.U. n. 267/2000`
/// is a D.Lgs.), else `testo_unico`.
pub(super) fn testo_unico_type(
    number: Option<&str>,
    year: Option<i32>,
) -> (&'static str, Option<(i32, u32, u32)>) {
    match KNOWN_TU
        .iter()
        .find(|(n, y, ..)| number == Some(*n) && year == Some(*y))
    {
        Some((.., "decreto.legislativo", d)) => ("decreto_legislativo", Some(*d)),
        Some((.., d)) => ("dpr", Some(*d)),
        None => ("testo_unico", None),
    }
}

/// Testi unici whose real act type we know: (number, year) -> NIR type and date.
pub(super) const KNOWN_TU: &[(&str, i32, &str, (i32, u32, u32))] = &[
    ("267", 2000, "decreto.legislativo", (2000, 8, 18)),
    (
        "445",
        2000,
        "decreto.del.presidente.della.repubblica",
        (2000, 12, 28),
    ),
    (
        "380",
        2001,
        "decreto.del.presidente.della.repubblica",
        (2001, 6, 6),
    ),
    ("165", 2001, "decreto.legislativo", (2001, 3, 30)),
    ("81", 2008, "decreto.legislativo", (2008, 4, 9)),
    ("152", 2006, "decreto.legislativo", (2006, 4, 3)),
];
