//! The typed job `reports_roll_up`: recounts the local days marked since it last ran, one day
//! per transaction, so reports read them from `report_days` (docs/reports.md "Roll-ups").
//! Queued once by every worker as it starts (one job, by its key), run again every [`EVERY`],
//! or at once while days are still marked after [`BUDGET`]. Reports never wait for it: a
//! marked day is counted from its complaints, so it only decides how fast they are.

use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use tend_store::{Handled, Job, JobError, Members, Store, StoreResult};

use crate::AppState;
use crate::jobs::{JobKind, Worker, enqueue, job_error};

/// How often the marks are looked at.
pub const EVERY: SignedDuration = SignedDuration::from_secs(60);

/// How long one run recounts before it yields to other jobs (and queues itself at once).
pub const BUDGET: Duration = Duration::from_secs(20);

/// How far back a day's window may end and the day still be kept by the hour too
/// (`report_hours`): today and yesterday, the days steady intake keeps marked.
pub const RECENT: SignedDuration = SignedDuration::from_hours(48);

/// The roll-up's payload: nothing (there is one roll-up).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RollUpDue {}

/// Keeps `report_days` up to date. Key: `reports_roll_up`.
pub struct ReportRollUp;

impl JobKind for ReportRollUp {
    const KIND: &'static str = "reports_roll_up";
    type Payload = RollUpDue;

    fn dedupe_key(_: &RollUpDue) -> String {
        Self::KIND.to_owned()
    }

    async fn run(w: &Worker, _: &Job, _: RollUpDue) -> Result<Handled, JobError> {
        let now = w.state.clock.now();
        let (more, days) = roll_up(&w.state.store, BUDGET, now, now - RECENT)
            .await
            .map_err(job_error)?;
        if days > 0 {
            tracing::debug!(days, more, "report days recounted");
        }
        Ok(Handled::Defer(if more { now } else { now + EVERY }))
    }
}

/// Brings the segments' roll-up up to date with their members at `now` ([`sync_segments`]),
/// then recounts marked days until none is left or `budget` is spent, keeping by the hour too
/// the days whose window ends after `recent_from`; returns whether some are still marked, and
/// how many steps were taken.
pub async fn roll_up(
    store: &Store,
    budget: Duration,
    now: Timestamp,
    recent_from: Timestamp,
) -> StoreResult<(bool, usize)> {
    let started = Instant::now();
    sync_segments(store, now).await?;
    let (zone, tz) = super::company_zone(store).await?;
    let mut steps = 0;
    loop {
        if !store
            .report_roll_up_step(&zone, &tz, recent_from, super::tally::stored)
            .await?
        {
            return Ok((false, steps));
        }
        steps += 1;
        if started.elapsed() >= budget {
            return Ok((true, steps));
        }
    }
}

/// Gives every segment in force whose rule reads only the customers' records (no purchase or
/// complaint window, [`Rule::windowed`](tend_domain::segments::Rule::windowed)) its own
/// tallies, counted for its members at `now`: when they changed, the complaints of those who
/// came in or left are marked for recounting; any other segment's tallies are dropped
/// (docs/reports.md "Segments"). Returns how many segments' members changed.
pub async fn sync_segments(store: &Store, now: Timestamp) -> StoreResult<usize> {
    let segments: Vec<(i64, Members)> = store
        .segments(false)
        .await?
        .into_iter()
        .map(|s| (s.id, s.current().segment.rule.clone()))
        .filter(|(_, rule)| !rule.windowed())
        .map(|(id, rule)| (id, Members::new(rule, now)))
        .collect();
    store.report_segments_sync(&segments).await
}

/// Queues the roll-up to run now unless it is queued already.
pub async fn schedule(s: &AppState) -> StoreResult<()> {
    let now = s.clock.now();
    enqueue::<ReportRollUp>(&s.store, &RollUpDue::default(), now, now).await?;
    Ok(())
}
