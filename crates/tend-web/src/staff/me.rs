//! `/me`: an employee's own settings — the language of their pages and mail, and the time zone
//! they read instants in (blank: the company's). Any signed-in employee, for themselves only.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::staff::zone::parse_own_zone;

use crate::kit::cookies::set_cookie;
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::{Language, Tr};
use crate::kit::session::{Staff, StaffForm};
use crate::staff::sign_in::LANG_COOKIE_AGE;
use crate::{Chrome, WebState, render_form};

/// The form as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MeForm {
    language: String,
    time_zone: String,
}

#[derive(Template)]
#[template(path = "staff/me.html")]
struct MePage {
    t: Tr,
    chrome: Chrome,
    v: MeForm,
    /// The company's zone, read when the employee leaves theirs blank (`UTC` when unset).
    company_zone: String,
    /// Now, as this reader sees it: the zone in use, named.
    now: String,
    errors: Errors,
}

async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    v: MeForm,
    errors: Errors,
) -> PageResult<Response> {
    let failed = !errors.is_empty();
    let company = s.store.company_time_zone().await?;
    let page = MePage {
        company_zone: company.unwrap_or_else(|| "UTC".into()),
        now: t.datetime(&s.clock.now(), staff.tz()),
        chrome: Chrome::staff(staff, "/me"),
        t,
        v,
        errors,
    };
    render_form(&page, failed)
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    let id = staff.session.employee.id;
    let v = MeForm {
        language: s.store.employee_language(id).await?,
        time_zone: staff.session.time_zone.clone().unwrap_or_default(),
    };
    show(&s, t, &staff, v, Errors::new(&t)).await
}

/// Saves the language and the time zone; a zone the database does not know is refused
/// (`zone_unknown`, named by its field) and nothing is saved.
pub async fn save(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form }: StaffForm<MeForm>,
) -> PageResult<Response> {
    let mut errors = Errors::new(&t);
    let language = Language::parse(&form.language);
    if language.is_none() {
        errors.add("language", t.get("error-language"));
    }
    let zone = parse_own_zone(&form.time_zone)
        .map_err(|r| errors.reason("time_zone", r))
        .ok();
    let (Some(language), Some(zone)) = (language, zone) else {
        return show(&s, t, &staff, form, errors).await;
    };
    let id = staff.session.employee.id;
    s.store
        .set_own_settings(id, language.code(), zone.as_deref())
        .await?;
    let c = set_cookie(
        "lang",
        language.code(),
        Some(LANG_COOKIE_AGE),
        "Lax",
        s.config.secure_cookies,
    );
    let mut res = Redirect::to("/me").into_response();
    res.headers_mut().append(header::SET_COOKIE, c);
    Ok(res)
}
