//! Mail taken into a complaint, on the engine the environment selects: the complaint (or the
//! message joining one), the Message-ID taken and the message's log entry are one transaction.
//! A failure inside it leaves nothing; a Message-ID taken refuses the second delivery, alone or
//! in a group-committed batch, however many arrive at once; a change the message makes (the end
//! of a wait on the customer) is in its transaction too.

use futures_util::future::join_all;
use jiff::Timestamp;
use tend_domain::DomainError;
use tend_domain::channels::service_hours::ServiceHours;
use tend_domain::complaints::lifecycle::{Action, apply_with};
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord};
use tend_domain::conversations::{MessageKind, Via};
use tend_domain::customers::CustomerDraft;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::CustomerId;
use tend_domain::kernel::reason::NOT_WAITING;
use tend_store::testing::fresh_database_url;
use tend_store::{
    Actor, ChangeFn, Complaint, ComplaintFilter, Entry, InboundMail, NewMessage, Rider, Store,
    StoreError, StoreOptions, StoreResult, Taking,
};

fn now() -> Timestamp {
    "2026-03-06T15:30:00Z".parse().unwrap()
}

async fn store() -> Store {
    let url = fresh_database_url().await;
    Store::open(&StoreOptions::new(&url)).await.unwrap()
}

fn log(message_id: &str, outcome: &'static str) -> InboundMail {
    InboundMail {
        received_at: now(),
        envelope_from: "ana@example.com".into(),
        sender: Some("ana@example.com".into()),
        message_id: Some(message_id.into()),
        subject: Some("Cracked jar".into()),
        raw: b"Subject: Cracked jar\r\n\r\nIt arrived cracked.\r\n".to_vec(),
        outcome,
        why: None,
        complaint_id: None,
        auth: Default::default(),
        held_reason: None,
    }
}

/// A new complaint by mail from a new customer, riding `log` with its Message-ID.
async fn take(s: &Store, log: InboundMail) -> StoreResult<Complaint> {
    let draft = ComplaintDraft {
        customer_id: Some(CustomerId(0)),
        channel: Some("email".into()),
        description: Some("It arrived cracked.".into()),
        ..Default::default()
    };
    let record = ComplaintRecord::received(draft.validate(now()).unwrap(), "email");
    let person = CustomerDraft {
        name: Some("Ana".into()),
        email: Some("ana@example.com".into()),
        ..Default::default()
    };
    let new = Some((person.validate(2026).unwrap(), ConsentVia::Api));
    let rider = Rider::Mail(Box::new(Taking {
        message_id: log.message_id.clone(),
        log: Some(log),
        attachments: Vec::new(),
    }));
    let actor = Actor::system("customer");
    s.create_complaint_riding(record, new, rider, actor, now(), |_, _| Vec::new())
        .await
}

async fn complaints(s: &Store) -> usize {
    let all = ComplaintFilter {
        limit: 100,
        ..Default::default()
    };
    s.list_complaints(&all).await.unwrap().items.len()
}

async fn customers(s: &Store) -> usize {
    s.list_customers(None, None, 100).await.unwrap().items.len()
}

fn duplicate<T: std::fmt::Debug>(r: &StoreResult<T>) -> bool {
    matches!(
        r,
        Err(StoreError::Conflict {
            field: "message_id",
            ..
        })
    )
}

#[tokio::test]
async fn a_failure_after_the_complaint_leaves_no_complaint_and_no_taken_id() {
    let s = store().await;
    // The log entry is refused (an outcome the schema does not know) after the complaint and
    // the Message-ID were written in the same transaction: neither stays.
    let broken = take(&s, log("<m1@example.com>", "lost")).await;
    assert!(matches!(broken, Err(StoreError::Database(_))), "{broken:?}");
    assert_eq!((complaints(&s).await, customers(&s).await), (0, 0));
    let taken = s.complaint_for_inbound_id("<m1@example.com>").await;
    assert_eq!(taken.unwrap(), None);
    assert!(s.inbound_mail().await.unwrap().is_empty());

    // Delivered again, it is taken once; then always a duplicate, storing nothing.
    let c = take(&s, log("<m1@example.com>", "created")).await.unwrap();
    let again = take(&s, log("<m1@example.com>", "created")).await;
    assert!(duplicate(&again), "{again:?}");
    assert_eq!((complaints(&s).await, customers(&s).await), (1, 1));
    let taken = s.complaint_for_inbound_id("<m1@example.com>").await;
    assert_eq!(taken.unwrap(), Some(c.id));
    let logged = s.inbound_mail().await.unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!(
        (logged[0].0.as_str(), logged[0].1),
        ("created", Some(c.id.0))
    );
}

