//! Acts known by name ("TUEL", "Codice dell'amministrazione digitale") and
//! the testi unici whose real act type is known. These are institutional
//! facts, not grammar: they are to become rule data (see the README).

use std::sync::LazyLock;

use regex::Regex;

/// Acts known by name. Each entry: pattern, act type, number, date, and
/// whether the name counts only with an article ("c.c." is also a bank account).
pub(super) const NAMED: &[(&str, &str, &str, (i32, u32, u32), bool)] = &[
    (
        r"testo\s+unico\s+delle\s+leggi\s+sull['’]\s*ordinamento\s+degli\s+enti\s+locali",
        "testo_unico",
        "267",
        (2000, 8, 18),
        false,
    ),
    (
        r"testo\s+unico\s+delle\s+disposizioni\s+legislative\s+e\s+regolamentari\s+in\s+materia\s+di\s+documentazione\s+amministrativa",
        "testo_unico",
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
        "codice_civile",
        "262",
        (1942, 3, 16),
        false,
    ),
    (r"c\.\s?c\.", "codice_civile", "262", (1942, 3, 16), true),
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
