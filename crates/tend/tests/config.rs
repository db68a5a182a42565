//! Configuration end to end through the real binary: precedence flag > environment > file >
//! default, `TEND_CONFIG` and `./tend.toml`, unknown keys refused by name and line, secrets
//! masked by `tend config show` and never echoed by an error; and `tend serve
//! --metrics-listen`, whose address answers `/metrics` without a token while the main address
//! refuses it.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use tend_store::testing::fresh_database_url;

/// `tend ARGS` in `dir` with only the given environment (no stray `TEND_*` from the caller).
fn tend(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tend"))
        .current_dir(dir)
        .env_clear()
        .envs(env.iter().copied())
        .args(args)
        .output()
        .expect("run tend")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The `config show` line for `key`.
fn shown<'a>(out: &'a str, key: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("{key} in {out}"))
}

const FILE: &str = r#"
[server]
listen = "127.0.0.1:1111"
public_url = "https://file.example"
metrics_listen = "127.0.0.1:9101"

[mail]
from = "File <file@example.com>"
smtp_url = "smtps://mailer:MailPass9@smtp.example:465"

[jobs]
retention_days = 40
"#;

#[test]
fn config_show_each_layer_beats_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("custom.toml");
    std::fs::write(&file, FILE).unwrap();
    let file = file.to_str().unwrap();
    let env = [
        ("TEND_CONFIG", file),
        ("TEND_LISTEN", "127.0.0.1:2222"),
        ("TEND_MAIL_FROM", "Env <env@example.com>"),
        ("TEND_LMTP_LISTEN", "127.0.0.1:2424"),
        (
            "TEND_DATABASE_URL",
            "postgres://tend:Sup3rSecret@db.example/tend?sslpassword=K3y9",
        ),
    ];
    let out = tend(
        dir.path(),
        &env,
        &["config", "show", "--listen", "127.0.0.1:3333"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = text(&out.stdout);
    // Flag beats environment beats file beats default.
    assert_eq!(
        shown(&out, "server.listen"),
        r#"server.listen = "127.0.0.1:3333"  # flag --listen"#
    );
    assert_eq!(
        shown(&out, "mail.from"),
        r#"mail.from = "Env <env@example.com>"  # environment TEND_MAIL_FROM"#
    );
    assert_eq!(
        shown(&out, "server.public_url"),
        format!(r#"server.public_url = "https://file.example"  # file {file}"#)
    );
    assert_eq!(
        shown(&out, "jobs.retention_days"),
        format!("jobs.retention_days = 40  # file {file}")
    );
    assert_eq!(
        shown(&out, "mail.lmtp_listen"),
        r#"mail.lmtp_listen = "127.0.0.1:2424"  # environment TEND_LMTP_LISTEN"#
    );
    assert_eq!(
        shown(&out, "jobs.concurrency"),
        "jobs.concurrency = 1  # default"
    );
    assert_eq!(
        shown(&out, "server.secure_cookies"),
        "server.secure_cookies = false  # default"
    );
    // Secrets masked, the rest of each URL kept.
    assert_eq!(
        shown(&out, "database.url"),
        r#"database.url = "postgres://tend:********@db.example/tend?sslpassword=********"  # environment TEND_DATABASE_URL"#
    );
    assert_eq!(
        shown(&out, "mail.smtp_url"),
        format!(r#"mail.smtp_url = "smtps://mailer:********@smtp.example:465"  # file {file}"#)
    );
    for secret in ["Sup3rSecret", "K3y9", "MailPass9"] {
        assert!(!out.contains(secret), "{secret} echoed: {out}");
    }

    // Without the environment the file's value shows through; without any, the default.
    let out = tend(dir.path(), &[], &["config", "show", "--config", file]);
    let out = text(&out.stdout);
    assert_eq!(
        shown(&out, "server.listen"),
        format!(r#"server.listen = "127.0.0.1:1111"  # file {file}"#)
    );
    let out = text(&tend(dir.path(), &[], &["config", "show"]).stdout);
    assert_eq!(
        shown(&out, "server.listen"),
        r#"server.listen = "127.0.0.1:8080"  # default"#
    );
    assert!(out.contains("# configuration file: none"), "{out}");
    // `./tend.toml` is read when nothing names a file.
    std::fs::write(dir.path().join("tend.toml"), "[jobs]\nconcurrency = 3\n").unwrap();
    let out = text(&tend(dir.path(), &[], &["config", "show"]).stdout);
    assert_eq!(
        shown(&out, "jobs.concurrency"),
        "jobs.concurrency = 3  # file tend.toml"
    );
}

#[test]
fn sqlite_cache_is_set_by_flag_environment_or_file_and_range_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tend.toml"),
        "[database]\nsqlite_cache_kib = 4096\n",
    )
    .unwrap();
    let show = |env: &[(&str, &str)], args: &[&str]| {
        let out = tend(dir.path(), env, &[&["config", "show"], args].concat());
        (text(&out.stdout), text(&out.stderr), out.status.success())
    };
    let (out, _, _) = show(&[], &[]);
    assert_eq!(
        shown(&out, "database.sqlite_cache_kib"),
        "database.sqlite_cache_kib = 4096  # file tend.toml"
    );
    let (out, _, _) = show(&[("TEND_SQLITE_CACHE_KIB", "1024")], &[]);
    assert_eq!(
        shown(&out, "database.sqlite_cache_kib"),
        "database.sqlite_cache_kib = 1024  # environment TEND_SQLITE_CACHE_KIB"
    );
    let (out, _, _) = show(
        &[("TEND_SQLITE_CACHE_KIB", "1024")],
        &["--sqlite-cache-kib", "512"],
    );
    assert_eq!(
        shown(&out, "database.sqlite_cache_kib"),
        "database.sqlite_cache_kib = 512  # flag --sqlite-cache-kib"
    );
    for bad in ["63", "1048577", "lots"] {
        let (out, err, ok) = show(&[], &["--sqlite-cache-kib", bad]);
        assert!(!ok && out.is_empty(), "{bad}: {out}");
        assert!(err.contains("--sqlite-cache-kib"), "{bad}: {err}");
    }
    let (_, err, ok) = show(&[("TEND_SQLITE_CACHE_KIB", "10")], &[]);
    assert!(!ok && err.contains("--sqlite-cache-kib"), "{err}");
}

#[test]
fn unknown_keys_and_bad_values_are_refused_by_name_without_echoing_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tend.toml");
    std::fs::write(&file, "[database]\nurll = \"postgres://u:LeakMe7@h/d\"\n").unwrap();
    let out = tend(dir.path(), &[], &["config", "show"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("configuration file tend.toml, line 2, column 1"),
        "{err}"
    );
    assert!(err.contains("unknown field `urll`"), "{err}");
    assert!(!err.contains("LeakMe7") && out.stdout.is_empty(), "{err}");

    std::fs::write(&file, "[serverr]\nlisten = \"127.0.0.1:1\"\n").unwrap();
    let err = text(&tend(dir.path(), &[], &["migrate"]).stderr);
    assert!(
        err.contains("unknown field `serverr`") && err.contains("line 1"),
        "{err}"
    );

    std::fs::write(&file, "[jobs]\nretention_days = 0\n").unwrap();
    let err = text(&tend(dir.path(), &[], &["config", "show"]).stderr);
    assert!(
        err.contains("jobs.retention_days (file tend.toml): must be 1 to 3650, got 0"),
        "{err}"
    );

    let missing = tend(
        dir.path(),
        &[],
        &["config", "show", "--config", "nope.toml"],
    );
    assert!(text(&missing.stderr).contains("configuration file nope.toml"));
}

#[tokio::test]
async fn serve_answers_metrics_on_the_private_address_without_a_token() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tend"))
        .current_dir(dir.path())
        .env_clear()
        .env("TEND_DATABASE_URL", &db)
        .env("TEND_LOG", "warn")
        .env("TEND_METRICS_LISTEN", "127.0.0.1:0")
        .args(["serve", "--listen", "127.0.0.1:0", "--no-worker"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start tend serve");
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (mut main, mut metrics) = (None, None);
    for line in stdout.lines() {
        let line = line.unwrap();
        let url = |after: &str| {
            line.split(after)
                .nth(1)
                .map(|r| r.split_whitespace().next().unwrap().to_owned())
        };
        if line.starts_with("Tend is running at ") {
            main = url("running at ");
        }
        if line.starts_with("Metrics without authentication") {
            metrics = url("): ");
        }
        if main.is_some() && metrics.is_some() {
            break;
        }
    }
    let (main, metrics) = (
        main.expect("main address"),
        metrics.expect("metrics address"),
    );
    let client = reqwest::Client::new();
    let open = client.get(&metrics).send().await.unwrap();
    assert_eq!(open.status(), 200);
    let body = open.text().await.unwrap();
    let scrape = openmetrics_parser::prometheus::parse_prometheus(&body)
        .unwrap_or_else(|e| panic!("Prometheus text ({e:?}): {body}"));
    assert!(
        scrape.families.contains_key("tend_db_connections"),
        "{body}"
    );
    let refused = client.get(format!("{main}/metrics")).send().await.unwrap();
    assert_eq!(
        refused.status(),
        401,
        "the main address needs an admin's token"
    );
    let other = client
        .get(metrics.replace("/metrics", "/api/v1/complaints"))
        .send()
        .await;
    assert_eq!(
        other.unwrap().status(),
        404,
        "the private address serves only /metrics"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

/// `tend worker --lmtp-listen`: the listener is up beside the workers and takes a message
/// (a few LMTP lines over TCP; `250` only once the message is stored).
#[tokio::test]
async fn worker_takes_mail_in_over_lmtp_when_asked() {
    use std::io::{Read, Write};
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tend"))
        .current_dir(dir.path())
        .env_clear()
        .env("TEND_DATABASE_URL", &db)
        .env("TEND_LOG", "warn")
        .args(["worker", "--lmtp-listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start tend worker");
    // Kept open to the end: tend prints more once the listener is up.
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = (&mut stdout)
        .map(Result::unwrap)
        .find_map(|l| {
            l.strip_prefix("Mail in: LMTP on ")
                .map(|r| r.split_whitespace().next().unwrap().to_owned())
        })
        .expect("the LMTP address");
    let mut s = std::net::TcpStream::connect(&addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    s.write_all(
        b"LHLO test\r\nMAIL FROM:<ana@example.com>\r\nRCPT TO:<help@example.com>\r\nDATA\r\n\
          From: ana@example.com\r\nSubject: Broken lid\r\n\r\nThe lid broke.\r\n.\r\nQUIT\r\n",
    )
    .unwrap();
    let mut replies = String::new();
    s.read_to_string(&mut replies).unwrap();
    let codes: Vec<&str> = replies.lines().map(|l| &l[..3]).collect();
    assert_eq!(
        codes,
        [
            "220", "250", "250", "250", "250", "250", "250", "250", "354", "250", "221"
        ],
        "{replies}"
    );
    assert!(replies.contains("250 2.0.0 accepted"), "{replies}");
    child.kill().unwrap();
    drop(stdout);
    child.wait().unwrap();
}
