//! Italian numbers written in words, as deliberations write days and years
//! ("sedici", "ventuno", "duemilaventitré", "millenovecentonovantotto").
//!
//! Rather than parse the compound grammar (with its elisions: "ventuno",
//! "trentotto", "centottanta"), every number from 1 to 2999 is spelled once,
//! in each accepted variant, into a table; reading a word is then one lookup.
//! Words are compared after [`fold`]: lower case, accents removed, so
//! "DUEMILAVENTITRE" and "duemilaventitré" are the same word. Larger
//! numbers, as sums are written ("centoventimilacinquecento", "sei
//! miliardi e quattrocentocinquanta milioni"), are read by
//! [`whole_number`] over the thousands, millions and billions, each part
//! read from the table.

use std::collections::HashMap;
use std::sync::LazyLock;

const UNITS: [&str; 20] = [
    "",
    "uno",
    "due",
    "tre",
    "quattro",
    "cinque",
    "sei",
    "sette",
    "otto",
    "nove",
    "dieci",
    "undici",
    "dodici",
    "tredici",
    "quattordici",
    "quindici",
    "sedici",
    "diciassette",
    "diciotto",
    "diciannove",
];
const TENS: [&str; 10] = [
    "",
    "",
    "venti",
    "trenta",
    "quaranta",
    "cinquanta",
    "sessanta",
    "settanta",
    "ottanta",
    "novanta",
];

/// Lower case with the accents of Italian letters removed.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' => 'a',
            'è' | 'é' => 'e',
            'ì' | 'í' => 'i',
            'ò' | 'ó' => 'o',
            'ù' | 'ú' => 'u',
            '’' | '`' | '´' => '\'',
            c => c,
        })
        .collect()
}

/// Every spelling of 1..=99 accepted (both elided and full forms).
fn below_100(n: u32) -> Vec<String> {
    if n < 20 {
        return vec![UNITS[n as usize].to_string()];
    }
    let (t, u) = ((n / 10) as usize, (n % 10) as usize);
    if u == 0 {
        return vec![TENS[t].to_string()];
    }
    let full = format!("{}{}", TENS[t], UNITS[u]);
    if u == 1 || u == 8 {
        // "ventuno", "trentotto": the tens drop their final vowel.
        let elided = format!("{}{}", &TENS[t][..TENS[t].len() - 1], UNITS[u]);
        vec![elided, full]
    } else {
        vec![full]
    }
}

fn below_1000(n: u32) -> Vec<String> {
    if n < 100 {
        return below_100(n);
    }
    let (h, rest) = (n / 100, n % 100);
    let head = if h == 1 {
        "cento".to_string()
    } else {
        format!("{}cento", UNITS[h as usize])
    };
    if rest == 0 {
        return vec![head];
    }
    let mut out = Vec::new();
    for tail in below_100(rest) {
        // "centottanta" beside "centoottanta".
        if tail.starts_with('o') {
            out.push(format!("{}{}", &head[..head.len() - 1], tail));
        }
        out.push(format!("{head}{tail}"));
    }
    out
}

fn spellings(n: u32) -> Vec<String> {
    if n < 1000 {
        return below_1000(n);
    }
    let (th, rest) = (n / 1000, n % 1000);
    let head = if th == 1 {
        "mille".to_string()
    } else {
        format!("{}mila", UNITS[th as usize])
    };
    if rest == 0 {
        return vec![head];
    }
    below_1000(rest)
        .into_iter()
        .map(|tail| format!("{head}{tail}"))
        .collect()
}

static TABLE: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for n in 1..3000 {
        for s in spellings(n) {
            m.insert(s, n);
        }
    }
    // Days are also written as ordinals ("il primo gennaio") or with "un".
    m.insert("primo".into(), 1);
    m.insert("un".into(), 1);
    m
});

/// A number from 1 to 2999 as acts write it in words: the elided form
/// ("ventuno", "centottanta"), a final "tre" accented ("duemilaventitré").
/// `None` outside that range.
pub fn words(n: u32) -> Option<String> {
    if !(1..3000).contains(&n) {
        return None;
    }
    let mut w = spellings(n).into_iter().next()?;
    if n % 10 == 3 && n % 100 != 13 && n > 10 {
        w.pop();
        w.push('é');
    }
    Some(w)
}

