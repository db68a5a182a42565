//! One policy version's page (`/plan/policy/{id}`): its areas, each language's text rendered
//! safely (pulldown-cmark + ammonia), and the line diff from another version — by default the
//! one written just before it.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use tend_app::policy::{self, diff};
use tend_domain::policy::state::Change;
use tend_domain::staff::Permission;
use tend_store::StoredArea;

use super::{area_name, id_of};
use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render};

/// One area of a version as its page shows it: name, review date, customer-facing, and
/// each language's text rendered safely.
pub struct AreaView {
    pub name: String,
    pub review_on: Option<String>,
    pub customer_facing: bool,
    pub texts: Vec<(String, String)>,
}

/// One changed area and language: its name, language, and lines (change, text).
pub struct DiffView {
    pub name: String,
    pub lang: &'static str,
    /// (change, its mark `+ `, `- ` or two spaces, text).
    pub lines: Vec<(&'static str, &'static str, String)>,
}

#[derive(Template)]
#[template(path = "policy/version.html")]
struct VersionPage {
    t: Tr,
    chrome: Chrome,
    id: i64,
    note: String,
    state: &'static str,
    areas: Vec<AreaView>,
    from: Option<i64>,
    /// The other versions' ids, and whether each is the one compared with.
    others: Vec<(i64, bool)>,
    diff: Vec<DiffView>,
}

/// Which version to compare with.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DiffQuery {
    from: Option<String>,
}

fn area_view(t: &Tr, a: &StoredArea) -> AreaView {
    AreaView {
        name: area_name(t, &a.code, a.title.as_deref()),
        review_on: a.review_on.map(|d| d.to_string()),
        customer_facing: a.customer_facing,
        texts: a
            .texts
            .iter()
            .map(|(l, md)| (l.clone(), tend_app::help::render_markdown(md)))
            .collect(),
    }
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
    Query(q): Query<DiffQuery>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let id = id_of(&id)?;
    let all = s.store.policy_versions().await?;
    let v = all
        .iter()
        .find(|v| v.id == id)
        .ok_or_else(PageError::not_found)?;
    // By default, compared with the version written just before it.
    let from = match q.from.as_deref().map(str::trim) {
        Some(raw) if !raw.is_empty() => Some(id_of(raw)?),
        _ => all.iter().find(|x| x.id < id).map(|x| x.id),
    };
    let diff = match from.and_then(|f| all.iter().find(|x| x.id == f)) {
        Some(old) => diff::between(old, v)
            .into_iter()
            .map(|d| DiffView {
                name: area_name(
                    &t,
                    &d.area,
                    v.areas
                        .iter()
                        .chain(&old.areas)
                        .find(|a| a.code == d.area)
                        .and_then(|a| a.title.as_deref()),
                ),
                lang: d.lang,
                lines: d
                    .lines
                    .into_iter()
                    .map(|l| {
                        let mark = match l.change {
                            Change::Added => "+ ",
                            Change::Removed => "- ",
                            Change::Same => "  ",
                        };
                        (l.change.code(), mark, l.text)
                    })
                    .collect(),
            })
            .collect(),
        None => Vec::new(),
    };
    let page = VersionPage {
        chrome: Chrome::staff(&staff, format!("/plan/policy/{id}")),
        id,
        note: v.note.clone(),
        state: policy::state(&s, id).await?.code(),
        areas: v.areas.iter().map(|a| area_view(&t, a)).collect(),
        from,
        others: all
            .iter()
            .map(|x| (x.id, Some(x.id) == from))
            .filter(|x| x.0 != id)
            .collect(),
        diff,
        t,
    };
    render(&page)
}
