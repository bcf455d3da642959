//! Signed files: a `.p7m` (CAdES, a CMS SignedData envelope) holds the
//! signed document itself, the legal original of many acts.
//!
//! The envelope is read just enough to take the document out and say who
//! signed it and when: ContentInfo → SignedData → the encapsulated content
//! (`eContent`, an OCTET STRING that BER may split into pieces), the
//! certificates, and for each SignerInfo the certificate it names (issuer
//! and serial number, or subject key identifier) whose subject's common
//! name is the signer, and its signed attribute `signingTime`. Nothing is
//! verified: the signature is the archive's business, the text is ours.
//! An envelope may be DER or BER, raw or in base64 (with or without PEM
//! lines), and may hold another envelope (`.pdf.p7m.p7m`): up to
//! [`MAX_LAYERS`] are opened. A signature without its content (detached)
//! or a damaged envelope is an error that says so.

use super::der::{self, Tlv};
use crate::error::{Error, Result};

/// Envelopes opened one inside another, at most.
pub const MAX_LAYERS: usize = 8;

const SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
const SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
const COMMON_NAME: &str = "2.5.4.3";
const GIVEN_NAME: &str = "2.5.4.42";
const SURNAME: &str = "2.5.4.4";
const SUBJECT_KEY_ID: &str = "2.5.29.14";

/// What the envelopes said about the document inside.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unwrapped {
    /// The signed document's bytes.
    pub content: Vec<u8>,
    /// The signers' names (certificate subject common names), outer
    /// envelope first, each once.
    pub signers: Vec<String>,
    /// The latest signing time of any signer (RFC 3339, UTC).
    pub signed_at: Option<String>,
    /// Envelopes opened.
    pub layers: usize,
}

/// Whether `bytes` look like a signed envelope (DER/BER, or base64 of one).
pub fn is_signed(bytes: &[u8]) -> bool {
    if is_der_envelope(bytes) {
        return true;
    }
    let head = &bytes[..bytes.len().min(512)];
    base64_body(head).is_some_and(|b| is_der_envelope(&decode_base64(&b, 256)))
}

fn is_der_envelope(bytes: &[u8]) -> bool {
    // SEQUENCE, a length of up to 5 bytes, then OID 1.2.840.113549.1.7.2.
    const OID: &[u8] = &[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    ];
    bytes.first() == Some(&0x30)
        && bytes.len() > 16
        && (2..8).any(|at| bytes[at..].starts_with(OID))
}

/// Opens every envelope around the document (see the module's doc).
pub fn unwrap(bytes: &[u8]) -> Result<Unwrapped> {
    let mut out = Unwrapped::default();
    let mut current = bytes.to_vec();
    while out.layers < MAX_LAYERS && is_signed(&current) {
        let der_bytes = if is_der_envelope(&current) {
            current
        } else {
            let body = base64_body(&current).unwrap_or_default();
            decode_base64(&body, usize::MAX)
        };
        let layer = open(&der_bytes).map_err(|e| {
            Error::Unsupported(format!(
                "file firmato (.p7m): la busta non si può leggere ({})",
                e.0
            ))
        })?;
        out.layers += 1;
        for s in layer.signers {
            if !out.signers.contains(&s) {
                out.signers.push(s);
            }
        }
        if let Some(t) = layer.signed_at {
            if out.signed_at.as_ref().is_none_or(|o| *o < t) {
                out.signed_at = Some(t);
            }
        }
        current = layer.content.ok_or_else(|| {
            Error::Unsupported(
                "file firmato (.p7m) senza il documento firmato dentro (una firma separata)".into(),
            )
        })?;
    }
    if out.layers == 0 {
        return Err(Error::Unsupported(
            "non è un file firmato: nessuna busta CMS SignedData".into(),
        ));
    }
    out.content = current;
    Ok(out)
}

