//! The `tend` binary end to end: CSV imports (all-or-nothing, --skip-invalid, no duplicates),
//! exports, users and tokens, backup, channel settings — on the engine this test run uses.

use tend_store::testing::fresh_database_url;

mod common;

use common::{data, export_rows, tend, text};

#[tokio::test]
async fn cfpb_import_refuses_the_cut_record_then_lands_with_skip_invalid() {
    let db = fresh_database_url().await;
    let file = data().join("cfpb-complaints-sample.csv");
    let file = file.to_str().unwrap();

    let refused = tend(&db, &["import", "complaints", file, "--preset", "cfpb"]);
    assert!(!refused.status.success());
    let err = text(&refused.stderr);
    assert!(
        err.contains("line 3302: record:"),
        "the cut record is named by its line: {err}"
    );
    assert!(err.contains("nothing imported"), "{err}");
    assert_eq!(export_rows(&db), 0, "a refused import stores nothing");

    let landed = tend(
        &db,
        &[
            "import",
            "complaints",
            file,
            "--preset",
            "cfpb",
            "--skip-invalid",
        ],
    );
    assert!(landed.status.success(), "{}", text(&landed.stderr));
    assert!(
        text(&landed.stdout)
            .contains("imported 2067 complaints (0 already present); 1 bad row(s) skipped"),
        "{}",
        text(&landed.stdout)
    );
    assert!(text(&landed.stderr).contains("line 3302"));
    assert_eq!(export_rows(&db), 2067);

    let again = tend(
        &db,
        &[
            "import",
            "complaints",
            file,
            "--preset",
            "cfpb",
            "--skip-invalid",
        ],
    );
    assert!(
        text(&again.stdout).contains("imported 0 complaints (2067 already present)"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(export_rows(&db), 2067, "re-importing duplicates nothing");
}

#[tokio::test]
async fn transactions_for_unknown_customers_are_named_by_line() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let customers = dir.path().join("customers.csv");
    std::fs::write(&customers, "Name,Mail\nAna Pérez,ana@example.com\n").unwrap();
    let map = ["--map", "Name=name", "--map", "Mail=email"];
    let mut args = vec!["import", "customers", customers.to_str().unwrap()];
    args.extend(map);
    assert!(tend(&db, &args).status.success());
    let sales = dir.path().join("sales.csv");
    std::fs::write(
        &sales,
        "customer_email,occurred_at,product,amount,currency,external_id\n\
         ana@example.com,2026-11-01,Kettle,39.90,EUR,o-1\n\
         ghost@example.com,2026-11-02,Lid,5.00,EUR,o-2\n\
         ana@example.com,someday,Lid,5,EUR,o-3\n",
    )
    .unwrap();
    let path = sales.to_str().unwrap();
    let refused = tend(&db, &["import", "transactions", path]);
    assert!(!refused.status.success());
    let err = text(&refused.stderr);
    assert!(err.contains("line 3: customer_email: no customer"), "{err}");
    assert!(err.contains("line 4: occurred_at:"), "{err}");
    let landed = tend(&db, &["import", "transactions", path, "--skip-invalid"]);
    assert!(landed.status.success(), "{}", text(&landed.stderr));
    let said = text(&landed.stdout);
    assert!(said.contains("imported 1 transactions"), "{said}");
}

#[tokio::test]
async fn csv_with_a_column_map_lists_every_bad_row() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.csv");
    std::fs::write(
        &file,
        "Name,Mail,What,When\nAna,ana@example.com,Late parcel,2026-01-05\nBo,not-an-email,Broken lid,2026-01-06\nCy,cy@example.com,,yesterday\n",
    )
    .unwrap();
    let args = [
        "import",
        "complaints",
        file.to_str().unwrap(),
        "--map",
        "Name=customer_name",
        "--map",
        "Mail=customer_email",
        "--map",
        "What=description",
        "--map",
        "When=received_at",
    ];
    let out = tend(&db, &args);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("line 3: customer.email: must be an e-mail address"),
        "{err}"
    );
    assert!(err.contains("line 4: description: is required"), "{err}");
    assert!(err.contains("line 4: received_at:"), "{err}");
    assert_eq!(export_rows(&db), 0);

    let mut skip = args.to_vec();
    skip.push("--skip-invalid");
    let out = tend(&db, &skip);
    assert!(
        text(&out.stdout).contains("imported 1 complaints"),
        "{}",
        text(&out.stdout)
    );
}

