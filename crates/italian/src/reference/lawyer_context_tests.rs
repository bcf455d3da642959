//! Citation forms in their context, as bodies never seen before print
//! them (our own wording): several partitions of several articles in one
//! phrase, paragraphs and letters before their article, keywords in
//! capitals or without spaces, an act with its title or short name, several
//! acts and conversions in one recital, the article of the act a recital is
//! about, back-references, the body's region, local acts that are not
//! references, decrees of the Kingdom.

use super::lawyer_forms_tests::check;
use super::*;

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
        (
            "Art. 183 comma 1 TUEL",
            &["decreto_legislativo 267/2000 art. 183 c. 1"],
        ),
        ("art. 6 bis L. 241/90", &["legge 241/1990 art. 6-bis"]),
    ]);
}

#[test]
fn keywords_in_capitals_and_without_spaces() {
    check(&[
        (
            "ART. 107 D.LGS. 267/2000",
            &["decreto_legislativo 267/2000 art. 107"],
        ),
        (
            "DECRETO LEGISLATIVO 18 AGOSTO 2000, N. 267",
            &["decreto_legislativo 267/2000"],
        ),
        (
            "art.192 del d.lgs.267/2000",
            &["decreto_legislativo 267/2000 art. 192"],
        ),
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
        (
            "Decreto MIT n. 49 del 7 marzo 2018",
            &["decreto_ministeriale 49/2018"],
        ),
        (
            "Decreto del Ministero delle Infrastrutture e dei Trasporti 7 marzo 2018, n. 49",
            &["decreto_ministeriale 49/2018"],
        ),
        ("D.M. 24/12/2021", &["decreto_ministeriale 2021"]),
        (
            "DM 11/10/2017 (CAM edilizia)",
            &["decreto_ministeriale 2017"],
        ),
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
        (
            "ai sensi dell'art. 12 del Regolamento comunale sui controlli interni",
            &[],
        ),
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
        in_region(
            "l'art. 4 della legge regionale 11 agosto 2008, n. 14",
            "lazio"
        ),
        ["legge_regionale 14/2008 art. 4 regione.lazio"]
    );
}

#[test]
fn decrees_of_the_kingdom_with_short_years_and_older_names() {
    check(&[
        ("secondo il R.D. 215/33", &["regio_decreto 215/1933"]),
        (
            "il R.D. 2440/23 sulla contabilità",
            &["regio_decreto 2440/1923"],
        ),
        (
            "la legge sul contenzioso, R.D. 2248/65",
            &["regio_decreto 2248/1865"],
        ),
        (
            "R.D. 18 novembre 1923, n. 2440",
            &["regio_decreto 2440/1923"],
        ),
        (
            "il Reale Decreto 8 maggio 1904, n. 368",
            &["regio_decreto 368/1904"],
        ),
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

#[test]
fn the_heading_of_the_act_a_text_is_after_a_short_head() {
    let body = "Il Consiglio regionale ha approvato. IL PRESIDENTE DELLA GIUNTA promulga la seguente legge: \
                Articolo 1 (Finalità) 1. La presente legge disciplina le attività della Regione in \
                materia di aree protette e di controllo sugli atti degli enti di gestione, secondo \
                quanto previsto dalla l.r. 8/1999.";
    check(&[
        (
            // A register's lines before the heading: the heading is the act.
            &format!(
                "Anno 2011\nNumero 4\nData 02/03/2011\nMateria Ambiente\n\n\
                 Legge regionale 2 marzo 2011, n. 4\nNorme sulle aree protette\n\n{body}"
            ),
            &["legge_regionale 8/1999"],
        ),
        (
            // The subject of a deliberation is a citation, not its heading.
            &format!(
                "Deliberazione n. 12\nOGGETTO:\n\nLegge regionale 2 marzo 2011, n. 4\n\n{body}"
            ),
            &["legge_regionale 4/2011", "legge_regionale 8/1999"],
        ),
        (
            // A citation wrapped alone on a line of a recital is a citation.
            &format!("Visto il\nD.Lgs. 18 agosto 2000, n. 267\ne s.m.i.;\n\n{body}"),
            &["decreto_legislativo 267/2000", "legge_regionale 8/1999"],
        ),
    ]);
}

#[test]
fn an_article_opening_a_quoted_provision_is_its_heading() {
    check(&[
        (
            "1. L'articolo 30 della l.r. 12/1995 è sostituito dal seguente: “Articolo 30 \
             (Controllo sugli atti) 1. Il controllo sugli atti di cui al comma 2 è esercitato dalla Giunta.”.",
            &["legge_regionale 12/1995 art. 30"],
        ),
        (
            // Further inside the quotation, an article is the quoted act's.
            "l'articolo 50 del D.Lgs. n. 36/2023 stabilisce: “Salvo quanto previsto dagli articoli 62 e 63, ...”",
            &[
                "decreto_legislativo 36/2023 art. 50",
                "decreto_legislativo 36/2023 art. 62",
                "decreto_legislativo 36/2023 art. 63",
            ],
        ),
    ]);
}
