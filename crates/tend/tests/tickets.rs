//! A support-tickets CSV (the public dataset's columns; our own sample in `tests/data`) through
//! `tend import --preset support-tickets` and `tend demo --file`, on the engine this run uses.

mod common;

use common::{data, export_rows, tend, text};
use tend_store::testing::fresh_database_url;

#[tokio::test]
async fn support_tickets_import_and_round_trip_through_export() {
    let db = fresh_database_url().await;
    let file = data().join("customer-support-tickets-sample.csv");
    let out = tend(
        &db,
        &[
            "import",
            "complaints",
            file.to_str().unwrap(),
            "--preset",
            "support-tickets",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("imported 36 complaints"),
        "{}",
        text(&out.stdout)
    );

    let json = tend(&db, &["export", "complaints", "--format", "json"]);
    let lines: Vec<serde_json::Value> = text(&json.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 36);
    let closed = lines.iter().filter(|c| c["status"] == "closed").count();
    assert_eq!(closed, 13, "the file's closed tickets arrive closed");
    let waiting = lines.iter().filter(|c| c["status"] == "understood").count();
    assert_eq!(
        waiting, 11,
        "pending customer response: understood, the facts in hand"
    );
    let by_phone = lines.iter().filter(|c| c["channel"] == "phone").count();
    assert_eq!(by_phone, 9, "tickets 2, 6, 10, … 34: every fourth");
    assert!(
        lines
            .iter()
            .all(|c| c["source"] == "import:support-tickets")
    );
    let first = &lines[0];
    assert_eq!(first["external_id"], "1");
    assert_eq!(first["priority"], "urgent");
    assert_eq!(first["channel"], "email");

    // The same file's purchases, for the customers the complaints brought in.
    let args = [
        "import",
        "transactions",
        file.to_str().unwrap(),
        "--preset",
        "support-tickets",
    ];
    let out = tend(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("imported 36 transactions (0 already"),
        "{said}"
    );
    let again = text(&tend(&db, &args).stdout);
    assert!(
        again.contains("imported 0 transactions (36 already present)"),
        "{again}"
    );
}

#[tokio::test]
async fn demo_with_a_file_imports_it_with_four_employees_and_twice_changes_nothing() {
    let db = fresh_database_url().await;
    let file = data().join("customer-support-tickets-sample.csv");
    let args = ["demo", "--file", file.to_str().unwrap()];
    let out = tend(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("imported 36 complaints"), "{said}");
    assert_eq!(said.matches(" password ").count(), 4, "{said}");
    let again = tend(&db, &args);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(text(&again.stdout).matches(" password ").count(), 0);
    assert_eq!(export_rows(&db), 36, "nothing twice");
}
