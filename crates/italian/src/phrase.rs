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
    "l.", "r.d.", "reg.", "regol.", "d.d.", "d.d.g.", "d.g.c.", "d.c.c.", "prot.", "cap.", "lett.",
];

/// Whether `text` stops where its phrase cannot end, so that what follows
/// (past a blank line) is still part of it.
pub fn ends_open(text: &str) -> bool {
    let t = text.trim_end();
    let Some(last) = t.chars().last() else {
        return false;
    };
    // "IM=" / "POSTA": a typewriter's hyphen at the end of a line.
    if matches!(last, ',' | '-' | '–' | '(' | '/' | '«' | '“' | '=') {
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

/// Whether `text` ends with a word or an abbreviation the phrase cannot
/// stop on, so that the next line is the same phrase even where it starts
/// like a heading ("NOMINA DEL" above "RESPONSABILE DEL PROCEDIMENTO",
/// "APPROVAZIONE DELLO SCHEMA DI" above "PROTOCOLLO D'INTESA"). Unlike
/// [`ends_open`], a dangling dash or comma does not count (a subject may end
/// with "- impegno di spesa -" above the issuer's heading), nor a capital
/// letter alone ("ALLEGATO A", "CATEGORIA C").
pub fn needs_more(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with('.') {
        return ends_open(t);
    }
    let word = t
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !single_capital && ends_with_open_word(t)
}

/// Whether a line after a gap (a blank line of a transcript, a wider
/// leading) goes on with the phrase `before` even though `before` may end
/// as a phrase can: the line starts with a small letter (no sentence
/// does), or `before` is all capitals without a closing full stop and the
/// line is capitals too, of at least two words (a subject in capitals
/// wrapped past the gap; a heading in capitals is told apart by the words
/// the rules stop at, a mixed-case line below a capital subject ends it).
pub fn goes_on(before: &str, line: &str) -> bool {
    let line = line.trim();
    if line.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let b = before
        .trim_end()
        .trim_end_matches(['"', '”', '’', '»', ')', ']']);
    let closed = b.ends_with(['.', ';', ':', '!', '?']);
    !closed && capitals(before) && capitals(line) && line.split_whitespace().count() >= 2
}

/// Whether a line goes on with a phrase in capitals past a gap where the
/// phrase has crossed such gaps already (a transcript that sets a blank line
/// between every two lines): there a full stop closes a sentence of the
/// subject, not the subject ("... DEMOCRAZIA PARTECIPATA." / "INDIVIDUAZIONE
/// LINEE GUIDA - IMPEGNO DI SPESA."), so the line goes on when both are in
/// capitals and the line has at least two words; the headings in capitals
/// that follow a subject are told apart by the words the rules stop at.
pub fn goes_on_spaced(before: &str, line: &str) -> bool {
    let line = line.trim();
    goes_on(before, line)
        || (capitals(before) && capitals(line) && line.split_whitespace().count() >= 2)
}

/// Whether `line` ends a phrase set in capitals: `before` is in capitals
/// and `line` begins with a capital and goes on in small letters
/// ("Premesso che", "Con deliberazione n. 5", "Settore Lavori pubblici"),
/// not with the capitals of a continuation or an abbreviation ("D.Lgs.").
pub fn case_ends(before: &str, line: &str) -> bool {
    let line = line.trim();
    let first_word = line.split_whitespace().next().unwrap_or("");
    let word_small = first_word.chars().skip(1).any(char::is_lowercase)
        && !first_word.contains('.')
        && first_word.chars().next().is_some_and(char::is_uppercase);
    word_small && capitals(before) && small_letters(line)
}

/// Whether a text is mostly in small letters (at least six letters, more
/// than half of them small).
fn small_letters(text: &str) -> bool {
    let (letters, small) = letter_cases(text);
    letters >= 6 && small * 2 > letters
}

/// Whether a text is set in capitals: at least six letters and hardly a
/// small one among them (the "gs" of a "D.Lgs." is allowed).
fn capitals(text: &str) -> bool {
    let (letters, small) = letter_cases(text);
    letters >= 6 && small * 10 <= letters
}

/// How many letters a text has, and how many of them are small.
fn letter_cases(text: &str) -> (usize, usize) {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(n, small), c| {
            (n + 1, small + usize::from(c.is_lowercase()))
        })
}

#[cfg(test)]
mod tests {
    use super::{ends_open, goes_on, goes_on_spaced, needs_more};

    #[test]
    fn a_line_after_an_open_word_is_the_same_phrase() {
        assert!(needs_more("NOMINA DEL"));
        assert!(needs_more("Approvazione dello schema di"));
        assert!(needs_more("ai sensi dell'art."));
        assert!(!needs_more("Impegno di spesa -"));
        assert!(!needs_more("APPROVAZIONE ALLEGATO A"));
        assert!(!needs_more("Fornitura di arredi,"));
        assert!(!needs_more("APPROVAZIONE DEL RENDICONTO"));
    }

    #[test]
    fn a_capital_phrase_ends_at_a_line_in_small_letters() {
        use super::case_ends;
        assert!(case_ends(
            "AFFIDAMENTO DEL SERVIZIO DI PULIZIA",
            "Premesso che con deliberazione"
        ));
        assert!(case_ends(
            "AFFIDAMENTO DEL SERVIZIO",
            "Settore Lavori pubblici e manutenzioni"
        ));
        assert!(!case_ends(
            "AFFIDAMENTO DEL SERVIZIO",
            "D.Lgs. n. 36/2023 - IMPEGNO DI SPESA"
        ));
        assert!(!case_ends(
            "AFFIDAMENTO DEL SERVIZIO",
            "RELATIVO ALL'ANNO 2026"
        ));
        assert!(!case_ends("Affidamento del servizio", "Premesso che"));
        assert!(!case_ends(
            "AFFIDAMENTO DEL SERVIZIO",
            "CIG Z1234 - Approvazione"
        ));
    }

    #[test]
    fn a_phrase_goes_on_past_a_gap_in_its_own_case() {
        assert!(goes_on(
            "Contributo alla associazione",
            "sportiva per l'anno 2026"
        ));
        assert!(goes_on(
            "RIPARTO DEL FONDO PER LA MONTAGNA E DEL PIANO",
            "PROVINCIALE DEI SERVIZI - ANNI 2026-2028"
        ));
        assert!(!goes_on(
            "RIPARTO DEL FONDO PER LA MONTAGNA.",
            "PROVINCIALE DEI SERVIZI"
        ));
        assert!(!goes_on(
            "RIPARTO DEL FONDO PER LA MONTAGNA",
            "Documento firmato digitalmente"
        ));
        assert!(!goes_on(
            "Riparto del fondo per la montagna",
            "Il sistema di gestione"
        ));
        assert!(!goes_on("RIPARTO DEL FONDO", "COPIA"));
    }

    #[test]
    fn a_spaced_transcript_goes_on_past_a_full_stop_in_capitals() {
        assert!(goes_on_spaced(
            "RIPARTO DEL FONDO PER LA MONTAGNA.",
            "APPROVAZIONE DEL PIANO PROVINCIALE DEI SERVIZI."
        ));
        assert!(!goes_on_spaced(
            "RIPARTO DEL FONDO PER LA MONTAGNA.",
            "Premesso che il fondo"
        ));
        assert!(!goes_on_spaced("RIPARTO DEL FONDO.", "COPIA"));
        assert!(!goes_on_spaced(
            "Riparto del fondo per la montagna.",
            "APPROVAZIONE DEL PIANO"
        ));
    }

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
        assert!(ends_open("VALORI AI FINI DELL'IM="));
        assert!(ends_open("art. 60 Reg."));
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
