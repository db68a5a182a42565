//! What the problems page shows, built from one ranking: rows with every number formatted in
//! the reader's locale and linked to its records, the top three's evidence, the focus in force.

use jiff::ToSpan;
use jiff::civil::Date;
use tend_app::problems::{Ranking, ranking, utc_start};
use tend_domain::kernel::money::{Currency, Money};
use tend_domain::problems::Trend;
use tend_domain::problems::focus::FOCUS_MAX;
use tend_store::{Period, StoreResult};

use crate::WebState;
use crate::kit::i18n::Tr;
use crate::kit::select::{Choice, choices};

/// One category's row; `score` and `rank` are empty for a non-actionable one.
pub struct Row {
    pub rank: String,
    pub category_id: i64,
    pub category: String,
    pub complaints: i64,
    pub records: String,
    pub customers: i64,
    pub share: String,
    pub cost: String,
    pub lost: String,
    pub previous: i64,
    pub trend: &'static str,
    pub voices: i64,
    pub voices_link: String,
    pub score: String,
    pub note: String,
}

/// One of the top three with its evidence: the row and up to three sample complaints.
pub struct Top {
    pub row_rank: usize,
    pub category_id: i64,
    pub category: String,
    pub complaints: i64,
    pub cost: String,
    pub lost: String,
    pub records: String,
    pub samples: Vec<String>,
    pub voices: i64,
    pub voices_link: String,
    /// Up to three things customers said (coded answers, findings' quotes).
    pub quotes: Vec<String>,
}

/// The focus problems in force: who adopted them, when, from which period, the categories.
pub struct Focus {
    pub line: String,
    pub categories: Vec<String>,
}

pub struct View {
    pub ranking: Ranking,
    pub period: String,
    pub previous: String,
    pub weights: String,
    pub currency: String,
    pub ranked: Vec<Row>,
    pub not_actionable: Vec<Row>,
    pub top: Vec<Top>,
    pub focus: Option<Focus>,
    pub focus_choices: Vec<Vec<Choice>>,
    pub categories: Vec<Choice>,
}

fn trend_code(t: Trend) -> &'static str {
    match t {
        Trend::Rising => "rising",
        Trend::Falling => "falling",
        Trend::Steady => "steady",
    }
}

/// Money in minor units of `currency` the locale's way (`1.234,50 EUR`); minor units as a
/// plain number when the period has no money at all (then every cost is 0).
fn money(t: &Tr, minor: i64, currency: Option<Currency>) -> String {
    match currency.and_then(|c| Money::from_minor(minor, c).ok()) {
        Some(m) => format!(
            "{} {}",
            t.decimal(&m.amount_string()),
            m.currency().as_str()
        ),
        None => t.decimal(&minor.to_string()),
    }
}

