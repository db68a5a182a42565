//! Staff access, for admins: revoke an employee's API tokens and deactivate or reactivate an
//! employee. Both take effect at once on every server sharing the database (the store's
//! `auth_epoch`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::staff::Permission;
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

fn employee_id(raw: &str) -> ApiResult<EmployeeId> {
    raw.parse::<i64>()
        .map(EmployeeId)
        .map_err(|_| ApiError::not_found("employee"))
}

/// Which of the employee's tokens to revoke: all live ones, or those with this label.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevokeTokens {
    #[serde(default)]
    pub label: Option<String>,
}

/// How many tokens were revoked.
#[derive(Debug, Serialize, ToSchema)]
pub struct Revoked {
    pub revoked: u64,
}

#[utoipa::path(post, path = "/api/v1/employees/{id}/tokens/revoke", tag = "staff",
    params(("id" = i64, Path, description = "Employee id")),
    request_body = RevokeTokens,
    responses((status = 200, body = Revoked), (status = 401, body = crate::error::ErrorBody),
        (status = 403, body = crate::error::ErrorBody), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn revoke_tokens(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RevokeTokens>,
) -> ApiResult<Json<Revoked>> {
    auth.require(Permission::Administer)?;
    let id = employee_id(&id)?;
    let now = s.clock.now();
    // An unknown id is a 404, not "0 revoked".
    s.store
        .employees()
        .await?
        .iter()
        .find(|e| e.id == id)
        .ok_or_else(|| ApiError::not_found("employee"))?;
    let revoked = s
        .store
        .revoke_tokens(id, body.label.as_deref(), now, &auth.actor())
        .await?;
    Ok(Json(Revoked { revoked }))
}

/// Whether the employee may sign in and use their tokens.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub active: bool,
}

#[utoipa::path(put, path = "/api/v1/employees/{id}/active", tag = "staff",
    params(("id" = i64, Path, description = "Employee id")),
    request_body = Activity,
    responses((status = 204), (status = 401, body = crate::error::ErrorBody),
        (status = 403, body = crate::error::ErrorBody), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn set_active(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Activity>,
) -> ApiResult<StatusCode> {
    auth.require(Permission::Administer)?;
    s.store
        .set_employee_active(employee_id(&id)?, body.active, s.clock.now(), &auth.actor())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
