//! The managers' home as the page shows it: every goal's card with its trend chart,
//! satisfaction this month (CSAT with a gauge, NPS), the top three problems with their trend
//! and a Pareto of the ranking, the quotient's last round with the trend of its totals, and
//! the pinned figures. Every number links to the list behind it where one exists.

use tend_app::dashboard::{Home, PinnedFigure, TOP};
use tend_domain::problems::Trend;
use tend_store::Measured;

use super::charts;
use crate::goals::{Card, card, shown};
use crate::kit::chart::Kind;
use crate::kit::i18n::Tr;

/// A goal's card and its trend chart (empty before its first frozen period).
pub struct GoalView {
    pub card: Card,
    pub chart: String,
}

/// A satisfaction measure this month.
pub struct Satisfaction {
    pub value: String,
    pub n: String,
    pub chart: String,
}

/// One of the top problems.
pub struct ProblemView {
    pub rank: usize,
    pub category: String,
    pub complaints: i64,
    pub previous: i64,
    pub trend: &'static str,
    pub link: String,
}

/// The quotient's last round.
pub struct QuotientView {
    pub round: String,
    pub total: String,
    pub band: String,
    pub n: usize,
    pub chart: String,
}

/// A pinned figure.
pub struct PinView {
    pub id: i64,
    pub name: String,
    pub last: String,
    pub period: String,
    pub n: String,
    pub link: String,
    pub chart: String,
}

/// The whole page's figures.
pub struct ManagerView {
    pub month: String,
    pub goals: Vec<GoalView>,
    pub csat: Satisfaction,
    pub nps: Satisfaction,
    pub problems_from: String,
    pub problems_to: String,
    pub problems: Vec<ProblemView>,
    pub pareto: String,
    pub quotient: Option<QuotientView>,
    pub pins: Vec<PinView>,
}

fn trend_code(t: Trend) -> &'static str {
    match t {
        Trend::Rising => "rising",
        Trend::Falling => "falling",
        Trend::Steady => "steady",
    }
}

fn satisfaction(t: &Tr, m: &Measured, key: &str, gauge: bool) -> Satisfaction {
    let value = m.value();
    let chart = match (gauge, value) {
        (true, Some(v)) => charts::one(
            t,
            Kind::Gauge {
                max: 100.0,
                target: None,
            },
            t.get(&format!("dashboard-{key}")),
            t.args(
                &format!("dashboard-{key}-desc"),
                &[
                    ("value", &shown(t, Some(v), m.scale)),
                    ("n", &m.tally.denominator.to_string()),
                ],
            ),
            t.get(&format!("dashboard-{key}")),
            &[(t.get("dashboard-this-month"), v)],
        ),
        _ => String::new(),
    };
    Satisfaction {
        value: shown(t, value, m.scale),
        n: crate::goals::n(t, m.tally),
        chart,
    }
}

fn pin_view(t: &Tr, p: &PinnedFigure) -> PinView {
    let f = &p.figure;
    let last = p.last();
    let plain = |v: f64| t.decimal(&format!("{v:.2}"));
    let points: Vec<(String, f64)> = p
        .points
        .iter()
        .filter_map(|x| {
            f.value(x.numerator, x.denominator)
                .map(|v| (format!("{:04}-{:02}", x.period.year(), x.period.month()), v))
        })
        .collect();
    PinView {
        id: f.id,
        name: f.name.clone(),
        last: last
            .and_then(|x| f.value(x.numerator, x.denominator))
            .map_or("–".into(), plain),
        period: last.map_or(String::new(), |x| {
            format!("{:04}-{:02}", x.period.year(), x.period.month())
        }),
        n: last.map_or(String::new(), |x| match x.denominator {
            Some(d) => t.args(
                "goals-n",
                &[
                    ("numerator", &x.numerator.to_string()),
                    ("denominator", &d.to_string()),
                ],
            ),
            None => String::new(),
        }),
        link: format!(
            "/api/v1/figures/{}/values?from={}&to={}",
            f.id, p.from, p.to
        ),
        chart: if points.is_empty() {
            String::new()
        } else {
            charts::one(
                t,
                Kind::Bar,
                f.name.clone(),
                t.arg("dashboard-pin-desc", "n", &points.len().to_string()),
                f.name.clone(),
                &points,
            )
        },
    }
}

/// The page's figures from `home`, in the reader's language.
pub fn view(t: &Tr, home: &Home) -> ManagerView {
    let goals = home
        .goals
        .iter()
        .map(|s| {
            let points: Vec<(String, f64, f64)> = s
                .history
                .iter()
                .filter_map(|r| r.value.map(|v| (r.label.clone(), v, r.target)))
                .collect();
            let c = card(t, s);
            let chart = if points.is_empty() {
                String::new()
            } else {
                charts::trend(t, t.arg("dashboard-goal-trend", "goal", &c.name), &points)
            };
            GoalView { card: c, chart }
        })
        .collect();
    let r = &home.problems;
    let problems = r
        .ranked
        .iter()
        .take(TOP)
        .enumerate()
        .map(|(i, x)| ProblemView {
            rank: i + 1,
            category: r.path(x.tally.category_id),
            complaints: x.tally.complaints,
            previous: r.previous_complaints(x.tally.category_id),
            trend: trend_code(r.trend(&x.tally)),
            link: format!("/inbox?category={}", x.tally.category_id),
        })
        .collect();
    let pareto_points: Vec<(String, f64)> = r
        .ranked
        .iter()
        .take(10)
        .map(|x| (r.path(x.tally.category_id), x.tally.complaints as f64))
        .collect();
    let pareto = if pareto_points.is_empty() {
        String::new()
    } else {
        charts::one(
            t,
            Kind::Pareto,
            t.get("dashboard-pareto"),
            t.arg(
                "dashboard-pareto-desc",
                "n",
                &pareto_points.len().to_string(),
            ),
            t.get("dashboard-complaints"),
            &pareto_points,
        )
    };
    let quotient = home.quotient.last().map(|last| {
        let score = last.score();
        let points: Vec<(String, f64)> = home
            .quotient
            .iter()
            .map(|q| (q.label.clone(), q.score().total().rounded()))
            .collect();
        QuotientView {
            round: last.label.clone(),
            total: t.decimal(&format!("{:.2}", score.total().rounded())),
            band: t.label("quotient-band", score.band().code()),
            n: score.n(),
            chart: charts::one(
                t,
                Kind::Line,
                t.get("dashboard-quotient-trend"),
                t.arg("dashboard-quotient-desc", "n", &points.len().to_string()),
                t.get("quotient-total"),
                &points,
            ),
        }
    });
    ManagerView {
        month: home.month.label.clone(),
        goals,
        csat: satisfaction(t, &home.csat, "csat", true),
        nps: satisfaction(t, &home.nps, "nps", false),
        problems_from: r.from.to_string(),
        problems_to: r.to.to_string(),
        problems,
        pareto,
        quotient,
        pins: home.pins.iter().map(|p| pin_view(t, p)).collect(),
    }
}
