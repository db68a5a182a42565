//! The store's story end to end on the engine the environment selects (SQLite, or PostgreSQL
//! when `TEND_TEST_DATABASE_URL` is set): intake, the method and its timeline, search, paging,
//! filters, imports and tokens. Each test starts from a fresh database.

use std::collections::HashSet;

use jiff::{SignedDuration, Timestamp};
use sqlx::Connection;
use tend_domain::DomainError;
use tend_domain::complaints::lifecycle::{Action, apply};
use tend_domain::complaints::timeline::diff;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord, Status};
use tend_domain::customers::CustomerDraft;
use tend_domain::kernel::ids::{ComplaintId, CustomerId};
use tend_domain::kernel::text::{Email, Name, Tier};
use tend_domain::staff::{Employee, Role};
use tend_store::testing::fresh_database_url;
use tend_store::{Actor, Complaint, ComplaintFilter, Engine, Entry};
use tend_store::{Store, StoreError, StoreOptions, StoreResult};

/// Minutes after a fixed instant; whole seconds survive the microsecond encoding unchanged.
fn t(minutes: i64) -> Timestamp {
    let t0: Timestamp = "2026-03-06T15:30:00Z".parse().unwrap();
    t0 + SignedDuration::from_mins(minutes)
}

fn name(s: &str) -> Name {
    Name::parse(s).unwrap()
}

/// An action as an API client sends it.
fn action(json: &str) -> Action {
    serde_json::from_str(json).unwrap()
}

const UNDERSTAND: &str = r#"{"action": "understand", "facts": "Jar cracked on arrival."}"#;
const RESOLVE: &str = r#"{"action": "resolve", "corrective_action": "Sent a new jar",
    "compensation": {"kind": "refund", "amount": "10.00", "currency": "EUR"}}"#;

fn record(customer: CustomerId, minute: i64, description: &str) -> ComplaintRecord {
    let draft = ComplaintDraft {
        customer_id: Some(customer),
        channel: Some("phone".into()),
        description: Some(description.into()),
        received_at: Some(t(minute)),
        ..Default::default()
    };
    ComplaintRecord::received(draft.validate(t(minute)).unwrap(), "api")
}

/// A filter for pages of 10, narrowed by `set`.
fn filter(set: impl FnOnce(&mut ComplaintFilter)) -> ComplaintFilter {
    let mut f = ComplaintFilter {
        limit: 10,
        ..Default::default()
    };
    set(&mut f);
    f
}

type Changed = StoreResult<Complaint>;

struct World {
    url: String,
    store: Store,
    agent: Employee,
    actor: Actor,
    customer: CustomerId,
}

impl World {
    async fn new() -> World {
        let url = fresh_database_url().await;
        let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
        let (email, ana) = (Email::parse("ana@example.com").unwrap(), name("Ana"));
        let (role, tier) = (Role::Agent, Tier::FRONT_LINE);
        let agent = store.create_employee(&email, &ana, role, None, tier, "-", t(0));
        let agent = agent.await.unwrap();
        let actor = Actor::employee(agent.id, &agent.name);
        let customer = CustomerId(0);
        let mut w = World {
            url,
            store,
            agent,
            actor,
            customer,
        };
        w.customer = w.add_customer("Zeynep Quixotic").await;
        w
    }

    async fn add_customer(&self, name: &str) -> CustomerId {
        let name = Some(name.into());
        let c = CustomerDraft {
            name,
            ..Default::default()
        };
        let c = c.validate(2026).unwrap();
        self.store
            .create_customer(&c, t(0), tend_domain::customers::consent::ConsentVia::Api)
            .await
            .unwrap()
            .id
    }

    async fn add(&self, r: ComplaintRecord) -> Complaint {
        let actor = self.actor.clone();
        self.store.create_complaint(r, actor, t(500)).await.unwrap()
    }

