//! The operations report against hand-computed values, on the engine under test: complaints
//! on a phone line open Mon–Fri 09:00–17:00 in Madrid, closed on Easter Monday (6 April 2026),
//! first response due in 120 service minutes. Driven through the real server: the API's
//! actions store each duration at the event; the report is read from the API, the page (a
//! number's link lists exactly the records it counted) and the CSV.
//!
//! A (customer X): received Fri 3 Apr 16:00 Madrid; first response Tue 7 Apr 10:30 (Fri 60 +
//!   Tue 90 = 150 service minutes, 325,800 s; due Tue 10:00: late); resolved Tue 14:00 (60 + 300
//!   = 360 min, 338,400 s); reopened Wed 8 Apr 10:00; resolved again Wed 12:00 (60 + 480 + 180
//!   = 720 min, 417,600 s). Its first response stays 150, its first resolution 360.
//! B (customer X): received Tue 7 Apr 09:00, responded 09:30 (30 min, 1,800 s; within).
//! C (customer Y): received Wed 8 Apr 08:00 (before opening), responded 10:00 (60 min, 7,200 s;
//!   within), resolved 11:00 (120 min, 10,800 s).
//! D (customer Z, email): received Thu 9 Apr 12:00, never answered.
//! E (customer Z): received Thu 9 Apr, deleted: counted nowhere.

use serde_json::{Value, json};
use tend_domain::staff::Role;
use tend_testkit::{Reply, TestApp};

use crate::browser::signed_in;
use crate::helpers::spawn_app;

pub(crate) fn at(app: &TestApp, t: &str) {
    app.clock.set(t.parse().expect("instant"));
}

pub(crate) async fn act(app: &TestApp, id: i64, when: &str, action: Value) {
    at(app, when);
    let r = app.act(id, &action).await;
    assert_eq!(r.status, 200, "{action}: {}", r.text);
}

pub(crate) async fn resolve(app: &TestApp, id: i64, times: [&str; 3]) {
    let cause = json!({"action": "identify_cause", "root_cause": "Packing", "responsible_party": "shipping"});
    act(app, id, times[0], cause).await;
    let agree = json!({"action": "agree_solution", "agreed_solution": "A new jar", "solution_mode": "on_the_spot"});
    act(app, id, times[1], agree).await;
    act(
        app,
        id,
        times[2],
        json!({"action": "resolve", "corrective_action": "Sent one"}),
    )
    .await;
}

pub(crate) async fn complaint(app: &TestApp, customer: i64, channel: &str, received: &str) -> i64 {
    at(app, received);
    let draft = json!({"customer_id": customer, "channel": channel, "description": "Cracked jar",
        "received_at": received, "priority": "normal"});
    app.create_complaint_with(&draft).await["id"]
        .as_i64()
        .expect("id")
}

pub(crate) fn understand() -> Value {
    json!({"action": "understand", "facts": "Cracked on arrival"})
}

/// The scenario; returns (A, B, C, D).
pub(crate) async fn scenario(app: &TestApp) -> [i64; 4] {
    let setting = "INSERT INTO company_settings (name, value, updated_at) VALUES ('time_zone', 'Europe/Madrid', 0)";
    tend_store::testing::execute(&app.database_url, setting)
        .await
        .expect("zone");
    let m = &app.manager.token;
    let hours = json!({"time_zone": "Europe/Madrid",
        "week": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]], "wed": [["09:00", "17:00"]],
                 "thu": [["09:00", "17:00"]], "fri": [["09:00", "17:00"]]},
        "closed": [{"date": "2026-04-06"}]});
    app.put_json("/api/v1/channels/phone/service-hours", m, &hours)
        .await
        .expect(200);
    let targets =
        json!({"targets": {"normal": {"first_response_minutes": 120, "resolution_minutes": 960}}});
    app.put_json("/api/v1/channels/phone/response-standards", m, &targets)
        .await
        .expect(200);
    let (x, y, z) = (
        app.create_customer_named("Xavier").await,
        app.create_customer_named("Yolanda").await,
        app.create_customer_named("Zeynep").await,
    );
    let a = complaint(app, x, "phone", "2026-04-03T14:00:00Z").await;
    act(app, a, "2026-04-07T08:30:00Z", understand()).await;
    let b = complaint(app, x, "phone", "2026-04-07T07:00:00Z").await;
    act(app, b, "2026-04-07T07:30:00Z", understand()).await;
    resolve(
        app,
        a,
        [
            "2026-04-07T10:00:00Z",
            "2026-04-07T11:00:00Z",
            "2026-04-07T12:00:00Z",
        ],
    )
    .await;
    let c = complaint(app, y, "phone", "2026-04-08T06:00:00Z").await;
    act(
        app,
        a,
        "2026-04-08T08:00:00Z",
        json!({"action": "reopen", "reason": "Cracked again"}),
    )
    .await;
    act(app, c, "2026-04-08T08:00:00Z", understand()).await;
    resolve(
        app,
        c,
        [
            "2026-04-08T08:20:00Z",
            "2026-04-08T08:40:00Z",
            "2026-04-08T09:00:00Z",
        ],
    )
    .await;
    resolve(
        app,
        a,
        [
            "2026-04-08T09:00:00Z",
            "2026-04-08T09:30:00Z",
            "2026-04-08T10:00:00Z",
        ],
    )
    .await;
    let d = complaint(app, z, "email", "2026-04-09T10:00:00Z").await;
    let e = complaint(app, z, "phone", "2026-04-09T11:00:00Z").await;
    let path = app.url(&format!("/api/v1/complaints/{e}?reason=spam"));
    let gone = Reply::send(app.client.delete(path).bearer_auth(m)).await;
    assert_eq!(gone.status, 204, "{}", gone.text);
    at(app, "2026-04-20T10:00:00Z");
    [a, b, c, d]
}

