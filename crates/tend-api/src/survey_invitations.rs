//! `/api/v1/surveys/{id}/invitations`: a survey's invitations with their status, inviting
//! customers (a list of ids, or a saved segment's members read now) by the same rules as the
//! survey's page — only customers with an address and consent, each once per survey —, the
//! response rate with its n and definition, and the surveys' settings (how long an
//! invitation's link lasts, the cooldown between two asks).

use std::collections::BTreeSet;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use tend_app::segments;
use tend_app::surveys::invite;
use tend_domain::kernel::ids::CustomerId;
use tend_domain::kernel::reason::{ONE_OF, REQUIRED, Reason};
use tend_domain::staff::Permission;
use tend_domain::surveys::{InvitationStatus, SurveySettings, link_expires_at};
use tend_store::Audience;
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::surveys::parse_id;

/// One invitation and what became of it. `status`: `bounced` when its mail came back, else
/// `answered` when its response is complete, else `reminded` once the reminder was sent,
/// else `sent` once the invitation mail was sent, else `pending`.
#[derive(Serialize, ToSchema)]
pub struct InvitationView {
    pub id: i64,
    pub customer_id: i64,
    /// The language it was (or will be) sent in.
    pub language: String,
    pub status: InvitationStatus,
    pub invited_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    pub reminded_at: Option<Timestamp>,
    pub bounced_at: Option<Timestamp>,
    pub answered_at: Option<Timestamp>,
    /// From this instant the link stores nothing: `invited_at` + the link days in force.
    pub link_expires_at: Timestamp,
}

/// A page of invitations by id; `next_after` is the `after` of the next page (`null`: none).
#[derive(Serialize, ToSchema)]
pub struct InvitationPage {
    pub invitations: Vec<InvitationView>,
    pub next_after: Option<i64>,
}

/// Which invitations to list.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct InvitationsQuery {
    /// Only those with this status: pending, sent, reminded, answered or bounced.
    #[param(pattern = "^(pending|sent|reminded|answered|bounced)$")]
    pub status: Option<String>,
    /// Only those with an id above this one (the previous page's `next_after`).
    #[param(minimum = 0)]
    pub after: Option<i64>,
    /// 1–1,000 (default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

/// Who to invite: exactly one of `customers` (customer ids, 1–1,000) or `segment_id` (a saved
/// segment; its members now).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewInvitations {
    #[schema(min_items = 1, max_items = 1000)]
    pub customers: Option<Vec<i64>>,
    pub segment_id: Option<i64>,
}

/// What an invitation round did: `invited` (new invitations, each mailed inside the e-mail
/// channel's hours), `left_out` (chosen but without an address or consent to contact),
/// `already` (invited to this survey before), `unknown` (listed ids that name no customer).
#[derive(Serialize, ToSchema)]
pub struct InvitedView {
    pub invited: u64,
    pub left_out: u64,
    pub already: u64,
    pub unknown: u64,
}

/// The response rate: `rate` = `answered` ÷ `delivered` × 100 (`null` when nothing was
/// delivered), `n` = `delivered` = `sent` − `bounced`.
#[derive(Serialize, ToSchema)]
pub struct ResponseRateView {
    pub invited: u64,
    pub sent: u64,
    pub bounced: u64,
    pub delivered: u64,
    pub answered: u64,
    pub n: u64,
    pub rate: Option<f64>,
    pub definition: &'static str,
}

const RATE: &str = "Response rate = complete answers through an invitation whose mail was sent \
    and did not bounce ÷ invitations delivered (sent − bounced) × 100; n = delivered. Partial \
    answers are not counted.";

#[utoipa::path(get, path = "/api/v1/surveys/{id}/invitations", tag = "surveys",
    params(("id" = i64, Path, description = "Survey id"), InvitationsQuery),
    responses((status = 200, body = InvitationPage), (status = 404, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_invitations(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    query: Result<Query<InvitationsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<InvitationPage>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let status = match q.status.as_deref() {
        None => None,
        Some(raw) => Some(InvitationStatus::parse(raw).ok_or_else(|| {
            let allowed = "pending, sent, reminded, answered, bounced";
            ApiError::invalid("status", ONE_OF.with("allowed", allowed).with("got", raw))
        })?),
    };
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::invalid("limit", "must be from 1 to 1000"));
    }
    let after = q.after.unwrap_or(0);
    if after < 0 {
        return Err(ApiError::invalid("after", "must be 0 or more"));
    }
    let (rows, valid) = invite::list(&s, parse_id(&id)?, status, after, limit).await?;
    let next_after = (rows.len() as i64 == limit)
        .then(|| rows.last().map(|r| r.id))
        .flatten();
    let invitations = rows
        .into_iter()
        .map(|r| InvitationView {
            id: r.id,
            customer_id: r.customer_id.0,
            language: r.language,
            status: r.status,
            link_expires_at: link_expires_at(r.invited_at, valid),
            invited_at: r.invited_at,
            sent_at: r.sent_at,
            reminded_at: r.reminded_at,
            bounced_at: r.bounced_at,
            answered_at: r.answered_at,
        })
        .collect();
    Ok(Json(InvitationPage {
        invitations,
        next_after,
    }))
}

