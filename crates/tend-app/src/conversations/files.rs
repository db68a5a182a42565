//! Where attachments' bytes live: a directory outside any served path (`AppState::files`,
//! set from `storage.attachments_dir`), each file under its content's SHA-256
//! (`ab/abcdef…`), so a file sent twice is stored once and a sender's name is never a path.
//! [`prepare`] checks the limits on the names made safe, sniffs each file's type from its
//! bytes (`infer`) and stores it.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tend_domain::conversations::attachment::{Sized, check, display_name};
use tend_store::{NewAttachment, StoreError, StoreResult};

/// A file as it arrived: the sender's name, the type they declared and its bytes.
#[derive(Debug, Clone)]
pub struct Upload {
    pub name: String,
    pub declared_type: String,
    pub bytes: Vec<u8>,
}

/// The bytes' SHA-256 in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Where the file with hash `sha` is kept under `dir`; `None` unless `sha` is 64 hex digits.
pub fn path_of(dir: &Path, sha: &str) -> Option<PathBuf> {
    let ok = sha.len() == 64 && sha.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    ok.then(|| dir.join(&sha[..2]).join(sha))
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::io(e)
}

/// Stores `bytes` under `dir` by hash (written aside, then renamed into place) and returns the
/// hash. A file there already is kept and its modification time set to now, so the sweep of
/// unreferenced files ([`super::sweep`]) leaves it alone until the row naming it is committed;
/// if the sweep took it meanwhile, it is written anew.
fn put(dir: &Path, bytes: &[u8]) -> std::io::Result<String> {
    let sha = sha256_hex(bytes);
    let path = path_of(dir, &sha).expect("a hash is a hash");
    let touched = std::fs::File::options()
        .append(true)
        .open(&path)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
    match touched {
        Ok(()) => return Ok(sha),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let parent = path.parent().expect("under dir");
    std::fs::create_dir_all(parent)?;
    let aside = parent.join(format!(".{sha}.{}", std::process::id()));
    std::fs::write(&aside, bytes)?;
    std::fs::rename(&aside, &path)?;
    Ok(sha)
}

/// Checks `files` against the limits (refused on field `files`), then stores each by hash and
/// returns what to record: the safe name, the declared and the sniffed type, the size.
pub async fn prepare(dir: &Path, files: Vec<Upload>) -> StoreResult<Vec<NewAttachment>> {
    let named: Vec<(String, Upload)> = files
        .into_iter()
        .map(|f| (display_name(&f.name), f))
        .collect();
    let sized: Vec<Sized<'_>> = named
        .iter()
        .map(|(name, f)| Sized {
            name,
            size: f.bytes.len(),
        })
        .collect();
    check(&sized).map_err(|r| StoreError::field("files", r))?;
    let dir = dir.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut out = Vec::with_capacity(named.len());
        for (name, f) in named {
            let sha = put(&dir, &f.bytes).map_err(io)?;
            let declared = f.declared_type.trim().to_ascii_lowercase();
            out.push(NewAttachment {
                sha256: sha,
                name,
                declared_type: if declared.is_empty() {
                    "application/octet-stream".to_owned()
                } else {
                    declared.chars().take(100).collect()
                },
                sniffed_type: infer::get(&f.bytes).map(|k| k.mime_type().to_owned()),
                size: f.bytes.len() as i64,
            });
        }
        Ok(out)
    })
    .await
    .map_err(|e| io(std::io::Error::other(e)))?
}

/// The bytes of the file with hash `sha` under `dir`.
pub async fn read(dir: &Path, sha: &str) -> StoreResult<Vec<u8>> {
    let path = path_of(dir, sha).ok_or(StoreError::NotFound("attachment"))?;
    tokio::fs::read(path).await.map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hashes_are_paths() {
        let dir = Path::new("/data");
        assert_eq!(path_of(dir, "../../x"), None);
        let sha = sha256_hex(b"x");
        assert_eq!(path_of(dir, &sha).unwrap(), dir.join(&sha[..2]).join(&sha));
    }
}
