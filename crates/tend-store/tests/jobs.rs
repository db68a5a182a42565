//! The job queue on the engine the environment selects: enqueue, claim, complete, retries with
//! backoff, dead jobs, expired leases, deduplication, and exactly-once completion under two
//! concurrent workers. Time is moved by hand; nothing sleeps.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use jiff::{SignedDuration, Timestamp};
use serde_json::json;
use tend_domain::kernel::clock::ManualClock;
use tend_store::testing::fresh_database_url;
use tend_store::{DEFAULT_MAX_ATTEMPTS, Job, JobCounts, JobId, RunOutcome, Store, StoreError};
use tend_store::{Handled, JobError, StoreOptions, backoff, run_due};

/// Seconds after a fixed instant.
fn t(secs: i64) -> Timestamp {
    let t0: Timestamp = "2026-03-06T15:30:00Z".parse().unwrap();
    t0 + SignedDuration::from_secs(secs)
}

const LEASE: SignedDuration = SignedDuration::from_secs(60);

async fn open(url: &str) -> Store {
    Store::open(&StoreOptions::new(url)).await.unwrap()
}

async fn fresh() -> Store {
    open(&fresh_database_url().await).await
}

async fn enqueue(store: &Store, kind: &str, n: i64, run_at: Timestamp) -> JobId {
    let payload = json!({ "complaint": n, "to": "ana@example.com" });
    let id = store.enqueue(kind, &payload, run_at, None, t(0)).await;
    id.unwrap().expect("no dedupe key, so always stored")
}

fn ids(jobs: &[Job]) -> Vec<JobId> {
    jobs.iter().map(|j| j.id).collect()
}

#[tokio::test]
async fn enqueue_claim_complete_round_trip() {
    let store = fresh().await;
    let payload = json!({ "complaint": 7, "template": "follow_up", "tags": ["a", "b"] });
    let id = store.enqueue("follow_up_email", &payload, t(10), None, t(0));
    let id = id.await.unwrap().unwrap();
    let later = enqueue(&store, "sla_warning", 2, t(3600)).await;
    assert_eq!(store.pending_jobs().await.unwrap(), 2);

    // Not due yet: nothing to claim.
    assert!(
        store
            .claim("w1", &[], 10, LEASE, t(9))
            .await
            .unwrap()
            .is_empty()
    );

    let jobs = store.claim("w1", &[], 10, LEASE, t(10)).await.unwrap();
    assert_eq!(jobs.len(), 1, "only the due job");
    let job = &jobs[0];
    assert_eq!((job.id, job.kind.as_str()), (id, "follow_up_email"));
    assert_eq!(
        (job.payload.clone(), job.attempts, job.run_at),
        (payload, 0, t(10))
    );
    // Leased: another worker finds nothing, even with the job due.
    assert!(
        store
            .claim("w2", &[], 10, LEASE, t(20))
            .await
            .unwrap()
            .is_empty()
    );
    let counts = store.job_counts(t(20)).await.unwrap();
    assert_eq!((counts.waiting, counts.leased), (1, 1));

    assert!(
        !store.complete(id, "w2", t(21)).await.unwrap(),
        "not w2's job"
    );
    assert!(store.complete(id, "w1", t(21)).await.unwrap());
    assert!(
        !store.complete(id, "w1", t(22)).await.unwrap(),
        "done already"
    );
    assert_eq!(store.pending_jobs().await.unwrap(), 1);
    // A completed job is never claimed again, even long after its lease.
    let jobs = store.claim("w1", &[], 10, LEASE, t(3600)).await.unwrap();
    assert_eq!(ids(&jobs), [later]);
    let expected = JobCounts {
        waiting: 0,
        leased: 1,
        completed: 1,
        dead: 0,
    };
    assert_eq!(store.job_counts(t(3600)).await.unwrap(), expected);
}

#[tokio::test]
async fn claims_take_due_jobs_oldest_first_and_filter_by_kind() {
    let store = fresh().await;
    let c = enqueue(&store, "mail", 3, t(30)).await;
    let a = enqueue(&store, "mail", 1, t(10)).await;
    let b = enqueue(&store, "sla", 2, t(20)).await;
    let d = enqueue(&store, "mail", 4, t(20)).await;
    let jobs = store.claim("w", &["sla"], 10, LEASE, t(100)).await.unwrap();
    assert_eq!(ids(&jobs), [b]);
    let jobs = store.claim("w", &["mail", "other"], 2, LEASE, t(100));
    assert_eq!(ids(&jobs.await.unwrap()), [a, d], "limit 2, by run_at");
    assert_eq!(
        ids(&store.claim("w", &[], 0, LEASE, t(100)).await.unwrap()),
        []
    );
    assert_eq!(
        ids(&store.claim("w", &[], 5, LEASE, t(100)).await.unwrap()),
        [c]
    );
    let refused = store.claim("w", &[], 5, SignedDuration::ZERO, t(100)).await;
    assert!(
        matches!(refused, Err(StoreError::Domain(_))),
        "a lease must be positive"
    );
}

