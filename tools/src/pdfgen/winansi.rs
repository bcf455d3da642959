//! WinAnsiEncoding: the one-byte encoding of the standard 14 fonts.
//!
//! It is Windows-1252 under another name: ASCII, Latin-1 from 0xA0, and in
//! 0x80..0x9F the typographic signs Italian documents use all the time (’ “ ” –
//! — € …). A character outside it cannot be shown with a standard font, so it
//! becomes `?`, as a word processor exporting to a simple font would do.

/// The WinAnsi byte of `c`, if it has one.
pub fn encode_char(c: char) -> Option<u8> {
    let u = c as u32;
    match u {
        0x20..=0x7E | 0xA0..=0xFF => Some(u as u8),
        _ => Some(match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => return None,
        }),
    }
}

/// `s` in WinAnsi; characters it lacks become `?`.
pub fn encode(s: &str) -> Vec<u8> {
    s.chars().map(|c| encode_char(c).unwrap_or(b'?')).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_letters_and_typography() {
        assert_eq!(encode("è"), vec![0xE8]);
        assert_eq!(
            encode("à é ì ò ù"),
            vec![0xE0, 32, 0xE9, 32, 0xEC, 32, 0xF2, 32, 0xF9]
        );
        assert_eq!(encode("’«»–€"), vec![0x92, 0xAB, 0xBB, 0x96, 0x80]);
        assert_eq!(encode("Ω"), b"?".to_vec());
    }
}