    /// Applies the action (JSON) to `c` at `minute`, checking `c`'s version if `v` is given.
    async fn act(&self, c: &Complaint, v: Option<i64>, json: &str, minute: i64) -> Changed {
        let (a, at, by) = (action(json), t(minute), &self.actor);
        let name = a.name();
        let change = move |r: &mut ComplaintRecord| apply(r, a, at);
        self.store
            .change_complaint(c.id, v, by, name, at, change)
            .await
    }

    async fn search(&self, q: &str) -> Vec<ComplaintId> {
        self.all(filter(|f| f.q = Some(q.into()))).await
    }

    /// Every complaint the filter matches, page by page, checking newest-received-first order.
    async fn all(&self, mut f: ComplaintFilter) -> Vec<ComplaintId> {
        let (mut seen, mut last) = (Vec::new(), None);
        loop {
            let page = self.store.list_complaints(&f).await.unwrap();
            assert!(page.items.len() <= f.limit as usize);
            for c in &page.items {
                let key = (c.record.received_at, c.id);
                assert!(last.is_none_or(|l| key < l), "{key:?} after {last:?}");
                last = Some(key);
                seen.push(c.id);
            }
            match page.next {
                Some(cursor) => f.after = Some(cursor),
                None => return seen,
            }
        }
    }
}

#[tokio::test]
async fn the_method_walks_a_complaint_to_closed_with_a_full_timeline() {
    let (w, mut expected) = (World::new().await, Vec::new());
    let created = w.add(record(w.customer, 0, "Blender jar cracked.")).await;
    assert_eq!(created.reference, format!("C-2026-{:06}", created.id.0));
    assert_eq!(w.store.complaint(created.id).await.unwrap(), created);
    let walk = [
        UNDERSTAND,
        r#"{"action":"identify_cause","root_cause":"Bad batch","responsible_party":"vendor"}"#,
        r#"{"action":"agree_solution","agreed_solution":"Refund","solution_mode":"on_the_spot"}"#,
        RESOLVE,
        r#"{"action":"follow_up","outcome":"satisfied","satisfaction_rating":5}"#,
        r#"{"action":"close"}"#,
    ];
    let statuses = "understood cause_identified solution_agreed resolved resolved closed";
    let statuses = statuses.split(' ');
    let mut c = created.clone();
    for ((json, status), minute) in walk.into_iter().zip(statuses).zip(1..) {
        let next = w.act(&c, Some(c.version), json, minute).await.unwrap();
        let name = action(json).name();
        assert_eq!(next.record.status.as_str(), status, "{name}");
        assert_eq!(next.version, c.version + 1, "{name}");
        assert_eq!(w.store.complaint(c.id).await.unwrap(), next, "{name}");
        for d in diff(&c.record.snapshot(), &next.record.snapshot()) {
            let field = Some(d.field.to_owned());
            expected.push((name.to_owned(), field, d.old, d.new, t(minute)));
        }
        c = next;
    }
    assert_eq!((c.version, c.record.closing.map(|x| x.at)), (7, Some(t(6))));
    let money = c
        .record
        .resolution
        .compensation
        .and_then(|c| c.money)
        .unwrap();
    assert_eq!(money.to_string(), "10.00 EUR");

    let timeline = w.store.timeline(c.id).await.unwrap();
    for e in &timeline {
        let who = (e.complaint_id, e.actor_id, e.actor.as_str());
        assert_eq!(who, (c.id, Some(w.agent.id), "Ana"));
    }
    let (first, rest) = timeline.split_first().unwrap();
    let first = (first.action.as_str(), first.new_value.as_ref());
    assert_eq!(first, ("created", Some(&created.reference)));
    let got = rest.iter().map(|e| {
        let (old, new) = (e.old_value.clone(), e.new_value.clone());
        (e.action.clone(), e.field.clone(), old, new, e.at)
    });
    assert_eq!(got.collect::<Vec<_>>(), expected);
    let changed = |action: &str, field: &str| {
        let e = rest
            .iter()
            .find(|e| (e.action.as_str(), e.field.as_deref()) == (action, Some(field)));
        e.map(|e| (e.old_value.as_deref(), e.new_value.as_deref()))
    };
    let status = (Some("received"), Some("understood"));
    assert_eq!(changed("understand", "status"), Some(status));
    let amount = (None, Some("10.00 EUR"));
    assert_eq!(changed("resolve", "compensation.amount"), Some(amount));
}

