//! `/settings/company`, for admins: the company's name and time zone (the zone every employee
//! without their own reads instants in), and the purge period (days from a complaint's soft
//! delete to the purge of its text; its own form, `/settings/company/purge`). A zone jiff's
//! database does not know is refused as a reason (`zone_unknown`) next to its field, days out of
//! range likewise (`purge_days`); a change is written with its audit row.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::complaints::PurgeDays;
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
    purge: PurgeForm,
    purge_errors: Errors,
    /// The accepted range, in words.
    purge_hint: String,
}

/// The purge period's form as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PurgeForm {
    purge_days: String,
}

/// The page with the company form `v` (and its errors) and the purge form (`purge`, or the
/// stored period when `None`).
async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    v: Option<(CompanyForm, Errors)>,
    purge: Option<(PurgeForm, Errors)>,
) -> PageResult<Response> {
    let (v, errors) = match v {
        Some(v) => v,
        None => {
            let stored = s.store.company_settings().await?;
            let v = CompanyForm {
                company: stored.name.unwrap_or_default(),
                time_zone: stored.time_zone.unwrap_or_else(|| "UTC".into()),
            };
            (v, Errors::new(&t))
        }
    };
    let (purge, purge_errors) = match purge {
        Some(p) => p,
        None => {
            let days = tend_app::complaints::fate::purge_period(s).await?;
            let purge_days = (days.as_hours() / 24).to_string();
            (PurgeForm { purge_days }, Errors::new(&t))
        }
    };
    let failed = !errors.is_empty() || !purge_errors.is_empty();
    let page = CompanyPage {
        chrome: Chrome::staff(staff, "/settings/company"),
        v,
        errors,
        purge,
        purge_errors,
        purge_hint: t.args(
            "purge-days-hint",
            &[
                ("min", &PurgeDays::MIN.to_string()),
                ("max", &PurgeDays::MAX.to_string()),
            ],
        ),
        t,
    };
    render_form(&page, failed)
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    show(&s, t, &staff, None, None).await
}

/// Sets the purge period (admins); refused days are shown next to the field (422).
pub async fn save_purge(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form }: StaffForm<PurgeForm>,
) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    let actor = staff.actor();
    match tend_app::complaints::fate::set_purge_days(&s, &form.purge_days, &actor).await {
        Ok(_) => Ok(Redirect::to("/settings/company").into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, None, Some((form, errors))).await
        }
    }
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
        return show(&s, t, &staff, Some((form, errors)), None).await;
    };
    s.store
        .set_company_settings(name.as_str(), &zone, s.clock.now(), &staff.actor())
        .await?;
    Ok(Redirect::to("/settings/company").into_response())
}
