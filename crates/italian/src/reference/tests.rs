use super::*;

fn refs(text: &str) -> Vec<(String, Reference)> {
    refs_in(text, &RefSettings::default())
}

fn refs_in(text: &str, s: &RefSettings) -> Vec<(String, Reference)> {
    find_references(text, s)
        .into_iter()
        .map(|(r, x)| (text[r].to_string(), x))
        .collect()
}

fn one(text: &str) -> Reference {
    let v = refs(text);
    assert_eq!(v.len(), 1, "{text:?}: {v:#?}");
    assert_eq!(v[0].0, text.trim(), "span of {text:?}");
    v[0].1.clone()
}

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn a_reference_wrapped_over_lines_has_one_line_raw_and_its_true_span() {
    let text = "ai sensi dell'art. 134, comma 4, del D.Lgs. 18 agosto\n2000, n. 267.";
    let v = find_references(text, &RefSettings::default());
    assert_eq!(v.len(), 1, "{v:#?}");
    let (range, r) = &v[0];
    assert_eq!(
        r.raw,
        "art. 134, comma 4, del D.Lgs. 18 agosto 2000, n. 267"
    );
    assert_eq!(
        &text[range.clone()],
        "art. 134, comma 4, del D.Lgs. 18 agosto\n2000, n. 267"
    );
    assert_eq!(
        (r.article.as_deref(), r.number.as_deref()),
        (Some("134"), Some("267"))
    );
}

#[test]
fn article_of_regional_law() {
    let r = one("art. 18, co. 10, della L.R. 3/2008");
    assert_eq!(r.act_type, s("legge_regionale"));
    assert_eq!((r.number, r.year), (s("3"), Some(2008)));
    assert_eq!((r.article, r.paragraph), (s("18"), s("10")));
    assert_eq!(r.issuer, None);
    assert_eq!(r.urn, None);
    let v = refs_in(
        "art. 18, co. 10, della L.R. 3/2008",
        &RefSettings {
            region: s("lombardia"),
            ..RefSettings::default()
        },
    );
    assert_eq!(v[0].1.issuer, s("regione.lombardia"));
    assert_eq!(
        v[0].1.urn,
        s("urn:nir:regione.lombardia:legge:2008;3~art18-com10")
    );
}

#[test]
fn regional_law_with_date() {
    let r = one("legge regionale 11 agosto 2015, n. 23");
    assert_eq!(r.act_type, s("legge_regionale"));
    assert_eq!(
        (r.number, r.year, r.date),
        (s("23"), Some(2015), d(2015, 8, 11))
    );
    let r = one("legge regionale Lombardia 11 agosto 2015, n. 23");
    assert_eq!(r.issuer, s("regione.lombardia"));
    assert_eq!(r.urn, s("urn:nir:regione.lombardia:legge:2015-08-11;23"));
    let r = one("l.r. 12/2005 della Regione Lombardia");
    assert_eq!(r.issuer, s("regione.lombardia"));
    let r = one("legge regionale n. 12/2005 (Lombardia)");
    assert_eq!(r.urn, s("urn:nir:regione.lombardia:legge:2005;12"));
    let r = one("legge 12/2005 della Regione Veneto");
    assert_eq!(
        (r.act_type, r.issuer),
        (s("legge_regionale"), s("regione.veneto"))
    );
    let v = refs_in(
        "L.R. 12/2005 della Regione Veneto",
        &RefSettings {
            region: s("lombardia"),
            ..RefSettings::default()
        },
    );
    assert_eq!(v[0].1.issuer, s("regione.veneto"));
    let r = one("legge della Regione Emilia-Romagna 21 dicembre 2017, n. 24");
    assert_eq!(r.act_type, s("legge_regionale"));
    assert_eq!(r.issuer, s("regione.emilia.romagna"));
}

#[test]
fn article_comma_of_dlgs() {
    let r = one("art. 134, comma 4, del D.Lgs. 18 agosto 2000, n. 267");
    assert_eq!(r.act_type, s("decreto_legislativo"));
    assert_eq!(
        (r.number, r.year, r.date),
        (s("267"), Some(2000), d(2000, 8, 18))
    );
    assert_eq!((r.article, r.paragraph, r.letter), (s("134"), s("4"), None));
    assert_eq!(r.issuer, s("stato"));
    assert_eq!(
        r.urn,
        s("urn:nir:stato:decreto.legislativo:2000-08-18;267~art134-com4")
    );
}

