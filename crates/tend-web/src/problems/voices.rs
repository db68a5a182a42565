//! `/problems/{category}/voices?from=&to=`: the records behind a category's voices in the
//! ranking — its coded survey answers and its focus-group findings over the period
//! (`Store::problem_voices`), with the counts the ranking shows.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use tend_domain::staff::Permission;
use tend_store::Voice;

use super::{ProblemsQuery, period};
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render_form};

/// One record as shown: what was said, where it comes from (a link), when, and its weight.
pub struct Said {
    pub text: String,
    pub source: String,
    pub link: String,
    pub at: String,
    pub voices: i64,
}

#[derive(Template)]
#[template(path = "problems/voices.html")]
struct VoicesPage {
    t: Tr,
    chrome: Chrome,
    category: String,
    period: String,
    answers: Vec<Said>,
    findings: Vec<Said>,
    voices: i64,
    back: String,
    errors: Errors,
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(category): Path<String>,
    query: Result<Query<ProblemsQuery>, axum::extract::rejection::QueryRejection>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let (id, path) = super::category(&s, &category).await?;
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let mut errors = Errors::new(&t);
    let today = tend_app::plan::today(&s).await?;
    let (from, to, _) = period(&q, today, &mut errors);
    let p = super::view::store_period(from, to, s.clock.now());
    let tz = tend_app::goals::time_zone(&s).await?;
    let (mut answers, mut findings) = (Vec::new(), Vec::new());
    for v in s.store.problem_voices(id, p).await? {
        match v {
            Voice::Answer {
                survey_id,
                text,
                codes,
                at,
                ..
            } => answers.push(Said {
                text,
                source: codes,
                link: format!("/surveys/{survey_id}"),
                at: t.datetime(&at, &tz),
                voices: 1,
            }),
            Voice::Finding {
                focus_group_id,
                topic,
                statement,
                quote,
                raised_by,
                at,
                ..
            } => findings.push(Said {
                text: match quote {
                    Some(q) if !q.trim().is_empty() => format!("{statement} — “{q}”"),
                    _ => statement,
                },
                source: topic,
                link: format!("/focus-groups/{focus_group_id}"),
                at: t.datetime(&at, &tz),
                voices: raised_by.max(1),
            }),
        }
    }
    let voices = answers.len() as i64 + findings.iter().map(|f| f.voices).sum::<i64>();
    let last = to.saturating_sub(jiff::Span::new().days(1));
    let day = |d| t.date(&tend_app::problems::utc_start(d), &jiff::tz::TimeZone::UTC);
    let failed = !errors.is_empty();
    render_form(
        &VoicesPage {
            chrome: Chrome::staff(&staff, format!("/problems/{id}/voices")),
            period: t.args(
                "problems-voices-period",
                &[("from", &day(from)), ("to", &day(last))],
            ),
            category: path,
            answers,
            findings,
            voices,
            back: format!("/problems?from={from}&to={to}"),
            errors,
            t,
        },
        failed,
    )
}
