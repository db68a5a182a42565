//! `/api/v1/surveys`: managers build surveys (drafts changed whole, published when every text
//! is in every language, closed), and anyone who may read sees their live results and open
//! answers.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use tend_app::surveys::SurveyResults;
use tend_domain::staff::Permission;
use tend_domain::surveys::{Status, SurveyDraft, SurveyId};
use tend_store::{StoredSurvey, TallyFilter};
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// A survey: its definition as sent, where it is in its life, its public link, and what is
/// still missing before it can be published (field → reason).
#[derive(Serialize, ToSchema)]
pub struct SurveyView {
    pub id: i64,
    pub status: Status,
    pub definition: SurveyDraft,
    /// The public answering address, `{public_url}/s/{token}`.
    pub public_link: String,
    /// Every text missing in one of the survey's languages, by field; empty when publishable.
    pub missing_translations: std::collections::BTreeMap<String, String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub opened_at: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub closed_at: Option<Timestamp>,
}

fn view(s: &AppState, v: &StoredSurvey) -> SurveyView {
    SurveyView {
        id: v.id.0,
        status: v.status,
        definition: v.survey.draft.clone(),
        public_link: format!("{}/s/{}", s.public_url(), v.public_token),
        missing_translations: v
            .survey
            .completeness()
            .iter()
            .map(|(f, r)| (f.to_owned(), r.to_string()))
            .collect(),
        created_at: v.created_at,
        opened_at: v.opened_at,
        closed_at: v.closed_at,
    }
}

pub(crate) fn parse_id(raw: &str) -> ApiResult<SurveyId> {
    raw.parse::<i64>()
        .map(SurveyId)
        .map_err(|_| ApiError::not_found("survey"))
}

#[utoipa::path(post, path = "/api/v1/surveys", tag = "surveys", request_body = SurveyDraft,
    responses((status = 201, body = SurveyView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_survey(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<SurveyDraft>,
) -> ApiResult<(StatusCode, Json<SurveyView>)> {
    auth.require(Permission::Manage)?;
    let survey = draft.validate()?;
    let stored = s.store.create_survey(&survey, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(view(&s, &stored))))
}

#[utoipa::path(get, path = "/api/v1/surveys", tag = "surveys",
    responses((status = 200, body = Vec<SurveyView>)), security(("bearer" = [])))]
pub async fn list_surveys(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<SurveyView>>> {
    auth.require(Permission::Read)?;
    let all = s.store.list_surveys().await?;
    Ok(Json(all.iter().map(|v| view(&s, v)).collect()))
}

#[utoipa::path(get, path = "/api/v1/surveys/{id}", tag = "surveys",
    params(("id" = i64, Path, description = "Survey id")),
    responses((status = 200, body = SurveyView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_survey(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<SurveyView>> {
    auth.require(Permission::Read)?;
    Ok(Json(view(&s, &s.store.survey(parse_id(&id)?).await?)))
}

/// Replaces a draft's definition; 422 `survey_not_draft` once published.
#[utoipa::path(put, path = "/api/v1/surveys/{id}", tag = "surveys", request_body = SurveyDraft,
    params(("id" = i64, Path, description = "Survey id")),
    responses((status = 200, body = SurveyView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_survey(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(draft): ApiJson<SurveyDraft>,
) -> ApiResult<Json<SurveyView>> {
    auth.require(Permission::Manage)?;
    let survey = draft.validate()?;
    let stored = s
        .store
        .update_survey(parse_id(&id)?, &survey, s.clock.now())
        .await?;
    Ok(Json(view(&s, &stored)))
}

/// Draft → open; 422 naming every text missing in a language (`missing_translation`).
#[utoipa::path(post, path = "/api/v1/surveys/{id}/publish", tag = "surveys",
    params(("id" = i64, Path, description = "Survey id")),
    responses((status = 200, body = SurveyView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn publish_survey(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<SurveyView>> {
    auth.require(Permission::Manage)?;
    let stored = s
        .store
        .publish_survey(parse_id(&id)?, s.clock.now())
        .await?;
    Ok(Json(view(&s, &stored)))
}

/// Open → closed; its results stay.
#[utoipa::path(post, path = "/api/v1/surveys/{id}/close", tag = "surveys",
    params(("id" = i64, Path, description = "Survey id")),
    responses((status = 200, body = SurveyView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn close_survey(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<SurveyView>> {
    auth.require(Permission::Manage)?;
    let stored = s.store.close_survey(parse_id(&id)?, s.clock.now()).await?;
    Ok(Json(view(&s, &stored)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ResultsQuery {
    /// Responses completed (partial: begun) at or after this instant (RFC 3339).
    #[param(format = DateTime)]
    pub(crate) from: Option<String>,
    /// … and before this instant.
    #[param(format = DateTime)]
    pub(crate) to: Option<String>,
    /// `public` or `invitation`.
    #[param(pattern = "^(public|invitation)$")]
    pub(crate) channel: Option<String>,
}

/// The results: `complete` and `partial` responses (only complete ones are counted), and per
/// question `n`, `distribution`, `mean`/`median` (ratings, NPS) and `nps` (score = % promoters
/// 9–10 − % detractors 0–6 to one decimal; 95 % interval by the normal approximation on
/// +1/0/−1 scores, clamped to ±100, `null` below 30 answers).
#[derive(Serialize, ToSchema)]
pub struct ResultsView {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub results: SurveyResults,
}

pub(crate) fn instant(field: &str, raw: Option<String>) -> ApiResult<Option<Timestamp>> {
    raw.map(|r| {
        r.parse::<Timestamp>()
            .map_err(|_| ApiError::invalid(field, "must be an instant like 2026-03-06T15:30:00Z"))
    })
    .transpose()
}

#[utoipa::path(get, path = "/api/v1/surveys/{id}/results", tag = "surveys", params(("id" = i64, Path, description = "Survey id"), ResultsQuery),
    responses((status = 200, body = ResultsView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn survey_results(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    query: Result<Query<ResultsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<ResultsView>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    if let Some(c) = q
        .channel
        .as_deref()
        .filter(|c| !["public", "invitation"].contains(c))
    {
        return Err(ApiError::invalid(
            "channel",
            format!("must be one of public, invitation (got \"{c}\")"),
        ));
    }
    let filter = TallyFilter {
        from: instant("from", q.from)?,
        to: instant("to", q.to)?,
        channel: q.channel,
    };
    let results = tend_app::surveys::results(&s, parse_id(&id)?, &filter).await?;
    Ok(Json(ResultsView { results }))
}
