//! The index folder as files: its settings file (layout version, archive
//! root), free space, permissions, temporaries left by a killed run.

use std::path::Path;

use super::schema;
use crate::error::{Error, Result};

/// Free bytes on the file system that holds `path`.
pub fn free_bytes(path: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: a NUL-terminated path and a zeroed struct the call fills.
    let rc = unsafe { libc::statvfs(c.as_ptr(), &mut st) };
    (rc == 0).then(|| st.f_bavail as u64 * st.f_frsize as u64)
}

/// Whether a tantivy error is the disk running out of space.
pub fn is_disk_full(e: &tantivy::TantivyError) -> bool {
    let text = e.to_string();
    text.contains("No space left on device") || text.contains("os error 28")
}

/// The bytes the files of an index folder take.
pub fn size_on_disk(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// The process umask (Linux says it in /proc; elsewhere the usual 022).
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022)
}

/// Gives the index's files the permissions the umask allows (tantivy
/// writes some of them private), so that another account of the office
/// can search an index it may read.
pub(super) fn share_files(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = 0o666 & !umask();
    for e in std::fs::read_dir(path).into_iter().flatten().flatten() {
        if let Ok(m) = e.metadata() {
            if m.is_file() && m.permissions().mode() & 0o777 != mode {
                let _ = std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(mode));
            }
        }
    }
}

/// Removes the temporary files a killed run left in the index folder.
pub(super) fn remove_temporaries(path: &Path) {
    for e in std::fs::read_dir(path).into_iter().flatten().flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(".tmp") || name.ends_with(".json.tmp") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The settings file of the index at `path` (layout version, archive root),
/// as a JSON object; empty when there is none.
pub(super) fn read_settings(path: &Path) -> serde_json::Map<String, serde_json::Value> {
    std::fs::read_to_string(path.join(schema::VERSION_FILE))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default()
}

pub(super) fn write_settings(
    path: &Path,
    settings: &serde_json::Map<String, serde_json::Value>,
) -> Result<()> {
    let file = path.join(schema::VERSION_FILE);
    let text = serde_json::to_string_pretty(settings)? + "\n";
    // Written whole and renamed, so a reader never sees half a file.
    let tmp = path.join(format!("{}.tmp", schema::VERSION_FILE));
    std::fs::write(&tmp, text).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, &file).map_err(|e| Error::io(&file, e))
}
