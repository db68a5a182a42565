//! Rows read back into the record's step groups, on the engine the environment selects: the
//! shapes imports write come back as they are, and a row holding half of a group is a decode
//! error naming the complaint and its columns, never a panic or a guess.

use jiff::Timestamp;
use sqlx::Connection;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord, Delivery};
use tend_domain::customers::CustomerDraft;
use tend_domain::kernel::ids::ComplaintId;
use tend_store::testing::fresh_database_url;
use tend_store::{Actor, Store, StoreError, StoreOptions};

fn t0() -> Timestamp {
    "2026-03-06T15:30:00Z".parse().unwrap()
}

/// A fresh store with one received complaint, and a raw connection to write rows Tend would not.
async fn world() -> (Store, sqlx::AnyConnection, ComplaintId) {
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let customer = CustomerDraft {
        name: Some("Zeynep".into()),
        ..Default::default()
    };
    let customer = customer.validate(2026).unwrap();
    let customer = store
        .create_customer(
            &customer,
            t0(),
            tend_domain::customers::consent::ConsentVia::Api,
        )
        .await
        .unwrap()
        .id;
    let draft = ComplaintDraft {
        customer_id: Some(customer),
        channel: Some("phone".into()),
        description: Some("The jar cracked.".into()),
        received_at: Some(t0()),
        ..Default::default()
    };
    let record = ComplaintRecord::received(draft.validate(t0()).unwrap(), "api");
    let system = Actor {
        id: None,
        label: "system".into(),
    };
    let c = store.create_complaint(record, system, t0()).await;
    let raw = sqlx::AnyConnection::connect(&url).await.unwrap();
    (store, raw, c.unwrap().id)
}

async fn set(raw: &mut sqlx::AnyConnection, id: ComplaintId, sets: &str) {
    let sql = format!("UPDATE complaints SET {sets} WHERE id = {}", id.0);
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
        .execute(raw)
        .await
        .unwrap();
}

#[tokio::test]
async fn whole_groups_come_back_and_half_groups_are_decode_errors() {
    let (store, mut raw, id) = world().await;
    // An imported solution: its text, no mode.
    set(&mut raw, id, "agreed_solution = 'Refund'").await;
    let r = store.complaint(id).await.unwrap().record;
    let solution = r.solution.unwrap();
    assert_eq!(
        (solution.agreed.as_str(), solution.delivery),
        ("Refund", None)
    );

    let by = t0().as_microsecond() + 3_600_000_000;
    set(
        &mut raw,
        id,
        &format!("solution_mode = 'promised', promised_by = {by}"),
    )
    .await;
    let delivery = store
        .complaint(id)
        .await
        .unwrap()
        .record
        .solution
        .unwrap()
        .delivery;
    assert_eq!(
        delivery,
        Some(Delivery::Promised(Timestamp::from_microsecond(by).unwrap()))
    );

    for (sets, cols) in [
        ("promised_by = NULL", "solution_mode, promised_by"),
        ("agreed_solution = NULL", "agreed_solution"),
        ("root_cause = 'Vendor'", "root_cause, responsible_party"),
        (
            "escalation_reason = 'Angry'",
            "escalated_at, escalation_reason",
        ),
        ("close_reason = 'Done'", "close_reason"),
        (
            "waiting_reason = 'A photo'",
            "waiting_since, waiting_reason",
        ),
        (
            "follow_up_outcome = 'satisfied'",
            "follow_up_outcome, followed_up_at",
        ),
    ] {
        set(
            &mut raw,
            id,
            "agreed_solution = NULL, solution_mode = NULL, promised_by = NULL",
        )
        .await;
        set(
            &mut raw,
            id,
            "root_cause = NULL, escalation_reason = NULL, close_reason = NULL",
        )
        .await;
        set(
            &mut raw,
            id,
            "waiting_reason = NULL, follow_up_outcome = NULL",
        )
        .await;
        set(
            &mut raw,
            id,
            "agreed_solution = 'Refund', solution_mode = 'promised'",
        )
        .await;
        set(&mut raw, id, &format!("promised_by = {by}")).await;
        set(&mut raw, id, sets).await;
        let err = store.complaint(id).await.expect_err(sets);
        let StoreError::Database(e) = err else {
            panic!("{sets}: not a decode error: {err:?}")
        };
        let text = e.to_string();
        assert!(
            text.contains(&format!("complaint {}: {cols}", id.0)),
            "{sets}: {text}"
        );
    }
    raw.close().await.unwrap();
}
