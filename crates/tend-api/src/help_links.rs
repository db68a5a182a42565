//! `/api/v1/complaints/{id}/articles` (the help articles linked to a complaint: staff read,
//! agents and up link and unlink, as on the complaint's page) and `/api/v1/help/deflection`
//! (the two-step complaint form's deflection figures, overall and per article, each with its
//! n and definition: agents and up, as on the staff's article list).

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use tend_domain::help::deflection_rate;
use tend_domain::kernel::reason::PERIOD_ORDER;
use tend_domain::staff::Permission;
use tend_store::{DeflectionCounts, LinkedArticle};

use crate::AppState;
use crate::auth::Authed;
use crate::complaints::complaint_id;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::surveys::instant;

/// The deflection rate's definition, as the staff's article list writes it.
pub const DEFLECTION_DEFINITION: &str = "Of the visits of the two-step complaint form that were \
    shown articles (the article, for an article's figures): deflected (the customer said \
    \"this solved it\" and sent nothing) ÷ (deflected + sent anyway). n = deflected + sent; a \
    visit that left without answering counts in neither; the rate is null when n = 0. Events \
    are counted when they happened within [from, to).";

/// An article linked to a complaint.
#[derive(Serialize, utoipa::ToSchema)]
pub struct LinkedArticleView {
    pub article_id: i64,
    /// In the article's source language (else its first written language).
    pub title: String,
    /// The agent who linked it; `null` when the customer read it before sending the complaint.
    pub linked_by: Option<String>,
}

impl From<LinkedArticle> for LinkedArticleView {
    fn from(l: LinkedArticle) -> Self {
        LinkedArticleView {
            article_id: l.article_id,
            title: l.title,
            linked_by: l.linked_by,
        }
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkBody {
    /// An article that exists (else 422 naming `article_id`).
    #[schema(minimum = 1)]
    pub article_id: i64,
}

async fn linked(
    s: &AppState,
    id: tend_domain::kernel::ids::ComplaintId,
) -> ApiResult<Json<Vec<LinkedArticleView>>> {
    let all = s.store.complaint_articles(id).await?;
    Ok(Json(all.into_iter().map(Into::into).collect()))
}

/// The articles linked to a complaint, oldest link first.
#[utoipa::path(get, path = "/api/v1/complaints/{id}/articles", tag = "help",
    params(("id" = String, Path, description = "Complaint id or reference")),
    responses((status = 200, body = Vec<LinkedArticleView>), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_complaint_articles(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<LinkedArticleView>>> {
    auth.require(Permission::Read)?;
    let id = complaint_id(&s, &id).await?;
    linked(&s, id).await
}

/// Links an article to a complaint (agents and up); linking again changes nothing (200 instead
/// of 201). Answers the complaint's linked articles.
#[utoipa::path(post, path = "/api/v1/complaints/{id}/articles", tag = "help", request_body = LinkBody,
    params(("id" = String, Path, description = "Complaint id or reference")),
    responses((status = 201, body = Vec<LinkedArticleView>), (status = 200, body = Vec<LinkedArticleView>),
        (status = 404, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn link_complaint_article(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<LinkBody>,
) -> ApiResult<(StatusCode, Json<Vec<LinkedArticleView>>)> {
    auth.require(Permission::WorkComplaints)?;
    let id = complaint_id(&s, &id).await?;
    let new = s
        .store
        .link_article(b.article_id, id, auth.0.id, s.clock.now())
        .await?;
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, linked(&s, id).await?))
}

/// Removes the link an agent made (agents and up): 204, or 404 when there is none. A link made
/// by the customer's visit (they read the article before sending) is part of the complaint's
/// record and stays.
#[utoipa::path(delete, path = "/api/v1/complaints/{id}/articles/{article_id}", tag = "help",
    params(("id" = String, Path, description = "Complaint id or reference"),
        ("article_id" = i64, Path, description = "Article id")),
    responses((status = 204), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn unlink_complaint_article(
    State(s): State<AppState>,
    auth: Authed,
    Path((id, article)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    auth.require(Permission::WorkComplaints)?;
    let id = complaint_id(&s, &id).await?;
    let article: i64 = article.parse().map_err(|_| ApiError::not_found("link"))?;
    if s.store.unlink_article(article, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found("link"))
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DeflectionQuery {
    /// Events at or after this instant (RFC 3339); open when absent.
    #[param(format = DateTime)]
    pub from: Option<String>,
    /// Events before this instant (RFC 3339), after `from` (else 422); open when absent.
    #[param(format = DateTime)]
    pub to: Option<String>,
}

/// Deflection figures: visits `shown`, `deflected`, `sent` anyway, `n` = deflected + sent and
/// `rate` = deflected ÷ n (0 to 1, `null` when n = 0).
#[derive(Serialize, utoipa::ToSchema)]
pub struct DeflectionView {
    pub shown: i64,
    pub deflected: i64,
    pub sent: i64,
    pub n: i64,
    pub rate: Option<f64>,
}

impl From<DeflectionCounts> for DeflectionView {
    fn from(c: DeflectionCounts) -> Self {
        DeflectionView {
            shown: c.shown,
            deflected: c.deflected,
            sent: c.sent,
            n: c.deflected + c.sent,
            rate: deflection_rate(c.deflected, c.sent),
        }
    }
}

/// One article's figures.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ArticleDeflectionView {
    pub article_id: i64,
    /// In the article's source language.
    pub title: String,
    #[serde(flatten)]
    pub figures: DeflectionView,
}

/// The deflection report: the definition, the window, overall and per article (articles shown
/// in the window, by id).
#[derive(Serialize, utoipa::ToSchema)]
pub struct DeflectionReport {
    pub definition: String,
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    pub overall: DeflectionView,
    pub articles: Vec<ArticleDeflectionView>,
}

/// The two-step complaint form's deflection figures (agents and up, as the article list).
#[utoipa::path(get, path = "/api/v1/help/deflection", tag = "help", params(DeflectionQuery),
    responses((status = 200, body = DeflectionReport), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn help_deflection(
    State(s): State<AppState>,
    auth: Authed,
    query: Result<Query<DeflectionQuery>, QueryRejection>,
) -> ApiResult<Json<DeflectionReport>> {
    auth.require(Permission::WorkComplaints)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let from = instant("from", q.from)?;
    let to = instant("to", q.to)?;
    if let (Some(f), Some(t)) = (from, to)
        && t <= f
    {
        return Err(ApiError::invalid("to", PERIOD_ORDER.with("from", f)));
    }
    let overall = s.store.deflection_counts_in(from, to).await?.into();
    let all = s.store.articles().await?;
    let articles = s
        .store
        .article_deflections(from, to)
        .await?
        .into_iter()
        .map(|d| ArticleDeflectionView {
            article_id: d.article_id,
            title: all
                .iter()
                .find(|a| a.id == d.article_id)
                .and_then(|a| {
                    let source = a.translations.iter().find(|t| t.lang == a.source_lang);
                    source.or(a.translations.first())
                })
                .map(|t| t.title.clone())
                .unwrap_or_default(),
            figures: d.counts.into(),
        })
        .collect();
    Ok(Json(DeflectionReport {
        definition: DEFLECTION_DEFINITION.to_owned(),
        from,
        to,
        overall,
        articles,
    }))
}
