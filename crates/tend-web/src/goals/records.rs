//! The records behind a goal's number, as a page: for the open period or one calendar period
//! (`?period=YYYY-MM-DD`, its first day), each record counted (a complaint links to its page),
//! whether it is in the numerator, and n. Measured now, so a closed period's list may hold
//! records that arrived after its value was frozen.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use tend_app::goals;
use tend_domain::staff::Permission;
use tend_store::StoreError;

use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render};

#[derive(Deserialize)]
pub struct RecordsQuery {
    period: Option<String>,
}

/// One record: its kind's code, id, page (complaints only) and whether it is in the numerator.
pub struct RecordRow {
    pub kind: &'static str,
    pub id: i64,
    pub link: Option<String>,
    pub in_numerator: bool,
}

#[derive(Template)]
#[template(path = "goals/records.html")]
struct RecordsPage {
    t: Tr,
    chrome: Chrome,
    goal_id: i64,
    name: String,
    label: String,
    n: String,
    rows: Vec<RecordRow>,
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
    query: Result<Query<RecordsQuery>, axum::extract::rejection::QueryRejection>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let id = super::goal_id(&id)?;
    let Query(q) = query.map_err(|_| PageError::not_found())?;
    let period = match q.period.as_deref() {
        None => None,
        Some(raw) => Some(raw.parse().map_err(|_| PageError::not_found())?),
    };
    let goal = s.store.goal(id).await?;
    let (w, m) = goals::records(&s, id, period).await.map_err(|e| match e {
        StoreError::Domain(_) => PageError::not_found(),
        other => other.into(),
    })?;
    let rows = m
        .records
        .iter()
        .map(|r| RecordRow {
            kind: r.kind,
            id: r.id,
            link: match r.kind {
                "complaint" => Some(format!("/complaints/{}", r.id)),
                "customer" => Some(format!("/customers/{}", r.id)),
                _ => None,
            },
            in_numerator: r.in_numerator,
        })
        .collect();
    render(&RecordsPage {
        chrome: Chrome::staff(&staff, format!("/goals/{id}/records")),
        n: super::n(&t, m.tally),
        t,
        goal_id: id,
        name: goal.current().goal.name.to_string(),
        label: w.label,
        rows,
    })
}
