//! Families of false references and of dates a transcript spaced out,
//! written as drafters of bodies not in the gold print them (our own
//! wording): an organ's abbreviation that is also a code's ("C.C."), a
//! back-reference past a local act of the same noun, the articles right
//! after their act in a list that ends with a back-reference, dates with
//! spaces around or instead of their separators, a second article's
//! paragraph printed without a comma.

use super::lawyer_forms_tests::check;

#[test]
fn the_council_is_not_the_civil_code() {
    check(&[
        (
            "richiamata la deliberazione del C.C. n. 8 del 2021, ed in particolare l'art. 2",
            &[],
        ),
        (
            "approvato con delibera di C.C. n. 31/2019, in particolare l'art. 14",
            &[],
        ),
        (
            "il regolamento approvato dal C.C. nella seduta del 4 maggio, art. 6",
            &[],
        ),
        (
            "ai sensi dell'art. 1456 c.c. e della deliberazione C.C. n. 5 del 3.2.2020",
            &["regio_decreto 262/1942 art. 1456"],
        ),
        (
            "la clausola di cui all'art. 1341 del c.c.",
            &["regio_decreto 262/1942 art. 1341"],
        ),
    ]);
}

#[test]
fn a_back_reference_does_not_pass_a_local_act_of_its_noun() {
    check(&[
        (
            "visto il D.Lgs. 165/2001; visto il decreto del Sindaco n. 3/2022 di nomina, e in particolare l'art. 1 del citato decreto",
            &["decreto_legislativo 165/2001"],
        ),
        (
            "visto il D.P.R. 207/2010 e il decreto rettorale n. 88 del 2019; visto l'art. 4 del medesimo decreto",
            &["dpr 207/2010"],
        ),
        (
            "visto il D.Lgs. 33/2013; visto il decreto legislativo 97/2016; visto l'art. 5 del medesimo decreto",
            &[
                "decreto_legislativo 33/2013",
                "decreto_legislativo 97/2016",
                "decreto_legislativo 97/2016 art. 5",
            ],
        ),
        (
            "il Regolamento (UE) 2018/1046, in particolare l'art. 2, e l'art. 33 del medesimo regolamento",
            &[
                "regolamento_ue 1046/2018 art. 2",
                "regolamento_ue 1046/2018 art. 33",
            ],
        ),
        (
            "il Regolamento (UE) 2016/679; il regolamento comunale sul trattamento dei dati; l'art. 9 del citato regolamento",
            &["regolamento_ue 679/2016"],
        ),
    ]);
}

#[test]
fn articles_right_after_their_act_before_a_back_reference() {
    check(&[(
        "ai sensi della L. 7 agosto 1990 n. 241, artt. 21 e 22, e dell'art. 24 della medesima legge",
        &[
            "legge 241/1990 art. 21",
            "legge 241/1990 art. 22",
            "legge 241/1990 art. 24",
        ],
    )]);
}

#[test]
fn dates_with_spaces_around_or_instead_of_separators() {
    check(&[
        (
            "visto il D.Lgs. n. 165 del 30. 03. 2001",
            &["decreto_legislativo 165/2001"],
        ),
        ("vista la Legge 06/11/ 2012 n. 190", &["legge 190/2012"]),
        ("visto il d.p.r. 28 / 12 / 2000 n. 445", &["dpr 445/2000"]),
        (
            "visto il D Lgs 30 03 2001 n 165 e la L 6 11 2012 n 190",
            &["decreto_legislativo 165/2001", "legge 190/2012"],
        ),
        (
            "l'art. 3 della legge 13 . 8 . 2010 , n. 136",
            &["legge 136/2010 art. 3"],
        ),
    ]);
}

#[test]
fn a_second_article_with_its_paragraph_and_no_comma() {
    check(&[(
        "visti gli articoli 107 comma 3 e 192 comma 1 del D.Lgs. 267/2000",
        &[
            "decreto_legislativo 267/2000 art. 107 c. 3",
            "decreto_legislativo 267/2000 art. 192 c. 1",
        ],
    )]);
}

#[test]
fn bullets_under_in_particolare() {
    check(&[
        (
            "Visto il D.P.R. 445/2000, in particolare:\n– l'art. 46, sulle autocertificazioni;\n– l'art. 47, sulle dichiarazioni sostitutive;\nVisto lo Statuto, in particolare:\n– l'art. 9;",
            &["dpr 445/2000", "dpr 445/2000 art. 46", "dpr 445/2000 art. 47"],
        ),
        (
            "Vista la L. 241/1990, in particolare:\n- l'art. 3;\n- l'art. 8 del regolamento sul procedimento;",
            &["legge 241/1990", "legge 241/1990 art. 3"],
        ),
    ]);
}