#[tokio::test]
async fn a_dedupe_key_makes_the_second_enqueue_a_no_op() {
    let store = fresh().await;
    let key = Some("sla_warning:complaint:42:due:2026-03-07");
    let (one, two, three) = (json!({"n": 1}), json!({"n": 2}), json!({"n": 3}));
    let first = store.enqueue("sla_warning", &one, t(5), key, t(0)).await;
    assert!(first.unwrap().is_some());
    let second = store.enqueue("sla_warning", &two, t(9), key, t(1)).await;
    assert_eq!(second.unwrap(), None);
    // Still a no-op once the first is done: the key names an event, which happened once.
    let jobs = store.claim("w", &[], 10, LEASE, t(5)).await.unwrap();
    assert_eq!(jobs[0].payload, one);
    assert!(store.complete(jobs[0].id, "w", t(6)).await.unwrap());
    let third = store.enqueue("sla_warning", &three, t(9), key, t(7)).await;
    assert_eq!(third.unwrap(), None);
    // Other keys are unaffected.
    let other = store
        .enqueue("sla_warning", &three, t(9), Some("other"), t(7))
        .await;
    assert!(other.unwrap().is_some());
    assert_eq!(store.pending_jobs().await.unwrap(), 1);
}

#[tokio::test]
async fn a_failed_job_is_retried_after_its_backoff_then_dies() {
    let store = fresh().await;
    let id = enqueue(&store, "mail", 1, t(0)).await;
    let mut now = t(0);
    for attempt in 1..DEFAULT_MAX_ATTEMPTS {
        let jobs = store.claim("w", &[], 10, LEASE, now).await.unwrap();
        assert_eq!(ids(&jobs), [id], "attempt {attempt}");
        assert_eq!((jobs[0].attempts, jobs[0].run_at), (attempt - 1, now));
        let error = "smtp: 451 try later";
        store.fail(id, "w", error, now).await.unwrap();
        let wait = backoff(attempt);
        let just_before = now + wait - SignedDuration::from_micros(1);
        assert!(
            store
                .claim("w", &[], 10, LEASE, just_before)
                .await
                .unwrap()
                .is_empty()
        );
        now += wait;
    }
    // The last attempt fails too: the job is dead, its error kept, and never claimed again.
    let jobs = store.claim("w", &[], 10, LEASE, now).await.unwrap();
    assert_eq!(jobs[0].attempts, DEFAULT_MAX_ATTEMPTS - 1);
    store
        .fail(id, "w", "smtp: 550 no such user", now)
        .await
        .unwrap();
    let far = now + SignedDuration::from_hours(48);
    assert!(
        store
            .claim("w", &[], 10, LEASE, far)
            .await
            .unwrap()
            .is_empty()
    );
    let (error, dead) = store.job_error(id).await.unwrap().unwrap();
    assert_eq!(
        (error.as_deref(), dead),
        (Some("smtp: 550 no such user"), true)
    );
    assert_eq!(store.pending_jobs().await.unwrap(), 0);
    assert_eq!(store.job_counts(far).await.unwrap().dead, 1);
    // Failing a job one does not hold is a conflict and changes nothing.
    let refused = store.fail(id, "w", "again", far).await;
    assert!(matches!(
        refused,
        Err(StoreError::Conflict { field: "lease", .. })
    ));
}

