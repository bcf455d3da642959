//! The administration that issued an act, read with the
//! `[[administration]]` rules of the money rules ([`super::money`]): the
//! name printed in the first page's letterhead (the furniture the PDF reader
//! set apart, then the head and foot of the page text) outweighs the names
//! the text repeats; written in its canonical form.

use super::document::Doc;
use super::money::MoneyRules;
use crate::record::Span;

/// Lines of the first page that are its letterhead, at its head and foot.
const HEAD_LINES: usize = 15;
const FOOT_LINES: usize = 8;
/// How many mentions in the text a letterhead's name outweighs.
const HEAD_WEIGHT: usize = 5;

/// The administration: every `[[administration]]` match of the document
/// counts once, and [`HEAD_WEIGHT`] times in the letterhead (the first
/// [`HEAD_LINES`] lines of the first page above its first premise, and its
/// last [`FOOT_LINES`] lines) or when
/// its rule is `main` (a signature's organisation); names that differ only
/// in case and punctuation count together; the
/// name counted most wins, the first found on a tie. A letterhead printed
/// as an image leaves the name the act's text repeats ("del Comune di X").
pub fn administration(
    rules: &MoneyRules,
    doc: &Doc,
    premise: Option<(usize, usize)>,
) -> Option<(String, Span)> {
    let first = doc.pages.first()?;
    let lines: Vec<usize> = std::iter::once(0)
        .chain(first.text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    // The letterhead ends where the premises begin: a body a premise cites
    // ("VISTA la legge della Regione X") is not the one printed above it.
    let premise = premise.filter(|p| p.0 == 0).map_or(usize::MAX, |p| p.1);
    let head_lines = lines.get(HEAD_LINES).copied().unwrap_or(first.text.len());
    let head_end = head_lines.min(premise);
    let foot_start = lines
        .len()
        .checked_sub(FOOT_LINES)
        .map_or(0, |i| lines[i])
        .max(head_lines);
    // The heading words of public bodies, to part letter-spaced lines.
    let vocabulary = || super::money_heading::rule_words(&rules.administrations);
    // (name, weight, where, a wider body's, its order in the letterhead)
    let mut votes: Vec<(String, usize, Span, bool, usize)> = Vec::new();
    // Where a name was read: two rules reading one printed name ("Regione
    // Piemonte" as a letterhead line and as a region named) count it once.
    let mut read_at: std::collections::HashSet<(u32, usize, bool)> = Default::default();
    let mut vote = |canonical: String, weight: usize, span: Span, wider: bool, order: usize| {
        if !read_at.insert((span.page, span.start.min(order), order < LETTERHEAD)) {
            return;
        }
        match votes.iter_mut().find(|v| same_name(&v.0, &canonical)) {
            Some(v) => {
                v.1 += weight;
                // A name seen higher in the letterhead stands there.
                if order < v.4 {
                    v.2 = span;
                    v.4 = order;
                }
            }
            None => votes.push((canonical, weight, span, wider, order)),
        }
    };
    // The letterhead the PDF reader set apart as page furniture, above the
    // text: every name there weighs as the head of the page and comes first.
    if let Some(head) = super::letterhead::page(doc.pages) {
        let text = parted(rules, &head.text, head.text.len());
        for c in &rules.administrations {
            for m in c.regex.captures_iter(&text) {
                let Some(name) = m.name("name").or_else(|| m.get(0)) else {
                    continue;
                };
                let Some(canonical) = whole(canonical(&c.value, name.as_str()), doc) else {
                    continue;
                };
                let span = Span::outside_text(head.number);
                vote(canonical, HEAD_WEIGHT, span, c.wider, name.start());
            }
        }
    }
    for (pi, page) in doc.pages.iter().enumerate() {
        // The head's lines parted at their separators ("Regione X - Azienda
        // Y"), each body a line of its own.
        let parted_text = if pi == 0 {
            parted(rules, &page.text, head_end)
        } else {
            page.text.clone()
        };
        let spaced = super::money_heading::unspaced(&parted_text, &vocabulary);
        let (text, map) = match &spaced {
            Some((text, map)) => (text.as_str(), Some(map)),
            None => (parted_text.as_str(), None),
        };
        let at = |i: usize| map.map_or(i, |m| m[i]);
        for c in &rules.administrations {
            for m in c.regex.captures_iter(text) {
                let Some(name) = m.name("name").or_else(|| m.get(0)) else {
                    continue;
                };
                let (start, end) = (at(name.start()), at(name.end()));
                // A name heads the page where its line begins with it (a
                // letterhead's line), not where a sentence of the subject
                // names it ("autorizzazione alla Regione X").
                let whole_match = m.get(0).map_or(name.start(), |g| g.start());
                let line_start = text[..whole_match]
                    .rsplit('\n')
                    .next()
                    .is_none_or(|l| l.chars().all(|c| c.is_whitespace() || "-–•*".contains(c)));
                let head = pi == 0 && line_start && (start < head_end || start >= foot_start);
                let weight = if head || c.main { HEAD_WEIGHT } else { 1 };
                let Some(canonical) = whole(canonical(&c.value, name.as_str()), doc) else {
                    continue;
                };
                let span = Span {
                    page: page.number,
                    start,
                    end,
                };
                let order = if head { LETTERHEAD + start } else { usize::MAX };
                vote(canonical, weight, span, c.wider, order);
            }
        }
    }
    // The letterhead's first name is the issuer; a line below it names the
    // wider body it belongs to ("Provincia di Pordenone" under a comune).
    // A wider body (a region, a ministry) printed above a body of its own
    // (an azienda sanitaria, an IRCCS) is the one the issuer belongs to.
    let in_head = |v: &(String, usize, Span, bool, usize)| v.4 < usize::MAX;
    let top = votes
        .iter()
        .filter(|v| in_head(v))
        .min_by_key(|v| v.4)
        .map(|v| v.2);
    let own = votes
        .iter()
        .filter(|v| in_head(v) && !v.3)
        .min_by_key(|v| v.4)
        .map(|v| v.2);
    if let Some(issuer) = own.or(top) {
        if let Some(v) = votes.iter_mut().find(|v| v.2 == issuer) {
            v.1 += 1;
        }
    }
    // A wider body (a region) that only the text names, never the head
    // nor a signature, is a body the act speaks of, not its issuer, when
    // the act names a body of its own.
    if votes.iter().any(|v| !v.3) {
        votes.retain(|v| !(v.3 && v.1 < HEAD_WEIGHT));
    }
    // On a tie a body of its own is the issuer before a wider one.
    let best = votes.iter().map(|v| v.1).max()?;
    votes
        .iter()
        .position(|v| v.1 == best && !v.3)
        .or_else(|| votes.iter().position(|v| v.1 == best))
        .map(|i| (votes[i].0.clone(), votes[i].2))
}

/// A name cut short where its line broke ("COMUNE DI CONZA DELLA" and the
/// rest of the letterhead elsewhere) ends with a preposition: it is whole
/// again when the body's web address in the act ("www.comune.
/// conzadellacampania.av.it") begins with it, the rest its last word; else
/// it is no name at all (a wrong body is worse than none).
fn whole(name: String, doc: &Doc) -> Option<String> {
    const CUT: &[&str] = &[
        "di", "del", "della", "dei", "degli", "delle", "dello", "in", "sul", "sulla", "e", "ed",
        "dell'", "dell’", "d'", "d’", "san", "santa", "santo",
    ];
    let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
    if !CUT.contains(&last.as_str()) {
        return Some(name);
    }
    static SITE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?:www\.|@|//)(?:comune|provincia|citta)\.([a-z]+)\.")
            .expect("valid regex")
    });
    let key: String = atti_italian::numwords::fold(&name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    // The name's words after the body's kind ("Comune di ").
    let kind: String = name
        .split(' ')
        .take(2)
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let own = key.strip_prefix(&kind)?;
    for page in doc.pages {
        for m in SITE.captures_iter(&page.text) {
            let site = m[1].to_lowercase();
            if let Some(rest) = site.strip_prefix(own).filter(|r| r.len() > 1) {
                let mut word = rest.to_owned();
                word[..1].make_ascii_uppercase();
                return Some(format!("{name} {word}"));
            }
        }
    }
    None
}

