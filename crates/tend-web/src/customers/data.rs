//! A customer's data from their page: the JSON export (managers and admins, the same
//! document as `GET /api/v1/customers/{id}/export`) and the anonymisation (admins only), behind
//! a confirmation page that says what is erased and what is kept.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::kernel::ids::CustomerId;
use tend_domain::staff::Permission;

use crate::WebState;
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, render_form};

fn parse_id(raw: &str) -> PageResult<CustomerId> {
    raw.parse()
        .map(CustomerId)
        .map_err(|_| PageError::not_found())
}

/// The export, as a JSON file to save.
pub async fn export(
    State(s): State<WebState>,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = parse_id(&id)?;
    let doc = s.store.customer_export(id, s.clock.now()).await?;
    let body = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| doc.to_string());
    let file = format!("attachment; filename=\"customer-{}.json\"", id.0);
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (header::CONTENT_DISPOSITION, file),
        ],
        body,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "customers/anonymise.html")]
struct ConfirmPage {
    t: Tr,
    chrome: Chrome,
    id: i64,
    name: String,
    errors: Errors,
}

async fn confirm_page(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    id: CustomerId,
    errors: Errors,
) -> PageResult<Response> {
    let c = s.store.customer(id).await?;
    let failed = !errors.is_empty();
    let page = ConfirmPage {
        chrome: Chrome::staff(staff, format!("/customers/{}/anonymise", id.0)),
        t,
        id: id.0,
        name: c.customer.name.to_string(),
        errors,
    };
    render_form(&page, failed)
}

/// The confirmation step: what is erased, what is kept, and a box to tick.
pub async fn confirm(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    let id = parse_id(&id)?;
    confirm_page(&s, t, &staff, id, Errors::new(&t)).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Confirm {
    /// `"1"` when the box "this cannot be undone" is ticked.
    understood: String,
}

/// Anonymises the customer once the box is ticked; back to their page.
pub async fn anonymise(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form }: StaffForm<Confirm>,
) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    let id = parse_id(&id)?;
    if form.understood != "1" {
        let mut errors = Errors::new(&t);
        errors.add("understood", t.get("anonymise-tick"));
        return confirm_page(&s, t, &staff, id, errors).await;
    }
    s.store
        .anonymise_customer(id, &staff.actor(), s.clock.now())
        .await?;
    Ok(Redirect::to(&format!("/customers/{}", id.0)).into_response())
}
