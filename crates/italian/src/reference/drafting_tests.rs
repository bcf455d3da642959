//! Drafting habits that put words between a partition and its act: headings
//! in brackets after each article of a list, an act's title after a dash,
//! an article cited again with "citato" and no act.

use super::*;

fn briefs(text: &str, s: &RefSettings) -> Vec<String> {
    find_references(text, s)
        .into_iter()
        .map(|(_, r)| r.brief())
        .collect()
}

fn briefs0(text: &str) -> Vec<String> {
    briefs(text, &RefSettings::default())
}

#[test]
fn articles_with_their_headings_in_brackets_are_each_a_reference() {
    let text = "il D.Lgs. 31 marzo 2023, n. 36, ed in particolare gli artt. 1 (principi \
                generali), 17 (fasi delle procedure) e 50 (procedure per l'affidamento);";
    assert_eq!(
        briefs0(text),
        [
            "decreto_legislativo 36/2023 art. 1",
            "decreto_legislativo 36/2023 art. 17",
            "decreto_legislativo 36/2023 art. 50",
        ]
    );
    // One article with its heading, before its act.
    assert_eq!(
        briefs0("ai sensi dell'art. 183 (impegno di spesa) del D.Lgs. n. 267/2000"),
        ["decreto_legislativo 267/2000 art. 183"]
    );
    // A bracket with a number is not a heading.
    assert_eq!(
        briefs0("gli artt. 5 (allegato 2) della legge 241/1990"),
        ["legge 241/1990"]
    );
}

#[test]
fn a_partition_after_the_title_of_its_act_belongs_to_it() {
    let text = "la L. 6 novembre 2012, n. 190 – Disposizioni per la prevenzione e la \
                repressione della corruzione, art. 1, co. 32;";
    assert_eq!(briefs0(text), ["legge 190/2012 art. 1 c. 32"]);
    let text = "il D.Lgs. 18 agosto 2000, n. 267 - Testo unico delle leggi sull'ordinamento \
                degli enti locali, artt. 107 (funzioni dei dirigenti) e 183;";
    assert_eq!(
        briefs0(text),
        [
            "decreto_legislativo 267/2000 art. 107",
            "decreto_legislativo 267/2000 art. 183"
        ]
    );
    // An article that names its own act is not the titled act's.
    let text = "il D.Lgs. n. 33/2013 - Riordino della disciplina, art. 5 del regolamento comunale;";
    assert_eq!(briefs0(text), ["decreto_legislativo 33/2013"]);
}

#[test]
fn an_article_cited_again_takes_the_act_it_was_cited_with() {
    let text = "visto l'art. 17, comma 2, del D.Lgs. 36/2023; dato atto, ai sensi del citato \
                art. 17, che ...; visto il sopra citato articolo 17, comma 1;";
    assert_eq!(
        briefs0(text),
        [
            "decreto_legislativo 36/2023 art. 17 c. 2",
            "decreto_legislativo 36/2023 art. 17",
            "decreto_legislativo 36/2023 art. 17 c. 1",
        ]
    );
    assert_eq!(
        briefs0("l'art. 64-bis del D.Lgs. 82/2005; visto l'art. 64-bis cit.;"),
        [
            "decreto_legislativo 82/2005 art. 64-bis",
            "decreto_legislativo 82/2005 art. 64-bis"
        ]
    );
    // Cited again, then joined to another act's article: still its own act.
    let text = "l'art. 17 del D.Lgs. 36/2023; ai sensi del citato art. 17 e dell'art. 192 del TUEL";
    assert_eq!(
        briefs0(text),
        [
            "decreto_legislativo 36/2023 art. 17",
            "decreto_legislativo 36/2023 art. 17",
            "decreto_legislativo 267/2000 art. 192",
        ]
    );
    // Never cited before: no act to give it.
    assert!(briefs0("ai sensi del citato art. 12").is_empty());
}

#[test]
fn an_act_then_the_article_it_holds() {
    let text = "il Decreto Legislativo n. 18 del 27 gennaio 2012, all'art. 5 comma 4 prevede che";
    assert_eq!(briefs0(text), ["decreto_legislativo 18/2012 art. 5 c. 4"]);
    let text = "la legge n. 241/1990, all'articolo 2, comma 9-bis del regolamento";
    assert_eq!(briefs0(text), ["legge 241/1990"]);
}

