//! What `/api/v1/goals` sends back: a goal's settings, where it stands (the open period live,
//! closed periods frozen), its versions and the records behind its number.

use serde::Serialize;
use tend_app::goals::{self, Standing};
use tend_domain::goals::{Direction, Length, Measure, Scale, Status, Tally};
use tend_store::{FrozenResult, GoalVersion};

/// A value rounded to two decimals, as shown.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The written definition of `m` with the goal's `days` and `minutes` filled in.
pub fn definition(m: Measure, days: Option<i64>, minutes: Option<i64>) -> String {
    let n = |v: Option<i64>| v.map_or("N".to_owned(), |v| v.to_string());
    m.definition()
        .replace("{days}", &n(days))
        .replace("{minutes}", &n(minutes))
}

/// One goal version's settings.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalSettings {
    pub name: String,
    pub measure: Measure,
    pub target: f64,
    pub direction: Direction,
    pub period: Length,
    pub rolling: bool,
    pub days: Option<i64>,
    pub minutes: Option<i64>,
    pub figure_id: Option<i64>,
    pub channel: Option<String>,
    pub category_id: Option<i64>,
    pub product_id: Option<i64>,
    /// Scope: only this customer segment's members.
    pub segment_id: Option<i64>,
    pub owner_id: i64,
    pub focus_category_id: Option<i64>,
}

impl From<&tend_domain::goals::Goal> for GoalSettings {
    fn from(g: &tend_domain::goals::Goal) -> Self {
        GoalSettings {
            name: g.name.to_string(),
            measure: g.measure,
            target: g.target(),
            direction: g.direction,
            period: g.length,
            rolling: g.rolling,
            days: g.days,
            minutes: g.minutes,
            figure_id: g.figure_id,
            channel: g.channel.as_ref().map(|c| c.to_string()),
            category_id: g.category_id.map(|c| c.0),
            product_id: g.product_id.map(|p| p.0),
            segment_id: g.segment_id,
            owner_id: g.owner_id.0,
            focus_category_id: g.focus_category_id.map(|c| c.0),
        }
    }
}

/// One period's measurement: its label and window, the actual (two decimals; `null`: no
/// data), the tally it is made of and the status.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalPeriodView {
    pub label: String,
    /// The period's first local day.
    pub period_start: String,
    #[schema(value_type = String, format = DateTime)]
    pub start: jiff::Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub end: jiff::Timestamp,
    pub actual: Option<f64>,
    pub target: f64,
    pub n: Tally,
    pub status: Status,
    /// Whether the value is a closed period's, frozen.
    pub frozen: bool,
}

impl From<&FrozenResult> for GoalPeriodView {
    fn from(r: &FrozenResult) -> Self {
        GoalPeriodView {
            label: r.label.clone(),
            period_start: r.period_start.clone(),
            start: r.window_start,
            end: r.window_end,
            actual: r.value.map(round2),
            target: r.target,
            n: r.tally,
            status: r.status,
            frozen: true,
        }
    }
}

/// A goal where it stands now.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalView {
    pub id: i64,
    /// The version in force.
    pub version: i64,
    #[serde(flatten)]
    pub settings: GoalSettings,
    /// What is counted, in words.
    pub definition: String,
    /// How the actual is made from n: `percent`, `points`, `per_thousand`, `ratio`, `sum`.
    pub unit: Scale,
    /// The open period, measured live.
    pub current: GoalPeriodView,
    /// Closed periods' frozen values, oldest first (the trend).
    pub trend: Vec<GoalPeriodView>,
    /// The list behind the current number.
    pub records: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
}

impl From<&Standing> for GoalView {
    fn from(s: &Standing) -> Self {
        let v = s.goal.current();
        let g = &v.goal;
        GoalView {
            id: s.goal.id,
            version: v.version,
            settings: g.into(),
            definition: definition(g.measure, g.days, g.minutes),
            unit: s.measured.scale,
            current: GoalPeriodView {
                label: s.window.label.clone(),
                period_start: s.window.first_day.to_string(),
                start: s.window.start,
                end: s.window.end,
                actual: s.value.map(round2),
                target: g.target(),
                n: s.measured.tally,
                status: s.status,
                frozen: false,
            },
            trend: s.history.iter().map(Into::into).collect(),
            records: goals::records_link(s.goal.id, g, &s.window),
            created_at: s.goal.created_at,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalList {
    pub items: Vec<GoalView>,
}

/// One version of a goal: its number, settings, who saved it and when.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalVersionView {
    pub version: i64,
    #[serde(flatten)]
    pub settings: GoalSettings,
    pub saved_by: i64,
    pub saved_by_name: String,
    #[schema(value_type = String, format = DateTime)]
    pub saved_at: jiff::Timestamp,
}

impl From<&GoalVersion> for GoalVersionView {
    fn from(v: &GoalVersion) -> Self {
        GoalVersionView {
            version: v.version,
            settings: (&v.goal).into(),
            saved_by: v.saved_by.0,
            saved_by_name: v.saved_by_name.clone(),
            saved_at: v.saved_at,
        }
    }
}

/// A goal's history: every version (oldest first) and every closed period's frozen value
/// (oldest first, each with the version it was measured under).
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalHistory {
    pub goal_id: i64,
    pub versions: Vec<GoalVersionView>,
    pub periods: Vec<GoalFrozenView>,
}

/// A closed period's frozen value and the version it was measured under.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalFrozenView {
    #[serde(flatten)]
    pub period: GoalPeriodView,
    pub version: i64,
    #[schema(value_type = String, format = DateTime)]
    pub frozen_at: jiff::Timestamp,
}
