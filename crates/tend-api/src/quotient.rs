//! `/api/v1/quotient`: the customer service quotient — submit an assessment, list them, and the
//! rounds with the business's scores, each respondent's, the spread, the trend per area and the
//! weakest areas. Scores are rounded to two decimals for reading; `*_sixtieths` and the bands
//! are exact (see `tend_domain::quotient`).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_app::quotient::{self, Round};
use tend_domain::quotient::round::Ratio;
use tend_domain::quotient::{Area, AssessmentDraft, Band};
use tend_domain::staff::Permission;
use tend_store::StoredAssessment;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// One respondent's assessment and its scores.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AssessmentView {
    pub id: i64,
    pub round: String,
    pub respondent: String,
    /// Who submitted it.
    pub employee_id: i64,
    #[schema(value_type = String, format = DateTime)]
    pub submitted_at: jiff::Timestamp,
    /// Area code → score (the mean of its statements, 1–5, two decimals).
    pub areas: BTreeMap<&'static str, f64>,
    /// Area code → its ratings as submitted, in the method's order.
    pub ratings: BTreeMap<&'static str, Vec<u8>>,
    /// The sum of the seven area scores, 7–35, two decimals.
    pub total: f64,
    /// The total exactly, in sixtieths (`total_sixtieths / 60`).
    pub total_sixtieths: i64,
    pub band: Band,
}

impl From<&StoredAssessment> for AssessmentView {
    fn from(s: &StoredAssessment) -> Self {
        let a = &s.assessment;
        AssessmentView {
            id: s.id,
            round: s.round.clone(),
            respondent: a.respondent.to_string(),
            employee_id: s.employee_id.0,
            submitted_at: s.submitted_at,
            areas: Area::ALL
                .iter()
                .map(|&x| (x.code(), a.area_score(x).rounded()))
                .collect(),
            ratings: a
                .ratings
                .iter()
                .map(|(x, r)| (x.code(), r.clone()))
                .collect(),
            total: a.total().rounded(),
            total_sixtieths: a.total().0,
            band: a.band(),
        }
    }
}

/// Records one respondent's assessment: every statement of the seven areas rated 1–5.
#[utoipa::path(post, path = "/api/v1/quotient/assessments", tag = "plan", request_body = AssessmentDraft,
    responses((status = 201, body = AssessmentView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_assessment(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<AssessmentDraft>,
) -> ApiResult<(StatusCode, Json<AssessmentView>)> {
    auth.require(Permission::WorkComplaints)?;
    let stored = quotient::submit(&s, &draft, auth.0.id).await?;
    Ok((StatusCode::CREATED, Json((&stored).into())))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AssessmentQuery {
    /// Only this round's assessments.
    round: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AssessmentList {
    pub items: Vec<AssessmentView>,
}

/// Every assessment, oldest first (or one round's).
#[utoipa::path(get, path = "/api/v1/quotient/assessments", tag = "plan", params(AssessmentQuery),
    responses((status = 200, body = AssessmentList)), security(("bearer" = [])))]
pub async fn list_assessments(
    State(s): State<AppState>,
    auth: Authed,
    query: Result<Query<AssessmentQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<AssessmentList>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let items = s.store.assessments(q.round.as_deref()).await?;
    Ok(Json(AssessmentList {
        items: items.iter().map(Into::into).collect(),
    }))
}

/// Lowest, highest and their difference (the spread).
#[derive(Serialize, utoipa::ToSchema)]
pub struct Spread {
    pub min: f64,
    pub max: f64,
    pub range: f64,
}

fn spread(min: i64, max: i64) -> Spread {
    let r = |x: i64| Ratio { num: x, den: 60 }.rounded();
    Spread {
        min: r(min),
        max: r(max),
        range: r(max - min),
    }
}

/// A round: the business's scores (means over its respondents), n, the spread and each
/// respondent's assessment.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RoundView {
    pub round: String,
    /// Respondents in the round.
    pub n: usize,
    pub areas: BTreeMap<&'static str, f64>,
    pub total: f64,
    pub band: Band,
    /// The range of the respondents' totals.
    pub spread: Spread,
    /// Per area, the range of the respondents' area scores.
    pub area_spread: BTreeMap<&'static str, Spread>,
    pub respondents: Vec<AssessmentView>,
}

fn round_view(r: &Round) -> RoundView {
    let score = r.score();
    let (lo, hi) = score.total_range();
    RoundView {
        round: r.label.clone(),
        n: score.n(),
        areas: Area::ALL
            .iter()
            .map(|&a| (a.code(), score.area(a).rounded()))
            .collect(),
        total: score.total().rounded(),
        band: score.band(),
        spread: spread(lo.0, hi.0),
        area_spread: Area::ALL
            .iter()
            .map(|&a| {
                let (lo, hi) = score.area_range(a);
                (a.code(), spread(lo.0, hi.0))
            })
            .collect(),
        respondents: r.answers.iter().map(Into::into).collect(),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TrendPoint {
    pub round: String,
    pub score: f64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StatementMean {
    /// 1-based, the method's order.
    pub number: usize,
    pub mean: f64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct WeakAreaView {
    pub area: &'static str,
    pub score: f64,
    /// Lowest mean first.
    pub statements: Vec<StatementMean>,
}

/// The rounds oldest first, the trend per area, and the latest round's weakest areas (the two
/// lowest business scores and any tied with the second).
#[derive(Serialize, utoipa::ToSchema)]
pub struct RoundsView {
    pub rounds: Vec<RoundView>,
    pub trend: BTreeMap<&'static str, Vec<TrendPoint>>,
    pub weakest: Vec<WeakAreaView>,
}

#[utoipa::path(get, path = "/api/v1/quotient/rounds", tag = "plan",
    responses((status = 200, body = RoundsView)), security(("bearer" = [])))]
pub async fn list_rounds(State(s): State<AppState>, auth: Authed) -> ApiResult<Json<RoundsView>> {
    auth.require(Permission::Read)?;
    let rounds = quotient::rounds(&s).await?;
    let trend = Area::ALL
        .iter()
        .map(|&a| {
            let points = quotient::trend(&rounds, a).into_iter();
            let points = points.map(|(round, r)| TrendPoint {
                round,
                score: r.rounded(),
            });
            (a.code(), points.collect())
        })
        .collect();
    let weakest = rounds.last().map_or_else(Vec::new, |r| {
        let weak = r.score().weakest().into_iter();
        weak.map(|w| WeakAreaView {
            area: w.area.code(),
            score: w.score.rounded(),
            statements: w
                .statements
                .iter()
                .map(|&(number, m)| StatementMean {
                    number,
                    mean: m.rounded(),
                })
                .collect(),
        })
        .collect()
    });
    Ok(Json(RoundsView {
        rounds: rounds.iter().map(round_view).collect(),
        trend,
        weakest,
    }))
}
