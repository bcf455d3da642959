//! Citation forms of the kinds that bodies never seen before print, in
//! several variants each, as Italian drafters write them (our own wording,
//! not copied from any gold act): brackets and quotation marks around a
//! citation, lists across line breaks, suffixed articles and paragraphs,
//! "ex art.", "di cui all'art.", annexes of an act, decree-laws with their
//! conversion laws, dates in every order, regional laws of each region, EU
//! acts, named codes and back-references.

use super::*;

pub(super) fn briefs(text: &str) -> Vec<String> {
    find_references(text, &RefSettings::default())
        .into_iter()
        .map(|(_, r)| r.brief())
        .collect()
}

/// Every case is read; the test fails listing all that read wrong.
pub(super) fn check(cases: &[(&str, &[&str])]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(t, want)| {
            let got = briefs(t);
            (got != *want).then(|| format!("{t:?}\n   want {want:?}\n    got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn citations_inside_brackets_and_quotation_marks() {
    check(&[
        (
            "(art. 107 del D.Lgs. n. 267/2000)",
            &["decreto_legislativo 267/2000 art. 107"],
        ),
        (
            "(cfr. artt. 4 e 5 L. 241/1990)",
            &["legge 241/1990 art. 4", "legge 241/1990 art. 5"],
        ),
        (
            "secondo quanto dispone «l’art. 3 della legge n. 136/2010»",
            &["legge 136/2010 art. 3"],
        ),
        (
            "ai sensi dell’“art. 192 del D.Lgs. 267/2000”",
            &["decreto_legislativo 267/2000 art. 192"],
        ),
        (
            "il responsabile (ex art. 31 D.Lgs. 50/2016) è nominato",
            &["decreto_legislativo 50/2016 art. 31"],
        ),
        (
            "il D.Lgs. n. 33/2013 (c.d. decreto trasparenza) prevede",
            &["decreto_legislativo 33/2013"],
        ),
    ]);
}

#[test]
fn lists_of_articles_across_line_breaks() {
    check(&[
        (
            "visti gli artt. 107\ne 109 del D.Lgs.\n267/2000",
            &[
                "decreto_legislativo 267/2000 art. 107",
                "decreto_legislativo 267/2000 art. 109",
            ],
        ),
        (
            "visti gli articoli 5, 6 e 7 della legge 7 agosto 1990, n. 241",
            &[
                "legge 241/1990 art. 5",
                "legge 241/1990 art. 6",
                "legge 241/1990 art. 7",
            ],
        ),
        (
            "gli artt. 21-quater e 21-quinquies della L. 241/1990",
            &[
                "legge 241/1990 art. 21-quater",
                "legge 241/1990 art. 21-quinquies",
            ],
        ),
        (
            "art. 1, commi 1 e 2, lett. a), del D.L. n. 76/2020",
            &[
                "decreto_legge 76/2020 art. 1 c. 1",
                "decreto_legge 76/2020 art. 1 c. 2 lett. a",
            ],
        ),
        (
            "art. 6,\ncomma 2, del\nD.P.R. n. 62/2013",
            &["dpr 62/2013 art. 6 c. 2"],
        ),
    ]);
}

#[test]
fn suffixed_articles_and_paragraphs() {
    check(&[
        (
            "comma 1-bis dell’art. 3 del D.Lgs. 33/2013",
            &["decreto_legislativo 33/2013 art. 3 c. 1-bis"],
        ),
        (
            "art. 183, comma 3 bis, del D.Lgs. 267/2000",
            &["decreto_legislativo 267/2000 art. 183 c. 3-bis"],
        ),
        (
            "art. 6 ter, comma 2, della legge 241/1990",
            &["legge 241/1990 art. 6-ter c. 2"],
        ),
        (
            "art. 53, comma 16-ter, del D.Lgs. n. 165/2001",
            &["decreto_legislativo 165/2001 art. 53 c. 16-ter"],
        ),
        (
            "l’articolo 35-quater del decreto legislativo n. 165 del 2001",
            &["decreto_legislativo 165/2001 art. 35-quater"],
        ),
    ]);
}

#[test]
fn ex_and_di_cui_before_an_article() {
    check(&[
        (
            "sanzioni ex art. 208 del D.Lgs. 285/1992",
            &["decreto_legislativo 285/1992 art. 208"],
        ),
        (
            "le spese ex art. 1, comma 450, L. 296/2006",
            &["legge 296/2006 art. 1 c. 450"],
        ),
        (
            "la procedura di cui all’art. 36, comma 2, lett. b) del D.Lgs. 50/2016",
            &["decreto_legislativo 50/2016 art. 36 c. 2 lett. b"],
        ),
        (
            "i requisiti di cui all'articolo 80 del decreto legislativo 18 aprile 2016, n. 50",
            &["decreto_legislativo 50/2016 art. 80"],
        ),
        (
            "le verifiche di cui agli artt. 94 e 95 del D.Lgs. 36/2023",
            &[
                "decreto_legislativo 36/2023 art. 94",
                "decreto_legislativo 36/2023 art. 95",
            ],
        ),
    ]);
}

#[test]
fn an_annex_of_an_act_is_the_act() {
    check(&[
        (
            "secondo l’Allegato II.12 al D.Lgs. 36/2023",
            &["decreto_legislativo 36/2023"],
        ),
        (
            "il principio applicato di cui all’allegato 4/2 al D.Lgs. 118/2011",
            &["decreto_legislativo 118/2011"],
        ),
    ]);
}

#[test]
fn decree_laws_and_their_conversion_laws() {
    check(&[
        (
            "D.L. n. 76/2020, conv. in L. n. 120/2020",
            &["decreto_legge 76/2020", "legge 120/2020"],
        ),
        (
            "decreto-legge 16 luglio 2020, n. 76, convertito con modificazioni dalla legge 11 settembre 2020, n. 120",
            &["decreto_legge 76/2020", "legge 120/2020"],
        ),
        (
            "art. 1, comma 2, lett. a) del D.L. 76/2020, convertito con modificazioni dalla L. 120/2020",
            &["decreto_legge 76/2020 art. 1 c. 2 lett. a", "legge 120/2020"],
        ),
        (
            "D.L. 76/2020 (conv. L. 120/2020)",
            &["decreto_legge 76/2020", "legge 120/2020"],
        ),
        (
            "il D.L. 77/2021 convertito in legge n. 108/2021",
            &["decreto_legge 77/2021", "legge 108/2021"],
        ),
        (
            "art. 51 del decreto-legge n. 77 del 2021, convertito, con modificazioni, dalla legge n. 108 del 2021",
            &["decreto_legge 77/2021 art. 51", "legge 108/2021"],
        ),
    ]);
}

#[test]
fn dates_and_numbers_in_every_order() {
    let want: &[&str] = &["decreto_legislativo 50/2016"];
    check(&[
        ("decreto legislativo 18 aprile 2016, n. 50", want),
        ("D.Lgs. 18.04.2016 n. 50", want),
        ("D.Lgs. n. 50 del 18/04/2016", want),
        ("D.Lgs. 18/04/2016, n. 50", want),
        ("D. Lgs. 18 aprile 2016 n.50", want),
        ("d.lgs 50/16", want),
        ("D.Lgs.vo n. 50/2016", want),
        ("Dlgs 50/2016", want),
        ("D.Lgs. n. 50 del 2016", want),
        ("decreto legislativo n. 50 del 18 aprile 2016", want),
    ]);
    let l: &[&str] = &["legge 241/1990"];
    check(&[
        ("L. n° 241/1990", l),
        ("Legge n.241 del 07/08/1990", l),
        ("legge 7.8.1990 n. 241", l),
        ("L. 7 agosto 1990, n.241", l),
    ]);
}

#[test]
fn regional_laws_of_every_region_by_name_or_adjective() {
    check(&[
        (
            "L.R. Lazio n. 6/1999",
            &["legge_regionale 6/1999 regione.lazio"],
        ),
        (
            "legge regionale Lazio 18 febbraio 2002, n. 6",
            &["legge_regionale 6/2002 regione.lazio"],
        ),
        (
            "l.r. Toscana 65/2014",
            &["legge_regionale 65/2014 regione.toscana"],
        ),
        (
            "L.R. n. 24/2017 della Regione Emilia-Romagna",
            &["legge_regionale 24/2017 regione.emilia.romagna"],
        ),
        (
            "legge regionale della Campania n. 16 del 2004",
            &["legge_regionale 16/2004 regione.campania"],
        ),
        (
            "L.R. Puglia 11 febbraio 2002, n. 1",
            &["legge_regionale 1/2002 regione.puglia"],
        ),
        (
            "legge regionale del Veneto 23 aprile 2004, n. 11",
            &["legge_regionale 11/2004 regione.veneto"],
        ),
        (
            "l.r. Piemonte n. 56/1977",
            &["legge_regionale 56/1977 regione.piemonte"],
        ),
        (
            "L.R. Marche n. 3/2023",
            &["legge_regionale 3/2023 regione.marche"],
        ),
        (
            "LR Lombardia 12/2005",
            &["legge_regionale 12/2005 regione.lombardia"],
        ),
        (
            "art. 5 della l.r. Umbria n. 1/2015",
            &["legge_regionale 1/2015 art. 5 regione.umbria"],
        ),
        (
            "legge regionale siciliana n. 12/2011",
            &["legge_regionale 12/2011 regione.sicilia"],
        ),
    ]);
}

#[test]
fn eu_acts_in_their_usual_spellings() {
    check(&[
        ("Regolamento (UE) n. 2016/679", &["regolamento_ue 679/2016"]),
        ("Reg. UE 2016/679", &["regolamento_ue 679/2016"]),
        (
            "Regolamento (CE) n. 1907/2006",
            &["regolamento_ue 1907/2006"],
        ),
        ("direttiva n. 2006/123/CE", &["direttiva_ue 123/2006"]),
        (
            "Regolamento delegato (UE) 2023/2495",
            &["regolamento_ue 2495/2023"],
        ),
        (
            "art. 17 del Regolamento (UE) 2020/852",
            &["regolamento_ue 852/2020 art. 17"],
        ),
    ]);
}

#[test]
fn named_codes_and_testi_unici() {
    check(&[
        (
            "art. 2043 del codice civile",
            &["regio_decreto 262/1942 art. 2043"],
        ),
        ("art. 1456 c.c.", &["regio_decreto 262/1942 art. 1456"]),
        (
            "art. 7 del Codice della Strada",
            &["decreto_legislativo 285/1992 art. 7"],
        ),
        (
            "art. 53 del Testo unico sul pubblico impiego",
            &["decreto_legislativo 165/2001 art. 53"],
        ),
        (
            "art. 64 del Codice dell’amministrazione digitale",
            &["decreto_legislativo 82/2005 art. 64"],
        ),
        ("art. 13 del GDPR", &["regolamento_ue 679/2016 art. 13"]),
        (
            "artt. 182, 183 e 184 del TUEL",
            &[
                "decreto_legislativo 267/2000 art. 182",
                "decreto_legislativo 267/2000 art. 183",
                "decreto_legislativo 267/2000 art. 184",
            ],
        ),
        (
            "art. 192 del T.U.E.L.",
            &["decreto_legislativo 267/2000 art. 192"],
        ),
        (
            "art. 107 del T.U.E.L. approvato con D.Lgs. 267/2000",
            &["decreto_legislativo 267/2000 art. 107"],
        ),
    ]);
}

#[test]
fn back_references_to_the_act_just_cited() {
    check(&[
        (
            "visto l’art. 107 del D.Lgs. 267/2000; visto altresì l’art. 109 del citato decreto;",
            &[
                "decreto_legislativo 267/2000 art. 107",
                "decreto_legislativo 267/2000 art. 109",
            ],
        ),
        (
            // "in particolare": the recital's act is read with its article
            // only, the back-reference or not (gold/REFERENCES.md).
            "vista la L. 190/2012 e in particolare l’art. 1, comma 32, della medesima legge;",
            &["legge 190/2012 art. 1 c. 32"],
        ),
        (
            "visto il D.Lgs. 33/2013; visto l’art. 23 del predetto decreto legislativo;",
            &[
                "decreto_legislativo 33/2013",
                "decreto_legislativo 33/2013 art. 23",
            ],
        ),
        (
            "richiamato il D.P.R. 445/2000 e l’art. 47 dello stesso D.P.R.",
            &["dpr 445/2000", "dpr 445/2000 art. 47"],
        ),
    ]);
}

#[test]
fn the_act_before_its_partition() {
    check(&[
        (
            "D.Lgs. 50/2016, art. 36, co. 2, lett. a)",
            &["decreto_legislativo 50/2016 art. 36 c. 2 lett. a"],
        ),
        (
            "ai sensi dell’art.1, c.450, L.296/06",
            &["legge 296/2006 art. 1 c. 450"],
        ),
        (
            "art. 1 comma 450 L. 296/2006",
            &["legge 296/2006 art. 1 c. 450"],
        ),
        (
            "comma 450 dell’art. 1 della L. 296/2006",
            &["legge 296/2006 art. 1 c. 450"],
        ),
    ]);
}

#[test]
fn decrees_of_ministries_and_of_the_president() {
    check(&[
        ("D.P.R. 16 aprile 2013, n. 62", &["dpr 62/2013"]),
        ("d.P.R. 445/2000", &["dpr 445/2000"]),
        ("DPR n.207/2010", &["dpr 207/2010"]),
        ("DPCM 23 dicembre 2022", &["dpcm 2022"]),
        ("D.M. n. 49/2018", &["decreto_ministeriale 49/2018"]),
        (
            "R.D. 18 novembre 1923, n. 2440",
            &["regio_decreto 2440/1923"],
        ),
        ("R.D. n. 827/1924", &["regio_decreto 827/1924"]),
        (
            "Legge Costituzionale n. 3/2001",
            &["legge_costituzionale 3/2001"],
        ),
        ("art. 97 della Costituzione", &["costituzione 1947 art. 97"]),
    ]);
}

#[test]
fn a_decree_law_numbered_as_a_known_code_is_that_code_misprinted() {
    check(&[
        (
            "art. 7 del Codice della Strada, approvato con il D.L. 30.04.1992 n. 285",
            &["decreto_legislativo 285/1992 art. 7"],
        ),
        (
            "ai sensi del D.L. n. 267/2000",
            &["decreto_legislativo 267/2000"],
        ),
        (
            "art. 50 del D.L. n. 36/2023",
            &["decreto_legislativo 36/2023 art. 50"],
        ),
        // A conversion law says it is a decree-law; another date, another act.
        (
            "D.L. n. 36/2023, convertito dalla L. n. 60/2023",
            &["decreto_legge 36/2023", "legge 60/2023"],
        ),
        ("D.L. 5 aprile 1992, n. 285", &["decreto_legge 285/1992"]),
    ]);
}

#[test]
fn paragraphs_of_the_articles_of_eu_acts() {
    check(&[
        (
            "ai sensi dell'art. 6, par. 1, lett. c) del Regolamento (UE) 2016/679",
            &["regolamento_ue 679/2016 art. 6 c. 1 lett. c"],
        ),
        (
            "l'articolo 4, paragrafo 1, punto 7, del Regolamento (UE) 2016/679",
            &["regolamento_ue 679/2016 art. 4 c. 1"],
        ),
        (
            "gli articoli 13 e 14, paragrafo 2, del Regolamento (UE) 2016/679",
            &[
                "regolamento_ue 679/2016 art. 13",
                "regolamento_ue 679/2016 art. 14 c. 2",
            ],
        ),
        (
            "il paragrafo 3 dell'articolo 28 del Regolamento (UE) 2016/679",
            &["regolamento_ue 679/2016 art. 28 c. 3"],
        ),
        (
            "art. 9, parr. 2 e 3, della direttiva 2014/24/UE",
            &[
                "direttiva_ue 24/2014 art. 9 c. 2",
                "direttiva_ue 24/2014 art. 9 c. 3",
            ],
        ),
    ]);
}

#[test]
fn a_short_name_after_a_comma_is_the_act_not_another() {
    check(&[
        (
            "visto l'art. 50 del decreto legislativo 31 marzo 2023, n. 36, c.d. Codice dei contratti;",
            &["decreto_legislativo 36/2023 art. 50"],
        ),
        (
            "il D.Lgs. 14 marzo 2013, n. 33, cosiddetto decreto trasparenza, prevede",
            &["decreto_legislativo 33/2013"],
        ),
        (
            "il D.Lgs. 25 maggio 2016, n. 97, noto come decreto FOIA;",
            &["decreto_legislativo 97/2016"],
        ),
        (
            // A name of another act after a comma stays a reference of its own.
            "visto il D.Lgs. 18 aprile 2016, n. 50, e il Codice civile;",
            &["decreto_legislativo 50/2016", "regio_decreto 262/1942"],
        ),
    ]);
}
