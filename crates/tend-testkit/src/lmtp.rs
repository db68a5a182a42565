//! An LMTP client for tests (lettre speaks only SMTP): the few lines of RFC 2033 over TCP —
//! `LHLO`, `MAIL FROM`, `RCPT TO`, `DATA` with dot-stuffing, and one reply per recipient —
//! and Tend's LMTP listener started beside a test app.

use std::net::SocketAddr;

use tend_app::AppState;
use tend_app::conversations::inbound::MailIn;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// Tend's LMTP listener on 127.0.0.1:0 over `state`, ignoring mail from `own` (Tend's
/// address); stops when the returned sender is dropped.
pub async fn start_listener(state: AppState, own: &str) -> (SocketAddr, oneshot::Sender<()>) {
    start_listener_with(state, MailIn::for_sender(own)).await
}

/// Tend's LMTP listener on 127.0.0.1:0 over `state`, taking mail in as `cfg` says.
pub async fn start_listener_with(
    state: AppState,
    cfg: MailIn,
) -> (SocketAddr, oneshot::Sender<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let addr = listener.local_addr().expect("bound");
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(tend_app::conversations::lmtp::serve(
        listener,
        state,
        cfg,
        async move {
            let _ = stopped.await;
        },
    ));
    (addr, stop)
}

/// One LMTP connection.
pub struct Lmtp {
    r: BufReader<tokio::net::tcp::OwnedReadHalf>,
    w: tokio::net::tcp::OwnedWriteHalf,
}

impl Lmtp {
    /// Connects and says `LHLO`; panics unless the server greets.
    pub async fn connect(addr: SocketAddr) -> Lmtp {
        let stream = TcpStream::connect(addr)
            .await
            .expect("the listener accepts");
        let (r, w) = stream.into_split();
        let mut c = Lmtp {
            r: BufReader::new(r),
            w,
        };
        assert!(c.reply().await.starts_with("220"));
        c.send("LHLO test.example").await;
        assert!(c.reply().await.starts_with("250"));
        c
    }

    async fn send(&mut self, line: &str) {
        self.w
            .write_all(format!("{line}\r\n").as_bytes())
            .await
            .expect("write");
    }

    /// One reply, its continuation lines joined with `\n`.
    pub async fn reply(&mut self) -> String {
        let mut all = String::new();
        loop {
            let mut line = String::new();
            self.r.read_line(&mut line).await.expect("read");
            assert!(!line.is_empty(), "the server hung up");
            all.push_str(line.trim_end());
            if line.as_bytes().get(3) != Some(&b'-') {
                return all;
            }
            all.push('\n');
        }
    }

    /// A raw command and its reply.
    pub async fn command(&mut self, line: &str) -> String {
        self.send(line).await;
        self.reply().await
    }

    /// Delivers `data` (a whole message, lines ending in `\r\n` or `\n`) from `from` (empty:
    /// `<>`) to `rcpts`; the replies after `DATA`, one per recipient.
    pub async fn deliver(&mut self, from: &str, rcpts: &[&str], data: &[u8]) -> Vec<String> {
        let r = self.command(&format!("MAIL FROM:<{from}>")).await;
        assert!(r.starts_with("250"), "{r}");
        for to in rcpts {
            let r = self.command(&format!("RCPT TO:<{to}>")).await;
            assert!(r.starts_with("250"), "{r}");
        }
        let r = self.command("DATA").await;
        assert!(r.starts_with("354"), "{r}");
        let mut body = Vec::with_capacity(data.len() + 64);
        for line in data.split(|b| *b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.starts_with(b".") {
                body.push(b'.');
            }
            body.extend_from_slice(line);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(b".\r\n");
        self.w.write_all(&body).await.expect("write");
        let mut replies = Vec::new();
        for _ in rcpts {
            replies.push(self.reply().await);
        }
        replies
    }

    pub async fn quit(mut self) {
        let r = self.command("QUIT").await;
        assert!(r.starts_with("221"), "{r}");
    }
}

/// Delivers one message over a new connection to one recipient; its reply.
pub async fn deliver_one(addr: SocketAddr, from: &str, data: &[u8]) -> String {
    let mut c = Lmtp::connect(addr).await;
    let mut r = c.deliver(from, &["help@tend.test"], data).await;
    c.quit().await;
    r.remove(0)
}
