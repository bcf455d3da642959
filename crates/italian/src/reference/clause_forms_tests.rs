//! Forms of the session-50 batch, written in our own wording: paragraphs
//! printed with their act but not their article, after that act's article
//! in the same clause; a quotation of an article cited "as amended by"
//! another act; a
//! day printed with a full stop before its month; "in particolare" before
//! "del", "dei", "degli" and an article.

use super::lawyer_forms_tests::check;

#[test]
fn paragraphs_of_the_article_cited_before_in_the_clause() {
    check(&[
        (
            "l'art. 1, comma 10 della legge n. 234 del 2021 rinvia ai commi 12 e 13 della medesima legge n. 234",
            &[
                "legge 234/2021 art. 1 c. 10",
                "legge 234/2021 art. 1 c. 12",
                "legge 234/2021 art. 1 c. 13",
            ],
        ),
        (
            "visto l'articolo 1, comma 5, della legge 30 dicembre 2018, n. 145, e i commi da 7 a 9 della stessa legge n. 145",
            &[
                "legge 145/2018 art. 1 c. 5",
                "legge 145/2018 art. 1 c. 7",
                "legge 145/2018 art. 1 c. 8",
                "legge 145/2018 art. 1 c. 9",
            ],
        ),
    ]);
}

#[test]
fn paragraphs_with_no_article_in_reach_leave_the_act_alone() {
    check(&[
        (
            "la tassa era disciplinata dalla legge n. 296/2006, commi 161 e seguenti",
            &["legge 296/2006"],
        ),
        (
            "vista la legge n. 241/1990; visti i commi 2 e 3 della legge n. 241/1990",
            &["legge 241/1990", "legge 241/1990"],
        ),
        (
            "l'art. 4 del D.Lgs. 33/2013 e i commi 1 e 2 della legge n. 190/2012",
            &["decreto_legislativo 33/2013 art. 4", "legge 190/2012"],
        ),
    ]);
}

#[test]
fn a_quoted_article_is_of_the_act_amended_not_of_the_amending_one() {
    check(&[(
        "l'articolo 7 del decreto legislativo 30 marzo 2001, n. 165, come da ultimo modificato dall'art. 5 del decreto legislativo 25 maggio 2017, n. 75, dispone che: “Le amministrazioni si avvalgono dell'articolo 36 per le esigenze temporanee.”",
        &[
            "decreto_legislativo 165/2001 art. 7",
            "decreto_legislativo 75/2017 art. 5",
            "decreto_legislativo 165/2001 art. 36",
        ],
    )]);
}

#[test]
fn a_day_printed_with_a_full_stop_before_its_month() {
    check(&[
        (
            "ai sensi dell'art. 5 D.Lgs. 7. marzo 2005, n. 82",
            &["decreto_legislativo 82/2005 art. 5"],
        ),
        (
            "programma triennale - art. 11 d.lgs 27. ottobre 2009, n. 150.",
            &["decreto_legislativo 150/2009 art. 11"],
        ),
        // A number that ends a sentence before a capitalised month is no date.
        ("si veda il punto 14. Marzo 2013 fu l'anno", &[]),
    ]);
}

#[test]
fn in_particolare_before_an_article_with_del_dei_degli() {
    check(&[
        (
            "ai sensi del D.Lgs. n. 33/2013 e in particolare dei commi 1 e 2 dell'art. 23",
            &[
                "decreto_legislativo 33/2013 art. 23 c. 1",
                "decreto_legislativo 33/2013 art. 23 c. 2",
            ],
        ),
        (
            "ai sensi della L. 241/1990 e in particolare dell'art. 3",
            &["legge 241/1990 art. 3"],
        ),
        (
            "visto il D.Lgs. 50/2016 e, in particolare, degli artt. 32 e 36",
            &[
                "decreto_legislativo 50/2016 art. 32",
                "decreto_legislativo 50/2016 art. 36",
            ],
        ),
    ]);
}
