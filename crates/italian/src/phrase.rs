//! Where a phrase cannot end.
//!
//! A title or a subject set over several lines may be broken by a gap that
//! a page's text shows as a blank line (a wider leading, a line pushed down
//! by a column beside it). Italian says when the phrase is not over: a line
//! that ends with a comma, a dash, an open bracket, or with a word that
//! needs what follows it (an article, a preposition, a conjunction) goes on
//! below, whatever the gap.

/// Words that never end a phrase: articles, prepositions (simple and
/// joined with the article, and the Latin "ex" of "ex art. 14"),
/// conjunctions.
const OPEN_WORDS: &[&str] = &[
    "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "del", "dello", "della", "dei",
    "degli", "delle", "a", "ad", "al", "allo", "alla", "ai", "agli", "alle", "da", "dal", "dallo",
    "dalla", "dai", "dagli", "dalle", "in", "nel", "nello", "nella", "nei", "negli", "nelle",
    "con", "su", "sul", "sullo", "sulla", "sui", "sugli", "sulle", "per", "tra", "fra", "e", "ed",
    "o", "od", "che", "ovvero", "nonché", "ex",
];

/// Abbreviations that name an act or a part of it and always wait for its
/// number: "ai sensi della L.R." goes on with "n. 32/2015", "dell'art." with
/// its number. (A company's "S.p.A." or an "ecc." ends a phrase.)
const OPEN_ABBREVIATIONS: &[&str] = &[
    "l.r.", "d.lgs.", "d.l.", "d.p.r.", "d.m.", "d.p.c.m.", "d.g.r.", "art.", "artt.", "n.", "nn.",
];

/// Whether `text` stops where its phrase cannot end, so that what follows
/// (past a blank line) is still part of it.
pub fn ends_open(text: &str) -> bool {
    let t = text.trim_end();
    let Some(last) = t.chars().last() else {
        return false;
    };
    if matches!(last, ',' | '-' | '–' | '(' | '/' | '«' | '“') {
        return true;
    }
    if last == '.' {
        let token = t
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            // "dell'art.": the word after an elided article.
            .rsplit(['\'', '’'])
            .next()
            .unwrap_or("")
            .trim_start_matches(['(', '“', '"'])
            .to_lowercase();
        return OPEN_ABBREVIATIONS.contains(&token.as_str());
    }
    ends_with_open_word(t)
}

/// Whether `text` ends with a word that needs what follows it: an article,
/// a preposition, a conjunction ("avente ad", "la deliberazione di"). A
/// label found right after one is a word of the sentence, not a label
/// ("avente ad oggetto: ..." inside a subject).
pub fn ends_with_open_word(text: &str) -> bool {
    let t = text.trim_end();
    let word = t
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    // "lett. e", "lettera a": the letter of a list, not a word.
    let before = t[..t.len() - word.len().min(t.len())]
        .trim_end()
        .to_lowercase();
    let letter = before.ends_with("lett.") || before.ends_with("lettera");
    t.chars().last().is_some_and(char::is_alphabetic)
        && !letter
        && OPEN_WORDS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::ends_open;

    #[test]
    fn a_line_ending_with_a_preposition_or_a_comma_goes_on() {
        assert!(ends_open("AFFIDAMENTO DEL SERVIZIO DI"));
        assert!(ends_open(
            "Liquidazione fatture alla ditta Rossi S.r.l. per il servizio,"
        ));
        assert!(ends_open("lavori di manutenzione -"));
        assert!(ends_open("Approvazione dello schema di convenzione e"));
        assert!(ends_open("APPROVAZIONE SCHEMA DI CONVENZIONE EX"));
        assert!(ends_open(
            "PIANO TERRITORIALE METROPOLITANO AI SENSI DELLA L.R."
        ));
        assert!(ends_open("Affidamento ai sensi dell'art."));
        assert!(ends_open("contributi di cui al D.Lgs."));
        assert!(ends_open("la deliberazione avente ad"));
    }

    #[test]
    fn an_open_word_is_a_word_not_a_mark() {
        use super::ends_with_open_word as open;
        assert!(open("Approvazione del progetto avente ad "));
        assert!(open("la deliberazione avente per"));
        assert!(!open("Approvazione del progetto, "));
        assert!(!open("Servizio di architettura - Aggiudicazione "));
        assert!(!open("ai sensi dell'art. 50, comma 1, lett. a"));
        assert!(!open(""));
    }

    #[test]
    fn a_finished_phrase_does_not() {
        assert!(!ends_open("Impegno di spesa."));
        assert!(!ends_open("APPROVAZIONE DEL RENDICONTO 2024"));
        assert!(!ends_open("fornitura di materiale per gli uffici"));
        assert!(!ends_open("ai sensi dell'art. 50, comma 1, lett. a"));
        assert!(!ends_open("Affidamento del servizio a Ecologia S.p.A."));
        assert!(!ends_open("Approvazione del piano."));
        assert!(!ends_open(""));
    }
}
