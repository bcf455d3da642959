//! Families seen in session 45's blind batch (two universities' calls,
//! the statutes of two consortia of social services and of an Unione
//! montana, a regional agency's regulation, a municipal SUA convention),
//! written in our own wording as other bodies print them: the heading of a
//! statute's article that opens with the forming of the body ("Art. 1 –
//! Costituzione dell'Unione"), which is no Constitution; a short name
//! given "per brevità"; and a decree cited by two dates after a singular
//! keyword.

use super::lawyer_forms_tests::check;

#[test]
fn the_forming_of_a_body_heading_an_article_is_not_the_constitution() {
    check(&[
        ("Art. 2 – Costituzione dell’Azienda speciale", &[]),
        ("Art. 1 Costituzione e durata della società", &[]),
        ("ARTICOLO 4\nCOSTITUZIONE, FINALITA' E SEDE", &[]),
        ("Art. 5 - Costituzione del fondo incentivante.", &[]),
        (
            "Art. 2 – Costituzione\n1. È costituita l'Unione dei Comuni",
            &[],
        ),
        // The Constitution cited after an article's number stays one.
        (
            "nel rispetto dell'art. 97 Costituzione",
            &["costituzione 1947 art. 97"],
        ),
        (
            "dell'ART. 117 COSTITUZIONE",
            &["costituzione 1947 art. 117"],
        ),
        (
            "ai sensi dell’articolo 32 della Costituzione e delle leggi dello Stato",
            &["costituzione 1947 art. 32"],
        ),
        (
            "nel rispetto dell'art. 118 della Costituzione e dei principi di sussidiarietà",
            &["costituzione 1947 art. 118"],
        ),
        (
            "visti l'art. 5 Costituzione e l'art. 3 della legge 7 aprile 2014, n. 56",
            &["costituzione 1947 art. 5", "legge 56/2014 art. 3"],
        ),
        (
            "secondo l'art. 1 Costituzione della Repubblica italiana",
            &["costituzione 1947 art. 1"],
        ),
    ]);
}

#[test]
fn a_short_name_given_for_brevity_is_the_act_again() {
    check(&[(
        "visto il D.Lgs. 18 aprile 2016, n. 50 (in seguito, per brevità, Codice dei contratti pubblici)",
        &["decreto_legislativo 50/2016"],
    )]);
}

#[test]
fn a_decree_cited_by_two_dates_after_a_singular_keyword() {
    check(&[
        (
            "visto il D.P.C.M. 4 marzo 1996 e 20 luglio 1998 sui livelli essenziali",
            &["dpcm 1996", "dpcm 1998"],
        ),
        (
            "visto il decreto ministeriale 3 novembre 1999 e 22 ottobre 2004 in materia di autonomia didattica",
            &["decreto_ministeriale 1999", "decreto_ministeriale 2004"],
        ),
        // A numbered act before "e" and a date is not a list of dates.
        (
            "visto il D.M. 22 ottobre 2004, n. 270 e 16 marzo 2007 i decreti delle classi",
            &["decreto_ministeriale 270/2004"],
        ),
        // What follows "e" must be a date.
        (
            "visto il DPCM 26 aprile 2020 e successive modificazioni",
            &["dpcm 2020"],
        ),
    ]);
}
