//! Citation forms as Italian drafters write them in acts of any body (legal
//! drafting conventions, not one body's template): each is read as a lawyer
//! reads it.

use super::*;

fn briefs0(text: &str) -> Vec<String> {
    find_references(text, &RefSettings::default())
        .into_iter()
        .map(|(_, r)| r.brief())
        .collect()
}

fn one(text: &str, want: &str) {
    assert_eq!(briefs0(text), [want], "{text}");
}

#[test]
fn each_level_of_a_list_hangs_from_the_last_item_above() {
    assert_eq!(
        briefs0("art. 1, commi 1 e 2, lett. a) e b) del D.Lgs. 267/2000"),
        [
            "decreto_legislativo 267/2000 art. 1 c. 1",
            "decreto_legislativo 267/2000 art. 1 c. 2 lett. a",
            "decreto_legislativo 267/2000 art. 1 c. 2 lett. b",
        ]
    );
    // After a singular "comma" the numbers that follow are articles.
    assert_eq!(
        briefs0("artt. 107, 147-bis, 151, comma 4, 183 e 184 del D.Lgs. 267/2000"),
        [
            "decreto_legislativo 267/2000 art. 107",
            "decreto_legislativo 267/2000 art. 147-bis",
            "decreto_legislativo 267/2000 art. 151 c. 4",
            "decreto_legislativo 267/2000 art. 183",
            "decreto_legislativo 267/2000 art. 184",
        ]
    );
    assert_eq!(
        briefs0("art. 163, commi 1, 3 e 5, del D.Lgs. 267/2000"),
        [
            "decreto_legislativo 267/2000 art. 163 c. 1",
            "decreto_legislativo 267/2000 art. 163 c. 3",
            "decreto_legislativo 267/2000 art. 163 c. 5",
        ]
    );
}

#[test]
fn numbers_points_and_periods_below_a_letter_are_passed_over() {
    one(
        "art. 3, c. 1, n. 2 del D.Lgs. 50/2016",
        "decreto_legislativo 50/2016 art. 3 c. 1",
    );
    one(
        "dell'art. 1, comma 1, lett. a), n. 3, del D.Lgs. 50/2016",
        "decreto_legislativo 50/2016 art. 1 c. 1 lett. a",
    );
    one(
        "art. 36, comma 2, lettera a), punto 2, del D.Lgs. 50/2016",
        "decreto_legislativo 50/2016 art. 36 c. 2 lett. a",
    );
    one(
        "art. 5, comma 1, primo periodo, del D.Lgs. 50/2016",
        "decreto_legislativo 50/2016 art. 5 c. 1",
    );
}

#[test]
fn latin_suffixes_in_every_spelling() {
    for t in [
        "art. 5-bis della L. 241/1990",
        "art. 5 bis della L. 241/1990",
        "art. 5/bis della L. 241/1990",
    ] {
        one(t, "legge 241/1990 art. 5-bis");
    }
}

#[test]
fn the_short_form_of_article_and_paragraph() {
    one(
        "ai sensi dell'art. 134/4 del D.lgs. n. 267/2000",
        "decreto_legislativo 267/2000 art. 134 c. 4",
    );
    one(
        "(art. 97.4a del T.U. n. 267/2000)",
        "decreto_legislativo 267/2000 art. 97 c. 4 lett. a",
    );
    // With no act after it, it may be a clause of a contract.
    assert!(briefs0("ai sensi dell'art. 4.2 del capitolato").is_empty());
}

#[test]
fn the_act_that_approved_a_testo_unico_owns_its_articles() {
    one(
        "art. 107 del T.U. approvato con D.Lgs. 18 agosto 2000, n. 267",
        "decreto_legislativo 267/2000 art. 107",
    );
    one(
        "art. 47 del testo unico approvato con D.P.R. 28 dicembre 2000, n. 445",
        "dpr 445/2000 art. 47",
    );
    one(
        "art. 2 del regolamento approvato con D.P.R. n. 207/2010",
        "dpr 207/2010 art. 2",
    );
}

