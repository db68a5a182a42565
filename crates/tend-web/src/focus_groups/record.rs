//! A focus group's record (managers): its notes kept, and its findings added — each checked
//! (`tend_domain::focus_groups`) and tied to the problem category it concerns.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use tend_domain::focus_groups::FindingDraft;
use tend_domain::staff::Permission;

use super::{id_of, show};
use crate::WebState;
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::StaffForm;

pub async fn notes(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = id_of(&id)?;
    let text = v.get("notes").map_or("", |n| n.trim());
    if text.chars().count() > 20_000 {
        let mut errors = Errors::new(&t);
        errors.reason(
            "notes",
            tend_domain::kernel::reason::RANGE
                .with("min", 0)
                .with("max", 20_000),
        );
        return show(&s, t, &staff, id, errors).await;
    }
    s.store
        .set_focus_group_notes(id, text, s.clock.now())
        .await?;
    Ok(Redirect::to(&format!("/focus-groups/{id}#notes")).into_response())
}

pub async fn finding(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = id_of(&id)?;
    s.store.focus_group(id).await?;
    let get = |k: &str| v.get(k).map_or("", |x| x.trim());
    let mut errors = Errors::new(&t);
    let raised_by = match get("raised_by").parse::<i64>() {
        Ok(n) => n,
        Err(_) => {
            errors.add("raised_by", t.get("error-number"));
            0
        }
    };
    let category = match get("category_id") {
        "" => None,
        c => match c.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.add("category_id", t.get("error-number"));
                None
            }
        },
    };
    let draft = FindingDraft {
        statement: get("statement").to_owned(),
        quote: get("quote").to_owned(),
        raised_by,
        severity: get("severity").to_owned(),
    };
    let participants = s.store.focus_group_participants(id).await?.len();
    match draft.validate(participants) {
        Ok(f) if errors.is_empty() => {
            match s.store.add_finding(id, &f, category, s.clock.now()).await {
                Ok(_) => {
                    return Ok(
                        Redirect::to(&format!("/focus-groups/{id}#findings")).into_response()
                    );
                }
                Err(e) => errors = Errors::from_store(e, &t)?,
            }
        }
        Ok(_) => {}
        Err(e) => {
            for (f, m) in Errors::from_domain(e, &t).all() {
                errors.add(&f, m);
            }
        }
    }
    show(&s, t, &staff, id, errors).await
}
