//! Legal references: "art. 134, comma 4, del D.Lgs. 18 agosto 2000, n. 267",
//! "L. 241/1990", "d.g.r. n. IX/1155 del 29 dicembre 2010", read into
//! [`Reference`] records with a URN:NIR where the issuer is known.
//!
//! Reading goes in three steps over the text:
//!
//! 1. **Acts.** An act keyword (`legge`, `L.`, `l.r.`, `D.Lgs.`, `decreto-legge`,
//!    `D.P.R.`, `DPCM`, `D.M.`, `T.U.`, `TUEL`, `Regolamento (UE)`,
//!    `Direttiva`, `Costituzione`, `d.g.r.`) followed by what identifies the act:
//!    a date and a number (`18 agosto 2000, n. 267`), a number and a year
//!    (`n. 267/2000`, `34/78`, `n. 82 del 2005`) or a number and a date
//!    (`n. 241 del 7 agosto 1990`). A keyword with nothing identifying after
//!    it ("la legge", "il decreto") is not a reference. A few acts known by
//!    name are read as the act they name (see `NAMED`): "TUEL" and "testo unico
//!    delle leggi sull'ordinamento degli enti locali" are D.Lgs. 267/2000,
//!    "Codice dell'amministrazione digitale" is D.Lgs. 82/2005, and so on.
//! 2. **Locators.** `art. 6, co. 6, lett. f)`, `articolo 5-bis, comma 1-bis`,
//!    `commi 2 e 3 dell'articolo 14`, `secondo comma`, `artt. 16 e 17`.
//! 3. **Linking.** A locator followed by an act (`... del`, `... della`, or
//!    nothing between) is one reference with both; an act followed by `, art. N`
//!    ("Costituzione, art. 97") takes that locator. A locator with no act is a
//!    reference with `act_type: None`. A list (`artt. 16, 17 e 18 della legge
//!    ...`, `commi 1 e 3`, `lettere a), e) e h)`) gives one reference per item,
//!    each with its own span: the first starts at the keyword, the last ends
//!    with the act, as Normattiva marks them.
//!
//! Decisions, documented here because they are choices:
//!
//! - `T.U.`/`TUEL` are `act_type: "testo_unico"`; `TUEL` is number 267, year
//!   2000, date 2000-08-18. Their URN uses the act type a known testo unico
//!   really has (D.Lgs. 267/2000, D.P.R. 445/2000, ...); an unknown one has no URN.
//! - Two-digit years use the pivot of [`super::date`]: `l.r. 34/78` is 1978.
//! - Regional acts (`legge_regionale`, `delibera_giunta_regionale`) take the
//!   region named right after the keyword (`legge regionale Lombardia`,
//!   `L.R. della Regione Veneto`) or, for laws, right after the number
//!   (`l.r. 12/2005 della Regione Lombardia`, `n. 12/2005 (Lombardia)`), else
//!   [`RefSettings::default_region`]. A region named elsewhere in the document
//!   is not used: a Lombard act may cite another region in passing. A
//!   `legge` followed by a region is a `legge_regionale`.
//! - `Costituzione` counts only written with a capital C and with an article
//!   ("la costituzione del fondo" is not a reference); its date is 1947-12-27.
//! - A `D.M.` names no issuing ministry we can trust, so it has no URN.
//! - A `direttiva` is EU law only with `/UE`, `/CE`, `/CEE` or `(UE)`; EU
//!   numbers are read year first when the first part is a year (`2016/679`,
//!   `98/34/CE`), else number first (`n. 1907/2006`).
//! - A d.g.r. URN uses the type `deliberazione.giunta.regionale` and writes
//!   the number's `/` as `-` (`IX-1155`); NIR has no settled name for it.
//! - `c.c.` is the civil code only with an article (`art. 2043 c.c.`): alone
//!   it is more often a bank account. Locators with no keyword (`36, commi 1`,
//!   `2, comma 6`) are references only when an act follows them.
//! - Two types outside the issue's list are read because laws cite them
//!   constantly: `codice_civile` (R.D. 16 marzo 1942, n. 262) and
//!   `regio_decreto`.
//! - Articles and paragraphs keep their Latin suffix with a hyphen (`5-bis`);
//!   letters lose their parenthesis (`f`); ordinal paragraphs become numbers
//!   (`secondo comma` is `2`). d.g.r. numbers keep their legislature (`IX/1155`).

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};

use super::date::{expand_year, parse_date, MONTHS};
use super::numwords::fold;
use crate::record::Reference;

/// Settings of the reference reader that come from the rules.
#[derive(Debug, Clone, Default)]
pub struct RefSettings {
    /// The region (e.g. `lombardia`) whose regional acts an `L.R.` or
    /// `d.g.r.` means when the text names none.
    pub default_region: Option<String>,
}

const SUFFIX: &str = "bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies|undecies|duodecies|terdecies|quaterdecies";
const REGIONS: &str = r"abruzzo|basilicata|calabria|campania|emilia[\s-]+romagna|friuli[\s-]+venezia[\s-]+giulia|lazio|liguria|lombardia|marche|molise|piemonte|puglia|sardegna|sicilia|toscana|trentino[\s-]+alto[\s-]+adige|umbria|valle\s+d['’]\s*aosta|veneto";
const NUM_KW: &str = r"(?:n\.|n°|nr\.|num\.|numero)";

