//! Managers' settings of the ranking: a category's actionability mark and the score's weights.
//! Both are kept append-only with who and when, so a past ranking can be reproduced.

use axum::Json;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use tend_domain::kernel::reason::OUT_OF_RANGE;
use tend_domain::problems::Weights;
use tend_domain::staff::Permission;
use tend_store::WeightsSet;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// The weights in force and who set them (null: Tend's defaults, 40/40/20/20).
#[derive(Serialize, utoipa::ToSchema)]
pub struct WeightsView {
    pub frequency: i64,
    pub cost: i64,
    pub lost: i64,
    pub listening: i64,
    pub set_by: Option<i64>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub set_at: Option<jiff::Timestamp>,
}

impl From<WeightsSet> for WeightsView {
    fn from(w: WeightsSet) -> Self {
        WeightsView {
            frequency: w.weights.frequency,
            cost: w.weights.cost,
            lost: w.weights.lost,
            listening: w.weights.listening,
            set_by: w.set_by.map(|e| e.0),
            set_at: w.set_at,
        }
    }
}

/// The weights in force and every change, oldest first.
#[derive(Serialize, utoipa::ToSchema)]
pub struct WeightsHistory {
    pub current: WeightsView,
    pub changes: Vec<WeightsView>,
}

#[utoipa::path(get, path = "/api/v1/problems/weights", tag = "problems",
    responses((status = 200, body = WeightsHistory)), security(("bearer" = [])))]
pub async fn get_problem_weights(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<WeightsHistory>> {
    auth.require(Permission::Read)?;
    let current = s.store.problem_weights(s.clock.now()).await?.into();
    let changes = s.store.problem_weights_history().await?;
    Ok(Json(WeightsHistory {
        current,
        changes: changes.into_iter().map(Into::into).collect(),
    }))
}

/// Changes the score's weights (managers): integers 0..=100, not all zero.
#[utoipa::path(put, path = "/api/v1/problems/weights", tag = "problems", request_body = Weights,
    responses((status = 200, body = WeightsHistory), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_problem_weights(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(w): ApiJson<Weights>,
) -> ApiResult<Json<WeightsHistory>> {
    auth.require(Permission::Manage)?;
    if let Err((field, got)) = w.check() {
        let why = OUT_OF_RANGE.with("min", if got == 0 { 1 } else { 0 });
        let why = why.with("max", 100).with("got", got);
        return Err(ApiError::invalid(field, why));
    }
    s.store
        .set_problem_weights(w, auth.0.id, s.clock.now())
        .await?;
    get_problem_weights(State(s), auth).await
}

/// A category's actionability: `note` up to 500 characters (why it is or is not actionable).
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionabilityBody {
    pub actionable: bool,
    /// Why, up to 500 characters; blank is none.
    #[schema(value_type = Option<tend_domain::kernel::schema::OptText<500>>, inline)]
    pub note: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ActionabilityView {
    pub category_id: i64,
    pub actionable: bool,
    pub note: Option<String>,
    pub set_by: i64,
    #[schema(value_type = String, format = DateTime)]
    pub set_at: jiff::Timestamp,
}

/// Marks a category actionable or not (managers); unmarked categories are actionable.
#[utoipa::path(put, path = "/api/v1/problems/{category}/actionability", tag = "problems",
    request_body = ActionabilityBody, params(("category" = i64, Path, description = "Category id")),
    responses((status = 200, body = ActionabilityView), (status = 404, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_actionability(
    State(s): State<AppState>,
    auth: Authed,
    Path(category): Path<String>,
    ApiJson(body): ApiJson<ActionabilityBody>,
) -> ApiResult<Json<ActionabilityView>> {
    auth.require(Permission::Manage)?;
    let id = category.parse::<i64>().ok();
    let known = s.store.categories().await?;
    // The category is the path's object: an unknown one is a 404, like any unknown object.
    let Some(id) = id.filter(|id| known.iter().any(|c| c.id.0 == *id)) else {
        return Err(ApiError::not_found("category"));
    };
    let note = tend_domain::kernel::text::Text::<500>::parse_opt(body.note.as_deref())
        .map_err(|r| ApiError::invalid("note", r))?;
    let note = note.as_ref().map(|n| n.as_str());
    let now = s.clock.now();
    s.store
        .mark_problem(id, body.actionable, note, auth.0.id, now)
        .await?;
    let mark = s.store.problem_marks().await?;
    let m = mark
        .into_iter()
        .find(|m| m.category_id == id)
        .ok_or_else(|| ApiError::not_found("category"))?;
    Ok(Json(ActionabilityView {
        category_id: m.category_id,
        actionable: m.actionable,
        note: m.note,
        set_by: m.set_by.0,
        set_at: m.set_at,
    }))
}
