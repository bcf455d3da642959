//! A small reader of ASN.1 BER/DER: just what a signed file (CMS
//! SignedData, see [`super::signed`]) needs, and bounded for hostile input.
//!
//! A [`Tlv`] is one element: its class and tag number, whether it is
//! constructed, and the bytes of its value. Definite lengths (DER) and the
//! indefinite length of BER (`0x80` ... `00 00`, which signing tools write
//! for large contents) are both read; an indefinite element's value is its
//! children's bytes without the end mark. Nesting is limited by
//! [`MAX_DEPTH`]; a length past the end of the input, a length of more than
//! eight bytes or a tag number that does not fit 32 bits is an error, never a
//! panic or an allocation the input asks for.

/// Deepest nesting read (a certificate is about ten levels deep).
pub const MAX_DEPTH: usize = 64;

/// Why bytes are not BER.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed(pub &'static str);

pub type DerResult<T> = std::result::Result<T, Malformed>;

/// The class of a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Universal,
    Application,
    Context,
    Private,
}

/// One element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tlv<'a> {
    pub class: Class,
    pub constructed: bool,
    pub number: u32,
    /// The value: for an indefinite length, the children without the
    /// end-of-contents mark.
    pub value: &'a [u8],
    /// The whole element, header included (for a definite length).
    pub raw: &'a [u8],
}

pub const SEQUENCE: u32 = 16;
pub const SET: u32 = 17;
pub const OID: u32 = 6;
pub const OCTET_STRING: u32 = 4;
pub const INTEGER: u32 = 2;
pub const UTC_TIME: u32 = 23;
pub const GENERALIZED_TIME: u32 = 24;

impl<'a> Tlv<'a> {
    /// Universal `number`?
    pub fn is(&self, number: u32) -> bool {
        self.class == Class::Universal && self.number == number
    }

    /// Context-specific `[number]`?
    pub fn is_context(&self, number: u32) -> bool {
        self.class == Class::Context && self.number == number
    }

    /// The elements inside a constructed value.
    pub fn children(&self) -> DerResult<Vec<Tlv<'a>>> {
        if !self.constructed {
            return Err(Malformed("un elemento primitivo non ha figli"));
        }
        all(self.value, 1)
    }

    /// The bytes of an OCTET STRING, its pieces joined when BER split it
    /// into a constructed string (bounded by the input's size).
    pub fn octets(&self) -> DerResult<Vec<u8>> {
        let mut out = Vec::new();
        self.octets_into(&mut out, 0)?;
        Ok(out)
    }

    fn octets_into(&self, out: &mut Vec<u8>, depth: usize) -> DerResult<()> {
        if depth > MAX_DEPTH {
            return Err(Malformed("pezzi di stringa annidati troppo in profondità"));
        }
        if !self.constructed {
            out.extend_from_slice(self.value);
            return Ok(());
        }
        for c in all(self.value, depth + 1)? {
            c.octets_into(out, depth + 1)?;
        }
        Ok(())
    }
}

/// Every element in `bytes`, one after another.
pub fn all(mut bytes: &[u8], depth: usize) -> DerResult<Vec<Tlv<'_>>> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let (t, rest) = parse(bytes, depth)?;
        out.push(t);
        bytes = rest;
    }
    Ok(out)
}

/// The first element of `bytes` and what follows it.
pub fn first(bytes: &[u8]) -> DerResult<(Tlv<'_>, &[u8])> {
    parse(bytes, 0)
}