fn date_re() -> String {
    format!(
        r"\d{{1,2}}\s*[°º]?\s+(?:{MONTHS})\.?\s+\d{{4}}|\d{{1,2}}[./-]\d{{1,2}}[./-](?:\d{{4}}|\d{{2}})"
    )
}

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
        r"(?i)^(?:\s+(?:della\s+)?(?:regione\s+)?(?P<region>{REGIONS})\b)?\s*,?\s*(?:(?:del\s+|dd\.\s*|in\s+data\s+)?(?P<date1>{date})\s*,?\s*{NUM_KW}\s*(?P<num1>\d+)|{NUM_KW}\s*(?P<num3>\d+)\s*,?\s*(?:del(?:l['’])?\s*|dd\.\s*|in\s+data\s+)(?P<date3>{date})|{NUM_KW}\s*(?P<num4>\d+)\s+del(?:l['’]anno)?\s+(?P<year4>\d{{4}})\b|(?:{NUM_KW}\s*)?(?P<num2>\d+)\s*/\s*(?P<year2>\d{{4}}|\d{{2}})\b)"
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

/// Acts known by name. Each entry: pattern, act type, number, date, and
/// whether the name counts only with an article ("c.c." is also a bank account).
const NAMED: &[(&str, &str, &str, (i32, u32, u32), bool)] = &[
    (
        r"testo\s+unico\s+delle\s+leggi\s+sull['’]\s*ordinamento\s+degli\s+enti\s+locali",
        "testo_unico",
        "267",
        (2000, 8, 18),
        false,
    ),
    (
        r"testo\s+unico\s+delle\s+disposizioni\s+legislative\s+e\s+regolamentari\s+in\s+materia\s+di\s+documentazione\s+amministrativa",
        "testo_unico",
        "445",
        (2000, 12, 28),
        false,
    ),
    (
        r"codice\s+dell['’]\s*amministrazione\s+digitale",
        "decreto_legislativo",
        "82",
        (2005, 3, 7),
        false,
    ),
    (
        r"codice\s+in\s+materia\s+di\s+protezione\s+dei\s+dati\s+personali",
        "decreto_legislativo",
        "196",
        (2003, 6, 30),
        false,
    ),
    (
        r"codice\s+del\s+processo\s+amministrativo",
        "decreto_legislativo",
        "104",
        (2010, 7, 2),
        false,
    ),
    (
        r"codice\s+dell['’]\s*ordinamento\s+militare",
        "decreto_legislativo",
        "66",
        (2010, 3, 15),
        false,
    ),
    (
        r"codice\s+civile",
        "codice_civile",
        "262",
        (1942, 3, 16),
        false,
    ),
    (r"c\.\s?c\.", "codice_civile", "262", (1942, 3, 16), true),
    (r"GDPR|RGPD", "regolamento_ue", "679", (2016, 4, 27), false),
];

static NAMED_RE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<String> = NAMED
        .iter()
        .enumerate()
        .map(|(i, (p, ..))| format!("(?P<n{i}>{p})"))
        .collect();
    Regex::new(&format!(r"(?i)\b(?:{})", alts.join("|"))).unwrap()
});

/// Testi unici whose real act type we know: (number, year) -> NIR type and date.
const KNOWN_TU: &[(&str, i32, &str, (i32, u32, u32))] = &[
    ("267", 2000, "decreto.legislativo", (2000, 8, 18)),
    (
        "445",
        2000,
        "decreto.del.presidente.della.repubblica",
        (2000, 12, 28),
    ),
    (
        "380",
        2001,
        "decreto.del.presidente.della.repubblica",
        (2001, 6, 6),
    ),
    ("165", 2001, "decreto.legislativo", (2001, 3, 30)),
    ("81", 2008, "decreto.legislativo", (2008, 4, 9)),
    ("152", 2006, "decreto.legislativo", (2006, 4, 3)),
];

static LOC_STD: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!(r"\d+(?:[\s-]*(?:{SUFFIX})\b)?");
    let list = format!(r"{num}(?:\s*(?:,|\be\b|\bed\b|\bnonch[ée]\b|\bo\b)\s*{num})*");
    let letter = format!(r"[a-z]{{1,2}}(?:-?(?:{SUFFIX}))?");
    let letters =
        format!(r"{letter}\)?(?:\s*(?:,|\be\b|\bed\b|\bnonch[ée]\b|\bo\b)\s*{letter}\))*");
    Regex::new(&format!(
        r"(?i)\b(?:articol[oi]|artt?\.|art\b)\s*(?P<arts>{list})(?:\s+e\s+(?:seguenti|ss\.))?(?:\s*,?\s*(?P<parkw>comma|commi|co\.|c\.)\s*(?P<pars>{list})|\s*,?\s*(?P<ord>{ORD})\s+comma)?(?:\s*,?\s*(?:lettera|lettere|lett\.|let\.)\s*(?P<lets>{letters}))?(?:\s*,?\s*(?:(?:numero|numeri|punto|punti)\s*(?:da\s+)?\d+\)?(?:\s*(?:a|e)\s+\d+\)?)?|n\.\s*\d+\)))?"
    ))
    .unwrap()
});

