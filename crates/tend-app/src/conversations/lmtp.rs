//! The LMTP listener (RFC 2033) that a local MTA (Postfix, Exim) delivers mail for Tend to:
//! `LHLO`, `MAIL FROM`, `RCPT TO`, `DATA` (one reply per recipient), `RSET`, `NOOP`, `QUIT`.
//! It also answers an SMTP client (`EHLO`/`HELO`: one reply per message), for relays that
//! speak only SMTP. Each message goes through [`inbound::receive`]; a store failure answers
//! `451` so the sender retries. Off unless an address is configured; meant for a private
//! address: it authenticates nobody.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use super::inbound::{self, MailIn};
use crate::AppState;

/// The largest message taken, in bytes (`SIZE`); larger ones are refused with 552.
pub const MAX_MESSAGE_BYTES: usize = 10 * 1024 * 1024;
/// The longest command line read; longer ones end the session.
const MAX_LINE: usize = 4096;
/// How long a client may stay silent.
const IDLE: Duration = Duration::from_secs(300);

/// Serves LMTP on `listener` until `shutdown` completes; each connection in its own task.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    cfg: MailIn,
    shutdown: impl Future<Output = ()> + Send,
) {
    let cfg = Arc::new(cfg);
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let (state, cfg) = (state.clone(), cfg.clone());
                    tokio::spawn(async move {
                        if let Err(e) = session(stream, &state, &cfg).await {
                            tracing::debug!(%peer, error = %e, "LMTP session ended");
                        }
                    });
                }
                Err(e) => {
                    tracing::warn!(error = %e, "LMTP accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
        }
    }
}

/// One line from the client, without its line ending; `None` at the end of the stream.
async fn line(
    r: &mut BufReader<tokio::net::tcp::ReadHalf<'_>>,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    let n = tokio::time::timeout(
        IDLE,
        (&mut *r)
            .take(MAX_LINE as u64 + 2)
            .read_until(b'\n', &mut buf),
    )
    .await
    .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "idle"))??;
    if n == 0 {
        return Ok(None);
    }
    if !buf.ends_with(b"\n") {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "line too long",
        ));
    }
    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        buf.pop();
    }
    Ok(Some(buf))
}

/// The address in `FROM:<a@b> SIZE=…` / `TO:<a@b>`; empty for `<>`.
fn path(arg: &str) -> Option<String> {
    let (_, rest) = arg.split_once(':')?;
    let rest = rest.trim_start();
    let inner = rest.strip_prefix('<')?.split('>').next()?;
    Some(inner.trim().to_owned())
}

async fn session(mut stream: TcpStream, s: &AppState, cfg: &MailIn) -> std::io::Result<()> {
    let (read, mut w) = stream.split();
    let mut r = BufReader::new(read);
    w.write_all(b"220 tend LMTP ready\r\n").await?;
    let (mut lmtp, mut from, mut rcpts) = (true, None::<String>, 0usize);
    while let Some(raw) = line(&mut r).await? {
        let text = String::from_utf8_lossy(&raw);
        let (verb, arg) = text.split_once(' ').unwrap_or((&text, ""));
        let reply: String = match verb.to_ascii_uppercase().as_str() {
            v @ ("LHLO" | "EHLO" | "HELO") => {
                lmtp = v == "LHLO";
                (from, rcpts) = (None, 0);
                format!(
                    "250-tend\r\n250-PIPELINING\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250 SIZE {MAX_MESSAGE_BYTES}\r\n"
                )
            }
            "MAIL" => match path(arg) {
                Some(p) => {
                    (from, rcpts) = (Some(p), 0);
                    "250 2.1.0 OK\r\n".into()
                }
                None => "501 5.5.4 MAIL FROM:<address>\r\n".into(),
            },
            "RCPT" if from.is_none() => "503 5.5.1 MAIL first\r\n".into(),
            "RCPT" => match path(arg) {
                Some(_) => {
                    rcpts += 1;
                    "250 2.1.5 OK\r\n".into()
                }
                None => "501 5.5.4 RCPT TO:<address>\r\n".into(),
            },
            "DATA" if rcpts == 0 => "503 5.5.1 RCPT first\r\n".into(),
            "DATA" => {
                w.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let answer = data(&mut r, s, cfg, from.as_deref().unwrap_or("")).await?;
                let n = if lmtp { rcpts } else { 1 };
                (from, rcpts) = (None, 0);
                answer.repeat(n)
            }
            "RSET" => {
                (from, rcpts) = (None, 0);
                "250 2.0.0 OK\r\n".into()
            }
            "NOOP" => "250 2.0.0 OK\r\n".into(),
            "QUIT" => {
                w.write_all(b"221 2.0.0 bye\r\n").await?;
                return Ok(());
            }
            _ => "500 5.5.2 unknown command\r\n".into(),
        };
        w.write_all(reply.as_bytes()).await?;
    }
    Ok(())
}

/// Reads the message up to the lone `.` (dot-stuffing undone) and takes it in; the reply line.
async fn data(
    r: &mut BufReader<tokio::net::tcp::ReadHalf<'_>>,
    s: &AppState,
    cfg: &MailIn,
    from: &str,
) -> std::io::Result<String> {
    let mut message = Vec::new();
    let mut too_big = false;
    loop {
        let mut buf = Vec::new();
        let mut limited = (&mut *r).take(MAX_MESSAGE_BYTES as u64 + 2);
        let n = tokio::time::timeout(IDLE, limited.read_until(b'\n', &mut buf))
            .await
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "idle"))??;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let content = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        if content == b"." {
            break;
        }
        let content = content.strip_prefix(b".").unwrap_or(content);
        if message.len() + content.len() + 2 > MAX_MESSAGE_BYTES {
            too_big = true;
            continue;
        }
        message.extend_from_slice(content);
        message.extend_from_slice(b"\r\n");
    }
    if too_big {
        return Ok("552 5.3.4 message too big\r\n".into());
    }
    Ok(match inbound::receive(s, cfg, from, &message).await {
        Ok(inbound::Received {
            refused: Some(why), ..
        }) => format!("552 5.3.4 {}\r\n", why.replace(['\r', '\n'], " ")),
        Ok(_) => "250 2.0.0 accepted\r\n".into(),
        Err(e) => {
            tracing::error!(error = %e, "mail received but not stored");
            "451 4.3.0 try again later\r\n".into()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_read_from_their_brackets() {
        assert_eq!(path("FROM:<a@b.c> SIZE=10").as_deref(), Some("a@b.c"));
        assert_eq!(path("FROM: <>").as_deref(), Some(""));
        assert_eq!(path("TO:<x@y>").as_deref(), Some("x@y"));
        assert_eq!(path("FROM:a@b"), None);
    }
}
