//! The reference reader's tables compiled once: the names of the acts known
//! by name as one regex, the regions' names and adjectives as the
//! alternation the act grammar reads after "legge regionale", and lookups
//! from a name, an adjective, a province or its code to the region.
//!
//! Build one with [`Lexicon::new`] from a [`RefTable`] (the application does
//! so from the rule files in force) or take [`Lexicon::builtin`].

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use regex::Regex;

use crate::skip::SkipRegex;

use super::common::{date_re, NUM_KW};
use super::table::{NamedAct, RefTable, RegionEntry};
use crate::date::MONTHS;
use crate::numwords::fold;

/// The compiled tables.
#[derive(Debug)]
pub struct Lexicon {
    table: RefTable,
    /// Every name of every named act, one capture `n{i}` per entry.
    named: Option<Regex>,
    /// The entry each capture group of `named` stands for (group `n{i}` ->
    /// `i`; the groups a pattern has of its own -> none).
    named_groups: Vec<Option<usize>>,
    /// For each named entry, the entries with the same names (itself
    /// included): one name meaning different acts over time.
    siblings: Vec<Vec<usize>>,
    /// Folded region name, adjective or province name -> region index.
    region_by_word: HashMap<String, usize>,
    /// Province code (`CZ`) -> region index.
    region_by_code: HashMap<String, usize>,
    /// What identifies a national or regional act after its keyword.
    pub(super) ident: Regex,
    /// A region named just after an act's number.
    pub(super) region_after: Regex,
    /// What identifies a regional deliberation.
    pub(super) dgr_ident: Regex,
    /// The body's place in a document's head (see `body`): "Regione
    /// Lazio", "Provincia di Lucca", "Comune di X (CZ)", "Comune di Lucca".
    pub(super) by_region: SkipRegex,
    pub(super) by_province: SkipRegex,
    pub(super) by_code: SkipRegex,
    pub(super) by_capital: SkipRegex,
}

static BUILTIN: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(Lexicon::new(RefTable::builtin()).expect("the built-in reference tables compile"))
});

/// "della Regione Autonoma della Sardegna", "del Veneto", "regione": what may
/// stand before a region's name.
const REGION_LEAD: &str = r"(?:(?:della|del|dell['’]|delle)\s*)?(?:regione\s+(?:autonoma\s+)?(?:(?:della|del|dell['’]|delle|di)\s*)?)?";

impl Lexicon {
    /// The lexicon of the built-in `rules/references.toml`.
    pub fn builtin() -> Arc<Lexicon> {
        Arc::clone(&BUILTIN)
    }

