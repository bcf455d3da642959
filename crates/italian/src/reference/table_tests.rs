//! The tables of `rules/references.toml` at work: named acts chosen by the
//! document's date, regional issuers from the text or the body's region.

use chrono::NaiveDate;

use super::*;

fn briefs(text: &str, s: &RefSettings) -> Vec<String> {
    find_references(text, s)
        .into_iter()
        .map(|(_, r)| r.brief())
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn codice_dei_contratti_by_date() {
    let t = "ai sensi dell'art. 50 del Codice dei contratti pubblici";
    let at = |date| {
        briefs(
            t,
            &RefSettings {
                date,
                ..RefSettings::default()
            },
        )
    };
    assert_eq!(at(None), ["decreto_legislativo 36/2023 art. 50"]);
    assert_eq!(
        at(Some(day(2023, 7, 1))),
        ["decreto_legislativo 36/2023 art. 50"]
    );
    assert_eq!(
        at(Some(day(2023, 6, 30))),
        ["decreto_legislativo 50/2016 art. 50"]
    );
    assert_eq!(
        at(Some(day(2010, 1, 5))),
        ["decreto_legislativo 163/2006 art. 50"]
    );
}

#[test]
fn redate_reads_names_again_but_not_printed_acts() {
    let t = "art. 26 del Codice dei contratti; art. 3 del D.Lgs. 50/2016 (Codice dei contratti); art. 7 del D.Lgs. 36/2023 - codice dei contratti pubblici";
    let mut v: Vec<Reference> = find_references(t, &RefSettings::default())
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    redate(&mut v, &Lexicon::builtin(), day(2022, 3, 1));
    let got: Vec<String> = v.iter().map(Reference::brief).collect();
    assert_eq!(
        got,
        [
            "decreto_legislativo 50/2016 art. 26",
            "decreto_legislativo 50/2016 art. 3",
            "decreto_legislativo 36/2023 art. 7"
        ]
    );
    assert_eq!(
        v[0].urn.as_deref(),
        Some("urn:nir:stato:decreto.legislativo:2016-04-18;50~art26")
    );
}

#[test]
fn regional_issuer_from_text_body_or_nothing() {
    let none = RefSettings::default();
    // Named in the text, by name or adjective.
    assert_eq!(
        briefs("legge regionale della Sardegna 12 giugno 2006, n. 9", &none),
        ["legge_regionale 9/2006 regione.sardegna"]
    );
    assert_eq!(
        briefs("L.R. Calabria n. 24/2013", &none),
        ["legge_regionale 24/2013 regione.calabria"]
    );
    assert_eq!(
        briefs("l.r. Toscana 65/2014", &none),
        ["legge_regionale 65/2014 regione.toscana"]
    );
    assert_eq!(
        briefs("la legge regionale toscana n. 65/2014", &none),
        ["legge_regionale 65/2014 regione.toscana"]
    );
    // Not named: no issuer, no URN, never Lombardy by default.
    let v = find_references("art. 2 della l.r. n. 12/2005", &none);
    assert_eq!(v[0].1.issuer, None);
    assert_eq!(v[0].1.urn, None);
    // The body's region, unless the text names another.
    let lex = Lexicon::builtin();
    let head = "COMUNE DI SOVERATO\n(Provincia di Catanzaro)\nVia Roma 1 - 88068 Soverato (CZ)\n";
    let body = body_region(head, &lex);
    assert_eq!(body.as_deref(), Some("calabria"));
    let s = RefSettings {
        body_region: body,
        ..RefSettings::default()
    };
    assert_eq!(
        briefs("l.r. 12/2005 e legge regionale Lombardia n. 3/2008", &s),
        [
            "legge_regionale 12/2005 regione.calabria",
            "legge_regionale 3/2008 regione.lombardia"
        ]
    );
    // A region imposed by the rules wins over the body's.
    let s = RefSettings {
        region: Some("lombardia".into()),
        ..s
    };
    assert_eq!(
        briefs("l.r. 12/2005", &s),
        ["legge_regionale 12/2005 regione.lombardia"]
    );
}

#[test]
fn body_region_from_the_head() {
    let lex = Lexicon::builtin();
    let cases = [
        ("REGIONE LAZIO\nDeliberazione della Giunta", Some("lazio")),
        (
            "Regione Autonoma della Sardegna\nComune di Olbia",
            Some("sardegna"),
        ),
        (
            "PROVINCIA DI MONZA E DELLA BRIANZA\nDeterminazione",
            Some("lombardia"),
        ),
        ("Comune di Avella (AV)\nDetermina", Some("campania")),
        ("COMUNE DI LUCCA\nSettore Lavori pubblici", Some("toscana")),
        ("Città Metropolitana di Firenze", Some("toscana")),
        ("00185 Roma (RM)", Some("lazio")),
        // "(UE)" and "(CE)" after a regulation are no province codes.
        ("Regolamento (CE) n. 1907/2006\nDeterminazione", None),
        ("Comune di Pieve Emanuele\nDeterminazione", None),
        // A place's name is at most 41 characters; a longer run of words
        // before a code is no place, but a place within it still is.
        (
            "Comune di Alfa Beta Gamma Delta Epsilon Zeta Eta Theta Iota (CZ)",
            None,
        ),
        (
            "comune di Alfa Beta Gamma Delta Epsilon Zeta Eta Theta Iota comune di Soverato (CZ)",
            Some("calabria"),
        ),
    ];
    for (head, want) in cases {
        assert_eq!(body_region(head, &lex).as_deref(), want, "{head}");
    }
}

#[test]
fn builtin_table_is_sound() {
    let t = RefTable::builtin();
    assert!(t.named.len() >= 40, "{}", t.named.len());
    let codes: usize = t.region.iter().map(|r| r.provinces.len()).sum();
    // 107 provinces today and the four Sardinian codes of 2005-2016.
    assert_eq!((t.region.len(), codes), (20, 111));
    let tuel = t
        .named
        .iter()
        .find(|a| a.id == "references.named.tuel")
        .unwrap();
    assert_eq!(
        (
            tuel.act.act_type.as_str(),
            tuel.act.number.as_str(),
            tuel.act.date
        ),
        ("decreto_legislativo", "267", day(2000, 8, 18))
    );
}

fn brief(text: &str) -> Vec<String> {
    briefs(text, &RefSettings::default())
}

#[test]
fn lists_of_acts_after_a_plural_keyword() {
    assert_eq!(
        brief("recante attuazione delle direttive 2014/23/UE, 2014/24/UE e 2014/25/UE sull'aggiudicazione"),
        ["direttiva_ue 23/2014", "direttiva_ue 24/2014", "direttiva_ue 25/2014"]
    );
    assert_eq!(
        brief("i decreti del Presidente del Consiglio dei ministri del 31 maggio 2017, del 21 febbraio 2019 e del 17 luglio 2020;"),
        ["dpcm 2017", "dpcm 2019", "dpcm 2020"]
    );
    assert_eq!(
        brief("le leggi regionali n. 12/2005 e n. 31/2008 della Lombardia"),
        [
            "legge_regionale 12/2005",
            "legge_regionale 31/2008 regione.lombardia"
        ]
    );
    // A singular keyword takes one act.
    assert_eq!(brief("la legge n. 241/1990 e 15/2005"), ["legge 241/1990"]);
}

#[test]
fn general_forms_of_citation() {
    // Elided "dell'" before a date.
    assert_eq!(
        brief("decreto del Presidente del Consiglio dei Ministri dell'8 gennaio 2014"),
        ["dpcm 2014"]
    );
    // The tail of a longer dotted abbreviation is no keyword.
    assert!(brief("C.C.N.L. Funzioni Locali 2022/2024 e C.C.N.L. 2019/2021").is_empty());
    // A paragraph and its letter before the article.
    assert_eq!(
        brief("ai sensi del comma 2 lett. a) dell'Art.1 della Legge n°120 del 2020"),
        ["legge 120/2020 art. 1 c. 2 lett. a"]
    );
    // A letter in quotes; long Latin suffixes.
    assert_eq!(
        brief("della legge 26 ottobre 1995, n. 447, ed, in particolare, l'articolo 3, comma 1, lettera “m-bis)” che"),
        ["legge 447/1995 art. 3 c. 1 lett. m-bis"]
    );
    assert_eq!(
        brief("art. 2, comma 1, lettera l-tricies) del d.lgs. 192/2005"),
        ["decreto_legislativo 192/2005 art. 2 c. 1 lett. l-tricies"]
    );
    // "ed in particolare il comma 5" names the article's paragraph.
    assert_eq!(
        brief("sostituisce l'art. 54 del decreto legislativo numero 165/2001, ed in particolare il comma 5, che dispone"),
        ["decreto_legislativo 165/2001 art. 54 c. 5"]
    );
    // A zero-width space between "del" and the act.
    assert_eq!(
        brief("VISTO l'art. 32, comma 2, del \u{200B}D.Lgs. 50/2016 secondo il quale"),
        ["decreto_legislativo 50/2016 art. 32 c. 2"]
    );
    // A title after "recante" naming the act just cited is the same act.
    assert_eq!(
        brief("il decreto legislativo 7 marzo 2005, n. 82, recante “Codice dell'amministrazione digitale”, e successive modifiche"),
        ["decreto_legislativo 82/2005"]
    );
    assert_eq!(
        brief("al Codice dell'amministrazione digitale, di cui al decreto legislativo 7 marzo 2005, n. 82, ai sensi"),
        ["decreto_legislativo 82/2005"]
    );
}

#[test]
fn a_named_act_whose_pattern_fails_is_named_in_the_error() {
    let mut t = RefTable::builtin();
    let mut bad = t.named[0].clone();
    bad.id = "my-broken-name".into();
    bad.patterns = vec!["codice (della strada".into()];
    t.named.push(bad);
    let err = Lexicon::new(t).expect_err("an unclosed group cannot compile");
    assert!(
        err.starts_with("my-broken-name: pattern `codice (della strada`"),
        "{err}"
    );
}