/// The value of one Italian number word between 1 and 2999, if it is one.
/// Spaces and hyphens inside the word are ignored ("duemila ventitré").
pub fn parse(word: &str) -> Option<u32> {
    let w: String = fold(word)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    TABLE.get(&w).copied()
}

/// A whole number in words, up to the billions ("milleduecento",
/// "diecimila", "tremilioniduecentomila").
pub fn whole_number(s: &str) -> Option<u64> {
    let w: String = fold(s)
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if w.is_empty() {
        return None;
    }
    below_billions(&w)
}

fn below_billions(w: &str) -> Option<u64> {
    for (word, one, factor) in [
        ("miliardi", "unmiliardo", 1_000_000_000u64),
        ("milioni", "unmilione", 1_000_000),
    ] {
        if let Some(rest) = w.strip_prefix(one) {
            return Some(factor + opt(rest, factor)?);
        }
        if let Some(i) = w.find(word) {
            let head = small(&w[..i])?;
            return Some(head * factor + opt(&w[i + word.len()..], factor)?);
        }
    }
    if let Some(rest) = w.strip_prefix("mille") {
        return Some(1000 + opt(rest, 1000)?);
    }
    if let Some(i) = w.find("mila") {
        let head = small(&w[..i])?;
        return Some(head * 1000 + opt(&w[i + 4..], 1000)?);
    }
    small(w)
}

/// The rest after a multiplier: nothing, or a smaller number.
fn opt(rest: &str, below: u64) -> Option<u64> {
    if rest.is_empty() {
        return Some(0);
    }
    // "sei miliardi e quattrocentocinquanta milioni"
    let read = |r: &str| below_billions(r).filter(|v| *v < below);
    read(rest).or_else(|| rest.strip_prefix('e').and_then(read))
}

/// 1 to 999.
fn small(w: &str) -> Option<u64> {
    parse(w).filter(|v| *v < 1000).map(u64::from)
}

#[cfg(test)]
mod tests {
    use super::{parse, whole_number, words};

    #[test]
    fn numbers_are_written_as_acts_write_them_and_read_back() {
        assert_eq!(words(16).unwrap(), "sedici");
        assert_eq!(words(21).unwrap(), "ventuno");
        assert_eq!(words(23).unwrap(), "ventitré");
        assert_eq!(words(13).unwrap(), "tredici");
        assert_eq!(words(2023).unwrap(), "duemilaventitré");
        assert_eq!(words(1998).unwrap(), "millenovecentonovantotto");
        assert_eq!(words(0), None);
        for n in 1..3000 {
            assert_eq!(parse(&words(n).unwrap()), Some(n), "{n}");
        }
    }

    #[test]
    fn reads_days_and_years() {
        assert_eq!(parse("uno"), Some(1));
        assert_eq!(parse("primo"), Some(1));
        assert_eq!(parse("sedici"), Some(16));
        assert_eq!(parse("ventuno"), Some(21));
        assert_eq!(parse("ventotto"), Some(28));
        assert_eq!(parse("trentuno"), Some(31));
        assert_eq!(parse("duemilaventitré"), Some(2023));
        assert_eq!(parse("DUEMILAVENTITRE"), Some(2023));
        assert_eq!(parse("Duemilaventitrè"), Some(2023));
        assert_eq!(parse("millenovecentonovantotto"), Some(1998));
        assert_eq!(parse("millenovecentottanta"), Some(1980));
        assert_eq!(parse("duemila"), Some(2000));
        assert_eq!(parse("duemilauno"), Some(2001));
        assert_eq!(parse("duemila ventiquattro"), Some(2024));
        assert_eq!(parse("giugno"), None);
        assert_eq!(parse("anno"), None);
    }

    #[test]
    fn whole_numbers_up_to_the_billions() {
        assert_eq!(whole_number("milleduecento"), Some(1200));
        assert_eq!(whole_number("diecimila"), Some(10_000));
        assert_eq!(whole_number("milleduecentotrentaquattro"), Some(1234));
        assert_eq!(whole_number("centoventimilacinquecento"), Some(120_500));
        assert_eq!(whole_number("unmilione"), Some(1_000_000));
    }
}
