//! Reopens counted from the instants they happened (the timeline), not from current state, by
//! day in Madrid (UTC+2), across local midnights:
//!
//! P (Pilar): received Mon 13 Apr 07:00Z, resolved Tue 14 10:00Z, reopened Tue 14 21:00Z
//!   (23:00 Madrid, still Tuesday), resolved again Wed 15 08:00Z.
//! Q (Quim): received Mon 13 06:00Z, resolved Mon 13 12:00Z, reopened Wed 15 22:30Z — Thursday
//!   00:30 in Madrid, so Thursday's, though the UTC date is Wednesday —, still open.
//!
//! By hand, days [local midnight, next):
//! - Mon: received 2, first resolved 1 (Q), reopened 0, open at the end 1 (P).
//! - Tue: first resolved 1 (P), reopened 1 (P), open at the end 1 (P, reopened at 23:00) —
//!   counting from current state (first resolved Tuesday 10:00) would say 0.
//! - Wed: resolved 0 (P's second resolution is not a first), reopened 0, open at the end 0.
//! - Thu: reopened 1 (Q), open at the end 1 (Q) — current state would say 0.
//! - The range: received 2, resolved 2, reopened 2 (2 customers), open at the end 1; first
//!   resolution n 2; final resolution n 1 (Q's latest resolution no longer stands).

use serde_json::json;
use tend_domain::staff::Role;
use tend_testkit::TestApp;

use crate::browser::signed_in;
use crate::helpers::spawn_app;
use crate::reports::{act, at, complaint, resolve, understand};
use crate::reports_links::{every_link_lists_its_number, listed};

async fn scenario(app: &TestApp) -> [i64; 2] {
    let setting = "INSERT INTO company_settings (name, value, updated_at) VALUES ('time_zone', 'Europe/Madrid', 0)";
    tend_store::testing::execute(&app.database_url, setting)
        .await
        .expect("zone");
    let (pilar, quim) = (
        app.create_customer_named("Pilar").await,
        app.create_customer_named("Quim").await,
    );
    let q = complaint(app, quim, "phone", "2026-04-13T06:00:00Z").await;
    let p = complaint(app, pilar, "phone", "2026-04-13T07:00:00Z").await;
    act(app, q, "2026-04-13T08:00:00Z", understand()).await;
    act(app, p, "2026-04-13T08:00:00Z", understand()).await;
    let times = [
        "2026-04-13T10:00:00Z",
        "2026-04-13T11:00:00Z",
        "2026-04-13T12:00:00Z",
    ];
    resolve(app, q, times).await;
    let times = [
        "2026-04-14T08:00:00Z",
        "2026-04-14T09:00:00Z",
        "2026-04-14T10:00:00Z",
    ];
    resolve(app, p, times).await;
    let reopen = json!({"action": "reopen", "reason": "Cracked again"});
    act(app, p, "2026-04-14T21:00:00Z", reopen.clone()).await;
    let times = [
        "2026-04-15T06:00:00Z",
        "2026-04-15T07:00:00Z",
        "2026-04-15T08:00:00Z",
    ];
    resolve(app, p, times).await;
    act(app, q, "2026-04-15T22:30:00Z", reopen).await;
    at(app, "2026-04-20T10:00:00Z");
    [p, q]
}

#[tokio::test]
async fn reopens_and_the_backlog_come_from_the_reopen_instants() {
    let app = spawn_app().await;
    let [p, q] = scenario(&app).await;
    let path = "/api/v1/reports/operations?from=2026-04-13&to=2026-04-17&grain=day&group=none";
    let r = app.get(path, &app.manager.token).await.expect(200);
    let days: Vec<_> = r["periods"]
        .as_array()
        .expect("days")
        .iter()
        .map(|d| {
            let t = &d["total"];
            (
                d["first_day"].as_str().unwrap().to_owned(),
                t["received"]["complaints"].as_i64().unwrap(),
                t["resolved"]["complaints"].as_i64().unwrap(),
                t["reopened"]["complaints"].as_i64().unwrap(),
                t["open_at_end"].as_i64().unwrap(),
            )
        })
        .collect();
    let day = |d: &str, received, resolved, reopened, open| {
        (d.to_owned(), received, resolved, reopened, open)
    };
    assert_eq!(
        days,
        [
            day("2026-04-13", 2, 1, 0, 1),
            day("2026-04-14", 0, 1, 1, 1),
            day("2026-04-15", 0, 0, 0, 0),
            day("2026-04-16", 0, 0, 1, 1),
        ]
    );
    let all = &r["range"]["total"];
    assert_eq!(all["reopened"], json!({"complaints": 2, "customers": 2}));
    assert_eq!(all["open_at_end"], 1);
    assert_eq!(all["first_resolution_service_minutes"]["n"], 2);
    assert_eq!(all["final_resolution_service_minutes"]["n"], 1);

    // The page's numbers list their records: Tuesday's backlog is P, Thursday's reopen Q.
    let m = signed_in(&app, Role::Manager).await;
    let page = m
        .get("/reports?from=2026-04-13&to=2026-04-17&grain=day&group=none")
        .await;
    assert_eq!(page.status, 200, "{}", page.html);
    let links = every_link_lists_its_number(&m, &page.html).await;
    let find = |part: &str| {
        links
            .iter()
            .find(|l| l.contains(part))
            .unwrap_or_else(|| panic!("{part} among {links:?}"))
            .clone()
    };
    let open_tuesday = find("open_at=2026-04-14T22%3A00%3A00Z");
    assert_eq!(listed(&m.get(&open_tuesday).await.html), [p].into());
    let reopened_thursday = find("reopened_from=2026-04-15T22%3A00%3A00Z");
    assert_eq!(listed(&m.get(&reopened_thursday).await.html), [q].into());
    let csv = m
        .get("/reports/operations.csv?from=2026-04-13&to=2026-04-17&grain=day&group=none")
        .await;
    let range = csv
        .html
        .lines()
        .find(|l| l.starts_with("2026-04-13 – 2026-04-17,"))
        .expect("the range's row");
    assert!(range.ends_with(",Europe/Madrid,2,2"), "{range}");
}

/// The migration's backfill, run over this timeline, finds exactly the spells written at the
/// events: each reopen with the instant its spell ended (P's), or none (Q's).
#[tokio::test]
async fn the_backfill_reads_the_same_spells_from_the_timeline() {
    let app = spawn_app().await;
    scenario(&app).await;
    let migration = include_str!("../../../tend-store/migrations/sqlite/0180_reports_reopens.sql");
    let select = &migration[migration
        .find("SELECT r.complaint_id")
        .expect("the backfill")..];
    let select = select.trim_end().trim_end_matches(';');
    let url = &app.database_url;
    let stored = tend_store::testing::count(url, "complaint_reopens").await;
    assert_eq!(stored, 2);
    let ended =
        tend_store::testing::count(url, "complaint_reopens WHERE ended_at IS NOT NULL").await;
    assert_eq!(ended, 1, "P's spell ended, Q's lasts");
    let same = tend_store::testing::count(
        url,
        &format!(
            "({select}) b JOIN complaint_reopens o ON o.complaint_id = b.complaint_id \
             AND o.reopened_at = b.at AND (o.ended_at = b.ended_at \
             OR (o.ended_at IS NULL AND b.ended_at IS NULL))"
        ),
    )
    .await;
    assert_eq!(same, stored);
}
