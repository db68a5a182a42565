//! `/settings/company`, for admins: the company's name and time zone (the zone every employee
//! without their own reads instants in). A zone jiff's database does not know is refused as a
//! reason (`zone_unknown`) next to its field; a change is written with its audit row.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::kernel::text::Text;
use tend_domain::staff::Permission;
use tend_domain::staff::zone::parse_zone_name;

use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

/// The form as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CompanyForm {
    company: String,
    time_zone: String,
}

#[derive(Template)]
#[template(path = "staff/company.html")]
struct CompanyPage {
    t: Tr,
    chrome: Chrome,
    v: CompanyForm,
    errors: Errors,
}

fn show(t: Tr, staff: &Staff, v: CompanyForm, errors: Errors) -> PageResult<Response> {
    let failed = !errors.is_empty();
    let page = CompanyPage {
        chrome: Chrome::staff(staff, "/settings/company"),
        t,
        v,
        errors,
    };
    render_form(&page, failed)
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    let stored = s.store.company_settings().await?;
    let v = CompanyForm {
        company: stored.name.unwrap_or_default(),
        time_zone: stored.time_zone.unwrap_or_else(|| "UTC".into()),
    };
    show(t, &staff, v, Errors::new(&t))
}

pub async fn save(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form }: StaffForm<CompanyForm>,
) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    let mut errors = Errors::new(&t);
    let name = Text::<200>::parse(&form.company)
        .map_err(|r| errors.reason("company", r))
        .ok();
    let zone = parse_zone_name(&form.time_zone)
        .map_err(|r| errors.reason("time_zone", r))
        .ok();
    let (Some(name), Some(zone)) = (name, zone) else {
        return show(t, &staff, form, errors);
    };
    s.store
        .set_company_settings(name.as_str(), &zone, s.clock.now(), &staff.actor())
        .await?;
    Ok(Redirect::to("/settings/company").into_response())
}
