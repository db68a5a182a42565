//! Settings for managers: categories, products, employees (their forms are in `employees`) and
//! each channel's service hours and response standards (see `channel_form`).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::catalog::ChannelCode;
use tend_domain::kernel::ids::CategoryId;
use tend_domain::kernel::reason::Reason;
use tend_domain::kernel::text::{Line, Name};
use tend_domain::staff::{Permission, Role};

use std::collections::BTreeMap;

use crate::WebState;
use crate::channels::channel_form::{self, ChannelFields};
use crate::complaints::inbox::{Choice, category_paths};
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::{Errors, opt};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, render_form};

pub struct EmployeeRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<Choice>,
    pub tier: String,
    /// Their own time zone as the form shows it (blank: the company's); only for admins.
    pub time_zone: Option<String>,
    /// Whether they may sign in; `access` is whether the reader may deactivate, reactivate or
    /// revoke their tokens (admins; never deactivating themselves).
    pub active: bool,
    pub access: bool,
    pub is_me: bool,
}

pub struct ChannelRow {
    pub code: String,
    pub name: String,
    pub fields: ChannelFields,
    /// Open when its form was just refused.
    pub open: bool,
    pub errors: Errors,
}

#[derive(Template)]
#[template(path = "channels/settings.html")]
struct SettingsPage {
    t: Tr,
    chrome: Chrome,
    categories: Vec<Choice>,
    products: Vec<(String, String)>,
    employees: Vec<EmployeeRow>,
    roles: Vec<Choice>,
    channels: Vec<ChannelRow>,
    invite_link: Option<String>,
    /// Which form the errors belong to.
    form: String,
    errors: Errors,
}

/// What the settings page shows after a form: errors, the form they belong to, a new link,
/// and a channel's documents as typed.
pub struct Outcome {
    pub form: String,
    pub errors: Errors,
    pub invite_link: Option<String>,
    pub typed: Option<(String, BTreeMap<String, String>)>,
}

impl Outcome {
    /// Nothing to show: no form sent, no errors.
    pub fn new(t: &Tr) -> Self {
        Outcome {
            form: String::new(),
            errors: Errors::new(t),
            invite_link: None,
            typed: None,
        }
    }
}

pub fn role_choices(t: &Tr, staff: &Staff, chosen: &str) -> Vec<Choice> {
    [Role::Viewer, Role::Agent, Role::Manager, Role::Admin]
        .into_iter()
        .filter(|r| *r <= staff.session.employee.role)
        .map(|r| Choice {
            value: r.as_str().to_owned(),
            label: t.label("role", r.as_str()),
            selected: r.as_str() == chosen,
        })
        .collect()
}

pub async fn show(s: &WebState, t: Tr, staff: &Staff, out: Outcome) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut channels = vec![];
    for c in s.store.channels().await? {
        let (hours, standards) = s.store.channel_settings(&c.code).await?;
        let mut row = ChannelRow {
            code: c.code.to_string(),
            name: c.name.clone(),
            fields: channel_form::fields(&t, &hours.to_spec(), &standards),
            open: false,
            errors: Errors::new(&t),
        };
        if let Some((code, typed)) = &out.typed
            && *code == row.code
        {
            row.fields = channel_form::typed(&t, typed);
            row.open = true;
            row.errors = out.errors.clone();
        }
        channels.push(row);
    }
    let failed = !out.errors.is_empty();
    let page = SettingsPage {
        categories: category_paths(&s.store.categories().await?)
            .into_iter()
            .map(|(id, path)| Choice {
                value: id.to_string(),
                label: path,
                selected: false,
            })
            .collect(),
        products: s
            .store
            .products()
            .await?
            .into_iter()
            .map(|p| (p.name, p.sku.unwrap_or_default()))
            .collect(),
        employees: s
            .store
            .employees()
            .await?
            .into_iter()
            .map(|e| EmployeeRow {
                id: e.id.0,
                roles: role_choices(&t, staff, e.role.as_str()),
                time_zone: staff
                    .can(Permission::Administer)
                    .then(|| e.time_zone.unwrap_or_default()),
                active: e.active,
                access: staff.can(Permission::Administer),
                is_me: e.id == staff.session.employee.id,
                name: e.name,
                email: e.email,
                tier: e.tier.get().to_string(),
            })
            .collect(),
        roles: role_choices(&t, staff, "agent"),
        channels,
        invite_link: out.invite_link,
        form: out.form,
        errors: out.errors,
        chrome: Chrome::staff(staff, "/settings"),
        t,
    };
    let res = render_form(&page, failed)?;
    Ok(res)
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    show(&s, t, &staff, Outcome::new(&t)).await
}

pub fn done() -> PageResult<Response> {
    Ok(Redirect::to("/settings").into_response())
}

/// Shows the settings page again with `errors` on `form`'s fields.
pub async fn refused(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    form: &str,
    errors: Errors,
) -> PageResult<Response> {
    show(
        s,
        t,
        staff,
        Outcome {
            form: form.into(),
            errors,
            ..Outcome::new(&t)
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewCategory {
    name: String,
    parent: String,
}

pub async fn add_category(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form }: StaffForm<NewCategory>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let name = match Name::parse(&form.name) {
        Ok(n) => n,
        Err(r) => return refused(&s, t, &staff, "category", one(&t, "name", r)).await,
    };
    let parent = form.parent.parse().ok().map(CategoryId);
    match s.store.create_category(&name, parent, s.clock.now()).await {
        Ok(_) => done(),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            refused(&s, t, &staff, "category", errors).await
        }
    }
}

fn one(t: &Tr, field: &str, reason: Reason) -> Errors {
    let mut e = Errors::new(t);
    e.reason(field, reason);
    e
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewProduct {
    name: String,
    sku: String,
}

pub async fn add_product(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form }: StaffForm<NewProduct>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let name = match Name::parse(&form.name) {
        Ok(n) => n,
        Err(r) => return refused(&s, t, &staff, "product", one(&t, "name", r)).await,
    };
    let sku = match opt(&form.sku).map(|x| Line::<64>::parse(&x)).transpose() {
        Ok(x) => x,
        Err(r) => return refused(&s, t, &staff, "product", one(&t, "sku", r)).await,
    };
    match s
        .store
        .create_product(&name, sku.as_ref(), s.clock.now())
        .await
    {
        Ok(_) => done(),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            refused(&s, t, &staff, "product", errors).await
        }
    }
}

pub async fn channel(
    State(s): State<WebState>,
    t: Tr,
    Path(code): Path<String>,
    StaffForm { staff, form }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let code = ChannelCode::parse(&code).map_err(|_| PageError::not_found())?;
    let (spec, standards) = match channel_form::parse(&t, &form) {
        Ok(documents) => documents,
        Err(errors) => {
            let out = Outcome {
                form: format!("channel-{code}"),
                errors,
                typed: Some((code.to_string(), form)),
                ..Outcome::new(&t)
            };
            return show(&s, t, &staff, out).await;
        }
    };
    let hours = spec.validate().map_err(|_| PageError::bad_request())?;
    let (now, by) = (s.clock.now(), staff.actor());
    s.store.set_service_hours(&code, &hours, now, &by).await?;
    s.store
        .set_response_standards(&code, &standards, now, &by)
        .await?;
    done()
}
