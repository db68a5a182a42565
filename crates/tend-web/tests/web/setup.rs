//! The first run in the browser: a one-time setup link makes the first administrator (with a
//! password strength check, the company's name and time zone) and signs them in; without the
//! token it is refused, and once used it is gone on every server sharing the database.

use std::sync::Arc;

use tend_app::AppState;
use tend_domain::kernel::clock::{Clock, ManualClock};
use tend_store::testing::fresh_database_url;
use tend_store::{Store, StoreOptions};
use tend_web::WebConfig;

use crate::browser::Browser;
use crate::helpers::{now, serve};

/// A server over `url`, as `tend serve` runs it.
async fn server(url: &str) -> (Store, String) {
    let store = Store::open(&StoreOptions::new(url)).await.expect("store");
    let clock = Arc::new(ManualClock::new(now())) as Arc<dyn Clock>;
    let address = serve(AppState::new(store.clone(), clock), WebConfig::default()).await;
    (store, address)
}

#[tokio::test]
async fn the_first_admin_is_made_in_the_browser_once() {
    let url = fresh_database_url().await;
    let (store, one) = server(&url).await;
    let (_, two) = server(&url).await;
    let token = store
        .create_setup_token(now())
        .await
        .unwrap()
        .expect("nobody yet");
    let b = Browser::at(&one);
    let sign_in = b.get("/sign-in").await;
    assert!(
        sign_in
            .html
            .contains("setup link that Tend printed in the server")
    );
    assert!(!sign_in.html.contains("<pre>"));

    assert_eq!(b.get("/setup").await.status, 403);
    assert_eq!(b.get("/setup?token=wrong").await.status, 403);
    let link = format!("/setup?token={token}");
    assert_eq!(b.get(&link).await.status, 200);
    let mut fields = vec![
        ("token", token.as_str()),
        ("name", "Ada Admin"),
        ("email", "ada@example.com"),
        ("language", "tr"),
        ("company", "Cafetera Feliz"),
        ("time_zone", "Mars/Olympus"),
        ("password", "password123"),
        ("repeat", "password123"),
    ];
    let refused = b.submit(&link, "/setup", &fields).await;
    assert_eq!(refused.status, 422, "{}", refused.html);
    assert!(refused.html.contains("is too easy to guess"));
    assert!(
        refused.html.contains(
            "must be an IANA time zone name such as Europe/Madrid (unknown: Mars/Olympus)"
        )
    );
    assert!(!store.any_employee().await.unwrap(), "nothing half-written");
    // A wrong token in the form is refused too.
    let mut forged = fields.clone();
    forged[0].1 = "forged";
    assert_eq!(b.submit(&link, "/setup", &forged).await.status, 403);

    fields[5].1 = "Europe/Istanbul";
    fields[6].1 = "lantern orbit pebble jukebox";
    fields[7].1 = "lantern orbit pebble jukebox";
    let done = b.submit(&link, "/setup", &fields).await;
    assert_eq!(done.status, 303, "{}", done.html);
    assert_eq!(done.location(), "/inbox");
    let inbox = b.get("/inbox").await;
    assert_eq!(inbox.status, 200);
    let admin = store.employees().await.unwrap();
    assert_eq!(admin.len(), 1);
    assert_eq!(
        (admin[0].role.as_str(), admin[0].language.as_str()),
        ("admin", "tr")
    );
    assert_eq!(
        store.company_setting("time_zone").await.unwrap().as_deref(),
        Some("Europe/Istanbul")
    );
    assert_eq!(
        store
            .company_setting("company_name")
            .await
            .unwrap()
            .as_deref(),
        Some("Cafetera Feliz")
    );
    // Gone, on this server and on the other one sharing the database.
    assert_eq!(b.get(&link).await.status, 404);
    let other = Browser::at(&two);
    assert_eq!(other.get(&link).await.status, 404);
    assert!(store.create_setup_token(now()).await.unwrap().is_none());
}