#[test]
fn number_over_year() {
    let r = one("D.Lgs. n. 267/2000");
    assert_eq!(
        (r.act_type, r.number, r.year, r.date),
        (s("decreto_legislativo"), s("267"), Some(2000), None)
    );
    assert_eq!(r.urn, s("urn:nir:stato:decreto.legislativo:2000;267"));
    let r = one("d.lgs. 50/2016");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("decreto_legislativo"), s("50"), Some(2016))
    );
    let r = one("L. 328/2000");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("legge"), s("328"), Some(2000))
    );
    let r = one("l.r. 34/78");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("legge_regionale"), s("34"), Some(1978))
    );
    let r = one("decreto legislativo n. 82 del 2005");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("decreto_legislativo"), s("82"), Some(2005))
    );
}

#[test]
fn testo_unico() {
    let r = one("T.U. n. 267/2000");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("decreto_legislativo"), s("267"), Some(2000))
    );
    assert_eq!(r.urn, s("urn:nir:stato:decreto.legislativo:2000-08-18;267"));
    for t in ["TUEL", "T.U.E.L."] {
        let r = one(t);
        assert_eq!(
            (r.act_type, r.number, r.year, r.date),
            (
                s("decreto_legislativo"),
                s("267"),
                Some(2000),
                d(2000, 8, 18)
            )
        );
    }
    let r = one("art. 107 del TUEL");
    assert_eq!(r.article, s("107"));
    assert_eq!(
        r.urn,
        s("urn:nir:stato:decreto.legislativo:2000-08-18;267~art107")
    );
    let r = one("T.U. n. 999/2001");
    assert_eq!(r.urn, None);
}

#[test]
fn dpr_and_others() {
    let r = one("D.P.R. 28 dicembre 2000, n. 445");
    assert_eq!(
        (r.act_type, r.number, r.date),
        (s("dpr"), s("445"), d(2000, 12, 28))
    );
    assert_eq!(
        r.urn,
        s("urn:nir:stato:decreto.del.presidente.della.repubblica:2000-12-28;445")
    );
    let r = one("decreto del Presidente della Repubblica 28 dicembre 2000, n. 445");
    assert_eq!(r.act_type, s("dpr"));
    let r = one("D.L. 69/2013");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("decreto_legge"), s("69"), Some(2013))
    );
    let r = one("decreto-legge 22 giugno 2012, n. 83");
    assert_eq!((r.act_type, r.date), (s("decreto_legge"), d(2012, 6, 22)));
    assert_eq!(r.urn, s("urn:nir:stato:decreto.legge:2012-06-22;83"));
}

#[test]
fn dpcm_and_dm() {
    let r = one("DPCM n. 5/2020");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("dpcm"), s("5"), Some(2020))
    );
    let r = one("D.P.C.M. 22 febbraio 2013, n. 12");
    assert_eq!(r.act_type, s("dpcm"));
    assert_eq!(
        r.urn,
        s("urn:nir:stato:decreto.del.presidente.del.consiglio.dei.ministri:2013-02-22;12")
    );
    let r = one("D.M. 14 marzo 2022, n. 45");
    assert_eq!(
        (r.act_type, r.number, r.date),
        (s("decreto_ministeriale"), s("45"), d(2022, 3, 14))
    );
    assert_eq!((r.issuer, r.urn), (None, None));
}

#[test]
fn letters() {
    // With no act in reach a partition is not a reference (precision first).
    assert!(refs("art. 6, co. 6, lett. f)").is_empty());
    let r = one("art. 6, co. 6, lett. f) della legge regionale 11 agosto 2015, n. 23");
    assert_eq!(r.act_type, s("legge_regionale"));
    assert_eq!((r.article, r.paragraph, r.letter), (s("6"), s("6"), s("f")));
    assert_eq!((r.number, r.date), (s("23"), d(2015, 8, 11)));
}