pub async fn build(s: &WebState, t: &Tr, from: Date, to: Date, lost: i64) -> StoreResult<View> {
    let r = ranking(s, from, to, lost).await?;
    let tz = tend_app::goals::time_zone(s).await?;
    let day = |d: Date| t.date(&utc_start(d), &jiff::tz::TimeZone::UTC);
    let last = |d: Date| day(d.saturating_sub(1.day()));
    let code = s.store.problem_currency(r.period).await?;
    let currency = code.as_deref().and_then(|c| Currency::parse(c).ok());
    let records = |id: i64| format!("/problems/{id}/complaints?from={from}&to={to}");
    let voices = |id: i64| format!("/problems/{id}/voices?from={from}&to={to}");
    let row = |tally: &tend_domain::problems::Tally, rank: Option<usize>, score: Option<f64>| {
        let id = tally.category_id;
        Row {
            rank: rank.map(|r| r.to_string()).unwrap_or_default(),
            category_id: id,
            category: r.path(id),
            complaints: tally.complaints,
            records: records(id),
            customers: tally.customers,
            share: match r.complainants {
                0 => "–".into(),
                n => t.decimal(&format!("{:.1}", tally.customers as f64 * 100.0 / n as f64)),
            },
            cost: money(t, tally.cost_minor(), currency),
            lost: format!("{} / {}", tally.lost, tally.lost_base),
            previous: r.previous_complaints(id),
            trend: trend_code(r.trend(tally)),
            voices: tally.voices(),
            voices_link: voices(id),
            score: score
                .map(|x| t.decimal(&format!("{x:.3}")))
                .unwrap_or_default(),
            note: r
                .marks
                .get(&id)
                .and_then(|m| m.note.clone())
                .unwrap_or_default(),
        }
    };
    let ranked: Vec<Row> = r
        .ranked
        .iter()
        .enumerate()
        .map(|(i, x)| row(&x.tally, Some(i + 1), Some(x.score)))
        .collect();
    let mut not_actionable: Vec<Row> = r
        .tallies
        .iter()
        .filter(|x| !r.actionable(x.category_id))
        .map(|x| row(x, None, None))
        .collect();
    not_actionable.sort_by(|a, b| {
        b.complaints
            .cmp(&a.complaints)
            .then(a.category_id.cmp(&b.category_id))
    });
    let mut top = Vec::new();
    for (i, x) in r.ranked.iter().take(FOCUS_MAX).enumerate() {
        let id = x.tally.category_id;
        top.push(Top {
            row_rank: i + 1,
            category_id: id,
            category: r.path(id),
            complaints: x.tally.complaints,
            cost: money(t, x.tally.cost_minor(), currency),
            lost: format!("{} / {}", x.tally.lost, x.tally.lost_base),
            records: records(id),
            samples: s.store.problem_samples(id, r.period, 3).await?,
            voices: x.tally.voices(),
            voices_link: voices(id),
            quotes: tend_app::problems::quotes(s, id, r.period, 3).await?,
        });
    }
    let names: std::collections::HashMap<i64, String> = s
        .store
        .employees()
        .await?
        .into_iter()
        .map(|e| (e.id.0, e.name.to_string()))
        .collect();
    let focus = s.store.focus_at(s.clock.now()).await?.map(|a| Focus {
        line: t.args(
            "problems-focus-adopted",
            &[
                ("by", names.get(&a.adopted_by.0).map_or("?", String::as_str)),
                ("date", &t.date(&a.adopted_at, &tz)),
                ("from", &a.period_from),
                ("to", &a.period_to),
            ],
        ),
        categories: a.categories.iter().map(|id| r.path(*id)).collect(),
    });
    let mut paths: Vec<(String, String)> = r
        .paths
        .iter()
        .map(|(id, p)| (id.to_string(), p.clone()))
        .collect();
    paths.sort_by(|a, b| a.1.cmp(&b.1));
    let focus_choices = (0..FOCUS_MAX)
        .map(|i| {
            let chosen = r
                .ranked
                .get(i)
                .map(|x| x.tally.category_id.to_string())
                .unwrap_or_default();
            choices(&chosen, Some("–".into()), paths.clone())
        })
        .collect();
    let w = r.weights.clone();
    let values = t.args(
        "problems-weights",
        &[
            ("frequency", &w.weights.frequency.to_string()),
            ("cost", &w.weights.cost.to_string()),
            ("lost", &w.weights.lost.to_string()),
            ("listening", &w.weights.listening.to_string()),
        ],
    );
    let who = match (w.set_by, w.set_at) {
        (Some(by), Some(at)) => t.args(
            "problems-weights-set",
            &[
                ("by", names.get(&by.0).map_or("?", String::as_str)),
                ("date", &t.date(&at, &tz)),
            ],
        ),
        _ => t.get("problems-weights-default"),
    };
    let weights = format!("{values} {who}");
    Ok(View {
        period: t.args(
            "problems-period",
            &[("from", &day(from)), ("to", &last(to))],
        ),
        previous: t.args(
            "problems-previous",
            &[("from", &day(r.previous_from)), ("to", &last(from))],
        ),
        weights,
        currency: code.unwrap_or_default(),
        ranked,
        not_actionable,
        top,
        focus,
        focus_choices,
        categories: choices("", None, paths),
        ranking: r,
    })
}

/// The period as the store takes it (for the records page).
pub fn store_period(r_from: Date, r_to: Date, now: jiff::Timestamp) -> Period {
    Period {
        from: utc_start(r_from),
        to: utc_start(r_to),
        window_us: 0,
        now,
    }
}
