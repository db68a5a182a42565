//! Service goals' use cases: creating a goal and changing it (each change a new version), and
//! where a goal stands — its closed periods frozen first (each computed once, on read, under
//! the version in force when it ended), then its open window measured live, with the status
//! rule of `tend_domain::goals::status`. Periods use the company's time zone
//! (`company_settings.time_zone`, UTC when unset or unknown).

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use tend_domain::goals::period::{self, Window};
use tend_domain::goals::status::status;
use tend_domain::goals::{Goal, GoalDraft, Status};
use tend_domain::kernel::ids::EmployeeId;
use tend_store::{FrozenResult, Measured, StoreError, StoreResult, StoredGoal};

use crate::AppState;

/// The company's time zone: the `time_zone` setting, or UTC.
pub async fn time_zone(s: &AppState) -> StoreResult<TimeZone> {
    let name = s.store.company_setting("time_zone").await?;
    Ok(name
        .and_then(|n| TimeZone::get(n.trim()).ok())
        .unwrap_or(TimeZone::UTC))
}

/// Validates `draft` and stores it as a new goal saved by `by`; returns the goal.
pub async fn create(s: &AppState, draft: &GoalDraft, by: EmployeeId) -> StoreResult<StoredGoal> {
    let g = draft.validate()?;
    let id = s.store.create_goal(&g, by, s.clock.now()).await?;
    s.store.goal(id).await
}

/// Validates `draft` (the current version with the changes merged in) and appends it as goal
/// `id`'s next version; returns the goal.
pub async fn change(
    s: &AppState,
    id: i64,
    draft: &GoalDraft,
    by: EmployeeId,
) -> StoreResult<StoredGoal> {
    s.store.goal(id).await?;
    let g = draft.validate()?;
    s.store.change_goal(id, &g, by, s.clock.now()).await?;
    s.store.goal(id).await
}

/// Where a goal stands now: its open window measured live (value, tally, status), the
/// version in force, and its closed periods' frozen results, oldest first.
#[derive(Debug, Clone)]
pub struct Standing {
    pub goal: StoredGoal,
    pub window: Window,
    pub measured: Measured,
    pub value: Option<f64>,
    pub status: Status,
    pub history: Vec<FrozenResult>,
}

impl Standing {
    /// The version in force.
    pub fn current(&self) -> &Goal {
        &self.goal.current().goal
    }
}

/// Freezes every settled calendar period of `goal` not frozen yet (each measured under the
/// version in force when it ended, as of now) and returns all frozen results, oldest first.
/// A rolling goal's history is its calendar periods of the same length.
pub async fn settle(
    s: &AppState,
    goal: &StoredGoal,
    tz: &TimeZone,
) -> StoreResult<Vec<FrozenResult>> {
    let now = s.clock.now();
    let frozen = s.store.goal_results(goal.id).await?;
    let mut added = false;
    let g = &goal.current().goal;
    let lag = g.measure.settle_days(g.days);
    for w in period::settled(g.length, goal.created_at, lag, now, tz) {
        let key = w.first_day.to_string();
        if frozen.iter().any(|f| f.period_start == key) {
            continue;
        }
        let version = goal.at(w.end);
        let m = s.store.measure(&version.goal, &w, now).await?;
        let value = m.value();
        let r = FrozenResult {
            goal_id: goal.id,
            period_start: key,
            label: w.label.clone(),
            window_start: w.start,
            window_end: w.end,
            version: version.version,
            tally: m.tally,
            value,
            target: version.goal.target(),
            status: status(value, version.goal.target(), version.goal.direction, true),
            frozen_at: now,
        };
        s.store.freeze_goal_result(&r).await?;
        added = true;
    }
    if added {
        return s.store.goal_results(goal.id).await;
    }
    Ok(frozen)
}

/// Where `goal` stands now (its settled periods frozen first).
pub async fn standing(s: &AppState, goal: StoredGoal, tz: &TimeZone) -> StoreResult<Standing> {
    let history = settle(s, &goal, tz).await?;
    let now = s.clock.now();
    let g = goal.current().goal.clone();
    let window = period::current(g.length, g.rolling, now, tz);
    let measured = s.store.measure(&g, &window, now).await?;
    let value = measured.value();
    Ok(Standing {
        status: status(value, g.target(), g.direction, false),
        goal,
        window,
        measured,
        value,
        history,
    })
}

/// Every goal's standing, oldest goal first.
pub async fn standings(s: &AppState) -> StoreResult<Vec<Standing>> {
    let tz = time_zone(s).await?;
    let mut out = Vec::new();
    for g in s.store.goals().await? {
        out.push(standing(s, g, &tz).await?);
    }
    Ok(out)
}

/// Goal `id`'s standing.
pub async fn standing_of(s: &AppState, id: i64) -> StoreResult<Standing> {
    let tz = time_zone(s).await?;
    let goal = s.store.goal(id).await?;
    standing(s, goal, &tz).await
}

/// The records behind goal `id`'s number for the calendar period starting `period` (its first
/// local day), or for the open window when `None`: measured now, under the version in force.
pub async fn records(
    s: &AppState,
    id: i64,
    period_start: Option<Date>,
) -> StoreResult<(Window, Measured)> {
    let tz = time_zone(s).await?;
    let goal = s.store.goal(id).await?;
    let g = &goal.current().goal;
    let now: Timestamp = s.clock.now();
    let w = match period_start {
        None => period::current(g.length, g.rolling, now, &tz),
        Some(d) if g.length.start_of(d) == d => period::calendar(g.length, d, &tz),
        Some(_) => {
            let r = tend_domain::kernel::reason::GOAL_PERIOD_START
                .with("got", period_start.expect("some"));
            return Err(StoreError::field("period", r));
        }
    };
    let m = s.store.measure(g, &w, now).await?;
    Ok((w, m))
}

/// The API address of the records behind goal `id`'s number for window `w`: a figure's values
/// for the figure measures, else the goal's records for that period (the open window for a
/// rolling goal).
pub fn records_link(id: i64, g: &Goal, w: &Window) -> String {
    match (g.measure.takes().2, g.figure_id) {
        (true, Some(f)) => format!(
            "/api/v1/figures/{f}/values?from={}&to={}",
            w.first_day, w.end_day
        ),
        _ if g.rolling => format!("/api/v1/goals/{id}/records"),
        _ => format!("/api/v1/goals/{id}/records?period={}", w.first_day),
    }
}