#[test]
fn regional_deliberation_is_read_not_reported() {
    // A Giunta's deliberation is an administrative act: its text is taken,
    // so that nothing in it is read as another act, and it is not reported.
    for t in [
        "d.g.r. n. IX/1155 del 29 dicembre 2010",
        "D.G.R. 29 dicembre 2010, n. IX/1155",
        "deliberazione della Giunta regionale n. 1234/2015",
        "DGR Lombardia n. X/1219 del 17/01/2014",
    ] {
        assert!(refs(t).is_empty(), "{t}: {:#?}", refs(t));
    }
    let v = refs("d.g.r. n. 1155 del 29 dicembre 2010 e art. 3 della l. 241/1990");
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].1.brief(), "legge 241/1990 art. 3");
}

#[test]
fn legge_number_then_date() {
    let r = one("Legge n. 241 del 7 agosto 1990");
    assert_eq!(
        (r.act_type, r.number, r.date),
        (s("legge"), s("241"), d(1990, 8, 7))
    );
    assert_eq!(r.urn, s("urn:nir:stato:legge:1990-08-07;241"));
    let r = one("art. 3 della legge 7 agosto 1990, n. 241");
    assert_eq!(r.urn, s("urn:nir:stato:legge:1990-08-07;241~art3"));
}

#[test]
fn suffixes_and_articolo() {
    let r = one("articolo 5-bis, comma 1-bis, del Decreto Legislativo 30 marzo 2001, n. 165");
    assert_eq!((r.article, r.paragraph), (s("5-bis"), s("1-bis")));
    assert_eq!(
        r.urn,
        s("urn:nir:stato:decreto.legislativo:2001-03-30;165~art5bis-com1bis")
    );
    let r = one("art. 5 bis della L. 241/1990");
    assert_eq!(r.article, s("5-bis"));
}

#[test]
fn lists_give_one_reference_per_item() {
    let v = refs("artt. 16 e 17 della L. 241/1990");
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(v[0].0, "artt. 16");
    assert_eq!(v[1].0, "17 della L. 241/1990");
    assert_eq!(v[0].1.article, s("16"));
    assert_eq!(v[1].1.article, s("17"));
    assert!(v
        .iter()
        .all(|(_, r)| r.number == s("241") && r.year == Some(1990)));
    let v = refs("articolo 26 comma 2, lettere a), e) e h), della legge 27 dicembre 2002, n. 289");
    let lets: Vec<_> = v.iter().map(|(_, r)| r.letter.clone().unwrap()).collect();
    assert_eq!(lets, ["a", "e", "h"]);
}

