//! Plain text files, in whatever encoding an archive kept them.
//!
//! The encoding is decided from the bytes: a byte order mark (UTF-8,
//! UTF-16LE/BE), UTF-16 without a mark (NUL bytes on alternate positions),
//! valid UTF-8, then the single-byte code pages of Italian offices:
//! Windows-1252, Latin-1 (1252 without its 0x80-0x9F printables), and the
//! DOS code page 850 of old files, told apart from 1252 by which of the two
//! turns the high bytes into letters inside words ("citt\x85" is "città" in
//! 850 and "citt…" in 1252). Invalid bytes become U+FFFD; NUL bytes are
//! dropped; a file that is mostly control bytes is refused as binary.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::{Limits, Page, Reading};
use crate::error::{Error, Result};

/// Decodes text bytes; returns the text and the name of the encoding used.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc_name(enc));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), enc_name(enc));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), "utf-8");
    }
    // Mostly UTF-8 with a few bad bytes (a truncated or concatenated file)
    // stays UTF-8, with the bad bytes replaced: a valid multi-byte sequence
    // almost never arises by chance in a Latin-1 text, so even one of them
    // for every four bad bytes says UTF-8 ("città" kept, not "cittÃ ").
    let (lossy, _) = UTF_8.decode_without_bom_handling(bytes);
    let replaced = lossy.matches('\u{fffd}').count();
    let valid_non_ascii = lossy
        .chars()
        .filter(|c| !c.is_ascii() && *c != '\u{fffd}')
        .count();
    if valid_non_ascii > 0 && replaced <= 4 * valid_non_ascii {
        return (lossy.into_owned(), "utf-8");
    }
    let cp850 = decode_cp850(bytes);
    let (w1252, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    if letter_score(&cp850) > letter_score(&w1252) {
        return (cp850, "cp850");
    }
    let name = if bytes.iter().any(|b| (0x80..0xa0).contains(b)) {
        "windows-1252"
    } else {
        "latin-1"
    };
    (w1252.into_owned(), name)
}

fn enc_name(enc: &'static Encoding) -> &'static str {
    match enc.name() {
        "UTF-8" => "utf-8",
        "UTF-16LE" => "utf-16le",
        "UTF-16BE" => "utf-16be",
        _ => "other",
    }
}

/// UTF-16 without a byte order mark: most odd (LE) or even (BE) bytes are NUL
/// in text made of Latin letters.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 8 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for (i, b) in bytes[..n].iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1
            } else {
                odd += 1
            }
        }
    }
    let half = n / 2;
    if odd * 10 > half * 7 && even * 10 < half {
        Some(UTF_16LE)
    } else if even * 10 > half * 7 && odd * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// How plausible a decoding is as Italian text: accented letters next to
/// letters score, typographic punctuation scores a little, and anything else
/// outside ASCII (box drawing, rare symbols, C1 controls) costs.
fn letter_score(s: &str) -> i64 {
    let chars: Vec<char> = s.chars().collect();
    let mut score = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() || c == '\u{fffd}' {
            continue;
        }
        let near_letter = (i > 0 && chars[i - 1].is_alphabetic())
            || chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        score += if "àèéìíòóùÀÈÉÌÒÙçÇ".contains(c) && near_letter {
            2
        } else if "’‘“”«»–—…€°".contains(c) {
            1
        } else {
            -1
        };
    }
    score
}

/// Code page 850 (DOS Latin-1), the upper half; the lower half is ASCII.
const CP850_HIGH: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', //
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', 'ø', '£', 'Ø', '×', 'ƒ', //
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '®', '¬', '½', '¼', '¡', '«', '»', //
    '░', '▒', '▓', '│', '┤', 'Á', 'Â', 'À', '©', '╣', '║', '╗', '╝', '¢', '¥', '┐', //
    '└', '┴', '┬', '├', '─', '┼', 'ã', 'Ã', '╚', '╔', '╩', '╦', '╠', '═', '╬', '¤', //
    'ð', 'Ð', 'Ê', 'Ë', 'È', 'ı', 'Í', 'Î', 'Ï', '┘', '┌', '█', '▄', '¦', 'Ì', '▀', //
    'Ó', 'ß', 'Ô', 'Ò', 'õ', 'Õ', 'µ', 'þ', 'Þ', 'Ú', 'Û', 'Ù', 'ý', 'Ý', '¯', '´', //
    '\u{ad}', '±', '‗', '¾', '¶', '§', '÷', '¸', '°', '¨', '·', '¹', '³', '²', '■', '\u{a0}',
];

fn decode_cp850(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| {
            if b < 0x80 {
                b as char
            } else {
                CP850_HIGH[(b - 0x80) as usize]
            }
        })
        .collect()
}

/// True when the bytes look like a binary file rather than text: many
/// control bytes other than tab, newline, carriage return and form feed.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if utf16_without_bom(bytes).is_some() || Encoding::for_bom(bytes).is_some() {
        return false;
    }
    // Old systems pad text files with NULs at the end: that is not binary.
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    let sample = &bytes[..end.min(8192)];
    if sample.len() < 64 {
        return false;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c) || b == 0x7f)
        .count();
    control * 20 > sample.len()
}

