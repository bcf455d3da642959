//! Citation forms of the kinds that bodies never seen before print, in
//! several variants each, as Italian drafters write them (our own wording,
//! not copied from any gold act): brackets and quotation marks around a
//! citation, lists across line breaks, suffixed articles and paragraphs,
//! "ex art.", "di cui all'art.", annexes of an act, decree-laws with their
//! conversion laws, dates in every order, regional laws of each region, EU
//! acts, named codes and back-references.

use super::*;

fn briefs(text: &str) -> Vec<String> {
    find_references(text, &RefSettings::default())
        .into_iter()
        .map(|(_, r)| r.brief())
        .collect()
}

/// Every case is read; the test fails listing all that read wrong.
fn check(cases: &[(&str, &[&str])]) {
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
        ("Regolamento (CE) n. 1907/2006", &["regolamento_ue 1907/2006"]),
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
            "vista la L. 190/2012 e in particolare l’art. 1, comma 32, della medesima legge;",
            &["legge 190/2012", "legge 190/2012 art. 1 c. 32"],
        ),
        (
            "visto il D.Lgs. 33/2013; visto l’art. 23 del predetto decreto legislativo;",
            &["decreto_legislativo 33/2013", "decreto_legislativo 33/2013 art. 23"],
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
        ("ai sensi del D.L. n. 267/2000", &["decreto_legislativo 267/2000"]),
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
fn partitions_of_several_articles_in_one_phrase() {
    check(&[
        (
            "art. 107, commi 2 e 3, e 109, comma 2, del D.Lgs. 267/2000",
            &[
                "decreto_legislativo 267/2000 art. 107 c. 2",
                "decreto_legislativo 267/2000 art. 107 c. 3",
                "decreto_legislativo 267/2000 art. 109 c. 2",
            ],
        ),
        (
            "artt. 151, comma 4, e 183, comma 7, del D.Lgs. n. 267/2000",
            &[
                "decreto_legislativo 267/2000 art. 151 c. 4",
                "decreto_legislativo 267/2000 art. 183 c. 7",
            ],
        ),
        (
            "art. 1, commi da 54 a 57, della L. 190/2014",
            &[
                "legge 190/2014 art. 1 c. 54",
                "legge 190/2014 art. 1 c. 55",
                "legge 190/2014 art. 1 c. 56",
                "legge 190/2014 art. 1 c. 57",
            ],
        ),
        (
            "artt. 4, comma 2, 16 e 17 del D.Lgs. 165/2001",
            &[
                "decreto_legislativo 165/2001 art. 4 c. 2",
                "decreto_legislativo 165/2001 art. 16",
                "decreto_legislativo 165/2001 art. 17",
            ],
        ),
        (
            "i commi 1 e 2 dell'articolo 5 della legge 241/1990",
            &["legge 241/1990 art. 5 c. 1", "legge 241/1990 art. 5 c. 2"],
        ),
        (
            "art. 163 commi 3 e 5 del D.Lgs. 267/00",
            &[
                "decreto_legislativo 267/2000 art. 163 c. 3",
                "decreto_legislativo 267/2000 art. 163 c. 5",
            ],
        ),
        (
            "del combinato disposto degli artt. 107 e 192 del D.Lgs. n. 267/2000",
            &[
                "decreto_legislativo 267/2000 art. 107",
                "decreto_legislativo 267/2000 art. 192",
            ],
        ),
        (
            "D.Lgs. 267/2000, artt. 107 e 109",
            &[
                "decreto_legislativo 267/2000 art. 107",
                "decreto_legislativo 267/2000 art. 109",
            ],
        ),
        (
            "D.lgs. 18 agosto 2000 n. 267, art. 151",
            &["decreto_legislativo 267/2000 art. 151"],
        ),
    ]);
}

#[test]
fn paragraph_and_letter_before_the_article_and_bare_letters() {
    check(&[
        (
            "comma 2, art. 36 D.Lgs. 50/2016",
            &["decreto_legislativo 50/2016 art. 36 c. 2"],
        ),
        (
            "lett. a) del comma 2 dell'art. 36 del D.Lgs. 50/2016",
            &["decreto_legislativo 50/2016 art. 36 c. 2 lett. a"],
        ),
        (
            "art. 36, c. 2, lett. a, D.Lgs. 50/2016",
            &["decreto_legislativo 50/2016 art. 36 c. 2 lett. a"],
        ),
        (
            "comma 3 dell'art. 163 del TUEL",
            &["decreto_legislativo 267/2000 art. 163 c. 3"],
        ),
        ("Art. 183 comma 1 TUEL", &["decreto_legislativo 267/2000 art. 183 c. 1"]),
        ("art. 6 bis L. 241/90", &["legge 241/1990 art. 6-bis"]),
    ]);
}

#[test]
fn keywords_in_capitals_and_without_spaces() {
    check(&[
        ("ART. 107 D.LGS. 267/2000", &["decreto_legislativo 267/2000 art. 107"]),
        (
            "DECRETO LEGISLATIVO 18 AGOSTO 2000, N. 267",
            &["decreto_legislativo 267/2000"],
        ),
        ("art.192 del d.lgs.267/2000", &["decreto_legislativo 267/2000 art. 192"]),
        ("d.lgs.n.267/2000", &["decreto_legislativo 267/2000"]),
        ("D.L.gs. 267/2000", &["decreto_legislativo 267/2000"]),
        ("D.Leg.vo 267/2000", &["decreto_legislativo 267/2000"]),
        ("D. Lgs.267/00", &["decreto_legislativo 267/2000"]),
        ("L. R. n. 1 del 2005", &["legge_regionale 1/2005"]),
        ("DLgs 118/11", &["decreto_legislativo 118/2011"]),
        (
            "art. 32, co. 2 D.Lgs 50/16",
            &["decreto_legislativo 50/2016 art. 32 c. 2"],
        ),
    ]);
}

#[test]
fn an_act_with_its_title_or_short_name_is_one_reference() {
    check(&[
        (
            "Legge di Bilancio 2023 (Legge 29 dicembre 2022, n. 197)",
            &["legge 197/2022"],
        ),
        ("Regolamento UE 2016/679 (GDPR)", &["regolamento_ue 679/2016"]),
        (
            "D.P.R. 6 giugno 2001 n. 380 (Testo Unico Edilizia)",
            &["dpr 380/2001"],
        ),
        (
            "D.Lgs. 81/2008 (Testo Unico sulla salute e sicurezza sul lavoro)",
            &["decreto_legislativo 81/2008"],
        ),
        (
            "la legge 6 novembre 2012, n. 190 recante “Disposizioni per la prevenzione e la repressione della corruzione”",
            &["legge 190/2012"],
        ),
        (
            "il D.Lgs. 82/2005 (Codice dell’Amministrazione Digitale)",
            &["decreto_legislativo 82/2005"],
        ),
        (
            "il Codice dell’Amministrazione Digitale (D.Lgs. 82/2005)",
            &["decreto_legislativo 82/2005"],
        ),
        (
            "art. 48 del D.Lgs. 267/2000 e successive modifiche ed integrazioni, in materia di competenze della Giunta",
            &["decreto_legislativo 267/2000 art. 48"],
        ),
    ]);
}

#[test]
fn ministerial_decrees_by_ministry_date_and_number() {
    check(&[
        ("Decreto MIT n. 49 del 7 marzo 2018", &["decreto_ministeriale 49/2018"]),
        (
            "Decreto del Ministero delle Infrastrutture e dei Trasporti 7 marzo 2018, n. 49",
            &["decreto_ministeriale 49/2018"],
        ),
        ("D.M. 24/12/2021", &["decreto_ministeriale 2021"]),
        ("DM 11/10/2017 (CAM edilizia)", &["decreto_ministeriale 2017"]),
        ("D.M. del 10 marzo 2020", &["decreto_ministeriale 2020"]),
    ]);
}

#[test]
fn several_acts_and_conversions_in_one_recital() {
    check(&[
        (
            "visti il D.Lgs. 165/2001, il D.Lgs. 33/2013 e la L. 190/2012;",
            &[
                "decreto_legislativo 165/2001",
                "decreto_legislativo 33/2013",
                "legge 190/2012",
            ],
        ),
        (
            "art. 9 comma 1 lett. a) punto 2 del D.L. 78/2009, convertito in L. 102/2009",
            &["decreto_legge 78/2009 art. 9 c. 1 lett. a", "legge 102/2009"],
        ),
        (
            "art. 183, comma 8, del D.Lgs. 267/2000 e dell'art. 1, comma 707, della L. 208/2015",
            &[
                "decreto_legislativo 267/2000 art. 183 c. 8",
                "legge 208/2015 art. 1 c. 707",
            ],
        ),
        (
            "art. 1, comma 130, della legge 30 dicembre 2018, n. 145 (Legge di bilancio 2019), che ha modificato l’art. 1, comma 450, della legge 27 dicembre 2006, n. 296",
            &["legge 145/2018 art. 1 c. 130", "legge 296/2006 art. 1 c. 450"],
        ),
        (
            "D.Lgs. 10 agosto 2014 n. 126 integrativo e correttivo del D.Lgs. 118/2011",
            &["decreto_legislativo 126/2014", "decreto_legislativo 118/2011"],
        ),
        (
            "art. 1 comma 629 lettera b) della legge 23/12/2014 n. 190",
            &["legge 190/2014 art. 1 c. 629 lett. b"],
        ),
        ("art. 17-ter del D.P.R. 633/1972", &["dpr 633/1972 art. 17-ter"]),
        (
            "art. 50, comma 1, lettera b) del D.Lgs. n. 36 del 31 marzo 2023",
            &["decreto_legislativo 36/2023 art. 50 c. 1 lett. b"],
        ),
    ]);
}

#[test]
fn local_acts_are_not_references() {
    check(&[
        ("l'art. 8 del vigente Regolamento di contabilità", &[]),
        ("art. 5 dello Statuto comunale", &[]),
        ("l'art. 22 del C.C.N.L. 21/05/2018", &[]),
        ("ai sensi dell'art. 12 del Regolamento comunale sui controlli interni", &[]),
    ]);
}

#[test]
fn articles_of_the_act_the_recital_is_about_and_back_references() {
    check(&[
        (
            "Visto il D.Lgs. 267/2000 e in particolare gli articoli 48 e 50;",
            &[
                "decreto_legislativo 267/2000 art. 48",
                "decreto_legislativo 267/2000 art. 50",
            ],
        ),
        (
            "Visto il vigente Testo Unico degli Enti Locali, approvato con D.Lgs. 18 agosto 2000, n. 267, e in particolare l'art. 107;",
            &["decreto_legislativo 267/2000 art. 107"],
        ),
        (
            "Richiamato l'art. 3 della legge n. 136/2010; dato atto che ai sensi del comma 7 del medesimo articolo",
            &["legge 136/2010 art. 3", "legge 136/2010 art. 3 c. 7"],
        ),
        (
            "visto il D.Lgs. 50/2016; ritenuto di procedere ai sensi dell'art. 21 del predetto D.Lgs.;",
            &["decreto_legislativo 50/2016", "decreto_legislativo 50/2016 art. 21"],
        ),
        (
            "vista la legge 7 agosto 1990, n. 241; visto l'art. 3 della citata legge;",
            &["legge 241/1990", "legge 241/1990 art. 3"],
        ),
        (
            "D.Lgs. n. 50/2016 ss.mm.ii. ed in particolare l'art. 36 comma 2 lett. a)",
            &["decreto_legislativo 50/2016 art. 36 c. 2 lett. a"],
        ),
    ]);
}

#[test]
fn decree_laws_named_and_amended() {
    check(&[
        (
            "Legge 11 settembre 2020 n. 120 di conversione del D.L. 16 luglio 2020 n. 76",
            &["legge 120/2020", "decreto_legge 76/2020"],
        ),
        (
            "D.L. 16 luglio 2020, n. 76 (c.d. Decreto Semplificazioni)",
            &["decreto_legge 76/2020"],
        ),
        (
            "D.L. n. 77/2021 (decreto Semplificazioni bis), convertito con modificazioni dalla L. n. 108/2021",
            &["decreto_legge 77/2021", "legge 108/2021"],
        ),
        (
            "articolo 1, comma 2, lettera a) del decreto legge 16 luglio 2020 n. 76, come modificato dall’art. 51 del D.L. 77/2021",
            &[
                "decreto_legge 76/2020 art. 1 c. 2 lett. a",
                "decreto_legge 77/2021 art. 51",
            ],
        ),
    ]);
}

#[test]
fn scanned_spacing_and_signs() {
    check(&[
        ("D.Lgs. n.50/2016", &["decreto_legislativo 50/2016"]),
        (
            "art.36 comma 2 lett.a) del D.Lgs. 50/2016",
            &["decreto_legislativo 50/2016 art. 36 c. 2 lett. a"],
        ),
        (
            "art . 36 del D. Lgs n° 50/2016",
            &["decreto_legislativo 50/2016 art. 36"],
        ),
        (
            "art. 36, comma 2, lettera “a” del D.Lgs. 50/2016",
            &["decreto_legislativo 50/2016 art. 36 c. 2 lett. a"],
        ),
    ]);
}

fn in_region(text: &str, region: &str) -> Vec<String> {
    let settings = RefSettings {
        body_region: Some(region.into()),
        ..RefSettings::default()
    };
    find_references(text, &settings)
        .into_iter()
        .map(|(_, r)| r.brief())
        .collect()
}

#[test]
fn a_regional_law_is_the_body_s_region_s_unless_another_is_named() {
    assert_eq!(
        in_region("vista la L.R. 6/1999 e s.m.i.", "lazio"),
        ["legge_regionale 6/1999 regione.lazio"]
    );
    assert_eq!(
        in_region("vista la L.R. Veneto n. 11/2004", "lazio"),
        ["legge_regionale 11/2004 regione.veneto"]
    );
    assert_eq!(
        in_region("la legge regionale n. 12/2005 (Lombardia)", "lazio"),
        ["legge_regionale 12/2005 regione.lombardia"]
    );
    assert_eq!(
        in_region("l'art. 4 della legge regionale 11 agosto 2008, n. 14", "lazio"),
        ["legge_regionale 14/2008 art. 4 regione.lazio"]
    );
}

#[test]
fn decrees_of_the_kingdom_with_short_years_and_older_names() {
    check(&[
        ("secondo il R.D. 215/33", &["regio_decreto 215/1933"]),
        ("il R.D. 2440/23 sulla contabilità", &["regio_decreto 2440/1923"]),
        ("la legge sul contenzioso, R.D. 2248/65", &["regio_decreto 2248/1865"]),
        ("R.D. 18 novembre 1923, n. 2440", &["regio_decreto 2440/1923"]),
        ("il Reale Decreto 8 maggio 1904, n. 368", &["regio_decreto 368/1904"]),
    ]);
}

#[test]
fn an_article_after_che_is_the_act_of_its_own_sentence() {
    check(&[
        (
            "la Costituzione repubblicana, che all’art. 44 stabilisce",
            &["costituzione 1947 art. 44"],
        ),
        (
            "fissato dal R. D. 25 luglio 1904 n. 523.\nFatte salve alcune eccezioni.\nIn primo luogo la Costituzione repubblicana, che all’art. 44 stabilisce",
            &["regio_decreto 523/1904", "costituzione 1947 art. 44"],
        ),
        // A full stop inside the act's quoted title ends no sentence.
        (
            "la L.R. 7 febbraio 2005, n.1, recante \"Norme in materia di protezione civile. Istituzione dell’Agenzia” ed in particolare: l’art.15, commi 1 e 2, che prevedono",
            &["legge_regionale 1/2005 art. 15 c. 1", "legge_regionale 1/2005 art. 15 c. 2"],
        ),
        // An article whose act is in another sentence is not that act's.
        (
            "si applica il D.Lgs. 50/2016. Il regolamento comunale, che all'art. 4 disciplina gli affidamenti",
            &["decreto_legislativo 50/2016"],
        ),
    ]);
}
