//! Complaint rows mapped onto Tend's fields: the two bundled datasets' presets, and
//! `--map column=field` for any CSV.

use jiff::Timestamp;
use tend_domain::FieldErrors;
use tend_domain::complaints::{FollowUpOutcome, Kind, Priority, Status};
use tend_domain::customers::{CustomerDraft, Gender};
use tend_domain::kernel::reason::*;

use super::super::row::{Record, instant};

/// What the source says happened to a complaint before it reached Tend.
#[derive(Debug, Default, Clone)]
pub struct History {
    pub status: Option<Status>,
    pub first_response_at: Option<Timestamp>,
    pub agreed_solution: Option<String>,
    pub resolved_at: Option<Timestamp>,
    pub close_reason: Option<String>,
    pub satisfaction_rating: Option<u8>,
    pub follow_up_outcome: Option<FollowUpOutcome>,
}

/// One row, mapped onto Tend's fields but not yet validated.
#[derive(Debug, Default)]
pub struct Mapped {
    pub customer: CustomerDraft,
    pub complaint: tend_domain::complaints::ComplaintDraft,
    /// Category path, top first.
    pub category: Vec<String>,
    pub product: Option<String>,
    /// Display name for a channel Tend may not have yet.
    pub channel_name: Option<String>,
    pub history: History,
}

/// The CFPB consumer complaint database export.
pub fn cfpb(row: &Record, e: &mut FieldErrors) -> Mapped {
    let id = row.get("Complaint ID");
    if id.is_none() {
        e.add("Complaint ID", REQUIRED);
    }
    let id = id.unwrap_or_default();
    let received = instant(e, "Date received", row.get("Date received"));
    let issue = row.get("Issue").unwrap_or("Complaint");
    let description = match (
        row.get("Consumer complaint narrative"),
        row.get("Sub-issue"),
    ) {
        (Some(n), _) => n.to_owned(),
        (None, Some(sub)) => format!("{issue}: {sub}"),
        (None, None) => issue.to_owned(),
    };
    let (channel, channel_name) = match row.get("Submitted via").unwrap_or("Web") {
        "Web" => ("web".to_owned(), None),
        "Phone" => ("phone".to_owned(), None),
        "Email" => ("email".to_owned(), None),
        other => (other.to_owned(), Some(other.to_owned())),
    };
    let response = row.get("Company response to consumer");
    let closed = response.is_some_and(|r| r.starts_with("Closed"));
    let sent = instant(e, "Date sent to company", row.get("Date sent to company"));
    let history = History {
        status: Some(if closed {
            Status::Closed
        } else {
            Status::Received
        }),
        agreed_solution: closed.then(|| {
            format!(
                "{} ({})",
                response.unwrap_or_default(),
                row.get("Company").unwrap_or("company")
            )
        }),
        resolved_at: if closed { sent.max(received) } else { None },
        close_reason: closed
            .then(|| format!("Imported from the CFPB: {}", response.unwrap_or_default())),
        ..History::default()
    };
    Mapped {
        customer: CustomerDraft {
            name: Some(format!("CFPB consumer {id}")),
            address: row.get("ZIP code").map(|z| format!("ZIP {z}")),
            region: row.get("State").map(str::to_owned),
            country: Some("US".into()),
            consent_to_contact: Some(false),
            external_ref: Some(format!("cfpb:{id}")),
            ..CustomerDraft::default()
        },
        complaint: tend_domain::complaints::ComplaintDraft {
            kind: Some(Kind::Complaint),
            channel: Some(channel),
            received_at: received,
            subject: Some(issue.to_owned()),
            description: Some(description),
            external_id: Some(id.to_owned()),
            ..Default::default()
        },
        category: [row.get("Product"), row.get("Sub-product")]
            .into_iter()
            .flatten()
            .map(str::to_owned)
            .collect(),
        product: None,
        channel_name,
        history,
    }
}

