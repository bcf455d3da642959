//! An act named once and then again in the same recital, in the forms a
//! lawyer reads as one act: "e in particolare l'articolo N della medesima
//! legge" (the recital's act has no reference of its own), "del medesimo
//! TUEL" (the adjective of the act named, not a back-reference of its own),
//! "(di seguito: direttiva ...)" (the act printed again as its short name),
//! "del codice citato" (a back-reference to the code named before), and
//! codes cited by abbreviation ("cod. civ.", "cod. pen."). Our own wording.

use super::lawyer_forms_tests::check;

#[test]
fn the_recitals_act_with_its_articles_by_a_back_reference() {
    check(&[
        (
            "vista la legge 7 agosto 1990, n. 241, e in particolare l'articolo 3, comma 1, della medesima legge;",
            &["legge 241/1990 art. 3 c. 1"],
        ),
        (
            "Visto il D.P.R. 28 dicembre 2000, n. 445 ed in particolare gli artt. 46 e 47 dello stesso decreto;",
            &["dpr 445/2000 art. 46", "dpr 445/2000 art. 47"],
        ),
        (
            "visto il d.lgs. 14 marzo 2013, n. 33 e, in particolare, l'art. 23 del citato decreto; vista la legge 6 novembre 2012, n. 190;",
            &["decreto_legislativo 33/2013 art. 23", "legge 190/2012"],
        ),
        // Not "in particolare": the act keeps its own reference.
        (
            "vista la legge 7 agosto 1990, n. 241; visto l'articolo 3 della medesima legge;",
            &["legge 241/1990", "legge 241/1990 art. 3"],
        ),
    ]);
}

#[test]
fn a_code_cited_again_as_the_code() {
    check(&[
        (
            "visto il decreto legislativo 7 marzo 2005, n. 82, e in particolare l'articolo 12 e l'articolo 41, comma 2, del codice citato;",
            &["decreto_legislativo 82/2005 art. 12", "decreto_legislativo 82/2005 art. 41 c. 2"],
        ),
        (
            "visto il D.Lgs. 31 marzo 2023, n. 36; ritenuto di applicare l'art. 50 del medesimo codice;",
            &["decreto_legislativo 36/2023", "decreto_legislativo 36/2023 art. 50"],
        ),
        // A code of no act named before: nothing.
        (
            "si applica l'art. 12 del codice citato",
            &[],
        ),
    ]);
}

#[test]
fn the_same_act_named_after_medesimo() {
    check(&[
        (
            "l'art. 107 del TUEL e l'art. 109, comma 2, del medesimo TUEL",
            &[
                "decreto_legislativo 267/2000 art. 107",
                "decreto_legislativo 267/2000 art. 109 c. 2",
            ],
        ),
        (
            "ai sensi dell'art. 6 della L. 241/1990 e dell'art. 6-bis della medesima L. 241/1990",
            &["legge 241/1990 art. 6", "legge 241/1990 art. 6-bis"],
        ),
    ]);
}

#[test]
fn an_act_printed_again_as_its_short_name() {
    check(&[
        (
            "vista la direttiva 2009/72/CE del Parlamento europeo e del Consiglio del 13 luglio 2009 (di seguito: direttiva 2009/72/CE), relativa al mercato interno;",
            &["direttiva_ue 72/2009"],
        ),
        (
            "il regolamento (UE) 2016/679 del 27 aprile 2016 (in seguito: regolamento (UE) 2016/679) e l'art. 13 del regolamento (UE) 2016/679",
            &["regolamento_ue 679/2016", "regolamento_ue 679/2016 art. 13"],
        ),
        // Two different acts: both.
        (
            "la legge 7 agosto 1990, n. 241 (di seguito: legge n. 69/2009)",
            &["legge 241/1990", "legge 69/2009"],
        ),
    ]);
}

#[test]
fn codes_by_abbreviation_and_elisions_lost() {
    check(&[
        (
            "il risarcimento ai sensi dell'art. 2043 cod. civ.",
            &["regio_decreto 262/1942 art. 2043"],
        ),
        (
            "sanzionato dall'art. 650 cod. pen.",
            &["regio_decreto 1398/1930 art. 650"],
        ),
        (
            "secondo l art. 64 del Codice dell amministrazione digitale",
            &["decreto_legislativo 82/2005 art. 64"],
        ),
    ]);
}

#[test]
fn a_name_next_to_its_act_misprinted() {
    check(&[
        (
            "richiamato il Codice dell'amministrazione digitale, D.Lgs. n. 83/2005;",
            &["decreto_legislativo 83/2005"],
        ),
        (
            "visto il T.U.E.L. - D.Lgs. 267/2001;",
            &["decreto_legislativo 267/2001"],
        ),
        // A name and an act of another kind: both.
        (
            "il Codice civile e la legge 7 agosto 1990, n. 241",
            &["regio_decreto 262/1942", "legge 241/1990"],
        ),
    ]);
}

#[test]
fn plural_abbreviations_before_a_list_of_acts() {
    check(&[
        (
            "visti i DD.MM. del 3 marzo 2016 e del 9 novembre 2017, con i quali",
            &["decreto_ministeriale 2016", "decreto_ministeriale 2017"],
        ),
        (
            "richiamati i DD.PP.RR. n. 62/2013 e n. 81/2015;",
            &["dpr 62/2013", "dpr 81/2015"],
        ),
        (
            "ai sensi delle LL.RR. 11 marzo 2005, n. 12 e 12 dicembre 2003, n. 26",
            &["legge_regionale 12/2005", "legge_regionale 26/2003"],
        ),
        (
            "i RR.DD. n. 1214/1934 e n. 827/1924",
            &["regio_decreto 1214/1934", "regio_decreto 827/1924"],
        ),
    ]);
}

#[test]
fn a_legislative_decree_whose_dots_a_transcript_lost() {
    check(&[
        (
            "sanzionato ai sensi dell art 106 del D Lgs n 81 del 2008",
            &["decreto_legislativo 81/2008 art. 106"],
        ),
        (
            "vista la D Lgs 152/2006 e s.m.i.",
            &["decreto_legislativo 152/2006"],
        ),
        // Small letters are no abbreviation: "d lgs" alone is left.
        ("il comma d lgs 5", &[]),
    ]);
}
