//! The region of the body that issued a document, read from the head of its
//! first page: "REGIONE LAZIO", "Provincia di Monza e della Brianza",
//! "Comune di Soverato (CZ)", an address "88068 Soverato (CZ)", "Comune di
//! Lucca" (a provincial capital is named like its province). A regional law
//! cited without its region ("l.r. n. 12/2005") is a law of this region.
//!
//! Only the head of the page is read (the letterhead and the title): a
//! region named further down is more often one the act cites in passing.
//! With nothing found the region is unknown, never guessed.

use super::lexicon::Lexicon;

/// How much of the first page counts as its head.
const HEAD_LINES: usize = 30;

/// The region (`calabria`, `emilia.romagna`) of the body that issued the
/// document whose first page is `first_page`, if its head says.
pub fn body_region(first_page: &str, lex: &Lexicon) -> Option<String> {
    let head: String = first_page
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        .collect::<Vec<_>>()
        .join("\n");
    let mut found: Vec<(usize, String)> = Vec::new();
    for re in [&lex.by_region, &lex.by_province, &lex.by_capital] {
        if let Some(c) = re.captures(&head) {
            let w = c.name("w")?;
            if let Some(r) = lex.region_named(w.as_str()) {
                found.push((w.start(), r.region.clone()));
            }
        }
    }
    for code in lex.codes_in(&head) {
        if let Some(r) = lex.region_of_code(code.as_str()) {
            found.push((code.start(), r.region.clone()));
            break;
        }
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, r)| r)
}
