//! Families seen in session 52's blind batch (rectoral decrees of four
//! universities of the South, two municipal deliberations), written in our
//! own wording as other acts print them: an article followed by "e segg."
//! or "e seg." (the abbreviations of "e seguenti", which name the first
//! article only), the decree's keyword abbreviated as "Dec. Leg.vo", and
//! "ex" between an article and its act; and, from our own probes of
//! common recitals, a paragraph after another paragraph's letters in a
//! list of "commi", and the paragraph meant ("e in particolare il comma
//! 6") after the conversion law of the article's decree-law, and "e
//! l'art. 83" right after an article and its act.

use super::lawyer_forms_tests::check;

#[test]
fn an_article_and_the_following_ones_abbreviated_is_the_first_article() {
    check(&[
        (
            "visti gli artt. 107 e segg. del D.Lgs. n. 267/2000",
            &["decreto_legislativo 267/2000 art. 107"],
        ),
        (
            "ai sensi degli articoli 21 e seg. della legge 7 agosto 1990, n. 241",
            &["legge 241/1990 art. 21"],
        ),
        (
            "artt. 107 e sgg. del D.Lgs. 267/2000",
            &["decreto_legislativo 267/2000 art. 107"],
        ),
        (
            "come previsto dall'art. 1, commi 54 e segg., della legge 23 dicembre 2014, n. 190",
            &["legge 190/2014 art. 1 c. 54"],
        ),
        // The spelled-out and the older abbreviations stay as they were.
        (
            "visti gli artt. 182 e seguenti del D.Lgs. n. 267/2000",
            &["decreto_legislativo 267/2000 art. 182"],
        ),
        (
            "visti gli artt. 151 e ss. del D.Lgs. n. 267/2000",
            &["decreto_legislativo 267/2000 art. 151"],
        ),
    ]);
}

#[test]
fn a_legislative_decree_abbreviated_as_dec_leg_vo() {
    check(&[
        (
            "Visto l'art. 48 del Dec. Leg.vo n. 267/2000;",
            &["decreto_legislativo 267/2000 art. 48"],
        ),
        (
            "ai sensi del Decr. Leg.vo 30 marzo 2001, n. 165",
            &["decreto_legislativo 165/2001"],
        ),
    ]);
}

#[test]
fn ex_between_an_article_and_its_act_is_the_act_it_is_of() {
    check(&[
        (
            "in esercizio provvisorio ai sensi dell'art. 163 ex D.Lgs. 267/2000",
            &["decreto_legislativo 267/2000 art. 163"],
        ),
        (
            "gli incentivi di cui all'art. 113 ex D.Lgs. n. 50/2016",
            &["decreto_legislativo 50/2016 art. 113"],
        ),
        // "ex" before an article is the former article, as before.
        (
            "ex art. 36, comma 2, lett. a) D.Lgs. 50/2016",
            &["decreto_legislativo 50/2016 art. 36 c. 2 lett. a"],
        ),
    ]);
}

#[test]
fn a_paragraph_after_another_paragraphs_letters_in_a_list_of_commi() {
    check(&[
        (
            "art. 1 commi 629, lett. b), e 632 della L. 190/2014",
            &[
                "legge 190/2014 art. 1 c. 629 lett. b",
                "legge 190/2014 art. 1 c. 632",
            ],
        ),
        (
            "ai sensi dell'art. 1, commi 2, lett. a) e 3-bis, del D.L. n. 76/2020",
            &[
                "decreto_legge 76/2020 art. 1 c. 2 lett. a",
                "decreto_legge 76/2020 art. 1 c. 3-bis",
            ],
        ),
        // After a plural "artt." whose paragraphs are each a singular
        // "comma", the number is another article.
        (
            "visto il D.Lgs. 50/2016 e in particolare gli artt. 32, comma 2, 36, comma 2, lett. a) e 37",
            &[
                "decreto_legislativo 50/2016 art. 32 c. 2",
                "decreto_legislativo 50/2016 art. 36 c. 2 lett. a",
                "decreto_legislativo 50/2016 art. 37",
            ],
        ),
        (
            "artt. 107, comma 3, lett. d) e 192 del D.Lgs. 267/2000",
            &[
                "decreto_legislativo 267/2000 art. 107 c. 3 lett. d",
                "decreto_legislativo 267/2000 art. 192",
            ],
        ),
        // Letters alone after a singular "comma" stay as they were.
        (
            "ai sensi dell'art. 36, comma 2, lett. a) e b) del D.Lgs. 50/2016",
            &[
                "decreto_legislativo 50/2016 art. 36 c. 2 lett. a",
                "decreto_legislativo 50/2016 art. 36 c. 2 lett. b",
            ],
        ),
    ]);
}

#[test]
fn the_paragraph_meant_after_the_conversion_law_is_the_decree_laws() {
    check(&[
        (
            "visto l'art. 13 del D.L. 6 dicembre 2011, n. 201, convertito con modificazioni dalla L. 22 dicembre 2011, n. 214, e in particolare il comma 6",
            &["decreto_legge 201/2011 art. 13 c. 6", "legge 214/2011"],
        ),
        (
            "visto l'art. 1 del decreto-legge 16 luglio 2020, n. 76, convertito dalla legge 11 settembre 2020, n. 120, ed in particolare il comma 2",
            &["decreto_legge 76/2020 art. 1 c. 2", "legge 120/2020"],
        ),
        // Without a conversion between, as before.
        (
            "visto l'art. 54 del D.Lgs. 165/2001, ed in particolare il comma 5",
            &["decreto_legislativo 165/2001 art. 54 c. 5"],
        ),
    ]);
}

#[test]
fn a_further_article_right_after_an_article_and_its_act_is_of_that_act() {
    check(&[
        (
            "ai sensi dell'art. 80 del d.lgs. 50/2016 e l'art. 83",
            &["decreto_legislativo 50/2016 art. 80", "decreto_legislativo 50/2016 art. 83"],
        ),
        (
            "l'art. 80 del d.lgs. 50/2016 (motivi di esclusione) e l'art. 83 (criteri di selezione)",
            &["decreto_legislativo 50/2016 art. 80", "decreto_legislativo 50/2016 art. 83"],
        ),
        // An article of an act of its own stays its own.
        (
            "l'art. 107 del TUEL e l'art. 5 del regolamento comunale",
            &["decreto_legislativo 267/2000 art. 107"],
        ),
        (
            "l'art. 80 del d.lgs. 50/2016 e l'art. 83 del d.lgs. 36/2023",
            &["decreto_legislativo 50/2016 art. 80", "decreto_legislativo 36/2023 art. 83"],
        ),
    ]);
}
