//! Intake of a complaint that brings a new customer, on the engine the environment selects:
//! the customer is stored in the complaint's transaction, so a refused complaint (alone or in
//! a group-committed batch) leaves no customer behind, and a refused customer no complaint.

use std::ops::Range;

use futures_util::future::join_all;
use jiff::Timestamp;
use tend_domain::DomainError;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord};
use tend_domain::customers::{Customer, CustomerDraft};
use tend_domain::kernel::ids::{CategoryId, CustomerId};
use tend_store::testing::fresh_database_url;
use tend_store::{Actor, Complaint, ComplaintFilter, Store, StoreError, StoreOptions, StoreResult};

fn now() -> Timestamp {
    "2026-03-06T15:30:00Z".parse().unwrap()
}

async fn store() -> Store {
    let url = fresh_database_url().await;
    Store::open(&StoreOptions::new(&url)).await.unwrap()
}

fn person(name: &str, external_ref: Option<&str>) -> Customer {
    let draft = CustomerDraft {
        name: Some(name.into()),
        external_ref: external_ref.map(Into::into),
        ..Default::default()
    };
    draft.validate(2026).unwrap()
}

/// A phone complaint from `customer` (a stand-in id when a new customer comes with it).
fn record(
    customer: CustomerId,
    category: Option<i64>,
    external_id: Option<&str>,
) -> ComplaintRecord {
    let draft = ComplaintDraft {
        customer_id: Some(customer),
        channel: Some("phone".into()),
        description: Some("The jar arrived cracked.".into()),
        category_id: category.map(CategoryId),
        external_id: external_id.map(Into::into),
        ..Default::default()
    };
    ComplaintRecord::received(draft.validate(now()).unwrap(), "api")
}

async fn take(s: &Store, r: ComplaintRecord, new: Option<Customer>) -> StoreResult<Complaint> {
    let actor = Actor::system("test");
    let new = new.map(|c| (c, tend_domain::customers::consent::ConsentVia::Api));
    s.create_complaint_with_customer(r, new, actor, now(), |_, _| Vec::new())
        .await
}

async fn customers(s: &Store) -> Vec<String> {
    let page = s.list_customers(None, None, 1000).await.unwrap();
    page.items
        .iter()
        .map(|c| c.customer.name.to_string())
        .collect()
}

fn refused_field(r: &StoreResult<Complaint>, field: &str) -> bool {
    match r {
        Err(StoreError::Domain(DomainError::Invalid(e))) => e.iter().any(|(f, _)| f == field),
        Err(StoreError::Conflict { field: f, .. }) => *f == field,
        _ => false,
    }
}

#[tokio::test]
async fn a_refused_complaint_takes_its_new_customer_back() {
    let s = store().await;
    let refused = take(
        &s,
        record(CustomerId(0), Some(999_999), None),
        Some(person("Jane Doe", None)),
    )
    .await;
    assert!(refused_field(&refused, "category_id"), "{refused:?}");
    assert!(
        customers(&s).await.is_empty(),
        "no customer without their complaint"
    );

    let c = take(
        &s,
        record(CustomerId(0), None, Some("mail-1")),
        Some(person("Jane Doe", None)),
    )
    .await;
    let c = c.unwrap();
    assert_eq!(customers(&s).await, ["Jane Doe"]);
    let stored = s.customer(c.record.customer_id).await.unwrap();
    assert_eq!(stored.customer.name.to_string(), "Jane Doe");
    assert_eq!(
        s.complaint(c.id).await.unwrap().record.customer_id,
        stored.id
    );

    // The same source id again: a duplicate, and its customer goes with it.
    let again = take(
        &s,
        record(CustomerId(0), None, Some("mail-1")),
        Some(person("John Doe", None)),
    )
    .await;
    assert!(refused_field(&again, "external_id"), "{again:?}");
    assert_eq!(customers(&s).await, ["Jane Doe"]);

    // A customer refused stores no complaint.
    let ext = take(
        &s,
        record(CustomerId(0), None, None),
        Some(person("Ext", Some("K-1"))),
    )
    .await;
    ext.unwrap();
    let clash = take(
        &s,
        record(CustomerId(0), None, Some("mail-2")),
        Some(person("Clash", Some("K-1"))),
    )
    .await;
    assert!(refused_field(&clash, "external_ref"), "{clash:?}");
    assert_eq!(customers(&s).await.len(), 2);
    let all = ComplaintFilter {
        limit: 10,
        ..Default::default()
    };
    assert_eq!(s.list_complaints(&all).await.unwrap().items.len(), 2);
}

/// Takes intakes `range` at once, so the writer commits them in a batch or two: every third
/// refused (an unknown category), every fifth from the stored customer `known`, the others
/// each with a new customer `New {i}`, the ones in `clashing` all with one `external_ref` (the
/// first is stored). Checks each answer; returns the names of the new customers stored.
async fn round(s: &Store, known: CustomerId, range: Range<i64>, clashing: &[i64]) -> Vec<String> {
    let intakes = range.map(|i| {
        let category = (i % 3 == 0).then_some(999_999);
        let (r, new) = if i % 5 == 0 {
            (record(known, category, None), None)
        } else {
            let ext = clashing.contains(&i).then_some("same-ref");
            let new = person(&format!("New {i}"), ext);
            (record(CustomerId(0), category, None), Some(new))
        };
        async move { (i, take(s, r, new).await) }
    });
    let mut kept = Vec::new();
    for (i, result) in join_all(intakes).await {
        let clashed = clashing.iter().skip(1).any(|&c| c == i);
        match result {
            Ok(c) if i % 3 != 0 && !clashed => {
                let who = s.customer(c.record.customer_id).await.unwrap();
                let name = who.customer.name.to_string();
                if i % 5 == 0 {
                    assert_eq!(name, "Known", "complaint {i}");
                } else {
                    assert_eq!(name, format!("New {i}"), "complaint {i}");
                    kept.push(name);
                }
            }
            Err(_) if i % 3 == 0 => assert!(refused_field(&result, "category_id"), "{i}"),
            Err(_) if clashed => assert!(refused_field(&result, "external_ref"), "{result:?}"),
            other => panic!("intake {i}: {other:?}"),
        }
    }
    kept
}

#[tokio::test]
async fn a_batch_keeps_each_new_customer_with_their_own_complaint() {
    let s = store().await;
    let known = s
        .create_customer(
            &person("Known", None),
            now(),
            tend_domain::customers::consent::ConsentVia::Api,
        )
        .await;
    let known = known.unwrap().id;
    let mut expected = vec!["Known".to_owned()];
    // Refused complaints among stored ones in one transaction.
    expected.extend(round(&s, known, 0..60, &[]).await);
    // A refused customer fails its batch's transaction: each intake is then stored alone.
    expected.extend(round(&s, known, 60..70, &[61, 62]).await);
    let mut stored = customers(&s).await;
    stored.sort();
    expected.sort();
    assert_eq!(
        stored, expected,
        "exactly the customers of stored complaints"
    );
}
