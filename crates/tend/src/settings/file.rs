//! The configuration file `tend.toml`: its shape (every key optional, unknown keys refused) and
//! reading it with errors that name the file, the line and the key.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::LogFormat;

/// The file every command reads when neither `--config` nor `TEND_CONFIG` names one, if it
/// exists in the working directory.
pub const DEFAULT_FILE: &str = "tend.toml";

/// `tend.toml`, as written: each section and key optional; an unknown one is an error.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    #[serde(default)]
    pub database: DatabaseSection,
    #[serde(default)]
    pub log: LogSection,
    #[serde(default)]
    pub server: ServerSection,
    #[serde(default)]
    pub mail: MailSection,
    #[serde(default)]
    pub jobs: JobsSection,
    #[serde(default)]
    pub storage: StorageSection,
}

/// `[storage]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorageSection {
    /// Where attachments' bytes are kept, by hash; outside any served path.
    pub attachments_dir: Option<PathBuf>,
}

/// `[database]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSection {
    /// `sqlite://PATH` or `postgres://USER:PASSWORD@HOST/DB` (a secret: masked when shown).
    pub url: Option<String>,
    /// SQLite: each connection's page cache in KiB.
    pub sqlite_cache_kib: Option<u32>,
    /// SQLite: the soft limit on all its memory in KiB (0: none).
    pub sqlite_heap_kib: Option<u32>,
}

/// `[log]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSection {
    /// A `tracing` filter, e.g. `info,sqlx=warn`.
    pub filter: Option<String>,
    pub format: Option<LogFormat>,
}

/// `[server]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSection {
    pub listen: Option<SocketAddr>,
    pub secure_cookies: Option<bool>,
    pub metrics_listen: Option<SocketAddr>,
    pub public_url: Option<String>,
}

/// `[mail]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSection {
    /// `smtp://…`, `smtp+starttls://…` or `smtps://…` (a secret: masked when shown).
    pub smtp_url: Option<String>,
    pub from: Option<String>,
    /// The LMTP listener's address (mail in); none: off.
    pub lmtp_listen: Option<SocketAddr>,
    /// The header the local MTA writes with the client's IP address (for SPF); none: no SPF.
    pub client_ip_header: Option<String>,
    /// `[[mail.imap]]`: mailboxes on hosted mail to take mail from; none: off.
    #[serde(default)]
    pub imap: Vec<ImapEntry>,
}

/// One `[[mail.imap]]` entry.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImapEntry {
    /// `imaps://user:password@host[:993][/INBOX]` (a secret: masked when shown).
    pub url: String,
    /// Seconds between looks without IDLE (and between IDLE renewals), 1–3600.
    pub poll_seconds: Option<u64>,
    /// A PEM file of certificates to trust instead of the Web PKI roots (`imaps://` only).
    pub ca_file: Option<std::path::PathBuf>,
}

/// `[jobs]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobsSection {
    pub retention_days: Option<i64>,
    pub concurrency: Option<u32>,
}

/// The file to read: `named` (from `--config` or `TEND_CONFIG`, which must exist), else
/// `tend.toml` in the working directory if there is one, else none.
pub fn locate(named: Option<&Path>) -> Option<PathBuf> {
    match named {
        Some(path) => Some(path.to_owned()),
        None => Some(PathBuf::from(DEFAULT_FILE)).filter(|p| p.is_file()),
    }
}

/// Reads and checks `path`. Errors name the file and, for bad TOML, an unknown key or a value
/// of the wrong type, the line and column and the `toml` crate's message naming the key — but
/// never quote the line itself, which may hold a password.
pub fn read(path: &Path) -> anyhow::Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("configuration file {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| {
        let at = e
            .span()
            .map(|span| {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                format!(", line {line}, column {column}")
            })
            .unwrap_or_default();
        anyhow::anyhow!(
            "configuration file {}{at}: {}",
            path.display(),
            e.message().trim_end()
        )
    })
}