/// Normalises decoded text: no NUL bytes, `\n` line ends, at most `max_chars`.
pub fn clean(text: &str, max_chars: usize) -> (String, bool) {
    let mut out = String::with_capacity(text.len().min(max_chars * 4));
    let mut truncated = false;
    let mut n = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if n >= max_chars {
            truncated = true;
            break;
        }
        match c {
            '\0' | '\u{feff}' => continue,
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            _ => out.push(c),
        }
        n += 1;
    }
    (out, truncated)
}

/// Extracts a text file: one page.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Reading> {
    if looks_binary(bytes) {
        return Err(Error::Unsupported(
            "contenuto binario: il file ha l'estensione di un testo ma non è testo".into(),
        ));
    }
    let (decoded, encoding) = decode(bytes);
    let (text, truncated) = clean(&decoded, limits.max_chars);
    let mut warnings = Vec::new();
    if truncated {
        warnings.push(format!("testo tagliato a {} caratteri", limits.max_chars));
    }
    if decoded.contains('\u{fffd}') {
        warnings.push(
            "alcuni byte non erano validi nella codifica riconosciuta e sono stati sostituiti"
                .into(),
        );
    }
    Ok(Reading {
        pages: vec![Page {
            number: 1,
            text,
            ..Page::default()
        }],
        extractor: format!("text/{encoding}"),
        warnings,
        ..Reading::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> (String, String) {
        let e = read(bytes, &Limits::default()).unwrap();
        (e.pages[0].text.clone(), e.extractor)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            text_of("città".as_bytes()),
            ("città".into(), "text/utf-8".into())
        );
        assert_eq!(
            text_of("\u{feff}è".as_bytes()),
            ("è".into(), "text/utf-8".into())
        );
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let mut le = vec![0xff, 0xfe];
        for u in "Attività del Comune".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(
            text_of(&le),
            ("Attività del Comune".into(), "text/utf-16le".into())
        );
        let be: Vec<u8> = "Attività del Comune"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(
            text_of(&be),
            ("Attività del Comune".into(), "text/utf-16be".into())
        );
    }

    #[test]
    fn windows_1252_and_latin1() {
        // "L’attività è «urgente»" in Windows-1252: ’ is 0x92.
        let b = b"L\x92attivit\xe0 \xe8 \xabper la citt\xe0\xbb";
        assert_eq!(
            text_of(b),
            (
                "L’attività è «per la città»".into(),
                "text/windows-1252".into()
            )
        );
        let b = b"La citt\xe0 e l'attivit\xe0";
        assert_eq!(
            text_of(b),
            ("La città e l'attività".into(), "text/latin-1".into())
        );
    }

    #[test]
    fn dos_cp850_is_told_apart_from_1252() {
        // "La città è più bella; perché no" in code page 850.
        let b = b"La citt\x85 \x8a pi\x97 bella; perch\x82 no";
        assert_eq!(
            text_of(b),
            (
                "La città è più bella; perché no".into(),
                "text/cp850".into()
            )
        );
    }

    #[test]
    fn invalid_utf8_bytes_are_replaced_not_fatal() {
        let mut b = "Deliberazione della Giunta comunale n. 12 "
            .repeat(20)
            .into_bytes();
        b.push(0xff);
        b.extend("città".as_bytes());
        let (t, enc) = text_of(&b);
        assert_eq!(enc, "text/utf-8");
        assert!(t.ends_with("\u{fffd}città"));
    }

    #[test]
    fn a_utf8_text_with_more_bad_bytes_than_accents_stays_utf8() {
        let mut b = "La città di Sant’Agata, ".as_bytes().to_vec();
        b.extend([0xff, 0xfe, 0x80]);
        b.extend(" fine".as_bytes());
        let (t, enc) = text_of(&b);
        assert_eq!(enc, "text/utf-8");
        assert!(t.starts_with("La città di Sant’Agata"), "{t}");
        // Latin-1 proper is still Latin-1.
        let (t, _) = text_of(b"La citt\xe0 di Forl\xec e l'universit\xe0");
        assert_eq!(t, "La città di Forlì e l'università");
    }

    #[test]
    fn nul_bytes_dropped_and_crlf_normalised() {
        assert_eq!(text_of(b"a\0b\r\nc\rd").0, "ab\nc\nd");
    }

    #[test]
    fn binary_is_refused() {
        let b: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 32) as u8).collect();
        assert!(matches!(
            read(&b, &Limits::default()),
            Err(Error::Unsupported(_))
        ));
    }

    #[test]
    fn one_huge_line_is_cut_at_the_limit() {
        let b = vec![b'a'; 1 << 20];
        let limits = Limits {
            max_chars: 1000,
            ..Limits::default()
        };
        let e = read(&b, &limits).unwrap();
        assert_eq!(e.pages[0].text.len(), 1000);
        assert_eq!(e.warnings.len(), 1);
    }
}
