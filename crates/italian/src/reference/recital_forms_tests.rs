//! Families seen in session 43's blind batch (a consorzio di bonifica's
//! statute, an earthquake commissioner's ordinance, a municipality's
//! determination, a regolamento on video surveillance), written in our own
//! wording as other bodies print them: the decrees of the years between
//! Kingdom and Republic and the undotted "RD", an act's publication before
//! its title, an EU act's title before its number, a relative of place
//! that points back to the act ("dove all'art."), the decree a law
//! converted, and an act named inside a local act's name.

use super::lawyer_forms_tests::check;

#[test]
fn decrees_of_the_lieutenancy_and_of_the_provisional_head_of_state() {
    check(&[
        (
            "visto il D.Lgt. 1° marzo 1945, n. 154, e in particolare l'art. 3",
            &["decreto_legislativo_luogotenenziale 154/1945 art. 3"],
        ),
        (
            "ai sensi del decreto legislativo luogotenenziale 7 settembre 1944, n. 288",
            &["decreto_legislativo_luogotenenziale 288/1944"],
        ),
        (
            "l'art. 2 del D.Lgs.C.P.S. 14 dicembre 1947, n. 1577",
            &["decreto_legislativo_cps 1577/1947 art. 2"],
        ),
        (
            "il R.D.L. 15 ottobre 1925, n. 2578, e il regio decreto-legge 9 luglio 1926, n. 1331",
            &[
                "regio_decreto_legge 2578/1925",
                "regio_decreto_legge 1331/1926",
            ],
        ),
        (
            "visto il D.L. 30 giugno 1994, n. 417 e il R.D. 18 novembre 1923, n. 2440",
            &["decreto_legge 417/1994", "regio_decreto 2440/1923"],
        ),
    ]);
}

#[test]
fn a_regio_decreto_written_without_full_stops() {
    check(&[
        (
            "ai sensi dell'art. 7 del RD 18 novembre 1923 n. 2440",
            &["regio_decreto 2440/1923 art. 7"],
        ),
        ("il RD n. 1775/33 sulle acque", &["regio_decreto 1775/1933"]),
        ("classe RD 12 del catalogo", &[]),
    ]);
}

#[test]
fn an_acts_publication_before_its_title_leaves_one_reference() {
    check(&[
        (
            "visto il D.Lgs. 3 aprile 2006, n. 152, pubblicato nella G.U. n. 88 del 14 aprile 2006, recante “Codice dell'ambiente”",
            &["decreto_legislativo 152/2006"],
        ),
        (
            "il decreto legislativo n. 152/2006, pubblicato sulla Gazzetta Ufficiale del 14 aprile 2006, recante “Codice dell’ambiente”; l'art. 5 della L. 241/1990",
            &["decreto_legislativo 152/2006", "legge 241/1990 art. 5"],
        ),
    ]);
}

#[test]
fn an_eu_acts_title_between_its_keyword_and_its_number() {
    check(&[
        (
            "la Direttiva UE sull'efficienza energetica 2012/27/UE",
            &["direttiva_ue 27/2012"],
        ),
        (
            "ai sensi del Regolamento UE sugli aiuti de minimis 2023/2831",
            &["regolamento_ue 2831/2023"],
        ),
        (
            "il Regolamento UE per la gestione dei rifiuti n. 5/2019 del Comune",
            &[],
        ),
    ]);
}

#[test]
fn a_relative_of_place_points_back_to_the_act() {
    check(&[
        (
            "visto il decreto-legge 17 marzo 2020, n. 18, dove all'art. 87, comma 1, si dispone il lavoro agile",
            &["decreto_legge 18/2020 art. 87 c. 1"],
        ),
        (
            "vista la legge 30 dicembre 2018, n. 145, nella quale l'art. 1, comma 107, assegna ai comuni contributi",
            &["legge 145/2018 art. 1 c. 107"],
        ),
    ]);
}

#[test]
fn the_decree_a_law_converted_is_not_a_conversion_law() {
    check(&[(
        "la legge 24 aprile 2020, n. 27, che ha convertito, con modificazioni, il decreto-legge 17 marzo 2020, n. 18, dove all'art. 103 si sospendono i termini",
        &["legge 27/2020", "decreto_legge 18/2020 art. 103"],
    )]);
}