    /// Compiles a table; an error names the entry whose pattern fails.
    pub fn new(table: RefTable) -> Result<Lexicon, String> {
        let mut alts = Vec::new();
        for (i, n) in table.named.iter().enumerate() {
            alts.push(format!(
                "(?P<n{i}>{})",
                super::common::ascii_boundaries(&n.patterns.join("|"))
            ));
        }
        let named = if alts.is_empty() {
            None
        } else {
            // Compiled once; the patterns alone only to name the one that
            // fails.
            let all = Regex::new(&format!(r"(?i)(?-u:\b)(?:{})", alts.join("|")));
            Some(all.map_err(|e| {
                table
                    .named
                    .iter()
                    .flat_map(|n| n.patterns.iter().map(move |p| (n, p)))
                    .find_map(|(n, p)| {
                        Regex::new(p)
                            .err()
                            .map(|e| format!("{}: pattern `{p}`: {e}", n.id))
                    })
                    .unwrap_or_else(|| format!("named acts: {e}"))
            })?)
        };
        let siblings = table
            .named
            .iter()
            .map(|a| {
                (0..table.named.len())
                    .filter(|&j| table.named[j].patterns == a.patterns)
                    .collect()
            })
            .collect();
        let mut region_by_word = HashMap::new();
        let mut region_by_code = HashMap::new();
        let mut words = Vec::new();
        let mut provinces = Vec::new();
        for (i, r) in table.region.iter().enumerate() {
            for w in r.names.iter().chain(&r.adjectives) {
                region_by_word.insert(key(w), i);
                words.push(w.as_str());
            }
            for (code, name) in &r.provinces {
                region_by_code.insert(code.to_uppercase(), i);
                region_by_word.entry(key(name)).or_insert(i);
                provinces.push(name.as_str());
            }
        }
        let regions = alternation(&words);
        let provinces = alternation(&provinces);
        let date = date_re();
        let ident = Regex::new(&format!(
            r"(?i)^(?:\s+{REGION_LEAD}(?P<region>{regions})\b)?\s*[,.]?\s*(?:(?:del\s+|dell['’]\s*|dd\.\s*|in\s+data\s+|di\s+data\s+|adottat[oa]\s+il\s+|{NUM_KW}\s*)?(?P<date1>{date})\s*[,.–-]?\s*{NUM_KW}\s*,?\s*(?P<num1>\d+)|(?:{NUM_KW}\s*)?(?P<num3>\d+)\s*,?\s*(?:del(?:l['’])?\s*|dd\.\s*|in\s+data\s+)(?P<date3>{date})|(?:{NUM_KW}\s*)?(?P<num4>\d+)\s*,?\s+del(?:l['’]anno)?\s+(?P<year4>\d{{4}})\b|(?:del\s+|dell['’]\s*|dd\.\s*|in\s+data\s+|di\s+data\s+|adottat[oa]\s+il\s+)?(?P<date5>{date})|(?:{NUM_KW}\s*)?(?P<num2>\d+)\s*[/\\]\s*(?P<year2>\d{{4}}|\d{{2}})(?:\b|e\b)|{NUM_KW}\s*(?P<num8>\d{{1,5}})\.(?P<year8>(?:18|19|20)\d{{2}})\b|(?P<date6>\d{{1,2}}\s*[°º]?\s*(?:{MONTHS}))\s*,?\s*{NUM_KW}\s*(?P<num6>\d+)\b|{NUM_KW}\s*(?P<num7>\d+)\b)"
        ))
        .map_err(|e| format!("regions: {e}"))?;
        let region_after = Regex::new(&format!(
            r"(?i)^(?:\s*,?\s*(?:(?:della|del|dell['’]|delle)\s*regione\s+|(?:della|del|dell['’]|delle)\s*|regione\s+)(?P<r1>{regions})\b|\s*\(\s*(?:regione\s+)?(?P<r2>{regions})\s*\))"
        ))
        .map_err(|e| format!("regions: {e}"))?;
        let dgr_ident = Regex::new(&format!(
            r"(?i)^(?:\s+{REGION_LEAD}(?P<region>{regions})\b)?\s*,?\s*(?:(?:del\s+|dd\.\s*)?(?P<date0>{date})\s*,?\s*)?{NUM_KW}?\s*(?P<num>(?:[ivxl]+\s*/\s*)?\d+)(?:\s*/\s*(?P<year>\d{{4}})\b)?(?:\s*,?\s*(?:del(?:l['’])?|dd\.|in\s+data)\s*(?P<date>{date}))?"
        ))
        .map_err(|e| format!("regions: {e}"))?;
        let by_region = SkipRegex::new(&format!(
            r"(?i)\bregione\s+(?:autonoma\s+)?(?:(?:della|del|dell['’]|delle|di)\s*)?(?P<w>{regions})\b"
        ))
        .map_err(|e| format!("regions: {e}"))?;
        let by_province = SkipRegex::new(&format!(
            r"(?i)\b(?:provincia|citt[aà]\s+metropolitana)\s+(?:autonoma\s+)?di\s+(?P<w>{provinces})\b"
        ))
        .map_err(|e| format!("provinces: {e}"))?;
        // The code is upper case; "Comune di X - CZ", "(Prov. CZ)", an address.
        // The place's name is unbounded here and held to its bound by
        // `codes_in`: a counted repetition of `\p{L}` is compiled once per
        // count, half of the whole lexicon's cost in every process.
        let by_code = SkipRegex::new(
            r"(?i:\b(?:comune|citt[aà])\s+(?:metropolitana\s+)?di\s+(?P<n1>\p{L}[\p{L}'’ .-]*?)|\b\d{5}\s+(?P<n2>\p{L}[\p{L}'’ .-]*?))\s*[-–(]\s*(?i:prov\.?\s*(?:di\s+)?)?(?P<c>[A-Z]{2})\b\s*\)?",
        )
        .map_err(|e| format!("province codes: {e}"))?;
        let by_capital = SkipRegex::new(&format!(
            r"(?i)\b(?:comune|citt[aà])\s+di\s+(?P<w>{provinces})\b"
        ))
        .map_err(|e| format!("provinces: {e}"))?;
        let named_groups = named.as_ref().map_or_else(Vec::new, |re| {
            re.capture_names()
                .map(|n| {
                    n.and_then(|n| n.strip_prefix('n'))
                        .and_then(|i| i.parse().ok())
                })
                .collect()
        });
        Ok(Lexicon {
            by_region,
            by_province,
            by_code,
            by_capital,
            table,
            named,
            named_groups,
            siblings,
            region_by_word,
            region_by_code,
            ident,
            region_after,
            dgr_ident,
        })
    }

    /// The table it was built from.
    pub fn table(&self) -> &RefTable {
        &self.table
    }

    /// Every name of a named act in `text`: its range and the entry.
    pub(super) fn named_in(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let Some(re) = &self.named else {
            return Vec::new();
        };
        // Matches are found without captures (a fast automaton); the entry
        // a match names is read from the captures at that match alone, so
        // the slow engine that captures need runs over a few names, not
        // over the whole text.
        let mut out = Vec::new();
        let mut slots = re.capture_locations();
        for m in re.find_iter(text) {
            let Some(whole) = re.captures_read_at(&mut slots, text, m.start()) else {
                continue;
            };
            let entry = (1..slots.len())
                .find(|&g| slots.get(g).is_some())
                .and_then(|g| self.named_groups.get(g).copied().flatten());
            if let Some(i) = entry {
                out.push((whole.range(), i));
            }
        }
        out
    }

