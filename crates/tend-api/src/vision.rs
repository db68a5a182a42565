//! `/api/v1/vision`: the vision worksheet — the current version and every earlier one (staff
//! read), and saving a new version (managers write; only the owner, an administrator, may set
//! whether the statement shows on the public pages).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use tend_app::vision;
use tend_domain::staff::Permission;
use tend_domain::vision::{HINT_WORDS, VisionDraft, words};
use tend_store::StoredVision;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// One saved version of the worksheet.
#[derive(Serialize, utoipa::ToSchema)]
pub struct VisionView {
    /// The version's id; a later save has a larger id.
    pub id: i64,
    pub success: Vec<String>,
    pub customer_view: Vec<String>,
    pub steps: Vec<String>,
    pub elements: Vec<String>,
    pub verbs: Vec<String>,
    pub statement: String,
    /// The statement's words (runs of non-whitespace characters).
    pub statement_words: usize,
    /// The length hint: a statement should have at most this many words.
    pub hint_words: usize,
    pub show_public: bool,
    pub author_id: i64,
    pub author_name: String,
    #[schema(value_type = String, format = DateTime)]
    pub saved_at: jiff::Timestamp,
}

impl From<StoredVision> for VisionView {
    fn from(v: StoredVision) -> Self {
        VisionView {
            id: v.id,
            statement_words: words(&v.statement),
            hint_words: HINT_WORDS,
            success: v.success,
            customer_view: v.customer_view,
            steps: v.steps,
            elements: v.elements,
            verbs: v.verbs,
            statement: v.statement,
            show_public: v.show_public,
            author_id: v.author_id.0,
            author_name: v.author_name,
            saved_at: v.saved_at,
        }
    }
}

/// The current version (`null` before the first save) and the history, newest first.
#[derive(Serialize, utoipa::ToSchema)]
pub struct VisionHistory {
    pub current: Option<VisionView>,
    pub history: Vec<VisionView>,
}

/// The vision: the current version and every version, newest first.
#[utoipa::path(get, path = "/api/v1/vision", tag = "plan",
    responses((status = 200, body = VisionHistory)), security(("bearer" = [])))]
pub async fn get_vision(State(s): State<AppState>, auth: Authed) -> ApiResult<Json<VisionHistory>> {
    auth.require(Permission::Read)?;
    let history: Vec<VisionView> = s
        .store
        .vision_versions()
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    let current = s.store.current_vision().await?.map(Into::into);
    Ok(Json(VisionHistory { current, history }))
}

/// Saves the worksheet as a new version (managers); `show_public` only by an administrator.
#[utoipa::path(post, path = "/api/v1/vision", tag = "plan", request_body = VisionDraft,
    responses((status = 201, body = VisionView), (status = 403, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn post_vision(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<VisionDraft>,
) -> ApiResult<(StatusCode, Json<VisionView>)> {
    auth.require(Permission::Manage)?;
    if draft.show_public.is_some() {
        auth.require(Permission::Administer)
            .map_err(|_| ApiError::forbidden("choose whether the vision is public (owner)"))?;
    }
    let saved = vision::save(&s, &draft, auth.0.id).await?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}
