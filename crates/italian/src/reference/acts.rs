//! Step 1 of reading references: act keywords and what identifies the act
//! after them (a date and a number, a number and a year, a name).

use std::ops::Range;
use std::sync::LazyLock;

use chrono::Datelike;
use regex::{Captures, Regex};

use super::backref::merge_aliases;
use super::common::*;
use super::named::{testo_unico_type, NAMED, NAMED_RE};
use super::{RefSettings, Reference};
use crate::date::{expand_year, parse_date};

/// Act keywords. Longer and more specific forms come first: at one position
/// the first alternative that matches wins.
static ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<lr>legge\s+regionale|l\.\s?r\.|(?-i:LR)\b)|(?P<dlgs>decreto\s+legislativo|d\.\s?lgs\.?|dlgs\b\.?|d\.\s?leg\.?vo|d\.\s?l\.\s?vo)|(?P<dl>decreto[\s-]+legge|d\.\s?l\.)|(?P<dpr>decreto\s+del\s+presidente\s+della\s+repubblica|d\.\s?p\.\s?r\.|dpr\b)|(?P<dpcm>decreto\s+del\s+presidente\s+del\s+consiglio\s+dei\s+ministri|d\.\s?p\.\s?c\.\s?m\.|dpcm\b)|(?P<dm>decreto\s+ministeriale|d\.\s?m\.)|(?P<rd>regio\s+decreto|r\.\s?d\.)|(?P<tuel>t\.\s?u\.\s?e\.\s?l\.|tuel\b)|(?P<tu>testo\s+unico|t\.\s?u\.)|(?P<reg>regolamento\s*(?:\(\s*(?:ue|ce|cee)\s*\)|ue\b|ce\b)|reg\.\s*(?:\(\s*ue\s*\)|ue\b))|(?P<dir>direttiva(?:\s*\(\s*(?:ue|ce|cee)\s*\))?)|(?P<cost>(?-i:Costituzione|COSTITUZIONE|Cost\.))|(?P<dgr>d\.\s?g\.\s?r\.|dgr\b|(?:deliberazione|delibera)\s+(?:della\s+|di\s+)?giunta\s+regionale)|(?P<legge>legge|l\.))"
    ))
    .unwrap()
});

/// What identifies a national or regional act after its keyword.
static IDENT: LazyLock<Regex> = LazyLock::new(|| {
    let date = date_re();
    Regex::new(&format!(
        r"(?i)^(?:\s+(?:della\s+)?(?:regione\s+)?(?P<region>{REGIONS})\b)?\s*,?\s*(?:(?:del\s+|dd\.\s*|in\s+data\s+)?(?P<date1>{date})\s*[,.]?\s*{NUM_KW}\s*(?P<num1>\d+)|{NUM_KW}\s*(?P<num3>\d+)\s*,?\s*(?:del(?:l['’])?\s*|dd\.\s*|in\s+data\s+)(?P<date3>{date})|{NUM_KW}\s*(?P<num4>\d+)\s+del(?:l['’]anno)?\s+(?P<year4>\d{{4}})\b|(?:del\s+|dd\.\s*|in\s+data\s+)?(?P<date5>{date})|(?:{NUM_KW}\s*)?(?P<num2>\d+)\s*/\s*(?P<year2>\d{{4}}|\d{{2}})\b)"
    ))
    .unwrap()
});

/// A region named just after an act's number: "l.r. 12/2005 della Regione
/// Lombardia", "legge regionale n. 12/2005 (Lombardia)".
static REGION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\s*,?\s*(?:della\s+regione\s+|della\s+|regione\s+)(?P<r1>{REGIONS})\b|\s*\(\s*(?:regione\s+)?(?P<r2>{REGIONS})\s*\))"
    ))
    .unwrap()
});

/// What identifies a regional deliberation: `n. IX/1155 del 29 dicembre 2010`, `n. 1155/2010`.
static DGR_IDENT: LazyLock<Regex> = LazyLock::new(|| {
    let date = date_re();
    Regex::new(&format!(
        r"(?i)^(?:\s+(?:della\s+)?(?:regione\s+)?(?P<region>{REGIONS})\b)?\s*,?\s*(?:(?:del\s+|dd\.\s*)?(?P<date0>{date})\s*,?\s*)?{NUM_KW}?\s*(?P<num>(?:[ivxl]+\s*/\s*)?\d+)(?:\s*/\s*(?P<year>\d{{4}})\b)?(?:\s*,?\s*(?:del(?:l['’])?|dd\.|in\s+data)\s*(?P<date>{date}))?"
    ))
    .unwrap()
});

/// What identifies an EU act: `(UE) 2016/679`, `2014/24/UE`, `98/34/CE ... del 22 giugno 1998`.
static EU_IDENT: LazyLock<Regex> = LazyLock::new(|| {
    let date = date_re();
    Regex::new(&format!(
        r"(?i)^\s*(?:\(\s*(?:ue|ce|cee)\s*\)\s*)?(?P<n>{NUM_KW}\s*)?(?P<a>\d{{2,4}})\s*/\s*(?P<b>\d{{1,4}})(?:\s*/\s*(?P<suffix>ue|ce|cee)\b)?(?:\s+del\s+parlamento\s+europeo\s+e\s+del\s+consiglio)?(?:\s*,?\s*del\s+(?P<date>{date}))?"
    ))
    .unwrap()
});

/// An act found in the text, before locators are attached.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) range: Range<usize>,
    pub(super) r: Reference,
    /// Only a reference together with a locator (the Costituzione).
    pub(super) needs_locator: bool,
}

