//! Employees, from the settings page: invited with a one-time link (the new employee chooses
//! their password through it), with a role and a support tier; a manager grants at most their
//! own role and changes nobody above it; an admin also sets an employee's time zone.

use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::TIER;
use tend_domain::kernel::text::{Email, Name, Tier};
use tend_domain::staff::zone::parse_own_zone;
use tend_domain::staff::{Permission, Role};

use crate::WebState;
use crate::channels::settings::{Outcome, done, refused, show};
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};

/// How long an invitation link can be used.
const INVITE_TTL: Duration = Duration::from_secs(7 * 24 * 3600);

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Invitation {
    name: String,
    email: String,
    role: String,
    tier: String,
}

/// The role and tier a form asks for; a manager cannot grant more than their own role.
fn role_and_tier(staff: &Staff, role: &str, tier: &str, e: &mut Errors) -> Option<(Role, Tier)> {
    let role = Role::parse(role).map_err(|r| e.reason("role", r)).ok();
    let tier = match tier.trim().parse::<i64>() {
        Ok(n) => Tier::new(n).map_err(|r| e.reason("tier", r)).ok(),
        Err(_) => {
            e.reason("tier", TIER.with("got", format!("{:?}", tier.trim())));
            None
        }
    };
    if role.is_some_and(|r| r > staff.session.employee.role) {
        return None;
    }
    Some((role?, tier?))
}

pub async fn invite(
    State(s): State<WebState>,
    t: Tr,
    headers: HeaderMap,
    StaffForm { staff, form }: StaffForm<Invitation>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut e = Errors::new(&t);
    let name = Name::parse(&form.name)
        .map_err(|r| e.reason("name", r))
        .ok();
    let email = Email::parse(&form.email)
        .map_err(|r| e.reason("email", r))
        .ok();
    let Some((role, tier)) = role_and_tier(&staff, &form.role, &form.tier, &mut e) else {
        if e.is_empty() {
            return Err(PageError::forbidden());
        }
        return refused(&s, t, &staff, "invite", e).await;
    };
    let (Some(name), Some(email), true) = (name, email, e.is_empty()) else {
        return refused(&s, t, &staff, "invite", e).await;
    };
    let now = s.clock.now();
    // No password until the invitation is used: nobody can sign in as the new employee before.
    let created = s
        .store
        .create_employee(&email, &name, role, None, tier, "", now)
        .await;
    let employee = match created {
        Ok(x) => x,
        Err(err) => {
            let errors = Errors::from_store(err, &t)?;
            return refused(&s, t, &staff, "invite", errors).await;
        }
    };
    let token = s.store.create_invite(employee.id, now, INVITE_TTL).await?;
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = if s.config.secure_cookies {
        "https"
    } else {
        "http"
    };
    let link = format!("{scheme}://{host}/invite/{token}");
    show(
        &s,
        t,
        &staff,
        Outcome {
            invite_link: Some(link),
            ..Outcome::new(&t)
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmployeeChange {
    role: String,
    tier: String,
    /// Their time zone (blank: the company's); only admins' forms send it, and absent leaves
    /// it as it is.
    time_zone: Option<String>,
}

pub async fn change(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form }: StaffForm<EmployeeChange>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = id
        .parse()
        .map(EmployeeId)
        .map_err(|_| PageError::not_found())?;
    let mut e = Errors::new(&t);
    let zone = match &form.time_zone {
        Some(_) if !staff.can(Permission::Administer) => return Err(PageError::forbidden()),
        Some(raw) => parse_own_zone(raw)
            .map(Some)
            .map_err(|r| e.reason("time_zone", r))
            .ok(),
        None => Some(None),
    };
    let Some((role, tier)) = role_and_tier(&staff, &form.role, &form.tier, &mut e) else {
        if e.is_empty() {
            return Err(PageError::forbidden());
        }
        return refused(&s, t, &staff, "employee", e).await;
    };
    let Some(zone) = zone else {
        return refused(&s, t, &staff, "employee", e).await;
    };
    let current = s
        .store
        .employees()
        .await?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or_else(PageError::not_found)?;
    // Nobody changes someone above their own role.
    if current.role > staff.session.employee.role {
        return Err(PageError::forbidden());
    }
    let now = s.clock.now();
    s.store
        .change_employee(
            id,
            role,
            tier,
            zone.as_ref().map(Option::as_deref),
            now,
            &staff.actor(),
        )
        .await?;
    done()
}