#[tokio::test]
async fn users_tokens_and_backup() {
    let db = fresh_database_url().await;
    let bad = tend(
        &db,
        &[
            "user", "add", "--email", "nope", "--name", "X", "--role", "agent",
        ],
    );
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("--email: must be an e-mail address"),
        "{}",
        text(&bad.stderr)
    );
    let added = tend(
        &db,
        &[
            "user",
            "add",
            "--email",
            "ana@example.com",
            "--name",
            "Ana",
            "--role",
            "admin",
        ],
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(text(&added.stdout).contains("one-time password: "));
    let token = tend(&db, &["token", "create", "--email", "ana@example.com"]);
    assert!(text(&token.stdout).trim().starts_with("tend_"));
    let revoked = tend(&db, &["token", "revoke", "--email", "ana@example.com"]);
    assert!(
        text(&revoked.stdout).contains("revoked 1 token(s)"),
        "{revoked:?}"
    );
    let off = tend(&db, &["user", "deactivate", "--email", "ana@example.com"]);
    assert!(text(&off.stdout).contains("deactivated Ana"), "{off:?}");
    let nobody = tend(&db, &["user", "deactivate", "--email", "bob@example.com"]);
    assert!(
        text(&nobody.stderr).contains("--email: no employee"),
        "{nobody:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    let backup = tend(&db, &["backup", copy.to_str().unwrap()]);
    if db.starts_with("sqlite") {
        assert!(backup.status.success(), "{}", text(&backup.stderr));
        let users = tend(&format!("sqlite://{}", copy.display()), &["user", "list"]);
        assert!(
            text(&users.stdout).contains("ana@example.com"),
            "the backup holds the data"
        );
    } else {
        assert!(!backup.status.success());
        assert!(text(&backup.stderr).contains("pg_dump"));
    }
}

#[tokio::test]
async fn channel_hours_and_standards_from_the_command_line() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let hours = dir.path().join("hours.json");
    std::fs::write(
        &hours,
        r#"{"time_zone":"Europe/Madrid","week":{"mon":[["09:00","13:00"],["14:00","18:00"]]},"closed":[{"date":"2026-12-25","yearly":true}]}"#,
    )
    .unwrap();
    let set = tend(&db, &["channel", "hours", "phone", hours.to_str().unwrap()]);
    assert!(set.status.success(), "{}", text(&set.stderr));
    let standards = dir.path().join("standards.json");
    std::fs::write(
        &standards,
        r#"{"targets":{"normal":{"first_response_minutes":240,"resolution_minutes":960}},"escalate_on_breach":true}"#,
    )
    .unwrap();
    let set = tend(
        &db,
        &["channel", "standards", "phone", standards.to_str().unwrap()],
    );
    assert!(set.status.success(), "{}", text(&set.stderr));
    let shown = tend(&db, &["channel", "show", "phone"]);
    let doc: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(doc["service_hours"]["time_zone"], "Europe/Madrid");
    assert_eq!(doc["service_hours"]["week"]["mon"][1][0], "14:00");
    assert_eq!(doc["response_standards"]["escalate_on_breach"], true);

    std::fs::write(&standards, r#"{"warn_at_percent":100}"#).unwrap();
    let refused = tend(
        &db,
        &["channel", "standards", "phone", standards.to_str().unwrap()],
    );
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("warn_at_percent"),
        "{}",
        text(&refused.stderr)
    );
    let unknown = tend(&db, &["channel", "show", "pigeon"]);
    assert!(text(&unknown.stderr).contains("no channel"));
}

/// `tend export complaints` leaves out merged and deleted complaints; `--removed` adds them
/// with the complaint each was merged into and when it was deleted.
#[tokio::test]
async fn exports_leave_out_merged_and_deleted_complaints_unless_asked() {
    use std::sync::Arc;
    use tend_domain::kernel::clock::SystemClock;
    use tend_domain::kernel::ids::ComplaintId;
    use tend_store::{Actor, Store, StoreOptions};

    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("three.csv");
    let mut csv = String::from("id,when,who,mail,what\n");
    for i in 1..=3 {
        csv.push_str(&format!(
            "x-{i},2025-05-0{i},Ada,ada@example.com,Broken jar {i}\n"
        ));
    }
    std::fs::write(&file, csv).unwrap();
    let path = file.to_str().unwrap();
    let mut args = vec!["import", "complaints", path];
    for m in [
        "id=external_id",
        "when=received_at",
        "who=customer_name",
        "mail=customer_email",
        "what=description",
    ] {
        args.extend(["--map", m]);
    }
    let out = tend(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(export_rows(&db), 3);

    let store = Store::open(&StoreOptions::new(&db)).await.unwrap();
    let ids: Vec<ComplaintId> = store
        .all_complaints_after(None, 10, false)
        .await
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    let state = tend_app::AppState::new(store.clone(), Arc::new(SystemClock));
    let cli = Actor::system("cli");
    tend_app::complaints::fate::merge(&state, ids[1], ids[0], &cli)
        .await
        .unwrap();
    tend_app::complaints::fate::delete(&state, ids[2], "spam", &cli)
        .await
        .unwrap();
    store.close().await;

    assert_eq!(export_rows(&db), 1, "only the survivor");
    let out = tend(
        &db,
        &["export", "complaints", "--format", "csv", "--removed"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let head = r.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let (merged, deleted) = (col("merged_into"), col("deleted_at"));
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!((&rows[0][merged], &rows[0][deleted]), ("", ""));
    assert_eq!(&rows[1][merged], ids[0].to_string().as_str());
    assert!(rows[1][deleted].is_empty() && !rows[2][deleted].is_empty());
}