/// "comma 1 dell'articolo 14", "quinto comma dell'articolo 1", "commi 2 e 3-bis dell'articolo 3-bis".
static LOC_INV: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!(r"\d+(?:[\s-]*(?:{SUFFIX})\b)?");
    let list = format!(r"{num}(?:\s*(?:,|\be\b|\bed\b)\s*{num})*");
    Regex::new(&format!(
        r"(?i)\b(?:(?:comma|commi|co\.)\s*(?P<pars>{list})|(?P<ord>{ORD})\s+comma)\s*,?\s*(?:dell['’]\s*|del\s+)(?:articolo|art\.)\s*(?P<art>{num})"
    ))
    .unwrap()
});

/// "36, commi 1 e 2" with no "articolo" before it, as in a list that continues
/// a previous reference. Only a reference when an act follows it.
static LOC_BARE: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!(r"\d+(?:[\s-]*(?:{SUFFIX})\b)?");
    let list = format!(r"{num}(?:\s*(?:,|\be\b|\bed\b)\s*{num})*");
    Regex::new(&format!(r"(?i)\b(?P<art>{num})\s*,?\s*(?:(?:comma|commi|co\.)\s*(?P<pars>{list})|(?P<ord>{ORD})\s+comma)")).unwrap()
});

const ORD: &str =
    "primo|secondo|terzo|quarto|quinto|sesto|settimo|ottavo|nono|decimo|undicesimo|dodicesimo";

/// Separators of list items: ", ", " e ", " ed ", " nonché ", " o ".
static LIST_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*,\s*|\s+(?:e|ed|nonch[ée]|o)\s+").unwrap());

/// Between a locator and its act: "del", "della", "dell'", a comma, or nothing.
static CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*;\s*(?:del|della|dello|dei|delle)\s+|^\s*,?\s*(?:(?:del|della|dello|dei|delle|di\s+cui\s+al(?:la)?)\s+|dell['’]\s*)?").unwrap()
});
/// Between two locators of one act: "art. 5, comma 2, e art. 7 della legge ...".
static CHAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*,?\s*(?:e|ed|nonch[ée])\s+$").unwrap());
/// Between an act and a locator that follows it: "Costituzione, art. 97".
static AFTER_ACT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[ \t]*,?\s*").unwrap());

/// An act found in the text, before locators are attached.
#[derive(Debug, Clone)]
struct Mention {
    range: Range<usize>,
    r: Reference,
    /// Only a reference together with a locator (the Costituzione).
    needs_locator: bool,
}

/// One item of a locator: its span and its article, paragraph, letter.
#[derive(Debug, Clone)]
struct LocItem {
    range: Range<usize>,
    article: Option<String>,
    paragraph: Option<String>,
    letter: Option<String>,
}

/// Normalises an article or paragraph number: `3 bis`, `3bis`, `3-BIS` -> `3-bis`.
fn norm_num(s: &str) -> String {
    let s = fold(s);
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest: String = s[digits.len()..]
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if rest.is_empty() {
        digits
    } else {
        format!("{digits}-{rest}")
    }
}

/// Normalises a letter: `f)` -> `f`, `a-bis)` -> `a-bis`.
fn norm_letter(s: &str) -> String {
    fold(s).trim_end_matches(')').trim().to_string()
}

fn ordinal(s: &str) -> Option<String> {
    let n = ORD.split('|').position(|o| o == fold(s))? + 1;
    Some(n.to_string())
}

