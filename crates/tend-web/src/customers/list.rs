//! Customers: a searchable list, and each customer's page — their profile and every complaint
//! they made with how it ended.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use tend_domain::kernel::ids::CustomerId;
use tend_domain::staff::Permission;
use tend_store::{ComplaintFilter, Cursor};

use crate::WebState;
use crate::complaints::method::Answer;
use crate::complaints::show::{Row, rows};
use crate::kit::error::{PageError, PageResult, urlencode};
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, render};

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    cursor: String,
}

pub struct CustomerRow {
    pub id: i64,
    pub name: String,
    pub contact: String,
    pub place: String,
}

#[derive(Template)]
#[template(path = "customers/customers.html")]
struct CustomersPage {
    t: Tr,
    chrome: Chrome,
    q: String,
    customers: Vec<CustomerRow>,
    next: Option<String>,
}

pub async fn list(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Query(q): Query<ListQuery>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let after = q.cursor.parse::<i64>().ok().map(CustomerId);
    let search = Some(q.q.trim()).filter(|s| !s.is_empty());
    let page = s.store.list_customers(search, after, 50).await?;
    let customers = page
        .items
        .iter()
        .map(|c| {
            let k = &c.customer;
            let join = |parts: Vec<Option<String>>| {
                parts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
            };
            CustomerRow {
                id: c.id.0,
                name: k.name.to_string(),
                contact: join(vec![
                    k.email.as_ref().map(|e| e.to_string()),
                    k.phone.as_ref().map(|p| p.to_string()),
                ]),
                place: join(vec![
                    k.city.as_ref().map(|e| e.to_string()),
                    k.country.as_ref().map(|p| p.to_string()),
                ]),
            }
        })
        .collect();
    let page = CustomersPage {
        next: page
            .next
            .map(|c| format!("/customers?q={}&cursor={}", urlencode(&q.q), c.0)),
        chrome: Chrome::staff(&staff, "/customers"),
        t,
        q: q.q,
        customers,
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "customers/customer.html")]
struct CustomerPage {
    t: Tr,
    chrome: Chrome,
    id: i64,
    name: String,
    profile: Vec<Answer>,
    rows: Vec<Row>,
    next: Option<String>,
    can_work: bool,
    /// Managers and admins export; admins anonymise.
    can_manage: bool,
    can_administer: bool,
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
    Query(q): Query<ListQuery>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let id = id
        .parse()
        .map(CustomerId)
        .map_err(|_| PageError::not_found())?;
    let c = s.store.customer(id).await?;
    let k = &c.customer;
    let mut profile = vec![];
    let mut add = |key: &str, v: Option<String>| {
        if let Some(value) = v.filter(|v| !v.is_empty()) {
            profile.push(Answer {
                label: t.get(key),
                value,
            });
        }
    };
    add("field-email", k.email.as_ref().map(|v| v.to_string()));
    add("field-phone", k.phone.as_ref().map(|v| v.to_string()));
    add("field-address", k.address.as_ref().map(|v| v.to_string()));
    add("field-city", k.city.as_ref().map(|v| v.to_string()));
    add("field-region", k.region.as_ref().map(|v| v.to_string()));
    add("field-country", k.country.as_ref().map(|v| v.to_string()));
    add(
        "field-language",
        k.preferred_language.as_ref().map(|v| v.to_string()),
    );
    add(
        "field-birth-year",
        k.birth_year.map(|v| v.get().to_string()),
    );
    add(
        "field-consent",
        Some(t.get(if k.consent_to_contact { "yes" } else { "no" })),
    );
    add("field-notes", k.notes.as_ref().map(|v| v.to_string()));
    let filter = ComplaintFilter {
        customer_id: Some(id),
        after: Cursor::decode(&q.cursor).ok(),
        limit: 50,
        ..Default::default()
    };
    let complaints = s.store.list_complaints(&filter).await?;
    let page = CustomerPage {
        id: id.0,
        name: k.name.to_string(),
        rows: rows(&s, &t, staff.tz(), &complaints.items).await?,
        next: complaints
            .next
            .map(|c| format!("/customers/{}?cursor={}", id.0, c.encode())),
        can_work: staff.can(Permission::WorkComplaints),
        can_manage: staff.can(Permission::Manage),
        can_administer: staff.can(Permission::Administer),
        chrome: Chrome::staff(&staff, format!("/customers/{}", id.0)),
        t,
        profile,
    };
    render(&page)
}
