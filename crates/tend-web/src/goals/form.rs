//! The goal form: setting a new goal (`/goals/new`) and changing one (on its page, a new
//! version). Managers only. The fields are the API's draft; refusals are shown by the field,
//! in the reader's language, with what was typed kept.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use tend_app::goals;
use tend_domain::catalog::BUILT_IN_CHANNELS;
use tend_domain::goals::period::Length;
use tend_domain::goals::{GoalDraft, Measure};
use tend_domain::staff::Permission;

use crate::kit::error::PageResult;
use crate::kit::fields::{Errors, number, opt};
use crate::kit::i18n::Tr;
use crate::kit::select::{Choice, choices};
use crate::kit::session::{Staff, StaffForm};
use crate::segments::names;
use crate::{Chrome, WebState, render_form};

/// The form as shown: typed values, the choices of each select, and the errors.
pub struct FormView {
    pub values: BTreeMap<String, String>,
    pub measures: Vec<Choice>,
    pub directions: Vec<Choice>,
    pub periods: Vec<Choice>,
    pub figures: Vec<Choice>,
    pub channels: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub focus: Vec<Choice>,
    pub products: Vec<Choice>,
    pub segments: Vec<Choice>,
    pub owners: Vec<Choice>,
    pub errors: Errors,
}

impl FormView {
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }
}

/// The draft as the form's fields.
fn values(d: &GoalDraft) -> BTreeMap<String, String> {
    let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let mut v = BTreeMap::new();
    v.insert("name".into(), d.name.clone().unwrap_or_default());
    v.insert("measure".into(), d.measure.clone().unwrap_or_default());
    v.insert(
        "target".into(),
        d.target.map(|t| t.to_string()).unwrap_or_default(),
    );
    v.insert("direction".into(), d.direction.clone().unwrap_or_default());
    v.insert("period".into(), d.period.clone().unwrap_or_default());
    v.insert(
        "rolling".into(),
        if d.rolling == Some(true) {
            "on".into()
        } else {
            String::new()
        },
    );
    v.insert("days".into(), n(d.days));
    v.insert("minutes".into(), n(d.minutes));
    v.insert("figure_id".into(), n(d.figure_id));
    v.insert("channel".into(), d.channel.clone().unwrap_or_default());
    v.insert("category_id".into(), n(d.category_id));
    v.insert("product_id".into(), n(d.product_id));
    v.insert("segment_id".into(), n(d.segment_id));
    v.insert("owner_id".into(), n(d.owner_id));
    v.insert("focus_category_id".into(), n(d.focus_category_id));
    v
}

/// The form for `values` with its choices.
pub async fn view_of(
    s: &WebState,
    t: &Tr,
    values: BTreeMap<String, String>,
    errors: Errors,
) -> PageResult<FormView> {
    let get = |k: &str| values.get(k).cloned().unwrap_or_default();
    let none = || Some(t.get("goals-none-chosen"));
    let categories: Vec<(String, String)> = s
        .store
        .categories()
        .await?
        .into_iter()
        .map(|c| (c.id.0.to_string(), c.name))
        .collect();
    Ok(FormView {
        measures: choices(
            &get("measure"),
            None,
            Measure::ALL
                .iter()
                .map(|m| (m.code().to_owned(), t.label("goals-measure", m.code())))
                .collect(),
        ),
        directions: choices(
            &get("direction"),
            None,
            ["at_least", "at_most"]
                .iter()
                .map(|d| (d.to_string(), t.label("goals-choose", d)))
                .collect(),
        ),
        periods: choices(
            &get("period"),
            None,
            Length::ALL
                .iter()
                .map(|l| (l.code().to_owned(), t.label("goals-choose", l.code())))
                .collect(),
        ),
        figures: choices(
            &get("figure_id"),
            none(),
            s.store
                .figures()
                .await?
                .into_iter()
                .map(|f| (f.id.to_string(), f.name))
                .collect(),
        ),
        channels: choices(
            &get("channel"),
            none(),
            BUILT_IN_CHANNELS
                .iter()
                .map(|(c, _)| (c.to_string(), t.label_or("channel", c)))
                .collect(),
        ),
        focus: choices(&get("focus_category_id"), none(), categories.clone()),
        categories: choices(&get("category_id"), none(), categories),
        products: choices(
            &get("product_id"),
            none(),
            s.store
                .products()
                .await?
                .into_iter()
                .map(|p| (p.id.0.to_string(), p.name))
                .collect(),
        ),
        segments: choices(&get("segment_id"), none(), names(s).await?),
        owners: choices(
            &get("owner_id"),
            None,
            s.store
                .employees()
                .await?
                .into_iter()
                .filter(|e| e.active)
                .map(|e| (e.id.0.to_string(), e.name))
                .collect(),
        ),
        values,
        errors,
    })
}

