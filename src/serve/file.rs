//! `/file/<doc_id>`: the original file of a document, and only a file
//! under the index's archive root.
//!
//! The name comes from the index, not from the address, and is still
//! checked as if hostile: a name that is absolute or climbs (`..`) is
//! refused, and the file is opened by its real path (links resolved),
//! which must lie under the archive root's real path, so a link placed in
//! the archive after the ingest cannot lead out of it.

use std::path::{Component, Path, PathBuf};

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::layout::Refusal;

/// The largest file served (a bigger one is refused with a message).
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// The real path of `name` under `root` (itself a real path), if it lies
/// there and is a regular file.
pub fn resolve(root: &Path, name: &str) -> Result<PathBuf, Refusal> {
    let rel = Path::new(name);
    if name.is_empty()
        || rel.is_absolute()
        || rel.components().any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            "il nome del file non è un percorso dentro l'archivio",
        ));
    }
    let real = std::fs::canonicalize(root.join(rel))
        .map_err(|_| Refusal::not_found(format!("il file {name} non è più nell'archivio")))?;
    if !real.starts_with(root) {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            format!("il file {name} porta fuori dall'archivio: non viene servito"),
        ));
    }
    if !real.is_file() {
        return Err(Refusal::not_found(format!("{name} non è un file")));
    }
    Ok(real)
}

/// The type a file is served with. What a browser would run (HTML, SVG)
/// is sent as a download, and every file goes with a sandbox policy.
fn content_type(name: &str) -> (&'static str, bool) {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => ("application/pdf", true),
        "txt" => ("text/plain", true),
        "png" => ("image/png", true),
        "jpg" | "jpeg" => ("image/jpeg", true),
        "tif" | "tiff" => ("image/tiff", false),
        "xlsx" => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            false,
        ),
        "docx" => (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            false,
        ),
        _ => ("application/octet-stream", false),
    }
}

/// The file as a response.
pub fn serve(path: &Path, name: &str) -> Result<Response, Refusal> {
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        return Err(Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "il file è di {} MB, oltre il limite di {} MB del servizio web",
                len >> 20,
                MAX_FILE_BYTES >> 20
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Refusal::not_found(format!("il file {name} non si legge: {e}")))?;
    let (ty, inline) = content_type(name);
    let base = Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("file");
    let disposition = format!(
        "{}; filename=\"{}\"; filename*=UTF-8''{}",
        if inline { "inline" } else { "attachment" },
        ascii_name(base),
        percent(base)
    );
    let mut resp = ([(header::CONTENT_TYPE, ty)], bytes).into_response();
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    resp.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        ),
    );
    Ok(resp)
}

/// The name for browsers that do not read `filename*`: letters, digits,
/// spaces and `.-_()` kept, anything else `_`.
fn ascii_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | ' ' | '.' | '-' | '_' | '(' | ')' => c,
            _ => '_',
        })
        .collect()
}

/// RFC 5987: every byte but unreserved ones as `%XX`.
fn percent(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_climb_or_leave_the_root_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("archivio");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/a.txt"), "atto").unwrap();
        std::fs::write(dir.path().join("segreto.txt"), "segreto").unwrap();
        let root = std::fs::canonicalize(&root).unwrap();
        assert!(resolve(&root, "sub/a.txt").is_ok());
        for bad in [
            "../segreto.txt",
            "sub/../../segreto.txt",
            "/etc/passwd",
            "",
            "./sub/a.txt",
        ] {
            let r = resolve(&root, bad).unwrap_err();
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("segreto.txt"), root.join("link.txt"))
                .unwrap();
            let r = resolve(&root, "link.txt").unwrap_err();
            assert_eq!(r.status, StatusCode::FORBIDDEN);
            assert!(r.message.contains("fuori dall'archivio"), "{}", r.message);
        }
        assert_eq!(
            resolve(&root, "sub").unwrap_err().status,
            StatusCode::NOT_FOUND
        );
    }

    #[test]
    fn a_file_name_is_safe_in_its_header() {
        assert_eq!(ascii_name("a\"b\\c è.pdf"), "a_b_c _.pdf");
        assert_eq!(percent("è a.pdf"), "%C3%A8%20a.pdf");
        assert_eq!(content_type("x.HTML"), ("application/octet-stream", false));
    }
}
