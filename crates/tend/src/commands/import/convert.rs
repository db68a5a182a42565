//! One CSV row to Tend's types: a customer, or a complaint with its customer and history.

use jiff::Timestamp;
use tend_domain::catalog::ChannelCode;
use tend_domain::complaints::{Closing, ComplaintRecord, FollowUpAnswer, Solution, Status};
use tend_domain::customers::{Customer, CustomerDraft};
use tend_domain::kernel::ids::CustomerId;
use tend_domain::kernel::reason::*;
use tend_domain::kernel::text::Name;
use tend_domain::{DomainError, FieldErrors};

use super::Preset;
use super::presets::{self, Mapped, Row};

pub(super) enum Converted {
    Customer(Box<Customer>),
    Complaint(Box<(Customer, ComplaintRecord, Mapped)>),
    /// A purchase and its line in the file.
    Transaction(Box<(u64, tend_domain::transactions::Transaction)>),
}

impl Converted {
    pub(super) fn customer(self) -> Option<Customer> {
        match self {
            Converted::Customer(c) => Some(*c),
            Converted::Complaint(_) | Converted::Transaction(_) => None,
        }
    }
}

fn invalid(e: DomainError) -> FieldErrors {
    match e {
        DomainError::Invalid(f) => f,
        DomainError::Transition { field, reason, .. } => FieldErrors::single(field, reason),
    }
}

pub(super) fn customer_row(
    row: &Row,
    map: &[(String, String)],
    year: i16,
) -> Result<Customer, FieldErrors> {
    let mut obj = serde_json::Map::new();
    for (column, field) in map {
        if let Some(v) = row.get(column) {
            let value = match field.as_str() {
                "birth_year" => v
                    .parse::<i64>()
                    .map(Into::into)
                    .unwrap_or_else(|_| v.into()),
                "consent_to_contact" => {
                    matches!(v.to_ascii_lowercase().as_str(), "yes" | "true" | "1" | "y").into()
                }
                _ => v.into(),
            };
            obj.insert(field.clone(), value);
        }
    }
    let draft: CustomerDraft = serde_json::from_value(obj.into())
        .map_err(|e| FieldErrors::single("map", DETAIL.with("detail", e)))?;
    draft.validate(year).map_err(invalid)
}

pub(super) fn complaint_row(
    row: &Row,
    preset: Option<Preset>,
    map: &[(String, String)],
    now: Timestamp,
    year: i16,
) -> Result<Box<(Customer, ComplaintRecord, Mapped)>, FieldErrors> {
    let mut e = FieldErrors::new();
    let mut m = match preset {
        Some(Preset::Cfpb) => presets::cfpb(row, &mut e),
        Some(Preset::SupportTickets) => presets::support_tickets(row, &mut e),
        None => presets::mapped(row, map, &mut e),
    };
    m.complaint.customer_id = Some(CustomerId(0));
    if let Some(c) = m.complaint.channel.as_deref() {
        m.complaint.channel = Some(
            ChannelCode::parse(c)
                .map(String::from)
                .unwrap_or_else(|_| c.to_owned()),
        );
    }
    let customer = m
        .customer
        .validate(year)
        .map_err(|d| e.extend(invalid(d).nest("customer")))
        .ok();
    let intake = m
        .complaint
        .validate(now)
        .map_err(|d| e.extend(invalid(d)))
        .ok();
    for part in &m.category {
        if let Err(r) = Name::parse(part) {
            e.add("category", r);
        }
    }
    let (Some(customer), Some(intake), true) = (customer, intake, e.is_empty()) else {
        return Err(e);
    };
    let source = match preset {
        Some(Preset::Cfpb) => "import:cfpb",
        Some(Preset::SupportTickets) => "import:support-tickets",
        None => "import:csv",
    };
    let mut record = ComplaintRecord::received(intake, source);
    apply_history(&mut record, &m.history);
    Ok(Box::new((customer, record, m)))
}

/// Carries the source's own progress over, keeping the record's invariants. A source says only
/// how far a complaint got, so the steps it skipped stay empty: an imported complaint may be
/// resolved with no cause and no facts but the description, its solution is the source's
/// resolution text (or "Resolved before import") with no delivery (`Solution::delivery` is
/// `None`: the source does not say on the spot or promised, and no mode is guessed), a rating
/// may come without an answer to the follow-up (a middling rating is no outcome), and an
/// answer's time is the resolution's.
fn apply_history(r: &mut ComplaintRecord, h: &presets::History) {
    let status = h.status.unwrap_or(Status::Received);
    r.understanding.first_response_at = h.first_response_at;
    if status >= Status::Understood {
        r.understanding.facts = Some(r.description.clone());
    }
    r.status = status;
    if status >= Status::Resolved {
        let done = h.resolved_at.unwrap_or(r.received_at).max(r.received_at);
        r.solution = Some(Solution {
            customer_proposal: None,
            agreed: h
                .agreed_solution
                .clone()
                .unwrap_or_else(|| "Resolved before import".into()),
            delivery: None,
        });
        r.resolution.resolved_at = Some(done);
        r.follow_up.satisfaction_rating = h.satisfaction_rating;
        r.follow_up.answer = h.follow_up_outcome.map(|outcome| FollowUpAnswer {
            outcome,
            note: None,
            at: done,
        });
        if status == Status::Closed {
            r.closing = Some(Closing {
                at: done,
                reason: h.close_reason.clone(),
            });
        }
    }
}
