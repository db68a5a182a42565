//! The managers' forms on `/problems`: a category's actionability (with a note), the ranking's
//! weights, and adopting the focus problems (the source links are in `links`). Each is appended (history kept with who and
//! when); a refusal shows the page again with the field named, in the reader's language.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use tend_domain::kernel::reason::{NO_CATEGORY, OUT_OF_RANGE, REQUIRED};
use tend_domain::problems::Weights;
use tend_domain::staff::Permission;

use super::{ProblemsQuery, show};
use crate::WebState;
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::StaffForm;

pub(super) type Form = BTreeMap<String, String>;

pub(super) fn get<'a>(v: &'a Form, k: &str) -> &'a str {
    v.get(k).map_or("", |x| x.trim())
}

/// The period the form was posted from, to show the page again for it.
pub(super) fn back(v: &Form) -> ProblemsQuery {
    ProblemsQuery {
        from: get(v, "from").to_owned(),
        to: get(v, "to").to_owned(),
        lost_days: get(v, "lost_days").to_owned(),
    }
}

pub(super) fn redirect(v: &Form) -> Response {
    let q = back(v);
    Redirect::to(&format!("/problems?from={}&to={}", q.from, q.to)).into_response()
}

/// `POST /problems/marks`: `category_id`, `actionable` (`yes`/`no`), `note` (at most 500).
pub async fn mark(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<Form>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut errors = Errors::new(&t);
    let known: Vec<i64> = s.store.categories().await?.iter().map(|c| c.id.0).collect();
    let id = match get(&v, "category_id").parse::<i64>() {
        Ok(id) if known.contains(&id) => Some(id),
        Ok(id) => {
            errors.reason("category_id", NO_CATEGORY.with("id", id));
            None
        }
        Err(_) => {
            errors.reason("category_id", REQUIRED);
            None
        }
    };
    let actionable = match get(&v, "actionable") {
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            errors.reason("actionable", REQUIRED);
            None
        }
    };
    let note = tend_domain::kernel::text::Text::<500>::parse_opt(Some(get(&v, "note")))
        .map_err(|r| errors.reason("note", r))
        .ok()
        .flatten();
    let (Some(id), Some(actionable), true) = (id, actionable, errors.is_empty()) else {
        return show(&s, t, &staff, &back(&v), Some(errors)).await;
    };
    let note = note.as_ref().map(|n| n.as_str());
    let by = staff.session.employee.id;
    s.store
        .mark_problem(id, actionable, note, by, s.clock.now())
        .await?;
    Ok(redirect(&v))
}

/// `POST /problems/weights`: `frequency`, `cost`, `lost`, `listening`, whole numbers 0–100,
/// not all 0.
pub async fn weights(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<Form>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut errors = Errors::new(&t);
    let mut read = |field: &str| -> i64 {
        let raw = get(&v, field);
        match raw.parse::<i64>() {
            Ok(n) if (0..=100).contains(&n) => n,
            _ => {
                let r = OUT_OF_RANGE
                    .with("min", 0)
                    .with("max", 100)
                    .with("got", raw);
                errors.reason(field, r);
                0
            }
        }
    };
    let w = Weights {
        frequency: read("frequency"),
        cost: read("cost"),
        lost: read("lost"),
        listening: read("listening"),
    };
    if errors.is_empty()
        && let Err((field, got)) = w.check()
    {
        let r = OUT_OF_RANGE
            .with("min", 1)
            .with("max", 100)
            .with("got", got);
        errors.reason(field, r);
    }
    if !errors.is_empty() {
        return show(&s, t, &staff, &back(&v), Some(errors)).await;
    }
    let by = staff.session.employee.id;
    s.store.set_problem_weights(w, by, s.clock.now()).await?;
    Ok(redirect(&v))
}

/// `POST /problems/focus`: `first`, `second`, `third` (category ids; empty ones skipped, at
/// least one), adopted from the page's period `from`–`to`.
pub async fn adopt(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<Form>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut errors = Errors::new(&t);
    let mut ids = Vec::new();
    for field in ["first", "second", "third"] {
        match get(&v, field) {
            "" => {}
            raw => match raw.parse::<i64>() {
                Ok(id) => ids.push(id),
                Err(_) => errors.reason(field, NO_CATEGORY.with("id", raw)),
            },
        }
    }
    let today = tend_app::plan::today(&s).await?;
    let (from, to, _) = super::period(&back(&v), today, &mut errors);
    if errors.is_empty() {
        let (f, t2) = (from.to_string(), to.to_string());
        let by = staff.session.employee.id;
        match s
            .store
            .adopt_focus(&ids, (&f, &t2), by, s.clock.now())
            .await
        {
            Ok(_) => return Ok(redirect(&v)),
            Err(e) => errors = Errors::from_store(e, &t)?,
        }
    }
    show(&s, t, &staff, &back(&v), Some(errors)).await
}
