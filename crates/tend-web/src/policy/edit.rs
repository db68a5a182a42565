//! The draft form (`/plan/policy/new`): every method's area and the custom ones, each with its
//! next review date and its Markdown in English, Spanish and Turkish, prefilled from the latest
//! version; an area with no text is left out. Saving always writes a new draft version.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use tend_app::policy;
use tend_domain::kernel::error::{DomainError, FieldErrors};
use tend_domain::policy::{AREAS, AreaDraft, LANGUAGES, PolicyDraft, built_in};
use tend_domain::staff::Permission;
use tend_store::{StoreError, StoredPolicyVersion};

use super::area_name;
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

/// One area of the form. Field names start with `key`: the area's code for the method's areas,
/// `custom{n}` for a custom one (whose code, title and customer-facing flag are fields too).
pub struct AreaForm {
    pub key: String,
    pub name: String,
    pub custom: bool,
    pub code: String,
    pub title: String,
    pub facing: bool,
    pub review_on: String,
    /// (language, Markdown).
    pub texts: Vec<(&'static str, String)>,
    /// The refused fields of this area and why: (`{key}-{field}`, reason).
    pub errors: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "policy/edit.html")]
struct EditPage {
    t: Tr,
    chrome: Chrome,
    note: String,
    areas: Vec<AreaForm>,
    errors: Errors,
}

fn from_version(t: &Tr, v: Option<&StoredPolicyVersion>) -> Vec<AreaForm> {
    let find = |code: &str| v.and_then(|v| v.areas.iter().find(|a| a.code == code));
    let mut out: Vec<AreaForm> = AREAS
        .iter()
        .map(|&(code, facing)| {
            let a = find(code);
            AreaForm {
                key: code.to_owned(),
                name: area_name(t, code, None),
                custom: false,
                code: code.to_owned(),
                title: String::new(),
                facing,
                review_on: a
                    .and_then(|a| a.review_on)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                texts: LANGUAGES
                    .iter()
                    .map(|&l| (l, a.and_then(|a| a.text(l)).unwrap_or("").to_owned()))
                    .collect(),
                errors: Vec::new(),
            }
        })
        .collect();
    let customs: Vec<_> = v
        .map(|v| {
            v.areas
                .iter()
                .filter(|a| built_in(&a.code).is_none())
                .collect()
        })
        .unwrap_or_default();
    for n in 1..=customs.len() + 1 {
        let a = customs.get(n - 1);
        out.push(AreaForm {
            key: format!("custom{n}"),
            name: t.get("policy-custom-area"),
            custom: true,
            code: a.map(|a| a.code.clone()).unwrap_or_default(),
            title: a.and_then(|a| a.title.clone()).unwrap_or_default(),
            facing: a.is_some_and(|a| a.customer_facing),
            review_on: a
                .and_then(|a| a.review_on)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            texts: LANGUAGES
                .iter()
                .map(|&l| (l, a.and_then(|a| a.text(l)).unwrap_or("").to_owned()))
                .collect(),
            errors: Vec::new(),
        });
    }
    out
}

/// The form's areas as the posted values show them (the same keys as [`from_version`] made).
fn from_form(t: &Tr, v: &BTreeMap<String, String>) -> Vec<AreaForm> {
    let get = |k: String| v.get(&k).cloned().unwrap_or_default();
    let mut keys: Vec<(String, bool)> = AREAS.iter().map(|(c, _)| (c.to_string(), false)).collect();
    let mut n = 1;
    while v.contains_key(&format!("custom{n}-code")) {
        keys.push((format!("custom{n}"), true));
        n += 1;
    }
    keys.into_iter()
        .map(|(key, custom)| AreaForm {
            name: match custom {
                true => t.get("policy-custom-area"),
                false => area_name(t, &key, None),
            },
            code: if custom {
                get(format!("{key}-code"))
            } else {
                key.clone()
            },
            title: get(format!("{key}-title")),
            facing: match custom {
                true => v.contains_key(&format!("{key}-facing")),
                false => built_in(&key).unwrap_or(false),
            },
            review_on: get(format!("{key}-review_on")),
            texts: LANGUAGES
                .iter()
                .map(|&l| (l, get(format!("{key}-{l}"))))
                .collect(),
            errors: Vec::new(),
            custom,
            key,
        })
        .collect()
}

pub async fn form(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let all = s.store.policy_versions().await?;
    let page = EditPage {
        chrome: Chrome::staff(&staff, "/plan/policy/new"),
        note: String::new(),
        areas: from_version(&t, all.first()),
        errors: Errors::new(&t),
        t,
    };
    render_form(&page, false)
}

pub async fn save(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let areas = from_form(&t, &v);
    // Areas with any text, and the form key each came from (errors are named by it).
    let given: Vec<&AreaForm> = areas
        .iter()
        .filter(|a| a.texts.iter().any(|(_, x)| !x.trim().is_empty()))
        .collect();
    let keys: Vec<String> = given.iter().map(|a| a.key.clone()).collect();
    let draft = PolicyDraft {
        note: v.get("note").cloned(),
        areas: given
            .iter()
            .map(|a| AreaDraft {
                area: a.code.trim().to_owned(),
                title: a.custom.then(|| a.title.clone()),
                customer_facing: a.custom.then_some(a.facing),
                review_on: Some(a.review_on.clone()),
                texts: a
                    .texts
                    .iter()
                    .map(|(l, x)| (l.to_string(), x.clone()))
                    .collect(),
            })
            .collect(),
    };
    let e = match policy::save_draft(&s, &draft, staff.session.employee.id).await {
        Ok(v) => return Ok(Redirect::to(&format!("/plan/policy/{}", v.id)).into_response()),
        Err(e) => e,
    };
    // `areas.3.texts.es` is named after the form's fields: `returns-texts.es`.
    let e = match e {
        StoreError::Domain(DomainError::Invalid(f)) => {
            let mut named = FieldErrors::new();
            for (field, reason) in f.iter() {
                let renamed = field
                    .strip_prefix("areas.")
                    .and_then(|rest| rest.split_once('.'))
                    .and_then(|(n, tail)| {
                        let key = keys.get(n.parse::<usize>().ok()?.checked_sub(1)?)?;
                        Some(format!("{key}-{tail}"))
                    })
                    .unwrap_or_else(|| field.to_owned());
                named.add(renamed, reason.clone());
            }
            StoreError::Domain(DomainError::Invalid(named))
        }
        other => other,
    };
    let errors = Errors::from_store(e, &t)?;
    let all = errors.all();
    let mut areas = areas;
    for a in &mut areas {
        let prefix = format!("{}-", a.key);
        a.errors = all
            .iter()
            .filter(|(f, _)| f.starts_with(&prefix))
            .cloned()
            .collect();
    }
    let page = EditPage {
        chrome: Chrome::staff(&staff, "/plan/policy/new"),
        note: v.get("note").cloned().unwrap_or_default(),
        areas,
        errors,
        t,
    };
    render_form(&page, true)
}
