//! `GET /api/v1/complaints`: filters, full-text search, cursor paging and refused parameters.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::helpers::{TestApp, at, ids, spawn_app};

/// Asserts that `GET /api/v1/complaints?{query}` lists exactly `want`, in any order.
async fn check(app: &TestApp, query: &str, want: &[i64]) {
    let got: BTreeSet<i64> = app.list_ids(query).await.into_iter().collect();
    let want: BTreeSet<i64> = want.iter().copied().collect();
    assert_eq!(got, want, "?{query}");
}

/// Logs a complaint by phone with `fields` added; returns its id.
async fn log(app: &TestApp, customer: i64, fields: Value) -> i64 {
    let mut draft = json!({"customer_id": customer, "channel": "phone", "description": "Oops."});
    let fields = fields.as_object().unwrap().clone();
    draft.as_object_mut().unwrap().extend(fields);
    app.create_complaint_with(&draft).await["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn filters_by_status_kind_channel_customer_and_assignee() {
    let app = spawn_app().await;
    let ana = app.create_customer_named("Ana").await;
    let ben = app.create_customer_named("Ben").await;
    let c1 = log(&app, ana, json!({"assignee_id": app.agent.id})).await;
    let c2 = log(&app, ana, json!({"kind": "feedback", "channel": "email"})).await;
    let c3 = log(
        &app,
        ben,
        json!({"channel": "web", "assignee_id": app.manager.id}),
    )
    .await;
    let understand = json!({"action": "understand", "facts": "Late."});
    app.act(c3, &understand).await.expect(200);

    check(&app, "", &[c1, c2, c3]).await;
    check(&app, "status=understood", &[c3]).await;
    check(&app, "status=received", &[c1, c2]).await;
    check(&app, "status=closed", &[]).await;
    check(&app, "kind=feedback", &[c2]).await;
    check(&app, "kind=complaint", &[c1, c3]).await;
    check(&app, "channel=email", &[c2]).await;
    check(&app, "channel=web", &[c3]).await;
    check(&app, &format!("customer_id={ana}"), &[c1, c2]).await;
    check(&app, &format!("assignee={}", app.agent.id), &[c1]).await;
    check(&app, &format!("customer_id={ana}&kind=complaint"), &[c1]).await;
    check(&app, &format!("customer_id={ben}&status=received"), &[]).await;
}

#[tokio::test]
async fn filters_by_escalation_and_received_window_newest_first() {
    let app = spawn_app().await;
    let cu = app.create_customer().await;
    let c1 = log(&app, cu, json!({"received_at": at(-72)})).await;
    let c2 = log(&app, cu, json!({"received_at": at(-48)})).await;
    let c3 = log(&app, cu, json!({"received_at": at(-24)})).await;
    let escalate = json!({"action": "escalate", "reason": "VIP", "to": app.manager.id});
    app.act(c2, &escalate).await.expect(200);

    assert_eq!(
        app.list_ids("").await,
        [c3, c2, c1],
        "newest received first"
    );
    check(&app, "escalated=true", &[c2]).await;
    check(&app, "escalated=false", &[c1, c3]).await;
    // From is inclusive, to is exclusive.
    let window = format!("received_from={}&received_to={}", at(-48), at(-24));
    check(&app, &window, &[c2]).await;
    check(&app, &format!("received_from={}", at(-48)), &[c2, c3]).await;
    check(&app, &format!("received_to={}", at(-48)), &[c1]).await;

    let bad = "/api/v1/complaints?received_from=yesterday";
    let res = app.get(bad, &app.viewer.token).await;
    res.expect_error(422, "validation_failed", Some("received_from"));
}

async fn category(app: &TestApp, name: &str, parent: Option<i64>) -> i64 {
    let body = json!({"name": name, "parent_id": parent});
    let res = app
        .post_json("/api/v1/categories", &app.manager.token, &body)
        .await;
    res.expect(201)["id"].as_i64().unwrap()
}

#[tokio::test]
async fn a_category_filter_includes_the_categories_below_it() {
    let app = spawn_app().await;
    let cu = app.create_customer().await;
    let delivery = category(&app, "Delivery", None).await;
    let damaged = category(&app, "Damaged", Some(delivery)).await;
    let glass = category(&app, "Glass", Some(damaged)).await;
    let billing = category(&app, "Billing", None).await;
    let c1 = log(&app, cu, json!({"category_id": delivery})).await;
    let c2 = log(&app, cu, json!({"category_id": damaged})).await;
    let c3 = log(&app, cu, json!({"category_id": glass})).await;
    let c4 = log(&app, cu, json!({"category_id": billing})).await;
    log(&app, cu, json!({})).await;

    check(&app, &format!("category={delivery}"), &[c1, c2, c3]).await;
    check(&app, &format!("category={damaged}"), &[c2, c3]).await;
    check(&app, &format!("category={glass}"), &[c3]).await;
    check(&app, &format!("category={billing}"), &[c4]).await;
    check(&app, "category=999999", &[]).await;
}

#[tokio::test]
async fn full_text_search_matches_every_word_as_a_prefix() {
    let app = spawn_app().await;
    let zeynep = app.create_customer_named("Zeynep Kaya").await;
    let luis = app.create_customer_named("Luis Ortega").await;
    let jar = log(
        &app,
        zeynep,
        json!({"description": "The glass jar arrived cracked."}),
    )
    .await;
    let bill = json!({"subject": "Invoice", "description": "Charged twice for one order."});
    let bill = log(&app, luis, bill).await;
    let late = log(&app, luis, json!({"description": "Parcel is late."})).await;

    check(&app, "q=crack", &[jar]).await;
    check(&app, "q=GLASS%20jar", &[jar]).await; // case does not matter
    check(&app, "q=invo", &[bill]).await; // the subject is searched
    check(&app, "q=jar%20twice", &[]).await; // every word must match
    check(&app, "q=zeyn", &[jar]).await; // the customer's name is searched
    check(&app, "q=zebra", &[]).await;

    // Facts and steps become searchable as they are written.
    let understand = json!({"action": "understand", "facts": "Courier lost the label."});
    app.act(late, &understand).await.expect(200);
    check(&app, "q=courier", &[late]).await;
    let steps = format!("/api/v1/complaints/{bill}/steps");
    let step = json!({"text": "Called the warehouse"});
    app.post_json(&steps, &app.agent.token, &step)
        .await
        .expect(201);
    check(&app, "q=wareh", &[bill]).await;
    check(&app, &format!("q=order&customer_id={luis}"), &[bill]).await;

    // Renaming the customer re-indexes their complaints.
    let rename = json!({"name": "Luisa Ortega"});
    let path = format!("/api/v1/customers/{luis}");
    app.patch_json(&path, &app.agent.token, &rename)
        .await
        .expect(200);
    check(&app, "q=luisa", &[bill, late]).await;

    let res = app.get("/api/v1/complaints?q=***", &app.viewer.token).await;
    res.expect_error(422, "validation_failed", Some("q"));
}

#[tokio::test]
async fn cursor_paging_visits_every_complaint_exactly_once() {
    let app = spawn_app().await;
    let cu = app.create_customer().await;
    let mut all = BTreeSet::new();
    // Five received at the same instant (ties broken by id) and three at other times.
    for _ in 0..5 {
        all.insert(log(&app, cu, json!({})).await);
    }
    for h in [-1, -30, -2] {
        all.insert(log(&app, cu, json!({"received_at": at(h)})).await);
    }

    let (mut seen, mut sizes) = (Vec::new(), Vec::new());
    let mut query = "limit=3".to_owned();
    loop {
        let path = format!("/api/v1/complaints?{query}");
        let page = app.get(&path, &app.viewer.token).await.expect(200);
        sizes.push(ids(&page).len());
        seen.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(c) => query = format!("limit=3&cursor={c}"),
            None => break,
        }
        assert!(sizes.len() < 10, "paging does not end: {seen:?}");
    }
    assert_eq!(sizes, [3, 3, 2]);
    assert_eq!(seen.len(), all.len(), "listed twice or missed: {seen:?}");
    assert_eq!(seen.iter().copied().collect::<BTreeSet<_>>(), all);
    let one_page = app.list_ids("limit=200").await;
    assert_eq!(seen, one_page, "pages keep the order of one long page");

    // A page that ends exactly at the last complaint says there is no next one.
    let page = app
        .get("/api/v1/complaints?limit=8", &app.viewer.token)
        .await;
    let page = page.expect(200);
    assert_eq!((ids(&page).len(), &page["next_cursor"]), (8, &Value::Null));
}

#[tokio::test]
async fn bad_list_parameters_are_refused_naming_the_parameter() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    app.create_complaint(customer).await;
    let token = &app.viewer.token;
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("cursor=not-a-cursor", "cursor"),
        ("cursor=bm9wZQ", "cursor"),
        ("colour=red", "colour"),
        ("status=pending", "status"),
        ("kind=rant", "kind"),
        ("channel=pigeon%2Fpost", "channel"),
    ] {
        let res = app.get(&format!("/api/v1/complaints?{query}"), token).await;
        assert_eq!(res.status.as_u16(), 422, "{query}: {}", res.text);
        res.expect_error(422, "validation_failed", Some(field));
    }
    for ok in ["limit=1", "limit=200"] {
        let res = app.get(&format!("/api/v1/complaints?{ok}"), token).await;
        res.expect(200);
    }
}