    /// The entry a name means in a document of `date`: among the entries
    /// with the same names, the one valid on that day; with no date, the one
    /// still in force (no `valid_until`).
    pub(super) fn choose(&self, i: usize, date: Option<NaiveDate>) -> &NamedAct {
        let named = &self.table.named;
        let pick = self.siblings[i].iter().copied().find(|&j| {
            let a = &named[j];
            match date {
                Some(d) => {
                    a.valid_from.is_none_or(|f| f <= d) && a.valid_until.is_none_or(|u| d <= u)
                }
                None => a.valid_until.is_none(),
            }
        });
        &named[pick.unwrap_or(i)]
    }

    /// Whether `named`, read from a name, may stand for the printed act
    /// `printed`: one of the acts its name meant over time.
    pub(super) fn may_name(&self, named: &super::Reference, printed: &super::Reference) -> bool {
        let Some(i) = named.named.as_deref().and_then(|id| self.named_index(id)) else {
            return false;
        };
        self.siblings[i].iter().any(|&j| {
            let a = &self.table.named[j].act;
            printed.act_type.as_deref() == Some(a.act_type.as_str())
                && printed.number.as_deref() == Some(a.number.as_str())
        })
    }

    /// The decreto legislativo of the table numbered and dated as a
    /// decree-law printed with `number`, `year` and maybe `date`: "D.L.
    /// 30.04.1992 n. 285" is the Codice della strada misprinted.
    pub(super) fn misprinted_decree(
        &self,
        number: Option<&str>,
        year: Option<i32>,
        date: Option<NaiveDate>,
    ) -> Option<&NamedAct> {
        use chrono::Datelike;
        self.table.named.iter().find(|a| {
            a.act.act_type == "decreto_legislativo"
                && number == Some(a.act.number.as_str())
                && year == Some(a.act.date.year())
                && date.is_none_or(|d| d == a.act.date)
        })
    }

    /// The index of the named entry with this id.
    pub(super) fn named_index(&self, id: &str) -> Option<usize> {
        self.table.named.iter().position(|a| a.id == id)
    }

    /// The testo unico numbered so ("T.U. n. 267/2000" is the TUEL).
    pub(super) fn testo_unico(&self, number: Option<&str>, year: Option<i32>) -> Option<&NamedAct> {
        use chrono::Datelike;
        self.table.named.iter().find(|a| {
            a.testo_unico
                && number == Some(a.act.number.as_str())
                && year == Some(a.act.date.year())
        })
    }

    /// The region a name, an adjective or a province's name stands for.
    pub fn region_named(&self, name: &str) -> Option<&RegionEntry> {
        self.region_by_word
            .get(&key(name))
            .map(|&i| &self.table.region[i])
    }

    /// Every province code printed after a place in `text` ("Comune di X
    /// (CZ)", "88068 X - CZ"), in order: `by_code`'s matches whose place
    /// name is at most [`PLACE_CHARS`] characters long, each start tried as
    /// a bounded pattern would try it.
    pub(super) fn codes_in<'t>(&self, text: &'t str) -> Vec<regex::Match<'t>> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(c) = self.by_code.captures_at(text, at) {
            let Some(whole) = c.get(0) else { break };
            let place = c.name("n1").or_else(|| c.name("n2"));
            if place.is_some_and(|p| p.as_str().chars().count() <= PLACE_CHARS) {
                out.extend(c.name("c"));
                at = whole.end();
            } else {
                // Too long a name from here: the next start may still hold
                // a short one ("comune di X, comune di Y (CZ)").
                let first = text[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                at = whole.start() + first;
            }
            if at >= text.len() {
                break;
            }
        }
        out
    }

    /// The region a province code (`CZ`) lies in.
    pub fn region_of_code(&self, code: &str) -> Option<&RegionEntry> {
        self.region_by_code
            .get(&code.to_uppercase())
            .map(|&i| &self.table.region[i])
    }
}

/// The longest place name `codes_in` reads before a province code, in
/// characters.
const PLACE_CHARS: usize = 41;

/// A name folded for lookups: lower case, no accents, words split by one space.
fn key(s: &str) -> String {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A regex alternation of names, longest first, with any run of spaces,
/// hyphens or apostrophes between words.
fn alternation(names: &[&str]) -> String {
    let mut v: Vec<String> = names
        .iter()
        .map(|n| {
            n.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"[\s'’-]+")
        })
        .filter(|s| !s.is_empty())
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    if v.is_empty() {
        // Matches nothing: no region is known.
        return r"[^\s\S]".into();
    }
    v.join("|")
}
