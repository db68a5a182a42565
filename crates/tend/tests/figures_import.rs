//! `tend import figures`: all-or-nothing, values replaced by figure, period and dimensions,
//! every import logged — on the engine this test run uses.

use std::process::{Command, Output};

use jiff::civil::date;
use tend_domain::figures::{Per, roll_up};
use tend_store::testing::fresh_database_url;
use tend_store::{Store, StoreOptions};

fn tend(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(args)
        .env("TEND_DATABASE_URL", db)
        .env("TEND_LOG", "warn")
        .output()
        .expect("run tend")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[tokio::test]
async fn figure_values_import_all_or_nothing_replace_and_are_logged() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reject-rate.csv");
    let path = file.to_str().unwrap();
    let good = "figure,period,numerator,denominator,product\n\
        internal_reject_rate,2026-01-01,3,100,Kettle\n\
        internal_reject_rate,2026-02-01,6,200,Kettle\n\
        calls_abandoned,2026-02-01,41,,\n";
    // Line 5 is no month's first day, line 6 names no figure, line 7 repeats line 2.
    let bad = format!(
        "{good}internal_reject_rate,2026-03-15,1,10,Kettle\nno_such,2026-03-01,1,,\n\
         internal_reject_rate,2026-01-01,4,100,Kettle\n"
    );
    std::fs::write(&file, bad).unwrap();
    let refused = tend(&db, &["import", "figures", path]);
    assert!(!refused.status.success());
    let err = text(&refused.stderr);
    for expected in [
        "line 5: period",
        "line 6: figure",
        "line 7: row",
        "nothing imported",
    ] {
        assert!(err.contains(expected), "{expected:?} not in {err}");
    }

    std::fs::write(&file, good).unwrap();
    let out = tend(&db, &["import", "figures", path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("imported 3 figure values (0 already present)"));
    // February corrected: replaced, not added.
    std::fs::write(
        &file,
        "figure,period,numerator,denominator,product\n\
        internal_reject_rate,2026-02-01,2,100,Kettle\n",
    )
    .unwrap();
    let out = tend(&db, &["import", "figures", path]);
    assert!(text(&out.stdout).contains("imported 0 figure values (1 already present)"));

    let store = Store::open(&StoreOptions::new(&db)).await.unwrap();
    let figure = store.figure_by_code("internal_reject_rate").await.unwrap();
    let points = store
        .figure_points(&figure, date(2026, 1, 1), date(2026, 4, 1), None)
        .await
        .unwrap();
    let q1 = roll_up(&points, Per::Quarter);
    // (3 + 2) ÷ (100 + 100).
    assert_eq!((q1[0].numerator, q1[0].denominator), (5, Some(200)));
    let log = store.figure_imports(10).await.unwrap();
    let counts: Vec<_> = log
        .iter()
        .map(|l| (l.rows, l.inserted, l.updated))
        .collect();
    assert_eq!(
        counts,
        vec![(1, 0, 1), (3, 3, 0)],
        "the refused file is not logged"
    );
    assert!(log.iter().all(|l| l.file_name == "reject-rate.csv"));
}
