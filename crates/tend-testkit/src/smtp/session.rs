//! The server side of one SMTP conversation (RFC 5321): greeting, EHLO/HELO, MAIL FROM, RCPT TO,
//! DATA with dot-unstuffing, RSET, NOOP, QUIT; no I/O of its own beyond the reader and writer it
//! is given, so it is tested over in-memory streams as well as TCP.

use std::io::{self, BufRead, Write};

/// The largest message accepted, in bytes (advertised as `SIZE`).
pub const MAX_SIZE: usize = 10 * 1024 * 1024;

/// One accepted message: the envelope and the message's bytes as sent after `DATA`, with the
/// dot-stuffing undone and the terminating `.` line removed (lines end in CRLF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub mail_from: String,
    pub rcpt_tos: Vec<String>,
    pub data: Vec<u8>,
}

/// Runs one conversation until `QUIT` or the peer closes. `deliver` is called for each message
/// before its `250` is written, so a message is captured once the client's send returns.
/// Recipients starting `full@` are refused with `452` (temporary) and `nobody@` with `550`
/// (permanent), so tests can exercise both kinds of refusal.
pub fn converse<R: BufRead, W: Write>(
    mut reader: R,
    mut writer: W,
    mut deliver: impl FnMut(Envelope),
) -> io::Result<()> {
    reply(&mut writer, "220 localhost ESMTP tend-testkit")?;
    let mut greeted = false;
    let mut from: Option<String> = None;
    let mut rcpts: Vec<String> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        let (verb, arg) = match text.split_once(' ') {
            Some((v, a)) => (v.to_ascii_uppercase(), a.trim()),
            None => (text.to_ascii_uppercase(), ""),
        };
        match verb.as_str() {
            "EHLO" if !arg.is_empty() => {
                greeted = true;
                (from, rcpts) = (None, Vec::new());
                let size = format!("250-SIZE {MAX_SIZE}");
                for l in ["250-localhost", &size, "250-8BITMIME", "250-SMTPUTF8"] {
                    reply(&mut writer, l)?;
                }
                reply(&mut writer, "250 HELP")?;
            }
            "HELO" if !arg.is_empty() => {
                greeted = true;
                (from, rcpts) = (None, Vec::new());
                reply(&mut writer, "250 localhost")?;
            }
            "EHLO" | "HELO" => reply(&mut writer, "501 5.5.4 Syntax: EHLO hostname")?,
            "NOOP" => reply(&mut writer, "250 2.0.0 OK")?,
            "RSET" => {
                (from, rcpts) = (None, Vec::new());
                reply(&mut writer, "250 2.0.0 OK")?;
            }
            "QUIT" => {
                reply(&mut writer, "221 2.0.0 Bye")?;
                return Ok(());
            }
            "MAIL" if !greeted => reply(&mut writer, "503 5.5.1 Error: send HELO first")?,
            "MAIL" if from.is_some() => reply(&mut writer, "503 5.5.1 Error: nested MAIL command")?,
            "MAIL" => match path(arg, "FROM:") {
                Some(address) => {
                    from = Some(address);
                    reply(&mut writer, "250 2.1.0 OK")?;
                }
                None => reply(&mut writer, "501 5.5.4 Syntax: MAIL FROM:<address>")?,
            },
            "RCPT" if from.is_none() => reply(&mut writer, "503 5.5.1 Error: need MAIL command")?,
            "RCPT" => match path(arg, "TO:") {
                Some(a) if a.starts_with("full@") => reply(&mut writer, "452 4.2.2 Mailbox full")?,
                Some(a) if a.starts_with("nobody@") => {
                    reply(&mut writer, "550 5.1.1 No such user")?
                }
                Some(address) => {
                    rcpts.push(address);
                    reply(&mut writer, "250 2.1.5 OK")?;
                }
                None => reply(&mut writer, "501 5.5.4 Syntax: RCPT TO:<address>")?,
            },
            "DATA" if rcpts.is_empty() => reply(&mut writer, "503 5.5.1 Error: need RCPT command")?,
            "DATA" => {
                reply(&mut writer, "354 End data with <CR><LF>.<CR><LF>")?;
                let Some(data) = read_data(&mut reader)? else {
                    return Ok(());
                };
                if data.len() > MAX_SIZE {
                    reply(&mut writer, "552 5.3.4 Message too big")?;
                } else {
                    deliver(Envelope {
                        mail_from: from.take().unwrap_or_default(),
                        rcpt_tos: std::mem::take(&mut rcpts),
                        data,
                    });
                    reply(&mut writer, "250 2.0.0 OK: queued")?;
                }
                (from, rcpts) = (None, Vec::new());
            }
            _ => reply(&mut writer, "500 5.5.2 Error: command not recognized")?,
        }
    }
}

/// The message after `354`: lines up to a line that is a single `.`, each line's leading dot
/// removed when it was doubled (RFC 5321 §4.5.2). `None` if the peer closed mid-message.
fn read_data<R: BufRead>(reader: &mut R) -> io::Result<Option<Vec<u8>>> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(Some(data));
        }
        let start = usize::from(line.first() == Some(&b'.'));
        data.extend_from_slice(&line[start..]);
    }
}

/// The address in `FROM:<a@b> PARAMS` or `TO:<a@b>` (`<>` is the null sender: empty).
fn path(arg: &str, keyword: &str) -> Option<String> {
    let head = arg.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = arg[keyword.len()..].trim_start();
    let inner = rest.strip_prefix('<')?;
    let end = inner.find('>')?;
    Some(inner[..end].to_string())
}

fn reply<W: Write>(writer: &mut W, line: &str) -> io::Result<()> {
    writer.write_all(line.as_bytes())?;
    writer.write_all(b"\r\n")?;
    writer.flush()
}