/// One envelope's content and signers.
struct Layer {
    content: Option<Vec<u8>>,
    signers: Vec<String>,
    signed_at: Option<String>,
}

fn open(bytes: &[u8]) -> der::DerResult<Layer> {
    let bad = der::Malformed;
    let (info, _) = der::first(bytes)?;
    let info = info.children()?;
    let [kind, content, ..] = info.as_slice() else {
        return Err(bad("ContentInfo too short"));
    };
    if !kind.is(der::OID) || der::oid(kind.value)? != SIGNED_DATA {
        return Err(bad("not SignedData"));
    }
    let signed = content
        .children()?
        .into_iter()
        .next()
        .ok_or(bad("empty SignedData"))?;
    let parts = signed.children()?;
    let encap = parts
        .iter()
        .find(|p| p.is(der::SEQUENCE))
        .ok_or(bad("no encapsulated content"))?;
    let e_content = encap
        .children()?
        .into_iter()
        .find(|c| c.is_context(0))
        .map(|c| -> der::DerResult<Vec<u8>> {
            let inner = c.children()?;
            let mut out = Vec::new();
            for s in inner {
                out.extend(s.octets()?);
            }
            Ok(out)
        })
        .transpose()?;
    let certs: Vec<Tlv<'_>> = match parts.iter().find(|p| p.is_context(0)) {
        Some(c) => c.children()?,
        None => Vec::new(),
    };
    let infos = parts
        .iter()
        .rev()
        .find(|p| p.is(der::SET))
        .map(|s| s.children())
        .transpose()?
        .unwrap_or_default();
    let mut signers = Vec::new();
    let mut signed_at: Option<String> = None;
    for info in infos {
        let fields = info.children()?;
        if let Some(name) = fields.get(1).and_then(|sid| signer_name(sid, &certs)) {
            if !signers.contains(&name) {
                signers.push(name);
            }
        }
        if let Some(attrs) = fields.iter().find(|f| f.is_context(0)) {
            for a in attrs.children()? {
                let a = a.children()?;
                if a.len() == 2 && a[0].is(der::OID) && der::oid(a[0].value)? == SIGNING_TIME {
                    let t = a[1].children()?.first().and_then(der::time);
                    if let Some(t) = t {
                        if signed_at.as_ref().is_none_or(|o| *o < t) {
                            signed_at = Some(t);
                        }
                    }
                }
            }
        }
    }
    Ok(Layer {
        content: e_content,
        signers,
        signed_at,
    })
}

/// The name in the certificate that a SignerInfo's `sid` names.
fn signer_name<'a>(sid: &Tlv<'a>, certs: &[Tlv<'a>]) -> Option<String> {
    let tbs_of = |c: &Tlv<'a>| -> Option<Vec<Tlv<'a>>> {
        let tbs = c.children().ok()?.into_iter().next()?;
        let mut f = tbs.children().ok()?;
        if f.first().is_some_and(|v| v.is_context(0)) {
            f.remove(0);
        }
        Some(f)
    };
    let matches = |f: &[Tlv<'_>]| -> bool {
        if sid.is(der::SEQUENCE) {
            // IssuerAndSerialNumber: issuer Name, serial INTEGER.
            let Ok(s) = sid.children() else { return false };
            s.len() == 2 && f.len() > 2 && f[0].value == s[1].value && f[2].raw == s[0].raw
        } else if sid.is_context(0) {
            key_id(f).is_some_and(|k| k == sid.value)
        } else {
            false
        }
    };
    certs
        .iter()
        .filter_map(tbs_of)
        .find(|f| matches(f))
        .and_then(|f| f.get(4).and_then(name_of))
}

