//! Signing in and out, sessions, and the pages that need one.

use std::sync::Arc;

use tend_app::AppState;
use tend_domain::kernel::clock::ManualClock;
use tend_domain::staff::Role;
use tend_store::{Store, StoreOptions};
use tend_web::WebConfig;

use crate::browser::{Browser, PASSWORD, employee, signed_in};
use crate::helpers::{now, serve, spawn_app};

#[tokio::test]
async fn the_first_run_says_how_to_create_the_first_admin() {
    let url = tend_store::testing::fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(url)).await.expect("store");
    let address = serve(
        AppState::new(store, Arc::new(ManualClock::new(now()))),
        WebConfig::default(),
    )
    .await;
    let page = reqwest::get(format!("{address}/sign-in")).await.unwrap();
    let html = page.text().await.unwrap();
    assert!(html.contains("There are no users yet"), "{html}");
    assert!(html.contains("setup link that Tend printed in the server"));

    // Once someone exists, the notice is gone.
    let app = spawn_app().await;
    let html = Browser::new(&app).get("/sign-in").await.html;
    assert!(!html.contains("tend user add"));
}

#[tokio::test]
async fn pages_need_sign_in() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    for path in [
        "/inbox",
        "/complaints/new",
        "/complaints/1",
        "/customers",
        "/customers/1",
        "/settings",
        "/",
    ] {
        let res = b.get(path).await;
        assert_eq!(res.status, 303, "{path}");
        let to = res.location();
        assert!(
            to.starts_with("/sign-in") || to == "/inbox",
            "{path} → {to}"
        );
    }
    let res = b.get("/inbox?status=resolved").await;
    assert_eq!(res.location(), "/sign-in?next=%2Finbox%3Fstatus%3Dresolved");
    // A made-up session cookie is no session.
    b.set_cookie("tend_session", "forged-token-forged-token-forged-token");
    assert_eq!(b.get("/inbox").await.status, 303);
}

#[tokio::test]
async fn staff_sign_in_and_out() {
    let app = spawn_app().await;
    let email = employee(&app, Role::Agent, "Sam Signin").await;
    let b = Browser::new(&app);

    let form = b.get("/sign-in?next=/customers").await;
    assert_eq!(form.status, 200);
    assert!(form.html.contains("name=\"next\" value=\"/customers\""));

    let wrong = b
        .submit(
            "/sign-in",
            "/sign-in",
            &[("email", &email), ("password", "not it")],
        )
        .await;
    assert_eq!(wrong.status, 401);
    assert!(wrong.html.contains("do not match"), "{}", wrong.html);
    assert!(b.cookie("tend_session").is_none());

    let ok = b
        .submit(
            "/sign-in",
            "/sign-in",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("next", "/customers"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.html);
    assert_eq!(ok.location(), "/customers");
    let cookie = ok.set_cookie("tend_session").expect("a session cookie");
    for attr in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attr), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "not configured: {cookie}");
    let token = b.cookie("tend_session").unwrap();
    let inbox = b.get("/inbox").await;
    assert_eq!(inbox.status, 200);
    assert!(inbox.html.contains("Sam Signin"));

    // Only a local path is followed after signing in.
    let b2 = Browser::new(&app);
    let res = b2
        .submit(
            "/sign-in",
            "/sign-in",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(res.location(), "/inbox");

    // Signing out needs the session's CSRF token, ends the session and drops the cookie.
    assert_eq!(b.post_raw("/sign-out", &[]).await.status, 403);
    let out = b.submit("/inbox", "/sign-out", &[]).await;
    assert_eq!(out.status, 303);
    assert_eq!(out.location(), "/sign-in");
    assert!(b.cookie("tend_session").is_none());
    b.set_cookie("tend_session", &token);
    assert_eq!(b.get("/inbox").await.status, 303, "the old cookie is dead");
}

#[tokio::test]
async fn cookies_are_secure_when_configured() {
    let app = spawn_app().await;
    let email = employee(&app, Role::Agent, "Sid Secure").await;
    let state = AppState::new(app.store.clone(), app.clock.clone());
    let web = WebConfig {
        secure_cookies: true,
        ..WebConfig::default()
    };
    let mut b = Browser::new(&app);
    b.base = serve(state, web).await;
    let form = b.get("/sign-in").await;
    assert!(form.set_cookie("tend_form").unwrap().contains("; Secure"));
    let res = b
        .submit(
            "/sign-in",
            "/sign-in",
            &[("email", &email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status, 303);
    assert!(res.set_cookie("tend_session").unwrap().contains("; Secure"));
}

#[tokio::test]
async fn invited_employees_choose_a_password_once() {
    let app = spawn_app().await;
    let manager = signed_in(&app, Role::Manager).await;
    let res = manager
        .submit(
            "/settings",
            "/settings/employees",
            &[
                ("name", "Nina New"),
                ("email", "nina@web.test"),
                ("role", "agent"),
                ("tier", "2"),
            ],
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.html);
    let at = res
        .html
        .find("/invite/")
        .expect("the one-time link is shown");
    let end = res.html[at..].find('<').unwrap();
    let link = res.html[at..at + end].to_owned();

    // A manager may not make an administrator.
    let res = manager
        .submit(
            "/settings",
            "/settings/employees",
            &[
                ("name", "Eve"),
                ("email", "eve@web.test"),
                ("role", "admin"),
                ("tier", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 403);

    // Nobody can sign in as the invited employee before the link is used.
    let nina = Browser::new(&app);
    let res = nina
        .submit(
            "/sign-in",
            "/sign-in",
            &[("email", "nina@web.test"), ("password", "")],
        )
        .await;
    assert_eq!(res.status, 401);

    let res = nina
        .submit(&link, &link, &[("password", "short"), ("repeat", "short")])
        .await;
    assert_eq!(res.status, 422);
    let pw = "a long enough password";
    let res = nina
        .submit(&link, &link, &[("password", pw), ("repeat", pw)])
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    assert_eq!(nina.get("/inbox").await.status, 200);
    // The link works once.
    assert_eq!(Browser::new(&app).get(&link).await.status, 404);
    let again = Browser::new(&app);
    let res = again
        .submit(
            "/sign-in",
            "/sign-in",
            &[("email", "nina@web.test"), ("password", pw)],
        )
        .await;
    assert_eq!(res.status, 303);
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_address() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let mut statuses = vec![];
    for _ in 0..12 {
        let res = b
            .submit(
                "/sign-in",
                "/sign-in",
                &[("email", "nobody@web.test"), ("password", "guess")],
            )
            .await;
        statuses.push(res.status);
    }
    assert_eq!(&statuses[..10], &[401; 10]);
    assert_eq!(statuses[11], 429, "{statuses:?}");
}
