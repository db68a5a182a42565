//! `/api/v1/trainings` and `/api/v1/recognitions`: training sessions (the mandatory introduction
//! of the plan, workshops, regular meetings) with attendance, the coverage of the introduction
//! (who has not yet attended it), each employee's training record, and recognitions of
//! employees (by a manager, or from a customer's praise or a satisfied follow-up).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_app::training;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::staff::Permission;
use tend_domain::training::{MANDATORY, RecognitionDraft, SessionDraft};
use tend_store::{StoredRecognition, StoredSession};

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// One invited employee and whether they attended.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AttendeeView {
    pub employee_id: i64,
    pub name: String,
    pub attended: bool,
}

/// One session.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SessionView {
    pub id: i64,
    /// `introduction` (mandatory), `workshop` or `meeting`.
    pub kind: String,
    pub topic: String,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    pub trainer: String,
    pub policy_version: Option<i64>,
    pub attendees: Vec<AttendeeView>,
}

fn session(x: StoredSession) -> SessionView {
    SessionView {
        id: x.id,
        kind: x.kind,
        topic: x.topic,
        held_on: x.held_on.to_string(),
        trainer: x.trainer,
        policy_version: x.policy_version,
        attendees: x
            .attendees
            .into_iter()
            .map(|(id, name, attended)| AttendeeView {
                employee_id: id.0,
                name,
                attended,
            })
            .collect(),
    }
}

/// An employee by id and name.
#[derive(Serialize, utoipa::ToSchema)]
pub struct EmployeeRef {
    pub employee_id: i64,
    pub name: String,
}

/// Coverage of the mandatory introduction: `trained` of `n` active staff (vendors' accounts
/// excluded) attended at least one introduction session; `share` = trained ÷ n (`null` when n
/// is 0); `missing` are the others.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CoverageView {
    pub mandatory: &'static str,
    pub trained: usize,
    pub n: usize,
    pub share: Option<f64>,
    pub missing: Vec<EmployeeRef>,
}

/// Every session (latest held first) and the introduction's coverage.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TrainingsView {
    pub sessions: Vec<SessionView>,
    pub coverage: CoverageView,
}

/// Sessions and coverage.
#[utoipa::path(get, path = "/api/v1/trainings", tag = "plan",
    responses((status = 200, body = TrainingsView)), security(("bearer" = [])))]
pub async fn list_trainings(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<TrainingsView>> {
    auth.require(Permission::Read)?;
    let (c, staff) = training::introduction_coverage(&s).await?;
    let missing = staff
        .into_iter()
        .filter(|e| c.missing.contains(&e.id.0))
        .map(|e| EmployeeRef {
            employee_id: e.id.0,
            name: e.name,
        })
        .collect();
    let sessions = s.store.training_sessions().await?;
    Ok(Json(TrainingsView {
        sessions: sessions.into_iter().map(session).collect(),
        coverage: CoverageView {
            mandatory: MANDATORY,
            trained: c.trained,
            n: c.n,
            share: (c.n > 0).then(|| c.trained as f64 / c.n as f64),
            missing,
        },
    }))
}

/// Records a session with its attendance (managers).
#[utoipa::path(post, path = "/api/v1/trainings", tag = "plan", request_body = SessionDraft,
    responses((status = 201, body = SessionView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_training(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<SessionDraft>,
) -> ApiResult<(StatusCode, Json<SessionView>)> {
    auth.require(Permission::Manage)?;
    let x = training::record_session(&s, &draft, auth.0.id).await?;
    Ok((StatusCode::CREATED, Json(session(x))))
}

/// One session of an employee's record and whether they attended.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RecordEntry {
    pub session: SessionView,
    pub attended: bool,
}

/// An employee's training record: every session they were invited to, latest first.
#[utoipa::path(get, path = "/api/v1/trainings/employees/{id}", tag = "plan",
    params(("id" = i64, Path, description = "Employee id")),
    responses((status = 200, body = [RecordEntry])), security(("bearer" = [])))]
pub async fn training_record(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<RecordEntry>>> {
    auth.require(Permission::Read)?;
    let id = id
        .parse::<i64>()
        .map_err(|_| ApiError::not_found("employee"))?;
    let rows = training::record_of(&s, EmployeeId(id)).await?;
    Ok(Json(
        rows.into_iter()
            .map(|(x, attended)| RecordEntry {
                session: session(x),
                attended,
            })
            .collect(),
    ))
}

/// One recognition.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RecognitionView {
    pub id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    /// `manager`, `praise` or `follow_up`.
    pub source: String,
    pub complaint_id: Option<i64>,
    pub note: String,
    pub by_name: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
}

fn recognition(r: StoredRecognition) -> RecognitionView {
    RecognitionView {
        id: r.id,
        employee_id: r.employee_id.0,
        employee_name: r.employee_name,
        source: r.source,
        complaint_id: r.complaint_id,
        note: r.note,
        by_name: r.by_name,
        created_at: r.created_at,
    }
}

/// Whose recognitions to list.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RecognitionQuery {
    pub employee_id: Option<i64>,
}

/// Recognitions, newest first.
#[utoipa::path(get, path = "/api/v1/recognitions", tag = "plan", params(RecognitionQuery),
    responses((status = 200, body = [RecognitionView])), security(("bearer" = [])))]
pub async fn list_recognitions(
    State(s): State<AppState>,
    auth: Authed,
    crate::query::ApiQuery(q): crate::query::ApiQuery<RecognitionQuery>,
) -> ApiResult<Json<Vec<RecognitionView>>> {
    auth.require(Permission::Read)?;
    let all = s.store.recognitions(q.employee_id.map(EmployeeId)).await?;
    Ok(Json(all.into_iter().map(recognition).collect()))
}

/// Recognises an employee (managers). `praise` and `follow_up` name the complaint; a
/// `follow_up` recognition needs that follow-up to have found the customer satisfied.
#[utoipa::path(post, path = "/api/v1/recognitions", tag = "plan", request_body = RecognitionDraft,
    responses((status = 201, body = RecognitionView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_recognition(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<RecognitionDraft>,
) -> ApiResult<(StatusCode, Json<RecognitionView>)> {
    auth.require(Permission::Manage)?;
    let r = training::recognise(&s, &draft, auth.0.id).await?;
    Ok((StatusCode::CREATED, Json(recognition(r))))
}
