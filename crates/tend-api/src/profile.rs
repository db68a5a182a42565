//! `GET /api/v1/customers/profile`: the average customer, computed from the customer records —
//! median age, most common country, region and city, distributions of gender, education level,
//! preferred language and channel (each with n and missing), and the complaint rate.

use axum::Json;
use axum::extract::State;
use jiff::{SignedDuration, tz::TimeZone};
use serde::Serialize;
use tend_domain::customers::profile::{Distribution, Share, median};
use tend_domain::staff::Permission;

use crate::AppState;
use crate::auth::Authed;
use crate::error::ApiResult;

/// The median age: current year (UTC) − birth year, over the customers with a birth year.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AgeView {
    pub median: Option<f64>,
    pub n: i64,
    pub missing: i64,
}

/// The most common value of a place field (ties: first in text order).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ModeView {
    pub most_common: Option<Share>,
    pub n: i64,
    pub missing: i64,
}

/// Complaints received in the 365 days up to now (inclusive) ÷ all customers; merged-away and
/// deleted complaints are not counted (a merge counts once).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ComplaintRateView {
    pub per_customer_per_year: Option<f64>,
    pub complaints: i64,
    pub customers: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProfileView {
    /// All customers.
    pub customers: i64,
    pub age: AgeView,
    pub country: ModeView,
    pub region: ModeView,
    pub city: ModeView,
    pub gender: Distribution,
    pub education_level: Distribution,
    pub preferred_language: Distribution,
    pub preferred_channel: Distribution,
    pub complaint_rate: ComplaintRateView,
    pub definitions: &'static str,
}

/// How every number of the profile is defined.
pub const PROFILE_DEFINITIONS: &str = "age = current year (UTC) - birth year; the median of an \
even count is the mean of the two middle ages. most_common: the value with most customers, ties \
to the first in text order. share = customers with the value / n, n = customers with the field, \
missing = customers without it (empty or blank). complaint rate = complaints received in the 365 \
days up to now (inclusive) / all customers.";

async fn mode(s: &AppState, field: &str) -> ApiResult<ModeView> {
    let d = Distribution::of(&s.store.customers_by(field).await?);
    Ok(ModeView {
        most_common: d.mode().cloned(),
        n: d.n,
        missing: d.missing,
    })
}

#[utoipa::path(get, path = "/api/v1/customers/profile", tag = "customers",
    responses((status = 200, body = ProfileView)), security(("bearer" = [])))]
pub async fn customer_profile(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<ProfileView>> {
    auth.require(Permission::Read)?;
    let now = s.clock.now();
    let year = i64::from(now.to_zoned(TimeZone::UTC).year());
    let births = s.store.customers_by_birth_year().await?;
    let ages: Vec<(i64, i64)> = births.iter().map(|(b, k)| (year - b, *k)).collect();
    let with_age: i64 = births.iter().map(|c| c.1).sum();
    let year_ago = now - SignedDuration::from_hours(365 * 24);
    let (customers, complaints) = s.store.customers_and_complaints(year_ago, now).await?;
    let dist = async |f: &str| -> ApiResult<Distribution> {
        Ok(Distribution::of(&s.store.customers_by(f).await?))
    };
    Ok(Json(ProfileView {
        customers,
        age: AgeView {
            median: median(&ages),
            n: with_age,
            missing: customers - with_age,
        },
        country: mode(&s, "country").await?,
        region: mode(&s, "region").await?,
        city: mode(&s, "city").await?,
        gender: dist("gender").await?,
        education_level: dist("education_level").await?,
        preferred_language: dist("preferred_language").await?,
        preferred_channel: dist("preferred_channel").await?,
        complaint_rate: ComplaintRateView {
            per_customer_per_year: (customers > 0).then(|| complaints as f64 / customers as f64),
            complaints,
            customers,
        },
        definitions: PROFILE_DEFINITIONS,
    }))
}