#[test]
fn mixed_lists() {
    let v = refs("articoli 76, 87 e 117, secondo comma, lettera r), della Costituzione");
    let got: Vec<_> = v
        .iter()
        .map(|(t, r)| {
            (
                t.as_str(),
                r.article.clone(),
                r.paragraph.clone(),
                r.letter.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("articoli 76", s("76"), None, None),
            ("87", s("87"), None, None),
            (
                "117, secondo comma, lettera r), della Costituzione",
                s("117"),
                s("2"),
                s("r")
            ),
        ]
    );
    assert!(v.iter().all(|(_, r)| r.act_type == s("costituzione")));
    let v = refs("art. 49, comma 1 e 147 bis del D.lgs. 267/2000");
    let got: Vec<_> = v
        .iter()
        .map(|(_, r)| (r.article.clone(), r.paragraph.clone(), r.number.clone()))
        .collect();
    assert_eq!(
        got,
        [(s("49"), s("1"), s("267")), (s("147-bis"), None, s("267"))]
    );
    let v = refs("art. 107, commi 2 e 3, del TUEL");
    let got: Vec<_> = v
        .iter()
        .map(|(_, r)| (r.article.clone(), r.paragraph.clone()))
        .collect();
    assert_eq!(got, [(s("107"), s("2")), (s("107"), s("3"))]);
}

#[test]
fn bare_numbers_need_an_act() {
    let v = refs("dagli artt. 9, terzo comma, della legge 17 febbraio 1968, n. 108 e 2, comma 6, del decreto legislativo 7 marzo 2005, n. 82");
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(
        v[1].0,
        "2, comma 6, del decreto legislativo 7 marzo 2005, n. 82"
    );
    assert_eq!(
        (v[1].1.article.clone(), v[1].1.paragraph.clone()),
        (s("2"), s("6"))
    );
    assert_eq!(
        (v[0].1.article.clone(), v[0].1.paragraph.clone()),
        (s("9"), s("3"))
    );
    assert!(refs("pagine 2, comma e virgola; 36, commi 1").is_empty());
    let r = &refs("articolo 1350, primo comma, numeri da 1 a 12, del codice civile")[0].1;
    assert_eq!(
        (r.act_type.clone(), r.article.clone(), r.paragraph.clone()),
        (s("regio_decreto"), s("1350"), s("1"))
    );
    assert_eq!(
        r.urn,
        s("urn:nir:stato:regio.decreto:1942-03-16;262~art1350-com1")
    );
}

#[test]
fn locators_joined_by_e_share_the_act() {
    let v = refs("articoli 117, quinto comma, e 120, secondo comma, della Costituzione");
    let got: Vec<_> = v
        .iter()
        .map(|(t, r)| {
            (
                t.as_str(),
                r.act_type.clone(),
                r.article.clone(),
                r.paragraph.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "articoli 117, quinto comma",
                s("costituzione"),
                s("117"),
                s("5")
            ),
            (
                "120, secondo comma, della Costituzione",
                s("costituzione"),
                s("120"),
                s("2")
            ),
        ]
    );
    let v = refs("art. 5, comma 2, e art. 7 del D.Lgs. 33/2013");
    assert_eq!(v.len(), 2);
    assert!(v.iter().all(|(_, r)| r.number == s("33")), "{v:#?}");
    assert_eq!(v[0].0, "art. 5, comma 2");
    let v = refs("art. 5 del presente regolamento e art. 7 del D.Lgs. 33/2013");
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(
        (v[0].1.article.clone(), v[0].1.number.clone()),
        (s("7"), s("33"))
    );
}

#[test]
fn named_acts() {
    let r = one("art. 2043 c.c.");
    assert_eq!((r.act_type, r.article), (s("regio_decreto"), s("2043")));
    assert!(refs("versamento sul c.c. postale n. 123").is_empty());
    let r = one("GDPR");
    assert_eq!(
        (r.act_type, r.number, r.year, r.issuer),
        (
            s("regolamento_ue"),
            s("679"),
            Some(2016),
            s("unione.europea")
        )
    );
    let r = one("art. 13 del Codice dell'amministrazione digitale");
    assert_eq!(
        r.urn,
        s("urn:nir:stato:decreto.legislativo:2005-03-07;82~art13")
    );
    let r =
        one("articolo 54, comma 3, del testo unico delle leggi sull'ordinamento degli enti locali");
    assert_eq!(
        (r.act_type, r.number, r.article),
        (s("decreto_legislativo"), s("267"), s("54"))
    );
}

#[test]
fn taken_ranges() {
    let mut t = Taken::default();
    t.insert(10..20);
    t.insert(30..40);
    assert!(!t.overlaps(&(0..10)) && !t.overlaps(&(20..30)) && !t.overlaps(&(40..50)));
    assert!(t.overlaps(&(19..21)) && t.overlaps(&(0..100)) && t.overlaps(&(35..36)));
    t.insert(15..35);
    assert!(t.overlaps(&(22..23)));
    assert_eq!(t.0.len(), 1);
}

#[test]
fn does_not_panic_on_odd_text() {
    for t in [
        "",
        "art.",
        "L.",
        "L. n. /",
        "°°° 1° à è",
        "art. 5-",
        "d.g.r. n.",
        "legge regionale",
        "artt. 1, e",
        "Costituzione, art.",
        "comma 1 dell'articolo",
        "(UE) 2016/",
        "àrt. 5 déllà L. 241/1990 ÈÈ",
    ] {
        let _ = refs(t);
        let _ = crate::date_scan::find_dates(t);
    }
    // Every char boundary of a dense text.
    let t = "Visto l'art. 107, commi 2 e 3, del D.Lgs. 18 agosto 2000, n. 267 (TUEL); l'anno duemilaventitré, il giorno sedici del mese di giugno; d.g.r. n. IX/1155 del 29/12/2010 — è.";
    for (i, _) in t.char_indices() {
        let _ = refs(&t[i..]);
        let _ = refs(&t[..i]);
        let _ = crate::date_scan::find_dates(&t[i..]);
        let _ = crate::date_scan::find_dates(&t[..i]);
    }
}

#[test]
fn eu_acts() {
    let r = one("Regolamento (UE) 2016/679");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("regolamento_ue"), s("679"), Some(2016))
    );
    assert_eq!(r.urn, s("urn:nir:unione.europea:regolamento:2016;679"));
    let r = one("Direttiva 2014/24/UE");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("direttiva_ue"), s("24"), Some(2014))
    );
    let r = one("direttiva 98/34/CE");
    assert_eq!((r.number, r.year), (s("34"), Some(1998)));
    let r = one("Regolamento (CE) n. 1907/2006");
    assert_eq!((r.number, r.year), (s("1907"), Some(2006)));
    let r = one("Regolamento (UE) n. 2016/679");
    assert_eq!((r.number, r.year), (s("679"), Some(2016)));
    let r = one("regolamento (CE) n. 45/2001");
    assert_eq!((r.number, r.year), (s("45"), Some(2001)));
    let r = one("Direttiva (UE) 2019/1024");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("direttiva_ue"), s("1024"), Some(2019))
    );
    assert!(refs("la direttiva n. 5/2020 del Ministro").is_empty());
}

