//! The complaint page: where the complaint stands in the method, the earlier steps' answers,
//! the form of the step at hand (only that one), steps taken, escalation, waiting on the
//! customer, due times and the timeline.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use tend_domain::complaints::{CompensationKind, FollowUpOutcome, Priority, ResponsibleParty};
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::staff::Permission;

use crate::WebState;
use crate::complaints::act_form::ActForm;
use crate::complaints::facts::facts;
use crate::complaints::inbox::Choice;
use crate::complaints::merged::{Merges, merges};
use crate::complaints::method::{
    Answer, Event, Stage, StepTaken, answers, enum_choices, stages, step_of,
};
use crate::complaints::show::DueText;
use crate::conversations::Draft;
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, render_form};

#[derive(Template)]
#[template(path = "complaints/complaint.html")]
struct ComplaintPage {
    t: Tr,
    chrome: Chrome,
    id: i64,
    reference: String,
    version: i64,
    title: String,
    status: String,
    status_code: &'static str,
    /// The form shown: `understand`, `identify_cause`, `agree_solution`, `resolve`,
    /// `follow_up`, `close` or `reopen`.
    step: &'static str,
    stages: Vec<Stage>,
    facts: Vec<Answer>,
    answers: Vec<Answer>,
    customer_id: i64,
    customer: String,
    customer_contact: String,
    description: String,
    first_response: Option<DueText>,
    resolution: Option<DueText>,
    waiting: Option<String>,
    escalation: Option<String>,
    steps: Vec<StepTaken>,
    events: Vec<Event>,
    parties: Vec<Choice>,
    outcomes: Vec<Choice>,
    compensations: Vec<Choice>,
    employees: Vec<Choice>,
    assignees: Vec<Choice>,
    priorities: Vec<Choice>,
    categories: Vec<Choice>,
    products: Vec<Choice>,
    can_work: bool,
    /// Merged into another (banner), or others merged into it (list).
    merges: Merges,
    /// Days from a delete to the purge, as the delete form says.
    purge_days: i64,
    zone: String,
    conversation: crate::conversations::Panel,
    help: crate::help::link::Panel,
    v: ActForm,
    errors: Errors,
}

/// The complaint page, with `v` filled in and `errors` shown next to their fields.
pub async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    id: ComplaintId,
    v: Option<ActForm>,
    errors: Errors,
) -> PageResult<Response> {
    show_with(s, t, staff, id, v, errors, Draft::default()).await
}

