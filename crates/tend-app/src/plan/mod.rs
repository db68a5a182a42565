//! The whole plan as of a date (the plan page): the vision statement in force that day, the
//! focus problems (the managers' adoption in force by the end of that day, else the top of the
//! problems ranking over the three months before it), every
//! goal's standing for the period holding that day, the policy version in effect, the
//! coverage of the mandatory introduction and the last quotient round by then.
//!
//! "As of `day`" means: saved or submitted before the end of `day` in the company's time zone
//! (`goals::time_zone`). A goal's period holding `day` is its frozen closed period containing
//! the end of `day` when there is one; else (the open window, or a period not frozen yet) the
//! period holding `day` measured as of the end of `day` (or now, for today and later days)
//! under the version in force then — events after that instant are not counted, so a past day
//! inside the open period shows what the goal stood at that evening.

use std::collections::BTreeSet;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use tend_domain::goals::Status;
use tend_domain::goals::period::{self, Window, midnight};
use tend_domain::goals::status::status;
use tend_domain::problems::DEFAULT_LOST_DAYS;
use tend_domain::quotient::Assessment;
use tend_domain::training::{Coverage, MANDATORY, coverage};
use tend_store::{FocusAdoption, Measured, StoreResult, StoredPolicyVersion, StoredVision};

use crate::AppState;
use crate::goals::Standing;

/// How many focus problems the plan names (the top of the ranking).
pub const FOCUS: usize = 3;

/// One focus problem: its rank (1-based), category path and complaints in the period.
#[derive(Debug, Clone)]
pub struct Focus {
    pub rank: usize,
    pub category: String,
    pub complaints: i64,
    pub score: f64,
}

/// A goal as of the day: its standing now, and which period is shown — the index in
/// `standing.history` of the frozen period holding the day, else `then`, the period holding
/// the day measured as of the day's end; `shown: false` when neither exists (a day before the
/// goal was created and before its first frozen period).
#[derive(Debug, Clone)]
pub struct GoalOn {
    pub standing: Standing,
    pub frozen: Option<usize>,
    pub then: Option<Then>,
    pub shown: bool,
}

/// A goal's period measured as of an instant (the end of the plan's day, or now): its window,
/// the version then in force, the tally, value and status (an open period's rule).
#[derive(Debug, Clone)]
pub struct Then {
    pub window: Window,
    pub version: i64,
    pub target: f64,
    pub measured: Measured,
    pub value: Option<f64>,
    pub status: Status,
}

/// Goal `st` as of `as_of` (not after now): its frozen period holding the instant, else the
/// period holding it measured then.
async fn goal_on(
    s: &AppState,
    st: Standing,
    as_of: Timestamp,
    tz: &TimeZone,
) -> StoreResult<GoalOn> {
    let last = as_of.checked_sub(1.microsecond()).unwrap_or(as_of);
    let frozen = st
        .history
        .iter()
        .position(|r| r.window_start <= last && last < r.window_end);
    if frozen.is_some() || st.goal.created_at >= as_of {
        let shown = frozen.is_some();
        return Ok(GoalOn {
            standing: st,
            frozen,
            then: None,
            shown,
        });
    }
    let v = st.goal.at(as_of);
    let g = &v.goal;
    let window = period::current(g.length, g.rolling, last, tz);
    let live =
        as_of >= s.clock.now() && window == st.window && v.version == st.goal.current().version;
    let measured = if live {
        st.measured.clone()
    } else {
        s.store.measure(g, &window, as_of).await?
    };
    let value = measured.value();
    let then = Then {
        status: status(value, g.target(), g.direction, false),
        target: g.target(),
        version: v.version,
        window,
        measured,
        value,
    };
    Ok(GoalOn {
        standing: st,
        frozen: None,
        then: Some(then),
        shown: true,
    })
}

/// The last quotient round by the day: its label and the assessments submitted by then.
#[derive(Debug, Clone)]
pub struct QuotientOn {
    pub label: String,
    pub assessments: Vec<Assessment>,
}