fn parse(bytes: &[u8], depth: usize) -> DerResult<(Tlv<'_>, &[u8])> {
    if depth > MAX_DEPTH {
        return Err(Malformed("annidata troppo in profondità"));
    }
    let (&b0, mut rest) = bytes.split_first().ok_or(Malformed("tag troncato"))?;
    let class = match b0 >> 6 {
        0 => Class::Universal,
        1 => Class::Application,
        2 => Class::Context,
        _ => Class::Private,
    };
    let constructed = b0 & 0x20 != 0;
    let mut number = u32::from(b0 & 0x1f);
    if number == 0x1f {
        number = 0;
        loop {
            let (&b, r) = rest.split_first().ok_or(Malformed("tag troncato"))?;
            rest = r;
            if number > u32::MAX >> 7 {
                return Err(Malformed("numero di tag troppo grande"));
            }
            number = (number << 7) | u32::from(b & 0x7f);
            if b & 0x80 == 0 {
                break;
            }
        }
    }
    let (&l0, r) = rest.split_first().ok_or(Malformed("lunghezza troncata"))?;
    rest = r;
    let header = bytes.len() - rest.len();
    if l0 == 0x80 {
        if !constructed {
            return Err(Malformed("lunghezza indefinita su un elemento primitivo"));
        }
        // Children up to the end-of-contents mark.
        let mut inner = rest;
        loop {
            if inner.len() >= 2 && inner[0] == 0 && inner[1] == 0 {
                let value_len = rest.len() - inner.len();
                let value = &rest[..value_len];
                let end = header + value_len + 2;
                let t = Tlv {
                    class,
                    constructed,
                    number,
                    value,
                    raw: &bytes[..end],
                };
                return Ok((t, &inner[2..]));
            }
            let (_, r) = parse(inner, depth + 1)?;
            inner = r;
        }
    }
    let len = if l0 & 0x80 == 0 {
        usize::from(l0)
    } else {
        let n = usize::from(l0 & 0x7f);
        if n > 8 || n > rest.len() {
            return Err(Malformed("lunghezza errata"));
        }
        let mut len: u64 = 0;
        for &b in &rest[..n] {
            len = (len << 8) | u64::from(b);
        }
        rest = &rest[n..];
        usize::try_from(len).map_err(|_| Malformed("lunghezza troppo grande"))?
    };
    if len > rest.len() {
        return Err(Malformed("lunghezza oltre la fine dei dati"));
    }
    let header = bytes.len() - rest.len();
    let t = Tlv {
        class,
        constructed,
        number,
        value: &rest[..len],
        raw: &bytes[..header + len],
    };
    Ok((t, &rest[len..]))
}

/// An OBJECT IDENTIFIER's value in dotted form (`1.2.840.113549.1.7.2`).
pub fn oid(value: &[u8]) -> DerResult<String> {
    let mut arcs: Vec<u64> = Vec::new();
    let mut n: u64 = 0;
    for (i, &b) in value.iter().enumerate() {
        if n > u64::MAX >> 7 {
            return Err(Malformed("arco di identificatore d'oggetto troppo grande"));
        }
        n = (n << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let first = (n / 40).min(2);
                arcs.push(first);
                arcs.push(n - first * 40);
            } else {
                arcs.push(n);
            }
            n = 0;
        } else if i + 1 == value.len() {
            return Err(Malformed("identificatore d'oggetto troncato"));
        }
    }
    if arcs.is_empty() {
        return Err(Malformed("identificatore d'oggetto vuoto"));
    }
    Ok(arcs
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join("."))
}

