//! Forms and queries are decoded strictly: invalid UTF-8 or a NUL is a 422 naming the field
//! in the reader's language (never a silent U+FFFD, never a 500 from PostgreSQL), and nothing
//! is stored.

use tend_domain::staff::Role;

use crate::browser::{Browser, signed_in};
use crate::helpers::spawn_app;

#[tokio::test]
async fn invalid_utf8_in_a_form_is_refused_naming_the_field() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let csrf = b.get("/sign-in").await.csrf();
    let body = format!("_csrf={csrf}&email=ana%FF%FE%40x.example&password=x").into_bytes();
    let res = b.post_bytes("/sign-in", body).await;
    assert_eq!(res.status, 422, "{}", res.html);
    assert!(
        res.html.contains("“email” is not valid UTF-8"),
        "{}",
        res.html
    );
    assert!(res.set_cookie("tend_session").is_none());

    // In the reader's language.
    let mut es = Browser::new(&app);
    es.accept_language = Some("es".into());
    let csrf = es.get("/sign-in").await.csrf();
    let body = format!("_csrf={csrf}&email=a%00b&password=x").into_bytes();
    let res = es.post_bytes("/sign-in", body).await;
    assert_eq!(res.status, 422);
    assert!(
        res.html
            .contains("El campo «email» contiene un carácter NUL"),
        "{}",
        res.html
    );
}

#[tokio::test]
async fn a_staff_form_with_bad_bytes_stores_nothing() {
    let app = spawn_app().await;
    let id = app.create_customer().await;
    let b = signed_in(&app, Role::Agent).await;
    let edit = format!("/customers/{id}/edit");
    let before = app
        .store
        .customer(tend_domain::kernel::ids::CustomerId(id))
        .await
        .unwrap();
    let csrf = b.get(&edit).await.csrf();
    let body = format!("_csrf={csrf}&name=Ana%C3%28").into_bytes();
    let res = b.post_bytes(&edit, body).await;
    assert_eq!(res.status, 422, "{}", res.html);
    assert!(res.html.contains("“name”"), "{}", res.html);
    let body = format!("_csrf={csrf}&name=Ana%00").into_bytes();
    assert_eq!(b.post_bytes(&edit, body).await.status, 422);
    let after = app
        .store
        .customer(tend_domain::kernel::ids::CustomerId(id))
        .await
        .unwrap();
    assert_eq!(after.customer, before.customer, "nothing stored");
}

#[tokio::test]
async fn a_nul_in_a_search_or_a_path_is_refused_not_a_500() {
    let app = spawn_app().await;
    let b = signed_in(&app, Role::Agent).await;
    for path in ["/customers?q=%00", "/inbox?q=a%00b", "/customers?q=%FF"] {
        let res = b.get(path).await;
        assert_eq!(res.status, 422, "{path}: {}", res.html);
        assert!(res.html.contains("“q”"), "{path}");
    }
    for path in ["/invite/%00", "/status/%00", "/complaints/%00"] {
        let res = b.get(path).await;
        assert_eq!(res.status, 400, "{path}: {}", res.html);
    }
    assert_eq!(b.get("/customers?q=ana").await.status, 200);
}
