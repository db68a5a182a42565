//! SMTP connection settings: host, port, transport security, credentials and sender.
//!
//! The password never appears in `Debug` output, so settings may be logged.

use std::fmt;

use super::MailError;
use super::server_url::ServerUrl;

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// No encryption. Only for a relay on the same host or a test server.
    Plain,
    /// Plain connection upgraded with STARTTLS, which is required (usually port 587).
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl Security {
    /// The port this security usually runs on.
    pub fn default_port(self) -> u16 {
        match self {
            Security::Plain => 25,
            Security::StartTls => 587,
            Security::Tls => 465,
        }
    }
}

/// Where and as whom mail is sent.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sender, `Name <address>` or a bare address.
    pub from: String,
}

impl fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("from", &self.from)
            .finish()
    }
}

impl SmtpSettings {
    /// Parses `scheme://[user[:password]@]host[:port]`, where the scheme is `smtp` (plain),
    /// `smtp+starttls` or `smtps` (TLS); user and password may be percent-encoded.
    pub fn from_url(url: &str, from: impl Into<String>) -> Result<SmtpSettings, MailError> {
        let bad = |why: &str| MailError::Permanent(format!("SMTP URL: {why}"));
        let u = ServerUrl::parse(url).map_err(bad)?;
        let security = match u.scheme.as_str() {
            "smtp" => Security::Plain,
            "smtp+starttls" => Security::StartTls,
            "smtps" => Security::Tls,
            _ => return Err(bad("scheme must be smtp, smtp+starttls or smtps")),
        };
        if u.host.is_empty() || !u.path.is_empty() {
            return Err(bad("invalid host"));
        }
        Ok(SmtpSettings {
            host: u.host,
            port: u.port.unwrap_or(security.default_port()),
            security,
            username: u.user,
            password: u.password,
            from: from.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_urls_and_hides_the_password() {
        let s = SmtpSettings::from_url("smtp+starttls://me%40x.org:p%3Ass@mail.x.org", "a@x.org")
            .unwrap();
        assert_eq!(s.host, "mail.x.org");
        assert_eq!(s.port, 587);
        assert_eq!(s.security, Security::StartTls);
        assert_eq!(s.username.as_deref(), Some("me@x.org"));
        assert_eq!(s.password.as_deref(), Some("p:ss"));
        assert!(!format!("{s:?}").contains("p:ss"));
        let s = SmtpSettings::from_url("smtp://127.0.0.1:2525", "a@x.org").unwrap();
        assert_eq!(
            (s.port, s.security, s.username),
            (2525, Security::Plain, None)
        );
        assert!(SmtpSettings::from_url("http://x", "a@x.org").is_err());
        assert!(SmtpSettings::from_url("smtps://x:port", "a@x.org").is_err());
    }
}