fn close(v: &Value, expected: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("a number, got {v}"));
    assert!(
        (got - expected).abs() < 1e-6,
        "expected {expected}, got {got}"
    );
}

const QUERY: &str = "from=2026-04-01&to=2026-04-13&grain=week&group=channel";

#[tokio::test]
async fn operations_report_matches_hand_computed_values() {
    let app = spawn_app().await;
    let [a, ..] = scenario(&app).await;
    let c = app.complaint(a).await;
    assert_eq!(
        c["first_response_at"], "2026-04-07T08:30:00Z",
        "a reopen keeps the first response"
    );

    let path = format!("/api/v1/reports/operations?{QUERY}");
    app.get(&path, &app.agent.token)
        .await
        .expect_error(403, "forbidden", None);
    let r = app.get(&path, &app.manager.token).await.expect(200);
    assert_eq!(r["time_zone"], "Europe/Madrid");
    let all = &r["range"]["total"];
    assert_eq!(all["received"], json!({"complaints": 4, "customers": 3}));
    assert_eq!(all["resolved"], json!({"complaints": 2, "customers": 2}));
    assert_eq!(all["open_at_end"], 2, "B and D");
    // First response, service minutes A 150, B 30, C 60: median 60; p90 at rank 1.8 = 60 + 0.8·90.
    let fr = &all["first_response_service_minutes"];
    assert_eq!(fr["n"], 3);
    close(&fr["median"], 60.0);
    close(&fr["p90"], 132.0);
    let frc = &all["first_response_calendar_seconds"];
    close(&frc["median"], 7200.0);
    close(&frc["p90"], 7200.0 + 0.8 * (325_800.0 - 7200.0));
    // First resolution (headline): A 360, C 120; final: A 720, C 120.
    let first = &all["first_resolution_service_minutes"];
    assert_eq!(first["n"], 2);
    close(&first["median"], 240.0);
    close(&first["p90"], 120.0 + 0.9 * 240.0);
    close(
        &all["first_resolution_calendar_seconds"]["median"],
        (338_400.0 + 10_800.0) / 2.0,
    );
    let last = &all["final_resolution_service_minutes"];
    close(&last["median"], 420.0);
    close(&last["p90"], 120.0 + 0.9 * 600.0);
    close(
        &all["final_resolution_calendar_seconds"]["p90"],
        10_800.0 + 0.9 * (417_600.0 - 10_800.0),
    );
    let within = &all["first_response_within_standard"];
    assert_eq!((&within["within"], &within["n"]), (&json!(2), &json!(3)));

    // Weeks cut to the range: [1 Apr, 6 Apr) and [6 Apr, 13 Apr), local midnights (UTC+2).
    let weeks = r["periods"].as_array().expect("periods");
    assert_eq!(weeks.len(), 2);
    assert_eq!(
        (&weeks[0]["label"], &weeks[1]["label"]),
        (&json!("2026-W14"), &json!("2026-W15"))
    );
    assert_eq!(weeks[1]["start"], "2026-04-05T22:00:00Z");
    assert_eq!(weeks[0]["total"]["received"]["complaints"], 1);
    assert_eq!(weeks[0]["total"]["open_at_end"], 1, "A, over Easter");
    let w15 = &weeks[1]["total"];
    assert_eq!(w15["received"], json!({"complaints": 3, "customers": 3}));
    assert_eq!(
        w15["resolved"]["complaints"], 2,
        "A once, though resolved twice, and C"
    );
    let groups: Vec<_> = weeks[1]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["key"].clone(),
                g["figures"]["received"]["complaints"].clone(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [(json!("email"), json!(1)), (json!("phone"), json!(2))]
    );

    app.get("/api/v1/reports/operations?grain=year", &app.manager.token)
        .await
        .expect_error(422, "validation_failed", Some("grain"));
}

