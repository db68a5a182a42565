//! Writing an article (agents and up; only managers and administrators publish): the new
//! article form (`/help/articles/new`: settings and the source language's text), and an
//! article's page (`/help/articles/{id}`: its settings, owner and review date; one form per
//! language with the rendered preview and the "source changed" flag; every saved version with
//! who and when; the complaints it was linked to). Every refusal names its field in the
//! reader's language, nothing stored.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_app::help;
use tend_app::help::review::{create_article, plan_review};
use tend_domain::FieldErrors;
use tend_domain::catalog::category_paths;
use tend_domain::help::{LANGS, Status, Visibility, review_date};
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::staff::Permission;
use tend_store::StoreError;

use super::page::{Form, view};
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::{Errors, number};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{WebState, render_form};

/// The settings and, for a new article, its first text, as posted.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Posted {
    pub visibility: String,
    pub category_id: String,
    pub owner_id: String,
    pub review_on: String,
    pub source_lang: String,
    pub title: String,
    pub body: String,
    pub status: String,
}

/// One language's text as posted.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PostedText {
    pub lang: String,
    pub title: String,
    pub body: String,
    pub status: String,
}

fn add_all(errors: &mut Errors, f: FieldErrors) {
    for (field, reason) in f.iter() {
        errors.reason(field, reason.clone());
    }
}

/// The settings checked: (settings, owner, review date), or every refused field.
fn settings(
    t: &Tr,
    f: &Posted,
    product: Option<i64>,
) -> Result<
    (
        tend_store::ArticleSettings,
        Option<EmployeeId>,
        Option<jiff::civil::Date>,
    ),
    Errors,
> {
    let mut errors = Errors::new(t);
    let cat = number(&f.category_id, t).map_err(|m| errors.add("category_id", m));
    let owner = number(&f.owner_id, t).map_err(|m| errors.add("owner_id", m));
    let review = review_date(&f.review_on).map_err(|r| errors.reason("review_on", r));
    let set = help::article_settings(&f.visibility, cat.ok().flatten(), product)
        .map_err(|e| add_all(&mut errors, e));
    match (set, owner, review, cat, errors.is_empty()) {
        (Ok(s), Ok(o), Ok(r), Ok(_), true) => Ok((s, o.map(EmployeeId), r)),
        _ => Err(errors),
    }
}

pub async fn new_form(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let f = Form {
        posted: Some(Posted {
            source_lang: t.code().to_owned(),
            owner_id: staff.session.employee.id.0.to_string(),
            ..Default::default()
        }),
        ..Default::default()
    };
    render_form(&view(&s, t, &staff, None, f).await?, false)
}

pub async fn create(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: f }: StaffForm<Posted>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let may = staff.can(Permission::Manage);
    let mut errors = match settings(&t, &f, None) {
        Ok(_) => Errors::new(&t),
        Err(e) => e,
    };
    let status = (!f.status.is_empty()).then_some(f.status.as_str());
    let text = help::translation_input(&f.source_lang, &f.title, &f.body, status).map_err(|e| {
        for (field, r) in e.iter() {
            let field = if field == "lang" {
                "source_lang"
            } else {
                field
            };
            errors.reason(field, r.clone());
        }
    });
    if let (Ok((set, _, _)), Ok(x)) = (settings(&t, &f, None), &text)
        && let Err(e) = help::check_publish(may, Some(set.visibility), Some(x.status))
    {
        add_all(&mut errors, e);
    }
    let failed = |errors: Errors| async {
        let form = Form {
            posted: Some(f.clone()),
            errors: Some(errors),
            ..Default::default()
        };
        render_form(&view(&s, t, &staff, None, form).await?, true)
    };
    let (Ok((set, owner, review)), Ok(text), true) =
        (settings(&t, &f, None), text, errors.is_empty())
    else {
        return failed(errors).await;
    };
    let by = Some(staff.session.employee.id);
    let a = match create_article(&s, &set, &text, by, owner, review).await {
        Ok(a) => a,
        Err(e) => return failed(Errors::from_store(e, &t)?).await,
    };
    Ok(Redirect::to(&format!("/help/articles/{}", a.id)).into_response())
}

fn article_id(raw: &str) -> PageResult<i64> {
    raw.parse().map_err(|_| PageError::not_found())
}

fn found(e: StoreError) -> PageError {
    match e {
        StoreError::NotFound(_) => PageError::not_found(),
        e => e.into(),
    }
}

pub async fn show(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = article_id(&id)?;
    render_form(
        &view(&s, t, &staff, Some(id), Form::default()).await?,
        false,
    )
}

pub async fn save_settings(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form: f }: StaffForm<Posted>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = article_id(&id)?;
    let before = s.store.article(id).await.map_err(found)?;
    let product = before.product_id.map(|p| p.0);
    let checked = settings(&t, &f, product).and_then(|(set, o, r)| {
        let changed = Some(set.visibility).filter(|v| *v != before.visibility);
        help::check_publish(staff.can(Permission::Manage), changed, None).map_err(|e| {
            let mut errors = Errors::new(&t);
            add_all(&mut errors, e);
            errors
        })?;
        Ok((set, o, r))
    });
    let result = match checked {
        Ok((set, owner, review)) => plan_review(&s, id, &set, owner, review)
            .await
            .map_err(|e| Errors::from_store(e, &t)),
        Err(e) => Err(Ok(e)),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/help/articles/{id}")).into_response()),
        Err(e) => {
            let form = Form {
                posted: Some(f),
                errors: Some(e?),
                ..Default::default()
            };
            render_form(&view(&s, t, &staff, Some(id), form).await?, true)
        }
    }
}

pub async fn save_text(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form: f }: StaffForm<PostedText>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = article_id(&id)?;
    s.store.article(id).await.map_err(found)?;
    let status = (!f.status.is_empty()).then_some(f.status.as_str());
    let may = staff.can(Permission::Manage);
    let checked = help::translation_input(&f.lang, &f.title, &f.body, status).and_then(|x| {
        help::check_publish(may, None, Some(x.status))?;
        Ok(x)
    });
    let by = Some(staff.session.employee.id);
    let result = match checked {
        Ok(x) => s
            .store
            .save_translation(id, &x, by, s.clock.now())
            .await
            .map(|_| ())
            .map_err(|e| Errors::from_store(e, &t)),
        Err(e) => {
            let mut errors = Errors::new(&t);
            add_all(&mut errors, e);
            Err(Ok(errors))
        }
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/help/articles/{id}#text-{}", f.lang)).into_response()),
        Err(e) => {
            let lang = LANGS
                .iter()
                .find(|l| **l == f.lang)
                .copied()
                .unwrap_or("en");
            let form = Form {
                text: Some((lang, f.clone(), e?)),
                ..Default::default()
            };
            render_form(&view(&s, t, &staff, Some(id), form).await?, true)
        }
    }
}

/// Keeps the imports of the statuses and visibilities in one place for the page module.
pub(super) fn choices() -> (Vec<&'static str>, Vec<&'static str>) {
    (
        Visibility::ALL.iter().map(|v| v.as_str()).collect(),
        [Status::Draft, Status::Published]
            .iter()
            .map(|s| s.as_str())
            .collect(),
    )
}

pub(super) fn paths(all: &[tend_domain::catalog::Category]) -> Vec<(i64, String)> {
    category_paths(all)
        .into_iter()
        .map(|(id, p)| (id.0, p))
        .collect()
}
