//! Step 1 of reading references: act keywords and what identifies the act
//! after them (a date and a number, a number and a year, a name).

use std::sync::LazyLock;

use chrono::Datelike;
use regex::{Captures, Regex};

use super::backref::merge_aliases;
use super::common::*;
use super::table::NamedAct;
use super::{Mention, RefSettings, Reference};
use crate::date::expand_year;

/// Act keywords. Longer and more specific forms come first: at one position
/// the first alternative that matches wins. A transcript that lost the
/// full stops keeps the letters apart ("d l 6 giugno 2012, n 74", "d lgs n
/// 267/2000", "d p r"): read like the dotted forms, and like them only
/// before what identifies an act.
static ACT: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&format!(
        r"(?i)\b(?:(?P<lc>legg[ei]\s+costituzional[ei]|legg[ei]\s+cost\.|l\.\s?cost\.)|(?P<lr>legg[ei]\s+regional[ei]|ll\.\s?rr\.|l\.\s?r\b\.?|l\.\s?reg\.|(?-i:LR)\b)|(?P<rr>regolament[oi]\s+regional[ei]|r\.\s?r\.|reg\.\s?reg\.)|(?P<dpgr>decret[oi]\s+del\s+presidente\s+della\s+giunta\s+regionale|d\.\s?p\.\s?g\.\s?r\.|dpgr\b)|(?P<dmin>decret[oi]\s+(?:del\s+|dei\s+)?(?:ministr[oi]|ministero)\b|decret[oi]\s+(?:del\s+)?(?-i:M[A-Z]{{1,5}}\b|M(?:\.\s?[A-Z]){{1,5}}\.))|(?P<dlgs>decret[oi](?:\s*[-–—]\s*|\s+)legislativ[oi]|d\s+lgs\b\.?|dd\.\s?lgs\b\.?|d-lgs\b\.?|d\.\s?lgs\.?\s?vo\b\.?|d\.\s*lgs\.?|dlgs\b\.?|d\.\s?leg\.?vo|d\.\s?l\.?\s?vo\b\.?|d\.\s?l\.\s?gs\b\.?)|(?P<dl>decret[oi](?:\s*[-–—]\s*|\s+)legge|dd\.\s?ll\.|d\.\s?l\.|d-l\b\.?|d\s+l\b|(?-i:DL)\b)|(?P<dpr>decret[oi]\s+del\s+presidente\s+della\s+repubblica|dd\.\s?pp\.\s?rr\.|d\.\s?p\.\s?r\.|d\s+p\s+r\b|dpr\b)|(?P<dpcm>decret[oi]\s+del\s+presidente\s+del\s+consiglio\s+dei\s+ministri|dd\.\s?pp\.\s?cc\.\s?mm\.|d\.\s?p\.\s?c\.\s?m\.|d\s+p\s+c\s+m\b|dpcm\b)|(?P<dm>decret[oi]\s+(?:inter)?ministerial[ei]|dd\.\s?mm\.|d\.\s?m\.|d\.\s?i\b\.?|(?-i:DM)\b)|(?P<rd>r(?:egio|eale)\s+decreto|rr\.\s?dd\.|r\.\s?d\.)|(?P<tuel>t\.\s?u\.\s?e\.\s?l\.|tuel\b)|(?P<tu>testo\s+unico|t\.\s?u\.)|(?P<reg>regolament[oi]\s*(?:(?:delegat[oi]|di\s+esecuzione)\s*)?(?:europe[oi]\s*)?(?:\(\s*(?:ue|ce|cee)\s*\)|u\.\s?e\.|ue\b|ce\b)|regolament[oi]\s+europe[oi]\b|regolament[oi]\s+(?:delegat[oi]\s+|di\s+esecuzione\s+)?(?:della\s+commissione(?:\s+europea)?|del\s+parlamento\s+europeo(?:\s+e\s+del\s+consiglio)?)|reg\.\s*(?:\(\s*ue\s*\)|ue\b))|(?P<dir>direttiv[ae](?:\s*\(\s*(?:ue|ce|cee)\s*\)|\s+(?:ue|ce|cee)\b)?|dir\.)|(?P<cost>(?-i:Costituzione|COSTITUZIONE|Cost\.))|(?P<dgr>d\.\s?g\.\s?r\.|dgr\b|(?:deliberazione|delibera)\s+(?:della\s+|di\s+)?giunta\s+regionale)|(?P<legge>legg[ei](?:\s+di\s+conversione\b)?|l\.|(?-i:L)\b))"
    ))
    .unwrap()
});