#[tokio::test]
async fn a_refused_step_changes_nothing() {
    let w = World::new().await;
    let c = w.add(record(w.customer, 0, "Kettle leaks.")).await;
    let stored = async || {
        let now = w.store.complaint(c.id).await.unwrap();
        (now, w.store.timeline(c.id).await.unwrap())
    };
    let before = stored().await;
    let refused = w.act(&c, None, RESOLVE, 5).await.unwrap_err();
    let StoreError::Domain(DomainError::Transition { action, field, .. }) = refused else {
        panic!("resolve from received: {refused:?}")
    };
    assert_eq!((action, field), ("resolve", "agreed_solution"));
    let stale = w.act(&c, Some(0), UNDERSTAND, 6).await.unwrap_err();
    let StoreError::Conflict { field, .. } = stale else {
        panic!("{stale:?}")
    };
    assert_eq!(field, "version");
    let after = stored().await;
    assert_eq!((after.0.version, after.1.len()), (1, 1));
    assert_eq!(after, before);
}

#[tokio::test]
async fn changes_and_steps_of_one_form_are_stored_together_or_not_at_all() {
    let w = World::new().await;
    let c = w.add(record(w.customer, 0, "Blender jar cracked.")).await;
    let all = |json: [&'static str; 2], step: &'static str| {
        let at = t(7);
        let [a, b] = json.map(action);
        vec![
            Entry::Change(
                a.name(),
                Box::new(move |r: &mut ComplaintRecord| apply(r, a, at)),
            ),
            Entry::Step(step.to_owned()),
            Entry::Change(
                b.name(),
                Box::new(move |r: &mut ComplaintRecord| apply(r, b, at)),
            ),
        ]
    };
    let before = w.store.timeline(c.id).await.unwrap();
    // The second change is refused: neither the first, nor the step, is stored.
    let refused = w
        .store
        .change_complaint_all(
            c.id,
            None,
            &w.actor,
            t(7),
            all([UNDERSTAND, RESOLVE], "Called back"),
        )
        .await
        .unwrap_err();
    assert!(matches!(refused, StoreError::Domain(_)), "{refused:?}");
    let now = w.store.complaint(c.id).await.unwrap();
    assert_eq!(
        (now.version, now.record.status),
        (c.version, Status::Received)
    );
    assert_eq!(w.store.timeline(c.id).await.unwrap(), before);
    assert!(w.store.steps(c.id).await.unwrap().is_empty());
    // Both allowed: one transaction, the version up by one per change and step, the timeline
    // in order — as three calls would have left it.
    let identify =
        r#"{"action": "identify_cause", "root_cause": "Batch", "responsible_party": "vendor"}"#;
    let done = w
        .store
        .change_complaint_all(
            c.id,
            Some(c.version),
            &w.actor,
            t(7),
            all([UNDERSTAND, identify], "Called back"),
        )
        .await
        .unwrap();
    assert_eq!(done.version, c.version + 3);
    assert_eq!(done.record.status, Status::CauseIdentified);
    let actions: Vec<String> = w.store.timeline(c.id).await.unwrap()[before.len()..]
        .iter()
        .map(|e| e.action.clone())
        .collect();
    let first_step = actions.iter().position(|a| a == "step_added").unwrap();
    assert!(
        actions[..first_step].iter().all(|a| a == "understand"),
        "{actions:?}"
    );
    assert!(
        actions[first_step + 1..]
            .iter()
            .all(|a| a == "identify_cause"),
        "{actions:?}"
    );
    assert_eq!(w.store.steps(c.id).await.unwrap().len(), 1);
    assert_eq!(w.store.complaint(c.id).await.unwrap().version, done.version);
}

#[tokio::test]
async fn the_timeline_is_append_only_even_for_raw_sql() {
    let w = World::new().await;
    let c = w.add(record(w.customer, 0, "Toaster sparks.")).await;
    w.act(&c, None, UNDERSTAND, 1).await.unwrap();
    let before = w.store.timeline(c.id).await.unwrap();
    assert_eq!(before.len(), 4, "created; status, facts, first_response_at");
    let mut raw = sqlx::AnyConnection::connect(&w.url).await.unwrap();
    let mut refused = vec![
        "UPDATE complaint_events SET actor = 'mallory'",
        "UPDATE complaint_events SET new_value = NULL WHERE field = 'status'",
        "DELETE FROM complaint_events",
        "DELETE FROM complaint_events WHERE action = 'created'",
    ];
    if w.store.engine() == Engine::Postgres {
        refused.push("TRUNCATE complaint_events");
    }
    for sql in refused {
        let err = sqlx::query(sql).execute(&mut raw).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    raw.close().await.unwrap();
    assert_eq!(w.store.timeline(c.id).await.unwrap(), before);
}

#[tokio::test]
async fn the_steps_taken_are_append_only_even_for_raw_sql() {
    let w = World::new().await;
    let c = w.add(record(w.customer, 0, "Kettle leaks.")).await;
    w.store
        .add_step(c.id, &w.actor, "Called the customer back.", t(501))
        .await
        .unwrap();
    let before = w.store.steps(c.id).await.unwrap();
    let mut raw = sqlx::AnyConnection::connect(&w.url).await.unwrap();
    let mut refused = vec![
        "UPDATE complaint_steps SET text = 'nothing happened'",
        "UPDATE complaint_steps SET at = 0",
        "DELETE FROM complaint_steps",
    ];
    if w.store.engine() == Engine::Postgres {
        refused.push("TRUNCATE complaint_steps");
    }
    for sql in refused {
        let err = sqlx::query(sql).execute(&mut raw).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    raw.close().await.unwrap();
    assert_eq!(w.store.steps(c.id).await.unwrap(), before);
    // Appending still works.
    w.store
        .add_step(c.id, &w.actor, "Sent a new kettle.", t(502))
        .await
        .unwrap();
    assert_eq!(w.store.steps(c.id).await.unwrap().len(), 2);
}

#[tokio::test]
async fn the_audit_log_is_written_with_the_change_and_append_only() {
    let w = World::new().await;
    w.store
        .create_token(w.agent.id, Some("laptop"), t(0), &w.actor)
        .await
        .unwrap();
    let n = w
        .store
        .revoke_tokens(w.agent.id, None, t(10), &w.actor)
        .await
        .unwrap();
    assert_eq!(n, 1, "the laptop token");
    let tier = Tier::new(2).unwrap();
    w.store
        .set_employee_role(w.agent.id, Role::Manager, tier, t(11), &w.actor)
        .await
        .unwrap();
    // A change refused (no such employee) writes no audit row.
    let ghost = tend_domain::kernel::ids::EmployeeId(999_999);
    let refused = w.store.set_employee_active(ghost, false, t(12), &w.actor);
    assert!(matches!(refused.await, Err(StoreError::NotFound(_))));
    let log = w.store.audit_log(10, None).await.unwrap();
    let got: Vec<_> = log
        .iter()
        .map(|e| (e.action.as_str(), e.detail.as_str(), e.at))
        .collect();
    assert_eq!(
        got,
        vec![
            ("role_changed", "manager tier 2", t(11)),
            ("tokens_revoked", "label=* n=1", t(10)),
            ("token_created", "laptop", t(0)),
        ]
    );
    assert!(log.iter().all(|e| e.actor_id == w.actor.id));
    let before = w.store.audit_log(10, None).await.unwrap();
    let mut raw = sqlx::AnyConnection::connect(&w.url).await.unwrap();
    let mut refused = vec![
        "UPDATE staff_audit SET actor = 'mallory'",
        "DELETE FROM staff_audit",
    ];
    if w.store.engine() == Engine::Postgres {
        refused.push("TRUNCATE staff_audit");
    }
    for sql in refused {
        let err = sqlx::query(sql).execute(&mut raw).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    raw.close().await.unwrap();
    assert_eq!(w.store.audit_log(10, None).await.unwrap(), before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_intake_stores_each_complaint_once_and_fails_only_the_bad_one() {
    let w = World::new().await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..=200 {
        let (store, actor) = (w.store.clone(), w.actor.clone());
        let customer = [w.customer, CustomerId(w.customer.0 + 999)][usize::from(i == 100)];
        let r = record(customer, i, &format!("Complaint {i}"));
        tasks.spawn(async move { (i, store.create_complaint(r, actor, t(300)).await) });
    }
    let mut ids = HashSet::new();
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap() {
            (100, Err(StoreError::Domain(DomainError::Invalid(e)))) => {
                assert!(e.iter().any(|(f, _)| f == "customer_id"), "{e}")
            }
            (100, other) => panic!("a missing customer was accepted: {other:?}"),
            (i, r) => {
                let c = r.unwrap_or_else(|e| panic!("complaint {i}: {e}"));
                assert_eq!(c.record.description, format!("Complaint {i}"));
                assert!(ids.insert(c.id), "id {} given twice", c.id);
            }
        }
    }
    assert_eq!(ids.len(), 200);
    let stored = w.all(filter(|_| ())).await;
    assert_eq!(stored.into_iter().collect::<HashSet<_>>(), ids);
}

#[tokio::test]
async fn search_finds_descriptions_steps_and_customer_names_by_prefix() {
    let w = World::new().await;
    let bob = w.add_customer("Bob Plain").await;
    let blender = w
        .add(record(w.customer, 1, "A blender with a cracked jar."))
        .await;
    let invoice = w
        .add(record(bob, 2, "Invoice shows a xylophone fee."))
        .await;
    let parcel = w.add(record(bob, 3, "Courier left the parcel out.")).await;
    let (blender, invoice, parcel) = (blender.id, invoice.id, parcel.id);

    assert_eq!(w.search("blend").await, [blender], "prefix");
    assert_eq!(w.search("CRACKED Blend").await, [blender], "all words");
    assert!(w.search("blender xylophone").await.is_empty());
    assert_eq!(w.search("quixotic").await, [blender], "customer name");
    assert_eq!(w.search("plain").await, [parcel, invoice], "newest first");
    assert!(w.search("marmalade").await.is_empty());
    let text = "Offered a marmalade voucher";
    let step = w.store.add_step(parcel, &w.actor, text, t(20)).await;
    assert_eq!(w.search("marmal").await, [parcel], "steps, once added");
    let steps = w.store.steps(parcel).await.unwrap();
    let by = Some(w.agent.id);
    assert_eq!(steps, [(step.unwrap(), t(20), by, text.to_owned())]);
    assert_eq!(w.store.complaint(parcel).await.unwrap().version, 2);
}

#[tokio::test]
async fn keyset_pages_visit_everything_once_and_filters_narrow() {
    let w = World::new().await;
    let (s, other) = (&w.store, w.add_customer("Other Person").await);
    let kitchen = s.create_category(&name("Kitchen"), None, t(0)).await;
    let kitchen = kitchen.unwrap().id;
    let blenders = name("Blenders");
    let blenders = s.create_category(&blenders, Some(kitchen), t(0)).await;
    let blenders = blenders.unwrap().id;
    let path = [name("Logistics"), name("Couriers")];
    let couriers = s.ensure_category_path(&path, t(0)).await.unwrap();
    let logistics = s.ensure_category_path(&path[..1], t(0)).await.unwrap();

    // Received a minute apart, stored in a shuffled order so ids do not follow received_at.
    let mut ids = [ComplaintId(0); 25];
    for i in (0..25).map(|k| k * 7 % 25) {
        let mut r = record([w.customer, other][i % 2], i as i64, "Item");
        r.category_id = [Some(blenders), Some(kitchen), couriers][i % 3];
        let c = w.add(r).await;
        if i % 4 == 0 {
            w.act(&c, None, UNDERSTAND, 600).await.unwrap();
        }
        if i % 5 == 0 {
            let to = w.agent.id;
            let up = format!(r#"{{"action": "escalate", "reason": "Angry", "to": {to}}}"#);
            w.act(&c, None, &up, 601).await.unwrap();
        }
        ids[i] = c.id;
    }
    let want = |keep: fn(usize) -> bool| {
        let ids = (0..25).rev().filter(move |&i| keep(i)).map(move |i| ids[i]);
        ids.collect::<Vec<_>>()
    };
    assert_eq!(w.all(filter(|_| ())).await, want(|_| true), "all, once");
    let first = s.list_complaints(&filter(|_| ())).await.unwrap();
    let first = (first.items.len(), first.next.map(|c| c.id));
    assert_eq!(first, (10, Some(ids[15].0)));

    let check = async |f: ComplaintFilter, keep: fn(usize) -> bool| {
        let label = format!("{f:?}");
        assert_eq!(w.all(f).await, want(keep), "{label}");
    };
    let (kitchen, blenders) = (Some(kitchen), Some(blenders));
    let (understood, received) = (Some(Status::Understood), Some(Status::Received));
    check(filter(|f| f.status = understood), |i| i % 4 == 0).await;
    check(filter(|f| f.status = received), |i| i % 4 != 0).await;
    check(filter(|f| f.customer_id = Some(other)), |i| i % 2 == 1).await;
    check(filter(|f| f.category_id = kitchen), |i| i % 3 != 2).await;
    check(filter(|f| f.category_id = blenders), |i| i % 3 == 0).await;
    check(filter(|f| f.category_id = logistics), |i| i % 3 == 2).await;
    check(filter(|f| f.escalated = Some(true)), |i| i % 5 == 0).await;
    check(filter(|f| f.escalated = Some(false)), |i| i % 5 != 0).await;
    let both = filter(|f| (f.customer_id, f.escalated) = (Some(other), Some(true)));
    check(both, |i| i % 2 == 1 && i % 5 == 0).await;
}

#[tokio::test]
async fn importing_the_same_records_twice_stores_them_once() {
    let w = World::new().await;
    let imported = |n: i64| {
        let mut r = record(w.customer, n, &format!("Imported complaint {n}"));
        r.source = "import:cfpb".into();
        r.external_id = Some(format!("cfpb-{n}"));
        r
    };
    let (import, at) = (Actor::system("import"), t(10));
    let run = async |range: std::ops::RangeInclusive<i64>| {
        let batch: Vec<_> = range.map(imported).collect();
        let out = w
            .store
            .import_complaints(&batch, &import, at)
            .await
            .unwrap();
        (out.inserted, out.already_present)
    };
    assert_eq!(run(1..=3).await, (3, 0));
    assert_eq!(run(1..=3).await, (0, 3), "all present the second time");
    assert_eq!(run(2..=4).await, (1, 2));
    let again = w.store.create_complaint(imported(1), import.clone(), at);
    let Err(StoreError::Conflict { field, .. }) = again.await else {
        panic!("a duplicate external_id was stored")
    };
    assert_eq!(field, "external_id");

    let stored = w.all(filter(|_| ())).await;
    assert_eq!(stored.len(), 4);
    let c = w.store.complaint(stored[3]).await.unwrap();
    let origin = (c.record.source.as_str(), c.record.external_id.as_deref());
    assert_eq!(origin, ("import:cfpb", Some("cfpb-1")));
}

#[tokio::test]
async fn tokens_authenticate_their_employee_and_nothing_else() {
    let w = World::new().await;
    let token = w
        .store
        .create_token(w.agent.id, Some("laptop"), t(0), &w.actor)
        .await;
    let token = token.unwrap();
    let who = w.store.authenticate(&token).await.unwrap();
    let who = (who.id, who.name.as_str(), who.role);
    assert_eq!(who, (w.agent.id, "Ana", Role::Agent));
    for unknown in ["tend_unknown", "", &format!("{token}x")] {
        let refused = w.store.authenticate(unknown).await;
        assert!(matches!(refused, Err(StoreError::NotFound(_))));
    }
}
