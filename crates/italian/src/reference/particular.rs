//! "Ed in particolare l'art. N": a locator that belongs to the act named
//! earlier in its sentence ("il D.Lgs. 82/2005, ed in particolare l'art. 5",
//! "la legge ... che, all'articolo 5, comma 14"). The act is the recital's
//! own: not one quoted, converted, in its title ("recante ...") or amending
//! it ("aggiornato dalla ..."). An article printed apart on a line of its
//! own ("e in particolare:\n −− l'art. 10") leaves the act its own
//! reference; "l'art. 5 ... il quale, al comma 2" gives the paragraph.
//! The list may go on in the same recital, each article with its gloss
//! ("l'art. 1, che riconosce ...; gli artt. 6 e 7, che disciplinano ...;
//! l'art. 13"): each item is the same act's. An apostrophe lost in the
//! transcript ("in particolare l art. 28") reads as printed with it.

use std::sync::LazyLock;

use regex::Regex;

use super::common::{self, grammar};
use super::locators::LocItem;
use super::{boundary, Mention};

/// Before a locator that belongs to the act named earlier in its sentence:
/// "il D.Lgs. 82/2005, ed in particolare l'art. 5", "e, in particolar modo,
/// l'articolo 47", "con particolare riferimento all'art. 23", "il quale
/// all'articolo 8", and a relative of place: "il D.L. 34/2020, dove al comma
/// 3-bis dell'art. 106", "la legge ..., nella quale l'art. 4".
static PARTICULAR: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)(?:\bin\s+particolare|\bin\s+particolar\s+modo|\bsegnatamente|\bspecificamente|\bnello\s+specifico|\bcon\s+particolare\s+(?:riferimento|riguardo)|\bin\s+specie|\bin\s+specifico|\bil\s+quale|\bla\s+quale)\s*,?\s*:?\s*(?:[-–—−•·*]+\s*)?(?:l(?:['’]\s*|\s+)|gli\s+|il\s+|la\s+|le\s+|(?:a|da|de|ne)(?:ll(?:['’]\s*|\s+)|gli\s+|l\s+|i\s+))?$|\bche\s*,?\s*:?\s*(?:[-–—−•·*]+\s*)?(?:all(?:['’]\s*|\s+)|agli\s+|al\s+|ai\s+|nell(?:['’]\s*|\s+)|nel\s+|negli\s+)$|\b(?:dove|ove|laddove|in\s+cui|nel\s+quale|nella\s+quale)\s*,?\s*(?:all(?:['’]\s*|\s+)|agli\s+|al\s+|ai\s+|nell(?:['’]\s*|\s+)|nel\s+|negli\s+|l(?:['’]\s*|\s+)|il\s+|gli\s+)$").unwrap()
});
/// Between an act and one named inside its recital: the first act's title
/// ("la legge 5 giugno 2003, n. 131, recante disposizioni per l'adeguamento
/// ... alla legge costituzionale 18 ottobre 2001, n. 3") or the act that
/// amended it ("D.Lgs. n. 285/1992, aggiornato dalla Legge n. 214/2003").
/// "ed in particolare l'art. N" after them is the first act's article.
static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
    grammar(
        r"(?i)\brecante\b|\b(?:modificat|aggiornat|integrat|sostituit|novellat)[oaie]\b[^;]{0,40}$|\b(?:che\s+(?:attua|recepisce|d[àa]\s+attuazione)|(?:in|di)\s+attuazione|attuativ[oaie]|di\s+recepimento)\b[^;]{0,40}$",
    )
    .unwrap()
});
/// The end of a sentence: a full stop after a word of three small letters
/// or a number, then a capital.
static FULL_STOP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\p{Ll}{3}|\d)\.\s+\p{Lu}").unwrap());
/// Just before a conversion law: "convertito, con modificazioni, dalla",
/// "convertito in", "convertito con la". Not before the decree converted:
/// "la legge n. 77, che ha convertito, con modificazioni, il decreto-legge".
static CONVERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)convertit[oa][^;]{0,40}?(?:\bdall[ao]?|\bda|\bin|\bcon(?:\s+la)?|\bnella|\bmediante(?:\s+la)?)\s*['’]?\s*$").unwrap()
});