/// The subject key identifier extension of a certificate's fields.
fn key_id(fields: &[Tlv<'_>]) -> Option<Vec<u8>> {
    let ext = fields.iter().find(|f| f.is_context(3))?;
    let list = ext.children().ok()?.into_iter().next()?.children().ok()?;
    for e in list {
        let e = e.children().ok()?;
        if e.first()
            .is_some_and(|o| der::oid(o.value).ok().as_deref() == Some(SUBJECT_KEY_ID))
        {
            let wrapped = e.last()?.octets().ok()?;
            let (inner, _) = der::first(&wrapped).ok()?;
            return Some(inner.value.to_vec());
        }
    }
    None
}

/// A Name's common name, else its given name and surname.
fn name_of(name: &Tlv<'_>) -> Option<String> {
    let mut found: Vec<(String, String)> = Vec::new();
    for rdn in name.children().ok()? {
        for atv in rdn.children().ok()? {
            let p = atv.children().ok()?;
            if p.len() == 2 && p[0].is(der::OID) {
                if let (Ok(o), Some(v)) = (der::oid(p[0].value), string(&p[1])) {
                    found.push((o, v));
                }
            }
        }
    }
    let get = |oid: &str| found.iter().find(|(o, _)| o == oid).map(|(_, v)| v.clone());
    let name = get(COMMON_NAME).or_else(|| {
        let g = get(GIVEN_NAME)?;
        Some(format!("{g} {}", get(SURNAME)?))
    })?;
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then_some(name)
}

/// A directory string's text.
fn string(t: &Tlv<'_>) -> Option<String> {
    if t.class != der::Class::Universal {
        return None;
    }
    match t.number {
        // UTF8String, PrintableString, IA5String, VisibleString.
        12 | 19 | 22 | 26 => Some(String::from_utf8_lossy(t.value).into_owned()),
        // TeletexString: Latin-1 in practice.
        20 => Some(t.value.iter().map(|&b| b as char).collect()),
        // BMPString: UTF-16BE.
        30 => {
            let units: Vec<u16> = t
                .value
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            Some(String::from_utf16_lossy(&units))
        }
        _ => None,
    }
}

/// The base64 characters of a text that is only base64 (and PEM lines):
/// `None` when it holds anything else.
fn base64_body(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(bytes).ok().or_else(|| {
        // A head cut in the middle of nothing but ASCII is still ASCII.
        bytes.is_ascii().then(|| std::str::from_utf8(bytes).ok())?
    })?;
    let mut out = Vec::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("-----") {
            continue;
        }
        for b in line.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/' | b'=' => out.push(b),
                b' ' | b'\t' => {}
                _ => return None,
            }
        }
    }
    (out.len() >= 16).then_some(out)
}