#[test]
fn an_act_inside_a_local_acts_name_does_not_take_its_articles() {
    check(&[
        (
            "visto il Regolamento didattico in attuazione della legge 19 novembre 1990, n. 341, emanato con D.R. n. 45 del 3.2.2001, e in particolare l'art. 12",
            &["legge 341/1990"],
        ),
        (
            "visto lo Statuto dell'Ente, redatto ai sensi della legge 7 aprile 2014, n. 56, adottato con deliberazione dell'Assemblea n. 3/2015, ed in particolare l'art. 9",
            &["legge 56/2014"],
        ),
        (
            "vista la legge 7 agosto 1990, n. 241, approvata dal Parlamento, e in particolare l'art. 3",
            &["legge 241/1990 art. 3"],
        ),
    ]);
}

#[test]
fn a_recital_pointing_into_the_one_before_after_a_line_break_or_a_full_stop() {
    check(&[
        (
            "VISTO il D.Lgs. 18 agosto 2000, n. 267\nVISTO in particolare l'art. 107 che attribuisce ai dirigenti la gestione",
            &["decreto_legislativo 267/2000", "decreto_legislativo 267/2000 art. 107"],
        ),
        (
            "Vista la legge n. 241/1990. Vista in particolare l'art. 3 sulla motivazione",
            &["legge 241/1990", "legge 241/1990 art. 3"],
        ),
        (
            "RICHIAMATO il D.Lgs. 33/2013;\nRICHIAMATO, in particolare, l’art. 23",
            &["decreto_legislativo 33/2013", "decreto_legislativo 33/2013 art. 23"],
        ),
        // A recital about a local act lends its articles to no act.
        ("Visto lo Statuto comunale.\nVisto in particolare l'art. 12", &[]),
        // "ed in particolare" inside the recital stays one reference.
        (
            "visto il D.Lgs. 36/2023, ed in particolare l'art. 50",
            &["decreto_legislativo 36/2023 art. 50"],
        ),
    ]);
}

#[test]
fn articles_after_an_act_noted_as_amended() {
    check(&[
        (
            "vista la L. n. 241/90 e s.m.i., artt. 7 e 8",
            &["legge 241/1990 art. 7", "legge 241/1990 art. 8"],
        ),
        (
            "visto il D.Lgs. 33/2013 e successive modificazioni, art. 23",
            &["decreto_legislativo 33/2013 art. 23"],
        ),
        (
            "visto il D.Lgs. 267/2000 e ss.mm.ii., art. 107, comma 3",
            &["decreto_legislativo 267/2000 art. 107 c. 3"],
        ),
        // An article that names its own act stays that act's.
        (
            "il D.Lgs. 36/2023 e s.m.i., art. 6 del regolamento comunale",
            &["decreto_legislativo 36/2023"],
        ),
    ]);
}

/// Session 49's blind batch (municipal regulations, Giunta deliberations,
/// a union's page), in our own wording: an article cited again with
/// "medesimo" before it, an "in particolare" with "dall'", "nell'", an
/// act that the recital's act implements, a bullet after a colon whose
/// line break a transcript lost.
#[test]
fn an_article_cited_again_with_medesimo_keeps_its_act() {
    check(&[(
        "il tributo istituito dall'art. 8 del decreto-legge 10 marzo 2015, n. 30, convertito dalla legge 8 maggio 2015, n. 61, e regolato dal medesimo articolo 8 e dall'articolo 4 del D.Lgs. 5 aprile 2014, n. 12",
        &[
            "decreto_legge 30/2015 art. 8",
            "legge 61/2015",
            "decreto_legge 30/2015 art. 8",
            "decreto_legislativo 12/2014 art. 4",
        ],
    )]);
}

