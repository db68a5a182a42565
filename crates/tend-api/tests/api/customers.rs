//! `/api/v1/customers`: create, read, merge-patch and list customers, and the refusals.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::helpers::{NOW, Reply, TestApp, at, ids, spawn_app};

fn full_customer() -> Value {
    json!({
        "name": "María García",
        "address": "Calle Mayor 1, 3º B",
        "phone": "+34 600 123 456",
        "email": "maria@example.com",
        "city": "Madrid",
        "region": "Comunidad de Madrid",
        "country": "ES",
        "education_level": "bachelor",
        "gender": "female",
        "birth_year": 1985,
        "preferred_language": "es",
        "preferred_channel": "email",
        "consent_to_contact": true,
        "notes": "Prefers mornings.",
        "external_ref": "CRM-77",
    })
}

/// `POST /api/v1/customers` as the agent.
async fn post(app: &TestApp, body: &Value) -> Reply {
    app.post_json("/api/v1/customers", &app.agent.token, body)
        .await
}

async fn create(app: &TestApp, body: &Value) -> Value {
    post(app, body).await.expect(201)
}

/// `GET {path}` as the viewer, expecting 200.
async fn read(app: &TestApp, path: &str) -> Value {
    app.get(path, &app.viewer.token).await.expect(200)
}

/// The names `GET /api/v1/customers?{query}` lists.
async fn names(app: &TestApp, query: &str) -> BTreeSet<String> {
    let page = read(app, &format!("/api/v1/customers?{query}")).await;
    let items = page["items"].as_array().unwrap().iter();
    items
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn create_with_every_field_then_read_it_back() {
    let app = spawn_app().await;
    let sent = full_customer();
    let created = create(&app, &sent).await;
    for (field, value) in sent.as_object().unwrap() {
        assert_eq!(&created[field], value, "{field} was not stored as sent");
    }
    assert!(created["id"].as_i64().is_some());
    assert_eq!(created["created_at"], NOW);
    let path = format!("/api/v1/customers/{}", created["id"]);
    assert_eq!(read(&app, &path).await, created);
}

#[tokio::test]
async fn values_are_normalised_and_defaults_applied() {
    let app = spawn_app().await;
    let sent = json!({"name": "  Ayşe Yılmaz ", "email": "Ayse@Example.COM", "country": "tr"});
    let c = create(&app, &sent).await;
    assert_eq!(c["name"], "Ayşe Yılmaz");
    assert_eq!(c["email"], "Ayse@example.com");
    assert_eq!(c["country"], "TR");
    assert_eq!(c["consent_to_contact"], false);
    assert_eq!(c["phone"], Value::Null);
}

#[tokio::test]
async fn patch_merges_and_null_clears() {
    let app = spawn_app().await;
    let created = create(&app, &full_customer()).await;
    let path = format!("/api/v1/customers/{}", created["id"]);
    let token = &app.agent.token;
    app.clock.advance(jiff::SignedDuration::from_hours(1));

    let patch =
        json!({"city": "Sevilla", "email": null, "notes": null, "consent_to_contact": false});
    let patched = app.patch_json(&path, token, &patch).await.expect(200);
    let mut expected = created.clone();
    for (k, v) in patch.as_object().unwrap() {
        expected[k] = v.clone();
    }
    expected["updated_at"] = json!(at(1));
    assert_eq!(patched, expected, "only the patched fields change");
    assert_eq!(read(&app, &path).await, patched);

    let res = app.patch_json(&path, token, &json!({"name": null})).await;
    res.expect_error(422, "validation_failed", Some("name"));
    let res = app
        .patch_json(&path, token, &json!({"country": "Spain"}))
        .await;
    res.expect_error(422, "validation_failed", Some("country"));
    assert_eq!(
        read(&app, &path).await,
        patched,
        "refused patches change nothing"
    );

    let missing = "/api/v1/customers/999999";
    let res = app
        .patch_json(missing, token, &json!({"city": "Cádiz"}))
        .await;
    res.expect_error(404, "not_found", None);
    let res = app.get(missing, &app.viewer.token).await;
    res.expect_error(404, "not_found", None);
}

#[tokio::test]
async fn list_searches_name_and_email_parts_and_pages_with_a_cursor() {
    let app = spawn_app().await;
    let mut all = BTreeSet::new();
    for (name, email) in [
        ("María García", "maria@example.com"),
        ("Mario Rossi", "rossi@example.it"),
        ("Ana López", "ana@example.es"),
        ("Bülent Şahin", "bulent@example.com.tr"),
        ("Chen Wei", "marco.chen@example.cn"),
    ] {
        let c = create(&app, &json!({"name": name, "email": email})).await;
        all.insert(c["id"].as_i64().unwrap());
    }
    let want = ["María García", "Mario Rossi"].map(String::from).into();
    assert_eq!(names(&app, "q=Mari").await, want);
    let want = ["Chen Wei".to_owned()].into();
    assert_eq!(
        names(&app, "q=marco").await,
        want,
        "the e-mail address is searched"
    );
    let want = ["Chen Wei".to_owned()].into();
    assert_eq!(names(&app, "q=Wei").await, want, "the surname is searched");

    let mut seen = Vec::new();
    let mut query = "limit=2".to_owned();
    loop {
        let page = read(&app, &format!("/api/v1/customers?{query}")).await;
        seen.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(c) => query = format!("limit=2&cursor={c}"),
            None => break,
        }
        assert!(seen.len() <= all.len(), "paging does not end: {seen:?}");
    }
    assert_eq!(seen.len(), all.len(), "{seen:?}");
    assert_eq!(seen.iter().copied().collect::<BTreeSet<_>>(), all);
    assert!(seen.is_sorted_by(|a, b| a > b), "newest first: {seen:?}");

    for (query, field) in [
        ("limit=0", Some("limit")),
        ("limit=201", Some("limit")),
        ("cursor=abc", Some("cursor")),
        ("colour=red", None),
    ] {
        let res = app
            .get(&format!("/api/v1/customers?{query}"), &app.viewer.token)
            .await;
        res.expect_error(422, "validation_failed", field);
    }
}

