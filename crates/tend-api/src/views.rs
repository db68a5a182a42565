//! What the API sends back: stored objects as JSON, with instants in RFC 3339 and money as
//! decimal strings.

use jiff::Timestamp;
use serde::Serialize;
use tend_domain::channels::response_standard::Due;
use tend_domain::complaints::timeline::TimelineEntry;
use tend_domain::complaints::{
    CompensationKind, FollowUpOutcome, Kind, Priority, ResponsibleParty, Solution, SolutionMode,
    Status,
};
use tend_domain::customers::{EducationLevel, Gender};
use tend_domain::staff::{Employee, Role};
use tend_store::{Complaint, StoredCustomer};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct CompensationView {
    pub kind: CompensationKind,
    /// Decimal string with the currency's decimals, e.g. `"10.00"`.
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EscalationView {
    pub to: i64,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    pub reason: Option<String>,
}

/// A complaint or piece of feedback, with every fact of the method.
#[derive(Serialize, ToSchema)]
pub struct ComplaintView {
    pub id: i64,
    /// Public reference such as `C-2026-000123`.
    pub reference: String,
    /// Increases with every change; send it back as `If-Match` to refuse lost updates.
    pub version: i64,
    pub kind: Kind,
    pub status: Status,
    pub customer_id: i64,
    pub channel: String,
    #[schema(value_type = String, format = DateTime)]
    pub received_at: Timestamp,
    pub received_by: Option<i64>,
    pub category_id: Option<i64>,
    pub product_id: Option<i64>,
    pub subject: Option<String>,
    pub description: String,
    pub priority: Priority,
    pub tier: u8,
    pub assignee_id: Option<i64>,
    pub facts: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub first_response_at: Option<Timestamp>,
    pub root_cause: Option<String>,
    pub responsible_party: Option<ResponsibleParty>,
    pub customer_proposal: Option<String>,
    pub agreed_solution: Option<String>,
    pub solution_mode: Option<SolutionMode>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub promised_by: Option<Timestamp>,
    pub corrective_action: Option<String>,
    pub compensation: Option<CompensationView>,
    pub prevention_suggestion: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub resolved_at: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub follow_up_at: Option<Timestamp>,
    pub follow_up_outcome: Option<FollowUpOutcome>,
    pub follow_up_note: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub followed_up_at: Option<Timestamp>,
    pub satisfaction_rating: Option<u8>,
    pub escalated: bool,
    pub escalation: Option<EscalationView>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub closed_at: Option<Timestamp>,
    pub close_reason: Option<String>,
    pub reopen_reason: Option<String>,
    pub source: String,
    pub external_id: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
    /// First response due under the channel's response standard, counted in its service hours
    /// (absent when the channel sets no target for this priority).
    pub first_response: Option<Due>,
    /// Resolution due, likewise.
    pub resolution: Option<Due>,
}

impl From<&Complaint> for ComplaintView {
    fn from(c: &Complaint) -> Self {
        let r = &c.record;
        let (u, res, f) = (&r.understanding, &r.resolution, &r.follow_up);
        let (cause, sol) = (r.cause.as_ref(), r.solution.as_ref());
        let answer = f.answer.as_ref();
        ComplaintView {
            id: c.id.0,
            reference: c.reference.clone(),
            version: c.version,
            kind: r.kind,
            status: r.status,
            customer_id: r.customer_id.0,
            channel: r.channel.to_string(),
            received_at: r.received_at,
            received_by: r.received_by.map(|e| e.0),
            category_id: r.category_id.map(|x| x.0),
            product_id: r.product_id.map(|x| x.0),
            subject: r.subject.clone(),
            description: r.description.clone(),
            priority: r.priority,
            tier: r.tier.get(),
            assignee_id: r.assignee_id.map(|e| e.0),
            facts: u.facts.clone(),
            first_response_at: u.first_response_at,
            root_cause: cause.map(|x| x.root_cause.clone()),
            responsible_party: cause.map(|x| x.responsible_party),
            customer_proposal: sol.and_then(|x| x.customer_proposal.clone()),
            agreed_solution: sol.map(|x| x.agreed.clone()),
            solution_mode: sol.and_then(Solution::mode),
            promised_by: sol.and_then(Solution::promised_by),
            corrective_action: res.corrective_action.clone(),
            compensation: res.compensation.as_ref().map(|k| CompensationView {
                kind: k.kind,
                amount: k.money.map(|m| m.amount_string()),
                currency: k.money.map(|m| m.currency().as_str().to_owned()),
                note: k.note.clone(),
            }),
            prevention_suggestion: res.prevention_suggestion.clone(),
            resolved_at: res.resolved_at,
            follow_up_at: f.scheduled_at,
            follow_up_outcome: answer.map(|a| a.outcome),
            follow_up_note: answer.and_then(|a| a.note.clone()),
            followed_up_at: answer.map(|a| a.at),
            satisfaction_rating: f.satisfaction_rating,
            escalated: r.escalated(),
            escalation: r.escalation.as_ref().map(|e| EscalationView {
                to: e.to.0,
                at: e.at,
                reason: Some(e.reason.clone()),
            }),
            closed_at: r.closing.as_ref().map(|x| x.at),
            close_reason: r.closing.as_ref().and_then(|x| x.reason.clone()),
            reopen_reason: r.reopen_reason.clone(),
            source: r.source.clone(),
            external_id: r.external_id.clone(),
            created_at: c.created_at,
            updated_at: c.updated_at,
            first_response: None,
            resolution: None,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CustomerView {
    pub id: i64,
    pub name: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub education_level: Option<EducationLevel>,
    pub gender: Option<Gender>,
    pub birth_year: Option<i16>,
    pub preferred_language: Option<String>,
    pub preferred_channel: Option<String>,
    pub consent_to_contact: bool,
    pub notes: Option<String>,
    pub external_ref: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

impl From<&StoredCustomer> for CustomerView {
    fn from(s: &StoredCustomer) -> Self {
        let c = &s.customer;
        let t = |v: Option<&dyn ToString>| v.map(|v| v.to_string());
        CustomerView {
            id: s.id.0,
            name: c.name.to_string(),
            address: t(c.address.as_ref().map(|v| v as _)),
            phone: t(c.phone.as_ref().map(|v| v as _)),
            email: t(c.email.as_ref().map(|v| v as _)),
            city: t(c.city.as_ref().map(|v| v as _)),
            region: t(c.region.as_ref().map(|v| v as _)),
            country: t(c.country.as_ref().map(|v| v as _)),
            education_level: c.education_level,
            gender: c.gender,
            birth_year: c.birth_year.map(|y| y.get()),
            preferred_language: t(c.preferred_language.as_ref().map(|v| v as _)),
            preferred_channel: t(c.preferred_channel.as_ref().map(|v| v as _)),
            consent_to_contact: c.consent_to_contact,
            notes: t(c.notes.as_ref().map(|v| v as _)),
            external_ref: t(c.external_ref.as_ref().map(|v| v as _)),
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EmployeeView {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub team: Option<String>,
    pub tier: u8,
    pub language: String,
    pub active: bool,
    /// Their own IANA time zone; `null` reads times in the company's.
    pub time_zone: Option<String>,
}

impl From<&Employee> for EmployeeView {
    fn from(e: &Employee) -> Self {
        EmployeeView {
            id: e.id.0,
            email: e.email.clone(),
            name: e.name.clone(),
            role: e.role,
            team: e.team.clone(),
            tier: e.tier.get(),
            language: e.language.clone(),
            active: e.active,
            time_zone: e.time_zone.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TimelineEntryView {
    pub id: i64,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

impl From<&TimelineEntry> for TimelineEntryView {
    fn from(t: &TimelineEntry) -> Self {
        TimelineEntryView {
            id: t.id,
            at: t.at,
            actor_id: t.actor_id.map(|e| e.0),
            actor: t.actor.clone(),
            action: t.action.clone(),
            field: t.field.clone(),
            old_value: t.old_value.clone(),
            new_value: t.new_value.clone(),
        }
    }
}

/// One page of a list; pass `next_cursor` back as `cursor` for the next.
#[derive(Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}