/// A UTCTime or GeneralizedTime as RFC 3339 in UTC (`2019-10-31T13:21:32Z`);
/// `None` for a form this reader does not take (local times, fractions are
/// dropped).
pub fn time(t: &Tlv<'_>) -> Option<String> {
    let s = std::str::from_utf8(t.value).ok()?;
    let (year, rest) = if t.is(UTC_TIME) {
        let yy: i32 = s.get(..2)?.parse().ok()?;
        (if yy < 50 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
    } else if t.is(GENERALIZED_TIME) {
        (s.get(..4)?.parse().ok()?, s.get(4..)?)
    } else {
        return None;
    };
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = rest.get(r)?;
        d.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| d.parse().ok())?
    };
    let (mo, d, h, mi) = (digits(0..2)?, digits(2..4)?, digits(4..6)?, digits(6..8)?);
    let sec = digits(8..10).unwrap_or(0);
    let zone = rest
        .get(8..)?
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let date = chrono::NaiveDate::from_ymd_opt(year, mo, d)?;
    let at = date.and_hms_opt(h, mi, sec)?;
    let utc = match zone {
        "Z" | "" => at,
        z if z.len() == 5 && (z.starts_with('+') || z.starts_with('-')) => {
            let zh: i64 = z.get(1..3)?.parse().ok()?;
            let zm: i64 = z.get(3..5)?.parse().ok()?;
            let off = chrono::Duration::minutes(zh * 60 + zm);
            if z.starts_with('+') {
                at - off
            } else {
                at + off
            }
        }
        _ => return None,
    };
    Some(utc.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definite_and_indefinite_lengths() {
        // SEQUENCE { INTEGER 5, OCTET STRING "ab" }
        let der = [0x30, 0x07, 0x02, 0x01, 0x05, 0x04, 0x02, b'a', b'b'];
        let (t, rest) = first(&der).unwrap();
        assert!(rest.is_empty() && t.is(SEQUENCE) && t.constructed);
        let c = t.children().unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].octets().unwrap(), b"ab");
        // The same with an indefinite length and a string in two pieces.
        let ber = [
            0x30, 0x80, 0x02, 0x01, 0x05, 0x24, 0x80, 0x04, 0x01, b'a', 0x04, 0x01, b'b', 0, 0, 0,
            0, 0xff,
        ];
        let (t, rest) = first(&ber).unwrap();
        assert_eq!(rest, [0xff]);
        let c = t.children().unwrap();
        assert_eq!(c[1].octets().unwrap(), b"ab");
    }

    #[test]
    fn object_identifiers_and_times() {
        let v = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
        assert_eq!(oid(&v).unwrap(), "1.2.840.113549.1.7.2");
        assert!(oid(&[0x86]).is_err());
        let utc = Tlv {
            class: Class::Universal,
            constructed: false,
            number: UTC_TIME,
            value: b"191031132132Z",
            raw: b"",
        };
        assert_eq!(time(&utc).as_deref(), Some("2019-10-31T13:21:32Z"));
        let gen = Tlv {
            number: GENERALIZED_TIME,
            value: b"20200831102533+0200",
            ..utc
        };
        assert_eq!(time(&gen).as_deref(), Some("2020-08-31T08:25:33Z"));
        let bad = Tlv {
            value: b"19103113",
            ..utc
        };
        assert_eq!(time(&bad), None);
    }

    #[test]
    fn hostile_input_is_an_error_never_a_panic() {
        let cases: &[&[u8]] = &[
            &[],
            &[0x30],
            &[0x30, 0x85],
            &[0x30, 0x89, 1, 1, 1, 1, 1, 1, 1, 1, 1],
            &[0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
            &[0x30, 0x80, 0x02, 0x01],
            &[0x04, 0x80, 0, 0],
            &[0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00],
        ];
        for c in cases {
            assert!(first(c).is_err(), "{c:?}");
        }
        // Deep nesting of indefinite lengths stops at the limit.
        let mut deep = Vec::new();
        for _ in 0..10_000 {
            deep.extend_from_slice(&[0x30, 0x80]);
        }
        assert!(first(&deep).is_err());
        // Every prefix and every one-byte corruption of a valid element.
        let good = [
            0x30, 0x80, 0x02, 0x01, 0x05, 0x24, 0x80, 0x04, 0x01, b'a', 0x04, 0x01, b'b', 0, 0, 0,
            0,
        ];
        for n in 0..good.len() {
            let _ = first(&good[..n]).map(|(t, _)| t.children().map(|c| c.len()));
            for b in [0x00, 0x80, 0xff, 0x1f] {
                let mut bad = good;
                bad[n] = b;
                if let Ok((t, _)) = first(&bad) {
                    let _ = t.children().map(|c| c.iter().map(|x| x.octets()).count());
                }
            }
        }
    }
}
