//! The binary's extra listeners, started through configuration: `tend serve
//! --metrics-listen`, whose address answers `/metrics` without a token while the main address
//! refuses it, and `tend worker --lmtp-listen`, which takes mail in beside the workers.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use tend_store::testing::fresh_database_url;

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
