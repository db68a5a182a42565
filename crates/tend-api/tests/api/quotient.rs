//! `/api/v1/quotient`: the contract of an assessment (201 with areas, total and band; 422
//! naming the area), and the rounds with the business's score, the spread, the trend and the
//! weakest areas — against values computed by hand.

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

fn all(n: i64) -> Value {
    let (three, four, five) = ([n; 3], [n; 4], [n; 5]);
    json!({"culture": four, "products": four, "feedback": three, "knowing": three,
           "contact": three, "staff": five, "improvement": three})
}

async fn post(app: &TestApp, body: Value) -> crate::helpers::Reply {
    app.post_json("/api/v1/quotient/assessments", &app.agent.token, &body)
        .await
}

#[tokio::test]
async fn quotient_assessment_answers_areas_total_and_band() {
    let app = spawn_app().await;
    // Culture 15/4 = 3.75, products 4, feedback 10/3 = 3.33, knowing 4, contact 3,
    // staff 17/5 = 3.4, improvement 11/3 = 3.67: 3.75 + 4 + 3.333… + 4 + 3 + 3.4 + 3.666… =
    // 25.15 (1,509 sixtieths): adequate.
    let body = json!({"respondent": "Olga Owner", "ratings": {
        "culture": [4, 4, 3, 4], "products": [4, 4, 4, 4], "feedback": [3, 3, 4],
        "knowing": [4, 4, 4], "contact": [3, 3, 3], "staff": [4, 3, 3, 3, 4],
        "improvement": [4, 4, 3]}});
    let got = post(&app, body).await.expect(201);
    assert_eq!(got["areas"]["culture"], 3.75);
    assert_eq!(got["areas"]["feedback"], 3.33);
    assert_eq!(got["areas"]["staff"], 3.4);
    assert_eq!(got["areas"]["improvement"], 3.67);
    assert_eq!(got["total"], 25.15);
    assert_eq!(got["total_sixtieths"], 1509);
    assert_eq!(got["band"], "adequate");
    assert_eq!(
        got["round"], "2026-Q1",
        "the test clock stands in March 2026"
    );
    assert_eq!(got["respondent"], "Olga Owner");
    // The band edges, exactly.
    let edge = post(&app, json!({"respondent": "A", "ratings": all(4)})).await;
    assert_eq!(edge.expect(201)["band"], "asset");
    let under = json!({"culture": [5, 4, 4, 4], "products": [4, 4, 4, 4], "feedback": [3, 3, 4],
        "knowing": [4, 4, 4], "contact": [4, 4, 4], "staff": [5, 5, 4, 4, 4],
        "improvement": [4, 4, 4]});
    let under = post(&app, json!({"respondent": "B", "ratings": under})).await;
    let under = under.expect(201);
    assert_eq!(
        (under["total"].clone(), under["band"].clone()),
        (json!(27.98), json!("adequate"))
    );
    let low = post(&app, json!({"respondent": "C", "ratings": all(3)})).await;
    assert_eq!(low.expect(201)["band"], "adequate");
}