/// The form showing `draft`.
pub async fn view(s: &WebState, t: &Tr, draft: &GoalDraft, errors: Errors) -> PageResult<FormView> {
    view_of(s, t, values(draft), errors).await
}

/// The fields as the API's draft; a number that is not one is named in `errors`.
fn draft(v: &BTreeMap<String, String>, t: &Tr, errors: &mut Errors) -> GoalDraft {
    let get = |k: &str| v.get(k).map_or("", String::as_str);
    let target = match opt(get("target")) {
        None => None,
        Some(raw) => match raw.replace(',', ".").parse::<f64>() {
            Ok(x) => Some(x),
            Err(_) => {
                errors.add("target", t.get("error-number"));
                None
            }
        },
    };
    let mut int = |k: &str| match number(get(k), t) {
        Ok(n) => n,
        Err(m) => {
            errors.add(k, m);
            None
        }
    };
    GoalDraft {
        name: opt(get("name")),
        measure: opt(get("measure")),
        target,
        direction: opt(get("direction")),
        period: opt(get("period")),
        rolling: Some(!get("rolling").is_empty()),
        days: int("days"),
        minutes: int("minutes"),
        figure_id: int("figure_id"),
        channel: opt(get("channel")),
        category_id: int("category_id"),
        product_id: int("product_id"),
        segment_id: int("segment_id"),
        owner_id: int("owner_id"),
        focus_category_id: int("focus_category_id"),
    }
}

#[derive(Template)]
#[template(path = "goals/new.html")]
struct NewPage {
    t: Tr,
    chrome: Chrome,
    form: FormView,
}

pub async fn new(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let d = GoalDraft {
        owner_id: Some(staff.session.employee.id.0),
        ..Default::default()
    };
    let form = view(&s, &t, &d, Errors::new(&t)).await?;
    render_form(
        &NewPage {
            chrome: Chrome::staff(&staff, "/goals/new"),
            t,
            form,
        },
        false,
    )
}

pub async fn create(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut errors = Errors::new(&t);
    let d = draft(&v, &t, &mut errors);
    let result = if errors.is_empty() {
        match goals::create(&s, &d, staff.session.employee.id).await {
            Ok(g) => return Ok(Redirect::to(&format!("/goals/{}", g.id)).into_response()),
            Err(e) => Errors::from_store(e, &t)?,
        }
    } else {
        errors
    };
    let form = view_of(&s, &t, v, result).await?;
    render_form(
        &NewPage {
            chrome: Chrome::staff(&staff, "/goals/new"),
            t,
            form,
        },
        true,
    )
}

/// A change from the goal's page: the whole form, stored as the next version.
pub async fn change(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = super::goal_id(&id)?;
    let mut errors = Errors::new(&t);
    let d = draft(&v, &t, &mut errors);
    if errors.is_empty() {
        match goals::change(&s, id, &d, staff.session.employee.id).await {
            Ok(_) => return Ok(Redirect::to(&format!("/goals/{id}")).into_response()),
            Err(e) => errors = Errors::from_store(e, &t)?,
        }
    }
    let standing = goals::standing_of(&s, id).await?;
    let form = view_of(&s, &t, v, errors).await?;
    super::page(&s, t, &staff, &standing, Some(form), true).await
}