/// Where the first page's text comes in the order of the letterhead: after
/// the furniture printed above it.
const LETTERHEAD: usize = 1 << 32;

/// `text` with the separators of its first `end` bytes (" - ", " – ", " | ")
/// that part a wider body from its own on one heading line ("Regione
/// Piemonte - Azienda Sanitaria Locale CN2") turned into line breaks, every
/// offset kept: a separator parts them only when an `[[administration]]`
/// rule of a wider body reads the words before it and one of a body of its
/// own the words after it; inside quotation marks a dash is part of a name.
fn parted(rules: &MoneyRules, text: &str, end: usize) -> String {
    let body = |seg: &str, wider: bool| {
        let seg = seg.trim();
        !seg.is_empty()
            && rules
                .administrations
                .iter()
                .filter(|c| c.wider == wider)
                .any(|c| c.regex.find(seg).is_some_and(|m| m.start() == 0))
    };
    let mut out = String::with_capacity(text.len());
    let mut quoted = false;
    let mut line = 0;
    for (at, c) in text.char_indices() {
        let len = c.len_utf8();
        match c {
            '“' | '«' => quoted = true,
            '”' | '»' => quoted = false,
            '"' => quoted = !quoted,
            '\n' => {
                quoted = false;
                line = at + 1;
            }
            _ => {}
        }
        let sep = matches!(c, '-' | '–' | '|')
            && !quoted
            && at < end
            && text[..at].ends_with(' ')
            && text[at + len..].starts_with(' ')
            && {
                let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
                body(&text[line..at], true) && body(&text[at + len..line_end], false)
            };
        if sep {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', len - 1));
            line = at + len;
        } else {
            out.push(c);
        }
    }
    out
}

