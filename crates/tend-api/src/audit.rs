//! The audit log of staff actions, for admins: `GET /api/v1/audit`, newest first, paged by
//! cursor (role changes, tokens created and revoked, employees deactivated or reactivated,
//! channel hours and response standards set — who, what, when).

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use tend_domain::staff::Permission;
use tend_store::AuditEntry;
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};

/// Paging of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Rows per page, 1..=200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    #[param(pattern = "^(0|[1-9][0-9]{0,17})$")]
    pub cursor: Option<String>,
}

/// One staff action.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryView {
    pub id: i64,
    /// When, RFC 3339 UTC.
    pub at: String,
    /// The employee who acted; null for the command line or the system.
    pub actor_id: Option<i64>,
    /// Their name at the time, or `cli` / `system`.
    pub actor: String,
    /// One of role_changed, token_created, tokens_revoked, employee_deactivated,
    /// employee_activated, service_hours_set, response_standards_set, company_settings_set,
    /// purge_period_set (detail `purge_days=N`).
    pub action: String,
    /// The employee's e-mail address or the channel code.
    pub subject: String,
    /// role_changed: `role tier N`; token_created: the label; tokens_revoked: `label=L n=N`
    /// (`*` = all); the settings: the JSON stored; otherwise empty.
    pub detail: String,
}

impl From<&AuditEntry> for AuditEntryView {
    fn from(e: &AuditEntry) -> Self {
        AuditEntryView {
            id: e.id,
            at: e.at.to_string(),
            actor_id: e.actor_id.map(|a| a.0),
            actor: e.actor.clone(),
            action: e.action.clone(),
            subject: e.subject.clone(),
            detail: e.detail.clone(),
        }
    }
}

/// A page of the audit log; `next_cursor` is null on the last page.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEntryView>,
    pub next_cursor: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "staff", params(AuditQuery),
    responses((status = 200, body = AuditPage), (status = 401, body = crate::error::ErrorBody),
        (status = 403, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_audit(
    State(s): State<AppState>,
    auth: Authed,
    query: Result<Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<AuditPage>> {
    auth.require(Permission::Administer)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::invalid("limit", "must be from 1 to 200"));
    }
    let before = q.cursor.map(|c| crate::query::id_cursor(&c)).transpose()?;
    // One more than asked tells whether there is a next page.
    let mut rows = s.store.audit_log(limit + 1, before).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = more
        .then(|| rows.last().map(|r| r.id.to_string()))
        .flatten();
    Ok(Json(AuditPage {
        items: rows.iter().map(Into::into).collect(),
        next_cursor,
    }))
}
