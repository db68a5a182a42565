//! Search, one behaviour on both engines: a table of query → expected records for complaints
//! (`GET /api/v1/complaints?q=`) and customers (`GET /api/v1/customers?q=`), run unchanged on
//! SQLite and PostgreSQL. The rules are `tend_domain::kernel::search_text`'s.

use std::collections::BTreeSet;

use serde_json::json;

use crate::helpers::{TestApp, ids, spawn_app};

async fn customer(app: &TestApp, body: serde_json::Value) -> i64 {
    let res = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await;
    res.expect(201)["id"].as_i64().unwrap()
}

async fn complaint(app: &TestApp, customer: i64, subject: &str, description: &str) -> i64 {
    let draft = json!({"customer_id": customer, "channel": "phone",
        "subject": subject, "description": description});
    app.create_complaint_with(&draft).await["id"]
        .as_i64()
        .unwrap()
}

fn set(v: &[i64]) -> BTreeSet<i64> {
    v.iter().copied().collect()
}

fn q(s: &str) -> String {
    s.replace('%', "%25")
        .replace(' ', "%20")
        .replace('+', "%2B")
        .replace('&', "%26")
        .replace('#', "%23")
}

#[tokio::test]
async fn search_table_for_complaints_and_customers_on_both_engines() {
    let app = spawn_app().await;
    let obie = customer(
        &app,
        json!({"name": "Obie Mayert", "email": "obie.mayert@example.com", "phone": "+34 600-123 456"}),
    )
    .await;
    let isik = customer(
        &app,
        json!({"name": "IŞIK Yılmaz", "email": "ISIK.Yilmaz@ornek.com.tr", "phone": "0532 111 22 33"}),
    )
    .await;
    let nunez = customer(&app, json!({"name": "José Núñez"})).await;
    let strauss = customer(&app, json!({"name": "Jürgen Strauß"})).await;

    let part = complaint(
        &app,
        obie,
        "Spare part A-77 is missing",
        "The box had no A-77.",
    )
    .await;
    let cafe = complaint(&app, nunez, "Servicio", "El café llegó frío.").await;
    let kirik = complaint(&app, isik, "KIRIK ÜRÜN", "Kutu ezik geldi.").await;
    let order = complaint(
        &app,
        strauss,
        "Order 2026/11/0042",
        "Refund to ES12-3456.789 please",
    )
    .await;
    let printer = complaint(&app, obie, "Printer jams", "The printer jams on page two.").await;

    let complaints: &[(&str, &[i64])] = &[
        ("A-77", &[part]),
        ("a-77", &[part]),
        ("a77", &[part]),
        ("A-7", &[part]),
        ("77", &[part]),
        ("cafe", &[cafe]),
        ("CAFÉ", &[cafe]),
        ("llego frio", &[cafe]),
        ("kırık", &[kirik]),
        ("kirik", &[kirik]),
        ("KIRIK", &[kirik]),
        ("Kırık ürün", &[kirik]),
        ("urun", &[kirik]),
        ("İŞIK", &[kirik]),
        ("isik", &[kirik]),
        ("nunez", &[cafe]),
        ("NÚÑEZ", &[cafe]),
        ("strauss", &[order]),
        ("Straße", &[]),
        ("strausse", &[]),
        ("2026/11/0042", &[order]),
        ("0042", &[order]),
        ("2026110042", &[order]),
        ("ES12-3456.789", &[order]),
        ("3456", &[order]),
        ("printer", &[printer]),
        ("print jam", &[printer]),
        ("printer cafe", &[]),
        ("mayert", &[part, printer]),
        ("obie missing", &[part]),
        ("issing", &[]),
        ("'; DROP TABLE complaints; --", &[]),
        ("\"a\" OR b:* & !c", &[]),
    ];
    for (query, want) in complaints {
        let got = set(&app.list_ids(&format!("q={}", q(query))).await);
        assert_eq!(got, set(want), "complaints ?q={query}");
    }
    // Newest received first, matches as well.
    assert_eq!(app.list_ids("q=mayert").await, [printer, part]);
    let res = app
        .get("/api/v1/complaints?q=%2A%2A", &app.viewer.token)
        .await;
    res.expect_error(422, "validation_failed", Some("q"));

    let customers: &[(&str, &[i64])] = &[
        ("mayert", &[obie]),
        ("Obie Mayert", &[obie]),
        ("MAYERT obie", &[obie]),
        ("ayer", &[obie]),
        ("example", &[obie]),
        ("obie.mayert@example.com", &[obie]),
        ("mayert@exa", &[obie]),
        ("600123456", &[obie]),
        ("+34 600 123 456", &[obie]),
        ("34-600-123-456", &[obie]),
        ("123 456", &[obie]),
        ("0532 111 22 33", &[isik]),
        ("5321112233", &[isik]),
        ("ışık", &[isik]),
        ("ISIK", &[isik]),
        ("isik", &[isik]),
        ("İŞİK", &[isik]),
        ("yilmaz", &[isik]),
        ("ornek", &[isik]),
        ("nunez", &[nunez]),
        ("Núñez", &[nunez]),
        ("strauss", &[strauss]),
        ("jurgen", &[strauss]),
        ("zzz", &[]),
        ("mayert yilmaz", &[]),
        ("50%", &[]),
    ];
    for (query, want) in customers {
        let path = format!("/api/v1/customers?q={}", q(query));
        let got = set(&ids(&app.get(&path, &app.viewer.token).await.expect(200)));
        assert_eq!(got, set(want), "customers ?q={query}");
    }
}

