//! `tend config show`: the effective settings, one `key = value  # source` line each, with
//! every secret masked (passwords in URLs, and query parameters that carry one).

use super::{Setting, Settings};

/// What replaces a secret.
pub const MASK: &str = "********";

/// `url` with its password and any secret-looking query value (`password`, `sslpassword`,
/// `token`, `key`, `secret`) replaced by [`MASK`]; a user name is kept, so
/// `postgres://tend:pw@db/tend?sslmode=require` → `postgres://tend:********@db/tend?sslmode=require`.
pub fn mask_url(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let mut out = match base.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = match rest.find('/') {
                Some(i) => rest.split_at(i),
                None => (rest, ""),
            };
            let authority = match authority.rsplit_once('@') {
                Some((userinfo, host)) => match userinfo.split_once(':') {
                    Some((user, _)) => format!("{user}:{MASK}@{host}"),
                    None => format!("{userinfo}@{host}"),
                },
                None => authority.to_owned(),
            };
            format!("{scheme}://{authority}{path}")
        }
        None => base.to_owned(),
    };
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) if secret_key(k) => format!("{k}={MASK}"),
                _ => pair.to_owned(),
            })
            .collect();
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

fn secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    ["pass", "token", "key", "secret"]
        .iter()
        .any(|s| k.contains(s))
}

fn line<T>(out: &mut Vec<String>, key: &str, s: &Setting<T>, shown: String) {
    out.push(format!("{key} = {shown}  # {}", s.source));
}

fn quoted(v: &str) -> String {
    format!("{v:?}")
}

/// The effective settings as TOML-like lines, secrets masked, each with its source.
pub fn render(s: &Settings) -> String {
    let mut out = vec![match &s.file {
        Some(p) => format!("# configuration file: {}", p.display()),
        None => "# configuration file: none".to_owned(),
    }];
    line(
        &mut out,
        "database.url",
        &s.database,
        quoted(&mask_url(&s.database.value)),
    );
    line(
        &mut out,
        "log.filter",
        &s.log_filter,
        quoted(&s.log_filter.value),
    );
    let format = format!("{:?}", s.log_format.value).to_ascii_lowercase();
    line(&mut out, "log.format", &s.log_format, quoted(&format));
    line(
        &mut out,
        "server.listen",
        &s.listen,
        quoted(&s.listen.value.to_string()),
    );
    line(
        &mut out,
        "server.secure_cookies",
        &s.secure_cookies,
        s.secure_cookies.value.to_string(),
    );
    let metrics = s
        .metrics_listen
        .value
        .map_or("(none)".to_owned(), |a| quoted(&a.to_string()));
    line(
        &mut out,
        "server.metrics_listen",
        &s.metrics_listen,
        metrics,
    );
    line(
        &mut out,
        "server.public_url",
        &s.public_url,
        quoted(&s.public_url.value),
    );
    let smtp = s
        .smtp_url
        .value
        .as_deref()
        .map_or("(none)".to_owned(), |u| quoted(&mask_url(u)));
    line(&mut out, "mail.smtp_url", &s.smtp_url, smtp);
    line(
        &mut out,
        "mail.from",
        &s.mail_from,
        quoted(&s.mail_from.value),
    );
    let lmtp = s
        .lmtp_listen
        .value
        .map_or("(none)".to_owned(), |a| quoted(&a.to_string()));
    line(&mut out, "mail.lmtp_listen", &s.lmtp_listen, lmtp);
    let header = (s.client_ip_header.value.as_deref()).map_or("(none)".to_owned(), quoted);
    line(
        &mut out,
        "mail.client_ip_header",
        &s.client_ip_header,
        header,
    );
    if s.imap.value.is_empty() {
        line(&mut out, "mail.imap", &s.imap, "(none)".to_owned());
    }
    for (i, m) in s.imap.value.iter().enumerate() {
        let ca = (m.ca_file.as_ref()).map_or(String::new(), |f| {
            format!(", ca_file = {}", quoted(&f.display().to_string()))
        });
        let shown = format!(
            "{{ url = {}, poll_seconds = {}{ca} }}",
            quoted(&mask_url(&m.url)),
            m.mailbox.poll.as_secs()
        );
        line(&mut out, &format!("mail.imap[{i}]"), &s.imap, shown);
    }
    line(
        &mut out,
        "database.sqlite_cache_kib",
        &s.sqlite_cache_kib,
        s.sqlite_cache_kib.value.to_string(),
    );
    line(
        &mut out,
        "database.sqlite_heap_kib",
        &s.sqlite_heap_kib,
        s.sqlite_heap_kib.value.to_string(),
    );
    line(
        &mut out,
        "jobs.retention_days",
        &s.retention_days,
        s.retention_days.value.to_string(),
    );
    line(
        &mut out,
        "jobs.concurrency",
        &s.concurrency,
        s.concurrency.value.to_string(),
    );
    line(
        &mut out,
        "storage.attachments_dir",
        &s.attachments_dir,
        quoted(&s.attachments_dir.value.display().to_string()),
    );
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_passwords_and_secret_parameters_only() {
        assert_eq!(
            mask_url("postgres://tend:s3cr%40t@db:5432/tend?sslmode=require&sslpassword=x"),
            "postgres://tend:********@db:5432/tend?sslmode=require&sslpassword=********"
        );
        assert_eq!(
            mask_url("smtps://me%40x.org:pw@mail.x.org:465"),
            "smtps://me%40x.org:********@mail.x.org:465"
        );
        assert_eq!(
            mask_url("sqlite://./tend-data/tend.db"),
            "sqlite://./tend-data/tend.db"
        );
        assert_eq!(mask_url("smtp://relay:25"), "smtp://relay:25");
    }
}
