//! `/api/v1/categories`, `/products`, `/channels`, `/employees`: what complaints are filed against.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_domain::catalog::{Category, Channel, Product};
use tend_domain::kernel::ids::CategoryId;
use tend_domain::kernel::text::{Line, Name};
use tend_domain::staff::Permission;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::views::EmployeeView;

#[derive(Serialize, utoipa::ToSchema)]
pub struct CategoryView {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    /// Days from resolution to follow-up; absent: the parent's, else Tend's default.
    pub follow_up_days: Option<i64>,
}

impl From<&Category> for CategoryView {
    fn from(c: &Category) -> Self {
        CategoryView {
            id: c.id.0,
            parent_id: c.parent_id.map(|p| p.0),
            name: c.name.clone(),
            follow_up_days: c.follow_up_days,
        }
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpSetting {
    /// 0 to 365; `null` inherits from the parent category.
    #[schema(minimum = 0, maximum = 365)]
    pub follow_up_days: Option<i64>,
}

/// Sets how many days after resolution complaints of this category are followed up.
#[utoipa::path(put, path = "/api/v1/categories/{id}/follow-up", tag = "catalog", request_body = FollowUpSetting,
    params(("id" = i64, Path, description = "Category id")),
    responses((status = 204), (status = 404, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn set_category_follow_up(
    State(s): State<AppState>,
    auth: Authed,
    axum::extract::Path(id): axum::extract::Path<String>,
    ApiJson(body): ApiJson<FollowUpSetting>,
) -> ApiResult<StatusCode> {
    auth.require(Permission::Manage)?;
    let id = id
        .parse::<i64>()
        .map_err(|_| ApiError::not_found("category"))?;
    s.store
        .set_category_follow_up_days(CategoryId(id), body.follow_up_days)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCategory {
    #[schema(value_type = tend_domain::kernel::text::Name, inline)]
    pub name: String,
    /// The category this one sits under (one that exists, else 422 naming the field); absent
    /// for a top-level category.
    #[schema(minimum = 1)]
    pub parent_id: Option<i64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProductView {
    pub id: i64,
    pub name: String,
    pub sku: Option<String>,
}

impl From<&Product> for ProductView {
    fn from(p: &Product) -> Self {
        ProductView {
            id: p.id.0,
            name: p.name.clone(),
            sku: p.sku.clone(),
        }
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewProduct {
    #[schema(value_type = tend_domain::kernel::text::Name, inline)]
    pub name: String,
    /// Up to 64 characters on one line; blank is none.
    #[schema(value_type = Option<tend_domain::kernel::schema::OptLine<64>>, inline)]
    pub sku: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ChannelView {
    pub code: String,
    pub name: String,
}

impl From<&Channel> for ChannelView {
    fn from(c: &Channel) -> Self {
        ChannelView {
            code: c.code.to_string(),
            name: c.name.clone(),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/categories", tag = "catalog",
    responses((status = 200, body = Vec<CategoryView>)), security(("bearer" = [])))]
pub async fn list_categories(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<CategoryView>>> {
    auth.require(Permission::Read)?;
    Ok(Json(
        s.store.categories().await?.iter().map(Into::into).collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/categories", tag = "catalog", request_body = NewCategory,
    responses((status = 201, body = CategoryView), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_category(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(new): ApiJson<NewCategory>,
) -> ApiResult<(StatusCode, Json<CategoryView>)> {
    auth.require(Permission::Manage)?;
    let name = Name::parse(&new.name).map_err(|r| ApiError::invalid("name", r))?;
    let c = s
        .store
        .create_category(&name, new.parent_id.map(CategoryId), s.clock.now())
        .await?;
    Ok((StatusCode::CREATED, Json((&c).into())))
}

#[utoipa::path(get, path = "/api/v1/products", tag = "catalog",
    responses((status = 200, body = Vec<ProductView>)), security(("bearer" = [])))]
pub async fn list_products(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<ProductView>>> {
    auth.require(Permission::Read)?;
    Ok(Json(
        s.store.products().await?.iter().map(Into::into).collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/products", tag = "catalog", request_body = NewProduct,
    responses((status = 201, body = ProductView), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_product(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(new): ApiJson<NewProduct>,
) -> ApiResult<(StatusCode, Json<ProductView>)> {
    auth.require(Permission::Manage)?;
    let name = Name::parse(&new.name).map_err(|r| ApiError::invalid("name", r))?;
    let sku = Line::<64>::parse_opt(new.sku.as_deref()).map_err(|r| ApiError::invalid("sku", r))?;
    let p = s
        .store
        .create_product(&name, sku.as_ref(), s.clock.now())
        .await?;
    Ok((StatusCode::CREATED, Json((&p).into())))
}

#[utoipa::path(get, path = "/api/v1/channels", tag = "catalog",
    responses((status = 200, body = Vec<ChannelView>)), security(("bearer" = [])))]
pub async fn list_channels(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<ChannelView>>> {
    auth.require(Permission::Read)?;
    Ok(Json(
        s.store.channels().await?.iter().map(Into::into).collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/employees", tag = "catalog",
    responses((status = 200, body = Vec<EmployeeView>)), security(("bearer" = [])))]
pub async fn list_employees(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<EmployeeView>>> {
    auth.require(Permission::Read)?;
    Ok(Json(
        s.store.employees().await?.iter().map(Into::into).collect(),
    ))
}
