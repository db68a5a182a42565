//! `/api/v1/complaints/{id}/articles` (staff read, agents link and unlink, as on the
//! complaint's page) and `/api/v1/help/deflection` (agents and up, as on the article list):
//! the figures overall and per article with their n and definition, against hand counts.

use serde_json::{Value, json};
use tend_store::PublicHit;

use crate::helpers::{Reply, TestApp, spawn_app};

async fn public_article(app: &TestApp, title: &str) -> i64 {
    let m = &app.manager.token;
    let id = app
        .post_json("/api/v1/articles", m, &json!({"visibility": "public"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let t = json!({"lang": "en", "title": title, "body": "Text.", "status": "published"});
    app.post_json(&format!("/api/v1/articles/{id}/translations"), m, &t)
        .await
        .expect(200);
    id
}

async fn delete(app: &TestApp, path: &str, token: &str) -> Reply {
    Reply::send(app.client.delete(app.url(path)).bearer_auth(token)).await
}

#[tokio::test]
async fn help_articles_are_linked_to_complaints_by_agents() {
    let app = spawn_app().await;
    let a = public_article(&app, "How to get a refund").await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let path = format!("/api/v1/complaints/{c}/articles");
    let list = app.get(&path, &app.viewer.token).await.expect(200);
    assert_eq!(list, json!([]));
    // Staff who may not work complaints may not link.
    app.post_json(&path, &app.viewer.token, &json!({"article_id": a}))
        .await
        .expect_error(403, "forbidden", None);
    // An article that does not exist is refused, naming the field.
    app.post_json(&path, &app.agent.token, &json!({"article_id": 4040}))
        .await
        .expect_error(422, "validation_failed", Some("article_id"));
    let linked = app
        .post_json(&path, &app.agent.token, &json!({"article_id": a}))
        .await
        .expect(201);
    assert_eq!(linked[0]["article_id"], json!(a));
    assert_eq!(linked[0]["title"], json!("How to get a refund"));
    assert_eq!(linked[0]["linked_by"], json!(app.agent.name));
    // Linking again changes nothing.
    let again = app
        .post_json(&path, &app.agent.token, &json!({"article_id": a}))
        .await
        .expect(200);
    assert_eq!(again.as_array().unwrap().len(), 1);
    app.post_json(
        "/api/v1/complaints/999999/articles",
        &app.agent.token,
        &json!({"article_id": a}),
    )
    .await
    .expect_error(404, "not_found", None);
    let one = format!("{path}/{a}");
    assert_eq!(delete(&app, &one, &app.viewer.token).await.status, 403);
    assert_eq!(delete(&app, &one, &app.agent.token).await.status, 204);
    assert_eq!(delete(&app, &one, &app.agent.token).await.status, 404);
    assert_eq!(
        app.get(&path, &app.viewer.token).await.expect(200),
        json!([])
    );
}

fn hit(id: i64) -> PublicHit {
    PublicHit {
        article_id: id,
        category_id: None,
        lang: "en".into(),
        title: String::new(),
    }
}

fn figures(v: &Value) -> (i64, i64, i64, i64, Value) {
    let n = |k: &str| v[k].as_i64().unwrap();
    (
        n("shown"),
        n("deflected"),
        n("sent"),
        n("n"),
        v["rate"].clone(),
    )
}

#[tokio::test]
async fn help_deflection_figures_overall_and_per_article() {
    let app = spawn_app().await;
    let path = "/api/v1/help/deflection";
    app.get(path, &app.viewer.token)
        .await
        .expect_error(403, "forbidden", None);
    let empty = app.get(path, &app.agent.token).await.expect(200);
    assert_eq!(figures(&empty["overall"]), (0, 0, 0, 0, Value::Null));
    assert!(
        empty["definition"]
            .as_str()
            .unwrap()
            .contains("n = deflected + sent")
    );
    let a = public_article(&app, "How to get a refund").await;
    let b = public_article(&app, "Parcel damaged").await;
    let at: jiff::Timestamp = "2026-03-06T15:30:00Z".parse().unwrap();
    let s = &app.store;
    // v1: shown A and B, A solved it. v2: shown B, said B solved it. v3: shown A, left.
    s.record_shown("v1", "en", &[hit(a), hit(b)], at)
        .await
        .unwrap();
    assert!(s.record_solved("v1", "en", &hit(a), at).await.unwrap());
    s.record_shown("v2", "en", &[hit(b)], at).await.unwrap();
    assert!(s.record_solved("v2", "en", &hit(b), at).await.unwrap());
    s.record_shown("v3", "en", &[hit(a)], at).await.unwrap();
    // By hand: 3 visits shown, 2 deflected, none sent: rate 2 / 2 = 1, n = 2.
    let r = app.get(path, &app.manager.token).await.expect(200);
    assert_eq!(figures(&r["overall"]), (3, 2, 0, 2, json!(1.0)));
    let articles = r["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["article_id"], json!(a));
    assert_eq!(articles[0]["title"], json!("How to get a refund"));
    // A: shown to v1 and v3, deflected by v1. B: shown to v1 and v2, deflected by v2.
    assert_eq!(figures(&articles[0]), (2, 1, 0, 1, json!(1.0)));
    assert_eq!(figures(&articles[1]), (2, 1, 0, 1, json!(1.0)));
    // A window after every event counts nothing; `to` must be after `from`.
    let later = app
        .get(
            &format!("{path}?from=2026-03-07T00:00:00Z"),
            &app.agent.token,
        )
        .await
        .expect(200);
    assert_eq!(figures(&later["overall"]), (0, 0, 0, 0, Value::Null));
    assert_eq!(later["articles"], json!([]));
    let q = format!("{path}?from=2026-03-07T00:00:00Z&to=2026-03-07T00:00:00Z");
    app.get(&q, &app.agent.token)
        .await
        .expect_error(422, "validation_failed", Some("to"));
    app.get(&format!("{path}?from=yesterday"), &app.agent.token)
        .await
        .expect_error(422, "validation_failed", Some("from"));
}