/// Two names of one body, whatever their case and punctuation
/// ("PagoPA S.p.A.", "Pagopa S.p.a.").
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    key(a) == key(b)
}

/// The rule's canonical form with the name read: a name printed in
/// capitals is written as a name, one in mixed case kept as printed
/// ("PagoPA").
fn canonical(template: &str, printed: &str) -> String {
    // Quotation marks around a name ("Istituto Comprensivo “A. Manzoni”")
    // are not part of it.
    let printed: String = printed
        .chars()
        .map(|c| {
            if matches!(c, '“' | '”' | '«' | '»' | '"') {
                ' '
            } else {
                c
            }
        })
        .collect();
    // A line in capitals with a few letters read small (a scan's `l` for
    // `L`: "ONCOlOGICO") is still a line in capitals.
    let lower = printed.chars().filter(|c| c.is_lowercase()).count();
    let upper = printed.chars().filter(|c| c.is_uppercase()).count();
    let shown = if lower * 10 > lower + upper {
        atti_italian::squash(&printed)
    } else {
        title_case(&printed)
    };
    atti_italian::squash(&template.replace("{name}", &shown))
}

/// `MONZA E DELLA BRIANZA` -> `Monza e della Brianza`; articles and
/// prepositions stay small, except `la` and `le`, which begin names of
/// places ("La Spezia").
pub fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &[
        "di", "del", "della", "dei", "degli", "delle", "e", "ed", "in", "sul", "al", "per", "il",
        "lo", "gli", "nel", "nella", "dello", "alla", "sulla", "con",
    ];
    const ELIDED: &[&str] = &[
        "dell'", "dell’", "dall'", "dall’", "nell'", "nell’", "sull'", "sull’", "all'", "all’",
        "d'", "d’",
    ];
    let words: Vec<String> = atti_italian::squash(s)
        .split(' ')
        .map(|w| {
            // A dotted acronym stays in capitals ("SO.GE.NU.S.").
            if w.matches('.').count() >= 2 && w.chars().all(|c| c.is_alphabetic() || c == '.') {
                return w.to_uppercase();
            }
            let lower = w.to_lowercase();
            if SMALL.contains(&lower.as_str()) || ELIDED.contains(&lower.as_str()) {
                return lower;
            }
            // An elided article or preposition stays small: "dell'Ambito".
            let elided = ELIDED
                .iter()
                .find(|e| lower.starts_with(*e) && lower.len() > e.len())
                .map_or(0, |e| e.len());
            let mut out = lower[..elided].to_owned();
            let lower = &lower[elided..];
            let mut up = true;
            for ch in lower.chars() {
                if up {
                    out.extend(ch.to_uppercase());
                } else {
                    out.push(ch);
                }
                up = ch == '\'' || ch == '’' || ch == '-';
            }
            out
        })
        .collect();
    // An elided word printed apart from its word ("D’ ISTRUZIONE") is
    // joined to it: "d’Istruzione".
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let glued = i > 0 && ELIDED.contains(&words[i - 1].as_str());
        if i > 0 && !glued {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
