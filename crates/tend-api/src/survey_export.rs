//! `GET /api/v1/surveys/{id}/answers.csv`: every raw answer of a survey as CSV, one row per
//! question answered, complete and partial responses alike (`completed_at` empty while partial).

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tend_app::surveys::export;
use tend_domain::staff::Permission;
use tend_store::TallyFilter;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::surveys::{ResultsQuery, instant, parse_id};

/// Columns: `response_id, channel, language, completed_at` (RFC 3339, empty while partial),
/// `question` (number from 1), `kind`, `answer` (the number; `yes`/`no`; a single choice's
/// position from 0; a multiple choice's positions joined by `;`; the open text), `other`.
#[utoipa::path(get, path = "/api/v1/surveys/{id}/answers.csv", tag = "surveys",
    params(("id" = i64, Path, description = "Survey id"), ResultsQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn survey_answers_csv(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    query: Result<Query<ResultsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Response> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let id = parse_id(&id)?;
    let survey = s.store.survey(id).await?;
    let filter = TallyFilter {
        from: instant("from", q.from)?,
        to: instant("to", q.to)?,
        channel: q.channel,
    };
    let rows = s.store.survey_raw_answers(id, &filter).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let failed = |_| ApiError::invalid("csv", "could not be written");
    w.write_record(export::HEADER).map_err(failed)?;
    for r in rows {
        w.write_record(export::record(&survey.survey, r))
            .map_err(failed)?;
    }
    let body = w
        .into_inner()
        .map_err(|_| ApiError::invalid("csv", "could not be written"))?;
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], body).into_response())
}
