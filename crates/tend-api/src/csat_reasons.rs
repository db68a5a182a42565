//! `/api/v1/csat-reasons`: the reasons a dissatisfied customer (a rating of 1–3) may pick when
//! answering the satisfaction question after a resolution — the business's list of at most 8,
//! each a code and its text in en, es and tr; Tend's standard list until one is set. Staff
//! read it; managers replace it (audited). Answers keep the code they were given.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use tend_domain::csat::{CsatReason, CsatReasons};
use tend_domain::staff::Permission;
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::Authed;
use crate::error::ApiResult;
use crate::extract::ApiJson;

/// The reasons, in the order they are offered.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CsatReasonsView {
    #[schema(max_items = 8)]
    pub reasons: Vec<CsatReason>,
}

fn view(list: &CsatReasons) -> CsatReasonsView {
    CsatReasonsView {
        reasons: list.list().to_vec(),
    }
}

#[utoipa::path(get, path = "/api/v1/csat-reasons", tag = "surveys",
    responses((status = 200, body = CsatReasonsView)), security(("bearer" = [])))]
pub async fn get_csat_reasons(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<CsatReasonsView>> {
    auth.require(Permission::Read)?;
    Ok(Json(view(&s.store.csat_reasons().await?)))
}

/// Replaces the list (managers), recorded in the audit log; 422 names each refused place
/// (`reasons`, `reasons[N].code`, `reasons[N].labels.LANG`).
#[utoipa::path(put, path = "/api/v1/csat-reasons", tag = "surveys",
    request_body = CsatReasonsView,
    responses((status = 200, body = CsatReasonsView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_csat_reasons(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<CsatReasonsView>,
) -> ApiResult<Json<CsatReasonsView>> {
    auth.require(Permission::Manage)?;
    let list = CsatReasons::new(body.reasons)?;
    s.store
        .set_csat_reasons(&list, s.clock.now(), &auth.actor())
        .await?;
    Ok(Json(view(&list)))
}