/// What identifies an EU act: `(UE) 2016/679`, `2014/24/UE`, `98/34/CE ... del 22 giugno 1998`.
static EU_IDENT: LazyLock<Regex> = LazyLock::new(|| {
    let date = date_re();
    grammar(&format!(
        r"(?i)^\s*(?:\(\s*(?:ue|ce|cee)\s*\)\s*)?(?P<n>{NUM_KW}\s*)?(?P<a>\d{{2,4}})\s*/\s*(?P<b>\d{{1,4}})(?:\s*/\s*(?P<suffix>ue|ce|cee)\b)?(?:\s+del\s+parlamento\s+europeo\s+e\s+del\s+consiglio)?(?:\s*,?\s*del\s+(?P<date>{date}))?"
    ))
    .unwrap()
});

/// An EU regulation by number and date: "Regolamento della Commissione
/// Europea n. 1251 del 30.11.2011".
static EU_DATED: LazyLock<Regex> = LazyLock::new(|| {
    let date = date_re();
    grammar(&format!(
        r"(?i)^\s*(?:\(\s*(?:ue|ce|cee)\s*\)\s*)?{NUM_KW}\s*(?P<num>\d{{1,4}})\s*,?\s*del\s+(?P<date>{date})"
    ))
    .unwrap()
});

/// What makes a bare "L" a law: the law's date right after it.
static BARE_L_DATE: LazyLock<Regex> =
    LazyLock::new(|| grammar(&format!(r"(?i)^\s+(?:{})", date_re())).unwrap());

/// Before "L." as the series of the EU Official Journal ("Gazzetta
/// Ufficiale dell'Unione Europea L. 319/43"), not a law.
static OJ_SERIES: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)(?:unione\s+europea|comunit[àa]\s+europe[ae]|\bguue|\bg\.\s?u\.\s?u\.\s?e\.|\bguce|\bg\.\s?u\.\s?c\.\s?e\.)\s*,?\s*(?:serie\s+)?$").unwrap()
});

pub(super) fn act_mentions(text: &str, settings: &RefSettings) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(c) = ACT.captures_at(text, pos) {
        let kw = c.get(0).expect("whole match");
        pos = kw.end();
        // "C.C.N.L.": a dotted keyword that ends a longer abbreviation.
        let tail = text[..kw.start()].chars().rev().take(2).collect::<Vec<_>>();
        if matches!(tail.as_slice(), ['.', l] if l.is_alphabetic()) {
            continue;
        }
        // "L" without its full stop is a law only before the law's date
        // ("della L 27 dicembre 2017, n. 205"): before a bare number it is
        // a size, a class, a series.
        if kw.as_str() == "L" && !BARE_L_DATE.is_match(&text[kw.end()..]) {
            continue;
        }
        if c.name("legge").is_some() && {
            let from = crate::floor_boundary(text, kw.start().saturating_sub(40));
            OJ_SERIES.is_match(&text[from..kw.start()]) || BILL.is_match(&text[from..kw.start()])
        } {
            continue;
        }
        if let Some(m) = act_mention(text, &c, settings) {
            pos = m.range.end;
            let plural = PLURAL.is_match(kw.as_str());
            let first = m.clone();
            out.push(m);
            if plural {
                // "decreti del Presidente del Consiglio dei ministri del 31
                // maggio 2017, del 21 febbraio 2019 e del 17 luglio 2020",
                // "direttive 2014/23/UE, 2014/24/UE e 2014/25/UE": each item
                // of the list is an act of the keyword's kind.
                while let Some(sep) = LIST_NEXT.find(&text[pos..]) {
                    let at = pos + sep.end();
                    let Some(next) = act_mention_at(text, &c, at, settings) else {
                        break;
                    };
                    if next.r.act_type != first.r.act_type {
                        break;
                    }
                    pos = next.range.end;
                    out.push(next);
                }
            }
        }
    }
    let mut taken = Taken::default();
    for m in &out {
        taken.insert(m.range.clone());
    }
    let lex = &*settings.lexicon;
    for (range, i) in lex.named_in(text) {
        if taken.overlaps(&range) || defined_name(&text[..range.start]) {
            continue;
        }
        let act = lex.choose(i, settings.date);
        // "deliberazione di C.C. n. 12", "delibera del C.C. del 3.4.2020":
        // the same letters are the Consiglio's register, not the code.
        if act.with_article && organ_register(text, range.clone()) {
            continue;
        }
        out.push(Mention {
            range,
            r: named_reference(act),
            needs_locator: act.with_article,
        });
    }
    out.sort_by_key(|m| m.range.start);
    year_from_earlier(text, &mut out);
    let mut out = merge_aliases(text, out, lex);
    bare_codes(text, &mut out);
    out
}

