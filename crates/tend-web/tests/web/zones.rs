//! Times in their reader's zone: the status page in the customer's zone (from their country).

use serde_json::json;

use crate::browser::Browser;
use crate::helpers::spawn_app;
use crate::public::complain;

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