#[test]
fn constitutional_laws_and_regional_regulations() {
    one("L. cost. 3/2001", "legge_costituzionale 3/2001");
    one(
        "legge costituzionale 18 ottobre 2001, n. 3",
        "legge_costituzionale 3/2001",
    );
    one(
        "il regolamento regionale 24 dicembre 2007, n. 5",
        "regolamento_regionale 5/2007",
    );
    one("r.r. n. 5/2007", "regolamento_regionale 5/2007");
    // A decree of the regional President is a regulation only with "/R".
    one(
        "il Decreto del Presidente della Giunta regionale 6 giugno 2011, n. 22/R",
        "regolamento_regionale 22/R/2011",
    );
    assert!(briefs0("con D.P.G.R. n. 45 del 3 marzo 2020 è stato nominato").is_empty());
}

#[test]
fn decrees_of_a_minister_named_by_the_ministry() {
    one(
        "il Decreto del Ministro dell'Interno del 24 dicembre 2024",
        "decreto_ministeriale 2024",
    );
    one(
        "il Decreto del Ministero dell'Interno adottato il 24/12/2024",
        "decreto_ministeriale 2024",
    );
    one(
        "decreto del Ministro dell'economia e delle finanze 13 marzo 2023, n. 7",
        "decreto_ministeriale 7/2023",
    );
    one("Decreto MEF 13 marzo 2023", "decreto_ministeriale 2023");
    one(
        "decreto interministeriale 1 giugno 2022, n. 224",
        "decreto_ministeriale 224/2022",
    );
    // No date or number after the ministry: no act to name.
    assert!(briefs0("con decreto del Ministro dell'Interno sono stati fissati").is_empty());
}

#[test]
fn numbers_and_spacing_as_typed_or_scanned() {
    for t in [
        "D.Lgs. n° 267/2000",
        "D.Lgs. nr. 267/2000",
        "D.Lgs. num. 267/2000",
        "D.Lgs. n.ro 267/2000",
        "D. Lgs . 267 / 2000",
        "D. Lgs. n . 267 / 2000",
        "D.Lgs.vo 267/2000",
        "D.lgs.267/2000",
    ] {
        one(t, "decreto_legislativo 267/2000");
    }
}

#[test]
fn words_cut_at_a_line_end_are_read_whole() {
    for t in [
        "art. 134, comma 4, de-\nl D.Lgs. 267/2000",
        "art. 134, comma 4, del de-\ncreto legislativo 18 agosto 2000, n. 267",
        "art. 134, comma 4, del D.Lgs. 18 ago-\nsto 2000, n. 267",
    ] {
        one(t, "decreto_legislativo 267/2000 art. 134 c. 4");
    }
    // The span and raw are the printed text's.
    let text = "visto l'art. 134, comma 4, del de-\ncreto legislativo 18 agosto 2000, n. 267;";
    let (range, r) = find_references(text, &RefSettings::default()).remove(0);
    assert_eq!(
        &text[range],
        "art. 134, comma 4, del de-\ncreto legislativo 18 agosto 2000, n. 267"
    );
    assert_eq!(
        r.raw,
        "art. 134, comma 4, del de- creto legislativo 18 agosto 2000, n. 267"
    );
}

#[test]
fn a_paragraph_of_the_article_just_cited() {
    assert_eq!(
        briefs0("il principio di cui all'art. 49 del d.lgs. 36/2023, ai sensi del comma 6 del medesimo, può"),
        [
            "decreto_legislativo 36/2023 art. 49",
            "decreto_legislativo 36/2023 art. 49 c. 6"
        ]
    );
    assert_eq!(
        briefs0("l'art. 5 del D.Lgs. 33/2013; il comma 2 dello stesso articolo prevede"),
        [
            "decreto_legislativo 33/2013 art. 5",
            "decreto_legislativo 33/2013 art. 5 c. 2"
        ]
    );
    // "del medesimo decreto" names the act, not the article.
    assert_eq!(
        briefs0("l'art. 5 del D.Lgs. 33/2013; il comma 2 del medesimo decreto n. 33/2013"),
        ["decreto_legislativo 33/2013 art. 5"]
    );
    // No article cited before: nothing is guessed.
    assert!(briefs0("ai sensi del comma 6 del medesimo").is_empty());
}

#[test]
fn articles_chained_with_from() {
    assert_eq!(
        briefs0("disciplinato dall'art. 5 co. 2 e dall'art. 5-bis del D.Lgs. 33/2013"),
        [
            "decreto_legislativo 33/2013 art. 5 c. 2",
            "decreto_legislativo 33/2013 art. 5-bis"
        ]
    );
}