/// An act named as the complement of a local act's name ("il Regolamento
/// di attuazione della legge 7 agosto 1990, n. 241"): the text before it.
static LOCAL_NAME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:regolament[oi]|statut[oi]|disciplinar[ei])\b[^;.:()\d]{0,60}\b(?:del|della|dello|dei|alla|al|ai)\s*$").unwrap()
});
/// After it, that local act issued by a local measure: "emanato con D.R.
/// n. 133 del 26.1.95", "adottato con deliberazione del Consiglio".
static LOCAL_ISSUE: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)\b(?:emanat|adottat|approvat)[oaie]\s+(?:con|da|dal|dalla|mediante)\s+(?:il\s+|la\s+|l['’]\s*)?(?:d\.\s?r\.|decret[oi]\s+(?:rettoral|direttorial|sindacal|presidenzial)[ei]|decret[oi]\s+del\s+(?:rettore|direttore|sindaco)|deliberazion[ei]|delibera|determinazion[ei]|provvedimento|consiglio|giunta|senato)").unwrap()
});
/// The act that a locator introduced by "ed in particolare" or "il quale
/// all'" belongs to: the last act named before it in the same sentence that
/// is neither inside a quotation nor a conversion law.
pub(super) fn particular_act(text: &str, mentions: &[Mention], at: usize) -> Option<usize> {
    let head = text.get(boundary(text, at.saturating_sub(40))..at)?;
    if !PARTICULAR.is_match(head) {
        return None;
    }
    act_in_sentence(text, mentions, at)
}

/// "in particolare" whose clause reaches a locator over a few words:
/// "dagli artt. 202 e seguenti del D.Lgs. n. 267/2000 ed in particolare
/// nel rispetto dei limiti di cui all'art. 204". Words only between (no
/// digit, bracket, quotation, colon or full stop), then the article's
/// preposition.
static PARTICULAR_REACH: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)\bin\s+particolare\b[^;:.()\d\n“”\x22«»]{1,100}?\s(?:di\s+cui\s+)?(?:a|da|de|ne|su)(?:ll(?:['’]\s*|\s+)|gli\s+|i\s+|l\s+)$").unwrap()
});

/// The act of a locator that an "in particolare" reaches over a clause
/// (see [`PARTICULAR_REACH`]); the caller has seen that no act follows the
/// locator.
pub(super) fn reaching_act(text: &str, mentions: &[Mention], at: usize) -> Option<usize> {
    let head = text.get(boundary(text, at.saturating_sub(160))..at)?;
    if !PARTICULAR_REACH.is_match(head) {
        return None;
    }
    // The act, the "in particolare" and the article on one line: a
    // paragraph that starts "Sono in particolare ..." is not about the act
    // named at the end of the one before.
    act_in_sentence(text, mentions, at)
        .filter(|&mi| !text[mentions[mi].range.end..at].contains('\n'))
}

/// A recital of its own that only points into the one before: "VISTO il
/// D.Lgs. 6 settembre 2011, n. 149, recante ...; VISTO, in particolare,
/// l'art. 4", also after a full stop or on a line of its own ("Visto il
/// D.Lgs. 267/2000.\nVisto in particolare l'art. 107"). Nothing but the
/// verb and "in particolare" before the locator.
static RECITAL_PARTICULAR: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)^\s*(?:vist[oaie]|richiamat[oaie]|considerat[oaie]|rilevat[oaie]|atteso)\s*,?\s*(?:(?:altres[iì]|inoltre)\s*,?\s*)?(?:in\s+particolare|in\s+specie|segnatamente)\s*,?\s*(?:l(?:['’]\s*|\s+)|gli\s+|il\s+|la\s+|le\s+|all(?:['’]\s*|\s+)|agli\s+|al\s+|ai\s+)?$").unwrap()
});

