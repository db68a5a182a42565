//! Times in their reader's zone: the status page in the customer's zone (from their country);
//! staff pages in the employee's own zone (set on `/me`, or by an admin), else the company's
//! (set on `/settings/company`), else UTC — due times counted in the channel's hours.

use serde_json::json;
use tend_domain::kernel::text::Email;
use tend_domain::staff::Role;

use crate::browser::{Browser, employee, signed_in};
use crate::helpers::{TestApp, spawn_app};
use crate::public::complain;

/// The phone channel staffed Monday to Friday 09:00–17:00 in Madrid, a first response due
/// within 240 service minutes. A complaint taken at the test kit's `NOW` (Friday 2026-03-06
/// 15:30 UTC = 16:30 CET) is due Monday 12:30 CET (11:30 UTC).
async fn madrid_office(app: &TestApp) {
    let m = &app.manager.token;
    let day = json!([["09:00", "17:00"]]);
    let office = json!({"time_zone": "Europe/Madrid", "week": {
        "mon": day, "tue": day, "wed": day, "thu": day, "fri": day}});
    let path = "/api/v1/channels/phone/service-hours";
    app.put_json(path, m, &office).await.expect(200);
    let targets =
        json!({"targets": {"normal": {"first_response_minutes": 240, "resolution_minutes": 960}}});
    let path = "/api/v1/channels/phone/response-standards";
    app.put_json(path, m, &targets).await.expect(200);
}

/// An agent who chose `zone` on their own settings page.
async fn agent_in(app: &TestApp, zone: &str) -> Browser {
    let b = signed_in(app, Role::Agent).await;
    let saved = b
        .submit("/me", "/me", &[("language", "en"), ("time_zone", zone)])
        .await;
    assert_eq!(saved.status, 303, "{}", saved.html);
    b
}

/// Whether `html` shows every one of `times` and none of `not`.
fn shows(html: &str, times: &[&str], not: &[&str]) -> bool {
    times.iter().all(|t| html.contains(t)) && !not.iter().any(|t| html.contains(t))
}