/// After an abbreviation that is also an organ's ("C.C.", the Consiglio
/// Comunale): the number or date of one of its deliberations.
static REGISTER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&format!(
        r"(?i)^\s*(?:{NUM_KW}\s*\d|\d+\s*(?:/|del\b)|del\s+\d|in\s+data\b|seduta\b)"
    ))
    .unwrap()
});
/// Before it: the deliberation, minutes or sitting of the organ.
static REGISTER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:deliberazion[ei]|delib\.|delibera|delibere|verbale|seduta|decisione|parere|approvat[oaie]\s+(?:da|dal))\s*(?:(?:n\.|n°)\s*\d+\s*)?(?:di|del|dello|d\.|da|dal)?\s*$").unwrap()
});

/// Whether a name read only with an article ("c.c.") is here an organ's
/// register: "deliberazione di C.C. n. 12", "verbale del C.C.".
fn organ_register(text: &str, range: std::ops::Range<usize>) -> bool {
    let from = crate::floor_boundary(text, range.start.saturating_sub(40));
    REGISTER_AFTER.is_match(&text[range.end..])
        || REGISTER_BEFORE.is_match(&text[from..range.start])
}

/// "Codice" alone, capitalised, after a preposition and before what ends
/// the name ("art. 20 del Codice, lo stesso ...", "dal Codice.").
static BARE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?i:del|dal|nel|al|dello\s+stesso)\s+(?P<c>Codice)(?:\s*[,.;:)]|\s+(?i:e|ed|o|che|il|lo|la|si|in|per|non|è)\b|\s*$)").unwrap()
});

/// "il Codice dei contratti D. lgs. n. 163/2006 ... A norma dell'art. 20
/// del Codice": "Codice" alone is the code named last before it, as a
/// lawyer reads it (an article of it only: "l'applicabilità del Codice" is
/// no reference). With no code named before, it is nothing.
fn bare_codes(text: &str, mentions: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for c in BARE_CODE.captures_iter(text) {
        let at = c.name("c").expect("the word").range();
        if mentions
            .iter()
            .any(|m| m.range.start < at.end && at.start < m.range.end)
        {
            continue;
        }
        let code = mentions.iter().rev().find(|m| {
            m.range.end <= at.start && text[m.range.clone()].to_lowercase().starts_with("codice")
        });
        if let Some(m) = code {
            found.push(Mention {
                range: at,
                r: m.r.clone(),
                needs_locator: true,
            });
        }
    }
    mentions.extend(found);
    mentions.sort_by_key(|m| m.range.start);
}

/// "L. n. 1497 del 29 giugno 1939 ... la stessa citata L. n. 1497": an act
/// said to be cited again ("citata", "medesima", "predetta") by its number
/// alone is the act of that kind and number cited before with its year, as
/// a lawyer reads it. Without such a word, or with no such act before, the
/// year stays empty, as printed ("del DLgs , n 50").
fn year_from_earlier(text: &str, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let r = &mentions[i].r;
        if r.year.is_some() || r.number.is_none() {
            continue;
        }
        let start = mentions[i].range.start;
        let from = crate::floor_boundary(text, start.saturating_sub(30));
        if !CITED_AGAIN.is_match(&text[from..start]) {
            continue;
        }
        let earlier = mentions[..i]
            .iter()
            .rev()
            .find(|m| m.r.year.is_some() && m.r.act_type == r.act_type && m.r.number == r.number);
        if let Some((year, date)) = earlier.map(|m| (m.r.year, m.r.date)) {
            mentions[i].r.year = year;
            mentions[i].r.date = date;
        }
    }
}