/// The act of the recital before, for a locator whose own recital is only
/// "VISTO, in particolare, l'" (see [`RECITAL_PARTICULAR`]): the act that
/// recital is about, as "in particolare" would find it there. That act
/// keeps its own reference: it was cited by a recital of its own.
pub(super) fn previous_recital_act(text: &str, mentions: &[Mention], at: usize) -> Option<usize> {
    let from = boundary(text, at.saturating_sub(200));
    // The recital's start: the nearest semicolon, line break or full stop
    // after which only the verb and "in particolare" stand.
    let sep = text[from..at]
        .char_indices()
        .rev()
        .filter(|&(_, c)| matches!(c, ';' | '\n' | '.'))
        .take(4)
        .map(|(i, _)| from + i)
        .find(|&p| RECITAL_PARTICULAR.is_match(&text[p + 1..at]))?;
    // The recital before ends where its text does, before the separators.
    let end = text[..sep]
        .trim_end_matches(|c: char| c.is_whitespace() || c == ';')
        .len();
    act_in_sentence(text, mentions, end)
}

/// The last act named before `at` in its sentence that is neither inside a
/// quotation, nor a conversion law, nor inside another act's title.
fn act_in_sentence(text: &str, mentions: &[Mention], at: usize) -> Option<usize> {
    let from = boundary(text, at.saturating_sub(1500));
    let sentence = text[..at].rfind(';').map_or(0, |i| i + 1).max(from);
    // A full stop after a word or a number, before a capital, ends the
    // sentence too ("... n. 523.\nFatte salve ... la Costituzione, che
    // all'art. 44"); an abbreviation's dot ("D.Lgs. 50") does not.
    // A full stop inside a quoted title ("Norme in materia di protezione
    // civile e volontariato. Istituzione dell'Agenzia ...") ends nothing.
    let span = &text[sentence..at];
    let sentence = FULL_STOP
        .find_iter(span)
        .filter(|m| !inside_quotes(&span[..m.start()]))
        .last()
        .map_or(sentence, |m| sentence + m.end() - 1);
    let before = mentions.partition_point(|m| m.range.end <= at);
    (0..before)
        .rev()
        .find(|&mi| {
            let m = &mentions[mi];
            if m.range.start < sentence {
                return false;
            }
            let lead = &text[sentence..m.range.start];
            let quoted = lead.matches(['“', '«']).count() > lead.matches(['”', '»']).count();
            let from = boundary(text, m.range.start.saturating_sub(60));
            let conversion = text
                .get(from..m.range.start)
                .is_some_and(|b| CONVERSION.is_match(b));
            // An act inside another's title, or amending it (see SUBORDINATE).
            let subordinate = mi
                .checked_sub(1)
                .map(|pi| &mentions[pi])
                .filter(|p| p.range.start >= sentence && p.range.end <= m.range.start)
                .is_some_and(|p| SUBORDINATE.is_match(&text[p.range.end..m.range.start]));
            !quoted && !conversion && !subordinate
        })
        .filter(|&mi| !inside_local_name(text, &mentions[mi], at))
}

/// "il Regolamento di attuazione della legge n. 241/1990, emanato con D.R.
/// n. 133/1995, ed in particolare l'art. 25": the act is the complement of a
/// local act's name, and that local act, issued by a local measure, is what
/// the recital is about; its articles are not the act's.
fn inside_local_name(text: &str, m: &Mention, at: usize) -> bool {
    let from = boundary(text, m.range.start.saturating_sub(80));
    LOCAL_NAME_BEFORE.is_match(&text[from..m.range.start])
        && LOCAL_ISSUE.is_match(&text[m.range.end..at])
}

/// Whether the end of `s` lies inside a quotation opened in it.
fn inside_quotes(s: &str) -> bool {
    let opens = s.matches(['“', '«']).count();
    let closes = s.matches(['”', '»']).count();
    opens > closes || s.matches('"').count() % 2 == 1
}

/// "l'art. 5 concernente “...” il quale, al comma 2, dispone": the
/// paragraph of a single article named after it.
static WHICH_AT: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&format!(
        r"(?i)^\s*(?:(?:concernente|recante|rubricato)\s+[“«][^”»]{{0,200}}[”»]\s*)?,?\s*(?:il\s+quale|che)\s*,?\s*al\s+comma\s+(?P<p>\d+(?:[\s-]*(?:{})\b)?)\b",
        common::SUFFIX
    ))
    .unwrap()
});

