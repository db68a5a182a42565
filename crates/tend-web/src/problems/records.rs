//! `/problems/{category}/complaints?from=&to=&page=`: the complaints behind a category's count in
//! the ranking — exactly those the count counts (`Store::problem_complaints`), oldest first,
//! 100 a page, with n.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use tend_domain::staff::Permission;

use super::{ProblemsQuery, period};
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render_form};

const PAGE: i64 = 100;

#[derive(serde::Deserialize, Default)]
pub struct RecordsQuery {
    #[serde(flatten)]
    period: ProblemsQuery,
    #[serde(default)]
    page: String,
}

#[derive(Template)]
#[template(path = "problems/records.html")]
struct RecordsPage {
    t: Tr,
    chrome: Chrome,
    category: String,
    period: String,
    n: i64,
    rows: Vec<(String, String)>,
    back: String,
    next: Option<String>,
    errors: Errors,
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(category): Path<String>,
    query: Result<Query<RecordsQuery>, axum::extract::rejection::QueryRejection>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let (id, path) = super::category(&s, &category).await?;
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let mut errors = Errors::new(&t);
    let today = tend_app::plan::today(&s).await?;
    let (from, to, _) = period(&q.period, today, &mut errors);
    let page: i64 = q.page.trim().parse().unwrap_or(0).max(0);
    let p = super::view::store_period(from, to, s.clock.now());
    let n = s.store.problem_complaint_count(id, p).await?;
    let tz = tend_app::goals::time_zone(&s).await?;
    let rows = s
        .store
        .problem_complaints(id, p, page * PAGE, PAGE)
        .await?
        .into_iter()
        .map(|(r, at)| (r, t.datetime(&at, &tz)))
        .collect();
    let next = ((page + 1) * PAGE < n).then(|| {
        format!(
            "/problems/{id}/complaints?from={from}&to={to}&page={}",
            page + 1
        )
    });
    let last = to.saturating_sub(jiff::Span::new().days(1));
    let day = |d| t.date(&tend_app::problems::utc_start(d), &jiff::tz::TimeZone::UTC);
    let failed = !errors.is_empty();
    render_form(
        &RecordsPage {
            chrome: Chrome::staff(&staff, format!("/problems/{id}/complaints")),
            period: t.args(
                "problems-period",
                &[("from", &day(from)), ("to", &day(last))],
            ),
            category: path,
            n,
            rows,
            back: format!("/problems?from={from}&to={to}"),
            next,
            errors,
            t,
        },
        failed,
    )
}
