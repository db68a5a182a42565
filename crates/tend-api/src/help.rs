//! `/api/v1/articles` and `/api/v1/articles/{id}/translations`: the help centre's articles and
//! their language versions. Staff read; managers write.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use tend_domain::DomainError;
use tend_domain::help::LANGS;
use tend_domain::staff::Permission;
use tend_store::{Article, Translation};

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// One language version; `status` is `missing` (and the texts empty) when not written yet.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TranslationView {
    /// `en`, `es` or `tr`.
    pub lang: String,
    /// `missing`, `draft` or `published`.
    pub status: String,
    pub title: String,
    /// Markdown, as written.
    pub body: String,
    /// 0 when missing; 1 for the first save, one more per save.
    pub version: i64,
    /// The source translation's version this one was made from.
    pub source_version: i64,
    /// True when the source language was saved again after this translation.
    pub source_changed: bool,
    pub updated_at: Option<Timestamp>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ArticleView {
    pub id: i64,
    /// `draft`, `internal` (staff only), `public` or `archived` (staff only).
    pub visibility: String,
    /// The language the others are translated from.
    pub source_lang: String,
    pub category_id: Option<i64>,
    pub product_id: Option<i64>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// One per language, `en`, `es`, `tr`, missing ones included.
    pub translations: Vec<TranslationView>,
}

impl From<&Translation> for TranslationView {
    fn from(t: &Translation) -> Self {
        TranslationView {
            lang: t.lang.clone(),
            status: t.status.as_str().to_owned(),
            title: t.title.clone(),
            body: t.body.clone(),
            version: t.version,
            source_version: t.source_version,
            source_changed: t.source_changed,
            updated_at: Some(t.updated_at),
        }
    }
}

fn translations(a: &Article) -> Vec<TranslationView> {
    LANGS
        .iter()
        .map(|l| match a.translations.iter().find(|t| t.lang == *l) {
            Some(t) => t.into(),
            None => TranslationView {
                lang: (*l).to_owned(),
                status: "missing".into(),
                title: String::new(),
                body: String::new(),
                version: 0,
                source_version: 0,
                source_changed: false,
                updated_at: None,
            },
        })
        .collect()
}

impl From<&Article> for ArticleView {
    fn from(a: &Article) -> Self {
        ArticleView {
            id: a.id,
            visibility: a.visibility.as_str().to_owned(),
            source_lang: a.source_lang.clone(),
            category_id: a.category_id.map(|c| c.0),
            product_id: a.product_id.map(|p| p.0),
            created_at: a.created_at,
            updated_at: a.updated_at,
            translations: translations(a),
        }
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleSettingsBody {
    /// `draft` (the default), `internal`, `public` or `archived`.
    #[schema(pattern = "^(draft|internal|public|archived)$")]
    pub visibility: Option<String>,
    /// `en`, `es` or `tr`; only when creating (default `en`).
    #[schema(pattern = "^(en|es|tr)$")]
    pub source_lang: Option<String>,
    /// A category that exists (else 422 naming the field).
    #[schema(minimum = 1)]
    pub category_id: Option<i64>,
    /// A product that exists (else 422 naming the field).
    #[schema(minimum = 1)]
    pub product_id: Option<i64>,
}

/// An article's settings after creation: the source language cannot change.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleChangeBody {
    /// `draft` (the default), `internal`, `public` or `archived`.
    #[schema(pattern = "^(draft|internal|public|archived)$")]
    pub visibility: Option<String>,
    /// A category that exists (else 422 naming the field).
    #[schema(minimum = 1)]
    pub category_id: Option<i64>,
    /// A product that exists (else 422 naming the field).
    #[schema(minimum = 1)]
    pub product_id: Option<i64>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationBody {
    /// `en`, `es` or `tr`.
    #[schema(pattern = "^(en|es|tr)$")]
    pub lang: String,
    /// 1 to 200 characters.
    #[schema(value_type = tend_domain::help::Title, inline)]
    pub title: String,
    /// Markdown, 1 to 50,000 characters.
    #[schema(value_type = tend_domain::help::Body, inline)]
    pub body: String,
    /// `draft` (the default) or `published`.
    #[schema(pattern = "^(draft|published)$")]
    pub status: Option<String>,
}

fn article_id(raw: &str) -> ApiResult<i64> {
    raw.parse::<i64>()
        .map_err(|_| ApiError::not_found("article"))
}

#[utoipa::path(get, path = "/api/v1/articles", tag = "help",
    responses((status = 200, body = Vec<ArticleView>)), security(("bearer" = [])))]