/// Before the short name a text gives the act it has just cited: "(di
/// seguito anche denominato “Codice dei contratti pubblici”)", "d'ora in
/// poi «Codice»". The name is that act again, not a second reference.
static DEFINED_AS: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r#"(?i)(?:\bdi\s+seguito|\bd['’]\s*ora\s+in\s+(?:poi|avanti)|\bin\s+seguito)\s*(?:anche\s+)?(?:(?:denominat|definit|indicat|chiamat|richiamat)[oaie]\s*)?(?:come\s+|solo\s+)?(?:il\s+|la\s+)?[“"«]?\s*$"#).unwrap()
});

fn defined_name(before: &str) -> bool {
    let from = crate::floor_boundary(before, before.len().saturating_sub(60));
    DEFINED_AS.is_match(&before[from..])
}

/// The reference a named act stands for.
pub(super) fn named_reference(act: &NamedAct) -> Reference {
    let ty = act.act.act_type.as_str();
    Reference {
        act_type: Some(ty.to_string()),
        number: Some(act.act.number.clone()),
        year: Some(act.act.date.year()),
        date: Some(act.act.date),
        issuer: Some(
            if ty.ends_with("_ue") {
                "unione.europea"
            } else {
                "stato"
            }
            .into(),
        ),
        named: Some(act.id.clone()),
        ..Reference::default()
    }
}

/// The issuer of a regional act: the region the text names, else the
/// region the settings impose, else the region of the body that issued the
/// document; else none.
fn regional_issuer(named: Option<&str>, settings: &RefSettings) -> Option<String> {
    let lex = &*settings.lexicon;
    match named {
        Some(n) => Some(match lex.region_named(n) {
            Some(r) => format!("regione.{}", r.region),
            None => region_issuer(n),
        }),
        None => settings
            .region
            .as_deref()
            .or(settings.body_region.as_deref())
            .map(|r| match lex.region_named(r) {
                Some(e) => format!("regione.{}", e.region),
                None => region_issuer(r),
            }),
    }
}

fn year_of(s: &str) -> Option<i32> {
    let v: u32 = s.parse().ok()?;
    Some(expand_year(v, s.len()))
}

fn act_mention(text: &str, c: &Captures, settings: &RefSettings) -> Option<Mention> {
    act_mention_at(text, c, c.get(0)?.end(), settings)
}

/// A plural keyword ("decreti", "leggi", "direttive", "DD.MM.") before a list
/// of acts.
static PLURAL: LazyLock<Regex> = LazyLock::new(|| {
    // The doubled initials of a plural abbreviation: "DD.MM.", "LL.RR.",
    // "DD.PP.RR.", "RR.DD.".
    grammar(r"(?i)^(?:decreti|leggi|direttive|regolamenti\b|dd\.|ll\.\s?rr\.|rr\.\s?dd\.)").unwrap()
});

/// Between two items of a list of acts: ", ", " e ", ", nonché ".
static LIST_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:,\s*(?:e\s+|ed\s+|nonch[ée]\s+)?|\s+(?:e|ed|nonch[ée])\s+)").unwrap()
});

