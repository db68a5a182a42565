//! One mailbox watched: connect (rustls for `imaps`), log in, select, take every UNSEEN
//! message through the intake and mark it `\Seen` once stored; then wait — IDLE when the
//! server advertises it (renewed every `poll`), else a sleep of `poll` — and look again.
//! Any error ends the session; the watcher reconnects after a backoff doubling from 1 s to
//! 5 minutes (back to 1 s after a session that logged in). Errors are logged with the
//! mailbox's label, never its password.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use async_imap::Client;
use async_imap::types::Fetch;
use futures_util::TryStreamExt;
use tend_store::StoreError;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::{self, pki_types::ServerName};

use super::Mailbox;
use crate::AppState;
use crate::conversations::inbound::{self, MailIn};
use crate::conversations::lmtp::MAX_MESSAGE_BYTES;

/// Why a session with a mailbox ended. None of these carries the password.
#[derive(Debug, thiserror::Error)]
pub enum PollError {
    #[error("connect: {0}")]
    Io(#[from] std::io::Error),
    #[error("tls: {0}")]
    Tls(String),
    #[error("imap: {0}")]
    Imap(#[from] async_imap::error::Error),
    #[error("store: {0}")]
    Store(#[from] StoreError),
}

/// The longest wait between two attempts to reconnect.
const MAX_BACKOFF: Duration = Duration::from_secs(300);
/// The longest an IDLE lasts before it is renewed (RFC 2177 asks for under 29 minutes).
const MAX_IDLE: Duration = Duration::from_secs(25 * 60);
/// How long a connection attempt may take.
const CONNECT: Duration = Duration::from_secs(30);

/// Watches `mailbox` until `shutdown` completes, taking its mail in as `cfg` says.
pub async fn watch(
    state: AppState,
    cfg: MailIn,
    mailbox: Mailbox,
    shutdown: impl Future<Output = ()> + Send,
) {
    let label = mailbox.label();
    tokio::pin!(shutdown);
    let mut backoff = Duration::from_secs(1);
    loop {
        let mut logged_in = false;
        let ended = tokio::select! {
            () = &mut shutdown => return,
            r = session(&state, &cfg, &mailbox, &mut logged_in) => r,
        };
        if logged_in {
            backoff = Duration::from_secs(1);
        }
        if let Err(e) = ended {
            metrics::counter!("tend_imap_errors_total").increment(1);
            tracing::warn!(mailbox = %label, error = %e, retry_in_s = backoff.as_secs(),
                "IMAP mailbox failed; reconnecting");
        }
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep(backoff) => {}
        }
        backoff = (backoff * 2).min(MAX_BACKOFF);
    }
}

/// rustls trusting the Web PKI roots, or only the mailbox's `ca_file` when it has one.
fn tls(m: &Mailbox) -> Result<TlsConnector, PollError> {
    let roots = if m.ca().is_empty() {
        rustls::RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned())
    } else {
        let mut roots = rustls::RootCertStore::empty();
        for cert in m.ca() {
            roots
                .add(cert.clone())
                .map_err(|e| PollError::Tls(e.to_string()))?;
        }
        roots
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| PollError::Tls(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(TlsConnector::from(Arc::new(config)))
}

async fn session(
    s: &AppState,
    cfg: &MailIn,
    m: &Mailbox,
    logged_in: &mut bool,
) -> Result<(), PollError> {
    let connect = TcpStream::connect((m.host.as_str(), m.port));
    let tcp = tokio::time::timeout(CONNECT, connect)
        .await
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "connect timed out"))??;
    if m.tls {
        let name =
            ServerName::try_from(m.host.clone()).map_err(|e| PollError::Tls(e.to_string()))?;
        let stream = tls(m)?.connect(name, tcp).await?;
        run(stream, s, cfg, m, logged_in).await
    } else {
        run(tcp, s, cfg, m, logged_in).await
    }
}

async fn run<T>(
    stream: T,
    s: &AppState,
    cfg: &MailIn,
    m: &Mailbox,
    logged_in: &mut bool,
) -> Result<(), PollError>
where
    T: AsyncRead + AsyncWrite + Unpin + std::fmt::Debug + Send,
{
    let mut client = Client::new(stream);
    client
        .read_response()
        .await?
        .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::UnexpectedEof))?;
    let mut session = client
        .login(&m.user, m.password())
        .await
        .map_err(|(e, _)| e)?;
    *logged_in = true;
    session.select(&m.mailbox).await?;
    let idle = session.capabilities().await?.has_str("IDLE");
    tracing::info!(mailbox = %m.label(), idle, "IMAP mailbox watched");
    loop {
        take_unseen(&mut session, s, cfg, m).await?;
        if idle {
            let mut handle = session.idle();
            handle.init().await?;
            let (wait, _stop) = handle.wait_with_timeout(m.poll.min(MAX_IDLE));
            wait.await?;
            session = handle.done().await?;
        } else {
            tokio::time::sleep(m.poll).await;
        }
    }
}

