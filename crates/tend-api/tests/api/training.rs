//! `/api/v1/trainings` and `/api/v1/recognitions`: sessions with attendance, the coverage of the
//! mandatory introduction against hand-computed numbers, an employee's record, and recognitions
//! (managers only; from a customer only with the complaint, from a follow-up only a satisfied one).

use serde_json::{Value, json};

use crate::helpers::spawn_app;

fn missing(v: &Value) -> Vec<String> {
    v["coverage"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn introduction_coverage_counts_attendance_at_introductions_only() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let empty = app
        .get("/api/v1/trainings", &app.viewer.token)
        .await
        .expect(200);
    // Four active staff, nobody trained: 0 of 4.
    assert_eq!(empty["coverage"]["trained"], 0);
    assert_eq!(empty["coverage"]["n"], 4);
    assert_eq!(empty["coverage"]["share"], 0.0);

    let intro = json!({"kind": "introduction", "topic": "The plan", "held_on": "2026-03-02",
        "trainer": "Ada", "attendees": [
            {"employee_id": app.admin.id, "attended": true},
            {"employee_id": app.agent.id, "attended": true},
            {"employee_id": app.viewer.id, "attended": false}]});
    let r = app
        .post_json("/api/v1/trainings", &app.agent.token, &intro)
        .await;
    r.expect_error(403, "forbidden", None);
    let s1 = app
        .post_json("/api/v1/trainings", m, &intro)
        .await
        .expect(201);
    assert_eq!(s1["attendees"].as_array().unwrap().len(), 3);
    // A workshop the viewer attended does not count towards the introduction.
    let workshop = json!({"kind": "workshop", "topic": "Listening", "held_on": "2026-03-03",
        "trainer": "Mona", "attendees": [{"employee_id": app.viewer.id, "attended": true}]});
    app.post_json("/api/v1/trainings", m, &workshop)
        .await
        .expect(201);
    // Admin and agent attended an introduction: 2 of 4 = 0.5; manager and viewer missing.
    let v = app
        .get("/api/v1/trainings", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(v["coverage"]["trained"], 2);
    assert_eq!(v["coverage"]["n"], 4);
    assert_eq!(v["coverage"]["share"], 0.5);
    assert_eq!(missing(&v), vec!["Mona Manager", "Vera Viewer"]);

    // A second introduction the viewer attends: 3 of 4 = 0.75.
    let again = json!({"kind": "introduction", "topic": "The plan, again", "held_on": "2026-03-05",
        "trainer": "Ada", "attendees": [{"employee_id": app.viewer.id, "attended": true}]});
    app.post_json("/api/v1/trainings", m, &again)
        .await
        .expect(201);
    let v = app
        .get("/api/v1/trainings", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(v["coverage"]["trained"], 3);
    assert_eq!(v["coverage"]["share"], 0.75);
    assert_eq!(missing(&v), vec!["Mona Manager"]);

    // The viewer's record: three sessions, latest first, absent from the first.
    let path = format!("/api/v1/trainings/employees/{}", app.viewer.id);
    let record = app.get(&path, &app.viewer.token).await.expect(200);
    let got: Vec<(String, bool)> = record
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["session"]["topic"].as_str().unwrap().to_owned(),
                e["attended"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("The plan, again".to_owned(), true),
            ("Listening".to_owned(), true),
            ("The plan".to_owned(), false)
        ]
    );

    // Refusals name the field: an unknown kind, an employee twice, an unknown employee.
    let bad = json!({"kind": "party", "topic": "x", "held_on": "2026-03-05", "trainer": "x",
        "attendees": [{"employee_id": app.agent.id, "attended": true},
                      {"employee_id": app.agent.id, "attended": false}]});
    let r = app.post_json("/api/v1/trainings", m, &bad).await;
    r.expect_error(422, "validation_failed", Some("kind"));
    r.expect_error(422, "validation_failed", Some("attendees"));
    let ghost = json!({"kind": "meeting", "topic": "x", "held_on": "2026-03-05", "trainer": "x",
        "attendees": [{"employee_id": 999, "attended": true}]});
    let r = app.post_json("/api/v1/trainings", m, &ghost).await;
    r.expect_error(422, "validation_failed", Some("attendees"));
    for sql in [
        "UPDATE training_attendees SET attended = 1",
        "DELETE FROM training_sessions",
    ] {
        let refused = tend_store::testing::execute(&app.database_url, sql).await;
        assert!(refused.is_err_and(|e| e.contains("append-only")), "{sql}");
    }
}

#[tokio::test]
async fn recognition_from_a_customer_names_a_satisfied_complaint() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let by_manager = json!({"employee_id": app.agent.id, "source": "manager",
        "note": "Stayed late for a customer"});
    let r = app
        .post_json("/api/v1/recognitions", &app.agent.token, &by_manager)
        .await;
    r.expect_error(403, "forbidden", None);
    let first = app
        .post_json("/api/v1/recognitions", m, &by_manager)
        .await
        .expect(201);
    assert_eq!(first["employee_name"], "Arturo Agent");
    assert_eq!(first["by_name"], "Mona Manager");

    let praise = json!({"employee_id": app.agent.id, "source": "praise", "note": "Kind"});
    let r = app.post_json("/api/v1/recognitions", m, &praise).await;
    r.expect_error(422, "validation_failed", Some("complaint_id"));
    let ghost = json!({"employee_id": app.agent.id, "source": "praise", "complaint_id": 9999,
        "note": "Kind"});
    let r = app.post_json("/api/v1/recognitions", m, &ghost).await;
    r.expect_error(422, "validation_failed", Some("complaint_id"));

    // A complaint whose follow-up is not answered yet: praise yes, a follow-up no.
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let praise = json!({"employee_id": app.agent.id, "source": "praise", "complaint_id": c,
        "note": "The customer thanked Arturo by name"});
    app.post_json("/api/v1/recognitions", m, &praise)
        .await
        .expect(201);
    let follow = json!({"employee_id": app.agent.id, "source": "follow_up", "complaint_id": c,
        "note": "Satisfied"});
    let r = app.post_json("/api/v1/recognitions", m, &follow).await;
    r.expect_error(422, "validation_failed", Some("complaint_id"));
    for step in [
        json!({"action": "understand", "facts": "The lid does not close."}),
        json!({"action": "identify_cause", "root_cause": "Bent hinge", "responsible_party": "vendor"}),
        json!({"action": "agree_solution", "agreed_solution": "A new lid", "solution_mode": "on_the_spot"}),
        json!({"action": "resolve"}),
        json!({"action": "follow_up", "outcome": "satisfied"}),
    ] {
        app.act(c, &step).await.expect(200);
    }
    app.post_json("/api/v1/recognitions", m, &follow)
        .await
        .expect(201);

    let mine = app
        .get(
            &format!("/api/v1/recognitions?employee_id={}", app.agent.id),
            &app.agent.token,
        )
        .await
        .expect(200);
    let sources: Vec<&str> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, vec!["follow_up", "praise", "manager"]);
    let others = app
        .get(
            &format!("/api/v1/recognitions?employee_id={}", app.viewer.id),
            &app.agent.token,
        )
        .await
        .expect(200);
    assert_eq!(others, json!([]));
    for sql in [
        "UPDATE training_recognitions SET note = 'rewritten'",
        "DELETE FROM training_recognitions",
    ] {
        let refused = tend_store::testing::execute(&app.database_url, sql).await;
        assert!(refused.is_err_and(|e| e.contains("append-only")), "{sql}");
    }
}
