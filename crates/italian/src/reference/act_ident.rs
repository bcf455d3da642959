//! Step 1, second half: what identifies an act after its keyword. Each kind
//! of keyword has its own reading: a name from the table ("TUEL"), the
//! Costituzione, an EU act by its number or date, a regional Giunta's
//! deliberation, and every other act by date, number and year
//! ([`numbered_act`]), which is read in named steps: the ministry's name
//! passed over, the region named after it, the canonical type, the
//! identification, the corrections a lawyer makes, the issuer.

use std::sync::LazyLock;

use chrono::Datelike;
use regex::{Captures, Match, Regex};

use super::common::*;
use super::ministry::ministry_skip;
use super::table::NamedAct;
use super::{Mention, RefSettings, Reference};
use crate::date::expand_year;

/// The named groups of the act keyword (`acts::ACT`), one per kind.
const KINDS: [&str; 21] = [
    "lc", "lr", "rr", "dpgr", "dlgt", "dcps", "rdl", "dmin", "dlgs", "dl", "dpr", "dpcm", "dm",
    "rd", "tuel", "tu", "reg", "dir", "cost", "dgr", "legge",
];

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

/// A conversion law after a decree-law: ", convertito con modificazioni
/// dalla legge", "conv. in L.", "(conv. L.".
static CONVERTED_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,(]{0,6}(?:e\s+s\.?\s?m\.?\s?i\.?\s*,?\s*)?(?:convertit|conv\.|coordinat)")
        .unwrap()
});

/// "/R" after the number of a regional regulation ("n. 22/R").
static REG_SUFFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*/\s*R\b").unwrap());

/// The act identified by what follows `from`, of the kind of keyword `c`
/// (`from` is the keyword's end, or a list item's start after a plural
/// keyword); the mention starts at the keyword only when `from` is its end.
pub(super) fn act_mention_at(
    text: &str,
    c: &Captures,
    from: usize,
    settings: &RefSettings,
) -> Option<Mention> {
    let kw = c.get(0)?;
    let item = from != kw.end();
    let start = if item { from } else { kw.start() };
    let rest = &text[from..];
    let kind = KINDS.into_iter().find(|k| c.name(k).is_some())?;
    let (r, len) = match kind {
        "tuel" | "cost" if item => return None,
        // The keyword is read here so that "T.U.E.L." is not taken for a
        // "L."; the act it names comes from the table.
        "tuel" => (named_keyword(kw.as_str(), settings)?, 0),
        "cost" if forming_heading(&text[..kw.start()], rest) => return None,
        "cost" => {
            return Some(Mention {
                range: kw.range(),
                r: constitution(),
                needs_locator: true,
            })
        }
        "reg" | "dir" if !EU_IDENT.is_match(rest) => {
            let dated = (kind == "reg")
                .then(|| eu_regulation_by_date(rest))
                .flatten();
            match dated {
                Some(x) => x,
                None => titled_eu_act(kind, kw.as_str(), rest)?,
            }
        }
        "reg" | "dir" => eu_act(kind, kw.as_str(), rest)?,
        "dgr" => regional_deliberation(rest, settings)?,
        _ => numbered_act(kind, rest, settings)?,
    };
    Some(Mention {
        range: start..from + len,
        r,
        needs_locator: false,
    })
}

/// "TUEL", "T.U.E.L.": the act the table names so.
fn named_keyword(kw: &str, settings: &RefSettings) -> Option<Reference> {
    let lex = &*settings.lexicon;
    let (_, i) = lex.named_in(kw).into_iter().next()?;
    Some(named_reference(lex.choose(i, settings.date)))
}

/// Right after an article's number, with nothing between ("Art. 1 –
/// ", "ART. 3\n"): where a statute prints its article's heading.
static AFTER_ARTICLE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)\bart(?:icolo|\.)?\s*\d+(?:[-\s]?(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies))?\s*[-–—.:]?\s*$").unwrap()
});
/// An article's number, then a dash: "Art. 2 – ", "ART. 4 - ".
static DASH_AFTER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)\d+(?:[-\s]?(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies))?\s*[–—-]\s*$").unwrap()
});
/// The words after "Costituzione": an optional comma, then two words.
static NEXT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<comma>,)?\s*(?P<w1>\p{L}+)['’]?\s*(?P<w2>\p{L}*)").unwrap()
});