fn ymd((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("constant date")
}

/// The region's issuer segment: `emilia romagna` -> `regione.emilia.romagna`.
fn region_issuer(name: &str) -> String {
    let parts: Vec<String> = fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    format!("regione.{}", parts.join("."))
}

/// Byte ranges already taken, kept disjoint (an inserted range absorbs those
/// it overlaps), so that an overlap test costs O(log n) on long texts.
#[derive(Debug, Default)]
pub(crate) struct Taken(BTreeMap<usize, usize>);

impl Taken {
    /// Whether `r` shares a byte with a taken range.
    pub(crate) fn overlaps(&self, r: &Range<usize>) -> bool {
        self.0
            .range(..r.end)
            .next_back()
            .is_some_and(|(_, &end)| end > r.start)
    }

    pub(crate) fn insert(&mut self, r: Range<usize>) {
        let (mut start, mut end) = (r.start, r.end);
        let absorbed: Vec<(usize, usize)> = self
            .0
            .range(..end.max(start + 1))
            .rev()
            .take_while(|(_, &e)| e > start)
            .map(|(&s, &e)| (s, e))
            .collect();
        for (s, e) in absorbed {
            self.0.remove(&s);
            start = start.min(s);
            end = end.max(e);
        }
        self.0.insert(start, end);
    }
}

/// Splits a list (`16, 17 e 18`) into the byte ranges of its items in the text.
fn split_list(group: regex::Match) -> Vec<Range<usize>> {
    let s = group.as_str();
    let mut out = Vec::new();
    let mut at = 0;
    for sep in LIST_SEP.find_iter(s) {
        if sep.start() > at {
            out.push(group.start() + at..group.start() + sep.start());
        }
        at = sep.end();
    }
    if at < s.len() {
        out.push(group.start() + at..group.start() + s.len());
    }
    out
}

fn act_mentions(text: &str, settings: &RefSettings) -> Vec<Mention> {
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
    out
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
            r.act_type = Some("testo_unico".into());
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
                "dm" => "dm",
                "rd" => "regio_decreto",
                "tu" => "testo_unico",
                _ => return None,
            };
            if region.is_some() && ty != "legge_regionale" {
                return None;
            }
            r.act_type = Some(ty.into());
            let (num, date, year) = if let Some(n) = m.name("num1") {
                (n, m.name("date1"), None)
            } else if let Some(n) = m.name("num3") {
                (n, m.name("date3"), None)
            } else if let Some(n) = m.name("num4") {
                (n, None, m.name("year4"))
            } else {
                (m.name("num2")?, None, m.name("year2"))
            };
            r.number = Some(num.as_str().to_string());
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
            r.issuer = match ty {
                "legge_regionale" => region
                    .map(region_issuer)
                    .or_else(|| settings.default_region.as_deref().map(region_issuer)),
                "dm" => None,
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

/// Every locator in the text, its items split out.
fn locators(text: &str) -> Vec<(Range<usize>, Vec<LocItem>, bool)> {
    let mut out: Vec<(Range<usize>, Vec<LocItem>, bool)> = Vec::new();
    let mut taken = Taken::default();
    for c in LOC_INV.captures_iter(text) {
        let whole = c.get(0).expect("whole match");
        taken.insert(whole.range());
        let article = Some(norm_num(&c["art"]));
        let mut items: Vec<LocItem> = match c.name("pars") {
            Some(p) => split_list(p)
                .into_iter()
                .map(|r| LocItem {
                    article: article.clone(),
                    paragraph: Some(norm_num(&text[r.clone()])),
                    letter: None,
                    range: r,
                })
                .collect(),
            None => vec![LocItem {
                range: whole.range(),
                article,
                paragraph: c.name("ord").and_then(|o| ordinal(o.as_str())),
                letter: None,
            }],
        };
        if let Some(f) = items.first_mut() {
            f.range.start = whole.start();
        }
        if let Some(l) = items.last_mut() {
            l.range.end = whole.end();
        }
        out.push((whole.range(), items, false));
    }
    for c in LOC_STD.captures_iter(text) {
        let whole = c.get(0).expect("whole match");
        if taken.overlaps(&whole.range()) {
            continue; // inside an inverted locator, read first
        }
        taken.insert(whole.range());
        let arts = c.name("arts").expect("arts always takes part");
        let art_items = split_list(arts);
        let par_items = c.name("pars").map(|p| split_list(p)).unwrap_or_default();
        let let_items = c.name("lets").map(|p| split_list(p)).unwrap_or_default();
        let ord = c.name("ord").and_then(|o| ordinal(o.as_str()));
        let first = |v: &Vec<Range<usize>>| v.first().map(|r| text[r.clone()].to_string());
        let article = first(&art_items).map(|s| norm_num(&s));
        let paragraph = first(&par_items).map(|s| norm_num(&s)).or(ord);
        let letter = first(&let_items).map(|s| norm_letter(&s));
        let mut items = Vec::new();
        // The list that is split is the deepest level that has more than one item.
        if let_items.len() > 1 {
            for r in &let_items {
                items.push(LocItem {
                    range: r.clone(),
                    article: article.clone(),
                    paragraph: paragraph.clone(),
                    letter: Some(norm_letter(&text[r.clone()])),
                });
            }
        } else if par_items.len() > 1
            && c.name("parkw").is_some_and(|k| fold(k.as_str()) == "comma")
        {
            // "art. 49, comma 1 e 147-bis": after a singular "comma", the
            // other numbers are articles ("commi 1 e 2" would be paragraphs).
            for (k, r) in par_items.iter().enumerate() {
                let (article, paragraph) = if k == 0 {
                    (article.clone(), paragraph.clone())
                } else {
                    (Some(norm_num(&text[r.clone()])), None)
                };
                items.push(LocItem {
                    range: r.clone(),
                    article,
                    paragraph,
                    letter: None,
                });
            }
        } else if par_items.len() > 1 {
            for r in &par_items {
                items.push(LocItem {
                    range: r.clone(),
                    article: article.clone(),
                    paragraph: Some(norm_num(&text[r.clone()])),
                    letter: letter.clone(),
                });
            }
        } else if art_items.len() > 1 {
            // "articoli 76, 87 e 117, secondo comma": the paragraph and letter
            // belong to the last article.
            let n = art_items.len();
            for (k, r) in art_items.iter().enumerate() {
                let last = k + 1 == n;
                items.push(LocItem {
                    range: r.clone(),
                    article: Some(norm_num(&text[r.clone()])),
                    paragraph: if last { paragraph.clone() } else { None },
                    letter: if last { letter.clone() } else { None },
                });
            }
        } else {
            items.push(LocItem {
                range: whole.range(),
                article,
                paragraph,
                letter,
            });
        }
        if let Some(f) = items.first_mut() {
            f.range.start = whole.start();
        }
        if let Some(l) = items.last_mut() {
            l.range.end = whole.end();
        }
        out.push((whole.range(), items, false));
    }
    for c in LOC_BARE.captures_iter(text) {
        let whole = c.get(0).expect("whole match");
        if taken.overlaps(&whole.range()) {
            continue;
        }
        let article = Some(norm_num(&c["art"]));
        let mut items: Vec<LocItem> = match c.name("pars") {
            Some(p) => split_list(p)
                .into_iter()
                .map(|r| LocItem {
                    article: article.clone(),
                    paragraph: Some(norm_num(&text[r.clone()])),
                    letter: None,
                    range: r,
                })
                .collect(),
            None => vec![LocItem {
                range: whole.range(),
                article,
                paragraph: c.name("ord").and_then(|o| ordinal(o.as_str())),
                letter: None,
            }],
        };
        if let Some(f) = items.first_mut() {
            f.range.start = whole.start();
        }
        if let Some(l) = items.last_mut() {
            l.range.end = whole.end();
        }
        out.push((whole.range(), items, true));
    }
    out.sort_by_key(|(r, ..)| r.start);
    out
}

/// Every legal reference in `text`, in order, with its byte range. The
/// references' `span` is left to the caller (it knows the page).
pub fn find_references(text: &str, settings: &RefSettings) -> Vec<(Range<usize>, Reference)> {
    let mentions = act_mentions(text, settings);
    let mut taken = Taken::default();
    for m in &mentions {
        taken.insert(m.range.clone());
    }
    let locs: Vec<_> = locators(text)
        .into_iter()
        .filter(|(r, ..)| !taken.overlaps(r))
        .collect();
    let mut used = vec![false; mentions.len()];
    let mut out: Vec<(Range<usize>, Reference)> = Vec::new();

    // Locators followed by their act.
    let mut linked: Vec<Option<usize>> = locs
        .iter()
        .map(|(range, ..)| {
            let at = range.end + CONNECTOR.find(&text[range.end..]).map_or(0, |m| m.end());
            mentions.binary_search_by_key(&at, |m| m.range.start).ok()
        })
        .collect();
    // "art. 5, comma 2, e art. 7 della legge ...": a locator joined by "e" to
    // a linked one shares its act (but not its span).
    let mut chained = vec![false; locs.len()];
    for li in (0..locs.len().saturating_sub(1)).rev() {
        if linked[li].is_none() && linked[li + 1].is_some() {
            let between = &text[locs[li].0.end..locs[li + 1].0.start];
            if CHAIN.is_match(between) {
                linked[li] = linked[li + 1];
                chained[li] = true;
            }
        }
    }
    for (li, (range, items, bare)) in locs.iter().enumerate() {
        if let Some(mi) = linked[li] {
            used[mi] = true;
            let m = &mentions[mi];
            for (k, it) in items.iter().enumerate() {
                let end = if k + 1 == items.len() && !chained[li] {
                    m.range.end
                } else {
                    it.range.end
                };
                out.push((it.range.start..end, with_locator(&m.r, it)));
            }
            continue;
        }
        if *bare {
            continue; // "36, commi 1" is a reference only before an act
        }
        // After its act ("Costituzione, art. 97"), or standing alone.
        // Mentions are disjoint and sorted, so their ends are sorted too.
        let before = mentions
            .partition_point(|m| m.range.end <= range.start)
            .checked_sub(1)
            .filter(|&mi| {
                let between = &text[mentions[mi].range.end..range.start];
                AFTER_ACT
                    .find(between)
                    .is_some_and(|g| g.end() == between.len())
            });
        match before {
            Some(mi) if !used[mi] => {
                used[mi] = true;
                let m = &mentions[mi];
                for (k, it) in items.iter().enumerate() {
                    let start = if k == 0 {
                        m.range.start
                    } else {
                        it.range.start
                    };
                    out.push((start..it.range.end, with_locator(&m.r, it)));
                }
            }
            _ => {
                for it in items {
                    out.push((it.range.clone(), with_locator(&Reference::default(), it)));
                }
            }
        }
    }
    for (m, used) in mentions.iter().zip(used) {
        if !used && !m.needs_locator {
            out.push((m.range.clone(), m.r.clone()));
        }
    }
    out.sort_by_key(|(r, _)| (r.start, r.end));
    for (range, r) in &mut out {
        // A reference wrapped over lines is read as one phrase: the span
        // keeps the true offsets, `raw` folds each white-space run to a space.
        r.raw = text[range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        r.urn = urn(r);
    }
    out
}

fn with_locator(act: &Reference, it: &LocItem) -> Reference {
    Reference {
        article: it.article.clone(),
        paragraph: it.paragraph.clone(),
        letter: it.letter.clone(),
        ..act.clone()
    }
}

/// The URN:NIR of a reference whose issuer is known, e.g.
/// `urn:nir:stato:legge:1990-08-07;241~art3`. The date is used when known,
/// else the year. The partition follows the NIR convention: `~art3bis`,
/// `-com2`, `-leta`. `None` without issuer, type, or date and year.
pub fn urn(r: &Reference) -> Option<String> {
    let issuer = r.issuer.as_deref()?;
    let ty = r.act_type.as_deref()?;
    let mut date = r.date;
    let (issuer, nir_type) = match ty {
        "legge" => ("stato", "legge"),
        "legge_regionale" => (issuer, "legge"),
        "decreto_legislativo" => ("stato", "decreto.legislativo"),
        "decreto_legge" => ("stato", "decreto.legge"),
        "dpr" => ("stato", "decreto.del.presidente.della.repubblica"),
        "dpcm" => ("stato", "decreto.del.presidente.del.consiglio.dei.ministri"),
        "dm" => (issuer, "decreto"),
        "regio_decreto" | "codice_civile" => ("stato", "regio.decreto"),
        "costituzione" => ("stato", "costituzione"),
        "regolamento_ue" => ("unione.europea", "regolamento"),
        "direttiva_ue" => ("unione.europea", "direttiva"),
        "delibera_giunta_regionale" => (issuer, "deliberazione.giunta.regionale"),
        "testo_unico" => {
            let (_, _, t, d) = KNOWN_TU
                .iter()
                .find(|(n, y, ..)| r.number.as_deref() == Some(*n) && r.year == Some(*y))?;
            date = date.or(Some(ymd(*d)));
            ("stato", *t)
        }
        _ => return None,
    };
    let when = match (date, r.year) {
        (Some(d), _) => d.format("%Y-%m-%d").to_string(),
        (None, Some(y)) => y.to_string(),
        (None, None) => return None,
    };
    let mut s = format!("urn:nir:{issuer}:{nir_type}:{when}");
    if let Some(n) = &r.number {
        s.push(';');
        s.push_str(&n.replace('/', "-"));
    }
    if let Some(a) = &r.article {
        s.push_str(&format!("~art{}", a.replace('-', "")));
        if let Some(p) = &r.paragraph {
            s.push_str(&format!("-com{}", p.replace('-', "")));
        }
        if let Some(l) = &r.letter {
            s.push_str(&format!("-let{}", l.replace('-', "")));
        }
    }
    Some(s)
}

#[cfg(test)]
mod tests {
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
                default_region: s("lombardia"),
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
                default_region: s("lombardia"),
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
            (s("testo_unico"), s("267"), Some(2000))
        );
        assert_eq!(r.urn, s("urn:nir:stato:decreto.legislativo:2000-08-18;267"));
        for t in ["TUEL", "T.U.E.L."] {
            let r = one(t);
            assert_eq!(
                (r.act_type, r.number, r.year, r.date),
                (s("testo_unico"), s("267"), Some(2000), d(2000, 8, 18))
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
            (s("dm"), s("45"), d(2022, 3, 14))
        );
        assert_eq!((r.issuer, r.urn), (None, None));
    }

    #[test]
    fn letters() {
        let r = one("art. 6, co. 6, lett. f)");
        assert_eq!(r.act_type, None);
        assert_eq!((r.article, r.paragraph, r.letter), (s("6"), s("6"), s("f")));
        assert_eq!(r.urn, None);
        let r = one("art. 6, co. 6, lett. f) della legge regionale 11 agosto 2015, n. 23");
        assert_eq!(r.act_type, s("legge_regionale"));
        assert_eq!((r.article, r.paragraph, r.letter), (s("6"), s("6"), s("f")));
        assert_eq!((r.number, r.date), (s("23"), d(2015, 8, 11)));
    }

    #[test]
    fn regional_deliberation() {
        let r = one("d.g.r. n. IX/1155 del 29 dicembre 2010");
        assert_eq!(r.act_type, s("delibera_giunta_regionale"));
        assert_eq!(
            (r.number, r.year, r.date),
            (s("IX/1155"), Some(2010), d(2010, 12, 29))
        );
        let v = refs_in(
            "d.g.r. n. IX/1155 del 29 dicembre 2010",
            &RefSettings {
                default_region: s("lombardia"),
            },
        );
        assert_eq!(v[0].1.issuer, s("regione.lombardia"));
        assert_eq!(
            v[0].1.urn,
            s("urn:nir:regione.lombardia:deliberazione.giunta.regionale:2010-12-29;IX-1155")
        );
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
        let r = one("art. 5 bis");
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
        let v =
            refs("articolo 26 comma 2, lettere a), e) e h), della legge 27 dicembre 2002, n. 289");
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
            (s("codice_civile"), s("1350"), s("1"))
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
        assert_eq!(v[0].1.act_type, None);
    }

    #[test]
    fn named_acts() {
        let r = one("art. 2043 c.c.");
        assert_eq!((r.act_type, r.article), (s("codice_civile"), s("2043")));
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
        let r = one(
            "articolo 54, comma 3, del testo unico delle leggi sull'ordinamento degli enti locali",
        );
        assert_eq!(
            (r.act_type, r.number, r.article),
            (s("testo_unico"), s("267"), s("54"))
        );
    }

    #[test]
    fn regional_deliberation_date_first() {
        let v = refs_in(
            "D.G.R. 29 dicembre 2010, n. IX/1155",
            &RefSettings {
                default_region: s("lombardia"),
            },
        );
        assert_eq!(v.len(), 1);
        let r = &v[0].1;
        assert_eq!((r.number.clone(), r.date), (s("IX/1155"), d(2010, 12, 29)));
        let r = one("deliberazione della Giunta regionale n. 1234/2015");
        assert_eq!(
            (r.act_type, r.number, r.year),
            (s("delibera_giunta_regionale"), s("1234"), Some(2015))
        );
        let r = one("DGR Lombardia n. X/1219 del 17/01/2014");
        assert_eq!(
            (r.issuer, r.number, r.date),
            (s("regione.lombardia"), s("X/1219"), d(2014, 1, 17))
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
            let _ = crate::rules::date::find_dates(t);
        }
        // Every char boundary of a dense text.
        let t = "Visto l'art. 107, commi 2 e 3, del D.Lgs. 18 agosto 2000, n. 267 (TUEL); l'anno duemilaventitré, il giorno sedici del mese di giugno; d.g.r. n. IX/1155 del 29/12/2010 — è.";
        for (i, _) in t.char_indices() {
            let _ = refs(&t[i..]);
            let _ = refs(&t[..i]);
            let _ = crate::rules::date::find_dates(&t[i..]);
            let _ = crate::rules::date::find_dates(&t[..i]);
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
                "art. 6, co. 6, lett. f)",
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
}

/// Scores [`find_references`] against the 404 references that Normattiva
/// marked up in its Akoma Ntoso text of the CAD (D.Lgs. 82/2005).
///
/// The XML is reduced to plain text (inline tags such as `<ref>` and `<ins>`
/// dropped, block tags become line breaks), remembering where each
/// `<ref href="/akn/it/act/{type}/{issuer}/{date}/{number}/!main#art_..">`
/// starts and ends. `find_references` then runs over the whole plain text, and
/// a found reference matches a gold one when their spans overlap and they
/// agree on act type, number and year, and on the article where the gold has
/// one. Recall: gold references matched. Precision: found references (with an
/// act type) that match the gold reference they overlap, among those that
/// overlap one; found references outside every gold span are listed and
/// counted apart (Normattiva does not mark every citation, e.g. the CAD's
/// references to itself).
///
/// The file lives in the shared corpus: `$ATTI_SHARED` (default
/// `../shared` beside the crate). When it is absent the test says so and passes.
#[cfg(test)]
mod akn_tests {
    use super::*;
    use std::path::PathBuf;

    const FILE: &str = "corpus/real-it/normattiva_akn_dlgs82-2005_CAD_vig20250130.xml";

    #[derive(Debug)]
    struct Gold {
        range: Range<usize>,
        href: String,
        act_type: String,
        number: String,
        year: i32,
        article: Option<String>,
        paragraph: Option<String>,
        letter: Option<String>,
    }

    fn shared() -> PathBuf {
        match std::env::var_os("ATTI_SHARED") {
            Some(p) => PathBuf::from(p),
            None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        }
    }

    /// Plain text of the document after `</meta>`, and the gold references in it.
    fn plain_text(xml: &str) -> (String, Vec<Gold>) {
        let body = xml.find("</meta>").map_or(xml, |i| &xml[i..]);
        let mut text = String::new();
        let mut gold = Vec::new();
        let mut open: Option<(usize, String)> = None;
        let mut rest = body;
        while let Some(lt) = rest.find('<') {
            text.push_str(&rest[..lt]);
            let gt = lt + rest[lt..].find('>').expect("tag closes");
            let tag = &rest[lt + 1..gt];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '/')
                .collect();
            match name.as_str() {
                "ref" if !tag.starts_with('/') => {
                    let href = tag
                        .split("href=\"")
                        .nth(1)
                        .and_then(|h| h.split('"').next())
                        .unwrap_or("");
                    open = Some((text.len(), href.to_string()));
                }
                "ref" => {
                    let (start, href) = open.take().expect("ref opened");
                    if let Some(g) = parse_href(&href, start..text.len()) {
                        gold.push(g);
                    }
                }
                "ins" | "del" | "i" | "b" | "u" | "sup" | "sub" | "span" | "eventRef" => {}
                _ => text.push('\n'),
            }
            rest = &rest[gt + 1..];
        }
        text.push_str(rest);
        (text, gold)
    }

    fn parse_href(href: &str, range: Range<usize>) -> Option<Gold> {
        let (path, part) = href.split_once('#').unwrap_or((href, ""));
        let segs: Vec<&str> = path.trim_start_matches("/akn/it/act/").split('/').collect();
        let act_type = match segs.first()? {
            &"legge" => "legge",
            &"decretoLegislativo" => "decreto_legislativo",
            &"decretoLegge" => "decreto_legge",
            &"decretoDelPresidenteDellaRepubblica" => "dpr",
            &"costituzione" => "costituzione",
            &"direttivaUe" => "direttiva_ue",
            &"regolamento" => "regolamento_ue",
            &"codice.civile" => "codice_civile",
            &"regio.decreto" => "regio_decreto",
            other => other,
        }
        .to_string();
        let year: i32 = segs.get(2)?.get(..4)?.parse().ok()?;
        let number = segs.get(3)?.to_string();
        let (mut article, mut paragraph, mut letter) = (None, None, None);
        for p in part
            .trim_start_matches("art_")
            .split('-')
            .filter(|p| !p.is_empty())
        {
            if let Some(c) = p.strip_prefix("com") {
                paragraph = Some(c.to_string());
            } else if let Some(l) = p.strip_prefix("let") {
                letter = Some(l.to_string());
            } else if p.starts_with(|c: char| c.is_ascii_digit()) && article.is_none() {
                article = Some(p.to_string());
            }
        }
        Some(Gold {
            range,
            href: href.to_string(),
            act_type,
            number,
            year,
            article,
            paragraph,
            letter,
        })
    }

    fn flat(s: &Option<String>) -> Option<String> {
        s.as_ref().map(|x| x.replace('-', ""))
    }

    fn same_act(r: &Reference, g: &Gold) -> bool {
        let ty = r.act_type.as_deref().unwrap_or("");
        // A testo unico is a D.Lgs. or a D.P.R. in the gold; number and year decide.
        let type_ok = ty == g.act_type
            || (ty == "testo_unico"
                && matches!(g.act_type.as_str(), "decreto_legislativo" | "dpr"));
        let number_ok =
            g.act_type == "costituzione" || r.number.as_deref() == Some(g.number.as_str());
        type_ok && number_ok && r.year == Some(g.year)
    }

    fn matches(r: &Reference, g: &Gold) -> bool {
        same_act(r, g) && (g.article.is_none() || flat(&r.article) == g.article)
    }

    fn matches_exactly(r: &Reference, g: &Gold) -> bool {
        matches(r, g) && flat(&r.paragraph) == g.paragraph && flat(&r.letter) == g.letter
    }

    #[test]
    fn akn_cad_precision_recall() {
        let path = shared().join(FILE);
        let Ok(xml) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} not found (set ATTI_SHARED)", path.display());
            return;
        };
        let (text, gold) = plain_text(&xml);
        assert_eq!(gold.len(), 404, "gold references read from the file");
        let found: Vec<(Range<usize>, Reference)> = find_references(&text, &RefSettings::default())
            .into_iter()
            .filter(|(_, r)| r.act_type.is_some())
            .collect();
        let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;

        let mut recalled = 0;
        let mut recalled_exact = 0;
        for g in &gold {
            let cands: Vec<_> = found
                .iter()
                .filter(|(r, _)| overlaps(r, &g.range))
                .collect();
            if cands.iter().any(|(_, r)| matches(r, g)) {
                recalled += 1;
                if cands.iter().any(|(_, r)| matches_exactly(r, g)) {
                    recalled_exact += 1;
                } else {
                    eprintln!(
                        "INEXACT {:?} {} -> {:?}",
                        &text[g.range.clone()],
                        g.href,
                        cands
                            .iter()
                            .map(|(_, x)| (
                                x.article.clone(),
                                x.paragraph.clone(),
                                x.letter.clone()
                            ))
                            .collect::<Vec<_>>()
                    );
                }
            } else {
                eprintln!(
                    "MISSED {:?} {} -> {:?}",
                    &text[g.range.clone()],
                    g.href,
                    cands
                        .iter()
                        .map(|(r, x)| (
                            &text[r.clone()],
                            x.act_type.clone(),
                            x.number.clone(),
                            x.year,
                            x.article.clone()
                        ))
                        .collect::<Vec<_>>()
                );
            }
        }
        let (mut judged, mut correct, mut outside) = (0, 0, 0);
        for (range, r) in &found {
            let gs: Vec<&Gold> = gold.iter().filter(|g| overlaps(range, &g.range)).collect();
            if gs.is_empty() {
                outside += 1;
                eprintln!(
                    "UNMARKED {:?} {:?} {:?} {:?} art {:?}",
                    &text[range.clone()],
                    r.act_type,
                    r.number,
                    r.year,
                    r.article
                );
                continue;
            }
            judged += 1;
            if gs.iter().any(|g| matches(r, g)) {
                correct += 1;
            } else {
                eprintln!(
                    "WRONG {:?} {:?} {:?} {:?} art {:?} vs {:?}",
                    &text[range.clone()],
                    r.act_type,
                    r.number,
                    r.year,
                    r.article,
                    gs.iter().map(|g| &g.href).collect::<Vec<_>>()
                );
            }
        }
        let recall = recalled as f64 / gold.len() as f64;
        let precision = correct as f64 / judged.max(1) as f64;
        let strict = correct as f64 / (judged + outside).max(1) as f64;
        println!(
            "AKN CAD: gold {}, found {} with an act ({} overlapping gold, {} outside every gold span)",
            gold.len(),
            found.len(),
            judged,
            outside
        );
        println!("recall {recall:.4} ({recalled}/{})", gold.len());
        println!(
            "recall with paragraph and letter exact {:.4} ({recalled_exact}/{})",
            recalled_exact as f64 / gold.len() as f64,
            gold.len()
        );
        println!("precision {precision:.4} ({correct}/{judged})");
        println!(
            "precision counting every unmarked reference as wrong {strict:.4} ({correct}/{})",
            judged + outside
        );
        assert!(recall >= 0.95, "recall {recall:.4}");
        assert!(precision >= 0.95, "precision {precision:.4}");
    }
}
