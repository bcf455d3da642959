//! Forms of regional, provincial and ministerial acts and of the links
//! between a partition and its act, as drafters of any body write them:
//! administrative acts of a Giunta, a director or a Consiglio provinciale
//! are read past but not reported (they are not among the canonical act
//! types); laws, regulations and decrees are.

use super::*;

fn briefs(text: &str) -> Vec<String> {
    find_references(text, &RefSettings::default())
        .into_iter()
        .map(|(_, r)| r.brief())
        .collect()
}

fn none(text: &str) {
    assert_eq!(briefs(text), Vec::<String>::new(), "{text}");
}

#[test]
fn deliberations_and_determinations_of_a_body_are_not_references() {
    none("vista la D.G.R. n. 321 del 14/02/2018 di approvazione del piano");
    none("richiamata la DGR 2345/2017 e i suoi allegati");
    none("con deliberazione della Giunta regionale 3 aprile 2018, n. 27, si approvava");
    none("con D.D. n. 77/2021 il dirigente ha impegnato la spesa");
    none("la determinazione dirigenziale n. G04567 del 2020 ha approvato l'avviso");
    none("vista la deliberazione del Consiglio provinciale n. 31 del 2019");
    none("con decreto deliberativo presidenziale n. 8 del 15/01/2021");
}

#[test]
fn regional_laws_and_regulations_in_their_usual_spellings() {
    assert_eq!(
        briefs("vista la L.R. 30 novembre 2017, n. 41;"),
        ["legge_regionale 41/2017"]
    );
    assert_eq!(
        briefs("ai sensi della l.r. n. 9/2003 e s.m.i."),
        ["legge_regionale 9/2003"]
    );
    assert_eq!(
        briefs("visto il R.R. n. 3/2005"),
        ["regolamento_regionale 3/2005"]
    );
    assert_eq!(
        briefs("visto il regolamento regionale 8 marzo 2011, n. 2"),
        ["regolamento_regionale 2/2011"]
    );
}

#[test]
fn decrees_cited_by_their_date_alone() {
    assert_eq!(briefs("visto il D.P.C.M. 3 novembre 2021"), ["dpcm 2021"]);
    assert_eq!(
        briefs("ai sensi del D.M. 17 gennaio 2018"),
        ["decreto_ministeriale 2018"]
    );
}

#[test]
fn articles_after_the_act_and_lists_of_paragraphs_and_letters() {
    assert_eq!(
        briefs("dichiarazione resa ai sensi del D.P.R. 445/2000 artt. 38 e 76"),
        ["dpr 445/2000 art. 38", "dpr 445/2000 art. 76"]
    );
    assert_eq!(
        briefs("art. 2, comma 3, lett. b), punto 4, del D.Lgs. 152/2006"),
        ["decreto_legislativo 152/2006 art. 2 c. 3 lett. b"]
    );
    assert_eq!(
        briefs("art. 6, commi 4 e 5, della legge 241/1990"),
        ["legge 241/1990 art. 6 c. 4", "legge 241/1990 art. 6 c. 5"]
    );
    assert_eq!(
        briefs("art. 2, comma 2, lettere c) e d) del D.L. 16 luglio 2020, n. 76"),
        [
            "decreto_legge 76/2020 art. 2 c. 2 lett. c",
            "decreto_legge 76/2020 art. 2 c. 2 lett. d"
        ]
    );
    assert_eq!(
        briefs("ai sensi degli artt. 7, 8 e 9 della L. 241/90"),
        [
            "legge 241/1990 art. 7",
            "legge 241/1990 art. 8",
            "legge 241/1990 art. 9"
        ]
    );
}

#[test]
fn back_references_to_the_act_or_article_just_cited() {
    assert_eq!(
        briefs("visto il D.Lgs. 33/2013 e in seguito l'art. 5 del medesimo decreto;"),
        [
            "decreto_legislativo 33/2013",
            "decreto_legislativo 33/2013 art. 5"
        ]
    );
    assert_eq!(
        briefs("visto il D.Lgs. 36/2023; visto l'art. 17 dello stesso D.Lgs.;"),
        [
            "decreto_legislativo 36/2023",
            "decreto_legislativo 36/2023 art. 17"
        ]
    );
    assert_eq!(
        briefs("visto l'art. 12 della legge 241/1990 e il comma 2 del citato art. 12"),
        ["legge 241/1990 art. 12", "legge 241/1990 art. 12 c. 2"]
    );
    assert_eq!(
        briefs("visto l'art. 14 del D.Lgs. 165/2001, e il comma 2 del predetto articolo"),
        [
            "decreto_legislativo 165/2001 art. 14",
            "decreto_legislativo 165/2001 art. 14 c. 2"
        ]
    );
}

#[test]
fn eu_acts_in_short_forms() {
    assert_eq!(
        briefs("ai sensi del Regolamento (UE) n. 651/2014"),
        ["regolamento_ue 651/2014"]
    );
    assert_eq!(
        briefs("in attuazione della Dir. 2008/98/CE"),
        ["direttiva_ue 98/2008"]
    );
}

