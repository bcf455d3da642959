//! Families seen in session 48's blind batch (municipal deliberations and
//! determinations, a union's report, a transparency page), written in our
//! own wording as other bodies print them: an act heading a list of its
//! articles after a colon, the groups parted by semicolons ("D.Lgs. n.
//! 33/2013: art. 10, c. 8; art. 12, c. 1"), and "cc." for paragraphs.

use super::lawyer_forms_tests::check;

#[test]
fn an_act_heading_its_articles_after_a_colon() {
    check(&[
        (
            "Norme: D.Lgs. n. 196/2003: articolo 2, comma 1; art. 4, c. 2; art.7, cc. 1, 3.",
            &[
                "decreto_legislativo 196/2003 art. 2 c. 1",
                "decreto_legislativo 196/2003 art. 4 c. 2",
                "decreto_legislativo 196/2003 art. 7 c. 1",
                "decreto_legislativo 196/2003 art. 7 c. 3",
            ],
        ),
        // The list runs over a line break, and ends at the next act, which
        // heads a list of its own.
        (
            "Legge n. 241 del 1990: art. 3, comma 1;\nart. 22, c. 2;\nD.P.R. n. 184/2006: articolo 5, comma 3 bis; art. 6, c. 1",
            &[
                "legge 241/1990 art. 3 c. 1",
                "legge 241/1990 art. 22 c. 2",
                "dpr 184/2006 art. 5 c. 3-bis",
                "dpr 184/2006 art. 6 c. 1",
            ],
        ),
    ]);
}

#[test]
fn a_colon_list_takes_only_what_follows_it() {
    check(&[
        // Words after the colon: the article after the semicolon is the
        // body's regulation's, not the act's.
        (
            "il D.Lgs. n. 33/2013: obblighi di pubblicazione; art. 5 del regolamento comunale",
            &["decreto_legislativo 33/2013"],
        ),
        // An article with its own act after a semicolon keeps it.
        (
            "D.Lgs. n. 33/2013: art. 14, c. 1; art. 53 del D.Lgs. n. 165/2001",
            &[
                "decreto_legislativo 33/2013 art. 14 c. 1",
                "decreto_legislativo 165/2001 art. 53",
            ],
        ),
    ]);
}

#[test]
fn cc_names_paragraphs() {
    check(&[
        (
            "ai sensi dell'art. 16, cc. 1, 2 e 3 della legge n. 241/1990",
            &[
                "legge 241/1990 art. 16 c. 1",
                "legge 241/1990 art. 16 c. 2",
                "legge 241/1990 art. 16 c. 3",
            ],
        ),
        (
            "visti gli artt. 5 e 6, cc. 2 e 4 del D.Lgs. 81/2008",
            &[
                "decreto_legislativo 81/2008 art. 5",
                "decreto_legislativo 81/2008 art. 6 c. 2",
                "decreto_legislativo 81/2008 art. 6 c. 4",
            ],
        ),
        // The civil code's "c.c." is no paragraph.
        (
            "ai sensi dell'art. 2043 c.c.",
            &["regio_decreto 262/1942 art. 2043"],
        ),
    ]);
}

/// A testo unico's abbreviated name with its date and number: the act the
/// number names ("T.U.L.P.S." is R.D. 773/1931 in the table).
#[test]
fn an_abbreviated_testo_unico_with_its_date_and_number() {
    check(&[
        (
            "a norma dell'art. 19 del T.U.L.P.S. 18 giugno 1931, n. 773",
            &["regio_decreto 773/1931 art. 19"],
        ),
        // "T.U. n." keeps its reading.
        (
            "art. 42 del T.U. n. 267/2000",
            &["decreto_legislativo 267/2000 art. 42"],
        ),
    ]);
}

/// After a singular "comma", a paragraph's own suffixed number is a
/// paragraph of the same article; another number stays an article.
#[test]
fn a_paragraph_and_its_bis_after_a_singular_comma() {
    check(&[
        (
            "ai sensi dell'art. 7, comma 6 e 6 bis del D.Lgs. 165/2001",
            &[
                "decreto_legislativo 165/2001 art. 7 c. 6",
                "decreto_legislativo 165/2001 art. 7 c. 6-bis",
            ],
        ),
        (
            "visto l'art. 5, comma 2 e 2-ter della legge n. 241/1990",
            &[
                "legge 241/1990 art. 5 c. 2",
                "legge 241/1990 art. 5 c. 2-ter",
            ],
        ),
        (
            "visti gli artt. 49, comma 1 e 147-bis del D.Lgs. 267/2000",
            &[
                "decreto_legislativo 267/2000 art. 49 c. 1",
                "decreto_legislativo 267/2000 art. 147-bis",
            ],
        ),
    ]);
}