#[test]
fn constitution() {
    for t in ["art. 97 della Costituzione", "Costituzione, art. 97"] {
        let r = one(t);
        assert_eq!((r.act_type, r.article), (s("costituzione"), s("97")), "{t}");
        assert_eq!(r.urn, s("urn:nir:stato:costituzione:1947-12-27~art97"));
    }
    assert!(refs("la costituzione del fondo e la Costituzione").is_empty());
    let r = one("articolo 117, secondo comma, lettera r), della Costituzione");
    assert_eq!(
        (r.article, r.paragraph, r.letter),
        (s("117"), s("2"), s("r"))
    );
}

#[test]
fn numbered_points_stay_in_the_locator() {
    let r = one("art. 1, comma 2, lettera a), n. 1), del decreto-legge 6 maggio 2021, n. 59");
    assert_eq!(
        (r.article, r.paragraph, r.letter, r.number),
        (s("1"), s("2"), s("a"), s("59"))
    );
}

#[test]
fn inverted_locator() {
    let r = one("comma 1 dell'articolo 14 del decreto legislativo 30 marzo 2001, n. 165");
    assert_eq!(
        (r.article, r.paragraph, r.number),
        (s("14"), s("1"), s("165"))
    );
    let r = one("quinto comma dell'articolo 1 della legge 24 dicembre 1954, n. 1228");
    assert_eq!((r.article, r.paragraph), (s("1"), s("5")));
}

#[test]
fn in_running_text() {
    let t = "Visti l'art. 107 del D.Lgs. n. 267/2000 e la L. 241/1990; richiamato l'art. 6, co. 6, lett. f) e la legge n. 190 del 2012.";
    let v = refs(t);
    let spans: Vec<&str> = v.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        spans,
        [
            "art. 107 del D.Lgs. n. 267/2000",
            "L. 241/1990",
            "legge n. 190 del 2012"
        ]
    );
    assert!(refs("la legge e il decreto; L'anno 2020 alle ore 10").is_empty());
}

#[test]
fn uppercase() {
    let r = one("D.LGS. 26 AGOSTO 2016, N. 179");
    assert_eq!(
        (r.act_type, r.number, r.date),
        (s("decreto_legislativo"), s("179"), d(2016, 8, 26))
    );
}