#[test]
fn in_particolare_with_other_prepositions_and_an_act_implemented() {
    check(&[
        (
            "l'ufficio è regolato dal D.Lgs. 30 marzo 2001, n. 165, che attua la legge 23 ottobre 1992, n. 421, in particolare dall'articolo 2.",
            &["legge 421/1992", "decreto_legislativo 165/2001 art. 2"],
        ),
        (
            "vista la legge 4 maggio 1990, n. 100, in attuazione della legge 2 marzo 1980, n. 20, e in particolare nell'articolo 3",
            &["legge 20/1980", "legge 100/1990 art. 3"],
        ),
    ]);
}

#[test]
fn a_bullet_after_a_colon_leaves_the_act_its_own_reference() {
    check(&[(
        "Visto il D.Lgs. 50/2016, e in particolare:- l'articolo 36, comma 2, del citato decreto;",
        &[
            "decreto_legislativo 50/2016",
            "decreto_legislativo 50/2016 art. 36 c. 2",
        ],
    )]);
}

#[test]
fn keywords_a_transcript_left_without_a_full_stop() {
    check(&[
        (
            "ai sensi del D.P.R , n. 45 e del D.P.R 3 marzo 1999, n. 88",
            &["dpr 45", "dpr 88/1999"],
        ),
        ("VISTA la L R. n. 9/2011;", &["legge_regionale 9/2011"]),
    ]);
}

/// Session 51's blind batch (rectoral decrees of two universities of the
/// South and the islands): a paragraph named only by its place ("ultimo
/// comma") between an article and its act or the next article, which has
/// no number to report; and a plural keyword's list whose later items print
/// only their number ("decreti ... 28 dicembre 1970, n. 1077 e n. 1079"),
/// acts of the same date.
#[test]
fn a_paragraph_named_by_its_place_between_article_and_act() {
    check(&[
        (
            "richiamato l'art. 97, ultimo comma della Costituzione;",
            &["costituzione 1947 art. 97"],
        ),
        (
            "ai sensi dell'articolo 12, penultimo comma, della legge 7 agosto 1990, n. 241",
            &["legge 241/1990 art. 12"],
        ),
        (
            "visti l'art. 9, ultimo comma, e l'art. 117 della Costituzione",
            &["costituzione 1947 art. 9", "costituzione 1947 art. 117"],
        ),
        // With its number the paragraph is read as before.
        (
            "visto l'art. 9, comma 2, e l'art. 117 della Costituzione",
            &[
                "costituzione 1947 art. 9 c. 2",
                "costituzione 1947 art. 117",
            ],
        ),
    ]);
}

#[test]
fn later_items_of_a_dated_plural_list_print_only_their_number() {
    check(&[
        (
            "visti i decreti del Presidente della Repubblica 12 marzo 1985, n. 104 e n. 105;",
            &["dpr 104/1985", "dpr 105/1985"],
        ),
        (
            "visti i decreti ministeriali 3 luglio 2003, n. 15, n. 16 e n. 17",
            &[
                "decreto_ministeriale 15/2003",
                "decreto_ministeriale 16/2003",
                "decreto_ministeriale 17/2003",
            ],
        ),
        // A list without a date keeps each item's own year.
        (
            "visti i decreti legislativi n. 33/2013 e n. 39/2013",
            &["decreto_legislativo 33/2013", "decreto_legislativo 39/2013"],
        ),
    ]);
}

/// A code's name in quotation marks between an article and the act in
/// brackets that it names: one reference, the article's.
#[test]
fn an_article_of_a_quoted_name_with_its_act_in_brackets() {
    check(&[
        (
            "visto l'art. 50, comma 1, lett. b) del “Codice dei contratti pubblici” (D.Lgs. 36/2023);",
            &["decreto_legislativo 36/2023 art. 50 c. 1 lett. b"],
        ),
        (
            "ai sensi dell'art. 7 del \"Codice della strada\" (D.Lgs. 30 aprile 1992, n. 285)",
            &["decreto_legislativo 285/1992 art. 7"],
        ),
        (
            "visto il «Codice dell'amministrazione digitale» (D.Lgs. 82/2005);",
            &["decreto_legislativo 82/2005"],
        ),
        // Without the marks, as before.
        (
            "visto l'art. 3 del Codice dell'amministrazione digitale (D.Lgs. 82/2005);",
            &["decreto_legislativo 82/2005 art. 3"],
        ),
    ]);
}
