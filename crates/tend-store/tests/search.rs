//! Full-text search at volume: a word in more complaints than the "common word" threshold is
//! still paged newest first, completely and exactly once, on both engines.

use std::collections::HashSet;

use jiff::{SignedDuration, Timestamp};
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord};
use tend_domain::customers::CustomerDraft;
use tend_domain::kernel::ids::CustomerId;
use tend_store::testing::fresh_database_url;
use tend_store::{Actor, ComplaintFilter, Store, StoreOptions};

fn record(customer: CustomerId, i: i64, description: String) -> ComplaintRecord {
    let t0: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
    let draft = ComplaintDraft {
        customer_id: Some(customer),
        channel: Some("web".into()),
        received_at: Some(t0 + SignedDuration::from_mins(i * 7 % 5000)),
        description: Some(description),
        external_id: Some(i.to_string()),
        ..Default::default()
    };
    ComplaintRecord::received(
        draft
            .validate(t0 + SignedDuration::from_hours(1000))
            .unwrap(),
        "test",
    )
}

#[tokio::test]
async fn common_and_rare_words_page_newest_first_exactly_once() {
    let store = Store::open(&StoreOptions::new(fresh_database_url().await))
        .await
        .unwrap();
    let now = Timestamp::now();
    let customer = CustomerDraft {
        name: Some("Pat Example".into()),
        ..Default::default()
    }
    .validate(2026)
    .unwrap();
    let customer = store
        .create_customer(
            &customer,
            now,
            tend_domain::customers::consent::ConsentVia::Api,
        )
        .await
        .unwrap()
        .id;
    let records: Vec<_> = (0..1300)
        .map(|i| {
            let text = if i % 13 == 0 {
                format!("Invoice {i} was wrong")
            } else {
                format!("Refund {i} is late")
            };
            record(customer, i, text)
        })
        .collect();
    let out = store
        .import_complaints(&records, &Actor::system("test"), now)
        .await
        .unwrap();
    assert_eq!(out.inserted, 1300);

    for (q, expected) in [
        ("refund", 1200),
        ("invoice", 100),
        ("refund late", 1200),
        ("refund invoice", 0),
    ] {
        let mut seen = HashSet::new();
        let mut last = None;
        let mut after = None;
        loop {
            let f = ComplaintFilter {
                q: Some(q.into()),
                after,
                limit: 200,
                ..Default::default()
            };
            let page = store.list_complaints(&f).await.unwrap();
            for c in &page.items {
                let key = (c.record.received_at, c.id);
                assert!(last.is_none_or(|l| key < l), "{q}: newest first");
                last = Some(key);
                assert!(seen.insert(c.id), "{q}: each complaint once");
                assert!(
                    q.split(' ')
                        .all(|w| c.record.description.to_lowercase().contains(w)),
                    "{q}: only matches"
                );
            }
            match page.next {
                Some(n) => after = Some(n),
                None => break,
            }
        }
        assert_eq!(seen.len(), expected, "{q}: every match");
    }
}

/// Every page of a search, in order: the external ids.
async fn all_pages(store: &Store, q: &str, limit: u32, oldest_first: bool) -> Vec<String> {
    let (mut out, mut after) = (Vec::new(), None);
    loop {
        let f = ComplaintFilter {
            q: Some(q.into()),
            after,
            limit,
            oldest_first,
            ..Default::default()
        };
        let page = store.list_complaints(&f).await.unwrap();
        out.extend(
            page.items
                .iter()
                .map(|c| c.record.external_id.as_ref().unwrap().to_string()),
        );
        match page.next {
            Some(n) => after = Some(n),
            None => return out,
        }
    }
}

#[tokio::test]
async fn words_common_among_the_newest_or_only_among_the_oldest_page_alike() {
    let store = Store::open(&StoreOptions::new(fresh_database_url().await))
        .await
        .unwrap();
    let now = Timestamp::now();
    let customer = CustomerDraft {
        name: Some("Pat Example".into()),
        ..Default::default()
    }
    .validate(2026)
    .unwrap();
    let customer = store
        .create_customer(
            &customer,
            now,
            tend_domain::customers::consent::ConsentVia::Api,
        )
        .await
        .unwrap()
        .id;
    // 3,000 complaints, stored in an order unlike their received order (slot = i·7 mod 5000
    // minutes): "seasonal" only in the oldest, "midway" around the 2,000th newest, "refund" in all.
    let slot = |i: i64| i * 7 % 5000;
    let text = |i: i64| {
        let mut t = format!("Refund {i}");
        if slot(i) < 300 {
            t.push_str(" seasonal");
        }
        if (1900..2100).contains(&(5000 - slot(i))) || (2500..2700).contains(&slot(i)) {
            t.push_str(" midway");
        }
        t
    };
    let records: Vec<_> = (0..3000).map(|i| record(customer, i, text(i))).collect();
    store
        .import_complaints(&records, &Actor::system("test"), now)
        .await
        .unwrap();
    for (q, limit) in [
        ("refund", 50),
        ("seasonal", 7),
        ("midway", 9),
        ("season refund", 200),
    ] {
        let w: Vec<String> = q.split(' ').map(str::to_owned).collect();
        let mut want: Vec<i64> = (0..3000)
            .filter(|&i| {
                w.iter().all(|w| {
                    text(i)
                        .to_lowercase()
                        .split(' ')
                        .any(|t| t.starts_with(w.as_str()))
                })
            })
            .collect();
        want.sort_by_key(|&i| std::cmp::Reverse((slot(i), i)));
        let want: Vec<String> = want.iter().map(i64::to_string).collect();
        assert!(!want.is_empty(), "{q}");
        assert_eq!(
            all_pages(&store, q, limit, false).await,
            want,
            "{q}: newest first"
        );
        let mut oldest = want.clone();
        oldest.reverse();
        assert_eq!(
            all_pages(&store, q, limit, true).await,
            oldest,
            "{q}: oldest first"
        );
    }
}