#[test]
fn partitions_reach_their_act_across_what_lawyers_put_between() {
    let v =
        refs("l'art. 107 commi da 1 a 6 del decreto legislativo 18 agosto 2000, n. 267, recante");
    let pars: Vec<_> = v
        .iter()
        .map(|(_, r)| r.paragraph.clone().unwrap_or_default())
        .collect();
    assert_eq!(pars, ["1", "2", "3", "4", "5", "6"]);
    assert!(v
        .iter()
        .all(|(_, r)| r.act_type == s("decreto_legislativo") && r.number == s("267")));
    let r = one("art. 18, comma 1, secondo periodo, del D. lgs. n. 36/2023");
    assert_eq!(
        (r.article, r.paragraph, r.number),
        (s("18"), s("1"), s("36"))
    );
    let r = one("art. 134, comma 4, de-\nl D.Lgs. 267/2000");
    assert_eq!(
        (r.article, r.paragraph, r.number),
        (s("134"), s("4"), s("267"))
    );
}

#[test]
fn ranges_of_articles_and_letters() {
    let v = refs("artt. da 182 a 185 del D.Lgs. 267/2000");
    let arts: Vec<_> = v
        .iter()
        .map(|(_, r)| r.article.clone().unwrap_or_default())
        .collect();
    assert_eq!(arts, ["182", "183", "184", "185"]);
    let v = refs("art. 53, comma 6, lettere da a) ad f-bis) del D.Lgs. 165/2001");
    let lets: Vec<_> = v
        .iter()
        .map(|(_, r)| r.letter.clone().unwrap_or_default())
        .collect();
    assert_eq!(lets, ["a", "b", "c", "d", "e", "f", "f-bis"]);
}

#[test]
fn back_references_point_to_the_last_act_of_their_kind() {
    let text = "ai sensi dell'art. 17 del D.Lgs. 36/2023 e della legge 241/1990; \
                affidamento ai sensi dell'art. 50 del medesimo decreto e dell'art. 3 della legge stessa";
    let v = refs(text);
    let last: Vec<_> = v[v.len() - 2..]
        .iter()
        .map(|(_, r)| (r.act_type.clone(), r.number.clone(), r.article.clone()))
        .collect();
    assert_eq!(
        last,
        [
            (s("decreto_legislativo"), s("36"), s("50")),
            (s("legge"), s("241"), s("3"))
        ]
    );
    // A back-reference without a locator is no new reference.
    assert_eq!(
        refs("il D.Lgs. 36/2023; il citato decreto prevede").len(),
        1
    );
    let r = &refs("l'art. 31, co. 1, del medesimo D.Lgs. 50/2016")[0].1;
    assert_eq!((r.number.clone(), r.article.clone()), (s("50"), s("31")));
}

#[test]
fn in_particolare_gives_the_article_to_the_act_of_the_sentence() {
    let text = "VISTO il decreto-legge 14 dicembre 2018, n. 135, convertito, con modificazioni, \
                dalla legge 11 febbraio 2019, n. 12, ed in particolare l'articolo 8, comma 1;";
    let v = refs(text);
    let arts: Vec<_> = v
        .iter()
        .map(|(_, r)| (r.act_type.clone(), r.article.clone()))
        .collect();
    assert_eq!(
        arts,
        [(s("legge"), None), (s("decreto_legge"), s("8"))],
        "{v:#?}"
    );
}

#[test]
fn decrees_cited_by_date_alone_have_no_number() {
    let r = one("DPCM 13/01/2004");
    assert_eq!(
        (r.act_type, r.number, r.date),
        (s("dpcm"), None, d(2004, 1, 13))
    );
    let r = one("D.M. 17/06/2016");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("decreto_ministeriale"), None, Some(2016))
    );
    let r = one("decreto del Presidente del Consiglio dei ministri 22 novembre 2010");
    assert_eq!(
        (r.act_type, r.number, r.year),
        (s("dpcm"), None, Some(2010))
    );
    // A law is never cited by its date alone.
    assert!(refs("legge 13/01/2004").is_empty());
}

#[test]
fn an_alias_next_to_its_act_is_the_same_reference() {
    let v = refs("il D.Lgs. 18 agosto 2000, n. 267 – TUEL, artt. 107 e 192");
    let arts: Vec<_> = v
        .iter()
        .map(|(_, r)| (r.act_type.clone(), r.article.clone()))
        .collect();
    assert_eq!(
        arts,
        [
            (s("decreto_legislativo"), s("107")),
            (s("decreto_legislativo"), s("192"))
        ]
    );
}