#[test]
fn an_apostrophe_lost_in_the_transcript() {
    // Some converters drop the apostrophe: "l art.", "dell art.", "all art.".
    assert_eq!(
        briefs("vista la legge 7 agosto 1990, n. 241 e in particolare l art. 3, commi 1 e 2;"),
        ["legge 241/1990 art. 3 c. 1", "legge 241/1990 art. 3 c. 2"]
    );
    assert_eq!(
        briefs("ai sensi dell art. 5, comma 2, lett. c) e comma 4 della legge regionale 12 marzo 2015, n. 7"),
        [
            "legge_regionale 7/2015 art. 5 c. 2 lett. c",
            "legge_regionale 7/2015 art. 5 c. 4"
        ]
    );
    assert_eq!(
        briefs("visto il decreto-legge 6 luglio 2012, n. 95, recante disposizioni urgenti, ed in particolare: l art. 9, comma 1"),
        ["decreto_legge 95/2012 art. 9 c. 1"]
    );
}

#[test]
fn a_heading_on_the_next_line_is_not_the_acts_article() {
    // An index of a law: each line opens with the law's own article.
    assert_eq!(
        briefs("Art. 4 - Modifiche alla l.r. 10/2001\nArt. 5 - Abrogazioni\n"),
        ["legge_regionale 10/2001"]
    );
    assert_eq!(
        briefs("Art. 2 - Integrazione della l.r. 8/1999\nArt. 3 - Sostituzione dell'art. 6 della l.r. 8/1999"),
        ["legge_regionale 8/1999", "legge_regionale 8/1999 art. 6"]
    );
}

#[test]
fn further_articles_in_particular_of_the_same_recital() {
    assert_eq!(
        briefs("- la legge 8 novembre 2000, n. 328 e, in particolare, l'art. 8, che attribuisce le funzioni; gli artt. 19 e 20, che disciplinano il piano; l'art. 22 che definisce il sistema;\n- la DGR n. 5 del 2019;"),
        [
            "legge 328/2000 art. 8",
            "legge 328/2000 art. 19",
            "legge 328/2000 art. 20",
            "legge 328/2000 art. 22"
        ]
    );
}

#[test]
fn numbers_below_a_letter_in_a_list_of_letters() {
    assert_eq!(
        briefs(
            "art. 3, comma 1, lett. a) nn. 1 e 3, lett. c) ed f) del D.L. 19 maggio 2020, n. 34"
        ),
        [
            "decreto_legge 34/2020 art. 3 c. 1 lett. a",
            "decreto_legge 34/2020 art. 3 c. 1 lett. c",
            "decreto_legge 34/2020 art. 3 c. 1 lett. f"
        ]
    );
}

#[test]
fn a_text_that_opens_with_an_acts_heading_is_that_act() {
    assert_eq!(
        briefs("LEGGE REGIONALE 3 marzo 2010, n. 5\n\nNorme sul turismo. Modifiche alla legge regionale 2 aprile 2001, n. 7\n\nLegge regionale 3 marzo 2010, n. 5\n\nIl Consiglio regionale ha approvato\nIl Presidente della Giunta regionale promulga\nla seguente legge:\nArt. 1 (Finalità)\n1. La Regione promuove il turismo."),
        ["legge_regionale 7/2001"]
    );
    assert_eq!(
        briefs("D.P.R. 12.03.2019\nIL PRESIDENTE DELLA REPUBBLICA\nVisto l'articolo 87 della Costituzione;\nVisto il decreto legislativo 30 luglio 1999, n. 300;\nSulla proposta del Ministro per la pubblica amministrazione, sentito il Consiglio dei ministri;"),
        ["costituzione 1947 art. 87", "decreto_legislativo 300/1999"]
    );
    // Cited later in a text that opens otherwise, the act is a reference.
    assert_eq!(
        briefs("IL DIRIGENTE\nvista la legge regionale 3 marzo 2010, n. 5;"),
        ["legge_regionale 5/2010"]
    );
}

#[test]
fn a_joint_decree_of_two_ministers_by_its_date() {
    assert_eq!(
        briefs("visto il decreto del Ministro della salute, di concerto con il Ministro dell'economia e delle finanze, del 12 marzo 2019;"),
        ["decreto_ministeriale 2019"]
    );
    // Three ministries, each with a long name; and "decreto interministeriale
    // del Ministero ...". The decree is dated, not numbered.
    for t in [
        "Visto il decreto del Ministero delle Politiche Agricole Alimentari e Forestali, di concerto con il Ministero dei Beni e delle attività Culturali e il Ministero dell'Ambiente e della Tutela del Territorio e del Mare del 23 ottobre 2014 (Istituzione dell'elenco);",
        "Visto il decreto interministeriale del Ministero delle Politiche Agricole, di concerto con il Ministero dell'Ambiente, del 23 ottobre 2014;",
    ] {
        assert_eq!(briefs(t), ["decreto_ministeriale 2014"], "{t}");
    }
    // A ministry's name with no date or number after it names no decree.
    assert!(briefs("il decreto del Ministero delle Politiche Agricole e il Ministero dell'Ambiente hanno disposto").is_empty());
}

#[test]
fn a_month_broken_by_the_converter() {
    assert_eq!(
        briefs("ai sensi dell’articolo 4 del decreto legislativo 30 dicem bre 1992, n. 502"),
        ["decreto_legislativo 502/1992 art. 4"]
    );
}
