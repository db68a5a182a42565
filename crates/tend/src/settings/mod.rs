//! Tend's settings, one type for every command: each value with where it came from, merged with
//! the precedence command-line flag > `TEND_*` environment variable > `tend.toml` > default.
//! `docs/configuration.md` lists every setting; `tend config show` prints them, secrets masked.

mod file;
mod imap;
mod layers;
mod show;

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::ArgMatches;
use layers::{Layers, leaf};
use serde::Deserialize;

pub use imap::ImapSetting;
pub use show::render;

/// The database Tend uses when none is given: an embedded SQLite file.
pub const DEFAULT_DATABASE: &str = "sqlite://./tend-data/tend.db";

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag, e.g. `--listen`.
    Flag(&'static str),
    /// A `TEND_*` environment variable.
    Env(&'static str),
    /// The configuration file, at this key.
    File(PathBuf),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag --{flag}"),
            Source::Env(var) => write!(f, "environment {var}"),
            Source::File(path) => write!(f, "file {}", path.display()),
            Source::Default => f.write_str("default"),
        }
    }
}

/// One setting's value and its source.
#[derive(Debug, Clone)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// Every setting of Tend (see `docs/configuration.md` for each one's meaning and default).
#[derive(Debug, Clone)]
pub struct Settings {
    /// The configuration file read, if any.
    pub file: Option<PathBuf>,
    /// `database.url`: `sqlite://PATH` or `postgres://…`; a secret (its password is masked).
    pub database: Setting<String>,
    /// `database.sqlite_cache_kib`: SQLite's page cache per connection in KiB, 64–1048576
    /// (memory for pages is at most this × the connections, 9 by default).
    pub sqlite_cache_kib: Setting<u32>,
    /// `database.sqlite_heap_kib`: SQLite's soft limit on all the memory it allocates, in KiB,
    /// 0 (no limit) to 1048576; near it SQLite gives back cached pages before growing.
    pub sqlite_heap_kib: Setting<u32>,
    /// `log.filter`: a `tracing` filter.
    pub log_filter: Setting<String>,
    /// `log.format`.
    pub log_format: Setting<LogFormat>,
    /// `server.listen`: the web server's address.
    pub listen: Setting<SocketAddr>,
    /// `server.secure_cookies`: mark cookies `Secure` (Tend reached over HTTPS).
    pub secure_cookies: Setting<bool>,
    /// `server.metrics_listen`: a second address serving `/metrics` without authentication.
    pub metrics_listen: Setting<Option<SocketAddr>>,
    /// `server.public_url`: the start of every link in a message.
    pub public_url: Setting<String>,
    /// `mail.smtp_url`: the outgoing mail server; a secret (its password is masked).
    pub smtp_url: Setting<Option<String>>,
    /// `mail.from`: the sender of every message.
    pub mail_from: Setting<String>,
    /// `mail.lmtp_listen`: the address mail comes in on over LMTP; none: off.
    pub lmtp_listen: Setting<Option<SocketAddr>>,
    /// `mail.client_ip_header`: the header the local MTA writes with the sending client's IP
    /// address, which SPF checks; none: SPF is not evaluated (`none`).
    pub client_ip_header: Setting<Option<String>>,
    /// `[[mail.imap]]`: the mailboxes mail is taken from over IMAP (file only), each with its
    /// URL as written (masked when shown); empty: off.
    pub imap: Setting<Vec<ImapSetting>>,
    /// `jobs.retention_days`: days from a purchase to its retention contact, 1–3650.
    pub retention_days: Setting<i64>,
    /// `jobs.concurrency`: workers in a `tend worker` process, 1–64.
    pub concurrency: Setting<u32>,
    /// `storage.attachments_dir`: where attachments' bytes are kept (by hash); by default
    /// `attachments` beside a SQLite database, else `./tend-data/attachments`.
    pub attachments_dir: Setting<PathBuf>,
}

/// Where attachments are kept when no setting says: `attachments` in the directory of a SQLite
/// database (`sqlite://./tend-data/tend.db` → `./tend-data/attachments`), else
/// `./tend-data/attachments`.
pub fn default_attachments_dir(database: &str) -> PathBuf {
    let path = database
        .strip_prefix("sqlite://")
        .map(|p| p.split('?').next().unwrap_or(p))
        .filter(|p| !p.is_empty() && !p.starts_with(':'))
        .and_then(|p| std::path::Path::new(p).parent().map(|d| d.to_path_buf()));
    match path {
        Some(d) if !d.as_os_str().is_empty() => d.join("attachments"),
        _ => PathBuf::from("./tend-data/attachments"),
    }
}

