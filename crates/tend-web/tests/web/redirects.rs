//! Redirects to a user-given path: every hostile target ends in a 303 to a safe local path,
//! never a 500, and signing in still opens the session.

use tend_app::AppState;
use tend_domain::staff::Role;
use tend_web::WebConfig;
use tend_web::kit::limits::{Limits, Rate};

use crate::browser::{Browser, PASSWORD, employee};
use crate::helpers::{TestApp, serve, spawn_app};

/// A browser on a second server over `app`'s database whose sign-in limit does not get in the
/// way of a table of tries.
async fn unlimited(app: &TestApp) -> Browser {
    let state = AppState::new(app.store.clone(), app.clock.clone());
    let many = Rate {
        burst: 10_000,
        per_minute: 10_000,
    };
    let web = WebConfig {
        limits: Limits::new(many, many),
        ..WebConfig::default()
    };
    let mut b = Browser::new(app);
    b.base = serve(state, web).await;
    b
}

/// Targets a browser would follow off the site, or that cannot be written in a header.
pub const HOSTILE: &[&str] = &[
    "/\t/evil.example",
    "/\r\n/evil.example",
    "/\r\nSet-Cookie: tend_session=x",
    "/\0/evil.example",
    "/%09/evil.example",
    "/%0d%0a/evil.example",
    "/%5Cevil.example",
    "/%2F/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    " /evil.example",
    "/\u{2003}/evil.example",
    "/\u{3000}/evil.example",
    "/\u{a0}/evil.example",
    "/\u{feff}/evil.example",
    "evil.example",
];

#[tokio::test]
async fn sign_in_follows_only_a_local_path() {
    let app = spawn_app().await;
    let email = employee(&app, Role::Agent, "Rita Redirect").await;
    for target in HOSTILE {
        let b = unlimited(&app).await;
        let q = tend_web::kit::error::urlencode(target);
        let fields = [
            ("email", email.as_str()),
            ("password", PASSWORD),
            ("next", target),
        ];
        if target.contains('\0') {
            // A NUL is refused before anything else: 422, and no session.
            assert_eq!(b.get(&format!("/sign-in?next={q}")).await.status, 422);
            let res = b.submit("/sign-in", "/sign-in", &fields).await;
            assert_eq!(res.status, 422, "{target:?}");
            assert!(res.set_cookie("tend_session").is_none());
            continue;
        }
        // The form carries only a local `next`.
        let form = b.get(&format!("/sign-in?next={q}")).await;
        assert_eq!(form.status, 200, "{target:?}");
        assert!(
            form.html.contains("name=\"next\" value=\"/inbox\""),
            "{target:?}"
        );
        // Posting it anyway signs in and lands on the inbox, with the session cookie.
        let res = b.submit("/sign-in", "/sign-in", &fields).await;
        assert_eq!(res.status, 303, "{target:?}: {}", res.html);
        assert_eq!(res.location(), "/inbox", "{target:?}");
        assert!(res.set_cookie("tend_session").is_some(), "{target:?}");
        assert!(!res.headers.contains_key("x-evil"));
        // A failed sign-in keeps the safe target too, and sets no session.
        let wrong = b
            .submit(
                "/sign-in",
                "/sign-in",
                &[("email", &email), ("password", "no"), ("next", target)],
            )
            .await;
        assert_eq!(wrong.status, 401, "{target:?}");
        assert!(wrong.set_cookie("tend_session").is_none());
        assert!(wrong.html.contains("name=\"next\" value=\"/inbox\""));
    }
    // A local path with a query is kept as it is.
    let b = Browser::new(&app);
    let res = b
        .submit(
            "/sign-in",
            "/sign-in",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("next", "/inbox?status=resolved&q=a%20b"),
            ],
        )
        .await;
    assert_eq!(res.location(), "/inbox?status=resolved&q=a%20b");
}

#[tokio::test]
async fn the_language_switcher_comes_back_only_to_a_local_path() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    for target in HOSTILE {
        let res = b
            .submit("/sign-in", "/language", &[("lang", "es"), ("back", target)])
            .await;
        if target.contains('\0') {
            assert_eq!(res.status, 422, "{target:?}");
            continue;
        }
        assert_eq!(res.status, 303, "{target:?}: {}", res.html);
        assert_eq!(res.location(), "/", "{target:?}");
        assert_eq!(b.cookie("lang").as_deref(), Some("es"));
    }
    let res = b
        .submit(
            "/sign-in",
            "/language",
            &[("lang", "tr"), ("back", "/customers?q=x")],
        )
        .await;
    assert_eq!(res.location(), "/customers?q=x");
}

#[tokio::test]
async fn a_hostile_path_asked_for_before_sign_in_is_carried_encoded() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let res = b.get("/inbox?q=%0d%0aX-Evil:%201").await;
    assert_eq!(res.status, 303);
    assert_eq!(
        res.location(),
        "/sign-in?next=%2Finbox%3Fq%3D%250d%250aX-Evil%3A%25201"
    );
    assert!(!res.headers.contains_key("x-evil"));
}
