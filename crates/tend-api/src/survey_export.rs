//! `GET /api/v1/surveys/{id}/answers.csv`: every raw answer of a survey as CSV, one row per
//! question answered, complete and partial responses alike (`completed_at` empty while partial).

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tend_domain::staff::Permission;
use tend_domain::surveys::KindName;
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
    let header = [
        "response_id",
        "channel",
        "language",
        "completed_at",
        "question",
        "kind",
        "answer",
        "other",
    ];
    let failed = |_| ApiError::invalid("csv", "could not be written");
    w.write_record(header).map_err(failed)?;
    for r in rows {
        let kind = survey
            .survey
            .questions
            .get(r.question.wrapping_sub(1))
            .map(|q| q.draft.kind);
        let kind_name = kind
            .and_then(|k| serde_json::to_value(k).ok())
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let (answer, other) = match (kind, r.number, r.choices, r.text) {
            (Some(KindName::YesNo), Some(n), _, _) => (
                (if n == 1 { "yes" } else { "no" }).to_owned(),
                String::new(),
            ),
            (_, Some(n), _, _) => (n.to_string(), String::new()),
            (_, None, Some(c), t) => (c.replace(',', ";"), t.unwrap_or_default()),
            (_, None, None, t) => (t.unwrap_or_default(), String::new()),
        };
        let completed = r.completed_at.map(|t| t.to_string()).unwrap_or_default();
        w.write_record([
            r.response_id.to_string(),
            r.channel,
            r.language,
            completed,
            r.question.to_string(),
            kind_name,
            answer,
            other,
        ])
        .map_err(|_| ApiError::invalid("csv", "could not be written"))?;
    }
    let body = w
        .into_inner()
        .map_err(|_| ApiError::invalid("csv", "could not be written"))?;
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], body).into_response())
}