/// The items of a locator, a single article without paragraph taking the
/// paragraph named after it (see [`WHICH_AT`]).
pub(super) fn refined(text: &str, end: usize, items: &[LocItem]) -> Vec<LocItem> {
    let mut items = items.to_vec();
    if let [it] = items.as_mut_slice() {
        if it.paragraph.is_none() {
            if let Some(c) = WHICH_AT.captures(&text[end..]) {
                it.paragraph = Some(common::norm_num(&c["p"]));
            }
        }
    }
    items
}

/// Whether the locator at `at` starts a line of its own after a colon or a
/// bullet ("e in particolare:\n −− l'art. 10"), apart from its act.
pub(super) fn apart(text: &str, at: usize) -> bool {
    let from = boundary(text, at.saturating_sub(40));
    let head = &text[from..at];
    let line = head.rsplit('\n').next().unwrap_or(head);
    (head.contains('\n')
        && line
            .trim_start()
            .starts_with(['-', '–', '—', '−', '•', '·', '*']))
        || COLON_BULLET.is_match(head)
}

/// A bullet right after a colon, its line break lost in the transcript:
/// "e in particolare:- l'art. 4", "ed in particolare: • l'articolo 10".
static COLON_BULLET: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i):\s*[-–—−•·*]+\s*(?:l(?:['’]\s*|\s+)|gli\s+|il\s+|la\s+|le\s+)?$").unwrap()
});

/// Before a further item of a list of articles "in particolare": "; gli
/// artt. 6 e 7", ", e l'art. 18", "; l art. 13" (a determiner opens it).
static NEXT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)(?:[;,]\s*(?:(?:e|ed)\s+)?|\s(?:e|ed)\s+)(?:l(?:['’]\s*|\s+)|gli\s+)$").unwrap()
});
/// The same as the next bullet of a list: "in particolare:\n- l'art.
/// 107, ...;\n- l'art. 183" (the item before ends with `;` or `,`).
static NEXT_BULLET: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)[;,][ \t]*\n[ \t]*[-–—•·*][ \t]*(?:(?:e|ed)\s+)?(?:l(?:['’]\s*|\s+)|gli\s+)$")
        .unwrap()
});
/// A sentence that ends: a full stop before a capital.
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\.\s+\p{Lu}").unwrap());

/// Whether the locator at `at` goes on the list "in particolare" whose last
/// item ended at `prev_end`: the same line (or the next bullet), no act named in between, no
/// sentence ended, and a list item's opening right before it.
pub(super) fn continues(text: &str, mentions: &[Mention], prev_end: usize, at: usize) -> bool {
    let Some(between) = text.get(prev_end..at) else {
        return false;
    };
    let one_line = !between.contains('\n');
    let bullet = between.matches('\n').count() == 1 && NEXT_BULLET.is_match(between);
    between.len() <= 400
        && (one_line || bullet)
        && !SENTENCE_END.is_match(between)
        && !mentions
            .iter()
            .any(|m| m.range.start >= prev_end && m.range.start < at)
        && (NEXT_ITEM.is_match(between) || bullet)
}

/// Just before a conversion law: "convertito, con modificazioni, dalla",
/// "conv. in".
static CONVERTED_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:convertit[oa]|conv\.)[^;]{0,40}$").unwrap());

/// The decree-law that the conversion law `mi` converts: the last
/// decree-law named before it in the same clause (no semicolon between,
/// at most 400 bytes back), when "convertito ... dalla" introduces it.
pub(super) fn converted_from(text: &str, mentions: &[Mention], mi: usize) -> Option<usize> {
    let m = &mentions[mi];
    if m.r.act_type.as_deref() != Some("legge") {
        return None;
    }
    let from = boundary(text, m.range.start.saturating_sub(60));
    if !CONVERTED_BY.is_match(&text[from..m.range.start]) {
        return None;
    }
    (0..mi).rev().take(2).find(|&k| {
        let d = &mentions[k];
        d.r.act_type.as_deref() == Some("decreto_legge")
            && m.range.start - d.range.end <= 400
            && !text[d.range.end..m.range.start].contains(';')
    })
}
