//! What may stand between the parts of a reference: between a locator and
//! its act ("art. 5 del D.Lgs."), between two locators of one act, between an
//! act and a locator that follows it ("Costituzione, art. 97"), and what
//! makes a locator another act's ("art. 5 del regolamento").

use std::sync::LazyLock;

use regex::Regex;

use super::common::{self, grammar};
use super::Mention;

/// Between a locator and its act: "del", "della", "dell'", "ex" (as in
/// "art. 163 ex D.Lgs. 267/2000", the act the article is of), a comma, or
/// nothing; also over ", secondo periodo," and a preposition hyphenated at a
/// line end ("de-\nl D.Lgs."), over a "commi" whose numbers the transcript
/// lost ("art. 34, commi del d.l. ...") and over an article printed twice
/// ("della la legge"); also over a paragraph named only by its place, which
/// has no number to report ("art. 33, ultimo comma della Costituzione"),
/// and over the quotation mark that opens an act's quoted name ("art. 36
/// del “Codice dei contratti pubblici”").
const CONNECTOR_RE: &str = r"(?i)^\s*(?:,?\s*(?:primo|secondo|terzo|quarto|quinto|ultimo|penultimo)\s+periodo\s*)?(?:,?\s*(?:ultimo|penultimo)\s+comma\b\s*,?\s*)?(?:,?\s*comm[ai]\s+)?(?:;\s*(?:del|della|dello|dei|delle)\s+|[,–-]?\s*(?:(?:de(?:-\s+)?l(?:-\s+)?(?:la|lo|le)?|de(?:-\s+)?i|de(?:-\s+)?gli|di\s+cui\s+al(?:la)?|ex)\s+(?:(?:la|il|lo)\s+)?|de(?:-\s+)?l(?:-\s+)?l['’]\s*)?)(?:[“\x22«]\s*)?";
pub(super) static CONNECTOR: LazyLock<Regex> =
    LazyLock::new(|| grammar(&spaced(CONNECTOR_RE)).unwrap());

/// A pattern whose white space also takes the zero-width spaces some
/// producers put between words ("del\u{200B}D.Lgs.").
pub(super) fn spaced(re: &str) -> String {
    re.replace(r"\s", r"[\s\u{200B}\u{2060}\u{FEFF}]")
}
/// The same, over an adjective that points back: "del citato D.Lgs. 50/2016",
/// "del medesimo D.Lgs.".
pub(super) static CONNECTOR_ADJ: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&spaced(&format!(
        r"{CONNECTOR_RE}(?:sopra\s*)?(?:citat[oaie]|medesim[oaie]|stess[oaie]|predett[oaie]|suddett[oaie]|richiamat[oaie]|vigente|nuov[oa])\s+"
    )))
    .unwrap()
});
/// The same over the name of a testo unico, code or regulation approved by
/// the act: "art. 107 del T.U. approvato con D.Lgs. 267/2000", "art. 47 del
/// testo unico ..., approvato con D.P.R. n. 445/2000" (the act approving it
/// is the act whose articles they are), also with the date the name takes
/// from it ("del T.U. 18.08.2000, approvato con D.lgs. 267/2000").
pub(super) static CONNECTOR_APPROVED: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&spaced(&format!(
        r"{CONNECTOR_RE}(?:(?:vigente|nuov[oa]|citat[oa])\s+)?(?:t\.\s?u\.|(?:testo\s+unico|codice|regolamento)\b)(?:\s*(?:del\s+)?(?:{}))?[^;\d()]{{0,120}}?[\s,]approvat[oa]\s+con\s+(?:il\s+|l['’]\s*)?",
        common::date_re()
    )))
    .unwrap()
});
/// The same over a law named by its subject before its date and number:
/// "art. 9 della legge quadro sulle aree protette, legge 6 dicembre 1991, n.
/// 394", "art. 3 del codice sulla protezione dei dati, D.Lgs. n. 196/2003":
/// the name, no act of its own, is passed over to the act after its comma.
pub(super) static CONNECTOR_TITLED: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&spaced(&format!(
        r"{CONNECTOR_RE}(?:legge|codice|testo\s+unico)\s+(?:quadro\s+)?(?:sull(?:['’]\s*|[aeo]\s+|\s+)|sui\s+|sugli\s+|per\s+(?:la\s+|il\s+|l['’]\s*)?|in\s+materia\s+di\s+)[^;\d()]{{0,80}}?,\s*(?:(?:la|il)\s+)?"
    )))
    .unwrap()
});
/// After an article and its act, the paragraph meant: "l'art. 54 del
/// D.Lgs. 165/2001, ed in particolare il comma 5".
pub(super) static REFINE: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&format!(
        r"(?i)^\s*,?\s*(?:(?:e|ed)\s+)?in\s+particolare\s+(?:il\s+|al\s+)?comma\s+(?P<p>\d+(?:[\s-]*(?:{})\b)?)\b",
        common::SUFFIX
    ))
    .unwrap()
});