/// The envelope sender: what the delivering server wrote as `Return-Path` (empty for `<>`,
/// a bounce), else — a message with no `Return-Path`, as some stores keep them — the `From`
/// address, so that such a message is not taken for a bounce.
fn envelope_from(raw: &[u8]) -> String {
    return_path(raw).unwrap_or_else(|| {
        mail_parser::MessageParser::default()
            .parse_headers(raw)
            .and_then(|m| {
                let from = m.from()?.first()?.address()?.to_owned();
                Some(from)
            })
            .unwrap_or_default()
    })
}

/// The `Return-Path` header's address (empty for `<>`); none without the header.
fn return_path(raw: &[u8]) -> Option<String> {
    let head = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(raw, |i| &raw[..i]);
    String::from_utf8_lossy(head).lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("return-path")
            .then(|| value.trim().trim_matches(['<', '>']).trim().to_owned())
    })
}

/// Takes in every UNSEEN message, oldest first, each marked `\Seen` after the intake stored
/// it; one over [`MAX_MESSAGE_BYTES`] is marked without being taken (and logged).
async fn take_unseen<T>(
    session: &mut async_imap::Session<T>,
    s: &AppState,
    cfg: &MailIn,
    m: &Mailbox,
) -> Result<(), PollError>
where
    T: AsyncRead + AsyncWrite + Unpin + std::fmt::Debug + Send,
{
    let mut uids: Vec<u32> = session.uid_search("UNSEEN").await?.into_iter().collect();
    uids.sort_unstable();
    for uid in uids {
        let set = uid.to_string();
        let sized: Vec<Fetch> = session
            .uid_fetch(&set, "RFC822.SIZE")
            .await?
            .try_collect()
            .await?;
        let size = sized.iter().find_map(|f| f.size).unwrap_or(0) as usize;
        if size > MAX_MESSAGE_BYTES {
            tracing::warn!(mailbox = %m.label(), uid, size, "IMAP message too big; marked seen, not taken");
        } else {
            let fetched: Vec<Fetch> = session
                .uid_fetch(&set, "BODY.PEEK[]")
                .await?
                .try_collect()
                .await?;
            let Some(raw) = fetched.iter().find_map(|f| f.body().map(<[u8]>::to_vec)) else {
                continue;
            };
            let got = inbound::receive(s, cfg, &envelope_from(&raw), &raw).await?;
            tracing::debug!(mailbox = %m.label(), uid, outcome = got.outcome, "IMAP message taken");
        }
        let _: Vec<Fetch> = session
            .uid_store(&set, "+FLAGS.SILENT (\\Seen)")
            .await?
            .try_collect()
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_envelope_sender_is_read_from_return_path() {
        let raw = b"Return-Path: <a@b.c>\r\nFrom: x@y\r\n\r\nReturn-Path: <no@no>\r\n";
        assert_eq!(envelope_from(raw), "a@b.c");
        assert_eq!(
            envelope_from(b"Return-Path: <>\r\nFrom: x@y.z\r\n\r\nhi"),
            ""
        );
        assert_eq!(envelope_from(b"From: X <x@y.z>\r\n\r\nhi"), "x@y.z");
        assert_eq!(envelope_from(b"Subject: none\r\n\r\nhi"), "");
    }
}
