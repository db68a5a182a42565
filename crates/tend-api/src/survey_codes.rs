//! `/api/v1/surveys/{id}/codes`: coding a survey's open answers, as on its page — the code
//! list, the counts per code over the complete open answers (n) with each code's share, the
//! answers carrying one code, and setting an answer's codes (replaced as a set). Staff read;
//! managers write.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_domain::kernel::text::Text;
use tend_domain::staff::Permission;
use tend_store::{OpenAnswer, StoreError};

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::surveys::parse_id;

/// A code of the survey's list.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CodeView {
    pub id: i64,
    pub name: String,
}

/// One code's count: `answers` carrying it, `share` = answers ÷ n × 100 (`null` when n is 0).
#[derive(Serialize, utoipa::ToSchema)]
pub struct CodeCountView {
    pub id: i64,
    pub name: String,
    pub answers: u64,
    pub share: Option<f64>,
}

/// The counts per code: `n` = complete open answers (text answers of completed responses),
/// `coded` = those carrying at least one code; an answer with two codes counts under both,
/// so the shares may add up to more than 100.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CodeCountsView {
    pub n: u64,
    pub coded: u64,
    pub codes: Vec<CodeCountView>,
    pub definition: &'static str,
}

/// A complete open answer.
#[derive(Serialize, utoipa::ToSchema)]
pub struct OpenAnswerView {
    pub response_id: i64,
    /// The question's position in the survey, from 0.
    pub question: usize,
    pub text: String,
    pub completed_at: jiff::Timestamp,
}

/// A new code.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCode {
    /// 1–100 characters, unique in the survey's list.
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
}

/// An answer's codes (ids from the survey's list), replacing the ones it had.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerCodes {
    #[schema(max_items = 100)]
    pub codes: Vec<i64>,
}

/// How many answers to list.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AnswersQuery {
    /// 1–1,000 (default 100), newest first.
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

const DEFINITION: &str = "n: complete open answers (text answers of completed responses). \
    A code's share: the answers carrying it ÷ n × 100; an answer may carry several codes.";

fn answer(a: OpenAnswer) -> OpenAnswerView {
    OpenAnswerView {
        response_id: a.response_id,
        question: a.question,
        text: a.text,
        completed_at: a.completed_at,
    }
}

/// The survey's codes with their counts.
#[utoipa::path(get, path = "/api/v1/surveys/{id}/codes", tag = "surveys",
    params(("id" = i64, Path, description = "Survey id")),
    responses((status = 200, body = CodeCountsView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_survey_codes(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<CodeCountsView>> {
    auth.require(Permission::Read)?;
    let id = parse_id(&id)?;
    s.store.survey(id).await?;
    let c = s.store.survey_code_counts(id).await?;
    let n = c.n;
    Ok(Json(CodeCountsView {
        n,
        coded: c.coded,
        codes: c
            .counts
            .into_iter()
            .map(|(code, answers)| CodeCountView {
                id: code.id,
                name: code.name,
                answers,
                share: (n > 0).then(|| answers as f64 * 100.0 / n as f64),
            })
            .collect(),
        definition: DEFINITION,
    }))
}

/// Adds a code to the survey's list (managers); a name it has already is a 409.
#[utoipa::path(post, path = "/api/v1/surveys/{id}/codes", tag = "surveys", request_body = NewCode,
    params(("id" = i64, Path, description = "Survey id")),
    responses((status = 201, body = CodeView), (status = 404, body = crate::error::ErrorBody),
        (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_survey_code(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(new): ApiJson<NewCode>,
) -> ApiResult<(StatusCode, Json<CodeView>)> {
    auth.require(Permission::Manage)?;
    let id = parse_id(&id)?;
    let name = Text::<100>::parse(&new.name).map_err(|r| StoreError::field("name", r))?;
    let c = s.store.add_survey_code(id, &name, s.clock.now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(CodeView {
            id: c.id,
            name: c.name,
        }),
    ))
}

/// The complete open answers carrying code `code`, newest first.
#[utoipa::path(get, path = "/api/v1/surveys/{id}/codes/{code}/answers", tag = "surveys",
    params(("id" = i64, Path, description = "Survey id"), ("code" = i64, Path, description = "Code id"),
        AnswersQuery),
    responses((status = 200, body = [OpenAnswerView]), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn survey_code_answers(
    State(s): State<AppState>,
    auth: Authed,
    Path((id, code)): Path<(String, String)>,
    query: Result<Query<AnswersQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<OpenAnswerView>>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::invalid("limit", "must be from 1 to 1000"));
    }
    let id = parse_id(&id)?;
    let code: i64 = code.parse().map_err(|_| ApiError::not_found("code"))?;
    if !s.store.survey_codes(id).await?.iter().any(|c| c.id == code) {
        return Err(ApiError::not_found("code"));
    }
    let list = s.store.survey_answers_with_code(id, code, limit).await?;
    Ok(Json(list.into_iter().map(answer).collect()))
}

/// Gives an open answer exactly these codes (managers), in one transaction; an answer that is
/// not a complete open answer, or a code not of this survey's list, is a 422 with nothing changed.
#[utoipa::path(put, path = "/api/v1/surveys/{id}/answers/{response}/{question}/codes",
    tag = "surveys", request_body = AnswerCodes,
    params(("id" = i64, Path, description = "Survey id"),
        ("response" = i64, Path, description = "Response id"),
        ("question" = i64, Path, description = "Question position, from 0")),
    responses((status = 200, body = [CodeView]), (status = 404, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_answer_codes(
    State(s): State<AppState>,
    auth: Authed,
    Path((id, response, question)): Path<(String, String, String)>,
    ApiJson(body): ApiJson<AnswerCodes>,
) -> ApiResult<Json<Vec<CodeView>>> {
    auth.require(Permission::Manage)?;
    let id = parse_id(&id)?;
    s.store.survey(id).await?;
    let response: i64 = response
        .parse()
        .map_err(|_| ApiError::not_found("answer"))?;
    let question: usize = question
        .parse()
        .map_err(|_| ApiError::not_found("answer"))?;
    let by = Some(auth.0.id);
    s.store
        .set_answer_codes(id, response, question, &body.codes, by, s.clock.now())
        .await?;
    let list = s.store.survey_codes(id).await?;
    let mut given: Vec<CodeView> = list
        .into_iter()
        .filter(|c| body.codes.contains(&c.id))
        .map(|c| CodeView {
            id: c.id,
            name: c.name,
        })
        .collect();
    given.sort_by_key(|c| c.id);
    Ok(Json(given))
}
