//! Training and recognition's page (`/plan/training`): the coverage of the mandatory
//! introduction of the plan (trained of n active staff, and who has not attended yet), each
//! employee's training record, the sessions, the recognitions; managers record a session with
//! its attendance and recognise an employee.

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tend_app::training;
use tend_domain::staff::Permission;
use tend_domain::training::{Attendee, KINDS, RecognitionDraft, SOURCES, SessionDraft};

use crate::kit::error::PageResult;
use crate::kit::fields::{Errors, number};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/plan/training", get(page))
        .route("/plan/training/sessions", post(add_session))
        .route("/plan/training/recognitions", post(add_recognition))
}

/// One employee's row: id, name, whether they attended the introduction, and the topics of
/// the sessions they attended (their record).
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub introduced: bool,
    pub attended: Vec<String>,
}

/// One session as listed: kind, topic, date, trainer, policy version, attended of invited.
pub struct SessionRow {
    pub kind: String,
    pub topic: String,
    pub held_on: String,
    pub trainer: String,
    pub policy_version: Option<i64>,
    pub attended: Vec<String>,
    pub absent: Vec<String>,
}

/// One recognition as listed.
pub struct RecognitionRow {
    /// Whether it recognises the reader (customer feedback about them, shared with them).
    pub mine: bool,
    pub employee: String,
    pub source: String,
    pub complaint_id: Option<i64>,
    pub note: String,
    pub by: String,
    pub when: String,
}

#[derive(Template)]
#[template(path = "training/index.html")]
struct TrainingPage {
    t: Tr,
    chrome: Chrome,
    coverage: String,
    missing: Vec<String>,
    people: Vec<PersonRow>,
    sessions: Vec<SessionRow>,
    recognitions: Vec<RecognitionRow>,
    kinds: [&'static str; 3],
    sources: [&'static str; 3],
    versions: Vec<i64>,
    can_manage: bool,
    errors: Errors,
}

async fn show(s: &WebState, t: Tr, staff: &Staff, errors: Errors) -> PageResult<Response> {
    let failed = !errors.is_empty();
    let tz = tend_app::policy::zone(s).await?;
    let (c, people) = training::introduction_coverage(s).await?;
    let sessions = s.store.training_sessions().await?;
    let share = match c.n {
        0 => "–".to_owned(),
        n => t.decimal(&format!("{:.1}", 100.0 * c.trained as f64 / n as f64)),
    };
    let (trained, n) = (c.trained.to_string(), c.n.to_string());
    let coverage = t.args(
        "training-coverage",
        &[("trained", &trained), ("n", &n), ("share", &share)],
    );
    let rows = people
        .iter()
        .map(|e| PersonRow {
            id: e.id.0,
            name: e.name.clone(),
            introduced: !c.missing.contains(&e.id.0),
            attended: sessions
                .iter()
                .filter(|x| x.attendees.iter().any(|a| a.0 == e.id && a.2))
                .map(|x| format!("{} ({})", x.topic, x.held_on))
                .collect(),
        })
        .collect();
    let page = TrainingPage {
        chrome: Chrome::staff(staff, "/plan/training"),
        coverage,
        missing: people
            .iter()
            .filter(|e| c.missing.contains(&e.id.0))
            .map(|e| e.name.clone())
            .collect(),
        people: rows,
        sessions: sessions
            .iter()
            .map(|x| SessionRow {
                kind: x.kind.clone(),
                topic: x.topic.clone(),
                held_on: x.held_on.to_string(),
                trainer: x.trainer.clone(),
                policy_version: x.policy_version,
                attended: x
                    .attendees
                    .iter()
                    .filter(|a| a.2)
                    .map(|a| a.1.clone())
                    .collect(),
                absent: x
                    .attendees
                    .iter()
                    .filter(|a| !a.2)
                    .map(|a| a.1.clone())
                    .collect(),
            })
            .collect(),
        recognitions: s
            .store
            .recognitions(None)
            .await?
            .into_iter()
            .map(|r| RecognitionRow {
                mine: r.employee_id == staff.session.employee.id,
                employee: r.employee_name,
                source: r.source,
                complaint_id: r.complaint_id,
                note: r.note,
                by: r.by_name,
                when: t.datetime(&r.created_at, &tz),
            })
            .collect(),
        kinds: KINDS,
        sources: SOURCES,
        versions: s
            .store
            .policy_versions()
            .await?
            .iter()
            .map(|v| v.id)
            .collect(),
        can_manage: staff.can(Permission::Manage),
        errors,
        t,
    };
    render_form(&page, failed)
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    show(&s, t, &staff, Errors::new(&t)).await
}

/// The session form: `kind`, `topic`, `held_on`, `trainer`, `policy_version` and, per
/// employee, `attendee-{id}` = `attended`, `absent` or empty (not invited).
fn session_draft(v: &BTreeMap<String, String>) -> SessionDraft {
    let attendees = v
        .iter()
        .filter_map(|(k, x)| {
            let id = k.strip_prefix("attendee-")?.parse().ok()?;
            match x.as_str() {
                "attended" => Some(Attendee {
                    employee_id: id,
                    attended: true,
                }),
                "absent" => Some(Attendee {
                    employee_id: id,
                    attended: false,
                }),
                _ => None,
            }
        })
        .collect();
    SessionDraft {
        kind: v.get("kind").cloned(),
        topic: v.get("topic").cloned(),
        held_on: v.get("held_on").cloned(),
        trainer: v.get("trainer").cloned(),
        policy_version: v.get("policy_version").and_then(|x| x.trim().parse().ok()),
        attendees,
    }
}

pub async fn add_session(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    match training::record_session(&s, &session_draft(&v), staff.session.employee.id).await {
        Ok(_) => Ok(Redirect::to("/plan/training").into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, errors).await
        }
    }
}

pub async fn add_recognition(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut errors = Errors::new(&t);
    let field = |k: &str| v.get(k).map(String::as_str).unwrap_or("");
    let employee_id = number(field("employee_id"), &t).unwrap_or_else(|m| {
        errors.add("employee_id", m);
        None
    });
    let complaint_id = number(field("complaint_id"), &t).unwrap_or_else(|m| {
        errors.add("complaint_id", m);
        None
    });
    if !errors.is_empty() {
        return show(&s, t, &staff, errors).await;
    }
    let draft = RecognitionDraft {
        employee_id,
        source: v.get("source").cloned(),
        complaint_id,
        note: v.get("note").cloned(),
    };
    match training::recognise(&s, &draft, staff.session.employee.id).await {
        Ok(_) => Ok(Redirect::to("/plan/training").into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, errors).await
        }
    }
}
