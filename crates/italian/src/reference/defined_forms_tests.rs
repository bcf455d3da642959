//! Citation forms of acts met in session 39's blind batch, each written as
//! a family in our own wording (not copied from any gold act): an act given
//! a short name by the text itself ("di seguito denominato «Codice»") and
//! then cited by that name; "e/o" between the articles of a list; an
//! article's heading in brackets between the article and its act; paragraphs
//! numbered by a Roman ordinal ("I° comma", "comma II"); a comma for the
//! full stop of "lett."; a ministry named by its acronym with full stops
//! ("decreto del M.I.U.R."); a further article of the act just cited,
//! joined after it without the act ("..., e di cui all'articolo 125").

use super::lawyer_forms_tests::check;

#[test]
fn an_act_cited_by_the_short_name_the_text_gave_it() {
    check(&[
        (
            "visto il decreto legislativo 30 giugno 2003, n. 196, di seguito denominato «Codice»; considerato che l'articolo 20, comma 2, del Codice prevede che",
            &[
                "decreto_legislativo 196/2003",
                "decreto_legislativo 196/2003 art. 20 c. 2",
            ],
        ),
        (
            "Vista la legge 7 agosto 1990, n. 241 (di seguito \"Legge\"); visti gli artt. 7 e 8 della citata Legge",
            &[
                "legge 241/1990",
                "legge 241/1990 art. 7",
                "legge 241/1990 art. 8",
            ],
        ),
        (
            "richiamato il D.Lgs. n. 50/2016 (in seguito: Codice); l'affidamento segue l'art. 36 del Codice",
            &[
                "decreto_legislativo 50/2016",
                "decreto_legislativo 50/2016 art. 36",
            ],
        ),
        // Without the text's own definition a bare "Codice" names nothing.
        (
            "ai sensi dell'art. 20 del Codice, il dirigente provvede",
            &[],
        ),
    ]);
}

#[test]
fn articles_joined_by_e_o() {
    check(&[
        (
            "ai sensi degli artt. 12 e/o 14 della legge 30 marzo 1999, n. 90",
            &["legge 90/1999 art. 12", "legge 90/1999 art. 14"],
        ),
        (
            "istanza ai sensi dell'art. 20 e/o 21 del D.P.R. n. 380/2001",
            &["dpr 380/2001 art. 20", "dpr 380/2001 art. 21"],
        ),
    ]);
}

#[test]
fn an_article_heading_in_brackets_before_its_act() {
    check(&[
        (
            "visto l'articolo 9 (Disposizioni finanziarie) della legge 4 maggio 2015, n. 61",
            &["legge 61/2015 art. 9"],
        ),
        (
            "l'art. 4, comma 2 (Compiti della struttura), del decreto-legge 3 marzo 2019, n. 18, convertito dalla legge 2 maggio 2019, n. 40",
            &["decreto_legge 18/2019 art. 4 c. 2", "legge 40/2019"],
        ),
    ]);
}

#[test]
fn paragraphs_numbered_by_a_roman_ordinal() {
    check(&[
        (
            "ai sensi dell'art. 151, IV° comma, del D.Lgs. 267/2000",
            &["decreto_legislativo 267/2000 art. 151 c. 4"],
        ),
        (
            "ai sensi dell'art. 97, comma II°, del D.Lgs. 267/2000",
            &["decreto_legislativo 267/2000 art. 97 c. 2"],
        ),
        (
            "visto l'art. 183, comma VII, del D.Lgs. 18 agosto 2000, n. 267",
            &["decreto_legislativo 267/2000 art. 183 c. 7"],
        ),
    ]);
}

#[test]
fn a_comma_for_the_full_stop_of_lett() {
    check(&[(
        "affidamento ai sensi dell'art. 1, comma 2, lett, b) della legge 11 settembre 2020, n. 120",
        &["legge 120/2020 art. 1 c. 2 lett. b"],
    )]);
}

#[test]
fn a_ministry_named_by_its_acronym_with_full_stops() {
    check(&[
        (
            "visto il decreto del M.I.U.R. 12 dicembre 2016, n. 987",
            &["decreto_ministeriale 987/2016"],
        ),
        (
            "visto il decreto M.E.F. del 10 marzo 2021",
            &["decreto_ministeriale 2021"],
        ),
        // Cited again by the acronym alone: the decree of that ministry.
        (
            "visto il decreto M.I.U.R. 12 dicembre 2016, n. 987; considerato l'art. 4, comma 3, del decreto MIUR",
            &["decreto_ministeriale 987/2016", "decreto_ministeriale 987/2016 art. 4 c. 3"],
        ),
        // No decree of that ministry before: nothing to point to.
        (
            "visto il decreto MEF 10 marzo 2021; considerato l'art. 4 del decreto MIUR",
            &["decreto_ministeriale 2021"],
        ),
    ]);
}

#[test]
fn a_further_article_joined_after_its_act() {
    check(&[
        (
            "la procedura di cui all'articolo 63 del decreto legislativo 18 aprile 2016, n. 50, per i lavori, e di cui all'articolo 125, per i settori speciali",
            &[
                "decreto_legislativo 50/2016 art. 63",
                "decreto_legislativo 50/2016 art. 125",
            ],
        ),
        (
            "come previsto dall'art. 3 della legge 7 agosto 1990, n. 241 e dall'art. 7, comma 2",
            &["legge 241/1990 art. 3", "legge 241/1990 art. 7 c. 2"],
        ),
        // An article of another text keeps its own act, or none.
        (
            "ai sensi dell'art. 3 della legge 7 agosto 1990, n. 241 e dell'art. 7 del regolamento comunale",
            &["legge 241/1990 art. 3"],
        ),
        (
            "ai sensi dell'art. 3 della legge 7 agosto 1990, n. 241. Vista la nota e l'art. 7",
            &["legge 241/1990 art. 3"],
        ),
    ]);
}
