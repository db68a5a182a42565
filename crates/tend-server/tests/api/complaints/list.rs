//! `GET /api/v1/complaints`: filters, full-text search, cursor paging and refused parameters.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::helpers::{TestApp, at, ids, spawn_app};

fn set(ids: impl IntoIterator<Item = i64>) -> BTreeSet<i64> {
    ids.into_iter().collect()
}

async fn listed(app: &TestApp, query: &str) -> BTreeSet<i64> {
    set(app.list_ids(query).await)
}

async fn log(app: &TestApp, fields: Value) -> i64 {
    let mut draft = json!({"channel": "phone", "description": "Something went wrong."});
    draft
        .as_object_mut()
        .unwrap()
        .extend(fields.as_object().unwrap().clone());
    app.create_complaint_with(&draft).await["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn filters_by_status_kind_channel_customer_and_assignee() {
    let app = spawn_app().await;
    let (ana, ben) = (
        app.create_customer_named("Ana").await,
        app.create_customer_named("Ben").await,
    );
    let c1 = log(
        &app,
        json!({"customer_id": ana, "assignee_id": app.agent.id}),
    )
    .await;
    let c2 = log(
        &app,
        json!({"customer_id": ana, "kind": "feedback", "channel": "email"}),
    )
    .await;
    let c3 = log(
        &app,
        json!({"customer_id": ben, "channel": "web", "assignee_id": app.manager.id}),
    )
    .await;
    app.act(c3, &json!({"action": "understand", "facts": "Late."}))
        .await
        .expect(200);

    assert_eq!(listed(&app, "").await, set([c1, c2, c3]));
    assert_eq!(listed(&app, "status=understood").await, set([c3]));
    assert_eq!(listed(&app, "status=received").await, set([c1, c2]));
    assert_eq!(listed(&app, "status=closed").await, set([]));
    assert_eq!(listed(&app, "kind=feedback").await, set([c2]));
    assert_eq!(listed(&app, "kind=complaint").await, set([c1, c3]));
    assert_eq!(listed(&app, "channel=email").await, set([c2]));
    assert_eq!(listed(&app, "channel=web").await, set([c3]));
    assert_eq!(
        listed(&app, &format!("customer_id={ana}")).await,
        set([c1, c2])
    );
    assert_eq!(
        listed(&app, &format!("assignee={}", app.agent.id)).await,
        set([c1])
    );
    assert_eq!(
        listed(&app, &format!("customer_id={ana}&kind=complaint")).await,
        set([c1])
    );
    assert_eq!(
        listed(&app, &format!("customer_id={ben}&status=received")).await,
        set([])
    );
}

#[tokio::test]
async fn filters_by_escalation_and_received_window_newest_first() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c1 = log(
        &app,
        json!({"customer_id": customer, "received_at": at(-72)}),
    )
    .await;
    let c2 = log(
        &app,
        json!({"customer_id": customer, "received_at": at(-48)}),
    )
    .await;
    let c3 = log(
        &app,
        json!({"customer_id": customer, "received_at": at(-24)}),
    )
    .await;
    app.act(
        c2,
        &json!({"action": "escalate", "reason": "VIP", "to": app.manager.id}),
    )
    .await
    .expect(200);

    assert_eq!(
        app.list_ids("").await,
        [c3, c2, c1],
        "newest received first"
    );
    assert_eq!(listed(&app, "escalated=true").await, set([c2]));
    assert_eq!(listed(&app, "escalated=false").await, set([c1, c3]));
    let window = format!("received_from={}&received_to={}", at(-48), at(-24));
    assert_eq!(
        listed(&app, &window).await,
        set([c2]),
        "from is inclusive, to exclusive"
    );
    assert_eq!(
        listed(&app, &format!("received_from={}", at(-48))).await,
        set([c2, c3])
    );
    assert_eq!(
        listed(&app, &format!("received_to={}", at(-48))).await,
        set([c1])
    );

    let res = app
        .get(
            "/api/v1/complaints?received_from=yesterday",
            &app.viewer.token,
        )
        .await;
    res.expect_error(422, "validation_failed", Some("received_from"));
}

