//! Families seen in session 53's blind batch (municipal and provincial
//! acts, a mountain community's decree, a local paper's reprint of a
//! Sicilian commissioner's act), written in our own wording as other acts
//! print them: "articolo n. 3" (the article's number after "n."), a list
//! of paragraphs joined by hyphens ("commi 1-3-6", three or more numbers:
//! a list, where two are a range), the regional law's "l.r." printed by a
//! transcript as "I.r.", and the decree of the Ministry of Economy and
//! Finance abbreviated "DMEF" or "D.M.E.F.".

use super::lawyer_forms_tests::check;

#[test]
fn an_article_numbered_after_n_is_the_article() {
    check(&[
        (
            "ai sensi dell'articolo n. 5 della legge regionale n. 8 del 2016",
            &["legge_regionale 8/2016 art. 5"],
        ),
        (
            "VISTO L'ARTICOLO N. 3 DELLA LEGGE 241/1990",
            &["legge 241/1990 art. 3"],
        ),
        (
            "come previsto dall'art. n. 107 del D.Lgs. 267/2000",
            &["decreto_legislativo 267/2000 art. 107"],
        ),
        // The act's own "n." is read as before.
        ("art. 3 della legge n. 241/1990", &["legge 241/1990 art. 3"]),
    ]);
}

#[test]
fn paragraphs_joined_by_hyphens_are_a_list_when_more_than_two() {
    check(&[
        (
            "art. 7 commi 2-4-5 della legge 241/1990",
            &[
                "legge 241/1990 art. 7 c. 2",
                "legge 241/1990 art. 7 c. 4",
                "legge 241/1990 art. 7 c. 5",
            ],
        ),
        (
            "ai sensi dell'art. 183, commi 1 - 5 - 7, del D.Lgs. 267/2000",
            &[
                "decreto_legislativo 267/2000 art. 183 c. 1",
                "decreto_legislativo 267/2000 art. 183 c. 5",
                "decreto_legislativo 267/2000 art. 183 c. 7",
            ],
        ),
        // Two numbers stay a range.
        (
            "art. 7 commi 2-4 della legge 241/1990",
            &[
                "legge 241/1990 art. 7 c. 2",
                "legge 241/1990 art. 7 c. 3",
                "legge 241/1990 art. 7 c. 4",
            ],
        ),
    ]);
}

#[test]
fn a_regional_law_abbreviated_with_a_capital_i_is_the_regional_law() {
    check(&[
        (
            "come modificato dall'art. 2 della I.r. 11/2005",
            &["legge_regionale 11/2005 art. 2"],
        ),
        ("vista la I.r. n. 30/2000", &["legge_regionale 30/2000"]),
    ]);
}

#[test]
fn a_decree_of_the_economy_ministry_abbreviated_is_a_ministerial_decree() {
    check(&[
        (
            "visto il DMEF 12 maggio 2021",
            &["decreto_ministeriale 2021"],
        ),
        (
            "con D.M.E.F. del 4 agosto 2016",
            &["decreto_ministeriale 2016"],
        ),
        // The plain "D.M." reads as before.
        (
            "visto il D.M. 12 maggio 2021",
            &["decreto_ministeriale 2021"],
        ),
    ]);
}