/// "Art. 1 – Costituzione del Consorzio", "Art. 1 Costituzione e scopo
/// dell'unione", "ART. 3 COSTITUZIONE, DENOMINAZIONE E SEDE": the heading
/// of a statute's article, where the word is the forming of the body, not
/// the Constitution. Cited after an article number the Constitution is
/// followed by nothing, a paragraph ("art. 117 Costituzione, comma 2"),
/// another citation ("art. 97 Costituzione e art. 3 ...") or "della
/// Repubblica".
fn forming_heading(before: &str, after: &str) -> bool {
    if !AFTER_ARTICLE_NUMBER.is_match(before) {
        return false;
    }
    // A dash between the number and the word is a heading's ("Art. 2 –
    // Costituzione"): a citation writes "art. 97 Costituzione" or "della".
    if DASH_AFTER_NUMBER.is_match(before) {
        return true;
    }
    let Some(c) = NEXT_WORDS.captures(after) else {
        return false;
    };
    let w1 = c["w1"].to_lowercase();
    let w2 = c["w2"].to_lowercase();
    let comma = c.name("comma").is_some();
    match w1.as_str() {
        "del" | "dello" | "della" | "dei" | "degli" | "delle" | "dell" if !comma => {
            !w2.is_empty() && !matches!(w2.as_str(), "repubblica" | "stato" | "italia")
        }
        "e" | "ed" if !comma => {
            !w2.is_empty()
                && !w2.starts_with("art")
                && !matches!(
                    w2.as_str(),
                    "l" | "legge" | "del" | "dell" | "della" | "dei" | "degli"
                )
        }
        // An upper-case heading's next word ("COSTITUZIONE, DENOMINAZIONE").
        _ => {
            comma
                && c["w1"].chars().count() >= 4
                && c["w1"].chars().all(|ch| ch.is_uppercase())
                && !matches!(
                    w1.as_str(),
                    "comma" | "commi" | "lettera" | "lett" | "primo" | "secondo" | "terzo"
                )
        }
    }
}

/// The Costituzione, reported only with an article of it.
fn constitution() -> Reference {
    Reference {
        act_type: Some("costituzione".into()),
        year: Some(1947),
        date: Some(ymd((1947, 12, 27))),
        issuer: Some("stato".into()),
        ..Reference::default()
    }
}

/// An EU regulation by number and date, and the length read.
fn eu_regulation_by_date(rest: &str) -> Option<(Reference, usize)> {
    let m = EU_DATED.captures(rest)?;
    let date = act_date(&m["date"]).ok()?;
    let r = Reference {
        act_type: Some("regolamento_ue".into()),
        number: Some(m["num"].trim_start_matches('0').to_string()),
        year: Some(date.year()),
        date: Some(date),
        issuer: Some("unione.europea".into()),
        ..Reference::default()
    };
    Some((r, m.get(0)?.end()))
}

