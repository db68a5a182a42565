//! `/surveys/settings`: the surveys' settings — how many days an invitation's link takes
//! answers, and the cooldown within which a customer asked by any survey (or a satisfaction
//! request) is not asked again by a relationship schedule. Staff read them; managers change
//! them, written with their audit row (`Store::set_survey_settings`). A value that is not a
//! whole number in its range is refused next to its field, in the reader's language.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::DomainError;
use tend_domain::kernel::reason::RANGE;
use tend_domain::staff::Permission;
use tend_domain::surveys::SurveySettings;

use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

/// The form as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    invitation_link_days: String,
    cooldown_days: String,
}

#[derive(Template)]
#[template(path = "surveys/settings.html")]
struct SettingsPage {
    t: Tr,
    chrome: Chrome,
    v: SettingsForm,
    errors: Errors,
    manager: bool,
    /// The accepted ranges, in words.
    link_hint: String,
    cooldown_hint: String,
}

fn range_hint(t: &Tr, (min, max): (u16, u16)) -> String {
    let (min, max) = (min.to_string(), max.to_string());
    t.args("survey-settings-range", &[("min", &min), ("max", &max)])
}

async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    typed: Option<(SettingsForm, Errors)>,
) -> PageResult<Response> {
    let (v, errors) = match typed {
        Some(v) => v,
        None => {
            let stored = s.store.survey_settings().await?;
            let v = SettingsForm {
                invitation_link_days: stored.link_days.to_string(),
                cooldown_days: stored.cooldown_days.to_string(),
            };
            (v, Errors::new(&t))
        }
    };
    let failed = !errors.is_empty();
    let page = SettingsPage {
        chrome: Chrome::staff(staff, "/surveys/settings"),
        v,
        errors,
        manager: staff.can(Permission::Manage),
        link_hint: range_hint(&t, SurveySettings::LINK_DAYS),
        cooldown_hint: range_hint(&t, SurveySettings::COOLDOWN_DAYS),
        t,
    };
    render_form(&page, failed)
}

/// The settings (any member of staff).
pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    show(&s, t, &staff, None).await
}

/// A whole number, or the range refusal of `field` (what a typed "abc" is as much as a 0).
fn days(raw: &str, field: &str, range: (u16, u16), errors: &mut Errors) -> Option<i64> {
    let parsed = raw.trim().parse::<i64>().ok();
    if parsed.is_none() {
        errors.reason(field, RANGE.with("min", range.0).with("max", range.1));
    }
    parsed
}

/// Sets both (managers); a refusal shows the form again (422) with each field's reason.
pub async fn save(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form }: StaffForm<SettingsForm>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut errors = Errors::new(&t);
    let link = days(
        &form.invitation_link_days,
        "invitation_link_days",
        SurveySettings::LINK_DAYS,
        &mut errors,
    );
    let cool = days(
        &form.cooldown_days,
        "cooldown_days",
        SurveySettings::COOLDOWN_DAYS,
        &mut errors,
    );
    // A field that is not a number is checked as its minimum, so the other is still checked.
    let (min_link, min_cool) = (SurveySettings::LINK_DAYS.0, SurveySettings::COOLDOWN_DAYS.0);
    let checked = SurveySettings::new(
        link.unwrap_or(i64::from(min_link)),
        cool.unwrap_or(i64::from(min_cool)),
    );
    if let Err(DomainError::Invalid(fields)) = &checked {
        for (field, reason) in fields.iter() {
            errors.reason(field, reason.clone());
        }
    }
    let v = match checked {
        Ok(v) if errors.is_empty() => v,
        _ => return show(&s, t, &staff, Some((form, errors))).await,
    };
    s.store
        .set_survey_settings(v, s.clock.now(), &staff.actor())
        .await?;
    Ok(Redirect::to("/surveys/settings").into_response())
}