#[test]
fn articles_joined_with_their_prepositions_share_the_act() {
    let text = "ai sensi dell'art. 4, comma 3 e dell'art. 13, comma 2, della legge 28 giugno \
                2016, n. 132;";
    assert_eq!(
        briefs0(text),
        ["legge 132/2016 art. 4 c. 3", "legge 132/2016 art. 13 c. 2"]
    );
}

#[test]
fn upper_case_dl_and_dm_are_decrees_when_numbered() {
    assert_eq!(
        briefs0("ai sensi dell'art. 6 del DL n. 80/2021"),
        ["decreto_legge 80/2021 art. 6"]
    );
    assert_eq!(briefs0("il DM 49/2018"), ["decreto_ministeriale 49/2018"]);
    assert!(briefs0("il DL ha firmato").is_empty());
}

#[test]
fn acts_in_the_other_forms_drafters_print() {
    // A number and its date with no "n.".
    assert_eq!(
        briefs0("il Codice approvato con DPR 62 del 16/4/2013"),
        ["dpr 62/2013"]
    );
    // The year glued to the "e" of "e ss.mm.ii." by the PDF.
    assert_eq!(
        briefs0("dell'art. 6-bis comma 5 del D.P.R. 380/01e ss.mm.ii."),
        ["dpr 380/2001 art. 6-bis c. 5"]
    );
    // The EU regulation called European.
    assert_eq!(
        briefs0("al regolamento europeo U.E. 2016/679. Di dare atto"),
        ["regolamento_ue 679/2016"]
    );
    assert_eq!(
        briefs0("il Regolamento europeo 2016/679 sulla protezione dei dati"),
        ["regolamento_ue 679/2016"]
    );
    assert!(briefs0("il regolamento europeo in materia di dati").is_empty());
    // A date is still a date.
    assert_eq!(
        briefs0("la legge 7 agosto 1990, n. 241"),
        ["legge 241/1990"]
    );
}

#[test]
fn a_back_reference_with_a_number_points_to_that_act() {
    let text = "il D.Lgs. n. 33/2013, come modificato dal D.Lgs. n. 97/2016; l'accesso \
                previsto dall'art. 5 co. 1 del citato decreto n. 33/2013";
    assert_eq!(
        briefs0(text),
        [
            "decreto_legislativo 33/2013",
            "decreto_legislativo 97/2016",
            "decreto_legislativo 33/2013 art. 5 c. 1",
        ]
    );
    // A number no earlier act has: nothing is guessed.
    let text = "il D.Lgs. n. 97/2016; l'art. 5 del citato decreto n. 12/2013";
    assert_eq!(briefs0(text), ["decreto_legislativo 97/2016"]);
}

#[test]
fn other_ways_of_saying_in_particular() {
    let text = "VISTO il decreto-legge 9 febbraio 2012, n. 5, convertito, con modificazioni, \
                dalla legge 4 aprile 2012, n. 35, recante \"Disposizioni urgenti\" e, in particolar \
                modo, l'articolo 47, concernente l'Agenda digitale;";
    assert_eq!(
        briefs0(text),
        ["legge 35/2012", "decreto_legge 5/2012 art. 47"]
    );
    let text = "visto il D.Lgs. 33/2013, con particolare riferimento all'art. 23;";
    assert_eq!(briefs0(text), ["decreto_legislativo 33/2013 art. 23"]);
}

#[test]
fn a_paragraph_written_as_an_ordinal_number() {
    for text in [
        "ai sensi dell'art. 134, 4° comma, del D.Lgs. 267/2000",
        "ai sensi dell'art. 134, comma 4°, del D.Lgs. 267/2000",
        "ai sensi dell'art. 134, quarto comma, del D.Lgs. 267/2000",
    ] {
        assert_eq!(
            briefs0(text),
            ["decreto_legislativo 267/2000 art. 134 c. 4"],
            "{text}"
        );
    }
}

#[test]
fn older_spellings_of_decreto_legislativo() {
    for text in [
        "D.L.vo 267/2000",
        "D.Lvo 267/2000",
        "D. L.gs. 267/2000",
        "D.lgs 267/00",
    ] {
        assert_eq!(briefs0(text), ["decreto_legislativo 267/2000"], "{text}");
    }
}

#[test]
fn a_partition_after_the_act_and_its_title_in_brackets() {
    assert_eq!(
        briefs0("Legge regionale 29 dicembre 2016, n. 25 (Legge di stabilità 2017), articolo 5, comma 27. Contributi"),
        ["legge_regionale 25/2016 art. 5 c. 27"]
    );
    // "che, all'articolo N": the article of the law just named.
    assert_eq!(
        briefs0("Vista la legge regionale 29 dicembre 2016, n. 24 (Legge collegata alla manovra di bilancio) che, all’articolo 5, comma 14, reca modifiche"),
        ["legge_regionale 24/2016 art. 5 c. 14"]
    );
}

