//! The vision worksheet's page (`/plan/vision`): the six parts of the method — five reasons for
//! the company's success in 3–5 years, the same from the customer's point of view, the steps
//! to improve customer service, the key elements, their verbs, and the statement with its
//! length hint — saved as a new version each time (managers), every version listed with its
//! author and date; only the owner (an administrator) chooses whether the public pages show it.

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use tend_app::vision;
use tend_domain::staff::Permission;
use tend_domain::vision::{HINT_WORDS, MAX_ITEMS, VisionDraft, words};
use tend_store::StoredVision;

use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

pub fn routes() -> Router<WebState> {
    Router::new().route("/plan/vision", get(page).post(save))
}

/// The five lists of the worksheet, in the method's order.
const LISTS: [&str; 5] = ["success", "customer_view", "steps", "elements", "verbs"];

/// One list of the form: its field name and its five entries.
pub struct ListForm {
    pub name: &'static str,
    pub items: Vec<String>,
}

/// One saved version as the history shows it.
pub struct VersionRow {
    pub id: i64,
    pub statement: String,
    pub author: String,
    pub saved: String,
    pub public: bool,
}

#[derive(Template)]
#[template(path = "vision/worksheet.html")]
struct WorksheetPage {
    t: Tr,
    chrome: Chrome,
    lists: Vec<ListForm>,
    statement: String,
    /// "n words; a good statement has at most 25".
    length_hint: String,
    /// Said when the statement is longer than the hint.
    too_long: Option<String>,
    show_public: bool,
    can_edit: bool,
    can_choose: bool,
    history: Vec<VersionRow>,
    errors: Errors,
}

fn lists_of(v: Option<&StoredVision>, form: Option<&BTreeMap<String, String>>) -> Vec<ListForm> {
    LISTS
        .iter()
        .map(|&name| {
            let saved: &[String] = match (name, v) {
                (_, None) => &[],
                ("success", Some(v)) => &v.success,
                ("customer_view", Some(v)) => &v.customer_view,
                ("steps", Some(v)) => &v.steps,
                ("elements", Some(v)) => &v.elements,
                (_, Some(v)) => &v.verbs,
            };
            let items = (1..=MAX_ITEMS)
                .map(|i| match form {
                    Some(f) => f.get(&format!("{name}-{i}")).cloned().unwrap_or_default(),
                    None => saved.get(i - 1).cloned().unwrap_or_default(),
                })
                .collect();
            ListForm { name, items }
        })
        .collect()
}

async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    form: Option<&BTreeMap<String, String>>,
    errors: Errors,
) -> PageResult<Response> {
    let failed = !errors.is_empty();
    let all = s.store.vision_versions().await?;
    let current = all.first();
    let tz = tend_app::policy::zone(s).await?;
    let statement = match form {
        Some(f) => f.get("statement").cloned().unwrap_or_default(),
        None => current.map(|c| c.statement.clone()).unwrap_or_default(),
    };
    let show_public = match form {
        Some(f) => f.contains_key("show_public"),
        None => current.is_some_and(|c| c.show_public),
    };
    let history = all
        .iter()
        .map(|v| VersionRow {
            id: v.id,
            statement: v.statement.clone(),
            author: v.author_name.clone(),
            saved: t.datetime(&v.saved_at, &tz),
            public: v.show_public,
        })
        .collect();
    let n = words(&statement).to_string();
    let hint = HINT_WORDS.to_string();
    let pairs = [("words", n.as_str()), ("hint", hint.as_str())];
    let page = WorksheetPage {
        chrome: Chrome::staff(staff, "/plan/vision"),
        lists: lists_of(current, form),
        length_hint: t.args("vision-length-hint", &pairs),
        too_long: (words(&statement) > HINT_WORDS).then(|| t.args("vision-too-long", &pairs)),
        statement,
        show_public,
        can_edit: staff.can(Permission::Manage),
        can_choose: staff.can(Permission::Administer),
        history,
        errors,
        t,
    };
    render_form(&page, failed)
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    show(&s, t, &staff, None, Errors::new(&t)).await
}

/// The form's fields (`success-1` … `verbs-5`, `statement`, `show_public`) as the API's draft;
/// the public choice only from an administrator (a checkbox: absent means no).
fn draft(v: &BTreeMap<String, String>, owner: bool) -> VisionDraft {
    let list = |name: &str| {
        (1..=MAX_ITEMS)
            .filter_map(|i| v.get(&format!("{name}-{i}")).cloned())
            .collect()
    };
    VisionDraft {
        success: list("success"),
        customer_view: list("customer_view"),
        steps: list("steps"),
        elements: list("elements"),
        verbs: list("verbs"),
        statement: v.get("statement").cloned(),
        show_public: owner.then(|| v.contains_key("show_public")),
    }
}

pub async fn save(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let d = draft(&v, staff.can(Permission::Administer));
    match vision::save(&s, &d, staff.session.employee.id).await {
        Ok(_) => Ok(Redirect::to("/plan/vision").into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, Some(&v), errors).await
        }
    }
}
