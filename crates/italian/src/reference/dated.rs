//! The day a document speaks from, for the names that meant different acts
//! over time ("Codice dei contratti pubblici" is D.Lgs. 163/2006 up to 18
//! April 2016, D.Lgs. 50/2016 up to 30 June 2023, D.Lgs. 36/2023 after).
//!
//! The document's own decision date is the best witness. When it was not
//! read, the act still says when it was written: the dates of its header
//! or register box ("NUMERO DATA / 305 06/12/2019", "L'anno duemiladiciotto
//! il giorno ..."), and the acts it cites, none of which is newer than
//! itself. The newest cited act gives a day the document is not older than
//! (the end of that act's year when only its year is printed); but that
//! day is never taken past the latest date the document itself writes: a
//! document of 2019 that cites only acts of 2019 and before does not mean
//! an act whose name took its new meaning in 2023.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::Reference;
use crate::date_scan::find_dates;

/// How far into the first page a header may run, in bytes.
const HEADER_BYTES: usize = 2500;

/// The first line of an act's body after its header: the premises ("Visto",
/// "Premesso", "Richiamata"), the organ that acts ("Il Direttore", "LA
/// GIUNTA COMUNALE") or the dispositive word.
static BODY_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^[ \t]*(?:vist[oaie]|premess[oa]|richiamat[oaie]|considerat[oa]|dato\s+atto|(?:il|la|l['’])\s*(?:direttore|dirigente|responsabile|giunta|consiglio|sindaco|presidente|commissario|segretario)\b|determina\b|delibera\b|decreta\b|ordina\b)",
    )
    .unwrap()
});

/// The day to read date-dependent names by: `decision` when read, else the
/// latest date of the first page's header, else the day the newest cited
/// act gives, kept no later than the latest date `text` writes; `None` when
/// nothing tells.
pub fn naming_date(
    first_page: &str,
    text: &str,
    refs: &[Reference],
    decision: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if decision.is_some() {
        return decision;
    }
    if let Some(d) = header_date(first_page) {
        return Some(d);
    }
    // Acts read from a name are left out: their act is what is in doubt.
    let printed = || refs.iter().filter(|r| r.named.is_none());
    let cited = printed()
        .filter_map(|r| {
            r.date
                .or_else(|| r.year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)))
        })
        .max()?;
    let written = find_dates(text)
        .into_iter()
        .filter_map(|d| d.value.ok())
        .chain(printed().filter_map(|r| r.date))
        .max();
    Some(written.map_or(cited, |w| cited.min(w)))
}

/// The latest date written in the first page before the act's body begins.
fn header_date(page: &str) -> Option<NaiveDate> {
    let head = &page[..crate::floor_boundary(page, HEADER_BYTES.min(page.len()))];
    let end = BODY_START.find(head).map_or(head.len(), |m| m.start());
    find_dates(&head[..end])
        .into_iter()
        .filter_map(|d| d.value.ok())
        .filter(|d| d.year() >= 1900)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::{find_references, redate, Lexicon, RefSettings};

    fn contracts_code(text: &str, first_page: &str, decision: Option<NaiveDate>) -> String {
        let mut refs: Vec<Reference> = find_references(text, &RefSettings::default())
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        if let Some(d) = naming_date(first_page, text, &refs, decision) {
            redate(&mut refs, &Lexicon::builtin(), d);
        }
        refs.iter()
            .find(|r| r.named.is_some())
            .map(|r| r.brief())
            .unwrap_or_default()
    }

    #[test]
    fn the_decision_date_when_read() {
        let t = "Visto il Codice dei contratti pubblici e il D.Lgs. 36/2023;";
        let d = NaiveDate::from_ymd_opt(2022, 3, 1);
        assert_eq!(contracts_code(t, t, d), "decreto_legislativo 50/2016");
    }

    #[test]
    fn a_date_in_the_register_box_above_the_premises() {
        let t = "DETERMINAZIONE\n\nNUMERO DATA\n\n412 14/11/2019\n\nOggetto: fornitura di reagenti\n\nIl Direttore regionale\n\nvisto il Codice dei contratti pubblici;\nvisto il termine del 31/12/2024 per la consegna;";
        assert_eq!(contracts_code(t, t, None), "decreto_legislativo 50/2016");
        let t = "DELIBERAZIONE N. 88\n\nL'anno duemilaventiquattro, il giorno 12 del mese di marzo, alle ore 10\n\nLA GIUNTA COMUNALE\n\nvisto il nuovo Codice degli appalti;";
        assert_eq!(contracts_code(t, t, None), "decreto_legislativo 36/2023");
        let t = "Prot. n. 1234 del 03.05.2012\n\nIL RESPONSABILE DEL SERVIZIO\n\nvisto l'art. 125 del codice dei contratti;";
        assert_eq!(
            contracts_code(t, t, None),
            "decreto_legislativo 163/2006 art. 125"
        );
    }

    #[test]
    fn the_newest_cited_act_when_no_header_date() {
        // Cites acts of 2020 at the latest: the code of 2016.
        let t = "Il Dirigente\nvisto il Codice dei contratti pubblici;\nvisto il D.L. 76/2020, convertito dalla L. 120/2020;";
        assert_eq!(contracts_code(t, t, None), "decreto_legislativo 50/2016");
        // Cites a law of 2023 and writes a date after 1 July 2023.
        let t = "Il Dirigente\nvista la L. 213/2023;\nvisto il Codice dei contratti pubblici;\nconsiderato che la gara si è chiusa il 18/12/2023;";
        assert_eq!(contracts_code(t, t, None), "decreto_legislativo 36/2023");
    }

    #[test]
    fn never_a_meaning_newer_than_every_date_the_act_writes() {
        // The newest act cited is of 2023, but the act writes no day after
        // March 2023: the code then in force.
        let t = "Il Dirigente\nvisto il decreto legislativo 31 marzo 2023, n. 36, pubblicato il 31/03/2023;\nvisto l'art. 32 del Codice dei contratti pubblici;";
        assert_eq!(
            contracts_code(t, t, None),
            "decreto_legislativo 50/2016 art. 32"
        );
    }

    #[test]
    fn nothing_told_leaves_the_name_as_in_force() {
        let t = "visto il Codice dei contratti pubblici;";
        assert_eq!(naming_date(t, t, &[], None), None);
        assert_eq!(contracts_code(t, t, None), "decreto_legislativo 36/2023");
    }
}
