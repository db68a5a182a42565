//! The help centre's gaps, for managers: public searches that found nothing, and articles
//! and categories ranked by answers "I still need help" (each figure with its n).

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use tend_domain::staff::Permission;

use crate::kit::error::PageResult;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render};

/// Rows shown in each list.
const ROWS: i64 = 50;

pub struct SearchRow {
    pub lang: String,
    pub words: String,
    pub n: i64,
    pub last: String,
}

pub struct OutcomeRow {
    pub href: Option<String>,
    pub name: String,
    pub n: i64,
    pub still_need_help: i64,
    /// still need help ÷ n, as a percentage with one decimal in the reader's notation.
    pub share: String,
}

/// One ranked table: its heading's message key, its element id and its rows.
pub struct OutcomeTable {
    pub key: &'static str,
    pub id: &'static str,
    pub rows: Vec<OutcomeRow>,
}

#[derive(Template)]
#[template(path = "help/gaps.html")]
struct GapsPage {
    t: Tr,
    chrome: Chrome,
    searches: Vec<SearchRow>,
    tables: Vec<OutcomeTable>,
}

/// `part` of `n` as a percentage, one decimal, e.g. 2 of 3 → "66.7" ("66,7" in es/tr).
fn share(t: &Tr, part: i64, n: i64) -> String {
    if n == 0 {
        return "–".into();
    }
    t.decimal(&format!("{:.1}", part as f64 * 100.0 / n as f64))
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let tz = staff.tz();
    let searches = s
        .store
        .empty_searches(ROWS)
        .await?
        .into_iter()
        .map(|e| SearchRow {
            lang: t.label("help-lang", &e.lang),
            words: e.words,
            n: e.n,
            last: t.datetime(&e.last_at, tz),
        })
        .collect();
    let articles: Vec<OutcomeRow> = s
        .store
        .article_outcomes(ROWS)
        .await?
        .into_iter()
        .map(|a| OutcomeRow {
            href: Some(format!("/help/{}/articles/{}", t.code(), a.article_id)),
            name: a.title,
            n: a.n,
            still_need_help: a.still_need_help,
            share: share(&t, a.still_need_help, a.n),
        })
        .collect();
    let names = s.store.categories().await?;
    let categories: Vec<OutcomeRow> = s
        .store
        .category_outcomes()
        .await?
        .into_iter()
        .map(|c| OutcomeRow {
            href: None,
            name: c
                .category_id
                .and_then(|id| names.iter().find(|x| x.id == id))
                .map_or_else(|| t.get("help-other"), |x| x.name.clone()),
            n: c.n,
            still_need_help: c.still_need_help,
            share: share(&t, c.still_need_help, c.n),
        })
        .collect();
    render(&GapsPage {
        chrome: Chrome::staff(&staff, "/help/gaps"),
        t,
        searches,
        tables: vec![
            OutcomeTable {
                key: "gaps-articles",
                id: "article-outcomes",
                rows: articles,
            },
            OutcomeTable {
                key: "gaps-categories",
                id: "category-outcomes",
                rows: categories,
            },
        ],
    })
}