impl Settings {
    /// The settings for this command line: its flags, the environment clap read with them,
    /// the file named by `--config`/`TEND_CONFIG` (else `./tend.toml` if present), defaults.
    /// Errors: the file unreadable, not TOML, an unknown key, a value of the wrong type or out
    /// of range — each naming the file or the source, and never echoing a secret.
    pub fn load(matches: &ArgMatches) -> anyhow::Result<Settings> {
        let args = leaf(matches);
        let named = args.get_one::<PathBuf>("config");
        let path = file::locate(named.map(PathBuf::as_path));
        let f = match &path {
            Some(p) => file::read(p)?,
            None => file::FileConfig::default(),
        };
        let l = Layers {
            args,
            file: path.as_deref(),
        };
        let database = l.pick(
            "database",
            "TEND_DATABASE_URL",
            f.database.url,
            DEFAULT_DATABASE.into(),
        );
        let attachments_dir = l.pick(
            "attachments_dir",
            "TEND_ATTACHMENTS_DIR",
            f.storage.attachments_dir,
            default_attachments_dir(&database.value),
        );
        let settings = Settings {
            database,
            sqlite_cache_kib: l.pick(
                "sqlite_cache_kib",
                "TEND_SQLITE_CACHE_KIB",
                f.database.sqlite_cache_kib,
                2048,
            ),
            sqlite_heap_kib: l.pick(
                "sqlite_heap_kib",
                "TEND_SQLITE_HEAP_KIB",
                f.database.sqlite_heap_kib,
                4096,
            ),
            attachments_dir,
            log_filter: l.pick("log", "TEND_LOG", f.log.filter, "info,sqlx=warn".into()),
            log_format: l.pick(
                "log_format",
                "TEND_LOG_FORMAT",
                f.log.format,
                LogFormat::Pretty,
            ),
            listen: l.pick(
                "listen",
                "TEND_LISTEN",
                f.server.listen,
                ([127, 0, 0, 1], 8080).into(),
            ),
            secure_cookies: l.pick(
                "secure_cookies",
                "TEND_SECURE_COOKIES",
                f.server.secure_cookies,
                false,
            ),
            metrics_listen: l.maybe(
                "metrics_listen",
                "TEND_METRICS_LISTEN",
                f.server.metrics_listen,
            ),
            public_url: l.pick(
                "public_url",
                "TEND_PUBLIC_URL",
                f.server.public_url,
                "http://127.0.0.1:8080".into(),
            ),
            smtp_url: l.maybe("smtp_url", "TEND_SMTP_URL", f.mail.smtp_url),
            mail_from: l.pick(
                "mail_from",
                "TEND_MAIL_FROM",
                f.mail.from,
                "Tend <tend@localhost>".into(),
            ),
            lmtp_listen: l.maybe("lmtp_listen", "TEND_LMTP_LISTEN", f.mail.lmtp_listen),
            client_ip_header: l.maybe(
                "client_ip_header",
                "TEND_CLIENT_IP_HEADER",
                f.mail.client_ip_header,
            ),
            imap: imap::read(&f.mail.imap, path.as_deref())?,
            retention_days: l.pick(
                "retention_days",
                "TEND_RETENTION_DAYS",
                f.jobs.retention_days,
                30,
            ),
            concurrency: l.pick("concurrency", "TEND_CONCURRENCY", f.jobs.concurrency, 1),
            file: path,
        };
        settings.check()?;
        Ok(settings)
    }

    /// Range checks the file's values need (flags and environment are checked by clap too).
    fn check(&self) -> anyhow::Result<()> {
        let days = &self.retention_days;
        if !(1..=3650).contains(&days.value) {
            anyhow::bail!(
                "jobs.retention_days ({}): must be 1 to 3650, got {}",
                days.source,
                days.value
            );
        }
        let kib = &self.sqlite_cache_kib;
        if !(64..=1_048_576).contains(&kib.value) {
            anyhow::bail!(
                "database.sqlite_cache_kib ({}): must be 64 to 1048576, got {}",
                kib.source,
                kib.value
            );
        }
        let heap = &self.sqlite_heap_kib;
        if heap.value > 1_048_576 {
            anyhow::bail!(
                "database.sqlite_heap_kib ({}): must be 0 to 1048576, got {}",
                heap.source,
                heap.value
            );
        }
        let n = &self.concurrency;
        if !(1..=64).contains(&n.value) {
            anyhow::bail!(
                "jobs.concurrency ({}): must be 1 to 64, got {}",
                n.source,
                n.value
            );
        }
        Ok(())
    }
}