/// Between two locators of one act: "art. 5, comma 2, e art. 7 della legge
/// ...", "art. 3, comma 2, art. 5 del D.Lgs. ...".
/// Also with the article's preposition: "art. 4, comma 3 e dell'art. 13",
/// and over a paragraph named only by its place: "art. 33, ultimo comma, e
/// l'art. 73 della Costituzione" (the first article's paragraph has no number).
pub(super) static CHAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s*,?\s*(?:ultimo|penultimo)\s+comma\b)?(?:\s*,\s*|\s*,?\s*(?:e|ed|nonch[ée])\s+(?:(?:de|a|ne|da)(?:ll(?:['’]\s*|\s+)|gli\s+|l\s+)|l(?:['’]\s*|\s+)|gli\s+|il\s+|i\s+)?)$").unwrap()
});
/// Between an act and a locator that follows it: "Costituzione, art. 97".
pub(super) static AFTER_ACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*,?\s*").unwrap());
/// The same after a colon, the act heading a list of its articles:
/// "Decreto legislativo n. 33/2013: articolo 10, comma 8; art. 12, c. 1".
pub(super) static AFTER_ACT_COLON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*:\s*$").unwrap());
/// Between two groups of such a list: a semicolon and nothing else.
pub(super) static LIST_SEMICOLON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*;\s*$").unwrap());
/// The same with a preposition: "il Decreto Legislativo n. 18 del 27
/// gennaio 2012, all'art. 5 comma 4 prevede".
pub(super) static AFTER_ACT_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*,\s*(?:(?:a|ne)(?:ll(?:['’]\s*|\s+)|gli\s+|l\s+))$").unwrap()
});
/// The same over the act's title after a dash: "L. 6 novembre 2012, n. 190 –
/// Disposizioni per la prevenzione ..., art. 1, co. 32", also closed by a
/// second dash ("D.Lgs. n. 50/2016 – Codice dei contratti pubblici – art.
/// 36"). A title starts with a capital and holds no digit, bracket,
/// quotation or semicolon.
pub(super) static AFTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[–—-]\s*\p{Lu}[^;\d()“”\x22«»]{1,150}?(?:,\s*|[ \t][–—-][ \t]*)(?:(?:ed\s+|e\s+)?in\s+particolare\s*,?\s*:?\s*)?(?:l['’]\s*|gli\s+|gli\s+)?$").unwrap()
});
/// The same over the act's title in brackets: "legge regionale 29 dicembre
/// 2016, n. 25 (Legge di stabilità 2017), articolo 5, comma 27".
pub(super) static AFTER_GLOSS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\([^()]{1,150}\)\s*,\s*$").unwrap());
/// The same over the note that the act stands as amended: "L. n. 241/90 e
/// s.m.i., artt. 7 e 8", "D.Lgs. 33/2013 e successive modificazioni, art.
/// 23".
pub(super) static AFTER_AMENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:e\s+)?(?:s\.\s*m\.\s*(?:e\s*)?i\.|s\.m\.i\b|ss\.\s*mm\.\s*(?:e\s*)?ii\.|successive\s+modific(?:he|azioni)(?:\s+(?:ed|e)\s+integrazioni)?)\s*,\s*$").unwrap()
});
/// After an act that took its name with it, in brackets or after a dash,
/// the mark closing the name: "D.Lgs. n. 50/2016 (Codice dei contratti
/// pubblici), art. 36", "D.Lgs. n. 50/2016 – Codice dei contratti pubblici –
/// art. 36". A locator after it is the act's; across a line break only
/// after a comma ("Art. 1 - Oggetto" opening the next line is a heading).
pub(super) static NAME_CLOSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*(?:\)|[–—-])[ \t]*(?:,\s*)?$").unwrap());
/// After a locator: it belongs to what follows ("art. 5 del regolamento").
pub(super) static OWNED: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)^\s*,?\s*(?:del|della|dello|dei|delle|degli|dell['’])").unwrap()
});
/// After a locator and its act, what joins a further locator of the same
/// act printed without it: "all'articolo 63 del decreto legislativo n. 50
/// del 2016, per i settori ordinari, e di cui all'articolo 125, per i
/// settori speciali", "dall'art. 3 della legge n. 241/1990 e dall'art. 7".
/// A short clause may stand between (no full stop, semicolon, bracket,
/// quotation or digit), then "e"/"ed"/"nonché" and the article's preposition;
/// or, right after the act (or its gloss in brackets), "e l'art. 83" with
/// the article's bare determiner: "l'art. 80 del d.lgs. 50/2016 (motivi di
/// esclusione) e l'art. 83".
pub(super) static TRAIL: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)^\s*,?\s*(?:[^;:.()\d\n“”\x22«»]{0,60}?,\s*)?(?:e|ed|nonch[ée])\s+(?:di\s+cui\s+)?(?:a|da|de|ne)(?:ll['’]\s*|gli\s+|i\s+|l\s+)$|^\s*(?:\([^()\d;]{2,80}\)\s*)?(?:e|ed)\s+(?:l['’]\s*|gli\s+)$").unwrap()
});

/// Whether the locator starting at `at` follows an act with only spaces
/// between them, on the same line ("D.Lgs. n. 33/2013 art. 47").
pub(super) fn glued_to_act_before(text: &str, mentions: &[Mention], at: usize) -> bool {
    let i = mentions.partition_point(|m| m.range.end <= at);
    i.checked_sub(1).is_some_and(|mi| {
        let between = &text[mentions[mi].range.end..at];
        !between.is_empty() && between.chars().all(|c| c == ' ' || c == '\t')
    })
}

/// Whether the locator starting at `at` follows, after a comma on the same
/// line, an act that is the act of mention `mi` ("D.P.R. 445/2000, artt.").
pub(super) fn right_after_same_act(text: &str, mentions: &[Mention], at: usize, mi: usize) -> bool {
    let i = mentions.partition_point(|m| m.range.end <= at);
    i.checked_sub(1).is_some_and(|pi| {
        let between = &text[mentions[pi].range.end..at];
        let (a, b) = (&mentions[pi].r, &mentions[mi].r);
        pi != mi
            && !between.contains('\n')
            && AFTER_ACT
                .find(between)
                .is_some_and(|g| g.end() == between.len())
            && (&a.act_type, &a.number, a.year) == (&b.act_type, &b.number, b.year)
    })
}