#[tokio::test]
async fn quotient_refusals_name_the_area_and_store_nothing() {
    let app = spawn_app().await;
    let mut ratings = all(4);
    ratings["culture"] = json!([4, 4, 4]);
    let r = post(&app, json!({"respondent": "Olga", "ratings": ratings})).await;
    r.expect_error(422, "validation_failed", Some("ratings.culture"));
    assert!(
        r.text.contains("statements 4 of 4 are not rated"),
        "{}",
        r.text
    );
    let mut ratings = all(4);
    ratings["staff"] = json!([4, 4, 4, 4, 4, 4]);
    ratings["knowing"] = json!([4, 7, 4]);
    ratings.as_object_mut().unwrap().remove("contact");
    ratings["mood"] = json!([3]);
    let r = post(&app, json!({"respondent": "Olga", "ratings": ratings})).await;
    for area in ["staff", "knowing", "contact", "mood"] {
        r.expect_error(422, "validation_failed", Some(&format!("ratings.{area}")));
    }
    // Only the agent and above assess.
    let r = app
        .post_json(
            "/api/v1/quotient/assessments",
            &app.viewer.token,
            &json!({"respondent": "V", "ratings": all(4)}),
        )
        .await;
    assert_eq!(r.status.as_u16(), 403);
    let list = app
        .get("/api/v1/quotient/assessments", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(list["items"], json!([]));
}

#[tokio::test]
async fn quotient_rounds_show_business_score_spread_trend_and_weakest() {
    let app = spawn_app().await;
    let owner = json!({"respondent": "Olga Owner", "round": "2025-Q4", "ratings": all(3)});
    post(&app, owner).await.expect(201);
    let mut staff = all(4);
    staff["contact"] = json!([2, 2, 2]);
    staff["culture"] = json!([3, 3, 3, 4]);
    let first = json!({"respondent": "Sam Staff", "round": "2025-Q4", "ratings": staff});
    post(&app, first).await.expect(201);
    // Second round, default label (the test clock's quarter).
    let mut later = all(4);
    later["feedback"] = json!([3, 3, 3]);
    later["contact"] = json!([2, 4, 4]);
    post(&app, json!({"respondent": "Olga Owner", "ratings": later}))
        .await
        .expect(201);

    let got = app
        .get("/api/v1/quotient/rounds", &app.viewer.token)
        .await
        .expect(200);
    let rounds = got["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 2);
    let q4 = &rounds[0];
    assert_eq!(q4["round"], "2025-Q4");
    assert_eq!(q4["n"], 2);
    // Owner: 21 (1,260). Staff: culture 13/4 = 3.25, contact 2, others 4 (5 × 4 = 20):
    // 25.25 (1,515). Business: (1,260 + 1,515) / 120 = 23.125 → 23.13; adequate.
    assert_eq!(q4["total"], 23.13);
    assert_eq!(q4["band"], "adequate");
    assert_eq!(q4["spread"]["min"], 21.0);
    assert_eq!(q4["spread"]["max"], 25.25);
    assert_eq!(q4["spread"]["range"], 4.25);
    // Contact: (9 + 6) / 6 = 2.5; culture (12 + 13) / 8 = 3.125 → 3.13.
    assert_eq!(q4["areas"]["contact"], 2.5);
    assert_eq!(q4["areas"]["culture"], 3.13);
    assert_eq!(q4["area_spread"]["contact"]["range"], 1.0);
    assert_eq!(q4["respondents"].as_array().unwrap().len(), 2);
    let q1 = &rounds[1];
    assert_eq!(
        (q1["round"].clone(), q1["n"].clone()),
        (json!("2026-Q1"), json!(1))
    );
    // 5 × 4 + 3 + 10/3 = 26.333… (1,580 sixtieths): adequate.
    assert_eq!(
        (q1["total"].clone(), q1["band"].clone()),
        (json!(26.33), json!("adequate"))
    );
    assert_eq!(
        got["trend"]["contact"],
        json!([{"round": "2025-Q4", "score": 2.5}, {"round": "2026-Q1", "score": 3.33}])
    );
    // The latest round's two lowest: feedback (3), contact (3.33), with their statements.
    assert_eq!(
        got["weakest"],
        json!([
            {"area": "feedback", "score": 3.0, "statements": [
                {"number": 1, "mean": 3.0}, {"number": 2, "mean": 3.0}, {"number": 3, "mean": 3.0}]},
            {"area": "contact", "score": 3.33, "statements": [
                {"number": 1, "mean": 2.0}, {"number": 2, "mean": 4.0}, {"number": 3, "mean": 4.0}]},
        ])
    );
    let only_q4 = app
        .get(
            "/api/v1/quotient/assessments?round=2025-Q4",
            &app.viewer.token,
        )
        .await
        .expect(200);
    assert_eq!(only_q4["items"].as_array().unwrap().len(), 2);
}
