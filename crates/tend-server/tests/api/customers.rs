//! `/api/v1/customers`: create, read, merge-patch and list customers, and the refusals.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

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

async fn create(app: &TestApp, body: &Value) -> Value {
    app.post_json("/api/v1/customers", &app.agent.token, body)
        .await
        .expect(201)
}

#[tokio::test]
async fn create_with_every_field_then_read_it_back() {
    let app = spawn_app().await;
    let sent = full_customer();
    let created = create(&app, &sent).await;
    for (field, value) in sent.as_object().unwrap() {
        assert_eq!(
            &created[field], value,
            "field {field} was not stored as sent"
        );
    }
    assert!(created["id"].as_i64().is_some());
    assert_eq!(created["created_at"], crate::helpers::NOW);
    let path = format!("/api/v1/customers/{}", created["id"]);
    assert_eq!(app.get(&path, &app.viewer.token).await.expect(200), created);
}

#[tokio::test]
async fn values_are_normalised_and_defaults_applied() {
    let app = spawn_app().await;
    let c = create(
        &app,
        &json!({"name": "  Ayşe Yılmaz ", "email": "Ayse@Example.COM", "country": "tr"}),
    )
    .await;
    assert_eq!(
        (&c["name"], &c["email"], &c["country"]),
        (
            &json!("Ayşe Yılmaz"),
            &json!("Ayse@example.com"),
            &json!("TR")
        )
    );
    assert_eq!(c["consent_to_contact"], false);
    assert_eq!(c["phone"], Value::Null);
}

#[tokio::test]
async fn patch_merges_and_null_clears() {
    let app = spawn_app().await;
    let created = create(&app, &full_customer()).await;
    let path = format!("/api/v1/customers/{}", created["id"]);
    app.clock.advance(jiff::SignedDuration::from_hours(1));

    let patch =
        json!({"city": "Sevilla", "email": null, "notes": null, "consent_to_contact": false});
    let patched = app
        .patch_json(&path, &app.agent.token, &patch)
        .await
        .expect(200);
    let mut expected = created.clone();
    for (k, v) in patch.as_object().unwrap() {
        expected[k] = v.clone();
    }
    expected["updated_at"] = json!(crate::helpers::at(1));
    assert_eq!(patched, expected, "only the patched fields change");
    assert_eq!(app.get(&path, &app.viewer.token).await.expect(200), patched);

    let res = app
        .patch_json(&path, &app.agent.token, &json!({"name": null}))
        .await;
    res.expect_error(422, "validation_failed", Some("name"));
    let res = app
        .patch_json(&path, &app.agent.token, &json!({"country": "Spain"}))
        .await;
    res.expect_error(422, "validation_failed", Some("country"));
    assert_eq!(
        app.get(&path, &app.viewer.token).await.expect(200),
        patched,
        "refused patches change nothing"
    );

    let res = app
        .patch_json(
            "/api/v1/customers/999999",
            &app.agent.token,
            &json!({"city": "Cádiz"}),
        )
        .await;
    res.expect_error(404, "not_found", None);
    app.get("/api/v1/customers/999999", &app.viewer.token)
        .await
        .expect_error(404, "not_found", None);
}

#[tokio::test]
async fn list_searches_name_and_email_prefixes_and_pages_with_a_cursor() {
    let app = spawn_app().await;
    let mut all = BTreeSet::new();
    for (name, email) in [
        ("María García", "maria@example.com"),
        ("Mario Rossi", "rossi@example.it"),
        ("Ana López", "ana@example.es"),
        ("Bülent Şahin", "bulent@example.com.tr"),
        ("Chen Wei", "marco.chen@example.cn"),
    ] {
        all.insert(
            create(&app, &json!({"name": name, "email": email})).await["id"]
                .as_i64()
                .unwrap(),
        );
    }
    let names = |page: &Value| -> BTreeSet<String> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let page = app
        .get("/api/v1/customers?q=Mari", &app.viewer.token)
        .await
        .expect(200);
    let want: BTreeSet<String> = ["María García", "Mario Rossi"].map(String::from).into();
    assert_eq!(names(&page), want);
    let page = app
        .get("/api/v1/customers?q=marco", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(
        names(&page),
        ["Chen Wei".to_owned()].into(),
        "the e-mail address is searched"
    );
    let page = app
        .get("/api/v1/customers?q=Wei", &app.viewer.token)
        .await
        .expect(200);
    assert!(names(&page).is_empty(), "only prefixes match: {page}");

    let mut seen = Vec::new();
    let mut query = "limit=2".to_owned();
    loop {
        let page = app
            .get(&format!("/api/v1/customers?{query}"), &app.viewer.token)
            .await
            .expect(200);
        seen.extend(crate::helpers::ids(&page));
        match page["next_cursor"].as_str() {
            Some(c) => query = format!("limit=2&cursor={c}"),
            None => break,
        }
        assert!(seen.len() <= all.len(), "paging does not end: {seen:?}");
    }
    assert_eq!(seen.len(), all.len(), "{seen:?}");
    assert_eq!(seen.iter().copied().collect::<BTreeSet<_>>(), all);
    let mut newest_first = seen.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, newest_first);

    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("cursor=abc", "cursor"),
    ] {
        let res = app
            .get(&format!("/api/v1/customers?{query}"), &app.viewer.token)
            .await;
        res.expect_error(422, "validation_failed", Some(field));
    }
    let res = app
        .get("/api/v1/customers?colour=red", &app.viewer.token)
        .await;
    res.expect_error(422, "validation_failed", None);
}

