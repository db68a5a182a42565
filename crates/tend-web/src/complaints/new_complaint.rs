//! Logging a complaint taken on the phone, at the counter or from an e-mail: find the customer
//! or create them inline, every field of the record, with defaults (received now, by me, by
//! phone). A new customer is stored with the complaint, in its transaction: a complaint
//! refused leaves no customer behind. The page itself is drawn by `new_complaint_page`.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord, Kind, Priority};
use tend_domain::customers::CustomerDraft;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::{CategoryId, CustomerId, EmployeeId, ProductId};
use tend_domain::staff::Permission;

use crate::WebState;
use crate::complaints::new_complaint_page::show;
use crate::kit::error::PageResult;
use crate::kit::fields::{Errors, local_input, local_time, number, opt};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use tend_app::complaints::{self as changes, Complainant};

/// What the form holds; every field is text as typed, so it can be shown again.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewComplaint {
    pub(crate) customer_id: String,
    pub(crate) c_name: String,
    pub(crate) c_email: String,
    pub(crate) c_phone: String,
    pub(crate) c_address: String,
    pub(crate) c_city: String,
    pub(crate) c_country: String,
    pub(crate) c_language: String,
    pub(crate) c_consent: String,
    pub(crate) kind: String,
    pub(crate) channel: String,
    pub(crate) received_at: String,
    pub(crate) received_by: String,
    pub(crate) category: String,
    pub(crate) product: String,
    pub(crate) subject: String,
    pub(crate) description: String,
    pub(crate) priority: String,
    pub(crate) tier: String,
    pub(crate) assignee: String,
    pub(crate) follow_up_at: String,
    pub(crate) prevention: String,
    pub(crate) external_id: String,
}

#[derive(Deserialize, Default)]
pub struct Find {
    #[serde(default)]
    find: String,
    #[serde(default)]
    customer: String,
}

pub async fn form(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Query(q): Query<Find>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let tz = staff.tz();
    let v = NewComplaint {
        customer_id: if q.customer.parse::<i64>().is_ok() {
            q.customer.clone()
        } else {
            "new".into()
        },
        kind: "complaint".into(),
        channel: "phone".into(),
        priority: "normal".into(),
        tier: "1".into(),
        received_at: local_input(Some(s.clock.now()), tz),
        received_by: staff.session.employee.id.to_string(),
        ..Default::default()
    };
    show(&s, t, &staff, v, q.find, Errors::new(&t)).await
}

fn id_of<T>(raw: &str, make: fn(i64) -> T) -> Option<T> {
    raw.trim().parse().ok().map(make)
}

pub async fn submit(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<NewComplaint>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let now = s.clock.now();
    let mut errors = Errors::new(&t);
    // Times typed on the form are in the reader's zone, the one the form names.
    let tz = staff.tz().clone();
    let received_at = local_time(&v.received_at, &tz, &t)
        .map_err(|r| errors.add("received_at", r))
        .ok()
        .flatten();
    let follow_up_at = local_time(&v.follow_up_at, &tz, &t)
        .map_err(|r| errors.add("follow_up_at", r))
        .ok()
        .flatten();
    let tier = number(&v.tier, &t)
        .map_err(|r| errors.add("tier", r))
        .ok()
        .flatten();
    let existing = id_of(&v.customer_id, CustomerId);
    let draft = ComplaintDraft {
        kind: Kind::parse(&v.kind).ok(),
        // A new customer is stored with the complaint: check the draft with a stand-in.
        customer_id: Some(existing.unwrap_or(CustomerId(0))),
        channel: Some(v.channel.clone()),
        received_at,
        received_by: id_of(&v.received_by, EmployeeId).or(Some(staff.session.employee.id)),
        category_id: id_of(&v.category, CategoryId),
        product_id: id_of(&v.product, ProductId),
        subject: opt(&v.subject),
        description: Some(v.description.clone()),
        priority: Priority::parse(&v.priority).ok(),
        tier,
        assignee_id: id_of(&v.assignee, EmployeeId),
        follow_up_at,
        prevention_suggestion: opt(&v.prevention),
        external_id: opt(&v.external_id),
    };
    let intake = draft.validate(now).map_err(|e| {
        for (k, r) in Errors::from_domain(e, &t).all() {
            errors.add(&k, r);
        }
    });
    let customer = if existing.is_none() {
        let c = CustomerDraft {
            name: opt(&v.c_name),
            email: opt(&v.c_email),
            phone: opt(&v.c_phone),
            address: opt(&v.c_address),
            city: opt(&v.c_city),
            country: opt(&v.c_country),
            preferred_language: opt(&v.c_language),
            consent_to_contact: Some(v.c_consent == "1"),
            ..Default::default()
        };
        match c.validate(s.year()) {
            Ok(c) => Some(c),
            Err(e) => {
                for (k, r) in Errors::from_domain(e, &t).all() {
                    errors.add(&format!("c_{k}"), r);
                }
                None
            }
        }
    } else {
        None
    };
    let (Ok(intake), true) = (intake, errors.is_empty()) else {
        return show(&s, t, &staff, v, String::new(), errors).await;
    };
    let from = match customer {
        Some(c) => Complainant::New(Box::new(c), ConsentVia::StaffEdit),
        None => Complainant::Existing(intake.customer_id),
    };
    let record = ComplaintRecord::received(intake, "web");
    match changes::take_with_customer(&s, from, record, staff.actor(), now).await {
        Ok(c) => Ok(Redirect::to(&format!("/complaints/{}", c.id)).into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, v, String::new(), errors).await
        }
    }
}