#[tokio::test]
async fn agents_in_mexico_city_and_istanbul_see_one_complaint_in_their_own_zones() {
    let app = spawn_app().await;
    madrid_office(&app).await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let page = format!("/complaints/{id}");
    // Mexico City: CST (UTC−6) all year since 2022; Istanbul: UTC+03:00, no abbreviation.
    let mx = agent_in(&app, "America/Mexico_City").await;
    let ist = agent_in(&app, "Europe/Istanbul").await;
    let mx_times = ["Mar 6, 2026 09:30 CST", "Mar 9, 2026 05:30 CST"];
    let ist_times = ["Mar 6, 2026 18:30 UTC+03:00", "Mar 9, 2026 14:30 UTC+03:00"];
    // The received time as the channel's zone, or the other reader's, would write it.
    let (madrid, mexico, istanbul) = ("16:30 CET", "09:30 CST", "18:30 UTC+03:00");
    for path in ["/inbox", page.as_str()] {
        let seen = mx.get(path).await.html;
        assert!(
            shows(&seen, &mx_times, &[madrid, istanbul]),
            "{path}: {seen}"
        );
        let seen = ist.get(path).await.html;
        assert!(
            shows(&seen, &ist_times, &[madrid, mexico]),
            "{path}: {seen}"
        );
    }
    // The customer's page lists it by when it was received.
    let listed = mx.get(&format!("/customers/{customer}")).await.html;
    assert!(
        shows(&listed, &mx_times[..1], &[madrid, istanbul]),
        "{listed}"
    );
    let listed = ist.get(&format!("/customers/{customer}")).await.html;
    assert!(
        shows(&listed, &ist_times[..1], &[madrid, mexico]),
        "{listed}"
    );
    // Forms take times in the reader's zone and say which: a call received now, in Mexico City.
    let new = mx.get("/complaints/new").await.html;
    assert!(new.contains("(America/Mexico_City)"), "{new}");
    assert!(new.contains(r#"value="2026-03-06T09:30""#), "{new}");
    let me = mx.get("/me").await;
    assert!(
        me.html.contains("it is now Mar 6, 2026 09:30 CST"),
        "{}",
        me.html
    );
    assert!(me.html.contains(r#"value="America/Mexico_City""#));
    // An unknown zone is refused on its field, and nothing changes.
    let fields = [("language", "tr"), ("time_zone", "Mars/Olympus")];
    let refused = mx.submit("/me", "/me", &fields).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.html.contains("unknown: Mars/Olympus"),
        "{}",
        refused.html
    );
    assert!(shows(&mx.get("/inbox").await.html, &mx_times, &[]));
}

#[tokio::test]
async fn staff_without_a_zone_read_the_companys_which_admins_change() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    app.create_complaint(customer).await;
    let agent = signed_in(&app, Role::Agent).await;
    assert!(
        agent
            .get("/inbox")
            .await
            .html
            .contains("Mar 6, 2026 15:30 UTC"),
        "none set: UTC"
    );
    assert_eq!(
        agent.get("/settings/company").await.status,
        403,
        "admins only"
    );

    let admin = signed_in(&app, Role::Admin).await;
    let company = [
        ("company", "Cafetera Feliz"),
        ("time_zone", "Europe/Istanbul"),
    ];
    let saved = admin
        .submit("/settings/company", "/settings/company", &company)
        .await;
    assert_eq!(saved.status, 303, "{}", saved.html);
    let istanbul = "Mar 6, 2026 18:30 UTC+03:00";
    assert!(agent.get("/inbox").await.html.contains(istanbul));
    let form = admin.get("/settings/company").await.html;
    assert!(
        form.contains(r#"value="Cafetera Feliz""#) && form.contains(r#"value="Europe/Istanbul""#)
    );
    // The audit log records it, at NOW in the admin's zone: the company's, just set.
    let audit = admin.get("/settings/audit").await.html;
    assert!(
        audit.contains("name=Cafetera Feliz; time_zone=Europe/Istanbul"),
        "{audit}"
    );
    assert!(
        audit.contains(istanbul) && !audit.contains("15:30 UTC<"),
        "{audit}"
    );

    // In Spanish, Mars/Olympus is refused with its field named, and nothing is stored.
    admin.set_cookie("lang", "es");
    let mars = [("company", "Cafetera Feliz"), ("time_zone", "Mars/Olympus")];
    let refused = admin
        .submit("/settings/company", "/settings/company", &mars)
        .await;
    assert_eq!(refused.status, 422);
    let said = "Zona horaria: debe ser una zona horaria IANA como Europe/Madrid (desconocida: Mars/Olympus)";
    assert!(refused.html.contains(said), "{}", refused.html);
    assert_eq!(
        app.store.company_time_zone().await.unwrap().as_deref(),
        Some("Europe/Istanbul")
    );
    assert!(agent.get("/inbox").await.html.contains(istanbul));

    // An admin sets one employee's own zone; the others keep the company's.
    let email = employee(&app, Role::Agent, "Zed Zone").await;
    let zed = app
        .store
        .employee_by_email(&Email::parse(&email).unwrap())
        .await
        .unwrap();
    let fields = [
        ("role", "agent"),
        ("tier", "1"),
        ("time_zone", "America/Mexico_City"),
    ];
    let path = format!("/settings/employees/{}", zed.id.0);
    admin.set_cookie("lang", "en");
    // Only admins see and set it; a manager may change the role but not the zone.
    let field = format!(r#"id="tz-emp-{}""#, zed.id.0);
    assert!(admin.get("/settings").await.html.contains(&field));
    let manager = signed_in(&app, Role::Manager).await;
    assert!(!manager.get("/settings").await.html.contains(&field));
    let by_manager = manager.submit("/settings", &path, &fields).await;
    assert_eq!(by_manager.status, 403);
    assert_eq!(admin.submit("/settings", &path, &fields).await.status, 303);
    let audit = admin.get("/settings/audit").await.html;
    assert!(
        audit.contains("agent tier 1; time_zone=America/Mexico_City"),
        "{audit}"
    );
    let b = Browser::new(&app);
    b.sign_in(&email).await;
    assert!(b.get("/inbox").await.html.contains("Mar 6, 2026 09:30 CST"));
    assert!(agent.get("/inbox").await.html.contains(istanbul));
}

#[tokio::test]
async fn the_status_page_shows_times_in_the_customers_zone() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let thanks = complain(&b, "Ayşe Yılmaz", "Kapağı ilk gün kırıldı.").await;
    let link = thanks.href_of("status-link");
    let id = app.list_ids("").await[0];
    let customer = app.complaint(id).await["customer_id"].as_i64().unwrap();
    // A customer in Türkiye: Europe/Istanbul, UTC+03:00 all year (no summer time since 2016).
    let path = format!("/api/v1/customers/{customer}");
    let patch = json!({"country": "TR"});
    app.patch_json(&path, &app.agent.token, &patch)
        .await
        .expect(200);
    for action in [
        json!({"action": "understand", "facts": "Lid broke"}),
        json!({"action": "identify_cause", "root_cause": "Weak hinge", "responsible_party": "company"}),
        json!({"action": "agree_solution", "agreed_solution": "Send a new lid", "solution_mode": "promised", "promised_by": "2026-03-09T12:00:00Z"}),
    ] {
        app.act(id, &action).await.expect(200);
    }
    // 12:00 UTC is 15:00 in Istanbul, named by its offset since the zone has no abbreviation.
    let status = b.get(&link).await;
    assert!(
        status.html.contains("Mar 9, 2026 15:00 UTC+03:00"),
        "{}",
        status.html
    );
    assert!(!status.html.contains("Mar 9, 2026 12:00 UTC"));
}