/// The numbers of the page link to the inbox listing exactly the records they count; the CSV
/// carries the same figures.
#[tokio::test]
async fn the_page_links_each_number_to_its_records_and_exports_csv() {
    let app = spawn_app().await;
    let [a, b, c, d] = scenario(&app).await;
    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(agent.get(&format!("/reports?{QUERY}")).await.status, 403);
    let m = signed_in(&app, Role::Manager).await;
    m.set_cookie("lang", "es");
    let page = m.get(&format!("/reports?{QUERY}")).await;
    assert_eq!(page.status, 200, "{}", page.html);
    assert!(page.html.contains("Informe de operaciones"));
    assert!(
        page.html
            .contains("Clientes distintos entre las reclamaciones recibidas")
    );
    // Spanish decimals: the p90 of first responses, 132 min = 2,20 h.
    assert!(page.html.contains("1,00 h / 2,20 h"), "{}", page.html);
    let links: Vec<String> = page
        .html
        .split("href=\"")
        .skip(1)
        .map(|s| {
            s[..s.find('"').unwrap()]
                .replace("&#38;", "&")
                .replace("&amp;", "&")
        })
        .filter(|l| l.starts_with("/inbox?"))
        .collect();
    let week15 = "2026-04-05T22%3A00%3A00Z";
    let pick = |part: &str, exclude: &str| {
        links
            .iter()
            .find(|l| l.contains(part) && !l.contains(exclude) && !l.contains("channel="))
            .unwrap_or_else(|| panic!("a link with {part} among {links:?}"))
            .clone()
    };
    let listed = |html: &str| -> Vec<i64> {
        html.split("href=\"/complaints/")
            .skip(1)
            .filter_map(|s| s[..s.find('"').unwrap()].parse().ok())
            .collect()
    };
    let received = m
        .get(&pick(&format!("received_from={week15}"), "responded"))
        .await;
    let mut ids = listed(&received.html);
    ids.sort();
    assert_eq!(ids, [b, c, d], "3 received in W15, as the page says");
    let open = m.get(&pick("open_at=2026-04-12T22%3A00%3A00Z", "#")).await;
    let mut ids = listed(&open.html);
    ids.sort();
    assert_eq!(ids, [b, d]);
    let resolved = m.get(&pick(&format!("resolved_from={week15}"), "#")).await;
    let mut ids = listed(&resolved.html);
    ids.sort();
    assert_eq!(ids, [a, c]);

    let csv = m.get(&format!("/reports/operations.csv?{QUERY}")).await;
    assert_eq!(csv.status, 200);
    let lines: Vec<&str> = csv.html.lines().collect();
    assert!(lines[0].starts_with("period,start,end,group,received_complaints,received_customers"));
    let total = lines
        .iter()
        .find(|l| l.starts_with("2026-04-01 – 2026-04-13,") && l.contains(",,4,3,2,2,2,3,"))
        .copied();
    assert!(total.is_some(), "{}", csv.html);
    let bad = m.get("/reports?from=2026-04-13&to=2026-04-01").await;
    assert_eq!(bad.status, 422);
}

/// The home page shows the default report (the last 12 weeks up to today) with the same
/// numbers, each linking to exactly the records it counts.
#[tokio::test]
async fn the_home_page_shows_the_last_twelve_weeks_with_links_to_the_records() {
    let app = spawn_app().await;
    let [a, b, c, d] = scenario(&app).await;
    at(&app, "2026-04-10T12:00:00Z");
    let m = signed_in(&app, Role::Manager).await;
    let page = m.get("/").await;
    assert_eq!(page.status, 200, "{}", page.html);
    let start = page.html.find("id=\"operations\"").expect("the section");
    let section = &page.html[start..start + page.html[start..].find("</dl>").unwrap()];
    let links: Vec<String> = section
        .split("href=\"")
        .skip(1)
        .map(|s| {
            s[..s.find('"').unwrap()]
                .replace("&#38;", "&")
                .replace("&amp;", "&")
        })
        .collect();
    let value = |link: &str| -> String {
        let at = section
            .find(link)
            .unwrap_or_else(|| panic!("{link} in {section}"));
        let rest = &section[at..];
        let s = rest.find('>').unwrap() + 1;
        rest[s..s + rest[s..].find('<').unwrap()].to_owned()
    };
    let listed = |html: &str| -> Vec<i64> {
        let mut ids: Vec<i64> = html
            .split("href=\"/complaints/")
            .skip(1)
            .filter_map(|s| s[..s.find('"').unwrap()].parse().ok())
            .collect();
        ids.sort();
        ids
    };
    let received = links
        .iter()
        .find(|l| l.contains("received_from=") && !l.contains("responded"))
        .expect("received link");
    let raw = section
        .split("href=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .find(|l| l.contains("received_from=") && !l.contains("responded"))
        .unwrap();
    assert_eq!(value(raw), "4", "4 received in the 12 weeks: {section}");
    assert_eq!(listed(&m.get(received).await.html), [a, b, c, d]);
    let open = links
        .iter()
        .find(|l| l.contains("open_at="))
        .expect("open link");
    assert_eq!(listed(&m.get(open).await.html), [b, d]);
    let resolved = links
        .iter()
        .find(|l| l.contains("resolved_from="))
        .expect("resolved link");
    assert_eq!(listed(&m.get(resolved).await.html), [a, c]);
    // The charts carry their text alternative and data; the full report is one link away.
    assert!(page.html.contains("role=\"img\""));
    assert!(page.html.contains("/reports?from="));
}