/// The act identified by what follows `from`, of the kind of keyword `c`
/// (`from` is the keyword's end, or a list item's start after a plural
/// keyword); the mention starts at the keyword only when `from` is its end.
fn act_mention_at(
    text: &str,
    c: &Captures,
    from: usize,
    settings: &RefSettings,
) -> Option<Mention> {
    let kw = c.get(0)?;
    let item = from != kw.end();
    let start = if item { from } else { kw.start() };
    let rest = &text[from..];
    let kind = [
        "lc", "lr", "rr", "dpgr", "dmin", "dlgs", "dl", "dpr", "dpcm", "dm", "rd", "tuel", "tu",
        "reg", "dir", "cost", "dgr", "legge",
    ]
    .into_iter()
    .find(|k| c.name(k).is_some())?;
    let mut r = Reference::default();
    let end;
    match kind {
        "tuel" | "cost" if item => return None,
        "tuel" => {
            // The keyword is read here so that "T.U.E.L." is not taken for
            // a "L."; the act it names comes from the table.
            let lex = &*settings.lexicon;
            let (_, i) = lex.named_in(kw.as_str()).into_iter().next()?;
            let act = lex.choose(i, settings.date);
            r = named_reference(act);
            end = kw.end();
        }
        "cost" => {
            r.act_type = Some("costituzione".into());
            r.year = Some(1947);
            r.date = Some(ymd((1947, 12, 27)));
            r.issuer = Some("stato".into());
            return Some(Mention {
                range: kw.range(),
                r,
                needs_locator: true,
            });
        }
        "reg" if !EU_IDENT.is_match(rest) => {
            let m = EU_DATED.captures(rest)?;
            let date = act_date(&m["date"]).ok()?;
            r.act_type = Some("regolamento_ue".into());
            r.number = Some(m["num"].trim_start_matches('0').to_string());
            r.year = Some(date.year());
            r.date = Some(date);
            r.issuer = Some("unione.europea".into());
            end = from + m.get(0)?.end();
        }
        "reg" | "dir" => {
            let m = EU_IDENT.captures(rest)?;
            if kind == "dir" && m.name("suffix").is_none() && kw.as_str().len() <= "direttiva".len()
            {
                return None; // "direttiva n. 5/2020" of a ministry is not EU law
            }
            let (a, b) = (&m["a"], &m["b"]);
            // Since 2015 EU acts are numbered year first (2016/679); before,
            // regulations were number first (n. 1907/2006) and directives year
            // first (98/34/CE).
            let is_year = |x: &str| x.len() == 4 && matches!(x.parse::<u32>(), Ok(1950..=2099));
            let year_first = match (is_year(a), is_year(b)) {
                (true, false) => true,
                (false, true) => false,
                (true, true) => m.name("n").is_none(),
                (false, false) => kind == "dir",
            };
            let (num, year) = if year_first { (b, a) } else { (a, b) };
            if year.len() != 2 && year.len() != 4 {
                return None;
            }
            r.act_type = Some(
                if kind == "reg" {
                    "regolamento_ue"
                } else {
                    "direttiva_ue"
                }
                .into(),
            );
            r.number = Some(num.trim_start_matches('0').to_string());
            r.year = year_of(year);
            r.date = m.name("date").and_then(|d| act_date(d.as_str()).ok());
            r.issuer = Some("unione.europea".into());
            end = from + m.get(0)?.end();
        }
        "dgr" => {
            let m = settings.lexicon.dgr_ident.captures(rest)?;
            let num: String = m["num"]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_uppercase();
            r.act_type = Some("delibera_giunta_regionale".into());
            r.number = Some(num);
            r.date = m
                .name("date")
                .or(m.name("date0"))
                .and_then(|d| act_date(d.as_str()).ok());
            r.year = r
                .date
                .map(|d| d.year())
                .or_else(|| m.name("year").and_then(|y| year_of(y.as_str())));
            r.issuer = regional_issuer(m.name("region").map(|g| g.as_str()), settings);
            end = from + m.get(0)?.end();
        }
        _ => {
            // "decreto del Ministro dell'Interno del 24 dicembre 2024": the
            // ministry's name stands between the keyword and the date.
            // So too "D.M. Ambiente e Sanità 26/06/2000 n. 219".
            // And "decreto interministeriale del Ministero delle politiche
            // agricole, di concerto con ..., del 23 ottobre 2014".
            let named_ministry = kind == "dm"
                && !settings.lexicon.ident.is_match(rest)
                && (CAPITAL_NEXT.is_match(rest) || OF_MINISTRY_NEXT.is_match(rest));
            let skip = if kind == "dmin" || named_ministry {
                ministry_name_end(rest, &settings.lexicon.ident)?
            } else {
                0
            };
            let rest = &rest[skip..];
            let m = settings.lexicon.ident.captures(rest)?;
            let mut ident_end = skip + m.get(0)?.end();
            let rest = &text[from..];
            let after = settings.lexicon.region_after.captures(&rest[ident_end..]);
            let region = match (m.name("region"), &after) {
                (Some(g), _) => Some(g.as_str()),
                (None, Some(a)) if matches!(kind, "lr" | "legge") => {
                    ident_end += a.get(0)?.end();
                    a.name("r1").or(a.name("r2")).map(|g| g.as_str())
                }
                _ => None,
            };
            // "D.P.G.R. 6 giugno 2011, n. 22/R": a regional regulation
            // (the "/R" says so); any other decree of the President of the
            // Giunta is an administrative act, read but not reported.
            let regulation = (kind == "dpgr")
                .then(|| REG_SUFFIX.find(&rest[ident_end..]))
                .flatten();
            if let Some(g) = regulation {
                ident_end += g.end();
            }
            let ty = match kind {
                "lc" => "legge_costituzionale",
                "lr" => "legge_regionale",
                "rr" | "dpgr" if regulation.is_some() => "regolamento_regionale",
                "rr" => "regolamento_regionale",
                "dpgr" => "decreto_presidente_giunta_regionale",
                "dmin" => "decreto_ministeriale",
                "legge" if region.is_some() => "legge_regionale",
                "legge" => "legge",
                "dlgs" => "decreto_legislativo",
                "dl" => "decreto_legge",
                "dpr" => "dpr",
                "dpcm" => "dpcm",
                "dm" => "decreto_ministeriale",
                "rd" => "regio_decreto",
                "tu" => "testo_unico",
                _ => return None,
            };
            let regional = matches!(
                ty,
                "legge_regionale" | "regolamento_regionale" | "decreto_presidente_giunta_regionale"
            );
            if region.is_some() && !regional {
                return None;
            }
            r.act_type = Some(ty.into());
            let (num, date, year) = if let Some(d) = m.name("date5") {
                // "DPCM 13/01/2004", "D.M. 17 giugno 2016": decrees of the
                // government are often cited by date alone; a law never is.
                if !matches!(
                    ty,
                    "dpcm"
                        | "dpr"
                        | "decreto_ministeriale"
                        | "regio_decreto"
                        | "decreto_presidente_giunta_regionale"
                ) {
                    return None;
                }
                (None, Some(d), None)
            } else if let Some(n) = m.name("num1") {
                (Some(n), m.name("date1"), None)
            } else if let Some(n) = m.name("num3") {
                (Some(n), m.name("date3"), None)
            } else if let Some(n) = m.name("num4") {
                (Some(n), None, m.name("year4"))
            } else if let Some(n) = m.name("num6").or(m.name("num7")) {
                // "D.L. n. 312", "legge 17 dicembre n. 221": the year is not
                // printed; the number is, after "n.". The year stays empty
                // unless the same act was cited before with it (see
                // `year_from_earlier`).
                (Some(n), None, None)
            } else {
                (Some(m.name("num2")?), None, m.name("year2"))
            };
            r.number = num.map(|n| match regulation {
                Some(_) => format!("{}/R", n.as_str()),
                None => n.as_str().to_string(),
            });
            if let Some(d) = date {
                // A date that does not exist is left out, never guessed.
                r.date = act_date(d.as_str()).ok();
                r.year = r.date.map(|d| d.year()).or_else(|| {
                    let y = d.as_str().rsplit(|c: char| !c.is_ascii_digit()).next()?;
                    year_of(y)
                });
            } else if let Some(y) = year {
                r.year = year_of(y.as_str());
            }
            // "R.D. 215/33": the Kingdom's decrees are of 1861-1946, so a
            // year past 1946 is a two-digit year read in the wrong century.
            if ty == "regio_decreto" {
                r.year = r.year.map(kingdom_year);
            }
            if ty == "testo_unico" {
                if let Some(a) = settings.lexicon.testo_unico(r.number.as_deref(), r.year) {
                    r.act_type = Some(a.act.act_type.clone());
                    r.date = r.date.or(Some(a.act.date));
                }
            }
            // "D.L. 30.04.1992 n. 285", "D.L. n. 36/2023": a decree-law
            // numbered (and dated) as a code the table knows as a decreto
            // legislativo is that code misprinted, as a lawyer reads it;
            // unless a conversion law follows, which only a decree-law has.
            if ty == "decreto_legge" && !CONVERTED_NEXT.is_match(&rest[ident_end..]) {
                let lex = &*settings.lexicon;
                if let Some(a) = lex.misprinted_decree(r.number.as_deref(), r.year, r.date) {
                    r.act_type = Some(a.act.act_type.clone());
                    r.date = Some(a.act.date);
                }
            }
            r.issuer = match ty {
                _ if regional => regional_issuer(region, settings),
                "decreto_ministeriale" => None,
                _ => Some("stato".into()),
            };
            end = from + ident_end;
        }
    }
    Some(Mention {
        range: start..end,
        r,
        needs_locator: false,
    })
}

