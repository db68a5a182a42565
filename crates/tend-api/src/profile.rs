//! `GET /api/v1/customers/profile`: the average customer, computed from the customer records —
//! median age, most common country, region and city, distributions of gender, education level,
//! preferred language and channel (each with n and missing), the complaint rate and
//! satisfaction. The computation is `tend_app::segments::profile`, shared with a segment's.

use axum::Json;
use axum::extract::State;
use tend_domain::staff::Permission;

use crate::AppState;
use crate::auth::Authed;
use crate::error::ApiResult;

pub use tend_domain::customers::profile::PROFILE_DEFINITIONS;
/// The profile as the API sends it (see `tend_domain::customers::profile::Profile`).
pub use tend_domain::customers::profile::Profile as ProfileView;

#[utoipa::path(get, path = "/api/v1/customers/profile", tag = "customers",
    responses((status = 200, body = ProfileView)), security(("bearer" = [])))]
pub async fn customer_profile(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<ProfileView>> {
    auth.require(Permission::Read)?;
    let p = tend_app::segments::profile(&s.store, s.clock.now(), None).await?;
    Ok(Json(p))
}
