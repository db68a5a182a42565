//! The inbox's search: matches marked in the list, by the search's own folding, escaped.

use serde_json::json;
use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

#[tokio::test]
async fn the_inbox_marks_what_the_search_matched_and_escapes_it() {
    let app = spawn_app().await;
    let customer = app.create_customer_named("Işıl <i>Kaya</i>").await;
    let draft = json!({"customer_id": customer, "channel": "phone",
        "subject": "KIRIK ÜRÜN <b>A-77</b>", "description": "Kutu ezik."});
    let id = app.create_complaint_with(&draft).await["id"]
        .as_i64()
        .unwrap();
    let b = signed_in(&app, Role::Viewer).await;

    let page = b.get("/inbox?q=kirik+a-77").await.html;
    assert!(page.contains(&format!("/complaints/{id}")), "{page}");
    assert!(
        page.contains("<mark>KIRIK</mark> ÜRÜN &#60;b&#62;<mark>A-77</mark>&#60;/b&#62;")
            || page.contains("<mark>KIRIK</mark> ÜRÜN &lt;b&gt;<mark>A-77</mark>&lt;/b&gt;"),
        "{page}"
    );
    assert!(!page.contains("<b>A-77"), "escaped");

    let page = b.get("/inbox?q=ISIL").await.html;
    assert!(page.contains("<mark>Işıl</mark>"), "{page}");
    assert!(!page.contains("<i>Kaya"), "escaped");

    let page = b.get("/inbox?q=printer").await.html;
    assert!(!page.contains(&format!("/complaints/{id}")));
    assert!(!page.contains("<mark>"));
}