async fn category(app: &TestApp, name: &str, parent: Option<i64>) -> i64 {
    let body = json!({"name": name, "parent_id": parent});
    app.post_json("/api/v1/categories", &app.manager.token, &body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn a_category_filter_includes_the_categories_below_it() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let delivery = category(&app, "Delivery", None).await;
    let damaged = category(&app, "Damaged", Some(delivery)).await;
    let glass = category(&app, "Glass", Some(damaged)).await;
    let billing = category(&app, "Billing", None).await;
    let c1 = log(
        &app,
        json!({"customer_id": customer, "category_id": delivery}),
    )
    .await;
    let c2 = log(
        &app,
        json!({"customer_id": customer, "category_id": damaged}),
    )
    .await;
    let c3 = log(&app, json!({"customer_id": customer, "category_id": glass})).await;
    let c4 = log(
        &app,
        json!({"customer_id": customer, "category_id": billing}),
    )
    .await;
    log(&app, json!({"customer_id": customer})).await;

    assert_eq!(
        listed(&app, &format!("category={delivery}")).await,
        set([c1, c2, c3])
    );
    assert_eq!(
        listed(&app, &format!("category={damaged}")).await,
        set([c2, c3])
    );
    assert_eq!(listed(&app, &format!("category={glass}")).await, set([c3]));
    assert_eq!(
        listed(&app, &format!("category={billing}")).await,
        set([c4])
    );
    assert_eq!(listed(&app, "category=999999").await, set([]));
}

#[tokio::test]
async fn full_text_search_matches_every_word_as_a_prefix() {
    let app = spawn_app().await;
    let zeynep = app.create_customer_named("Zeynep Kaya").await;
    let other = app.create_customer_named("Luis Ortega").await;
    let jar = log(
        &app,
        json!({"customer_id": zeynep, "description": "The glass jar arrived cracked."}),
    )
    .await;
    let bill = log(&app, json!({"customer_id": other, "subject": "Invoice", "description": "Charged twice for one order."})).await;
    let late = log(
        &app,
        json!({"customer_id": other, "description": "Parcel is late."}),
    )
    .await;

    assert_eq!(listed(&app, "q=crack").await, set([jar]));
    assert_eq!(
        listed(&app, "q=GLASS%20jar").await,
        set([jar]),
        "case does not matter"
    );
    assert_eq!(
        listed(&app, "q=invo").await,
        set([bill]),
        "the subject is searched"
    );
    assert_eq!(
        listed(&app, "q=jar%20twice").await,
        set([]),
        "every word must match"
    );
    assert_eq!(
        listed(&app, "q=zeyn").await,
        set([jar]),
        "the customer's name is searched"
    );
    assert_eq!(listed(&app, "q=zebra").await, set([]));

    // Facts, agreed solutions and steps become searchable as they are written.
    app.act(
        late,
        &json!({"action": "understand", "facts": "Courier lost the label."}),
    )
    .await
    .expect(200);
    assert_eq!(listed(&app, "q=courier").await, set([late]));
    let steps = format!("/api/v1/complaints/{bill}/steps");
    app.post_json(
        &steps,
        &app.agent.token,
        &json!({"text": "Called the warehouse"}),
    )
    .await
    .expect(201);
    assert_eq!(listed(&app, "q=wareh").await, set([bill]));
    assert_eq!(
        listed(&app, &format!("q=order&customer_id={other}")).await,
        set([bill])
    );

    let res = app.get("/api/v1/complaints?q=***", &app.viewer.token).await;
    res.expect_error(422, "validation_failed", Some("q"));
}

#[tokio::test]
async fn cursor_paging_visits_every_complaint_exactly_once() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let mut all = Vec::new();
    // Five received at the same instant (ties broken by id) and three at other times.
    for _ in 0..5 {
        all.push(log(&app, json!({"customer_id": customer})).await);
    }
    for h in [-1, -30, -2] {
        all.push(log(&app, json!({"customer_id": customer, "received_at": at(h)})).await);
    }

    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let query = match &cursor {
            None => "limit=3".to_owned(),
            Some(c) => format!("limit=3&cursor={c}"),
        };
        let page = app
            .get(&format!("/api/v1/complaints?{query}"), &app.viewer.token)
            .await
            .expect(200);
        sizes.push(ids(&page).len());
        seen.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
        assert!(sizes.len() < 10, "paging does not end: {seen:?}");
    }
    assert_eq!(sizes, [3, 3, 2]);
    assert_eq!(
        seen.len(),
        all.len(),
        "some complaint listed twice or missed: {seen:?}"
    );
    assert_eq!(set(seen.clone()), set(all.clone()));
    let one_page = app.list_ids("limit=200").await;
    assert_eq!(seen, one_page, "pages keep the order of one long page");

    // A page that ends exactly at the last complaint says there is no next one.
    let page = app
        .get("/api/v1/complaints?limit=8", &app.viewer.token)
        .await
        .expect(200);
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
    app.get("/api/v1/complaints?limit=1", token)
        .await
        .expect(200);
    app.get("/api/v1/complaints?limit=200", token)
        .await
        .expect(200);
}