#[tokio::test]
async fn name_search_ignores_case_on_every_engine() {
    let app = spawn_app().await;
    create(
        &app,
        &json!({"name": "Mario Rossi", "email": "Rossi@example.it"}),
    )
    .await;
    for q in ["mario", "MARIO", "rossi@", "ROSSI"] {
        let want = ["Mario Rossi".to_owned()].into();
        assert_eq!(names(&app, &format!("q={q}")).await, want, "q={q}");
    }
}

#[tokio::test]
async fn name_search_ignores_case_beyond_ascii() {
    let app = spawn_app().await;
    create(&app, &json!({"name": "Ángel Ruiz"})).await;
    create(
        &app,
        &json!({"name": "ŞULE IŞIK", "email": "Sule@example.com.tr"}),
    )
    .await;
    create(&app, &json!({"name": "İpek Yıldız"})).await;
    assert_eq!(
        names(&app, "q=ángel").await,
        ["Ángel Ruiz".to_owned()].into()
    );
    assert_eq!(
        names(&app, "q=%C5%9Fule").await,
        ["ŞULE IŞIK".to_owned()].into(),
        "q=şule"
    );
    assert_eq!(
        names(&app, "q=ipek").await,
        ["İpek Yıldız".to_owned()].into(),
        "Turkish İ folds to i"
    );
}

#[tokio::test]
async fn every_bad_field_is_named() {
    let app = spawn_app().await;
    let bad = json!({"name": "X", "email": "nope", "country": "Spain", "birth_year": 1850,
        "phone": "call me", "preferred_channel": "Pigeon/Post"});
    let res = post(&app, &bad).await;
    for field in [
        "email",
        "country",
        "birth_year",
        "phone",
        "preferred_channel",
    ] {
        res.expect_error(422, "validation_failed", Some(field));
    }
    for (body, field) in [
        (json!({"name": "X", "birth_year": 2027}), "birth_year"),
        (json!({"email": "a@b.co"}), "name"),
        (json!({"name": "X", "gender": "robot"}), "gender"),
        (
            json!({"name": "X", "preferred_channel": "fax"}),
            "preferred_channel",
        ),
    ] {
        post(&app, &body)
            .await
            .expect_error(422, "validation_failed", Some(field));
    }
    let page = read(&app, "/api/v1/customers").await;
    assert_eq!(page["items"], json!([]), "nothing refused was stored");
}

#[tokio::test]
async fn a_duplicate_external_ref_is_a_conflict() {
    let app = spawn_app().await;
    create(&app, &json!({"name": "A", "external_ref": "CRM-1"})).await;
    let res = post(&app, &json!({"name": "B", "external_ref": "CRM-1"})).await;
    res.expect_error(409, "conflict", Some("external_ref"));
}

#[tokio::test]
async fn an_unknown_field_is_refused_naming_it() {
    let app = spawn_app().await;
    let res = post(&app, &json!({"name": "X", "shoe_size": 42})).await;
    res.expect_error(422, "validation_failed", Some("shoe_size"));
    let page = read(&app, "/api/v1/customers").await;
    assert_eq!(page["items"], json!([]), "nothing refused was stored");

    let created = create(&app, &json!({"name": "X"})).await;
    let path = format!("/api/v1/customers/{}", created["id"]);
    let res = app
        .patch_json(&path, &app.agent.token, &json!({"shoe_size": 42}))
        .await;
    res.expect_error(422, "validation_failed", Some("shoe_size"));
    assert_eq!(
        read(&app, &path).await,
        created,
        "a refused patch changes nothing"
    );
}

#[tokio::test]
async fn a_patch_to_a_channel_that_does_not_exist_is_422() {
    let app = spawn_app().await;
    let created = create(&app, &json!({"name": "X", "preferred_channel": "phone"})).await;
    let path = format!("/api/v1/customers/{}", created["id"]);
    let fax = json!({"preferred_channel": "fax"});
    let res = app.patch_json(&path, &app.agent.token, &fax).await;
    res.expect_error(422, "validation_failed", Some("preferred_channel"));
    assert_eq!(
        read(&app, &path).await,
        created,
        "a refused patch changes nothing"
    );
}
