//! CSRF, escaping, security headers and roles on the pages.

use serde_json::json;
use tend_domain::staff::Role;

use crate::browser::{Browser, signed_in};
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_post_without_the_csrf_token_changes_nothing() {
    let app = spawn_app().await;
    let b = signed_in(&app, Role::Agent).await;
    let fields = [
        ("customer_id", "new"),
        ("c_name", "Mallory"),
        ("channel", "phone"),
        ("description", "Forged"),
    ];
    let res = b.post_raw("/complaints/new", &fields).await;
    assert_eq!(res.status, 403);
    assert!(
        res.html.contains("expired"),
        "an HTML page says why: {}",
        res.html
    );
    let mut forged = vec![("_csrf", "not-the-token")];
    forged.extend_from_slice(&fields);
    assert_eq!(b.post_raw("/complaints/new", &forged).await.status, 403);
    assert!(app.list_ids("").await.is_empty(), "nothing was stored");

    // Another session's token does not do either.
    let other = signed_in(&app, Role::Agent).await;
    let theirs = other.get("/inbox").await.csrf();
    let mut crossed = vec![("_csrf", theirs.as_str())];
    crossed.extend_from_slice(&fields);
    assert_eq!(b.post_raw("/complaints/new", &crossed).await.status, 403);

    // Public forms: the double-submit cookie must match.
    let stranger = Browser::new(&app);
    let res = stranger
        .post_raw(
            "/complain",
            &[
                ("_csrf", "x"),
                ("name", "A"),
                ("email", "a@b.co"),
                ("description", "x"),
            ],
        )
        .await;
    assert_eq!(res.status, 403);
    assert!(app.list_ids("").await.is_empty());

    // Actions on a complaint, too.
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let path = format!("/complaints/{}/act", c["id"]);
    let res = b
        .post_raw(
            &path,
            &[("action", "understand"), ("facts", "x"), ("read_back", "1")],
        )
        .await;
    assert_eq!(res.status, 403);
    assert_eq!(
        app.complaint(c["id"].as_i64().unwrap()).await["status"],
        "received"
    );
}

#[tokio::test]
async fn stored_script_is_escaped_and_pages_carry_security_headers() {
    let app = spawn_app().await;
    let customer = app
        .create_customer_named("<img src=x onerror=alert(2)>")
        .await;
    let draft = json!({
        "customer_id": customer,
        "channel": "phone",
        "subject": "<b>bold</b>",
        "description": "<script>alert(1)</script> & more",
    });
    let c = app.create_complaint_with(&draft).await;
    let b = signed_in(&app, Role::Viewer).await;
    for path in [
        format!("/complaints/{}", c["id"]),
        "/inbox".to_owned(),
        format!("/customers/{customer}"),
    ] {
        let page = b.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(!page.html.contains("<script>alert"), "{path}");
        assert!(!page.html.contains("<img src=x"), "{path}");
        assert!(!page.html.contains("<b>bold"), "{path}");
        let csp = page.headers["content-security-policy"].to_str().unwrap();
        assert!(
            !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert!(csp.contains("script-src 'none'"), "{csp}");
        assert_eq!(page.headers["x-content-type-options"], "nosniff");
        assert_eq!(page.headers["referrer-policy"], "no-referrer");
    }
    let page = b.get(&format!("/complaints/{}", c["id"])).await;
    assert!(
        page.html
            .contains("&#60;script&#62;alert(1)&#60;/script&#62; &#38; more")
    );
    let css = b.get("/static/app.css").await;
    assert_eq!(css.status, 200);
    assert!(
        css.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
}

#[tokio::test]
async fn what_a_role_may_do() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let page = format!("/complaints/{}", c["id"]);

    let viewer = signed_in(&app, Role::Viewer).await;
    assert_eq!(viewer.get("/inbox").await.status, 200);
    let seen = viewer.get(&page).await;
    assert_eq!(seen.status, 200);
    assert!(
        !seen.html.contains("/act\""),
        "a viewer gets no forms to work it"
    );
    assert_eq!(viewer.get("/complaints/new").await.status, 403);
    let res = viewer
        .submit(
            &page,
            &format!("{page}/act"),
            &[("action", "understand"), ("facts", "x"), ("read_back", "1")],
        )
        .await;
    assert_eq!(res.status, 403);
    assert_eq!(
        app.complaint(c["id"].as_i64().unwrap()).await["status"],
        "received"
    );
    assert_eq!(viewer.get("/settings").await.status, 403);

    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(agent.get("/complaints/new").await.status, 200);
    assert_eq!(agent.get("/settings").await.status, 403);
    let res = agent
        .submit("/inbox", "/settings/categories", &[("name", "Sneaky")])
        .await;
    assert_eq!(res.status, 403);

    let manager = signed_in(&app, Role::Manager).await;
    assert_eq!(manager.get("/settings").await.status, 200);
    let res = manager
        .submit("/settings", "/settings/categories", &[("name", "Delivery")])
        .await;
    assert_eq!(res.status, 303);
    assert!(manager.get("/settings").await.html.contains("Delivery"));
}

#[tokio::test]
async fn unknown_pages_are_html_404s_and_the_api_keeps_json() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let res = b.get("/no-such-page").await;
    assert_eq!(res.status, 404);
    assert!(
        res.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let res = b.get("/api/v1/nope").await;
    assert!(
        res.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
}