/// Before an act cited again: "la citata", "stessa", "medesimo", "predetta".
static CITED_AGAIN: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)\b(?:(?:pre|sopra\s*)?citat|medesim|stess|predett|suddett|richiamat)[oaie]\s*$")
        .unwrap()
});

/// Before "legge": a bill ("disegno di legge n. 564", "proposta di legge
/// n. 154", glued "PROPOSTADI LEGGE" in a transcript), which is not a law.
static BILL: LazyLock<Regex> =
    LazyLock::new(|| grammar(r"(?i)(?:disegn[oi]|propost[ae]|progett[oi])\s*di\s*$").unwrap());

/// A conversion law after a decree-law: ", convertito con modificazioni
/// dalla legge", "conv. in L.", "(conv. L.".
static CONVERTED_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,(]{0,6}(?:e\s+s\.?\s?m\.?\s?i\.?\s*,?\s*)?(?:convertit|conv\.|coordinat)")
        .unwrap()
});

/// The year of a regio decreto: the Kingdom issued them from 1861 to 1946,
/// so `33` is 1933 and `65` 1865.
fn kingdom_year(y: i32) -> i32 {
    if y <= 1946 {
        return y;
    }
    let yy = y % 100;
    if 1900 + yy <= 1946 {
        1900 + yy
    } else {
        1800 + yy
    }
}

