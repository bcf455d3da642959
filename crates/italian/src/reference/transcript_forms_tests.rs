//! Citation forms as transcripts and hurried drafters print them (our own
//! wording, not copied from any gold act): an act cited by its number
//! without the year, a number after "n," instead of "n.", a "commi" whose
//! numbers were lost, an article printed twice ("della la legge"), a name's
//! tail between an alias and its act, a bill that is not a law, the article
//! after a decree-law's conversion law, an act's own heading printed
//! again without its year, and a code cited again as "Codice" alone.

use super::lawyer_forms_tests::check;

#[test]
fn an_act_cited_by_its_number_alone_keeps_its_year_empty() {
    check(&[
        (
            "il dibattito parlamentare sul D.L. n. 146 in sede di conversione",
            &["decreto_legge 146"],
        ),
        (
            "il decreto, convertito con la legge 30 ottobre n. 77, stabilisce",
            &["legge 77"],
        ),
        // Printed before with its year, but not said to be the same act.
        (
            "visto il D.Lgs. 50/2016; visti gli artt. 3 e 4 del DLgs n 50",
            &[
                "decreto_legislativo 50/2016",
                "decreto_legislativo 50 art. 3",
                "decreto_legislativo 50 art. 4",
            ],
        ),
    ]);
}

#[test]
fn an_act_said_to_be_cited_again_takes_the_year_it_was_cited_with() {
    check(&[
        (
            "la L. n. 394 del 6 dicembre 1991 sulle aree protette e, per i rinvii, la stessa citata L. n. 394",
            &["legge 394/1991", "legge 394/1991"],
        ),
        (
            "il D.P.R. n. 380 del 6 giugno 2001; l'art. 22 del medesimo D.P.R. n. 380",
            &["dpr 380/2001", "dpr 380/2001 art. 22"],
        ),
    ]);
}

#[test]
fn a_number_after_n_comma_and_a_commi_without_numbers() {
    check(&[
        (
            "vista la Legge 5 maggio 2009, n, 42 sul federalismo",
            &["legge 42/2009"],
        ),
        (
            "ai sensi dell'art. 14, commi del D.Lgs. n. 33/2013, sono pubblicati",
            &["decreto_legislativo 33/2013 art. 14"],
        ),
        (
            "gli articoli 5 e 6 della la legge 8 novembre 2000, n. 328",
            &["legge 328/2000 art. 5", "legge 328/2000 art. 6"],
        ),
    ]);
}

#[test]
fn the_rest_of_a_name_between_an_alias_and_its_act() {
    check(&[
        (
            "ai sensi degli articoli 42 e 48 del tuel enti locali D.Lgs. n. 267/2000",
            &[
                "decreto_legislativo 267/2000 art. 42",
                "decreto_legislativo 267/2000 art. 48",
            ],
        ),
        // Two acts joined by a word that joins: both are read.
        (
            "visto il TUEL ovvero anche il D.Lgs. 165/2001",
            &[
                "decreto_legislativo 267/2000",
                "decreto_legislativo 165/2001",
            ],
        ),
    ]);
}

#[test]
fn a_bill_is_not_a_law() {
    check(&[
        ("DISEGNO DI LEGGE N. 412\npresentato dalla Giunta", &[]),
        (
            "la proposta di legge n. 96 del 2019 e la legge n. 96/2019",
            &["legge 96/2019"],
        ),
        (
            "CONSIGLIO REGIONALE\nPROPOSTADI LEGGE N. 31\npresentata dai consiglieri",
            &[],
        ),
    ]);
}

#[test]
fn the_article_after_a_conversion_law_is_the_decree_laws() {
    check(&[
        (
            "Il decreto-legge 6 luglio 2012, n. 95, recante disposizioni urgenti, convertito con la legge 7 agosto 2012, n. 135, all'art. 5, comma 2 prevede che",
            &["decreto_legge 95/2012 art. 5 c. 2", "legge 135/2012"],
        ),
        // A law that converts nothing keeps the article.
        (
            "la legge 7 agosto 2012, n. 135, all'art. 1, comma 3 prevede",
            &["legge 135/2012 art. 1 c. 3"],
        ),
    ]);
}

#[test]
fn the_texts_own_heading_printed_again_without_its_year() {
    let head = "LEGGE REGIONALE 12 marzo 1990, n. 18\nLegge regionale n. 18 del 12 03 1990\nNorme per la promozione dello sport\n\n";
    let body = "1. La Regione, nel rispetto della legge 23 marzo 1981, n. 91, promuove la pratica sportiva e sostiene le associazioni dilettantistiche del territorio regionale, in attuazione dei principi dello Statuto e delle norme statali in materia.";
    let text = format!("{head}{body}");
    check(&[(text.as_str(), &["legge 91/1981"])]);
}

#[test]
fn codice_alone_is_the_code_named_last_before_it() {
    check(&[
        (
            "le forniture di cui al Codice dei contratti D.Lgs. n. 163/2006. A norma dell'art. 125 del Codice, il responsabile",
            &["decreto_legislativo 163/2006", "decreto_legislativo 163/2006 art. 125"],
        ),
        // Without an article it is no reference; with no code before, nothing.
        (
            "visto il Codice civile; l'ambito del Codice, e l'art. 9 del Codice.",
            &["regio_decreto 262/1942", "regio_decreto 262/1942 art. 9"],
        ),
        ("l'art. 4 del Codice, come modificato", &[]),
    ]);
}