/// An EU regulation or directive by its number and year, and the length
/// read.
fn eu_act(kind: &str, kw: &str, rest: &str) -> Option<(Reference, usize)> {
    let m = EU_IDENT.captures(rest)?;
    if kind == "dir" && m.name("suffix").is_none() && kw.len() <= "direttiva".len() {
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
    let ty = if kind == "reg" {
        "regolamento_ue"
    } else {
        "direttiva_ue"
    };
    let r = Reference {
        act_type: Some(ty.into()),
        number: Some(num.trim_start_matches('0').to_string()),
        year: year_of(year),
        date: m.name("date").and_then(|d| act_date(d.as_str()).ok()),
        issuer: Some("unione.europea".into()),
        ..Reference::default()
    };
    Some((r, m.get(0)?.end()))
}

/// The words of an EU act's title printed between its keyword and its
/// number: "Regolamento UE Generale sulla Protezione dei Dati 2016/679".
static EU_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\s+\p{L}[\p{L}'’]*){1,8}").unwrap());

/// An EU act whose title words stand between its keyword and its number:
/// read only when the number is an EU act's beyond doubt, with its suffix
/// ("2014/24/UE") or year first with no "n." ("2016/679"), so that a local
/// regulation's "n. 12/2020" after its name is not taken for one.
fn titled_eu_act(kind: &str, kw: &str, rest: &str) -> Option<(Reference, usize)> {
    let title = EU_TITLE.find(rest)?.end();
    let m = EU_IDENT.captures(&rest[title..])?;
    let year_first = m["a"].len() == 4 && matches!(m["a"].parse::<u32>(), Ok(1990..=2099));
    if m.name("n").is_some() || (m.name("suffix").is_none() && !year_first) {
        return None;
    }
    let (r, len) = eu_act(kind, kw, &rest[title..])?;
    Some((r, title + len))
}

/// A deliberation of a regional Giunta ("D.G.R. n. 1234 del 3.5.2021"),
/// read so that its number is not taken for a law's; not reported.
fn regional_deliberation(rest: &str, settings: &RefSettings) -> Option<(Reference, usize)> {
    let m = settings.lexicon.dgr_ident.captures(rest)?;
    let num: String = m["num"]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let date = m
        .name("date")
        .or(m.name("date0"))
        .and_then(|d| act_date(d.as_str()).ok());
    let r = Reference {
        act_type: Some("delibera_giunta_regionale".into()),
        number: Some(num),
        date,
        year: date
            .map(|d| d.year())
            .or_else(|| m.name("year").and_then(|y| year_of(y.as_str()))),
        issuer: regional_issuer(m.name("region").map(|g| g.as_str()), settings),
        ..Reference::default()
    };
    Some((r, m.get(0)?.end()))
}

/// Any other act, by date, number and year ("D.Lgs. 18 agosto 2000, n.
/// 267", "L. n. 241/1990", "DPCM 13/01/2004", "L.R. Calabria n. 3/2019"),
/// and the length read.
fn numbered_act(kind: &str, rest: &str, settings: &RefSettings) -> Option<(Reference, usize)> {
    let skip = ministry_skip(kind, rest, &settings.lexicon.ident)?;
    let m = settings.lexicon.ident.captures(&rest[skip..])?;
    let mut end = skip + m.get(0)?.end();
    let (region, after_region) = region_named(kind, &m, &rest[end..], settings)?;
    end += after_region;
    // "D.P.G.R. 6 giugno 2011, n. 22/R": a regional regulation (the "/R"
    // says so); any other decree of the President of the Giunta is an
    // administrative act, read but not reported.
    let regulation = (kind == "dpgr")
        .then(|| REG_SUFFIX.find(&rest[end..]))
        .flatten();
    if let Some(g) = regulation {
        end += g.end();
    }
    let ty = canonical_type(kind, region.is_some(), regulation.is_some())?;
    let regional = is_regional(ty);
    if region.is_some() && !regional {
        return None;
    }
    let (num, date, year) = identification(&m, ty)?;
    let mut r = Reference {
        act_type: Some(ty.into()),
        number: num.map(|n| match regulation {
            Some(_) => format!("{}/R", n.as_str()),
            None => n.as_str().to_string(),
        }),
        ..Reference::default()
    };
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
    correct_as_a_lawyer(&mut r, &rest[end..], settings);
    r.issuer = match ty {
        _ if regional => regional_issuer(region, settings),
        "decreto_ministeriale" => None,
        _ => Some("stato".into()),
    };
    Some((r, end))
}

/// The region an act names, in its identification ("L.R. Calabria n. 3")
/// or, for a law, right after it ("legge 12/2019 della Regione Puglia"),
/// and the length read after the identification.
fn region_named<'t>(
    kind: &str,
    m: &Captures<'t>,
    after: &'t str,
    settings: &RefSettings,
) -> Option<(Option<&'t str>, usize)> {
    if let Some(g) = m.name("region") {
        return Some((Some(g.as_str()), 0));
    }
    match settings.lexicon.region_after.captures(after) {
        Some(a) if matches!(kind, "lr" | "legge") => {
            let name = a.name("r1").or(a.name("r2")).map(|g| g.as_str());
            Some((name, a.get(0)?.end()))
        }
        _ => Some((None, 0)),
    }
}

/// The canonical act type of a keyword kind; a law that names its region
/// is a regional law.
fn canonical_type(kind: &str, region: bool, regulation: bool) -> Option<&'static str> {
    Some(match kind {
        "lc" => "legge_costituzionale",
        "lr" => "legge_regionale",
        "rr" => "regolamento_regionale",
        "dpgr" if regulation => "regolamento_regionale",
        "dpgr" => "decreto_presidente_giunta_regionale",
        "dmin" => "decreto_ministeriale",
        "legge" if region => "legge_regionale",
        "legge" => "legge",
        "dlgs" => "decreto_legislativo",
        "dl" => "decreto_legge",
        "dpr" => "dpr",
        "dpcm" => "dpcm",
        "dm" => "decreto_ministeriale",
        "rd" => "regio_decreto",
        // The acts of 1944-1948 with the force of law: no type of the
        // Republic's names them, so they keep their own.
        "dlgt" => "decreto_legislativo_luogotenenziale",
        "dcps" => "decreto_legislativo_cps",
        "rdl" => "regio_decreto_legge",
        "tu" => "testo_unico",
        _ => return None,
    })
}

