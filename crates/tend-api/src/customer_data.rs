//! A customer's data: everything stored about them as JSON (managers and admins), and their
//! anonymisation (admins only, irreversible; what is kept and why: `docs/customer-data.md`).

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use tend_domain::staff::Permission;

use crate::AppState;
use crate::auth::Authed;
use crate::customers::parse_id;
use crate::error::ApiResult;

/// Everything stored about one customer: `{"format": "tend-customer-export/1", "exported_at",
/// "customer", "consent_log", "complaints": [{…, "steps", "timeline"}], "purchases",
/// "mail_sent"}` — each row with its stored columns, instants in RFC 3339 (UTC), amounts in
/// minor units. Managers and admins.
#[utoipa::path(get, path = "/api/v1/customers/{id}/export", tag = "customers",
    params(("id" = i64, Path, description = "Customer id")),
    responses((status = 200, body = serde_json::Value), (status = 403, body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn export_customer(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<serde_json::Value>> {
    auth.require(Permission::Manage)?;
    let id = parse_id(&id)?;
    Ok(Json(s.store.customer_export(id, s.clock.now()).await?))
}

/// What an anonymisation did.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Anonymised {
    pub customer_id: i64,
    /// Complaints whose free text and timeline were erased (and kept, with their figures).
    pub complaints: u64,
}

/// Anonymises a customer, irreversibly: name, contact details, notes and the free text they
/// wrote are erased everywhere, figures are kept, and each complaint's timeline records it.
/// Admins only.
#[utoipa::path(post, path = "/api/v1/customers/{id}/anonymise", tag = "customers",
    params(("id" = i64, Path, description = "Customer id")),
    responses((status = 200, body = Anonymised), (status = 403, body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn anonymise_customer(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Anonymised>> {
    auth.require(Permission::Administer)?;
    let id = parse_id(&id)?;
    let n = s
        .store
        .anonymise_customer(id, &auth.actor(), s.clock.now())
        .await?;
    Ok(Json(Anonymised {
        customer_id: id.0,
        complaints: n,
    }))
}
