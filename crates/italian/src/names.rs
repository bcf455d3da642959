//! Names as Italian acts write them: people with their honorifics and
//! signature marks, organs with what is said of their sitting, titles in
//! upper case.

use crate::squash;

/// Honorifics and signature marks that precede a name and are not part of it.
const HONORIFICS: &[&str] = &[
    "f.to", "f.to:", "firmato", "dott.ssa", "dott.", "dr.ssa", "d.ssa", "dr.", "avv.", "prof.ssa",
    "prof.", "ing.", "arch.", "geom.", "rag.", "sig.ra", "sig.", "sig", "dott", "avv", "prof",
];

/// A person's name as written: whitespace collapsed, leading honorifics and
/// "f.to" removed, trailing punctuation dropped. The case is kept
/// (`ASCIONE GIUSEPPE` stays upper case); add `title_case` to change it.
pub fn person(s: &str) -> String {
    let mut rest = squash(s);
    loop {
        let lower = rest.to_lowercase();
        let Some(h) = HONORIFICS.iter().find(|h| {
            lower.starts_with(*h)
                && rest.is_char_boundary(h.len())
                && rest[h.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c.is_uppercase() || !c.is_alphabetic())
        }) else {
            break;
        };
        rest = rest[h.len()..].trim_start().to_owned();
    }
    rest.trim_end_matches(|c: char| c == ',' || c == ';' || c == '.' || c == ':')
        .trim()
        .to_owned()
}

/// Words kept in lower case inside a title-cased name.
const SMALL_WORDS: &[&str] = &[
    "di", "dei", "degli", "del", "della", "delle", "dello", "e", "ed", "per", "la", "il", "lo",
    "le", "gli", "a", "al", "alla", "da", "in",
];

/// `ASSEMBLEA DEI SINDACI` -> `Assemblea dei Sindaci`; apostrophes keep the
/// letter after them capital (`D'AVANZO` -> `D'Avanzo`).
pub fn title_case(s: &str) -> String {
    squash(s)
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
                return lower;
            }
            let mut out = String::new();
            let mut cap = true;
            for c in lower.chars() {
                if cap && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                    cap = false;
                } else {
                    out.push(c);
                }
                if c == '\'' || c == '’' || c == '-' {
                    cap = true;
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sentence-like value: quotes around the whole of it and a final
/// `.`/`;`/`:` removed. Quotes that open or close only a part ("“SPC
/// Cloud” - Lotto 1", "per il Progetto “IO”") are the value's own and stay.
pub fn sentence(s: &str) -> String {
    let t = squash(s);
    // A dash left hanging at the end ("... Approvazione della perizia -")
    // separated nothing.
    let end = |t: &str| {
        let mut t = t.trim_end_matches(|c: char| c == ';' || c == ':' || c == ',');
        t = t.trim_end_matches('.').trim();
        while let Some(r) = t
            .strip_suffix(['-', '–', '—'])
            .filter(|r| r.ends_with(char::is_whitespace))
        {
            t = r.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
        }
        t.to_owned()
    };
    end(unquote(&end(&t)))
}

/// The text inside a pair of quotes that encloses all of it, else the text.
fn unquote(t: &str) -> &str {
    const PAIRS: [(char, char); 4] = [('"', '"'), ('“', '”'), ('«', '»'), ('\'', '\'')];
    for (open, close) in PAIRS {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            if !inner.contains(open) && !inner.contains(close) {
                return inner.trim();
            }
        }
    }
    t
}

/// Words that, after an organ's name, begin what is said of its sitting
/// rather than the name: how it met ("in seduta ordinaria", "in adunanza
/// straordinaria", "in videoconferenza", "di prima convocazione"), that it
/// met ("riunito", "convocato"), when and where ("il giorno", "alle ore",
/// "nella sala", "presso") and who attended ("nelle persone dei signori").
const SITTING: &[&str] = &[
    "in seduta",
    "in sessione",
    "in adunanza",
    "in riunione",
    "in forma",
    "in modalità",
    "in modalita",
    "in via",
    "in videoconferenza",
    "in audioconferenza",
    "in collegamento",
    "in prima",
    "in seconda",
    "in data",
    "in sede",
    "di prima",
    "di seconda",
    "seduta",
    "sessione",
    "adunanza",
    "riunit",
    "convocat",
    "radunat",
    "adunat",
    "costituit",
    "regolarmente",
    "legalmente",
    "validamente",
    "nelle persone",
    "nella persona",
    "nella sala",
    "nella sede",
    "nella residenza",
    "nella solita",
    "nell'aula",
    "nell’aula",
    "presso",
    "alle ore",
    "il giorno",
    "del giorno",
    "con l'intervento",
    "con l’intervento",
    "con la presenza",
    "sotto la presidenza",
    "per la trattazione",
    "per deliberare",
    "composto",
    "composta",
];

