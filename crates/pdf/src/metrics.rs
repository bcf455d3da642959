//! Built-in glyph widths for the standard 14 fonts.
//!
//! reportlab and other producers use Helvetica, Times and Courier without
//! embedding them or writing `/Widths`; word positions then need the
//! metrics every PDF reader ships. We keep the printable ASCII widths of the
//! four Helvetica and Times faces (italics share their upright widths, close
//! enough for word positions), Courier's fixed 600, and read an accented
//! letter as its base letter.

/// Widths of ' ' (0x20) to '~' (0x7E), in 1/1000 em.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const TIMES_BOLD: [u16; 95] = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
    611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
    722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
    278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

/// Which built-in metrics a base font name uses, if it is one of the 14
/// (or a common alias such as Arial).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Standard {
    Helvetica,
    HelveticaBold,
    Times,
    TimesBold,
    Courier,
    Other,
}

impl Standard {
    pub fn from_base_font(name: &[u8]) -> Option<Standard> {
        // Subset prefix "ABCDEF+".
        let name = match name.iter().position(|&b| b == b'+') {
            Some(6) => &name[7..],
            _ => name,
        };
        let s = String::from_utf8_lossy(name).to_ascii_lowercase();
        let bold = s.contains("bold") || s.contains("black") || s.contains("heavy");
        if s.starts_with("helvetica") || s.starts_with("arial") {
            Some(if bold {
                Standard::HelveticaBold
            } else {
                Standard::Helvetica
            })
        } else if s.starts_with("times") {
            Some(if bold {
                Standard::TimesBold
            } else {
                Standard::Times
            })
        } else if s.starts_with("courier") {
            Some(Standard::Courier)
        } else if s.starts_with("symbol") || s.starts_with("zapfdingbats") {
            Some(Standard::Other)
        } else {
            None
        }
    }

    /// Width of `c` in 1/1000 em.
    pub fn width(self, c: char) -> f32 {
        let table = match self {
            Standard::Courier => return 600.0,
            Standard::Other => return 500.0,
            Standard::Helvetica => &HELVETICA,
            Standard::HelveticaBold => &HELVETICA_BOLD,
            Standard::Times => &TIMES,
            Standard::TimesBold => &TIMES_BOLD,
        };
        let c = base_letter(c);
        match c as u32 {
            0x20..=0x7e => table[c as usize - 0x20] as f32,
            _ => match c {
                '’' | '‘' => table[7] as f32,
                '“' | '”' | '«' | '»' => table[2] as f32,
                '–' => table[0x2d - 0x20] as f32 * 1.6,
                '—' => 1000.0,
                _ => table[(b'n' - 0x20) as usize] as f32,
            },
        }
    }
}

/// The unaccented letter of a Latin-1 accented letter.
fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        '\u{a0}' => ' ',
        c => c,
    }
}