/// The "Customer Support Ticket Dataset".
pub fn support_tickets(row: &Record, e: &mut FieldErrors) -> Mapped {
    let id = row.get("Ticket ID");
    if id.is_none() {
        e.add("Ticket ID", REQUIRED);
    }
    let first = instant(e, "First Response Time", row.get("First Response Time"));
    let resolved = instant(e, "Time to Resolution", row.get("Time to Resolution"));
    // The dataset has no creation time; its earliest instant stands in for it.
    let received = match (first, resolved) {
        (Some(f), Some(r)) => Some(f.min(r)),
        (f, r) => f.or(r),
    };
    let email = row.get("Customer Email").map(str::to_lowercase);
    let age: Option<i64> = row.get("Customer Age").and_then(|a| a.parse().ok());
    let rating: Option<u8> = row
        .get("Customer Satisfaction Rating")
        .and_then(|r| r.parse::<f64>().ok())
        .map(|r| r.round() as u8);
    let status = match row.get("Ticket Status") {
        Some("Closed") => Status::Closed,
        Some("Pending Customer Response") => Status::Understood,
        _ => Status::Received,
    };
    let priority = match row.get("Ticket Priority") {
        Some("Low") => Priority::Low,
        Some("High") => Priority::High,
        Some("Critical") => Priority::Urgent,
        _ => Priority::Normal,
    };
    let channel = match row.get("Ticket Channel") {
        Some("Social media") => "social",
        Some("Chat") => "chat",
        Some("Phone") => "phone",
        _ => "email",
    };
    let ticket_type = row.get("Ticket Type").unwrap_or("Other");
    let history = History {
        status: Some(status),
        first_response_at: first,
        agreed_solution: row.get("Resolution").map(str::to_owned),
        resolved_at: (status == Status::Closed)
            .then_some(resolved.or(first))
            .flatten(),
        close_reason: (status == Status::Closed).then(|| "Imported as closed".to_owned()),
        satisfaction_rating: rating.filter(|r| (1..=5).contains(r)),
        follow_up_outcome: rating.and_then(|r| match r {
            4.. => Some(FollowUpOutcome::Satisfied),
            1 | 2 => Some(FollowUpOutcome::NotSatisfied),
            _ => None,
        }),
    };
    Mapped {
        customer: CustomerDraft {
            name: row.get("Customer Name").map(str::to_owned),
            email: email.clone(),
            gender: match row.get("Customer Gender") {
                Some("Male") => Some(Gender::Male),
                Some("Female") => Some(Gender::Female),
                Some("Other") => Some(Gender::Other),
                _ => None,
            },
            birth_year: age
                .zip(received)
                .map(|(a, r)| i64::from(r.to_zoned(jiff::tz::TimeZone::UTC).year()) - a),
            consent_to_contact: Some(true),
            external_ref: email.map(|m| format!("email:{m}")),
            ..CustomerDraft::default()
        },
        complaint: tend_domain::complaints::ComplaintDraft {
            kind: Some(if ticket_type == "Product inquiry" {
                Kind::Question
            } else {
                Kind::Complaint
            }),
            channel: Some(channel.to_owned()),
            received_at: received,
            subject: row.get("Ticket Subject").map(str::to_owned),
            description: row.get("Ticket Description").map(str::to_owned),
            priority: Some(priority),
            external_id: id.map(str::to_owned),
            ..Default::default()
        },
        category: [Some(ticket_type), row.get("Ticket Subject")]
            .into_iter()
            .flatten()
            .map(str::to_owned)
            .collect(),
        product: row.get("Product Purchased").map(str::to_owned),
        channel_name: None,
        history,
    }
}

/// `--map column=field` pairs for any CSV. Fields: the customer's (`customer_name`,
/// `customer_email`, `customer_phone`, `customer_ref`, …) and the complaint's (`description`,
/// `subject`, `kind`, `priority`, `channel`, `received_at`, `external_id`, `category`, `product`).
pub fn mapped(row: &Record, map: &[(String, String)], e: &mut FieldErrors) -> Mapped {
    let mut m = Mapped::default();
    for (column, field) in map {
        let Some(v) = row.get(column) else { continue };
        let v = v.to_owned();
        match field.as_str() {
            "customer_name" => m.customer.name = Some(v),
            "customer_email" => m.customer.email = Some(v),
            "customer_phone" => m.customer.phone = Some(v),
            "customer_ref" => m.customer.external_ref = Some(v),
            "customer_country" => m.customer.country = Some(v),
            "customer_city" => m.customer.city = Some(v),
            "description" => m.complaint.description = Some(v),
            "subject" => m.complaint.subject = Some(v),
            "kind" => m.complaint.kind = Kind::parse(&v).map_err(|r| e.add(field, r)).ok(),
            "priority" => {
                m.complaint.priority = Priority::parse(&v).map_err(|r| e.add(field, r)).ok()
            }
            "channel" => m.complaint.channel = Some(v),
            "received_at" => m.complaint.received_at = instant(e, field, Some(&v)),
            "external_id" => m.complaint.external_id = Some(v),
            "category" => {
                m.category = v
                    .split(['/', '>'])
                    .map(|p| p.trim().to_owned())
                    .filter(|p| !p.is_empty())
                    .collect()
            }
            "product" => m.product = Some(v),
            _ => {}
        }
    }
    m.complaint.channel.get_or_insert_with(|| "web".to_owned());
    m
}

/// Fields `--map` accepts for complaints.
pub const FIELDS: &[&str] = &[
    "customer_name",
    "customer_email",
    "customer_phone",
    "customer_ref",
    "customer_country",
    "customer_city",
    "description",
    "subject",
    "kind",
    "priority",
    "channel",
    "received_at",
    "external_id",
    "category",
    "product",
];
