//! The two-step complaint form's deflection, on the engine the environment selects
//! (`TEND_TEST_DATABASE_URL` for PostgreSQL): the "sent" event stored in the complaint's
//! transaction (a refused complaint leaves none) and the deflection figures per article
//! against hand-computed values.

use jiff::Timestamp;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord};
use tend_domain::customers::CustomerDraft;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::help::{Body, Status, Title, Visibility};
use tend_domain::kernel::ids::{CategoryId, CustomerId};
use tend_store::testing::{count, fresh_database_url};
use tend_store::{
    Actor, ArticleSettings, Complaint, DeflectionCounts, PublicHit, SentVisit, Store, StoreOptions,
    StoreResult, TranslationInput,
};

fn now() -> Timestamp {
    "2026-03-06T15:30:00Z".parse().unwrap()
}

async fn article(s: &Store, vis: Visibility, texts: &[(&'static str, &str, &str, Status)]) -> i64 {
    let settings = ArticleSettings {
        visibility: vis,
        category_id: None,
        product_id: None,
    };
    let a = s
        .create_article(&settings, texts[0].0, now())
        .await
        .unwrap();
    for (lang, title, body, status) in texts {
        let t = TranslationInput {
            lang,
            title: Title::parse(title).unwrap(),
            body: Body::parse(body).unwrap(),
            status: *status,
        };
        s.save_translation(a.id, &t, None, now()).await.unwrap();
    }
    a.id
}

/// Two public articles in English: their ids.
async fn articles(s: &Store) -> [i64; 2] {
    let p = Status::Published;
    [
        article(
            s,
            Visibility::Public,
            &[("en", "Refunds", "Keep the receipt.", p)],
        )
        .await,
        article(
            s,
            Visibility::Public,
            &[("en", "Damaged parcel", "Take photos.", p)],
        )
        .await,
    ]
}

fn record(category: Option<i64>) -> ComplaintRecord {
    let draft = ComplaintDraft {
        customer_id: Some(CustomerId(0)),
        channel: Some("phone".into()),
        description: Some("The parcel arrived damaged.".into()),
        category_id: category.map(CategoryId),
        ..Default::default()
    };
    ComplaintRecord::received(draft.validate(now()).unwrap(), "web")
}

/// A complaint from a new customer sent by visit `flow` at `at`.
async fn send(
    s: &Store,
    flow: &str,
    category: Option<i64>,
    at: Timestamp,
) -> StoreResult<Complaint> {
    let person = CustomerDraft {
        name: Some("Ana Díaz".into()),
        email: Some(format!("{flow}@example.com")),
        ..Default::default()
    }
    .validate(2026)
    .unwrap();
    let visit = SentVisit {
        flow: flow.into(),
        lang: "en".into(),
    };
    let new = Some((person, ConsentVia::PublicForm));
    s.create_complaint_after_visit(
        record(category),
        new,
        visit,
        Actor::system("web"),
        at,
        |_, _| Vec::new(),
    )
    .await
}

fn hit(id: i64) -> PublicHit {
    PublicHit {
        article_id: id,
        category_id: None,
        lang: "en".into(),
        title: String::new(),
    }
}

#[tokio::test]
async fn help_sent_event_is_part_of_the_complaints_transaction() {
    let url = fresh_database_url().await;
    let s = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let [a, ..] = articles(&s).await;
    s.record_shown("visit-1", "en", &[hit(a)], now())
        .await
        .unwrap();
    let customers = count(&url, "customers").await;
    // A complaint refused (its category does not exist) leaves no event, no link, no customer.
    assert!(send(&s, "visit-1", Some(999_999), now()).await.is_err());
    assert_eq!(
        count(&url, "help_deflections WHERE event = 'sent'").await,
        0
    );
    assert_eq!(count(&url, "help_links").await, 0);
    assert_eq!(count(&url, "customers").await, customers);
    let c = send(&s, "visit-1", None, now()).await.unwrap();
    assert_eq!(
        count(&url, "help_deflections WHERE event = 'sent'").await,
        1
    );
    let linked = s.complaint_articles(c.id).await.unwrap();
    assert_eq!(linked.iter().map(|l| l.article_id).collect::<Vec<_>>(), [a]);
    assert_eq!(linked[0].linked_by, None);
    // A visit shown nothing (a forged token) records nothing.
    send(&s, "forged", None, now()).await.unwrap();
    assert_eq!(
        count(&url, "help_deflections WHERE event = 'sent'").await,
        1
    );
}

#[tokio::test]
async fn help_deflection_figures_per_article_match_hand_counts() {
    let url = fresh_database_url().await;
    let s = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let [a, b, ..] = articles(&s).await;
    let t = now();
    // f1: shown A and B, A solved it, nothing sent. f2: shown A, sent. f3: shown B, said B
    // solved it, then sent anyway (counts as sent). f4: shown A, left.
    s.record_shown("f1", "en", &[hit(a), hit(b)], t)
        .await
        .unwrap();
    assert!(s.record_solved("f1", "en", &hit(a), t).await.unwrap());
    s.record_shown("f2", "en", &[hit(a)], t).await.unwrap();
    send(&s, "f2", None, t).await.unwrap();
    s.record_shown("f3", "en", &[hit(b)], t).await.unwrap();
    assert!(s.record_solved("f3", "en", &hit(b), t).await.unwrap());
    send(&s, "f3", None, t).await.unwrap();
    s.record_shown("f4", "en", &[hit(a)], t).await.unwrap();
    // By hand: overall shown 4 visits, sent 2 (f2, f3), deflected 1 (f1).
    let all = s.deflection_counts().await.unwrap();
    let counts = |shown, deflected, sent| DeflectionCounts {
        shown,
        deflected,
        sent,
    };
    assert_eq!(all, counts(4, 1, 2));
    let per = s.article_deflections(None, None).await.unwrap();
    let of = |id: i64| per.iter().find(|d| d.article_id == id).unwrap().counts;
    // A: shown to f1, f2, f4; deflected by f1; sent by f2 → rate 1/2, n = 2.
    assert_eq!(of(a), counts(3, 1, 1));
    // B: shown to f1, f3; f3 said it solved it but sent: sent 1, deflected 0 → rate 0, n = 1.
    assert_eq!(of(b), counts(2, 0, 1));
    assert_eq!(tend_domain::help::deflection_rate(1, 1), Some(0.5));
    // A window after every event counts nothing.
    let later = t + jiff::SignedDuration::from_hours(1);
    assert_eq!(
        s.deflection_counts_in(Some(later), None).await.unwrap(),
        counts(0, 0, 0)
    );
    assert!(
        s.article_deflections(Some(later), None)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        s.deflection_counts_in(None, Some(later)).await.unwrap(),
        all
    );
}
