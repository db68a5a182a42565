//! A mail server's URL read into its parts — `scheme://[user[:password]@]host[:port][/path]`,
//! user, password and path percent-decoded (`%40` for `@`), an IPv6 host in brackets — the one
//! reading behind the SMTP settings (`mail.smtp_url`) and the IMAP mailboxes
//! (`[[mail.imap]]`). Its errors are short English reasons that never quote the URL, so they
//! never show a password.

/// A URL's parts; what each may be (which schemes, whether a user is needed) is the caller's.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ServerUrl {
    /// The scheme, lower case.
    pub scheme: String,
    pub user: Option<String>,
    /// The password, when the user is followed by `:`.
    pub password: Option<String>,
    /// The host, without an IPv6 address's brackets; may be empty.
    pub host: String,
    /// The port, when written.
    pub port: Option<u16>,
    /// What follows the host's `/`, without trailing `/`s; empty when none.
    pub path: String,
}

impl ServerUrl {
    /// Reads `url`. Errors: `missing scheme`, `invalid percent-encoding`, `invalid port`,
    /// `invalid host` (an unclosed `[` or text after `]`).
    pub(crate) fn parse(url: &str) -> Result<ServerUrl, &'static str> {
        let (scheme, rest) = url.split_once("://").ok_or("missing scheme")?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((userinfo, hostport)) => (Some(userinfo), hostport),
            None => (None, authority),
        };
        let (user, password) = match userinfo.map(|u| u.split_once(':').ok_or(u)) {
            None => (None, None),
            Some(Ok((user, pass))) => (Some(percent_decode(user)?), Some(percent_decode(pass)?)),
            Some(Err(user)) => (Some(percent_decode(user)?), None),
        };
        let port = |p: &str| p.parse::<u16>().map(Some).map_err(|_| "invalid port");
        let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
            let (host, after) = v6.split_once(']').ok_or("invalid host")?;
            match after.strip_prefix(':') {
                Some(p) => (host, port(p)?),
                None if after.is_empty() => (host, None),
                None => return Err("invalid host"),
            }
        } else {
            match hostport.rsplit_once(':') {
                Some((host, p)) => (host, port(p)?),
                None => (hostport, None),
            }
        };
        Ok(ServerUrl {
            scheme: scheme.to_ascii_lowercase(),
            user,
            password,
            host: host.to_owned(),
            port,
            path: percent_decode(path.trim_end_matches('/'))?,
        })
    }
}

/// `text` with each `%XX` replaced by its byte, read as UTF-8.
fn percent_decode(text: &str) -> Result<String, &'static str> {
    const BAD: &str = "invalid percent-encoding";
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).ok_or(BAD)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| BAD)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| BAD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read_into_their_parts() {
        let u = ServerUrl::parse("IMAPS://me%40x.org:p%3As@[::1]:993/Support%20Box/").unwrap();
        assert_eq!(u.scheme, "imaps");
        assert_eq!(
            (u.user.as_deref(), u.password.as_deref()),
            (Some("me@x.org"), Some("p:s"))
        );
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("::1", Some(993), "Support Box")
        );
        let u = ServerUrl::parse("smtp://relay").unwrap();
        assert_eq!(
            (u.user, u.password, u.port, u.path.as_str()),
            (None, None, None, "")
        );
        let u = ServerUrl::parse("smtp://only-user@relay:25").unwrap();
        assert_eq!((u.user.as_deref(), u.password), (Some("only-user"), None));
        for (bad, why) in [
            ("relay:25", "missing scheme"),
            ("smtp://relay:port", "invalid port"),
            ("smtp://[::1:25", "invalid host"),
            ("smtp://[::1]x", "invalid host"),
            ("smtp://u:%zz@relay", "invalid percent-encoding"),
            ("smtp://u:%ff@relay", "invalid percent-encoding"),
        ] {
            assert_eq!(ServerUrl::parse(bad).err(), Some(why), "{bad}");
        }
    }
}
