//! The managers' settings: catalog, channel service hours and response standards, and what
//! they change on the complaint pages.

use serde_json::json;
use tend_domain::employee::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

#[tokio::test]
async fn managers_set_the_catalog_and_each_channels_standards() {
    let app = spawn_app().await;
    let m = signed_in(&app, Role::Manager).await;

    let res = m
        .submit(
            "/settings",
            "/settings/products",
            &[("name", "Blender 3000"), ("sku", "BL-3000")],
        )
        .await;
    assert_eq!(res.status, 303);
    let again = m
        .submit(
            "/settings",
            "/settings/products",
            &[("name", "Blender 3000")],
        )
        .await;
    assert_eq!(again.status, 422, "a duplicate is named next to its field");
    assert!(again.html.contains("a product with this name exists"));
    let res = m
        .submit("/settings", "/settings/categories", &[("name", "Delivery")])
        .await;
    assert_eq!(res.status, 303);
    let settings = m.get("/settings").await;
    assert!(settings.html.contains("Blender 3000") && settings.html.contains("BL-3000"));

    // A document that does not parse, or breaks a rule, is refused and shown again as typed.
    let res = m
        .submit(
            "/settings",
            "/settings/channels/phone",
            &[("hours", "{not json"), ("standards", "{}")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.html.contains("{not json"));
    let hours = json!({"time_zone": "Europe/Madrid", "week": {"mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]], "wed": [["09:00", "18:00"]], "thu": [["09:00", "18:00"]], "fri": [["09:00", "18:00"]]}}).to_string();
    let standards =
        json!({"targets": {"normal": {"first_response_minutes": 60, "resolution_minutes": 480}}})
            .to_string();
    let res = m
        .submit(
            "/settings",
            "/settings/channels/phone",
            &[("hours", &hours), ("standards", &standards)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let stored = app
        .get("/api/v1/channels/phone/service-hours", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(stored["time_zone"], "Europe/Madrid");

    // The complaint page now shows due times, in the channel's zone (Friday 16:30 in Madrid).
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let page = m.get(&format!("/complaints/{}", c["id"])).await;
    assert!(page.html.contains("First response"), "{}", page.html);
    assert!(
        page.html.contains("Mar 6, 2026 16:30 CET"),
        "received, in Madrid time"
    );
    assert!(
        page.html.contains("Mar 6, 2026 17:30 CET"),
        "first response due in an hour"
    );
    assert!(page.html.contains("1 h left"));
}

#[tokio::test]
async fn escalating_from_the_page_shows_everywhere() {
    let app = spawn_app().await;
    let agent = signed_in(&app, Role::Agent).await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let page = format!("/complaints/{}", c["id"]);
    let act = format!("{page}/act");

    let res = agent
        .submit(
            &page,
            &act,
            &[("action", "escalate"), ("reason", "Angry customer")],
        )
        .await;
    assert_eq!(res.status, 422, "the person to escalate to is required");
    let to = app.manager.id.to_string();
    let res = agent
        .submit(
            &page,
            &act,
            &[
                ("action", "escalate"),
                ("to", &to),
                ("tier", "3"),
                ("reason", "Angry customer, wants a manager"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let stored = app.complaint(c["id"].as_i64().unwrap()).await;
    assert_eq!(stored["escalated"], true);
    assert_eq!(stored["tier"], 3);
    let shown = agent.get(&page).await;
    assert!(
        shown.html.contains("Angry customer, wants a manager")
            && shown.html.contains("Mona Manager")
    );
    let inbox = agent.get("/inbox?escalated=1").await;
    assert!(inbox.html.contains(&page) && inbox.html.contains("Escalated"));

    // An edit someone else made in between is a conflict, not a silent overwrite.
    let stale = agent.get(&page).await.csrf();
    let version = stored["version"].as_i64().unwrap() - 1;
    let res = agent
        .post_raw(
            &act,
            &[
                ("_csrf", &stale),
                ("version", &version.to_string()),
                ("action", "understand"),
                ("facts", "x"),
                ("read_back", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.html);
    assert_eq!(
        app.complaint(c["id"].as_i64().unwrap()).await["status"],
        "received"
    );
}

#[tokio::test]
async fn agents_correct_a_customers_profile() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let edit = format!("/customers/{customer}/edit");
    let viewer = signed_in(&app, Role::Viewer).await;
    assert_eq!(viewer.get(&edit).await.status, 403);

    let agent = signed_in(&app, Role::Agent).await;
    let form = agent.get(&edit).await;
    assert!(form.html.contains("value=\"Ayşe Yılmaz\""));
    let res = agent
        .submit(
            &edit,
            &edit,
            &[
                ("name", "Ayşe Yılmaz"),
                ("email", "nope"),
                ("birth_year", "1980"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.html.contains("must be an e-mail address"));
    let res = agent
        .submit(
            &edit,
            &edit,
            &[
                ("name", "Ayşe Yılmaz"),
                ("email", "ayse@example.com"),
                ("city", "İzmir"),
                ("country", "tr"),
                ("birth_year", "1980"),
                ("consent", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let stored = app
        .get(&format!("/api/v1/customers/{customer}"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(stored["email"], "ayse@example.com");
    assert_eq!(stored["country"], "TR");
    assert_eq!(stored["birth_year"], 1980);
    assert_eq!(stored["consent_to_contact"], true);
    assert!(
        agent
            .get(&format!("/customers/{customer}"))
            .await
            .html
            .contains("İzmir")
    );
}
