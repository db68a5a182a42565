//! `/api/v1/problems/focus`: the plan's focus problems as adopted by managers — one to three
//! categories in order, the ranking period they were chosen from, who and when. Append-only:
//! the newest adoption is in force (the plan page shows the one in force at a day's end).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_domain::staff::Permission;
use tend_store::FocusAdoption;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// An adoption: `categories` (ids, position 1 first) with their paths, the ranking period
/// `[from, to)` (UTC dates), who adopted them and when.
#[derive(Clone, Serialize, utoipa::ToSchema)]
pub struct FocusView {
    pub id: i64,
    pub categories: Vec<FocusCategory>,
    #[schema(format = Date)]
    pub from: String,
    #[schema(format = Date)]
    pub to: String,
    pub adopted_by: i64,
    #[schema(value_type = String, format = DateTime)]
    pub adopted_at: jiff::Timestamp,
}

#[derive(Clone, Serialize, utoipa::ToSchema)]
pub struct FocusCategory {
    pub id: i64,
    /// The category's path, `Parent / Child`.
    pub path: String,
}

/// The adoption in force (null before any) and every adoption, newest first.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FocusHistory {
    pub current: Option<FocusView>,
    pub adoptions: Vec<FocusView>,
}

/// `categories`: 1 to 3 category ids, none twice, in the order adopted; `from`, `to`: the
/// ranking period they were chosen from (UTC dates, `to` excluded; default the problems
/// API's default period).
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FocusBody {
    #[schema(min_items = 1, max_items = 3)]
    pub categories: Vec<i64>,
    #[schema(format = Date)]
    pub from: Option<String>,
    #[schema(format = Date)]
    pub to: Option<String>,
}

async fn view_all(s: &AppState) -> ApiResult<FocusHistory> {
    let cats = s.store.categories().await?;
    let paths: std::collections::HashMap<i64, String> = tend_domain::catalog::category_paths(&cats)
        .into_iter()
        .map(|(id, p)| (id.0, p))
        .collect();
    let view = |a: FocusAdoption| FocusView {
        id: a.id,
        categories: a
            .categories
            .iter()
            .map(|id| FocusCategory {
                id: *id,
                path: paths.get(id).cloned().unwrap_or_default(),
            })
            .collect(),
        from: a.period_from,
        to: a.period_to,
        adopted_by: a.adopted_by.0,
        adopted_at: a.adopted_at,
    };
    let adoptions: Vec<FocusView> = s
        .store
        .focus_adoptions()
        .await?
        .into_iter()
        .map(view)
        .collect();
    let now = s.clock.now();
    let current = adoptions.iter().find(|a| a.adopted_at <= now).cloned();
    Ok(FocusHistory { current, adoptions })
}

#[utoipa::path(get, path = "/api/v1/problems/focus", tag = "problems",
    responses((status = 200, body = FocusHistory)), security(("bearer" = [])))]
pub async fn get_problem_focus(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<FocusHistory>> {
    auth.require(Permission::Read)?;
    Ok(Json(view_all(&s).await?))
}

/// Adopts the plan's focus problems (managers). 422 on `categories` (`focus_count`,
/// `focus_twice`, `no_category`), `from`/`to` (`date`, `period_order`).
#[utoipa::path(post, path = "/api/v1/problems/focus", tag = "problems", request_body = FocusBody,
    responses((status = 201, body = FocusView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn adopt_problem_focus(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<FocusBody>,
) -> ApiResult<(StatusCode, Json<FocusView>)> {
    auth.require(Permission::Manage)?;
    let now = s.clock.now();
    let (from, to) = super::period(body.from.as_deref(), body.to.as_deref(), now)?;
    let (f, t) = (from.to_string(), to.to_string());
    let id = s
        .store
        .adopt_focus(&body.categories, (&f, &t), auth.0.id, now)
        .await?;
    let all = view_all(&s).await?;
    let v = all
        .adoptions
        .into_iter()
        .find(|a| a.id == id)
        .ok_or_else(|| ApiError::not_found("focus"))?;
    Ok((StatusCode::CREATED, Json(v)))
}
