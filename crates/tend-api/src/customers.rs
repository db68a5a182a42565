//! `/api/v1/customers`: create, read, change (JSON merge patch) and list customers.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use tend_domain::customers::CustomerDraft;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::CustomerId;
use tend_domain::staff::Permission;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, MergePatch, from_value, merge_patch};
use crate::views::{CustomerView, Page};

#[utoipa::path(post, path = "/api/v1/customers", tag = "customers", request_body = CustomerDraft,
    responses((status = 201, body = CustomerView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_customer(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<CustomerDraft>,
) -> ApiResult<(StatusCode, Json<CustomerView>)> {
    auth.require(Permission::WorkComplaints)?;
    let customer = draft.validate(s.year())?;
    let stored = s
        .store
        .create_customer(&customer, s.clock.now(), ConsentVia::Api)
        .await?;
    Ok((StatusCode::CREATED, Json((&stored).into())))
}

#[utoipa::path(get, path = "/api/v1/customers/{id}", tag = "customers",
    params(("id" = i64, Path, description = "Customer id")),
    responses((status = 200, body = CustomerView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_customer(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<CustomerView>> {
    auth.require(Permission::Read)?;
    let stored = s.store.customer(parse_id(&id)?).await?;
    Ok(Json((&stored).into()))
}

/// Changes the fields present in the body; `null` clears a field.
#[utoipa::path(patch, path = "/api/v1/customers/{id}", tag = "customers", request_body = CustomerDraft,
    params(("id" = i64, Path, description = "Customer id")),
    responses((status = 200, body = CustomerView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn patch_customer(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    MergePatch(patch): MergePatch,
) -> ApiResult<Json<CustomerView>> {
    auth.require(Permission::WorkComplaints)?;
    let id = parse_id(&id)?;
    let current = s.store.customer(id).await?;
    let mut merged = serde_json::to_value(current.customer.to_draft()).expect("drafts serialise");
    merge_patch(&mut merged, patch);
    let draft: CustomerDraft = from_value(merged)?;
    let customer = draft.validate(s.year())?;
    let stored = s
        .store
        .update_customer(id, &customer, s.clock.now(), ConsentVia::Api)
        .await?;
    Ok(Json((&stored).into()))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CustomerQuery {
    /// Start of the name or e-mail address.
    q: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(pattern = "^(0|[1-9][0-9]{0,17})$")]
    cursor: Option<String>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
}

#[utoipa::path(get, path = "/api/v1/customers", tag = "customers", params(CustomerQuery),
    responses((status = 200, body = Page<CustomerView>)), security(("bearer" = [])))]
pub async fn list_customers(
    State(s): State<AppState>,
    auth: Authed,
    query: Result<Query<CustomerQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Page<CustomerView>>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::invalid("limit", "must be from 1 to 200"));
    }
    let after = q
        .cursor
        .map(|c| crate::query::id_cursor(&c).map(CustomerId))
        .transpose()?;
    let page = s.store.list_customers(q.q.as_deref(), after, limit).await?;
    Ok(Json(Page {
        items: page.items.iter().map(Into::into).collect(),
        next_cursor: page.next.map(|c| c.0.to_string()),
    }))
}

pub(crate) fn parse_id(raw: &str) -> ApiResult<CustomerId> {
    raw.parse::<i64>()
        .map(CustomerId)
        .map_err(|_| ApiError::not_found("customer"))
}