/// The name of an organ and nothing more: `Consiglio Comunale in seduta
/// ordinaria di prima convocazione` -> `Consiglio Comunale`. The name ends
/// before the first word that speaks of the sitting (see [`SITTING`]) or
/// before a date; what is left is treated as a [`sentence`].
pub fn body(s: &str) -> String {
    let t = squash(s);
    let lower = t.to_lowercase();
    let mut end = t.len();
    // Word starts only: a qualifier inside a word ("Consiglio di
    // Presidenza") is part of the name.
    let starts = std::iter::once(0).chain(
        lower
            .char_indices()
            .filter(|(_, c)| *c == ' ')
            .map(|(i, _)| i + 1),
    );
    for i in starts {
        let rest = &lower[i..];
        let qualifier = SITTING.iter().any(|q| rest.starts_with(q));
        let date = rest
            .split(' ')
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
        if i > 0 && (qualifier || date) {
            end = i;
            break;
        }
    }
    // Lowercase and original share byte offsets only when lowering keeps
    // every letter's length; otherwise keep the value whole.
    if lower.len() != t.len() {
        return sentence(&t);
    }
    sentence(t[..end].trim_end_matches([',', ' ', '-', '–']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_keeps_quotes_that_are_its_own() {
        assert_eq!(sentence("“Piano delle opere”."), "Piano delle opere");
        assert_eq!(sentence("\"Regolamento\";"), "Regolamento");
        assert_eq!(
            sentence("Approvazione della perizia di variante -"),
            "Approvazione della perizia di variante"
        );
        assert_eq!(sentence("Lavori - anno 2026 - "), "Lavori - anno 2026");
        assert_eq!(sentence("Tratto A-B"), "Tratto A-B");
        assert_eq!(
            sentence("“SPC Cloud” - Lotto 1 SERVIZI DI CLOUD"),
            "“SPC Cloud” - Lotto 1 SERVIZI DI CLOUD"
        );
        assert_eq!(
            sentence("servizio di Contact Center per il Progetto “IO”"),
            "servizio di Contact Center per il Progetto “IO”"
        );
        assert_eq!(
            sentence("RdO \u{200b}2433716\u{200b} del 16/12/2019."),
            "RdO 2433716 del 16/12/2019"
        );
    }

    #[test]
    fn an_organ_s_name_leaves_out_how_and_when_it_met() {
        let cases = [
            (
                "Consiglio Comunale in seduta ordinaria di prima convocazione",
                "Consiglio Comunale",
            ),
            (
                "Giunta Comunale\nnelle persone dei signori",
                "Giunta Comunale",
            ),
            (
                "Consiglio Comunale, convocato in sessione straordinaria",
                "Consiglio Comunale",
            ),
            (
                "Consiglio Comunale riunito in adunanza pubblica",
                "Consiglio Comunale",
            ),
            (
                "Assemblea dei Sindaci il giorno 12 marzo 2021",
                "Assemblea dei Sindaci",
            ),
            ("Giunta comunale 12/03/2021", "Giunta comunale"),
            (
                "Consiglio della Ricerca e Terza Missione",
                "Consiglio della Ricerca e Terza Missione",
            ),
            ("Consiglio di Presidenza", "Consiglio di Presidenza"),
        ];
        for (input, want) in cases {
            assert_eq!(body(input), want, "{input}");
        }
        assert_eq!(
            body("Giunta Comunale in videoconferenza"),
            "Giunta Comunale"
        );
    }

    #[test]
    fn names_keep_their_case_and_lose_honorifics() {
        assert_eq!(person("ASCIONE\nGIUSEPPE"), "ASCIONE GIUSEPPE");
        assert_eq!(person("f.to Avv. Stefania Urciuoli"), "Stefania Urciuoli");
        assert_eq!(person("f.toNicoletta Longobardi"), "Nicoletta Longobardi");
        assert_eq!(title_case("ASSEMBLEA DEI SINDACI"), "Assemblea dei Sindaci");
        assert_eq!(title_case("D'AVANZO MARIA"), "D'Avanzo Maria");
    }
}