/// Invites customers to an open survey (managers), in one transaction; a survey not open is
/// a 422 (`status`), as is a saved segment that does not exist (`segment_id`).
#[utoipa::path(post, path = "/api/v1/surveys/{id}/invitations", tag = "surveys",
    request_body = NewInvitations, params(("id" = i64, Path, description = "Survey id")),
    responses((status = 201, body = InvitedView), (status = 404, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_invitations(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewInvitations>,
) -> ApiResult<(StatusCode, Json<InvitedView>)> {
    auth.require(Permission::Manage)?;
    let id = parse_id(&id)?;
    s.store.survey(id).await?;
    let (audience, listed) = match (body.customers, body.segment_id) {
        (Some(list), None) => {
            if list.is_empty() || list.len() > 1000 {
                return Err(ApiError::invalid("customers", "must list 1 to 1000 ids"));
            }
            let distinct: BTreeSet<i64> = list.into_iter().collect();
            let audience = Audience {
                customers: distinct.iter().copied().map(CustomerId).collect(),
                ..Audience::default()
            };
            (audience, Some(distinct.len() as u64))
        }
        (None, Some(segment)) => {
            let members = segments::members(&s.store, "segment_id", segment, s.clock.now()).await?;
            let audience = Audience {
                segment: Some(members),
                ..Audience::default()
            };
            (audience, None)
        }
        (None, None) => {
            return Err(ApiError::invalid("customers", Reason::from(REQUIRED)));
        }
        (Some(_), Some(_)) => {
            return Err(ApiError::invalid(
                "segment_id",
                "give either customers or segment_id, not both",
            ));
        }
    };
    let done = invite::invite(&s, id, &audience, Some(auth.0.id)).await?;
    let matched = done.invited + done.without_consent + done.already;
    Ok((
        StatusCode::CREATED,
        Json(InvitedView {
            invited: done.invited,
            left_out: done.without_consent,
            already: done.already,
            unknown: listed.map_or(0, |n| n.saturating_sub(matched)),
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/surveys/{id}/response-rate", tag = "surveys",
    params(("id" = i64, Path, description = "Survey id")),
    responses((status = 200, body = ResponseRateView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn survey_response_rate(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<ResponseRateView>> {
    auth.require(Permission::Read)?;
    let id = parse_id(&id)?;
    s.store.survey(id).await?;
    let r = invite::response(&s, id).await?;
    Ok(Json(ResponseRateView {
        invited: r.counts.invited,
        sent: r.counts.sent,
        bounced: r.counts.bounced,
        delivered: r.delivered,
        answered: r.counts.answered,
        n: r.delivered,
        rate: r.rate,
        definition: RATE,
    }))
}

/// The surveys' settings: `invitation_link_days` (1–3650, default 30) from an invitation to
/// its link's expiry; `cooldown_days` (0–3650, default 90) within which a customer asked by
/// any survey is not asked again by the relationship schedule.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveySettingsView {
    #[schema(minimum = 1, maximum = 3650)]
    pub invitation_link_days: i64,
    #[schema(minimum = 0, maximum = 3650)]
    pub cooldown_days: i64,
}

fn settings_view(v: SurveySettings) -> SurveySettingsView {
    SurveySettingsView {
        invitation_link_days: i64::from(v.link_days),
        cooldown_days: i64::from(v.cooldown_days),
    }
}

#[utoipa::path(get, path = "/api/v1/survey-settings", tag = "surveys",
    responses((status = 200, body = SurveySettingsView)), security(("bearer" = [])))]
pub async fn get_survey_settings(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<SurveySettingsView>> {
    auth.require(Permission::Read)?;
    Ok(Json(settings_view(s.store.survey_settings().await?)))
}

/// Sets both settings (managers), recorded in the audit log.
#[utoipa::path(put, path = "/api/v1/survey-settings", tag = "surveys",
    request_body = SurveySettingsView,
    responses((status = 200, body = SurveySettingsView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_survey_settings(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<SurveySettingsView>,
) -> ApiResult<Json<SurveySettingsView>> {
    auth.require(Permission::Manage)?;
    let v = SurveySettings::new(body.invitation_link_days, body.cooldown_days)?;
    s.store
        .set_survey_settings(v, s.clock.now(), &auth.actor())
        .await?;
    Ok(Json(settings_view(v)))
}
