//! The staff's list of help articles (`/help/articles`): every article with each language's
//! status, its owner, review date, how many complaints it was linked to and its deflection
//! figures (shown, deflected, sent anyway, rate with n); the two-step form's deflection rate
//! with its n; and the categories that had complaints in the last 90
//! days but have no published article. Agents and up read it.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use tend_domain::catalog::category_paths;
use tend_domain::help::{LANGS, deflection_rate};
use tend_domain::staff::Permission;
use tend_store::{Article, DeflectionCounts};

use crate::kit::error::PageResult;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render};

/// The window of the categories without an article: complaints received in the last 90 days.
pub const GAP_DAYS: i64 = 90;

/// One article in the list.
pub struct Row {
    pub id: i64,
    pub title: String,
    pub visibility: String,
    /// (language label, status label, source changed) per language in `en, es, tr` order.
    pub langs: Vec<(String, String, bool)>,
    pub category: String,
    pub owner: String,
    pub review_on: String,
    pub links: i64,
    pub deflection: Figures,
}

/// One article's deflection figures as shown (see `Store::article_deflections`).
#[derive(Default)]
pub struct Figures {
    pub shown: i64,
    pub deflected: i64,
    pub sent: i64,
    /// deflected + sent.
    pub n: i64,
    /// deflected ÷ n as a percentage with one decimal in the reader's notation, "–" when n = 0.
    pub rate: String,
}

/// `c` as shown in `t`'s notation.
pub fn figures(t: &Tr, c: DeflectionCounts) -> Figures {
    Figures {
        shown: c.shown,
        deflected: c.deflected,
        sent: c.sent,
        n: c.deflected + c.sent,
        rate: deflection_rate(c.deflected, c.sent).map_or_else(
            || "–".to_owned(),
            |r| format!("{} %", t.decimal(&format!("{:.1}", r * 100.0))),
        ),
    }
}

/// A category without a published article.
pub struct Gap {
    pub name: String,
    pub n: i64,
}

#[derive(Template)]
#[template(path = "help/articles.html")]
struct ListPage {
    t: Tr,
    chrome: Chrome,
    rows: Vec<Row>,
    /// deflected ÷ (deflected + sent) as a percentage with one decimal, "–" when n = 0.
    rate: String,
    deflected: i64,
    sent: i64,
    n: i64,
    gaps: Vec<Gap>,
}

/// The title shown for an article: the reader's language, else the source, else any.
pub fn title_of(a: &Article, lang: &str) -> String {
    a.translations
        .iter()
        .find(|t| t.lang == lang)
        .or_else(|| a.translations.iter().find(|t| t.lang == a.source_lang))
        .or(a.translations.first())
        .map_or_else(|| format!("#{}", a.id), |t| t.title.clone())
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let articles = s.store.articles().await?;
    let cats = category_paths(&s.store.categories().await?);
    let people = s.store.employees().await?;
    let links = s.store.link_counts().await?;
    let deflections = s.store.article_deflections(None, None).await?;
    let rows = articles
        .iter()
        .map(|a| Row {
            id: a.id,
            title: title_of(a, t.code()),
            visibility: t.label("help-visibility", a.visibility.as_str()),
            langs: LANGS
                .iter()
                .map(|l| {
                    let tr = a.translations.iter().find(|x| x.lang == *l);
                    let status = tr.map_or("missing", |x| x.status.as_str());
                    (
                        t.label("help-lang", l),
                        t.label("help-status", status),
                        tr.is_some_and(|x| x.source_changed),
                    )
                })
                .collect(),
            category: a
                .category_id
                .and_then(|c| cats.iter().find(|(id, _)| *id == c))
                .map(|(_, p)| p.clone())
                .unwrap_or_default(),
            owner: a
                .owner_id
                .and_then(|o| people.iter().find(|e| e.id == o))
                .map(|e| e.name.clone())
                .unwrap_or_default(),
            review_on: a.review_on.map(|d| d.to_string()).unwrap_or_default(),
            links: links
                .iter()
                .find(|(id, _)| *id == a.id)
                .map_or(0, |(_, n)| *n),
            deflection: figures(
                &t,
                deflections
                    .iter()
                    .find(|d| d.article_id == a.id)
                    .map(|d| d.counts)
                    .unwrap_or_default(),
            ),
        })
        .collect();
    let d = s.store.deflection_counts().await?;
    let rate = deflection_rate(d.deflected, d.sent).map_or_else(
        || "–".to_owned(),
        |r| t.decimal(&format!("{:.1}", r * 100.0)),
    );
    let since = s.clock.now() - jiff::SignedDuration::from_hours(24 * GAP_DAYS);
    let gaps = s
        .store
        .category_gaps(since)
        .await?
        .into_iter()
        .map(|g| Gap {
            name: cats
                .iter()
                .find(|(id, _)| *id == g.category_id)
                .map_or(g.name, |(_, p)| p.clone()),
            n: g.complaints,
        })
        .collect();
    render(&ListPage {
        chrome: Chrome::staff(&staff, "/help/articles"),
        t,
        rows,
        rate,
        deflected: d.deflected,
        sent: d.sent,
        n: d.deflected + d.sent,
        gaps,
    })
}
