//! The layers a setting is picked from — the command line (a flag, or the `TEND_*` variable
//! clap read with it), then the file, then the default — each value keeping its source.

use std::path::Path;

use clap::ArgMatches;
use clap::parser::ValueSource;

use super::{Setting, Source};

/// The command line's deepest subcommand: global flags are propagated down to it.
pub(super) fn leaf(m: &ArgMatches) -> &ArgMatches {
    match m.subcommand() {
        Some((_, sub)) => leaf(sub),
        None => m,
    }
}

/// The layers for one setting: the command line (flag or environment, as clap read them), then
/// the file, then the default.
pub(super) struct Layers<'a> {
    pub(super) args: &'a ArgMatches,
    pub(super) file: Option<&'a Path>,
}

impl Layers<'_> {
    pub(super) fn pick<T: Clone + Send + Sync + 'static>(
        &self,
        id: &'static str,
        env: &'static str,
        from_file: Option<T>,
        default: T,
    ) -> Setting<T> {
        self.pick_opt(id, env, from_file).unwrap_or(Setting {
            value: default,
            source: Source::Default,
        })
    }

    /// An optional setting: absent everywhere is `None` from the defaults.
    pub(super) fn maybe<T: Clone + Send + Sync + 'static>(
        &self,
        id: &'static str,
        env: &'static str,
        from_file: Option<T>,
    ) -> Setting<Option<T>> {
        match self.pick_opt(id, env, from_file) {
            Some(s) => Setting {
                value: Some(s.value),
                source: s.source,
            },
            None => Setting {
                value: None,
                source: Source::Default,
            },
        }
    }

    pub(super) fn pick_opt<T: Clone + Send + Sync + 'static>(
        &self,
        id: &'static str,
        env: &'static str,
        from_file: Option<T>,
    ) -> Option<Setting<T>> {
        let given = self.args.ids().any(|i| i.as_str() == id);
        let source = given.then(|| self.args.value_source(id)).flatten();
        let flag = match source {
            Some(ValueSource::CommandLine) => Some(Source::Flag(flag_name(id))),
            Some(ValueSource::EnvVariable) => Some(Source::Env(env)),
            _ => None,
        };
        if let (Some(source), Some(value)) =
            (flag, given.then(|| self.args.get_one::<T>(id)).flatten())
        {
            return Some(Setting {
                value: value.clone(),
                source,
            });
        }
        let file = self.file?;
        from_file.map(|value| Setting {
            value,
            source: Source::File(file.to_owned()),
        })
    }
}

/// The flag for a clap id (`log_format` → `log-format`).
fn flag_name(id: &'static str) -> &'static str {
    match id {
        "database" => "database",
        "log" => "log",
        "log_format" => "log-format",
        "listen" => "listen",
        "secure_cookies" => "secure-cookies",
        "metrics_listen" => "metrics-listen",
        "public_url" => "public-url",
        "smtp_url" => "smtp-url",
        "mail_from" => "mail-from",
        "lmtp_listen" => "lmtp-listen",
        "retention_days" => "retention-days",
        "concurrency" => "concurrency",
        "attachments_dir" => "attachments-dir",
        "client_ip_header" => "client-ip-header",
        "sqlite_cache_kib" => "sqlite-cache-kib",
        "sqlite_heap_kib" => "sqlite-heap-kib",
        other => other,
    }
}
