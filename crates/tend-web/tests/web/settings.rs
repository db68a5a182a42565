//! The managers' settings: catalog, channel service hours and response standards, and what
//! they change on the complaint pages.

use tend_domain::staff::Role;

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

    // Fields that break a rule are refused, named, and shown again as typed.
    let res = m
        .submit(
            "/settings",
            "/settings/channels/phone",
            &[
                ("time_zone", "Mars/Olympus"),
                ("mon", "9 to 5"),
                ("tue", "09:00-25:00"),
                ("fr_normal", "60"),
                ("warn_at_percent", "80"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.html.contains("9 to 5") && res.html.contains("Mars/Olympus"));
    assert!(
        res.html.contains("write opening times like"),
        "{}",
        res.html
    );
    assert!(res.html.contains("give both targets"), "{}", res.html);
    // Always open and opening times at once: refused, not silently dropped.
    let res = m
        .submit(
            "/settings",
            "/settings/channels/phone",
            &[
                ("time_zone", "UTC"),
                ("always_open", "1"),
                ("mon", "09:00-17:00"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.html);
    assert!(res.html.contains("must be empty when always_open is true"));
    let days: Vec<(&str, &str)> = ["mon", "tue", "wed", "thu", "fri"]
        .into_iter()
        .map(|d| (d, "09:00-13:00, 14:00-18:00"))
        .collect();
    let mut fields = vec![
        ("time_zone", "Europe/Madrid"),
        ("closed", "2026-12-25 yearly\n2026-08-14"),
        ("fr_normal", "60"),
        ("res_normal", "480"),
        ("warn_at_percent", "75"),
        ("escalate_on_breach", "1"),
    ];
    fields.extend(days);
    let res = m
        .submit("/settings", "/settings/channels/phone", &fields)
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let standards = app
        .get(
            "/api/v1/channels/phone/response-standards",
            &app.viewer.token,
        )
        .await
        .expect(200);
    assert_eq!(standards["targets"]["normal"]["resolution_minutes"], 480);
    assert_eq!(standards["warn_at_percent"], 75);
    assert_eq!(standards["escalate_on_breach"], true);
    let shown = m.get("/settings").await;
    let hours = app
        .get("/api/v1/channels/phone/service-hours", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(hours["week"]["mon"][1][0], "14:00", "{hours}");
    assert_eq!(hours["closed"][1]["yearly"], true, "{hours}");
    assert!(
        shown.html.contains(r#"value="09:00-13:00, 14:00-18:00""#),
        "the form shows what is stored"
    );
    assert!(shown.html.contains(">2026-08-14\n2026-12-25 yearly<"));
    assert!(
        shown.html.contains(r#"id="tz-phone""#),
        "the fields are labelled by id"
    );
    let stored = app
        .get("/api/v1/channels/phone/service-hours", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(stored["time_zone"], "Europe/Madrid");

    // The complaint page now shows due times, counted in the channel's hours (Friday 16:30 in
    // Madrid) and shown in the reader's zone: the manager chose none, nor did the company, so UTC.
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let page = m.get(&format!("/complaints/{}", c["id"])).await;
    assert!(page.html.contains("First response"), "{}", page.html);
    assert!(
        page.html.contains("Mar 6, 2026 15:30 UTC"),
        "received, in the reader's zone"
    );
    assert!(
        page.html.contains("Mar 6, 2026 16:30 UTC"),
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
