//! `tend demo` end to end on the engine this run uses: the embedded company lands in an empty
//! database (and refuses a second time, naming what is there), then `tend serve`'s API lists
//! late and escalated complaints from customers of all three languages, at every step of the
//! method.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::Value;
use tend_store::testing::fresh_database_url;

mod common;

use common::{tend, text};

/// `tend serve` on a free port without a worker; its address from the first line it prints.
struct Served(Child, String);

impl Served {
    fn start(db: &str) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tend"))
            .args(["serve", "--listen", "127.0.0.1:0", "--no-worker"])
            .env("TEND_DATABASE_URL", db)
            .env("TEND_LOG", "warn")
            .stdout(Stdio::piped())
            .spawn()
            .expect("start tend serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let at = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Served(child, at)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn get(http: &reqwest::Client, url: &str, token: &str) -> Value {
    let r = http.get(url).bearer_auth(token).send().await.unwrap();
    assert!(r.status().is_success(), "{url}: {}", r.status());
    r.json().await.unwrap()
}

#[tokio::test]
async fn the_demo_company_has_late_and_escalated_complaints_in_three_languages() {
    let db = fresh_database_url().await;
    let out = tend(&db, &["demo", "--customers", "120", "--complaints", "150"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("120 customers, 150 complaints"), "{said}");
    assert!(said.contains("owner@demo.tend"), "{said}");

    let again = tend(&db, &["demo"]);
    assert!(!again.status.success());
    let refusal = text(&again.stderr);
    assert!(
        refusal.contains("already has employees and customers and complaints"),
        "{refusal}"
    );

    let token = tend(&db, &["token", "create", "--email", "owner@demo.tend"]);
    let token = text(&token.stdout).trim().to_string();
    let served = Served::start(&db);
    let http = reqwest::Client::new();
    let api = format!("{}/api/v1", served.1);
    let mut all: Vec<Value> = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = get(
            &http,
            &format!("{api}/complaints?limit=200{cursor}"),
            &token,
        )
        .await;
        all.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = format!("&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(all.len(), 150);

    let mut language: BTreeMap<i64, String> = BTreeMap::new();
    for c in &all {
        let id = c["customer_id"].as_i64().unwrap();
        if let Entry::Vacant(e) = language.entry(id) {
            let customer = get(&http, &format!("{api}/customers/{id}"), &token).await;
            e.insert(customer["preferred_language"].as_str().unwrap().to_string());
        }
    }
    let lang_of = |c: &Value| language[&c["customer_id"].as_i64().unwrap()].clone();
    let open = |c: &&Value| !matches!(c["status"].as_str(), Some("resolved" | "closed"));
    let late: Vec<&Value> = all
        .iter()
        .filter(open)
        .filter(|c| c["resolution"]["state"] == "breached")
        .collect();
    let escalated: Vec<&Value> = all.iter().filter(|c| c["escalated"] == true).collect();
    let waiting = all.iter().filter(|c| c["resolution"]["state"] == "paused");
    let three: BTreeSet<String> = ["en", "es", "tr"].map(String::from).into();
    assert_eq!(
        late.iter().map(|c| lang_of(c)).collect::<BTreeSet<_>>(),
        three,
        "late"
    );
    assert_eq!(
        escalated
            .iter()
            .map(|c| lang_of(c))
            .collect::<BTreeSet<_>>(),
        three
    );
    assert!(waiting.count() > 0, "some wait on the customer");

    // The list's escalated filter agrees with the flag.
    let filtered = get(
        &http,
        &format!("{api}/complaints?escalated=true&limit=200"),
        &token,
    )
    .await;
    assert_eq!(filtered["items"].as_array().unwrap().len(), escalated.len());

    // Every step of the method, a follow-up answer and compensation.
    let statuses: BTreeSet<&str> = all.iter().map(|c| c["status"].as_str().unwrap()).collect();
    let every = [
        "received",
        "understood",
        "cause_identified",
        "solution_agreed",
        "resolved",
        "closed",
    ];
    assert_eq!(statuses, every.into(), "{statuses:?}");
    assert!(all.iter().any(|c| c["follow_up_outcome"] == "satisfied"));
    assert!(all.iter().any(|c| c["compensation"]["amount"].is_string()));
    // Dated relative to today: the newest within three weeks, the oldest within the year.
    let at = |c: &Value| {
        c["received_at"]
            .as_str()
            .unwrap()
            .parse::<jiff::Timestamp>()
            .unwrap()
    };
    let now = jiff::Timestamp::now();
    let (newest, oldest) = (
        all.iter().map(at).max().unwrap(),
        all.iter().map(at).min().unwrap(),
    );
    assert!(
        now.duration_since(newest) < jiff::SignedDuration::from_hours(21 * 24),
        "{newest}"
    );
    assert!(
        now.duration_since(oldest) < jiff::SignedDuration::from_hours(366 * 24),
        "{oldest}"
    );
    let closed = all.iter().find(|c| c["status"] == "closed").unwrap();
    let timeline = get(
        &http,
        &format!("{api}/complaints/{}/timeline", closed["id"]),
        &token,
    )
    .await;
    assert!(timeline.as_array().unwrap().len() >= 6, "{timeline:#}");

    // The Turkish-speaking agents read times in Istanbul; the others in the company's zone.
    let staff = get(&http, &format!("{api}/employees"), &token).await;
    let zone_of = |email: &str| {
        let e = staff
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["email"] == email);
        e.unwrap_or_else(|| panic!("{email} in {staff:#}"))["time_zone"].clone()
    };
    assert_eq!(zone_of("agent@demo.tend"), "Europe/Istanbul");
    assert_eq!(zone_of("pablo@demo.tend"), Value::Null);
}