#[test]
fn common_forms_that_already_read_right_stay_so() {
    for (t, want) in [
        (
            "articolo 36, comma 2, lettera a) del D. Lgs. n. 50 del 18.04.2016",
            "decreto_legislativo 50/2016 art. 36 c. 2 lett. a",
        ),
        ("D.Lgs. 18.08.2000, n. 267", "decreto_legislativo 267/2000"),
        ("d.lgs. n. 267 del 2000", "decreto_legislativo 267/2000"),
        ("L. 241/90", "legge 241/1990"),
        ("Legge 7 agosto 1990 n. 241 e s.m.i.", "legge 241/1990"),
        ("D.P.R. 28.12.2000 n. 445", "dpr 445/2000"),
        ("R.D. 2440/1923", "regio_decreto 2440/1923"),
        ("art. 117 Cost.", "costituzione 1947 art. 117"),
        ("Reg. (UE) 2016/679", "regolamento_ue 679/2016"),
        ("Direttiva 2014/24/UE", "direttiva_ue 24/2014"),
        ("legge di bilancio 2024 (L. 213/2023)", "legge 213/2023"),
        ("D.M. 14 gennaio 2008", "decreto_ministeriale 2008"),
        (
            "L.R. Calabria n. 24/2013",
            "legge_regionale 24/2013 regione.calabria",
        ),
        (
            "art. 183, comma 7, TUEL",
            "decreto_legislativo 267/2000 art. 183 c. 7",
        ),
        (
            "art. 147-bis TUEL",
            "decreto_legislativo 267/2000 art. 147-bis",
        ),
        (
            "art. 1 co. 130 della L. 145/18",
            "legge 145/2018 art. 1 c. 130",
        ),
        (
            "art. 31 della Legge Regionale n. 12 del 2005",
            "legge_regionale 12/2005 art. 31",
        ),
    ] {
        one(t, want);
    }
    assert_eq!(
        briefs0("art. 1 del D.L. 76/2020 conv. in L. 120/2020"),
        ["decreto_legge 76/2020 art. 1", "legge 120/2020"]
    );
    assert_eq!(
        briefs0("D.L. n. 77/2021, convertito, con modificazioni, dalla L. n. 108/2021"),
        ["decreto_legge 77/2021", "legge 108/2021"]
    );
}

#[test]
fn a_letter_before_its_paragraph_and_article() {
    one(
        "ai sensi della lettera b) del comma 1 dell'articolo 50 del D.Lgs. 36/2023",
        "decreto_legislativo 36/2023 art. 50 c. 1 lett. b",
    );
}

#[test]
fn sub_points_of_a_letter_are_passed_over() {
    assert_eq!(
        briefs0(
            "art. 1, comma 2, lettera a), della legge 120/2020, come modificato dall'art. 51, \
             comma 1, lettera a), sub. 2.1), del D.L. 77/2021"
        ),
        [
            "legge 120/2020 art. 1 c. 2 lett. a",
            "decreto_legge 77/2021 art. 51 c. 1 lett. a"
        ]
    );
    one(
        "art. 3, comma 1, lett. b), punto 2.1 del D.Lgs. 36/2023",
        "decreto_legislativo 36/2023 art. 3 c. 1 lett. b",
    );
}

#[test]
fn after_an_abbreviated_paragraph_in_a_list_of_articles_come_articles() {
    assert_eq!(
        briefs0("ai sensi degli artt. 151 co. 4 e 147 bis del D. Lgs. 267/2000"),
        [
            "decreto_legislativo 267/2000 art. 151 c. 4",
            "decreto_legislativo 267/2000 art. 147-bis"
        ]
    );
    // One article: its paragraphs.
    assert_eq!(
        briefs0("art. 5, co. 1 e 2, del D.Lgs. 33/2013"),
        [
            "decreto_legislativo 33/2013 art. 5 c. 1",
            "decreto_legislativo 33/2013 art. 5 c. 2"
        ]
    );
}

#[test]
fn a_number_and_its_year_with_no_number_keyword() {
    one("il D.Lgs. 50 del 2016", "decreto_legislativo 50/2016");
    one("il D.Lgs. n 50/2016", "decreto_legislativo 50/2016");
}

