//! The codes an act gives its contract and its counterparties, and their
//! format checks.
//!
//! - CIG (codice identificativo di gara, ANAC): 10 characters. An ordinary
//!   CIG is a 7-digit progressive number and 3 hexadecimal check characters,
//!   the number times 211 modulo 4091 (`8151398A6B`); a SmartCIG (small
//!   contracts, simplified procedure) starts with `X`, `Y`, `Z` or `V`
//!   followed by 9 hexadecimal characters, of which the first two check the
//!   other seven: their value times 211 modulo 251 (`Z65A2B3C4D`; ANAC's
//!   check as its own services and the e-procurement platforms apply it,
//!   known for `X`, `Y` and `Z`); the CIG issued by the certified
//!   e-procurement platforms since 2024 starts with `A` or `B` and has 9
//!   letters or digits (no public check). A code that only looks like a CIG
//!   (a protocol number, a misprint) fails the check.
//! - CUP (codice unico di progetto, CIPE, L. 3/2003 art. 11): 15
//!   characters in a fixed structure: a letter (the issuing subject's
//!   code), two digits, a letter (the nature and type of the project), two
//!   digits (the year), nine digits (a progressive number):
//!   `H19I22000650001`.
//! - Partita IVA: 11 digits whose last is a check digit (Luhn's algorithm,
//!   as D.P.R. 633/1972 art. 35 and D.M. 23/12/1976 set it).
//! - Codice fiscale of a person: 16 characters (surname, name, birth date
//!   and place, a check letter computed from the other fifteen, D.M.
//!   23/12/1976); a body's codice fiscale is 11 digits, checked as a
//!   partita IVA.

/// Upper case, spaces dropped.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

fn hex(b: u8) -> bool {
    b.is_ascii_digit() || (b'A'..=b'F').contains(&b)
}

/// Whether `s` has the shape of a CIG (ordinary, SmartCIG or platform CIG).
pub fn is_cig(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || !b.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let upper = b
        .iter()
        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    let ordinary = b[..7].iter().all(u8::is_ascii_digit)
        && b[7..].iter().all(|c| hex(*c))
        && number(&b[..7], 10) * 211 % 4091 == number(&b[7..], 16);
    let smart = b"XYZV".contains(&b[0])
        && b[1..].iter().all(|c| hex(*c))
        && (b[0] == b'V' || number(&b[3..], 16) * 211 % 251 == number(&b[1..3], 16));
    let platform = (b[0] == b'A' || b[0] == b'B') && b[1..].iter().any(u8::is_ascii_digit);
    upper && (ordinary || smart || platform)
}

/// The value of ASCII digits (hexadecimal when `radix` is 16).
fn number(b: &[u8], radix: u32) -> u64 {
    b.iter().fold(0, |n, c| {
        n * u64::from(radix) + u64::from(char::from(*c).to_digit(radix).unwrap_or(0))
    })
}

/// Whether `s` has the structure of a CUP.
pub fn is_cup(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 15
        && b[0].is_ascii_uppercase()
        && b[1..3].iter().all(u8::is_ascii_digit)
        && b[3].is_ascii_uppercase()
        && b[4..].iter().all(u8::is_ascii_digit)
}

/// Whether `s` is a partita IVA (or a body's numeric codice fiscale) with
/// a right check digit.
pub fn is_partita_iva(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 11 || !b.iter().all(u8::is_ascii_digit) || b.iter().all(|c| *c == b'0') {
        return false;
    }
    let mut sum = 0;
    for (i, c) in b.iter().enumerate() {
        let d = u32::from(c - b'0');
        sum += if i % 2 == 0 {
            d
        } else if d * 2 > 9 {
            d * 2 - 9
        } else {
            d * 2
        };
    }
    sum % 10 == 0
}

/// The value of a character in an odd (1st, 3rd, ...) position of a
/// codice fiscale, by the decree's table.
const ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// Whether `s` is a person's codice fiscale with a right check letter
/// (letters that replace digits in homonyms' codes included).
pub fn is_codice_fiscale(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 16
        || !b
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let letters = [0, 1, 2, 3, 4, 5, 8, 11, 15];
    if !letters.iter().all(|&i| b[i].is_ascii_uppercase()) {
        return false;
    }
    let index = |c: u8| -> usize {
        if c.is_ascii_digit() {
            usize::from(c - b'0')
        } else {
            usize::from(c - b'A')
        }
    };
    let mut sum = 0;
    for (i, c) in b[..15].iter().enumerate() {
        sum += if i % 2 == 0 {
            ODD[index(*c)]
        } else {
            index(*c) as u32
        };
    }
    b[15] == b'A' + (sum % 26) as u8
}

/// A tax id as printed, cleaned, if it passes its check: a partita IVA, a
/// person's codice fiscale, or a body's numeric codice fiscale.
pub fn tax_id(s: &str) -> Option<String> {
    let mut t = clean(s);
    if let Some(rest) = t.strip_prefix("IT").filter(|r| r.len() == 11) {
        t = rest.to_owned();
    }
    (is_partita_iva(&t) || is_codice_fiscale(&t)).then_some(t)
}

/// A code as printed, cleaned for its check (`z1a2 b3c4d5` -> `Z1A2B3C4D5`).
pub fn code(s: &str) -> String {
    clean(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cig_in_its_three_shapes() {
        assert!(is_cig("8151398A6B"));
        assert!(is_cig("55187486EA"));
        assert!(is_cig("Z65A2B3C4D"));
        // Real codes of the gold sets: ordinary and SmartCIG.
        assert!(is_cig("Z6B2CFD782"));
        assert!(is_cig("980329816F"));
        assert!(is_cig("A01F2C3D45"));
        assert!(!is_cig("8151398A6"), "nine characters");
        assert!(
            !is_cig("81513Z8A6B"),
            "a letter among the progressive digits"
        );
        assert!(!is_cig("ZZZZZZZZZZ"), "not hexadecimal");
        assert!(!is_cig("DETERMINAZ"));
        assert!(!is_cig("8151398A6C"), "the check characters do not agree");
        assert!(!is_cig("Z66A2B3C4D"), "the SmartCIG's check does not agree");
        assert!(!is_cig("1234567890"), "a number that only looks like a CIG");
    }

    #[test]
    fn cup_has_a_fixed_structure() {
        assert!(is_cup("H19I22000650001"));
        assert!(
            !is_cup("H19122000650001"),
            "digit 1 printed for the letter I"
        );
        assert!(!is_cup("H19I2200065000"));
        assert_eq!(code("h19i22000650001"), "H19I22000650001");
    }

    #[test]
    fn tax_ids_by_their_check_character() {
        // PagoPA S.p.A.'s partita IVA, as its acts print it.
        assert!(is_partita_iva("15376371009"));
        assert!(!is_partita_iva("15376371008"));
        assert!(!is_partita_iva("00000000000"));
        // The codice fiscale of the decree's own example person.
        assert!(is_codice_fiscale("RSSMRA85T10A562S"));
        assert!(!is_codice_fiscale("RSSMRA85T10A562T"));
        assert_eq!(tax_id("IT 15376371009").as_deref(), Some("15376371009"));
        assert_eq!(
            tax_id("rssmra85t10a562s").as_deref(),
            Some("RSSMRA85T10A562S")
        );
        assert_eq!(tax_id("12345678901"), None);
    }
}
