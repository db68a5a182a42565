//! IMAP mail in through the real binary: `[[mail.imap]]` in `tend.toml`, shown masked by
//! `tend config show` (with its `ca_file`), refused by entry without echoing the URL (and for a
//! `ca_file` without a certificate, or on a plain mailbox), and `tend worker` at
//! `TEND_LOG=trace` taking a message from a real Dovecot without writing the password.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use tend_store::testing::fresh_database_url;
use tend_testkit::dovecot::{Dovecot, PASSWORD};

fn tend(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tend"))
        .current_dir(dir)
        .env_clear()
        .args(args)
        .output()
        .expect("run tend")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn imap_mailboxes_are_shown_masked_and_refused_without_their_url() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tend.toml");
    std::fs::write(
        &file,
        "[[mail.imap]]\nurl = \"imaps://help%40x.org:ImapPw77@imap.x.org/Support\"\n\n\
         [[mail.imap]]\nurl = \"imap://u:Other88@127.0.0.1:1143\"\npoll_seconds = 5\n",
    )
    .unwrap();
    let out = tend(dir.path(), &["config", "show"]);
    let shown = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !shown.contains("ImapPw77") && !shown.contains("Other88"),
        "{shown}"
    );
    assert!(
        shown.contains(r#"mail.imap[0] = { url = "imaps://help%40x.org:********@imap.x.org/Support", poll_seconds = 60 }  # file tend.toml"#),
        "{shown}"
    );
    assert!(
        shown.contains(
            r#"mail.imap[1] = { url = "imap://u:********@127.0.0.1:1143", poll_seconds = 5 }"#
        ),
        "{shown}"
    );

    std::fs::write(
        &file,
        "[[mail.imap]]\nurl = \"imap://u:LeakMe5@mail.x.org\"\n",
    )
    .unwrap();
    let out = tend(dir.path(), &["config", "show"]);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("mail.imap[0] (file tend.toml): plain imap:// is only allowed to localhost"),
        "{err}"
    );
    assert!(!err.contains("LeakMe5"), "{err}");

    let out = tend(dir.path(), &["config", "show"]);
    assert!(text(&out.stdout).is_empty());
    std::fs::write(&file, "").unwrap();
    let out = tend(dir.path(), &["config", "show"]);
    assert!(text(&out.stdout).contains("mail.imap = (none)  # default"));
}

#[tokio::test]
async fn worker_takes_imap_mail_at_trace_without_logging_the_password() {
    let Some(dovecot) = Dovecot::start().await else {
        return;
    };
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tend.toml"),
        format!(
            "[[mail.imap]]\nurl = \"{}\"\npoll_seconds = 1\n",
            dovecot.url()
        ),
    )
    .unwrap();
    dovecot
        .deliver(b"From: ana@example.com\r\nSubject: Broken lid\r\nMessage-ID: <lid@example.com>\r\n\r\nThe lid broke.\r\n")
        .await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tend"))
        .current_dir(dir.path())
        .env_clear()
        .env("TEND_DATABASE_URL", &db)
        .env("TEND_LOG", "trace,sqlx=warn")
        .arg("worker")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tend worker");
    // Drain both pipes while the worker runs: at trace level it writes far more than a pipe
    // holds (64 KiB), and a full pipe would block its logging, and so the worker itself.
    let drain = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            pipe.read_to_string(&mut text).unwrap();
            text
        })
    };
    let out_reader = drain(Box::new(child.stdout.take().unwrap()));
    let err_reader = drain(Box::new(child.stderr.take().unwrap()));
    let mut taken = false;
    // Up to 3 minutes: the real binary checks the message's mail authentication through the
    // system's DNS, whose timeouts under a loaded CI machine took over a minute once.
    for _ in 0..1800 {
        if dovecot.unseen_of().await == (0, 1) {
            taken = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    child.kill().unwrap();
    child.wait().unwrap();
    let (out, err) = (out_reader.join().unwrap(), err_reader.join().unwrap());
    assert!(taken, "the message was taken and marked seen: {err}");
    assert!(
        out.contains("Mail in: IMAP from imap://help@tend.test@127.0.0.1:"),
        "{out}"
    );
    assert!(err.contains("IMAP mailbox watched"), "{err}");
    assert!(
        !out.contains(PASSWORD) && !err.contains(PASSWORD),
        "the password was written"
    );
    let store = tend_store::Store::open(&tend_store::StoreOptions::new(&db))
        .await
        .unwrap();
    let outcomes: Vec<String> = (store.inbound_mail().await.unwrap().into_iter())
        .map(|(o, _, _)| o)
        .collect();
    assert_eq!(outcomes, ["created"]);
}

#[test]
fn a_mailboxs_ca_file_is_shown_and_one_without_a_certificate_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tend.toml");
    let entry = "[[mail.imap]]\nurl = \"imaps://u:CaPw99@imap.x.org\"\nca_file = \"ca.pem\"\n";
    std::fs::write(&file, entry).unwrap();
    std::fs::write(dir.path().join("ca.pem"), "no certificate here\n").unwrap();
    let out = tend(dir.path(), &["config", "show"]);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("mail.imap[0] (file tend.toml): ca_file ca.pem: no PEM certificate in it"),
        "{err}"
    );
    assert!(!err.contains("CaPw99"), "{err}");

    let made = Command::new("openssl")
        .current_dir(dir.path())
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ])
        .args([
            "-nodes", "-keyout", "key.pem", "-out", "ca.pem", "-subj", "/CN=x",
        ])
        .output()
        .expect("openssl runs");
    assert!(made.status.success(), "{}", text(&made.stderr));
    let out = tend(dir.path(), &["config", "show"]);
    let shown = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        shown.contains(r#"mail.imap[0] = { url = "imaps://u:********@imap.x.org", poll_seconds = 60, ca_file = "ca.pem" }"#),
        "{shown}"
    );

    std::fs::write(
        &file,
        entry
            .replace("imaps://", "imap://")
            .replace("imap.x.org", "127.0.0.1"),
    )
    .unwrap();
    let err = text(&tend(dir.path(), &["config", "show"]).stderr);
    assert!(
        err.contains("ca_file ca.pem: the mailbox is plain imap://"),
        "{err}"
    );
}
