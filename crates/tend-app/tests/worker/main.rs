//! Background work end to end: the real server takes complaints and purchases over HTTP, a
//! worker (or two) runs the jobs they set off under a moved clock, and a real SMTP server
//! (the test kit's, over TCP) shows what arrived. Runs on SQLite, and on PostgreSQL with
//! `TEND_TEST_DATABASE_URL`.

use tend_testkit as helpers;
use tend_testkit::smtp;

mod attachments_sweep;
mod conversations;
mod csat;
mod csat_status;
mod figures_stale;
mod help_review;
mod mail_auth;
mod mail_imap;
mod mail_imap_tls;
mod mail_in;
mod mail_in_data;
mod mail_in_once;
mod mail_in_wait;
mod messages;
mod outage;
mod policy;
mod sla;
mod zones;

use jiff::Timestamp;
use serde_json::{Value, json};
use tend_app::jobs::{Worker, WorkerConfig};
use tend_app::mail::Mailer;

use helpers::TestApp;

/// An instant given as Madrid wall-clock time, e.g. `"2026-03-09 11:42"`.
pub fn madrid(local: &str) -> Timestamp {
    let civil: jiff::civil::DateTime = local.replace(' ', "T").parse().expect("a local time");
    civil
        .to_zoned(jiff::tz::TimeZone::get("Europe/Madrid").expect("zone"))
        .expect("exists in Madrid")
        .timestamp()
}

/// `channel` staffed Monday to Friday 09:00–17:00 in Madrid; normal priority answered within
/// 4 service hours and resolved within 16, warned at 80 %, escalated on breach if asked.
pub async fn madrid_office(app: &TestApp, channel: &str, escalate_on_breach: bool) {
    let m = &app.manager.token;
    let day = json!([["09:00", "17:00"]]);
    let office = json!({"time_zone": "Europe/Madrid", "week": {
        "mon": day, "tue": day, "wed": day, "thu": day, "fri": day}});
    let path = format!("/api/v1/channels/{channel}/service-hours");
    app.put_json(&path, m, &office).await.expect(200);
    let standards = json!({
        "targets": {"normal": {"first_response_minutes": 240, "resolution_minutes": 960}},
        "warn_at_percent": 80, "escalate_on_breach": escalate_on_breach});
    let path = format!("/api/v1/channels/{channel}/response-standards");
    app.put_json(&path, m, &standards).await.expect(200);
}

/// A worker beside the app's server, sending through `mailer` (none: mail stays queued).
pub fn worker(app: &TestApp, mailer: Option<Mailer>, name: &str) -> Worker {
    Worker::new(app.state.clone(), mailer, WorkerConfig::new(name))
}

/// A customer who can be written to; returns the id.
pub async fn customer(app: &TestApp, name: &str, email: &str, consent: bool, lang: &str) -> i64 {
    let body = json!({"name": name, "email": email, "consent_to_contact": consent,
                      "preferred_language": lang});
    let res = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await;
    res.expect(201)["id"].as_i64().expect("customer id")
}

/// The recipients of the messages received, in order.
pub fn recipients(inbox: &[Value]) -> Vec<String> {
    inbox
        .iter()
        .map(|m| m["rcpt_tos"][0].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Moves the server's clock to `t` and runs every due job.
pub async fn run_at(app: &TestApp, w: &Worker, t: Timestamp) {
    app.clock.set(t);
    w.drain().await.expect("the worker runs");
}
