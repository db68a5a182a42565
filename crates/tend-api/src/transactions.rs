//! `/api/v1/transactions`: purchases, each scheduling its retention contact.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_domain::kernel::ids::CustomerId;
use tend_domain::staff::Permission;
use tend_domain::transactions::TransactionDraft;
use tend_store::StoredTransaction;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::views::Page;

#[derive(Serialize, utoipa::ToSchema)]
pub struct TransactionView {
    pub id: i64,
    pub customer_id: i64,
    #[schema(value_type = String, format = DateTime)]
    pub occurred_at: jiff::Timestamp,
    pub product_id: Option<i64>,
    pub product: Option<String>,
    /// Decimal string, e.g. `"19.90"`.
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub returned: bool,
    pub external_id: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
}

impl From<StoredTransaction> for TransactionView {
    fn from(t: StoredTransaction) -> Self {
        TransactionView {
            id: t.id,
            customer_id: t.customer_id.0,
            occurred_at: t.occurred_at,
            product_id: t.product_id.map(|p| p.0),
            product: t.product,
            amount: t.amount.map(|m| m.amount_string()),
            currency: t.amount.map(|m| m.currency().as_str().to_owned()),
            returned: t.returned,
            external_id: t.external_id,
            created_at: t.created_at,
        }
    }
}

/// Records a purchase; its retention contact is scheduled for a month (configurable) later.
#[utoipa::path(post, path = "/api/v1/transactions", tag = "transactions", request_body = TransactionDraft,
    responses((status = 201, body = TransactionView), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_transaction(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<TransactionDraft>,
) -> ApiResult<(StatusCode, Json<TransactionView>)> {
    auth.require(Permission::WorkComplaints)?;
    let now = s.clock.now();
    let t = draft.validate(now)?;
    let stored = s
        .store
        .create_transaction(&t, Some(s.retention_plan()), now)
        .await?;
    Ok((StatusCode::CREATED, Json(stored.into())))
}

#[utoipa::path(get, path = "/api/v1/transactions/{id}", tag = "transactions",
    params(("id" = i64, Path, description = "Transaction id")),
    responses((status = 200, body = TransactionView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_transaction(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<TransactionView>> {
    auth.require(Permission::Read)?;
    let id = id
        .parse::<i64>()
        .map_err(|_| ApiError::not_found("transaction"))?;
    Ok(Json(s.store.transaction(id).await?.into()))
}

/// Newest first; `cursor` continues from the previous page.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TransactionQuery {
    customer_id: Option<i64>,
    /// `next_cursor` of the previous page.
    #[param(pattern = "^(0|[1-9][0-9]{0,17})$")]
    cursor: Option<String>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
}

#[utoipa::path(get, path = "/api/v1/transactions", tag = "transactions", params(TransactionQuery),
    responses((status = 200, body = Page<TransactionView>), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_transactions(
    State(s): State<AppState>,
    auth: Authed,
    query: Result<Query<TransactionQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Page<TransactionView>>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::invalid("limit", "must be from 1 to 200"));
    }
    let before = q.cursor.map(|c| crate::query::id_cursor(&c)).transpose()?;
    let mut items = s
        .store
        .transactions(q.customer_id.map(CustomerId), before, limit + 1)
        .await?;
    let next_cursor = if items.len() > limit as usize {
        items.truncate(limit as usize);
        items.last().map(|t| t.id.to_string())
    } else {
        None
    };
    Ok(Json(Page {
        items: items.into_iter().map(Into::into).collect(),
        next_cursor,
    }))
}