pub async fn list_articles(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<ArticleView>>> {
    auth.require(Permission::Read)?;
    Ok(Json(
        s.store.articles().await?.iter().map(Into::into).collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/articles", tag = "help", request_body = ArticleSettingsBody,
    responses((status = 201, body = ArticleView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_article(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(b): ApiJson<ArticleSettingsBody>,
) -> ApiResult<(StatusCode, Json<ArticleView>)> {
    auth.require(Permission::Manage)?;
    let settings = tend_app::help::article_settings(
        b.visibility.as_deref().unwrap_or("draft"),
        b.category_id,
        b.product_id,
    )
    .map_err(DomainError::Invalid)?;
    let source = tend_domain::help::lang(b.source_lang.as_deref().unwrap_or("en"))
        .map_err(|r| ApiError::invalid("source_lang", r))?;
    let a = s
        .store
        .create_article(&settings, source, s.clock.now())
        .await?;
    Ok((StatusCode::CREATED, Json((&a).into())))
}

#[utoipa::path(get, path = "/api/v1/articles/{id}", tag = "help",
    params(("id" = i64, Path, description = "Article id")),
    responses((status = 200, body = ArticleView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_article(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<ArticleView>> {
    auth.require(Permission::Read)?;
    Ok(Json((&s.store.article(article_id(&id)?).await?).into()))
}

/// Changes the visibility, category and product (the source language stays).
#[utoipa::path(put, path = "/api/v1/articles/{id}", tag = "help", request_body = ArticleChangeBody,
    params(("id" = i64, Path, description = "Article id")),
    responses((status = 200, body = ArticleView), (status = 404, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_article(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ArticleChangeBody>,
) -> ApiResult<Json<ArticleView>> {
    auth.require(Permission::Manage)?;
    let id = article_id(&id)?;
    let settings = tend_app::help::article_settings(
        b.visibility.as_deref().unwrap_or("draft"),
        b.category_id,
        b.product_id,
    )
    .map_err(DomainError::Invalid)?;
    Ok(Json(
        (&s.store.update_article(id, &settings, s.clock.now()).await?).into(),
    ))
}

#[utoipa::path(get, path = "/api/v1/articles/{id}/translations", tag = "help",
    params(("id" = i64, Path, description = "Article id")),
    responses((status = 200, body = Vec<TranslationView>), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_translations(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<TranslationView>>> {
    auth.require(Permission::Read)?;
    Ok(Json(translations(
        &s.store.article(article_id(&id)?).await?,
    )))
}

/// Saves one language version as its next version (kept in the article's history).
#[utoipa::path(post, path = "/api/v1/articles/{id}/translations", tag = "help", request_body = TranslationBody,
    params(("id" = i64, Path, description = "Article id")),
    responses((status = 200, body = TranslationView), (status = 404, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn save_translation(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<TranslationBody>,
) -> ApiResult<Json<TranslationView>> {
    auth.require(Permission::Manage)?;
    let id = article_id(&id)?;
    let input = tend_app::help::translation_input(&b.lang, &b.title, &b.body, b.status.as_deref())
        .map_err(DomainError::Invalid)?;
    let t = s
        .store
        .save_translation(id, &input, Some(auth.0.id), s.clock.now())
        .await?;
    Ok(Json((&t).into()))
}
