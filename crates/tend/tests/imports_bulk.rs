//! The bulk paths of `tend import` (SQLite's prepared statements, PostgreSQL's `COPY`) keep
//! the promises of the slow ones: a bad row on the last line of a file of many batches stores
//! nothing, a person is one customer across batches and against the customers stored already,
//! and what is stored (timeline, search documents, consent log) is what a single intake
//! stores — on the engine this test run uses.

mod common;

use common::{tend, text};
use tend_store::testing::{count, fresh_database_url};
use tend_store::{ComplaintFilter, Store, StoreOptions};

/// 12,000 customers rows (three batches) from 5,000 people: person `p` comes back in a later
/// batch with the e-mail in capitals, and every tenth person has only a phone, written two
/// ways. Consent is given by even people.
fn people_csv(bad_last: bool) -> String {
    let mut s = String::from("name,email,phone,consent\n");
    for i in 0..12_000u32 {
        let p = i % 5000;
        let email = match (p % 10, i >= 5000) {
            (0, _) => String::new(),
            (_, false) => format!("p{p}@example.com"),
            (_, true) => format!("P{p}@EXAMPLE.com"),
        };
        let phone = match (p % 10, i >= 5000) {
            (0, false) => format!("+90 555 {p:04}"),
            (0, true) => format!("90555{p:04}"),
            _ => String::new(),
        };
        let email = if bad_last && i == 11_999 {
            "not-an-email".to_owned()
        } else {
            email
        };
        s.push_str(&format!("Kişi {p},{email},{phone},{}\n", p % 2 == 0));
    }
    s
}

const PEOPLE_MAP: [&str; 8] = [
    "--map",
    "name=name",
    "--map",
    "email=email",
    "--map",
    "phone=phone",
    "--map",
    "consent=consent_to_contact",
];

#[tokio::test]
async fn customers_are_one_person_across_batches_and_a_bad_last_row_stores_none() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    let path = file.to_str().unwrap();
    let mut args = vec!["import", "customers", path];
    args.extend(PEOPLE_MAP);

    std::fs::write(&file, people_csv(true)).unwrap();
    let out = tend(&db, &args);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    // The header is line 1, so the 12,000th row is line 12,001.
    assert!(err.contains("line 12001: email:"), "{err}");
    assert!(err.contains("(lines 12001)"), "{err}");
    assert_eq!(count(&db, "customers").await, 0, "all or nothing");

    // 100 people stored before the import, by e-mail (folded) and by phone.
    let mut first = String::from("name,email,phone,consent\n");
    for p in (0..1000u32).step_by(10) {
        first.push_str(&format!("Kişi {p},,+90 555 {p:04},no\n"));
        first.push_str(&format!("Kişi {},P{}@example.COM,,no\n", p + 1, p + 1));
    }
    std::fs::write(&file, first).unwrap();
    let out = tend(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("imported 200 customers (0 already present)"));

    std::fs::write(&file, people_csv(false)).unwrap();
    let out = tend(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("imported 4800 customers (7200 already present)"),
        "{said}"
    );
    assert_eq!(count(&db, "customers").await, 5000, "a person once");
    // Consent is logged for the new people who gave it, once each.
    let consenting_new = (0..5000).filter(|p| p % 2 == 0).count() - 100;
    assert_eq!(
        count(&db, "customer_consent_log").await,
        consenting_new as i64
    );

    let again = tend(&db, &args);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stdout).contains("imported 0 customers (12000 already present)"),
        "{}",
        text(&again.stdout)
    );
    // A preferred channel that does not exist is named by line and field on both engines, and
    // nothing of the file is stored.
    let channel = dir.path().join("channel.csv");
    std::fs::write(
        &channel,
        "name,email,channel\nNew One,new1@example.com,phone\nNew Two,new2@example.com,pigeon\n",
    )
    .unwrap();
    let out = tend(
        &db,
        &[
            "import",
            "customers",
            channel.to_str().unwrap(),
            "--map",
            "name=name",
            "--map",
            "email=email",
            "--map",
            "channel=preferred_channel",
        ],
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("line 3: preferred_channel: no channel \"pigeon\""),
        "{err}"
    );
    assert_eq!(count(&db, "customers").await, 5000, "nothing stored");
}

/// 12,000 complaints from 4,000 people (e-mail case varies between batches); row `bad` (0-based)
/// has a date nobody can read.
fn complaints_csv(bad: Option<usize>) -> String {
    let mut s = String::from("id,when,who,mail,what\r\n");
    for i in 0..12_000 {
        let when = if Some(i) == bad {
            "someday".to_owned()
        } else {
            format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28)
        };
        let p = i % 4000;
        let mail = if i < 6000 {
            format!("c{p}@example.com")
        } else {
            format!("C{p}@Example.COM")
        };
        s.push_str(&format!(
            "k-{i},{when},Şule Çınar {p},{mail},\"Kırık, ürün\r\nkod B-{i}\"\r\n"
        ));
    }
    s
}

const COMPLAINT_MAP: [&str; 10] = [
    "--map",
    "id=external_id",
    "--map",
    "when=received_at",
    "--map",
    "who=customer_name",
    "--map",
    "mail=customer_email",
    "--map",
    "what=description",
];

#[tokio::test]
async fn complaints_a_bad_last_row_stores_nothing_and_what_is_stored_is_whole() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("complaints.csv");
    let path = file.to_str().unwrap();
    let mut args = vec!["import", "complaints", path];
    args.extend(COMPLAINT_MAP);

    // Each record spans two lines (a quoted line break): row i starts on line 2 + 2i.
    std::fs::write(&file, complaints_csv(Some(11_999))).unwrap();
    let out = tend(&db, &args);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("line 24000: received_at:"), "{err}");
    assert_eq!(
        count(&db, "complaints").await,
        0,
        "a bad last row stores nothing"
    );
    assert_eq!(count(&db, "customers").await, 0);

    std::fs::write(&file, complaints_csv(None)).unwrap();
    let out = tend(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("imported 12000 complaints (0 already present)"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(count(&db, "customers").await, 4000, "a person once");
    assert_eq!(count(&db, "complaints").await, 12_000);
    assert_eq!(
        count(
            &db,
            "complaint_events WHERE action = 'created' AND field = 'reference'"
        )
        .await,
        12_000,
        "each complaint's timeline begins"
    );

    // The search documents were made from the rows: text, code and the customer's name.
    let store = Store::open(&StoreOptions::new(&db)).await.unwrap();
    for (q, want) in [
        ("B-11999", 1),
        ("kirik B-6000", 1),
        ("sule cinar 3999 kırık", 3),
    ] {
        let f = ComplaintFilter {
            q: Some(q.into()),
            limit: 50,
            ..Default::default()
        };
        let page = store.list_complaints(&f).await.unwrap();
        assert_eq!(page.items.len(), want, "q={q}");
    }
    store.close().await;

    let again = tend(&db, &args);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stdout).contains("imported 0 complaints (12000 already present)"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(count(&db, "customers").await, 4000);
}
