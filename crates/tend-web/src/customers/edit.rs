//! Correcting a customer's profile: the fields an agent hears on the phone, merged over the
//! stored record and validated by the domain, as the API's PATCH does.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::customers::CustomerDraft;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::CustomerId;
use tend_domain::staff::Permission;

use crate::WebState;
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::{Errors, number, opt};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, render_form};

/// The profile as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Profile {
    name: String,
    email: String,
    phone: String,
    address: String,
    city: String,
    region: String,
    country: String,
    language: String,
    birth_year: String,
    consent: String,
    notes: String,
}

impl Profile {
    fn of(d: CustomerDraft) -> Self {
        let s = |v: Option<String>| v.unwrap_or_default();
        Profile {
            name: s(d.name),
            email: s(d.email),
            phone: s(d.phone),
            address: s(d.address),
            city: s(d.city),
            region: s(d.region),
            country: s(d.country),
            language: s(d.preferred_language),
            birth_year: d.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            consent: if d.consent_to_contact == Some(true) {
                "1".into()
            } else {
                String::new()
            },
            notes: s(d.notes),
        }
    }
}

#[derive(Template)]
#[template(path = "customers/customer_edit.html")]
struct EditPage {
    t: Tr,
    chrome: Chrome,
    id: i64,
    v: Profile,
    errors: Errors,
}

fn parse_id(raw: &str) -> PageResult<CustomerId> {
    raw.parse()
        .map(CustomerId)
        .map_err(|_| PageError::not_found())
}

fn show(t: Tr, staff: &Staff, id: CustomerId, v: Profile, errors: Errors) -> PageResult<Response> {
    let failed = !errors.is_empty();
    let page = EditPage {
        chrome: Chrome::staff(staff, format!("/customers/{}/edit", id.0)),
        t,
        id: id.0,
        v,
        errors,
    };
    let res = render_form(&page, failed)?;
    Ok(res)
}

pub async fn form(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = parse_id(&id)?;
    let current = s.store.customer(id).await?;
    show(
        t,
        &staff,
        id,
        Profile::of(current.customer.to_draft()),
        Errors::new(&t),
    )
}

pub async fn submit(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form: v }: StaffForm<Profile>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = parse_id(&id)?;
    let current = s.store.customer(id).await?;
    let mut errors = Errors::new(&t);
    let mut draft = current.customer.to_draft();
    draft.name = opt(&v.name);
    draft.email = opt(&v.email);
    draft.phone = opt(&v.phone);
    draft.address = opt(&v.address);
    draft.city = opt(&v.city);
    draft.region = opt(&v.region);
    draft.country = opt(&v.country);
    draft.preferred_language = opt(&v.language);
    draft.birth_year = number(&v.birth_year, &t)
        .map_err(|r| errors.add("birth_year", r))
        .ok()
        .flatten();
    draft.consent_to_contact = Some(v.consent == "1");
    draft.notes = opt(&v.notes);
    let customer = match draft.validate(s.year()) {
        Ok(c) if errors.is_empty() => c,
        Ok(_) => return show(t, &staff, id, v, errors),
        Err(e) => {
            for (k, r) in Errors::from_domain(e, &t).all() {
                errors.add(&k, r);
            }
            return show(t, &staff, id, v, errors);
        }
    };
    match s
        .store
        .update_customer(id, &customer, s.clock.now(), ConsentVia::StaffEdit)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/customers/{}", id.0)).into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(t, &staff, id, v, errors)
        }
    }
}