#[test]
fn paragraphs_and_following_letters_without_dots_and_amended_acts() {
    assert_eq!(
        briefs0("Visto l'art. 23, comma 14 e seguenti, del decreto-legge 6 dicembre 2011, n. 201;"),
        ["decreto_legge 201/2011 art. 23 c. 14"]
    );
    assert_eq!(
        briefs0("REGOLAMENTO Art 36 comma 2 lett a) e b) DLgs n 50/2016 Linee Guida"),
        [
            "decreto_legislativo 50/2016 art. 36 c. 2 lett. a",
            "decreto_legislativo 50/2016 art. 36 c. 2 lett. b",
        ]
    );
    // The code's name after "smi" is the act just cited, not another.
    assert_eq!(
        briefs0("ai sensi dell art. 36 del D.Lgs. 50/2016 smi c.d. Codice dei contratti pubblici)"),
        ["decreto_legislativo 50/2016 art. 36"]
    );
}

#[test]
fn an_article_inside_a_quoted_provision_is_the_quoted_acts() {
    let text =
        "Preso atto che l'articolo 50 co.1 lett. b) del D.lgs. n. 36/2023 stabilisce quanto \
                segue: “Salvo quanto previsto dagli articoli 62 e 63, le stazioni appaltanti \
                procedono ... di importo inferiore alle soglie di cui all'articolo 14 con le \
                seguenti modalità”; visto l'art. 5 del regolamento comunale;";
    assert_eq!(
        briefs0(text),
        [
            "decreto_legislativo 36/2023 art. 50 c. 1 lett. b",
            "decreto_legislativo 36/2023 art. 62",
            "decreto_legislativo 36/2023 art. 63",
            "decreto_legislativo 36/2023 art. 14",
        ]
    );
    // A quotation with no act just before it gives nothing.
    assert!(briefs0("il progetto “Adeguamento di cui all'articolo 14”;").is_empty());
}

#[test]
fn in_particular_an_article_apart_or_with_its_paragraph_after_it() {
    assert_eq!(
        briefs0("Vista la legge regionale 16 luglio 2012, n. 12 («Assestamento») e in particolare:\n −− l’art. 10 comma 1 che dispone"),
        ["legge_regionale 12/2012", "legge_regionale 12/2012 art. 10 c. 1"]
    );
    assert_eq!(
        briefs0("VISTO il decreto legislativo 7 marzo 2005, n. 82, ed in particolare l’art. 5 concernente “Effettuazione di pagamenti” il quale, al comma 2, dispone che"),
        ["decreto_legislativo 82/2005 art. 5 c. 2"]
    );
}

#[test]
fn an_act_whose_title_is_in_guillemets_then_bulleted_articles() {
    assert_eq!(
        briefs0("• il d.lgs. n. 227/2001 «Orientamento e modernizzazione del settore forestale, a norma dell’articolo 7 della legge 5 marzo 2001, n. 57» che:\n • all’art. 12 (Ricerca, formazione e informazione) attribuisce"),
        [
            "decreto_legislativo 227/2001",
            "legge 57/2001 art. 7",
            "decreto_legislativo 227/2001 art. 12",
        ]
    );
}

#[test]
fn school_and_eu_forms_and_the_official_journal_series() {
    assert_eq!(
        briefs0("VISTO l’art. 33, comma 2°, del D.I. 44 del 1/2/2001; l’art. 34 del D.I 44/2001"),
        [
            "decreto_ministeriale 44/2001 art. 33 c. 2",
            "decreto_ministeriale 44/2001 art. 34",
        ]
    );
    assert_eq!(
        briefs0(
            "il regolamento di esecuzione ed attuazione del D.\n\nLgs. 12 aprile 2006, n° 163;"
        ),
        ["decreto_legislativo 163/2006"]
    );
    // The OJ's "L" series is not a law.
    assert_eq!(
        briefs0("VISTO il Regolamento della Commissione Europea n. 1251 del 30.11.2011, pubblicato sulla Gazzetta Ufficiale dell’Unione Europea L. 319/43 del 02/12/2011"),
        ["regolamento_ue 1251/2011"]
    );
    // A commission that is not the EU's makes no EU act.
    assert!(briefs0("il regolamento della Commissione di vigilanza n. 3 del 2010").is_empty());
}