#[test]
fn eu_and_regional_keywords_in_other_spellings() {
    one("la direttiva UE 2019/1024", "direttiva_ue 1024/2019");
    assert!(briefs0("la direttiva n. 5/2020 del Ministro").is_empty());
    one("il Reg. reg. n. 1/2002", "regolamento_regionale 1/2002");
    one("la L. Reg. n. 11/2020", "legge_regionale 11/2020");
}

#[test]
fn the_same_contract_is_not_the_act_cited_before() {
    assert_eq!(
        briefs0("l'art. 5 del D.Lgs. 82/2005; l'art. 7.4 del medesimo Contratto Quadro dispone"),
        ["decreto_legislativo 82/2005 art. 5"]
    );
}

#[test]
fn a_paragraph_before_its_article_in_other_forms() {
    one(
        "ai sensi del 1° comma dell'art. 5 della L. 241/1990",
        "legge 241/1990 art. 5 c. 1",
    );
    one(
        "comma 450, art. 1, L. 296/2006",
        "legge 296/2006 art. 1 c. 450",
    );
    one(
        "lett. a), comma 2, art. 36 del D.Lgs. 50/2016",
        "decreto_legislativo 50/2016 art. 36 c. 2 lett. a",
    );
    // In a list that began with an article, "comma 2, art. 5" is not comma 2 of article 5.
    assert_eq!(
        briefs0("artt. 3, comma 2, art. 5 e art. 7 del D.Lgs. 33/2013"),
        [
            "decreto_legislativo 33/2013 art. 3 c. 2",
            "decreto_legislativo 33/2013 art. 5",
            "decreto_legislativo 33/2013 art. 7"
        ]
    );
}

#[test]
fn other_ways_of_saying_in_particular_the_article() {
    one(
        "visto il D.Lgs. 33/2013, in specie l'art. 23",
        "decreto_legislativo 33/2013 art. 23",
    );
    one(
        "visto il D.Lgs. 33/2013, con particolare riguardo all'art. 23",
        "decreto_legislativo 33/2013 art. 23",
    );
}

#[test]
fn suffixes_after_a_dash_and_paragraphs_in_roman_numerals() {
    one(
        "l'art. 111, c. 4–bis, del D.L. 17 marzo 2020, n. 18",
        "decreto_legge 18/2020 art. 111 c. 4-bis",
    );
    one(
        "ai sensi dell'art. 29 – decies comma 3 del d.lgs 152/06",
        "decreto_legislativo 152/2006 art. 29-decies c. 3",
    );
    one(
        "ai sensi del comma IV dell'art. 151 del D.lgs. n. 267/2000",
        "decreto_legislativo 267/2000 art. 151 c. 4",
    );
    one(
        "art. 151, comma IV, del D.lgs. n. 267/2000",
        "decreto_legislativo 267/2000 art. 151 c. 4",
    );
}

#[test]
fn articles_each_with_its_paragraph() {
    assert_eq!(
        briefs0("gli artt. 11, comma 3 e 18, comma 1, del d.lgs. 59/05"),
        [
            "decreto_legislativo 59/2005 art. 11 c. 3",
            "decreto_legislativo 59/2005 art. 18 c. 1"
        ]
    );
}

#[test]
fn zero_width_spaces_and_hyphenated_keywords() {
    one(
        "l'articolo 21, comma 1, del decreto legge \u{200B}26 ottobre 2019, n. 124",
        "decreto_legge 124/2019 art. 21 c. 1",
    );
    one(
        "art. 75 del d-l 17 marzo 2020, n. 18",
        "decreto_legge 18/2020 art. 75",
    );
    one(
        "DI CUI ALL'ART. 1, COMMA 2, DEL DECRETO LEGISLATIVO 30 MARZO 2001, N. 165",
        "decreto_legislativo 165/2001 art. 1 c. 2",
    );
}

#[test]
fn dates_and_numbers_in_looser_order() {
    // The Lombard bulletin's dash between date and number.
    one(
        "Legge regionale 18 aprile 2012 - n. 7",
        "legge_regionale 7/2012",
    );
    one(
        "decreto-legge n. 76, del 2020, come convertito",
        "decreto_legge 76/2020",
    );
    one("la legge n. 25 febbraio 2022, n. 15", "legge 15/2022");
    one("D.P.R. 12 aprile 96, n. 123", "dpr 123/1996");
    one(
        "L.R della Campania n. 10/1982",
        "legge_regionale 10/1982 regione.campania",
    );
    one(
        "D.m. Ambiente e Sanità 26/06/2000 n. 219",
        "decreto_ministeriale 219/2000",
    );
    assert!(briefs0("il D.M. Ambiente ha disposto che").is_empty());
}