#[tokio::test]
async fn one_message_delivered_many_times_at_once_is_taken_once() {
    let s = store().await;
    let all = join_all((0..8).map(|_| take(&s, log("<burst@example.com>", "created")))).await;
    let stored: Vec<&Complaint> = all.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(stored.len(), 1, "{all:?}");
    assert!(all.iter().filter(|r| r.is_err()).all(duplicate));
    assert_eq!((complaints(&s).await, customers(&s).await), (1, 1));
    assert_eq!(s.inbound_mail().await.unwrap().len(), 1);

    // A reply joining it, delivered at once many times: one message, one log entry.
    let id = stored[0].id;
    let replies = join_all((0..6).map(|_| {
        let message = NewMessage {
            kind: MessageKind::Customer,
            via: Via::Email,
            body: "Here is the photo.".into(),
            message_id: Some("<r1@example.com>".into()),
            attachments: Vec::new(),
        };
        let taking = Taking {
            message_id: message.message_id.clone(),
            log: Some(log("<r1@example.com>", "threaded")),
            attachments: Vec::new(),
        };
        let s = s.clone();
        async move {
            let actor = Actor::system("customer");
            s.add_message_taking(id, &actor, message, Some(taking), None, now(), |_| {
                Vec::new()
            })
            .await
        }
    }))
    .await;
    assert_eq!(
        replies.iter().filter(|r| r.is_ok()).count(),
        1,
        "{replies:?}"
    );
    // The others: the Message-ID taken, or (PostgreSQL, read before the first committed) the
    // complaint changed meanwhile — the caller's cue to try again, and then a duplicate.
    let changed = |r: &&StoreResult<_>| {
        matches!(
            r,
            Err(StoreError::Conflict {
                field: "version",
                ..
            })
        )
    };
    assert!(
        replies
            .iter()
            .filter(|r| r.is_err())
            .all(|r| duplicate(r) || changed(&r))
    );
    assert_eq!(s.conversation(id, false).await.unwrap().len(), 1);
    let logged = s.inbound_mail().await.unwrap();
    let outcomes: Vec<(&str, Option<i64>)> =
        logged.iter().map(|(o, c, _)| (o.as_str(), *c)).collect();
    assert_eq!(
        outcomes,
        [("created", Some(id.0)), ("threaded", Some(id.0))]
    );
}

/// The customer's answer by mail ending a wait on them (`then`) is one transaction with the
/// message: a failure of the message's log entry, or a refusal of the change, leaves the
/// complaint waiting with no message; once stored, the timeline has the message, then the end
/// of the wait, at one instant.
#[tokio::test]
async fn a_change_made_with_a_message_stands_or_falls_with_it() {
    let s = store().await;
    let id = take(&s, log("<m1@example.com>", "created"))
        .await
        .unwrap()
        .id;
    let hours = ServiceHours::always("UTC").unwrap();
    let agent = Actor::system("tests");
    let wait = Action::WaitForCustomer {
        reason: "Which model is it?".into(),
    };
    let h = hours.clone();
    s.change_complaint(id, None, &agent, "wait_for_customer", now(), move |r| {
        apply_with(r, wait, now(), &h)
    })
    .await
    .unwrap();
    let later = now() + jiff::SignedDuration::from_mins(90);
    let answer = |outcome: &'static str, then: Option<Entry<'static>>| {
        let message = NewMessage {
            kind: MessageKind::Customer,
            via: Via::Email,
            body: "Model K-2.".into(),
            message_id: Some("<a1@example.com>".into()),
            attachments: Vec::new(),
        };
        let taking = Taking {
            message_id: message.message_id.clone(),
            log: Some(log("<a1@example.com>", outcome)),
            attachments: Vec::new(),
        };
        let (s, actor) = (s.clone(), Actor::system("customer"));
        async move {
            s.add_message_taking(id, &actor, message, Some(taking), then, later, |_| {
                Vec::new()
            })
            .await
        }
    };
    // As the app makes it: a complaint not waiting (any more) is left as it is.
    let ends_wait = |hours: ServiceHours| {
        let replied = Action::CustomerReplied { note: None };
        let change: ChangeFn<'static> = Box::new(move |r| match r.waiting {
            Some(_) => apply_with(r, replied, later, &hours),
            None => Ok(()),
        });
        Some(Entry::Change("customer_replied", change))
    };
    let untouched = |s: Store| async move {
        let c = s.complaint(id).await.unwrap();
        assert!(c.record.waiting.is_some(), "still waiting");
        assert!(s.conversation(id, false).await.unwrap().is_empty());
        assert_eq!(
            s.complaint_for_inbound_id("<a1@example.com>")
                .await
                .unwrap(),
            None
        );
        c.version
    };
    let version = untouched(s.clone()).await;

    // The log entry is refused by the schema, after the message and before the commit.
    let broken = answer("lost", ends_wait(hours.clone())).await;
    assert!(matches!(broken, Err(StoreError::Database(_))), "{broken:?}");
    assert_eq!(untouched(s.clone()).await, version);
    // The change refuses: nothing of the message stays either.
    let refuses: ChangeFn<'static> = Box::new(|_| {
        Err(DomainError::Transition {
            action: "customer_replied",
            field: "action",
            reason: NOT_WAITING.into(),
        })
    });
    let refused = answer("threaded", Some(Entry::Change("customer_replied", refuses))).await;
    assert!(refused.is_err(), "{refused:?}");
    assert_eq!(untouched(s.clone()).await, version);

    let taken = answer("threaded", ends_wait(hours.clone())).await;
    assert!(taken.is_ok(), "{taken:?}");
    // Delivered again: a duplicate, the wait's end not written twice.
    let again = answer("threaded", ends_wait(hours)).await;
    assert!(duplicate(&again), "{again:?}");
    let after = s.complaint(id).await.unwrap();
    assert!(after.record.waiting.is_none());
    assert_eq!(after.record.paused_minutes, 90);
    assert_eq!(after.version, version + 2, "the message and the wait's end");
    let timeline = s.timeline(id).await.unwrap();
    let mut tail: Vec<(&str, &str)> = (timeline.iter())
        .filter(|e| e.at == later)
        .map(|e| (e.action.as_str(), e.actor.as_str()))
        .collect();
    tail.dedup();
    assert_eq!(
        tail,
        [
            ("message_added", "customer"),
            ("customer_replied", "customer")
        ]
    );
}
