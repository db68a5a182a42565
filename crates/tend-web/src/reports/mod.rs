//! The reports' pages (managers): `/reports`, the operations report — a GET filter form, each
//! figure with its definition and denominator, every number a link to the inbox listing the
//! records it counted — and `/reports/operations.csv`, the same report with the same filter.
//! Numbers and dates in the reader's locale; charts drawn on the server as SVG beside the
//! tables (`charts`), no JavaScript.

pub(crate) mod charts;
mod links;
pub(crate) mod view;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tend_app::reports::{self, CSV_HEADER, ReportQuery, csv_rows};
use tend_domain::staff::Permission;

use crate::complaints::inbox::{Choice, category_paths, channel_choices};
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render_form};
use view::{Line, PeriodRow, Summary};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/reports", get(page))
        .route("/reports/operations.csv", get(csv))
}

#[derive(Template)]
#[template(path = "reports/operations.html")]
struct ReportPage {
    t: Tr,
    chrome: Chrome,
    q: ReportQuery,
    errors: Errors,
    grains: Vec<Choice>,
    groups: Vec<Choice>,
    channels: Vec<Choice>,
    categories: Vec<Choice>,
    products: Vec<Choice>,
    assignees: Vec<Choice>,
    tiers: Vec<Choice>,
    segments: Vec<Choice>,
    zone: String,
    csv: String,
    heads: Vec<String>,
    summary: Vec<Summary>,
    periods: Vec<PeriodRow>,
    grouped: Vec<Line>,
    charts: Vec<String>,
}

fn choices(values: &[(String, String)], chosen: Option<&str>) -> Vec<Choice> {
    values
        .iter()
        .map(|(value, label)| Choice {
            value: value.clone(),
            label: label.clone(),
            selected: chosen.map(str::trim) == Some(value.as_str()),
        })
        .collect()
}

/// `/reports`: the operations report for the query's filter (422 naming each bad field).
pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Query(q): Query<ReportQuery>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let today = reports::today(&s.store, s.clock.now()).await?;
    let (zone, tz) = reports::company_zone(&s.store).await?;
    let mut errors = Errors::new(&t);
    let (summary, periods, grouped, charts) = match q.filter(today) {
        Ok(f) => {
            let report = reports::operations(&s.store, &f).await?;
            let names = view::Names::load(&s, &t).await?;
            let v = view::View::new(&t, &tz, &q, &names, &report);
            let charts = charts::all(&t, &report, &v);
            (
                v.summary(&report),
                v.periods(&report),
                v.grouped(&report),
                charts,
            )
        }
        Err(e) => {
            errors = Errors::from_domain(e, &t);
            (vec![], vec![], vec![], vec![])
        }
    };
    let code_choices = |prefix: &str, codes: &[&str]| -> Vec<(String, String)> {
        codes
            .iter()
            .map(|c| (c.to_string(), t.label(prefix, c)))
            .collect()
    };
    let grains = choices(
        &code_choices("reports-grain", &["day", "week", "month", "quarter"]),
        Some(q.grain.as_deref().unwrap_or("week")),
    );
    let groups = choices(
        &code_choices(
            "reports-group",
            &["channel", "category", "product", "assignee", "tier", "none"],
        ),
        Some(q.group.as_deref().unwrap_or("channel")),
    );
    let categories: Vec<(String, String)> = category_paths(&s.store.categories().await?)
        .into_iter()
        .map(|(id, path)| (id.to_string(), path))
        .collect();
    let products: Vec<(String, String)> = s
        .store
        .products()
        .await?
        .into_iter()
        .map(|p| (p.id.0.to_string(), p.name))
        .collect();
    let assignees: Vec<(String, String)> = s
        .store
        .employees()
        .await?
        .into_iter()
        .map(|e| (e.id.0.to_string(), e.name))
        .collect();
    let segments = crate::segments::names(&s).await?;
    let tiers: Vec<(String, String)> = (0..=3).map(|i| (i.to_string(), i.to_string())).collect();
    let csv = format!("/reports/operations.csv?{}", view::query_string(&q));
    let refused = !errors.is_empty();
    let page = ReportPage {
        chrome: Chrome::staff(&staff, "/reports"),
        grains,
        groups,
        channels: channel_choices(
            &t,
            &s.store.channels().await?,
            q.channel.as_deref().unwrap_or(""),
        ),
        categories: choices(&categories, q.category.as_deref()),
        products: choices(&products, q.product.as_deref()),
        assignees: choices(&assignees, q.assignee.as_deref()),
        tiers: choices(&tiers, q.tier.as_deref()),
        segments: choices(&segments, q.segment.as_deref()),
        zone,
        csv,
        heads: view::heads(&t),
        summary,
        periods,
        grouped,
        charts,
        errors,
        t,
        q,
    };
    render_form(&page, refused)
}

/// `/reports/operations.csv`: the report's rows as CSV (see `tend_app::reports::CSV_HEADER`),
/// plain numbers; a bad filter is a 422 naming the field.
pub async fn csv(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Query(q): Query<ReportQuery>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let today = reports::today(&s.store, s.clock.now()).await?;
    let f = match q.filter(today) {
        Ok(f) => f,
        Err(e) => {
            let errors = Errors::from_domain(e, &t);
            let text = errors
                .all()
                .into_iter()
                .map(|(field, reason)| format!("{field}: {reason}\n"))
                .collect::<String>();
            let mut res = text.into_response();
            *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(res);
        }
    };
    let report = reports::operations(&s.store, &f).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let failed = |_| PageError::bad_request();
    w.write_record(CSV_HEADER).map_err(failed)?;
    for row in csv_rows(&report) {
        w.write_record(&row).map_err(failed)?;
    }
    let body = w.into_inner().map_err(|_| PageError::bad_request())?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"operations.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}