/// [`show`] with the conversation's form filled in with `draft`.
pub async fn show_with(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    id: ComplaintId,
    v: Option<ActForm>,
    errors: Errors,
    draft: Draft,
) -> PageResult<Response> {
    let c = s.store.complaint(id).await?;
    let r = &c.record;
    let view = tend_app::complaints::due::due_time(s, &c).await?;
    // Instants in the reader's zone; due times were computed in the channel's.
    let tz = staff.tz().clone();
    let customer = s.store.customer(r.customer_id).await?;
    let employees = s.store.employees().await?;
    let names: HashMap<i64, String> = employees.iter().map(|e| (e.id.0, e.name.clone())).collect();
    let name = |id: Option<i64>| id.and_then(|i| names.get(&i).cloned()).unwrap_or_default();
    let steps = s.store.steps(id).await?;
    let timeline = s.store.timeline(id).await?;
    let paths = crate::complaints::inbox::category_paths(&s.store.categories().await?);
    let products = s.store.products().await?;
    let facts = facts(&t, r, &name, &paths, &products, &tz);
    let merges = merges(s, id).await?;
    let purge_days = tend_app::complaints::fate::purge_period(s)
        .await?
        .as_hours()
        / 24;
    let v = v.unwrap_or_else(|| ActForm::defaults(r, &tz));
    let failed = !errors.is_empty();
    let cust = &customer.customer;
    let page = ComplaintPage {
        id: c.id.0,
        reference: c.reference.clone(),
        version: c.version,
        title: r
            .subject
            .clone()
            .unwrap_or_else(|| crate::complaints::show::excerpt(&r.description, 80)),
        status: t.label("status", r.status.as_str()),
        status_code: r.status.as_str(),
        step: step_of(&c),
        stages: stages(&t, r.status),
        facts,
        answers: answers(&t, &c, &tz),
        customer_id: customer.id.0,
        customer: cust.name.to_string(),
        customer_contact: [
            cust.phone.as_ref().map(|p| p.to_string()),
            cust.email.as_ref().map(|e| e.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · "),
        description: r.description.clone(),
        first_response: DueText::new(view.first_response, &t, &tz),
        resolution: DueText::new(view.resolution, &t, &tz),
        waiting: r
            .waiting
            .as_ref()
            .map(|w| format!("{} — {}", t.datetime(&w.since, &tz), w.reason)),
        escalation: r.escalation.as_ref().map(|e| {
            format!(
                "{} → {} ({}): {}",
                t.datetime(&e.at, &tz),
                name(Some(e.to.0)),
                t.label("tier", &r.tier.get().to_string()),
                e.reason
            )
        }),
        steps: steps
            .into_iter()
            .map(|(_, at, by, text)| StepTaken {
                at: t.datetime(&at, &tz),
                by: by.map_or_else(|| t.get("actor-customer"), |e| name(Some(e.0))),
                text,
            })
            .collect(),
        events: timeline
            .into_iter()
            .rev()
            .map(|e| Event {
                at: t.datetime(&e.at, &tz),
                actor: match (e.actor_id, e.actor.as_str()) {
                    (None, "customer") => t.get("actor-customer"),
                    _ => e.actor,
                },
                action: t.label_or("action", &e.action),
                field: e.field.unwrap_or_default(),
                old: e.old_value.unwrap_or_default(),
                new: e.new_value.unwrap_or_default(),
            })
            .collect(),
        parties: enum_choices(
            ResponsibleParty::ALL,
            ResponsibleParty::as_str,
            &t,
            "party",
            &v.responsible_party,
        ),
        outcomes: enum_choices(
            FollowUpOutcome::ALL,
            FollowUpOutcome::as_str,
            &t,
            "outcome",
            &v.outcome,
        ),
        compensations: enum_choices(
            CompensationKind::ALL,
            CompensationKind::as_str,
            &t,
            "compensation",
            &v.comp_kind,
        ),
        employees: employees
            .iter()
            .filter(|e| e.active && e.id != staff.session.employee.id)
            .map(|e| Choice {
                value: e.id.to_string(),
                label: format!("{} ({})", e.name, t.label("role", e.role.as_str())),
                selected: v.to == e.id.to_string(),
            })
            .collect(),
        assignees: employees
            .iter()
            .filter(|e| e.active && e.role.allows(Permission::WorkComplaints))
            .map(|e| Choice {
                value: e.id.to_string(),
                label: e.name.clone(),
                selected: v.assignee == e.id.to_string(),
            })
            .collect(),
        priorities: enum_choices(Priority::ALL, Priority::as_str, &t, "priority", &v.priority),
        categories: paths
            .iter()
            .map(|(id, path)| Choice {
                value: id.to_string(),
                label: path.clone(),
                selected: v.category == id.to_string(),
            })
            .collect(),
        products: products
            .iter()
            .map(|p| Choice {
                value: p.id.to_string(),
                label: p.name.clone(),
                selected: v.product == p.id.to_string(),
            })
            .collect(),
        can_work: staff.can(Permission::WorkComplaints) && merges.into.is_none(),
        merges,
        purge_days,
        zone: tz.iana_name().unwrap_or("UTC").to_owned(),
        conversation: crate::conversations::panel(s, &t, id, &tz, draft).await?,
        help: crate::help::link::panel(s, &t, id).await?,
        chrome: Chrome::staff(staff, format!("/complaints/{}", c.id)),
        t,
        v,
        errors,
    };
    let res = render_form(&page, failed)?;
    Ok(res)
}

/// The complaint a page's path names, by id or exact reference (see
/// [`tend_app::complaints::find_by_id_or_reference`]).
pub async fn parse_id(s: &WebState, raw: &str) -> PageResult<ComplaintId> {
    Ok(tend_app::complaints::find_by_id_or_reference(s, raw).await?)
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let id = parse_id(&s, &id).await?;
    show(&s, t, &staff, id, None, Errors::new(&t)).await
}