/// The whole plan as of one day.
#[derive(Debug, Clone)]
pub struct Plan {
    pub day: Date,
    pub vision: Option<StoredVision>,
    /// The ranking's period: `[from, to)`, UTC dates.
    pub problems_from: Date,
    pub problems_to: Date,
    pub focus: Vec<Focus>,
    /// The managers' adoption the focus comes from; `None`: the ranking's top three (none
    /// adopted by the day's end).
    pub focus_adopted: Option<FocusAdoption>,
    pub goals: Vec<GoalOn>,
    pub policy: Option<StoredPolicyVersion>,
    pub coverage: Coverage,
    pub quotient: Option<QuotientOn>,
}

/// The company's date today.
pub async fn today(s: &AppState) -> StoreResult<Date> {
    let tz = crate::goals::time_zone(s).await?;
    Ok(s.clock.now().to_zoned(tz).date())
}

/// The focus problems as of `end` (the day's end): the categories of the adoption in force
/// then, in the order adopted, each with its complaints and score in the ranking over the three
/// months before `day` (0 when it has none there); with no adoption yet, the top
/// [`FOCUS`] of that ranking.
async fn focus(
    s: &AppState,
    day: Date,
    end: jiff::Timestamp,
) -> StoreResult<(Date, Date, Vec<Focus>, Option<FocusAdoption>)> {
    let (from, to) = crate::problems::default_period(day);
    let r = crate::problems::ranking(s, from, to, DEFAULT_LOST_DAYS).await?;
    let adopted = s.store.focus_at(end).await?;
    let focus = match &adopted {
        Some(a) => a
            .categories
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let ranked = r.ranked.iter().find(|x| x.tally.category_id == *id);
                let complaints = r
                    .tallies
                    .iter()
                    .find(|t| t.category_id == *id)
                    .map_or(0, |t| t.complaints);
                Focus {
                    rank: i + 1,
                    category: r.path(*id),
                    complaints,
                    score: ranked.map_or(0.0, |x| x.score),
                }
            })
            .collect(),
        None => r
            .ranked
            .iter()
            .take(FOCUS)
            .enumerate()
            .map(|(i, x)| Focus {
                rank: i + 1,
                category: r.path(x.tally.category_id),
                complaints: x.tally.complaints,
                score: x.score,
            })
            .collect(),
    };
    Ok((from, to, focus, adopted))
}

/// The plan as of `day`.
pub async fn on(s: &AppState, day: Date) -> StoreResult<Plan> {
    let tz = crate::goals::time_zone(s).await?;
    let end = midnight(day.saturating_add(1.day()), &tz);
    let vision = s
        .store
        .vision_versions()
        .await?
        .into_iter()
        .find(|v| v.saved_at < end);
    let (problems_from, problems_to, focus, focus_adopted) = focus(s, day, end).await?;
    let as_of = end.min(s.clock.now());
    let mut goals = Vec::new();
    for st in crate::goals::standings(s).await? {
        goals.push(goal_on(s, st, as_of, &tz).await?);
    }
    let approvals = s.store.policy_approvals().await?;
    let policy = match tend_domain::policy::state::effective_on(&approvals, day) {
        Some(id) => Some(s.store.policy_version(id).await?),
        None => None,
    };
    let staff = crate::policy::staff(s).await?;
    let attended: BTreeSet<i64> = s
        .store
        .training_sessions()
        .await?
        .iter()
        .filter(|x| x.kind == MANDATORY && x.held_on <= day)
        .flat_map(|x| x.attendees.iter().filter(|a| a.2).map(|a| a.0.0))
        .collect();
    let ids: Vec<i64> = staff.iter().map(|e| e.id.0).collect();
    let quotient = s
        .store
        .quotient_rounds()
        .await?
        .into_iter()
        .filter_map(|(label, answers)| {
            let assessments: Vec<Assessment> = answers
                .into_iter()
                .filter(|a| a.submitted_at < end)
                .map(|a| a.assessment)
                .collect();
            (!assessments.is_empty()).then_some(QuotientOn { label, assessments })
        })
        .next_back();
    Ok(Plan {
        day,
        vision,
        problems_from,
        problems_to,
        focus,
        focus_adopted,
        goals,
        policy,
        coverage: coverage(&ids, &attended),
        quotient,
    })
}
