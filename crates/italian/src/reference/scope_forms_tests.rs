//! Citation forms that reach their act over more than a connector (our own
//! wording, not copied from any gold act): keywords whose full stops a
//! transcript lost ("d lgs", "d l", "d p r", "artt"), letters printed after
//! the second article's own paragraph, an "in particolare" whose clause
//! runs on to the article, and a recital that only says "Visto, in
//! particolare, l'art. N" of the act of the recital before.

use super::lawyer_forms_tests::check;

#[test]
fn keywords_whose_full_stops_the_transcript_lost() {
    check(&[
        (
            "visto il d lgs 18 agosto 2000, n 267 e il d p r 28 dicembre 2000, n 445",
            &["decreto_legislativo 267/2000", "dpr 445/2000"],
        ),
        (
            "ai sensi del d l 17 marzo 2020, n 18, convertito dalla legge 24 aprile 2020, n 27",
            &["decreto_legge 18/2020", "legge 27/2020"],
        ),
        (
            "ai sensi degli artt 107 e 109 del d lgs n 267/2000",
            &[
                "decreto_legislativo 267/2000 art. 107",
                "decreto_legislativo 267/2000 art. 109",
            ],
        ),
        // Letters apart with nothing that identifies an act are no act.
        ("come indicato alla lettera d l ufficio provvede", &[]),
    ]);
}

#[test]
fn letters_after_the_second_articles_own_paragraph_are_that_paragraphs() {
    check(&[
        (
            "in violazione dell'art. 3, comma 2, e 5, comma 1, lettere a) e c), della legge 6 novembre 2012, n. 190",
            &[
                "legge 190/2012 art. 3 c. 2",
                "legge 190/2012 art. 5 c. 1 lett. a",
                "legge 190/2012 art. 5 c. 1 lett. c",
            ],
        ),
        // Letters before the second article stay the first one's.
        (
            "l'art. 3, comma 2, lettera b), e 5, comma 1, della legge n. 190/2012",
            &[
                "legge 190/2012 art. 3 c. 2 lett. b",
                "legge 190/2012 art. 5 c. 1",
            ],
        ),
    ]);
}

#[test]
fn an_in_particolare_whose_clause_runs_on_to_the_article() {
    check(&[
        (
            "nel rispetto del D.Lgs. n. 118/2011 e in particolare secondo le modalità di cui all'art. 3.",
            &["decreto_legislativo 118/2011 art. 3"],
        ),
        // The article is another text's: the act keeps its own reference.
        (
            "vista la legge n. 241/1990 e in particolare, per la pubblicità, quanto previsto dall'art. 5 del regolamento comunale",
            &["legge 241/1990"],
        ),
    ]);
}

#[test]
fn a_recital_that_points_into_the_act_of_the_recital_before() {
    check(&[
        (
            "Visto il decreto legislativo 30 marzo 2001, n. 165, recante norme generali sul lavoro alle dipendenze delle amministrazioni pubbliche; Visto, in particolare, l'articolo 53;",
            &[
                "decreto_legislativo 165/2001",
                "decreto_legislativo 165/2001 art. 53",
            ],
        ),
        // A recital with an object of its own, or an article said to be
        // another text's, is not the act's before.
        (
            "Visto il D.Lgs. 165/2001; Visto il regolamento di organizzazione, in particolare l'art. 4;",
            &["decreto_legislativo 165/2001"],
        ),
        (
            "Visto il D.Lgs. 165/2001; Visto, in particolare, l'art. 4 del regolamento comunale;",
            &["decreto_legislativo 165/2001"],
        ),
    ]);
}
