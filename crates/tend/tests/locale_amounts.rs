//! `tend import transactions --locale`: amounts read as a person writes them in English,
//! Spanish or Turkish, by the resolve form's rule — on the engine this test run uses.

use tend_store::testing::fresh_database_url;

mod common;

use common::{tend, text};

#[tokio::test]
async fn amounts_are_read_the_way_the_locale_writes_them_and_ambiguity_is_refused_by_line() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let customers = dir.path().join("customers.csv");
    std::fs::write(&customers, "Name,Mail\nAna Pérez,ana@example.com\n").unwrap();
    let args = [
        "import",
        "customers",
        customers.to_str().unwrap(),
        "--map",
        "Name=name",
        "--map",
        "Mail=email",
    ];
    assert!(tend(&db, &args).status.success());
    let sales = dir.path().join("ventas.csv");
    let write = |rows: &str| {
        std::fs::write(
            &sales,
            format!("customer_email;occurred_at;amount;currency;external_id\r\n{rows}"),
        )
        .unwrap()
    };
    // Line 3: 2500.00 is not how Turkish writes 2,500 (a group of two digits); line 4: three
    // decimals for a currency of two.
    write(
        "ana@example.com;2026-11-01;2.500,00;EUR;t-1\r\n\
         ana@example.com;2026-11-02;2500.00;EUR;t-2\r\n\
         ana@example.com;2026-11-03;1,250;EUR;t-3\r\n\
         ana@example.com;2026-11-04;2,500;KWD;t-4\r\n",
    );
    let path = sales.to_str().unwrap();
    let refused = tend(&db, &["import", "transactions", path, "--locale", "tr"]);
    assert!(!refused.status.success());
    let err = text(&refused.stderr);
    assert!(err.contains("line 3: amount:"), "{err}");
    assert!(err.contains("1.234,50"), "the locale's way is shown: {err}");
    assert!(err.contains("line 4: amount:"), "{err}");
    assert!(err.contains("(lines 3, 4)"), "{err}");
    write(
        "ana@example.com;2026-11-01;2.500,00;EUR;t-1\r\n\
         ana@example.com;2026-11-03;1,25;EUR;t-3\r\n\
         ana@example.com;2026-11-04;2,500;KWD;t-4\r\n",
    );
    let landed = tend(&db, &["import", "transactions", path, "--locale", "tr"]);
    assert!(landed.status.success(), "{}", text(&landed.stderr));
    // English reads the same `2,500` KWD as two thousand five hundred, never a guess.
    write("ana@example.com;2026-11-05;\"2,500\";KWD;t-5\r\n");
    let en = tend(&db, &["import", "transactions", path, "--locale", "en"]);
    assert!(en.status.success(), "{}", text(&en.stderr));
    let store = tend_store::Store::open(&tend_store::StoreOptions::new(&db))
        .await
        .unwrap();
    let mut got: Vec<(String, String)> = store
        .transactions(None, None, 10)
        .await
        .unwrap()
        .iter()
        .map(|t| {
            let m = t.amount.unwrap();
            (t.external_id.clone().unwrap(), m.to_string())
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("t-1".to_owned(), "2500.00 EUR".to_owned()),
            ("t-3".to_owned(), "1.25 EUR".to_owned()),
            ("t-4".to_owned(), "2.500 KWD".to_owned()),
            ("t-5".to_owned(), "2500.000 KWD".to_owned()),
        ]
    );
    store.close().await;
    let bad = tend(&db, &["import", "transactions", path, "--locale", "fr"]);
    assert!(!bad.status.success());
}
