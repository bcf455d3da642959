//! A ministry's name between a decree's keyword and its identification:
//! "decreto del Ministro dell'Interno del 24 dicembre 2024", "D.M. Ambiente
//! e Sanità 26/06/2000 n. 219", "decreto interministeriale del Ministero
//! delle politiche agricole, di concerto con ..., del 23 ottobre 2014".

use std::sync::LazyLock;

use regex::Regex;

/// A ministry next: "decreto interministeriale del Ministero ...".
static OF_MINISTRY_NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+(?:del|dei)\s+(?:ministr[oi]|ministero)\b").unwrap());

/// A capitalised word next: a ministry's name after "D.M.".
static CAPITAL_NEXT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+\p{Lu}\p{Ll}").unwrap());

/// One word of a ministry's name ("dell'Interno", "e delle finanze",
/// "della Transizione ecologica"), with what joins it to the one before.
static MINISTRY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,]*(?:(?:e|ed|per|di)\s+)?(?:(?:dell['’]|del|della|delle|dello|degli|dei|il|la|le|gli|l['’])\s*)?\p{L}[\p{L}.]*").unwrap()
});

/// Between two ministries of a joint decree: ", di concerto con il Ministro",
/// and before a third one: "e il Ministero dell'ambiente".
static CONCERT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:(?:di\s+concerto|d['’]\s*intesa)\s+con|e|ed)\s+(?:il\s+|i\s+|col\s+|con\s+il\s+)?(?:ministr[oi]|ministero)\b").unwrap()
});

/// How much of `rest` (what follows a keyword of kind `kind`) is a
/// ministry's name to pass over before the identification `ident`: all of
/// it after "decreto del Ministro", after "D.M." only before a capitalised
/// name or "del Ministero"; none when no date or number follows the name.
pub(super) fn ministry_skip(kind: &str, rest: &str, ident: &Regex) -> Option<usize> {
    let named_ministry = kind == "dm"
        && !ident.is_match(rest)
        && (CAPITAL_NEXT.is_match(rest) || OF_MINISTRY_NEXT.is_match(rest));
    if kind == "dmin" || named_ministry {
        ministry_name_end(rest, ident)
    } else {
        Some(0)
    }
}

/// Where the identification of a ministerial decree starts after "decreto
/// del Ministro": past the ministry's name (at most eight words, no digit
/// between), where the act's date or number is; none when no date or
/// number follows the name.
fn ministry_name_end(rest: &str, ident: &Regex) -> Option<usize> {
    let mut at = 0;
    let mut words = 0;
    loop {
        if ident.is_match(&rest[at..]) {
            return Some(at);
        }
        // "decreto del Ministro degli affari esteri, di concerto con il
        // Ministro del lavoro ..., del 17 settembre 2002": each ministry's
        // name of a joint decree has its eight words.
        if let Some(m) = CONCERT.find(&rest[at..]) {
            at += m.end();
            words = 0;
            continue;
        }
        if words == 8 {
            return None;
        }
        at += MINISTRY_WORD.find(&rest[at..])?.end();
        words += 1;
    }
}
