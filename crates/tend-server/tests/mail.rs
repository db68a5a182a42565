//! Outgoing mail against a real SMTP server: Python's aiosmtpd on 127.0.0.1, which stores each
//! message it accepts as JSON (headers and decoded parts). Needs `python3 -m pip install aiosmtpd`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use tend_server::mail::{
    Language, MailError, MailKind, Mailer, OutgoingMail, Security, SmtpSettings, Template,
};

/// The server: binds port 0, prints `ready PORT`, and writes `N.json` per message before
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
        lambda: SMTP(Handler(), hostname="localhost"), "127.0.0.1", 0)
    print("ready", server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()

asyncio.run(main())
"#;

struct SmtpServer {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl SmtpServer {
    fn start() -> SmtpServer {
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

    fn settings(&self) -> SmtpSettings {
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
    fn inbox(&self) -> Vec<Value> {
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

fn mail(to: &str, language: Language, template: Template) -> OutgoingMail {
    OutgoingMail {
        to: to.into(),
        to_name: Some("Ana Pérez".into()),
        language,
        template,
    }
}

#[test]
fn every_kind_and_language_renders_both_parts_with_the_reference() {
    let mut seen = 0;
    for kind in MailKind::ALL {
        for language in Language::ALL {
            let reference = format!("C-{kind:?}-{}", language.tag());
            let r = sample(kind, "Ana", &reference).render(language);
            let at = format!("{kind:?}/{language:?}");
            assert!(!r.subject.trim().is_empty(), "{at}: empty subject");
            assert!(
                r.text.contains(&reference),
                "{at}: text lacks the reference"
            );
            assert!(
                r.html.contains(&reference),
                "{at}: HTML lacks the reference"
            );
            assert!(
                r.html.contains(&format!("lang=\"{}\"", language.tag())),
                "{at}"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 18);
    assert_eq!(Language::from_tag("es-MX"), Language::Es);
    assert_eq!(Language::from_tag("TR"), Language::Tr);
    assert_eq!(Language::from_tag("fr"), Language::En);
}

#[tokio::test]
async fn mail_arrives_localised_with_both_parts_and_escaped_html() {
    let server = SmtpServer::start();
    let mailer = Mailer::new(&server.settings()).unwrap();
    let sends = [
        mail(
            "ana@example.com",
            Language::En,
            sample(MailKind::Acknowledgement, "<script>x</script>", "C-1001"),
        ),
        mail(
            "luis@example.com",
            Language::Es,
            sample(MailKind::FollowUp, "Luis", "C-1002"),
        ),
        mail(
            "ayse@example.com",
            Language::Tr,
            sample(MailKind::Breach, "Ayşe", "C-1003"),
        ),
    ];
    for m in &sends {
        mailer.send(m).await.unwrap();
    }
    let inbox = server.inbox();
    assert_eq!(inbox.len(), 3, "{inbox:#?}");
    for (got, sent) in inbox.iter().zip(&sends) {
        let rendered = sent.render();
        assert_eq!(got["mail_from"], "service@tend.test");
        assert_eq!(got["rcpt_tos"][0], sent.to.as_str());
        assert!(
            got["from"].as_str().unwrap().contains("service@tend.test"),
            "{got}"
        );
        assert!(got["to"].as_str().unwrap().contains(&sent.to), "{got}");
        assert_eq!(got["subject"], rendered.subject.as_str());
        assert_eq!(got["content_type"], "multipart/alternative");
        let (text, html) = (got["text"].as_str().unwrap(), got["html"].as_str().unwrap());
        assert!(text.contains("C-100") && html.contains("C-100"), "{got}");
        assert!(
            html.contains("<a href=\"https://tend.test/s/C-100"),
            "{html}"
        );
    }
    let (en, es, tr) = (&inbox[0], &inbox[1], &inbox[2]);
    assert!(
        en["subject"]
            .as_str()
            .unwrap()
            .contains("received your complaint C-1001")
    );
    let en_html = en["html"].as_str().unwrap();
    assert!(
        en_html.contains("&lt;script&gt;x&lt;/script&gt;"),
        "{en_html}"
    );
    assert!(!en_html.contains("<script>"), "{en_html}");
    assert!(
        en["text"]
            .as_str()
            .unwrap()
            .contains("Dear <script>x</script>,")
    );
    assert!(
        es["subject"]
            .as_str()
            .unwrap()
            .contains("Una pregunta sobre su reclamación C-1002")
    );
    assert!(
        es["text"]
            .as_str()
            .unwrap()
            .contains("Responda a nuestra breve pregunta")
    );
    assert!(es["html"].as_str().unwrap().contains("Atención al Cliente"));
    assert!(
        tr["subject"]
            .as_str()
            .unwrap()
            .contains("şikâyet yanıt standardını aştı")
    );
    assert!(tr["text"].as_str().unwrap().contains("Merhaba Ayşe"));
    assert!(
        tr["html"]
            .as_str()
            .unwrap()
            .contains("Lütfen hemen ilgilenin")
    );
}

#[tokio::test]
async fn smtp_rejections_are_temporary_for_4xx_and_permanent_for_5xx() {
    let server = SmtpServer::start();
    let mailer = Mailer::new(&server.settings()).unwrap();
    let template = || sample(MailKind::Assignment, "Kim", "C-7");
    let full = mailer
        .send(&mail("full@example.com", Language::En, template()))
        .await;
    assert!(matches!(full, Err(MailError::Temporary(_))), "{full:?}");
    let nobody = mailer
        .send(&mail("nobody@example.com", Language::En, template()))
        .await;
    assert!(matches!(nobody, Err(MailError::Permanent(_))), "{nobody:?}");
    let bad = mailer
        .send(&mail("not an address", Language::En, template()))
        .await;
    assert!(matches!(bad, Err(MailError::Permanent(_))), "{bad:?}");
    assert!(server.inbox().is_empty());
}

#[tokio::test]
async fn nothing_listening_is_a_temporary_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let settings = SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::Plain,
        username: Some("service".into()),
        password: Some("hunter2-secret".into()),
        from: "service@tend.test".into(),
    };
    assert!(!format!("{settings:?}").contains("hunter2-secret"));
    let mailer = Mailer::with_timeout(&settings, Duration::from_secs(5)).unwrap();
    let result = mailer
        .send(&mail(
            "ana@example.com",
            Language::En,
            sample(MailKind::FollowUp, "Ana", "C-9"),
        ))
        .await;
    let err = result.expect_err("nothing listens, so the send must fail");
    assert!(err.is_temporary(), "{err:?}");
    assert!(!err.to_string().contains("hunter2-secret"));
}

/// A sample message, linking to the reference's status page.
fn sample(kind: MailKind, name: &str, reference: &str) -> Template {
    Template::example(
        kind,
        name,
        reference,
        &format!("https://tend.test/s/{reference}?t=abc&x=1"),
    )
}