fn is_regional(ty: &str) -> bool {
    matches!(
        ty,
        "legge_regionale" | "regolamento_regionale" | "decreto_presidente_giunta_regionale"
    )
}

/// Number, date and year as the identification gives them (each form is a
/// group pair of `Lexicon::ident`); none for a date alone after an act
/// that is never cited so.
#[allow(clippy::type_complexity)]
fn identification<'t>(
    m: &Captures<'t>,
    ty: &str,
) -> Option<(Option<Match<'t>>, Option<Match<'t>>, Option<Match<'t>>)> {
    Some(if let Some(d) = m.name("date5") {
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
    } else if let Some(n) = m.name("num8") {
        // "d.lgs. n. 218.2016": number and year joined by a full stop.
        (Some(n), None, m.name("year8"))
    } else if let Some(n) = m.name("num6").or(m.name("num7")) {
        // "D.L. n. 312", "legge 17 dicembre n. 221": the year is not
        // printed; the number is, after "n.". The year stays empty unless
        // the same act was cited before with it (see
        // `acts::year_from_earlier`).
        (Some(n), None, None)
    } else {
        (Some(m.name("num2")?), None, m.name("year2"))
    })
}

/// What a lawyer reads past a misprint or an abbreviation: a regio
/// decreto's two-digit year, the act a "testo unico" is, a code misprinted
/// as a decree-law. `after` is the text after the identification.
fn correct_as_a_lawyer(r: &mut Reference, after: &str, settings: &RefSettings) {
    let lex = &*settings.lexicon;
    match r.act_type.as_deref() {
        // "R.D. 215/33": the Kingdom's decrees are of 1861-1946, so a year
        // past 1946 is a two-digit year read in the wrong century.
        Some("regio_decreto" | "regio_decreto_legge") => r.year = r.year.map(kingdom_year),
        Some("testo_unico") => {
            if let Some(a) = lex.testo_unico(r.number.as_deref(), r.year) {
                r.act_type = Some(a.act.act_type.clone());
                r.date = r.date.or(Some(a.act.date));
            }
        }
        // "D.L. 30.04.1992 n. 285", "D.L. n. 36/2023": a decree-law
        // numbered (and dated) as a code the table knows as a decreto
        // legislativo is that code misprinted, as a lawyer reads it; unless
        // a conversion law follows, which only a decree-law has.
        Some("decreto_legge") if !CONVERTED_NEXT.is_match(after) => {
            if let Some(a) = lex.misprinted_decree(r.number.as_deref(), r.year, r.date) {
                r.act_type = Some(a.act.act_type.clone());
                r.date = Some(a.act.date);
            }
        }
        _ => {}
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