/// Decodes base64 (the padding and anything after it ignored), at most
/// `max` output bytes.
fn decode_base64(body: &[u8], max: usize) -> Vec<u8> {
    let val = |b: u8| -> Option<u32> {
        Some(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity((body.len() / 4 * 3).min(max));
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in body {
        let Some(v) = val(b) else { break };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
            if out.len() >= max {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DER of one element.
    fn tlv(tag: u8, value: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let n = value.len();
        if n < 128 {
            out.push(n as u8);
        } else {
            let bytes = (n as u32).to_be_bytes();
            let skip = bytes.iter().take_while(|b| **b == 0).count();
            out.push(0x80 | (4 - skip) as u8);
            out.extend_from_slice(&bytes[skip..]);
        }
        out.extend_from_slice(value);
        out
    }

    fn oid(dotted: &str) -> Vec<u8> {
        let arcs: Vec<u64> = dotted.split('.').map(|a| a.parse().unwrap()).collect();
        let mut v = vec![(arcs[0] * 40 + arcs[1]) as u8];
        for &a in &arcs[2..] {
            let mut chunk = vec![(a & 0x7f) as u8];
            let mut a = a >> 7;
            while a > 0 {
                chunk.push((a & 0x7f) as u8 | 0x80);
                a >>= 7;
            }
            chunk.reverse();
            v.extend(chunk);
        }
        tlv(0x06, &v)
    }

    fn seq(parts: &[Vec<u8>]) -> Vec<u8> {
        tlv(0x30, &parts.concat())
    }

    fn name(cn: &str) -> Vec<u8> {
        seq(&[tlv(
            0x31,
            &seq(&[oid(COMMON_NAME), tlv(0x0c, cn.as_bytes())]),
        )])
    }

    /// A SignedData envelope around `content`, signed by `cn` at `time`.
    fn envelope(content: &[u8], cn: &str, time: &str) -> Vec<u8> {
        let issuer = name("Test CA");
        let serial = tlv(0x02, &[0x01, 0x23]);
        let tbs = seq(&[
            tlv(0xa0, &tlv(0x02, &[2])),
            serial.clone(),
            seq(&[oid("1.2.840.113549.1.1.11")]),
            issuer.clone(),
            seq(&[]),
            name(cn),
        ]);
        let cert = seq(&[tbs]);
        let attrs = tlv(
            0xa0,
            &seq(&[oid(SIGNING_TIME), tlv(0x31, &tlv(0x17, time.as_bytes()))]),
        );
        let signer = seq(&[
            tlv(0x02, &[1]),
            seq(&[issuer, serial]),
            seq(&[oid("2.16.840.1.101.3.4.2.1")]),
            attrs,
        ]);
        let signed = seq(&[
            tlv(0x02, &[1]),
            tlv(0x31, &[]),
            seq(&[oid("1.2.840.113549.1.7.1"), tlv(0xa0, &tlv(0x04, content))]),
            tlv(0xa0, &cert),
            tlv(0x31, &signer),
        ]);
        seq(&[oid(SIGNED_DATA), tlv(0xa0, &signed)])
    }

    fn base64(bytes: &[u8]) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut s = String::new();
        for c in bytes.chunks(3) {
            let n = (c[0] as u32) << 16
                | (*c.get(1).unwrap_or(&0) as u32) << 8
                | *c.get(2).unwrap_or(&0) as u32;
            for i in 0..4 {
                if i <= c.len() {
                    s.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    s.push('=');
                }
            }
        }
        s
    }

    #[test]
    fn der_base64_pem_and_nested_envelopes() {
        let inner = envelope(b"%PDF-1.4 testo", "ROSSI MARIO", "200831082533Z");
        let u = unwrap(&inner).unwrap();
        assert_eq!(u.content, b"%PDF-1.4 testo");
        assert_eq!(u.signers, ["ROSSI MARIO"]);
        assert_eq!(u.signed_at.as_deref(), Some("2020-08-31T08:25:33Z"));
        let outer = envelope(&inner, "Bianchi Anna", "210101120000Z");
        let pem = format!(
            "-----BEGIN PKCS7-----\n{}\n-----END PKCS7-----\n",
            base64(&outer)
                .as_bytes()
                .chunks(64)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect::<Vec<_>>()
                .join("\n")
        );
        assert!(is_signed(pem.as_bytes()));
        let u = unwrap(pem.as_bytes()).unwrap();
        assert_eq!(u.layers, 2);
        assert_eq!(u.content, b"%PDF-1.4 testo");
        assert_eq!(u.signers, ["Bianchi Anna", "ROSSI MARIO"]);
        assert_eq!(u.signed_at.as_deref(), Some("2021-01-01T12:00:00Z"));
    }

    #[test]
    fn detached_truncated_and_garbage_envelopes_are_errors() {
        assert!(unwrap(b"%PDF-1.4").is_err());
        let env = envelope(b"contenuto", "X", "200101000000Z");
        for n in 0..env.len() {
            let _ = unwrap(&env[..n]);
            let mut bad = env.clone();
            bad[n] ^= 0xa5;
            let _ = unwrap(&bad);
        }
        // Garbage after a valid header.
        let mut g = env[..16].to_vec();
        g.extend(std::iter::repeat_n(0xffu8, 300));
        assert!(unwrap(&g).is_err());
    }
}