#[tokio::test]
async fn name_search_ignores_case_on_every_engine() {
    let app = spawn_app().await;
    let id = create(
        &app,
        &json!({"name": "Mario Rossi", "email": "Rossi@example.it"}),
    )
    .await["id"]
        .clone();
    for q in ["mario", "MARIO", "rossi@", "ROSSI"] {
        let page = app
            .get(&format!("/api/v1/customers?q={q}"), &app.viewer.token)
            .await
            .expect(200);
        assert_eq!(
            page["items"].as_array().unwrap().len(),
            1,
            "q={q} found {page}"
        );
        assert_eq!(page["items"][0]["id"], id);
    }
}

#[tokio::test]
async fn every_bad_field_is_named() {
    let app = spawn_app().await;
    let bad = json!({"name": "X", "email": "nope", "country": "Spain", "birth_year": 1850, "phone": "call me",
        "preferred_channel": "Pigeon/Post"});
    let res = app
        .post_json("/api/v1/customers", &app.agent.token, &bad)
        .await;
    for field in [
        "email",
        "country",
        "birth_year",
        "phone",
        "preferred_channel",
    ] {
        res.expect_error(422, "validation_failed", Some(field));
    }
    let future = json!({"name": "X", "birth_year": 2027});
    let res = app
        .post_json("/api/v1/customers", &app.agent.token, &future)
        .await;
    res.expect_error(422, "validation_failed", Some("birth_year"));
    let res = app
        .post_json(
            "/api/v1/customers",
            &app.agent.token,
            &json!({"email": "a@b.co"}),
        )
        .await;
    res.expect_error(422, "validation_failed", Some("name"));
    let res = app
        .post_json(
            "/api/v1/customers",
            &app.agent.token,
            &json!({"name": "X", "gender": "robot"}),
        )
        .await;
    res.expect_error(422, "validation_failed", Some("gender"));
    let res = app
        .post_json(
            "/api/v1/customers",
            &app.agent.token,
            &json!({"name": "X", "preferred_channel": "fax"}),
        )
        .await;
    res.expect_error(422, "validation_failed", Some("preferred_channel"));

    let page = app
        .get("/api/v1/customers", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(page["items"], json!([]), "nothing refused was stored");
}

#[tokio::test]
async fn a_duplicate_external_ref_is_a_conflict() {
    let app = spawn_app().await;
    create(&app, &json!({"name": "A", "external_ref": "CRM-1"})).await;
    let res = app
        .post_json(
            "/api/v1/customers",
            &app.agent.token,
            &json!({"name": "B", "external_ref": "CRM-1"}),
        )
        .await;
    res.expect_error(409, "conflict", Some("external_ref"));
}

#[tokio::test]
async fn an_unknown_field_is_refused_naming_it() {
    let app = spawn_app().await;
    let shoe = json!({"name": "X", "shoe_size": 42});
    let res = app
        .post_json("/api/v1/customers", &app.agent.token, &shoe)
        .await;
    res.expect_error(422, "validation_failed", Some("shoe_size"));
    let page = app.get("/api/v1/customers", &app.viewer.token).await;
    assert_eq!(
        page.expect(200)["items"],
        json!([]),
        "nothing refused was stored"
    );

    let created = create(&app, &json!({"name": "X"})).await;
    let path = format!("/api/v1/customers/{}", created["id"]);
    let shoe = json!({"shoe_size": 42});
    let res = app.patch_json(&path, &app.agent.token, &shoe).await;
    res.expect_error(422, "validation_failed", Some("shoe_size"));
    let now = app.get(&path, &app.viewer.token).await.expect(200);
    assert_eq!(now, created, "a refused patch changes nothing");
}

#[tokio::test]
async fn a_patch_to_a_channel_that_does_not_exist_is_422() {
    let app = spawn_app().await;
    let created = create(&app, &json!({"name": "X", "preferred_channel": "phone"})).await;
    let path = format!("/api/v1/customers/{}", created["id"]);
    let fax = json!({"preferred_channel": "fax"});
    let res = app.patch_json(&path, &app.agent.token, &fax).await;
    res.expect_error(422, "validation_failed", Some("preferred_channel"));
    let now = app.get(&path, &app.viewer.token).await.expect(200);
    assert_eq!(now, created, "a refused patch changes nothing");
}
