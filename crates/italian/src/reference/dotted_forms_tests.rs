//! Families seen in session 47's blind batch (unions and consortia of
//! municipalities, comunità montane, small towns' statutes, a research
//! institute's purchase order, a Sicilian town's Giunta), written in our
//! own wording as other bodies print them: an article and an act without
//! their full stops ("art 3, comma 2 della L 241/1990"), a number and year
//! joined by a full stop ("d.lgs. n. 50.2016"), a testo unico dated before
//! "approvato con" ("art. 107 del T.U. 18.08.2000, approvato con D.Lgs.
//! 267/2000"), and paragraphs each followed by its "periodo" ("comma 3,
//! primo periodo e 5, secondo periodo, della legge").

use super::lawyer_forms_tests::check;

#[test]
fn an_article_and_an_act_without_full_stops() {
    check(&[
        (
            "secondo quanto previsto dall'art 3, comma 2 della L 241/1990 e s.m.i.",
            &["legge 241/1990 art. 3 c. 2"],
        ),
        (
            "fuori dal mercato elettronico come da art 1, comma 130 della L 145/2018 così modificata dalla L. 160/2019",
            &["legge 145/2018 art. 1 c. 130", "legge 160/2019"],
        ),
    ]);
}

#[test]
fn a_number_and_year_joined_by_a_full_stop() {
    check(&[
        (
            "ai sensi dell'art. 4 co. 2 del d.lgs. n. 50.2016",
            &["decreto_legislativo 50/2016 art. 4 c. 2"],
        ),
        ("vista la legge n. 241.1990", &["legge 241/1990"]),
        // A date keeps its reading.
        ("visto il D.P.R. 28.12.2000 n. 445", &["dpr 445/2000"]),
    ]);
}

#[test]
fn a_testo_unico_dated_before_approvato_con() {
    check(&[
        (
            "ai sensi dell'art. 107, comma 3, lett. d) del T.U. 18.08.2000, approvato con D.Lgs. 267/2000",
            &["decreto_legislativo 267/2000 art. 107 c. 3 lett. d"],
        ),
        (
            "l'art. 47 del testo unico del 28 dicembre 2000, approvato con D.P.R. n. 445/2000",
            &["dpr 445/2000 art. 47"],
        ),
    ]);
}

#[test]
fn paragraphs_each_followed_by_its_periodo() {
    check(&[
        (
            "le disposizioni di cui all'art. 1, comma 450, primo periodo e 452, primo periodo, della legge 27.12.2006 n. 296 non si applicano",
            &["legge 296/2006 art. 1 c. 450", "legge 296/2006 art. 1 c. 452"],
        ),
        (
            "dall'art. 3, comma 2, secondo periodo, della legge n. 241/1990",
            &["legge 241/1990 art. 3 c. 2"],
        ),
    ]);
}

/// From the train misses: the letters of a paragraph of the article cited
/// just before, with no article or act printed after them.
#[test]
fn letters_of_a_paragraph_of_the_article_just_cited() {
    check(&[
        (
            "visto il D.Lgs. n. 165/2001 e in particolare l'articolo 53, che disciplina gli incarichi, con esclusione dei casi di cui alle lettere da a) a c) del comma 6;",
            &[
                "decreto_legislativo 165/2001 art. 53",
                "decreto_legislativo 165/2001 art. 53 c. 6 lett. a",
                "decreto_legislativo 165/2001 art. 53 c. 6 lett. b",
                "decreto_legislativo 165/2001 art. 53 c. 6 lett. c",
            ],
        ),
        (
            "secondo l'art. 36 del D.Lgs. 50/2016, fatti salvi gli affidamenti di cui alle lettere a) e b) del comma 2.",
            &[
                "decreto_legislativo 50/2016 art. 36",
                "decreto_legislativo 50/2016 art. 36 c. 2 lett. a",
                "decreto_legislativo 50/2016 art. 36 c. 2 lett. b",
            ],
        ),
        // Another sentence: the article is not in reach.
        (
            "visto l'art. 5 della legge n. 241/1990. Le somme di cui alla lettera a) del comma 2;",
            &["legge 241/1990 art. 5"],
        ),
        // The text's own article, or an act, printed after: not these.
        (
            "visto l'art. 5 della legge n. 241/1990, le somme di cui alla lettera a) del comma 2 del presente articolo;",
            &["legge 241/1990 art. 5"],
        ),
    ]);
}
