//! A real SMTP server for tests: Python's aiosmtpd on 127.0.0.1, which stores each message it
//! accepts as JSON (headers and decoded parts). Needs `python3 -m pip install aiosmtpd`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;
use tend_app::mail::{Security, SmtpSettings};

/// The server: binds the port given (0: any), prints `ready PORT`, and writes `N.json` per message before
/// answering 250, so a mail is on disk once `send` returns. Recipients `full@…` get 452 and
/// `nobody@…` get 550.
const SERVER: &str = r#"
import asyncio, email, email.policy, itertools, json, os, sys
from aiosmtpd.smtp import SMTP

out = sys.argv[1]
counter = itertools.count()

class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("full@"):
            return "452 4.2.2 Mailbox full"
        if address.startswith("nobody@"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        parts = {}
        for part in msg.walk():
            if part.get_content_type() in ("text/plain", "text/html"):
                parts[part.get_content_type()] = part.get_content()
        doc = {
            "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
            "from": str(msg["From"]), "to": str(msg["To"]), "subject": str(msg["Subject"]),
            "message_id": str(msg["Message-ID"]),
            "content_type": msg.get_content_type(),
            "text": parts.get("text/plain"), "html": parts.get("text/html"),
        }
        path = os.path.join(out, "%d.json" % next(counter))
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(doc, f)
        os.rename(path + ".tmp", path)
        return "250 OK"

async def main():
    server = await asyncio.get_running_loop().create_server(
        lambda: SMTP(Handler(), hostname="localhost"), "127.0.0.1", int(sys.argv[2]))
    print("ready", server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()

asyncio.run(main())
"#;

pub struct SmtpServer {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        Self::start_on(0)
    }

    /// Starts on `port` (0: any free port), e.g. the port a mailer was pointed at while the
    /// server was down.
    pub fn start_on(port: u16) -> SmtpServer {
        let check = Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .output();
        match check {
            Ok(out) if out.status.success() => {}
            _ => panic!(
                "these tests need Python 3 with aiosmtpd: run `python3 -m pip install aiosmtpd`"
            ),
        }
        let dir = std::env::temp_dir().join(format!(
            "tend-mail-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("server.py"), SERVER).unwrap();
        let inbox = dir.join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        let mut child = Command::new("python3")
            .arg(dir.join("server.py"))
            .arg(&inbox)
            .arg(port.to_string())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start python3");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .strip_prefix("ready ")
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or_else(|| {
                let _ = child.kill();
                panic!("SMTP server did not start: {line:?}")
            });
        SmtpServer { child, dir, port }
    }

    pub fn settings(&self) -> SmtpSettings {
        SmtpSettings {
            host: "127.0.0.1".into(),
            port: self.port,
            security: Security::Plain,
            username: None,
            password: None,
            from: "Tend Service <service@tend.test>".into(),
        }
    }

    /// The messages received so far, in arrival order.
    pub fn inbox(&self) -> Vec<Value> {
        read_inbox(&self.dir.join("inbox"))
    }
}

fn read_inbox(dir: &Path) -> Vec<Value> {
    let mut files: Vec<(u64, PathBuf)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let n = path
                .file_name()?
                .to_str()?
                .strip_suffix(".json")?
                .parse()
                .ok()?;
            Some((n, path))
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|(_, p)| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A port nothing listens on now (bound, read, released).
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    l.local_addr().expect("an address").port()
}

/// Settings for a server on `port` that may not be running.
pub fn settings_for(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::Plain,
        username: None,
        password: None,
        from: "Tend Service <service@tend.test>".into(),
    }
}