#[test]
fn backoff_doubles_from_30_seconds_up_to_an_hour() {
    let secs: Vec<i64> = (1..=9).map(|n| backoff(n).as_secs()).collect();
    assert_eq!(secs, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    assert_eq!(backoff(1_000_000).as_secs(), 3600);
}

#[tokio::test]
async fn an_expired_lease_passes_the_job_to_another_worker() {
    let store = fresh().await;
    let id = enqueue(&store, "mail", 1, t(0)).await;
    assert_eq!(
        ids(&store.claim("old", &[], 1, LEASE, t(0)).await.unwrap()),
        [id]
    );
    // Until the lease runs out nobody else gets it; from then on another worker does.
    let before = t(0) + LEASE - SignedDuration::from_micros(1);
    assert!(
        store
            .claim("new", &[], 1, LEASE, before)
            .await
            .unwrap()
            .is_empty()
    );
    let jobs = store
        .claim("new", &[], 1, LEASE, t(0) + LEASE)
        .await
        .unwrap();
    assert_eq!((ids(&jobs), jobs[0].attempts), (vec![id], 0));
    // The old worker wakes up: its result no longer counts.
    assert!(!store.complete(id, "old", t(61)).await.unwrap());
    let refused = store.fail(id, "old", "late", t(61)).await;
    assert!(matches!(refused, Err(StoreError::Conflict { .. })));
    assert!(store.complete(id, "new", t(62)).await.unwrap());
    assert_eq!(store.job_error(id).await.unwrap(), Some((None, false)));
}

#[tokio::test]
async fn run_due_completes_fails_and_reports() {
    let store = fresh().await;
    let clock = ManualClock::new(t(0));
    for n in 0..5 {
        enqueue(&store, "mail", n, t(0)).await;
    }
    let handler = |job: Job| async move {
        match job.payload["complaint"].as_i64() {
            Some(n) if n % 2 == 0 => Ok(Handled::Done),
            _ => Err(JobError::Retry("odd complaint".to_owned())),
        }
    };
    let outcome = run_due(&store, "w", &[], 10, LEASE, &clock, handler).await;
    let expected = RunOutcome {
        completed: 3,
        deferred: 0,
        failed: 2,
        lost: 0,
    };
    assert_eq!(outcome.unwrap(), expected);
    let again = run_due(&store, "w", &[], 10, LEASE, &clock, handler).await;
    assert_eq!(
        again.unwrap().claimed(),
        0,
        "the failures wait for their backoff"
    );
    clock.advance(backoff(1));
    let retried = run_due(&store, "w", &[], 10, LEASE, &clock, handler).await;
    assert_eq!(retried.unwrap().failed, 2);
}

/// Completes every due job in batches of 10 as `worker`, counting completions per job.
async fn drain(store: Store, worker: &'static str, seen: Arc<Mutex<HashMap<JobId, u32>>>) -> u32 {
    let mut completed = 0;
    loop {
        let jobs = store.claim(worker, &[], 10, LEASE, t(1)).await.unwrap();
        if jobs.is_empty() {
            return completed;
        }
        for job in jobs {
            *seen.lock().unwrap().entry(job.id).or_default() += 1;
            assert!(store.complete(job.id, worker, t(2)).await.unwrap());
            completed += 1;
        }
    }
}

async fn enqueue_many(store: &Store, n: i64) -> Vec<JobId> {
    let mut all = Vec::new();
    for i in 0..n {
        all.push(enqueue(store, "mail", i, t(0)).await);
    }
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_complete_every_job_exactly_once() {
    const JOBS: i64 = 500;
    let url = fresh_database_url().await;
    let (a, b) = (open(&url).await, open(&url).await);
    let all = enqueue_many(&a, JOBS).await;
    let seen = Arc::new(Mutex::new(HashMap::new()));
    let started = Instant::now();
    let one = tokio::spawn(drain(a.clone(), "worker-a", seen.clone()));
    let two = tokio::spawn(drain(b.clone(), "worker-b", seen.clone()));
    let (one, two) = (one.await.unwrap(), two.await.unwrap());
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "{:?}: two workers completed {JOBS} jobs in {elapsed:.2} s ({:.0} jobs/s; a {one}, b {two})",
        a.engine(),
        JOBS as f64 / elapsed
    );
    assert_eq!(a.pending_jobs().await.unwrap(), 0);
    let seen = seen.lock().unwrap();
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "completed more than once: {twice:?}");
    let missing: Vec<_> = all.iter().filter(|id| !seen.contains_key(id)).collect();
    assert!(missing.is_empty(), "never completed: {missing:?}");
    assert_eq!((seen.len(), one + two), (JOBS as usize, JOBS as u32));
}

/// Throughput of one worker (batches of 10, one commit per completion); printed, not asserted.
#[tokio::test]
async fn one_worker_rate() {
    const JOBS: i64 = 500;
    let store = fresh().await;
    enqueue_many(&store, JOBS).await;
    let seen = Arc::new(Mutex::new(HashMap::new()));
    let started = Instant::now();
    let done = drain(store.clone(), "solo", seen).await;
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "{:?}: one worker completed {done} jobs in {elapsed:.2} s ({:.0} jobs/s)",
        store.engine(),
        f64::from(done) / elapsed
    );
    assert_eq!(done, JOBS as u32);
}

