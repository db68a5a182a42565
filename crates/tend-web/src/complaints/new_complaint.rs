//! Logging a complaint taken on the phone, at the counter or from an e-mail: find the customer
//! or create them inline, every field of the record, with defaults (received now, by me, by
//! phone). A new customer is stored with the complaint, in its transaction: a complaint
//! refused leaves no customer behind.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::catalog::ChannelCode;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord, Kind, Priority};
use tend_domain::customers::CustomerDraft;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::{CategoryId, CustomerId, EmployeeId, ProductId};
use tend_domain::staff::Permission;

use crate::WebState;
use crate::complaints::inbox::{Choice, category_paths, channel_choices};
use crate::kit::error::PageResult;
use crate::kit::fields::{Errors, local_input, local_time, number, opt};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, render_form};
use tend_app::complaints::{self as changes, Complainant};

/// What the form holds; every field is text as typed, so it can be shown again.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewComplaint {
    customer_id: String,
    c_name: String,
    c_email: String,
    c_phone: String,
    c_address: String,
    c_city: String,
    c_country: String,
    c_language: String,
    c_consent: String,
    kind: String,
    channel: String,
    received_at: String,
    received_by: String,
    category: String,
    product: String,
    subject: String,
    description: String,
    priority: String,
    tier: String,
    assignee: String,
    follow_up_at: String,
    prevention: String,
    external_id: String,
}

#[derive(Deserialize, Default)]
pub struct Find {
    #[serde(default)]
    find: String,
    #[serde(default)]
    customer: String,
}

/// A customer the search found.
struct Match {
    id: String,
    name: String,
    contact: String,
}

#[derive(Template)]
#[template(path = "complaints/new_complaint.html")]
struct NewComplaintPage {
    t: Tr,
    chrome: Chrome,
    v: NewComplaint,
    find: String,
    matches: Vec<Match>,
    kinds: Vec<Choice>,
    channels: Vec<Choice>,
    priorities: Vec<Choice>,
    employees: Vec<Choice>,
    assignees: Vec<Choice>,
    categories: Vec<Choice>,
    products: Vec<Choice>,
    zone: String,
    errors: Errors,
}

fn choices<'a>(items: impl Iterator<Item = (String, String)> + 'a, chosen: &str) -> Vec<Choice> {
    items
        .map(|(value, label)| Choice {
            selected: value == chosen,
            value,
            label,
        })
        .collect()
}

async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    v: NewComplaint,
    find: String,
    errors: Errors,
) -> PageResult<Response> {
    let mut matches = vec![];
    if let Some(q) = opt(&find) {
        let page = s.store.list_customers(Some(&q), None, 10).await?;
        matches.extend(page.items.iter().map(|c| {
            Match {
                id: c.id.to_string(),
                name: c.customer.name.to_string(),
                contact: [
                    c.customer.email.as_ref().map(|e| e.to_string()),
                    c.customer.phone.as_ref().map(|p| p.to_string()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            }
        }));
    }
    if let Ok(id) = v.customer_id.parse::<i64>()
        && !matches.iter().any(|m| m.id == v.customer_id)
    {
        let c = s.store.customer(CustomerId(id)).await?;
        matches.insert(
            0,
            Match {
                id: v.customer_id.clone(),
                name: c.customer.name.to_string(),
                contact: c.customer.email.map(|e| e.to_string()).unwrap_or_default(),
            },
        );
    }
    let channel = ChannelCode::parse(&v.channel).unwrap_or_else(|_| phone());
    let tz = staff.tz();
    let employees = s.store.employees().await?;
    let people = || {
        employees
            .iter()
            .filter(|e| e.active)
            .map(|e| (e.id.to_string(), e.name.clone()))
    };
    let failed = !errors.is_empty();
    let page = NewComplaintPage {
        kinds: choices(
            Kind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), t.label("kind", k.as_str()))),
            &v.kind,
        ),
        channels: channel_choices(&t, &s.store.channels().await?, channel.as_str()),
        priorities: choices(
            Priority::ALL
                .iter()
                .map(|p| (p.as_str().to_owned(), t.label("priority", p.as_str()))),
            &v.priority,
        ),
        employees: choices(people(), &v.received_by),
        assignees: choices(people(), &v.assignee),
        categories: choices(
            category_paths(&s.store.categories().await?)
                .into_iter()
                .map(|(id, p)| (id.to_string(), p)),
            &v.category,
        ),
        products: choices(
            s.store
                .products()
                .await?
                .into_iter()
                .map(|p| (p.id.to_string(), p.name)),
            &v.product,
        ),
        zone: tz.iana_name().unwrap_or("UTC").to_owned(),
        chrome: Chrome::staff(staff, "/complaints/new"),
        t,
        v,
        find,
        matches,
        errors,
    };
    let res = render_form(&page, failed)?;
    Ok(res)
}

fn phone() -> ChannelCode {
    ChannelCode::parse("phone").expect("phone is a channel code")
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