#[tokio::test]
async fn search_follows_edits_of_the_customer_and_the_complaint() {
    let app = spawn_app().await;
    let ana = customer(&app, json!({"name": "Ana Diaz"})).await;
    let c = complaint(&app, ana, "Kettle", "It leaks.").await;
    assert_eq!(app.list_ids("q=diaz").await, [c]);
    let res = app
        .patch_json(
            &format!("/api/v1/customers/{ana}"),
            &app.agent.token,
            &json!({"name": "Ana Çelik"}),
        )
        .await;
    res.expect(200);
    assert!(app.list_ids("q=diaz").await.is_empty());
    assert_eq!(app.list_ids("q=celik").await, [c]);
    let path = "/api/v1/customers?q=CELIK";
    let got = ids(&app.get(path, &app.viewer.token).await.expect(200));
    assert_eq!(got, [ana]);
}

/// A complaint's reference, typed as a person would, finds it (and a merged one's reference
/// the complaint it was merged into), besides complaints whose text mentions it; the right
/// number with another year finds nothing.
#[tokio::test]
async fn a_reference_finds_its_complaint_on_both_engines() {
    let app = spawn_app().await;
    let ana = customer(&app, json!({"name": "Ana Diaz"})).await;
    let first = complaint(&app, ana, "Kettle", "It leaks.").await;
    let second = complaint(&app, ana, "Kettle again", "Still leaking.").await;
    let m = &app.manager.token;
    let app = &app;
    let reference = |id: i64| async move {
        let c = app
            .get(&format!("/api/v1/complaints/{id}"), &app.viewer.token)
            .await
            .expect(200);
        c["reference"].as_str().unwrap().to_owned()
    };
    let (r1, r2) = (reference(first).await, reference(second).await);
    let mention = complaint(app, ana, "Follow-up", &format!("About {r1}, still broken")).await;
    let year = &r1[2..6];
    let short = |id: i64| format!("c-{year}-{id}");
    let other_year = format!("C-{}-{:06}", year.parse::<i32>().unwrap() - 1, first);
    let table: Vec<(String, Vec<i64>)> = vec![
        (r1.clone(), vec![first, mention]),
        (r1.to_lowercase(), vec![first, mention]),
        (short(first), vec![first]),
        (r2.clone(), vec![second]),
        (other_year, vec![]),
    ];
    for (query, want) in &table {
        let got = set(&app.list_ids(&format!("q={}", q(query))).await);
        assert_eq!(got, set(want), "complaints ?q={query}");
    }
    // Merged, the second's reference finds the complaint holding both timelines.
    app.post_json(
        &format!("/api/v1/complaints/{second}/merge"),
        m,
        &json!({"into": first}),
    )
    .await
    .expect(204);
    assert_eq!(app.list_ids(&format!("q={}", q(&r2))).await, [first]);
    // Other filters still apply.
    let got = app.list_ids(&format!("q={}&status=closed", q(&r1))).await;
    assert!(got.is_empty(), "{got:?}");
}