pub(super) fn act_mentions(text: &str, settings: &RefSettings) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(c) = ACT.captures_at(text, pos) {
        let kw = c.get(0).expect("whole match");
        pos = kw.end();
        if let Some(m) = act_mention(text, &c, settings) {
            pos = m.range.end;
            out.push(m);
        }
    }
    let mut taken = Taken::default();
    for m in &out {
        taken.insert(m.range.clone());
    }
    for c in NAMED_RE.captures_iter(text) {
        let whole = c.get(0).expect("whole match");
        if taken.overlaps(&whole.range()) {
            continue;
        }
        let Some(i) = (0..NAMED.len()).find(|i| c.name(&format!("n{i}")).is_some()) else {
            continue;
        };
        let (_, ty, number, date, needs_locator) = NAMED[i];
        let date = ymd(date);
        out.push(Mention {
            range: whole.range(),
            r: Reference {
                act_type: Some(ty.to_string()),
                number: Some(number.to_string()),
                year: Some(date.year()),
                date: Some(date),
                issuer: Some(
                    if ty.ends_with("_ue") {
                        "unione.europea"
                    } else {
                        "stato"
                    }
                    .into(),
                ),
                ..Reference::default()
            },
            needs_locator,
        });
    }
    out.sort_by_key(|m| m.range.start);
    merge_aliases(text, out)
}

fn year_of(s: &str) -> Option<i32> {
    let v: u32 = s.parse().ok()?;
    Some(expand_year(v, s.len()))
}

fn act_mention(text: &str, c: &Captures, settings: &RefSettings) -> Option<Mention> {
    let kw = c.get(0)?;
    let rest = &text[kw.end()..];
    let kind = [
        "lr", "dlgs", "dl", "dpr", "dpcm", "dm", "rd", "tuel", "tu", "reg", "dir", "cost", "dgr",
        "legge",
    ]
    .into_iter()
    .find(|k| c.name(k).is_some())?;
    let mut r = Reference::default();
    let end;
    match kind {
        "tuel" => {
            r.act_type = Some("decreto_legislativo".into());
            r.number = Some("267".into());
            r.year = Some(2000);
            r.date = Some(ymd((2000, 8, 18)));
            r.issuer = Some("stato".into());
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
        "reg" | "dir" => {
            let m = EU_IDENT.captures(rest)?;
            if kind == "dir" && m.name("suffix").is_none() && !kw.as_str().contains('(') {
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
            r.date = m.name("date").and_then(|d| parse_date(d.as_str()).ok());
            r.issuer = Some("unione.europea".into());
            end = kw.end() + m.get(0)?.end();
        }
        "dgr" => {
            let m = DGR_IDENT.captures(rest)?;
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
                .and_then(|d| parse_date(d.as_str()).ok());
            r.year = r
                .date
                .map(|d| d.year())
                .or_else(|| m.name("year").and_then(|y| year_of(y.as_str())));
            r.issuer = m
                .name("region")
                .map(|g| region_issuer(g.as_str()))
                .or_else(|| settings.default_region.as_deref().map(region_issuer));
            end = kw.end() + m.get(0)?.end();
        }
        _ => {
            let m = IDENT.captures(rest)?;
            let mut ident_end = m.get(0)?.end();
            let after = REGION_AFTER.captures(&rest[ident_end..]);
            let region = match (m.name("region"), &after) {
                (Some(g), _) => Some(g.as_str()),
                (None, Some(a)) if matches!(kind, "lr" | "legge") => {
                    ident_end += a.get(0)?.end();
                    a.name("r1").or(a.name("r2")).map(|g| g.as_str())
                }
                _ => None,
            };
            let ty = match kind {
                "lr" => "legge_regionale",
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
            if region.is_some() && ty != "legge_regionale" {
                return None;
            }
            r.act_type = Some(ty.into());
            let (num, date, year) = if let Some(d) = m.name("date5") {
                // "DPCM 13/01/2004", "D.M. 17 giugno 2016": decrees of the
                // government are often cited by date alone; a law never is.
                if !matches!(ty, "dpcm" | "dpr" | "decreto_ministeriale" | "regio_decreto") {
                    return None;
                }
                (None, Some(d), None)
            } else if let Some(n) = m.name("num1") {
                (Some(n), m.name("date1"), None)
            } else if let Some(n) = m.name("num3") {
                (Some(n), m.name("date3"), None)
            } else if let Some(n) = m.name("num4") {
                (Some(n), None, m.name("year4"))
            } else {
                (Some(m.name("num2")?), None, m.name("year2"))
            };
            r.number = num.map(|n| n.as_str().to_string());
            if let Some(d) = date {
                // A date that does not exist is left out, never guessed.
                r.date = parse_date(d.as_str()).ok();
                r.year = r.date.map(|d| d.year()).or_else(|| {
                    let y = d.as_str().rsplit(|c: char| !c.is_ascii_digit()).next()?;
                    year_of(y)
                });
            } else if let Some(y) = year {
                r.year = year_of(y.as_str());
            }
            if ty == "testo_unico" {
                let (real, date) = testo_unico_type(r.number.as_deref(), r.year);
                r.act_type = Some(real.into());
                r.date = r.date.or(date.map(ymd));
            }
            r.issuer = match ty {
                "legge_regionale" => region
                    .map(region_issuer)
                    .or_else(|| settings.default_region.as_deref().map(region_issuer)),
                "decreto_ministeriale" => None,
                _ => Some("stato".into()),
            };
            end = kw.end() + ident_end;
        }
    }
    Some(Mention {
        range: kw.start()..end,
        r,
        needs_locator: false,
    })
}