#[tokio::test]
async fn deferred_jobs_wait_without_an_attempt_unless_nudged() {
    let store = fresh().await;
    let clock = ManualClock::new(t(0));
    let id = store
        .enqueue("mail", &json!({}), t(0), Some("event-1"), t(0))
        .await
        .unwrap()
        .unwrap();
    let later = |_: Job| async move { Ok(Handled::Defer(t(3600))) };
    let outcome = run_due(&store, "w", &[], 10, LEASE, &clock, later)
        .await
        .unwrap();
    assert_eq!((outcome.deferred, outcome.claimed()), (1, 1));
    assert_eq!(
        store.pending_job_at("event-1").await.unwrap(),
        Some(t(3600))
    );
    let jobs = store.claim("w", &[], 10, LEASE, t(10)).await.unwrap();
    assert!(jobs.is_empty(), "a deferred job waits for its new time");

    // Something changed: the job comes forward to now, and no attempt was counted.
    assert_eq!(
        store.nudge(&["event-1".to_owned()], t(20)).await.unwrap(),
        1
    );
    let jobs = store.claim("w", &[], 10, LEASE, t(20)).await.unwrap();
    assert_eq!((ids(&jobs), jobs[0].attempts), (vec![id], 0));
    // A nudge while the handler runs wins over the handler's deferral.
    store.nudge(&["event-1".to_owned()], t(21)).await.unwrap();
    store.defer(id, "w", t(9999)).await.unwrap();
    assert_eq!(store.pending_job_at("event-1").await.unwrap(), Some(t(20)));
    // Without a nudge the deferral holds.
    let jobs = store.claim("w", &[], 10, LEASE, t(22)).await.unwrap();
    store.defer(jobs[0].id, "w", t(9999)).await.unwrap();
    assert_eq!(
        store.pending_job_at("event-1").await.unwrap(),
        Some(t(9999))
    );
    assert!(matches!(
        store.defer(id, "w", t(1)).await,
        Err(StoreError::Conflict { .. })
    ));
}

#[tokio::test]
async fn a_job_given_up_on_is_dead_at_once() {
    let store = fresh().await;
    let clock = ManualClock::new(t(0));
    let id = enqueue(&store, "mail", 1, t(0)).await;
    let refuse = |_: Job| async move { Err(JobError::GiveUp("550 no such user".to_owned())) };
    let outcome = run_due(&store, "w", &[], 10, LEASE, &clock, refuse)
        .await
        .unwrap();
    assert_eq!(outcome.failed, 1);
    assert_eq!(
        store.job_error(id).await.unwrap(),
        Some((Some("550 no such user".to_owned()), true))
    );
    assert_eq!(store.job_counts(t(1)).await.unwrap().dead, 1);
}

#[tokio::test]
async fn rearm_stores_brings_forward_and_reopens() {
    let store = fresh().await;
    let key = "sla:7";
    store
        .rearm("sla", &json!({"complaint": 7}), key, t(100), t(0))
        .await
        .unwrap();
    assert_eq!(store.pending_job_at(key).await.unwrap(), Some(t(100)));
    // A later time does not push a waiting job back; an earlier one brings it forward.
    store
        .rearm("sla", &json!({"complaint": 7}), key, t(500), t(1))
        .await
        .unwrap();
    assert_eq!(store.pending_job_at(key).await.unwrap(), Some(t(100)));
    store
        .rearm("sla", &json!({"complaint": 7}), key, t(50), t(2))
        .await
        .unwrap();
    assert_eq!(store.pending_job_at(key).await.unwrap(), Some(t(50)));
    // Finished: re-opened at the new time.
    let jobs = store.claim("w", &[], 10, LEASE, t(60)).await.unwrap();
    assert!(store.complete(jobs[0].id, "w", t(61)).await.unwrap());
    assert_eq!(store.pending_job_at(key).await.unwrap(), None);
    store
        .rearm("sla", &json!({"complaint": 7}), key, t(70), t(70))
        .await
        .unwrap();
    assert_eq!(store.pending_job_at(key).await.unwrap(), Some(t(70)));
    // Re-armed while it runs: completing it releases it to run again instead.
    let jobs = store.claim("w", &[], 10, LEASE, t(70)).await.unwrap();
    store
        .rearm("sla", &json!({"complaint": 7}), key, t(80), t(80))
        .await
        .unwrap();
    assert!(store.complete(jobs[0].id, "w", t(81)).await.unwrap());
    assert_eq!(store.pending_job_at(key).await.unwrap(), Some(t(70)));
    assert_eq!(store.job_counts(t(90)).await.unwrap().waiting, 1);
}
