//! Mail in from hosted mailboxes over IMAP: each configured mailbox (`[[mail.imap]]`) is
//! watched by its own task ([`poll::watch`]), which takes every UNSEEN message through the
//! same intake as the LMTP listener ([`super::inbound::receive`]) and marks it `\Seen` only
//! once the intake has stored it (at-least-once; a re-delivery is logged `duplicate`).
//! TLS is rustls with the Web PKI roots, or only the certificates of the mailbox's
//! `ca_file` (a private CA, a self-signed server); plain `imap://` is allowed only to a
//! loopback host.
//! The password is never written to a log or an error: [`Mailbox`]'s `Debug` and
//! [`Mailbox::label`] leave it out.

use std::fmt;
use std::path::Path;
use std::time::Duration;

use tokio_rustls::rustls::pki_types::CertificateDer;

use crate::mail::server_url::ServerUrl;
use tokio_rustls::rustls::pki_types::pem::PemObject;

mod poll;

pub use poll::{PollError, watch};

/// Seconds between two looks at a mailbox whose server has no IDLE, by default.
pub const POLL_SECONDS: u64 = 60;

/// One mailbox to take mail from: `imaps://user:password@host:993/INBOX` read into parts.
#[derive(Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub host: String,
    /// 993 for `imaps`, 143 for `imap` unless the URL says.
    pub port: u16,
    /// `imaps` (TLS from the first byte) or `imap` (plain; loopback hosts only).
    pub tls: bool,
    pub user: String,
    password: String,
    /// The mailbox's name (`INBOX` when the URL has no path).
    pub mailbox: String,
    /// How long to wait between two looks when the server has no IDLE; with IDLE, how long
    /// one IDLE lasts before it is renewed (at most 25 minutes).
    pub poll: Duration,
    /// The certificates trusted for this mailbox's TLS instead of the Web PKI roots (read
    /// from `ca_file`); empty: the Web PKI roots.
    ca: Vec<CertificateDer<'static>>,
}

impl fmt::Debug for Mailbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// Whether `host` is this machine (`localhost`, `127.0.0.0/8`, `::1`).
fn loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Mailbox {
    /// Reads `imaps://user:password@host[:port][/mailbox]` (user and password
    /// percent-encoded, e.g. `%40` for `@`), looked at every `poll_seconds` (1–3600) without
    /// IDLE. Errors (in English, never quoting the URL or the password): a scheme other than
    /// `imaps`/`imap`, `imap` to a host that is not loopback, no user or password, a bad port
    /// or host, a poll outside 1–3600.
    pub fn from_url(url: &str, poll_seconds: u64) -> Result<Mailbox, String> {
        let u = ServerUrl::parse(url)?;
        let tls = match u.scheme.as_str() {
            "imaps" => true,
            "imap" => false,
            _ => return Err("the scheme must be imaps (or imap to localhost)".into()),
        };
        let user = u.user.ok_or("missing user")?;
        let password = u.password.ok_or("missing password")?;
        if user.is_empty() || password.is_empty() {
            return Err("missing user or password".into());
        }
        let port = u.port.unwrap_or(if tls { 993 } else { 143 });
        let host = u.host.as_str();
        if host.is_empty() {
            return Err("missing host".into());
        }
        if !tls && !loopback(host) {
            return Err("plain imap:// is only allowed to localhost; use imaps://".into());
        }
        if !(1..=3600).contains(&poll_seconds) {
            return Err(format!(
                "poll_seconds must be 1 to 3600, got {poll_seconds}"
            ));
        }
        let mailbox = u.path;
        Ok(Mailbox {
            host: host.to_owned(),
            port,
            tls,
            user,
            password,
            mailbox: if mailbox.is_empty() {
                "INBOX".into()
            } else {
                mailbox
            },
            poll: Duration::from_secs(poll_seconds),
            ca: Vec::new(),
        })
    }

    /// The mailbox trusting only the certificates in the PEM file `ca_file` (a private CA's,
    /// or the server's own self-signed one) instead of the Web PKI roots. Errors (in English,
    /// naming the file): unreadable, no certificate in it, a certificate that cannot be read,
    /// or a plain `imap://` mailbox (no TLS to trust anything for).
    pub fn trusting(mut self, ca_file: &Path) -> Result<Mailbox, String> {
        let at = ca_file.display();
        if !self.tls {
            return Err(format!(
                "ca_file {at}: the mailbox is plain imap://, without TLS"
            ));
        }
        let certs = CertificateDer::pem_file_iter(ca_file)
            .map_err(|e| format!("ca_file {at}: {e}"))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("ca_file {at}: {e}"))?;
        if certs.is_empty() {
            return Err(format!("ca_file {at}: no PEM certificate in it"));
        }
        self.ca = certs;
        Ok(self)
    }

    /// The certificates trusted instead of the Web PKI roots (empty: the roots).
    pub(crate) fn ca(&self) -> &[CertificateDer<'static>] {
        &self.ca
    }

    /// The mailbox as logs name it, without the password: `imaps://user@host:993/INBOX`.
    pub fn label(&self) -> String {
        let scheme = if self.tls { "imaps" } else { "imap" };
        format!(
            "{scheme}://{}@{}:{}/{}",
            self.user, self.host, self.port, self.mailbox
        )
    }

    pub(crate) fn password(&self) -> &str {
        &self.password
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read_and_never_show_the_password() {
        let m = Mailbox::from_url("imaps://help%40x.org:s3cr%3At@mail.x.org/Support", 30).unwrap();
        assert_eq!((m.user.as_str(), m.password()), ("help@x.org", "s3cr:t"));
        assert_eq!((m.host.as_str(), m.port, m.tls), ("mail.x.org", 993, true));
        assert_eq!(m.mailbox, "Support");
        assert_eq!(m.label(), "imaps://help@x.org@mail.x.org:993/Support");
        assert!(!format!("{m:?}").contains("s3cr"));
        let local = Mailbox::from_url("imap://u:p@127.0.0.1:1143", 60).unwrap();
        assert_eq!(
            (local.port, local.tls, local.mailbox.as_str()),
            (1143, false, "INBOX")
        );
        for bad in [
            "imap://u:p@mail.x.org/INBOX",
            "pop3://u:p@x.org",
            "imaps://mail.x.org",
            "imaps://u@mail.x.org",
            "imaps://u:p@mail.x.org:port",
        ] {
            let e = Mailbox::from_url(bad, 60).unwrap_err();
            assert!(!e.contains(":p@"), "{e}");
        }
        assert!(Mailbox::from_url("imaps://u:p@x.org", 0).is_err());
    }
}
