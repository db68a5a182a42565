//! `/api/v1/problems/links` and `/api/v1/problems/{category}/voices`: the ranking's listening
//! sources and evidence. Managers link a survey code to the problem category it is about (its
//! coded answers then count as the category's voices) and link figures to categories (shown as
//! evidence). Both are append-only: the newest link in force, every change kept with who and
//! when. The voices route lists exactly the records a category's voices count.

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use tend_domain::staff::Permission;
use tend_store::Voice;

use super::{ProblemsQuery, period};
use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// A survey code linked to a category.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CodeLinkView {
    pub code_id: i64,
    pub survey_id: i64,
    /// The code's name on its survey's list.
    pub code: String,
    pub category_id: i64,
    pub set_by: i64,
    #[schema(value_type = String, format = DateTime)]
    pub set_at: jiff::Timestamp,
}

/// A figure linked to a category.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FigureLinkView {
    pub figure_id: i64,
    pub category_id: i64,
    pub set_by: i64,
    #[schema(value_type = String, format = DateTime)]
    pub set_at: jiff::Timestamp,
}

/// The links in force.
#[derive(Serialize, utoipa::ToSchema)]
pub struct LinksView {
    pub codes: Vec<CodeLinkView>,
    pub figures: Vec<FigureLinkView>,
}

/// Links survey code `code_id` to `category_id`; a null `category_id` unlinks it.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeLinkBody {
    pub code_id: i64,
    pub category_id: Option<i64>,
}

/// Links figure `figure_id` to `category_id` (`linked` true) or unlinks them (false).
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureLinkBody {
    pub figure_id: i64,
    pub category_id: i64,
    pub linked: bool,
}

#[utoipa::path(get, path = "/api/v1/problems/links", tag = "problems",
    responses((status = 200, body = LinksView)), security(("bearer" = [])))]
pub async fn get_problem_links(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<LinksView>> {
    auth.require(Permission::Read)?;
    let now = s.clock.now();
    let codes = s.store.problem_code_links(now).await?;
    let figures = s.store.problem_figure_links(now).await?;
    Ok(Json(LinksView {
        codes: codes
            .into_iter()
            .map(|l| CodeLinkView {
                code_id: l.code_id,
                survey_id: l.survey_id,
                code: l.code,
                category_id: l.category_id,
                set_by: l.set_by.0,
                set_at: l.set_at,
            })
            .collect(),
        figures: figures
            .into_iter()
            .map(|l| FigureLinkView {
                figure_id: l.figure_id,
                category_id: l.category_id,
                set_by: l.set_by.0,
                set_at: l.set_at,
            })
            .collect(),
    }))
}

/// Links or unlinks a survey code (managers). 422 on `code_id` or `category_id` when unknown.
#[utoipa::path(post, path = "/api/v1/problems/links/codes", tag = "problems",
    request_body = CodeLinkBody,
    responses((status = 200, body = LinksView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn link_problem_code(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<CodeLinkBody>,
) -> ApiResult<Json<LinksView>> {
    auth.require(Permission::Manage)?;
    s.store
        .link_problem_code(body.code_id, body.category_id, auth.0.id, s.clock.now())
        .await?;
    get_problem_links(State(s), auth).await
}

/// Links or unlinks a figure and a category (managers). 422 on `figure_id` or `category_id`
/// when unknown.
#[utoipa::path(post, path = "/api/v1/problems/links/figures", tag = "problems",
    request_body = FigureLinkBody,
    responses((status = 200, body = LinksView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn link_problem_figure(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<FigureLinkBody>,
) -> ApiResult<Json<LinksView>> {
    auth.require(Permission::Manage)?;
    let now = s.clock.now();
    s.store
        .link_problem_figure(
            body.figure_id,
            body.category_id,
            body.linked,
            auth.0.id,
            now,
        )
        .await?;
    get_problem_links(State(s), auth).await
}

/// One record behind a category's voices: an open answer (`kind` answer) or a focus-group
/// finding (`kind` finding).
#[derive(Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VoiceView {
    Answer {
        survey_id: i64,
        response_id: i64,
        /// 0-based question index.
        question: i64,
        text: String,
        /// The linked codes it carries, joined by ", ".
        codes: String,
        #[schema(value_type = String, format = DateTime)]
        completed_at: jiff::Timestamp,
    },
    Finding {
        focus_group_id: i64,
        topic: String,
        statement: String,
        quote: Option<String>,
        raised_by: i64,
        severity: String,
        #[schema(value_type = String, format = DateTime)]
        starts_at: jiff::Timestamp,
    },
}

impl From<Voice> for VoiceView {
    fn from(v: Voice) -> Self {
        match v {
            Voice::Answer {
                survey_id,
                response_id,
                question,
                text,
                codes,
                at,
            } => VoiceView::Answer {
                survey_id,
                response_id,
                question,
                text,
                codes,
                completed_at: at,
            },
            Voice::Finding {
                focus_group_id,
                topic,
                statement,
                quote,
                raised_by,
                severity,
                at,
            } => VoiceView::Finding {
                focus_group_id,
                topic,
                statement,
                quote,
                raised_by,
                severity,
                starts_at: at,
            },
        }
    }
}

/// The records behind a category's `answers` and `findings` over the period.
#[derive(Serialize, utoipa::ToSchema)]
pub struct VoicesView {
    pub category_id: i64,
    #[schema(format = Date)]
    pub from: String,
    #[schema(format = Date)]
    pub to: String,
    pub answers: i64,
    pub findings: i64,
    /// answers + Σ max(raised_by, 1) over the findings.
    pub voices: i64,
    pub records: Vec<VoiceView>,
}

#[utoipa::path(get, path = "/api/v1/problems/{category}/voices", tag = "problems",
    params(("category" = i64, Path, description = "Category id"), ProblemsQuery),
    responses((status = 200, body = VoicesView), (status = 404, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn problem_voices(
    State(s): State<AppState>,
    auth: Authed,
    Path(category): Path<String>,
    query: Result<Query<ProblemsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<VoicesView>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let known = s.store.categories().await?;
    let Some(id) = category
        .parse::<i64>()
        .ok()
        .filter(|id| known.iter().any(|c| c.id.0 == *id))
    else {
        return Err(ApiError::not_found("category"));
    };
    let (from, to) = period(q.from.as_deref(), q.to.as_deref(), s.clock.now())?;
    let p = tend_store::Period {
        from: tend_app::problems::utc_start(from),
        to: tend_app::problems::utc_start(to),
        window_us: 0,
        now: s.clock.now(),
    };
    let records = s.store.problem_voices(id, p).await?;
    let (mut answers, mut findings, mut voices) = (0, 0, 0);
    for r in &records {
        match r {
            Voice::Answer { .. } => answers += 1,
            Voice::Finding { raised_by, .. } => {
                findings += 1;
                voices += (*raised_by).max(1);
            }
        }
    }
    Ok(Json(VoicesView {
        category_id: id,
        from: from.to_string(),
        to: to.to_string(),
        answers,
        findings,
        voices: answers + voices,
        records: records.into_iter().map(Into::into).collect(),
    }))
}
