//! Dead jobs, for admins (`/settings/jobs`): every job given up on after its last attempt, with
//! the reason it died, and two actions — retry (due at once, with fresh attempts) and discard.
//! An e-mail that can never be delivered shows up here instead of only in the job table.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tend_domain::staff::Permission;
use tend_store::JobId;

use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render};

/// How many dead jobs the page lists, the most recent first.
const SHOWN: u32 = 200;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/settings/jobs", get(page))
        .route("/settings/jobs/{id}/retry", post(retry))
        .route("/settings/jobs/{id}/discard", post(discard))
}

struct DeadRow {
    id: i64,
    kind: String,
    attempts: i64,
    error: String,
    died_at: String,
}

#[derive(Template)]
#[template(path = "jobs/dead.html")]
struct DeadJobsPage {
    t: Tr,
    chrome: Chrome,
    jobs: Vec<DeadRow>,
    /// How many are listed (at most [`SHOWN`]).
    n: usize,
}

async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    let jobs: Vec<DeadRow> = s
        .store
        .dead_jobs(SHOWN)
        .await?
        .into_iter()
        .map(|j| DeadRow {
            id: j.id.0,
            kind: j.kind,
            attempts: j.attempts,
            error: j.last_error.unwrap_or_default(),
            died_at: t.datetime(&j.died_at, staff.tz()),
        })
        .collect();
    let page = DeadJobsPage {
        t,
        chrome: Chrome::staff(&staff, "/settings/jobs"),
        n: jobs.len(),
        jobs,
    };
    render(&page)
}

#[derive(Deserialize)]
struct Empty {}

fn job_id(raw: &str) -> Result<JobId, PageError> {
    raw.parse().map(JobId).map_err(|_| PageError::not_found())
}

async fn retry(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, .. }: StaffForm<Empty>,
) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    if !s.store.retry_dead_job(job_id(&id)?, s.clock.now()).await? {
        return Err(PageError::not_found());
    }
    Ok(Redirect::to("/settings/jobs").into_response())
}

async fn discard(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, .. }: StaffForm<Empty>,
) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    if !s.store.discard_dead_job(job_id(&id)?).await? {
        return Err(PageError::not_found());
    }
    Ok(Redirect::to("/settings/jobs").into_response())
}