#[test]
fn a_list_of_articles_after_a_comma_and_e() {
    assert_eq!(
        briefs0("visti gli articoli 48, comma 2, e 49 del D.Lgs. 267/2000"),
        [
            "decreto_legislativo 267/2000 art. 48 c. 2",
            "decreto_legislativo 267/2000 art. 49",
        ]
    );
}

#[test]
fn the_ordinal_after_comma_and_dashes_between_partitions() {
    one(
        "VISTO l’art. 100, comma secondo, della Costituzione;",
        "costituzione 1947 art. 100 c. 2",
    );
    one(
        "i pareri di cui all'art. 49 - Comma 1 - D.Lgs. 267 del 18.08.00:",
        "decreto_legislativo 267/2000 art. 49 c. 1",
    );
}

#[test]
fn keywords_and_dates_as_some_producers_print_them() {
    one(
        "alla Legge cost. 18 ottobre 2001, n. 3",
        "legge_costituzionale 3/2001",
    );
    one(
        "ai sensi del decreto-legislativo 18.4.2016, numero 50, articolo 36, comma 2, lettera a)",
        "decreto_legislativo 50/2016 art. 36 c. 2 lett. a",
    );
    one(
        "VISTO l’art. 58 della Legge n. 388 del 23dicembre 2000;",
        "legge 388/2000 art. 58",
    );
    one(
        "VISTO l'art. 50 del T.U.E.L. approvato con D.lgs 267\\2000;",
        "decreto_legislativo 267/2000 art. 50",
    );
}

#[test]
fn a_code_approved_by_an_act_is_that_act() {
    one(
        "VISTO l'art. 7 del vigente Codice della Strada approvato con D.lgs 30 aprile 1992, n. 285;",
        "decreto_legislativo 285/1992 art. 7",
    );
    assert_eq!(
        briefs0("RICHIAMATI il comma 4 dell'art. 6 ed il comma 1 dell'art. 7 del vigente C.d.S. approvato con D.lvo nr. 285\\92;"),
        [
            "decreto_legislativo 285/1992 art. 6 c. 4",
            "decreto_legislativo 285/1992 art. 7 c. 1",
        ]
    );
    // The code's name inside the name of the approved regulation is not cited.
    one(
        "a norma dell'art. 77 del regolamento di esecuzione del nuovo C.d.S. approvato con D.P.R. nr. 495\\92;",
        "dpr 495/1992 art. 77",
    );
    one(
        "Visto Testo Unico delle Leggi sull’Ordinamento degli Enti Locali, approvato con D.Lgs del 18/08/2000, n. 267;",
        "decreto_legislativo 267/2000",
    );
}

#[test]
fn in_particular_the_article_of_the_act_the_recital_is_about() {
    // Not of the act in its title, nor of the act that amended it.
    assert_eq!(
        briefs0("VISTA la legge 5 giugno 2003, n. 131, recante disposizioni per l’adeguamento dell’ordinamento della Repubblica alla legge costituzionale 18 ottobre 2001, n. 3, e in particolare l’articolo 7, comma 8;"),
        ["legge_costituzionale 3/2001", "legge 131/2003 art. 7 c. 8"]
    );
    assert_eq!(
        briefs0("Visto il Nuovo Codice della Strada, D.Lgs. n. 30/04/1992 n. 285, aggiornato dalla Legge 01 Agosto 2003, n. 214, ed in particolare l’art. 7;"),
        ["legge 214/2003", "decreto_legislativo 285/1992 art. 7"]
    );
}

#[test]
fn the_short_name_given_to_the_act_just_cited_is_that_act() {
    one(
        "il D.Lgs n. 50/2016 “Attuazione delle direttive sugli appalti pubblici” (di seguito anche denominato “Codice dei contratti pubblici”);",
        "decreto_legislativo 50/2016",
    );
}

#[test]
fn a_conversion_law_named_as_such_and_a_bulleted_in_particular() {
    assert_eq!(
        briefs0("il d.l. 4 giugno 2013, n. 63, convertito dalla legge di conversione 3 agosto 2013, n. 90"),
        ["decreto_legge 63/2013", "legge 90/2013"]
    );
}