/// A ministry next: "decreto interministeriale del Ministero ...".
static OF_MINISTRY_NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+(?:del|dei)\s+(?:ministr[oi]|ministero)\b").unwrap());

/// A capitalised word next: a ministry's name after "D.M.".
static CAPITAL_NEXT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+\p{Lu}\p{Ll}").unwrap());

/// "/R" after the number of a regional regulation ("n. 22/R").
static REG_SUFFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*/\s*R\b").unwrap());

/// One word of a ministry's name ("dell'Interno", "e delle finanze",
/// "della Transizione ecologica"), with what joins it to the one before.
static MINISTRY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,]*(?:(?:e|ed|per|di)\s+)?(?:(?:dell['’]|del|della|delle|dello|degli|dei|il|la|le|gli|l['’])\s*)?\p{L}[\p{L}.]*").unwrap()
});

/// Where the identification of a ministerial decree starts after "decreto
/// del Ministro": past the ministry's name (at most eight words, no digit
/// between), where the act's date or number is; none when no date or
/// number follows the name.
fn ministry_name_end(rest: &str, ident: &Regex) -> Option<usize> {
    let mut at = 0;
    let mut words = 0;
    loop {
        if ident.is_match(&rest[at..]) {
            return Some(at);
        }
        // "decreto del Ministro degli affari esteri, di concerto con il
        // Ministro del lavoro ..., del 17 settembre 2002": each ministry's
        // name of a joint decree has its eight words.
        if let Some(m) = CONCERT.find(&rest[at..]) {
            at += m.end();
            words = 0;
            continue;
        }
        if words == 8 {
            return None;
        }
        at += MINISTRY_WORD.find(&rest[at..])?.end();
        words += 1;
    }
}

/// Between two ministries of a joint decree: ", di concerto con il Ministro",
/// and before a third one: "e il Ministero dell'ambiente".
static CONCERT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:(?:di\s+concerto|d['’]\s*intesa)\s+con|e|ed)\s+(?:il\s+|i\s+|col\s+|con\s+il\s+)?(?:ministr[oi]|ministero)\b").unwrap()
});
