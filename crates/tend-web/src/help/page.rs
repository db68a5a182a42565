//! The article form's page, new or existing: its choices, its values (as stored, or as
//! posted when refused), one text box per language with its preview, the deflection figures,
//! the history and the linked complaints.

use askama::Template;
use tend_app::help::render_markdown;
use tend_domain::help::LANGS;
use tend_domain::staff::Permission;

use super::articles::{Figures, figures};
use super::edit::{Posted, PostedText, choices, paths};
use crate::complaints::inbox::Choice;
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState};

/// What the page shows besides the stored article: values and refusals of a refused form.
#[derive(Default)]
pub struct Form {
    /// The settings as posted (`None`: as stored).
    pub posted: Option<Posted>,
    /// Why the settings (or the new article) were refused.
    pub errors: Option<Errors>,
    /// One language's text as posted, and why it was refused.
    pub text: Option<(&'static str, PostedText, Errors)>,
}

/// One language's form.
pub struct TextBox {
    pub lang: &'static str,
    pub label: String,
    pub title: String,
    pub body: String,
    pub statuses: Vec<Choice>,
    pub status_label: String,
    /// The stored body rendered (Markdown through pulldown-cmark, cleaned by ammonia).
    pub preview: String,
    pub version: i64,
    pub source_changed: bool,
    pub is_source: bool,
    pub errors: Errors,
}

pub struct HistoryRow {
    pub lang: String,
    pub version: i64,
    pub title: String,
    pub status: String,
    pub by: String,
    pub at: String,
}

pub struct LinkRow {
    pub href: String,
    pub reference: String,
    pub by: String,
    pub at: String,
}

#[derive(Template)]
#[template(path = "help/edit.html")]
pub struct EditPage {
    pub t: Tr,
    pub chrome: Chrome,
    pub id: Option<i64>,
    pub v: Posted,
    pub errors: Errors,
    pub visibilities: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub owners: Vec<Choice>,
    pub langs: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub texts: Vec<TextBox>,
    pub history: Vec<HistoryRow>,
    pub links: Vec<LinkRow>,
    /// The article's deflection figures (`None` for a new article).
    pub deflection: Option<Figures>,
    pub can_publish: bool,
}

fn pick(values: &[(String, String)], chosen: &str, blank: Option<String>) -> Vec<Choice> {
    let mut out: Vec<Choice> = blank
        .map(|label| Choice {
            value: String::new(),
            label,
            selected: chosen.is_empty(),
        })
        .into_iter()
        .collect();
    out.extend(values.iter().map(|(value, label)| Choice {
        value: value.clone(),
        label: label.clone(),
        selected: value == chosen,
    }));
    out
}

/// The page for article `id` (`None`: a new one) with `form`'s posted values and refusals.
pub async fn view(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    id: Option<i64>,
    form: Form,
) -> PageResult<EditPage> {
    let article = match id {
        Some(id) => Some(s.store.article(id).await.map_err(|e| match e {
            tend_store::StoreError::NotFound(_) => crate::kit::error::PageError::not_found(),
            e => e.into(),
        })?),
        None => None,
    };
    let v = form.posted.unwrap_or_else(|| match &article {
        Some(a) => Posted {
            visibility: a.visibility.as_str().to_owned(),
            category_id: a.category_id.map(|c| c.0.to_string()).unwrap_or_default(),
            owner_id: a.owner_id.map(|o| o.0.to_string()).unwrap_or_default(),
            review_on: a.review_on.map(|d| d.to_string()).unwrap_or_default(),
            source_lang: a.source_lang.clone(),
            ..Default::default()
        },
        None => Posted::default(),
    });
    let (vis, stat) = choices();
    let label = |prefix: &str, xs: &[&str]| -> Vec<(String, String)> {
        xs.iter()
            .map(|x| (x.to_string(), t.label(prefix, x)))
            .collect()
    };
    let cats: Vec<(String, String)> = paths(&s.store.categories().await?)
        .into_iter()
        .map(|(id, p)| (id.to_string(), p))
        .collect();
    let people: Vec<(String, String)> = s
        .store
        .employees()
        .await?
        .into_iter()
        .filter(|e| e.active)
        .map(|e| (e.id.0.to_string(), e.name))
        .collect();
    let status_choices = |chosen: &str| pick(&label("help-status", &stat), chosen, None);
    let mut texts = Vec::new();
    let tz = staff.tz();
    let (mut history, mut links) = (Vec::new(), Vec::new());
    let mut deflection = None;
    if let Some(a) = &article {
        for l in LANGS {
            let stored = a.translations.iter().find(|x| x.lang == l);
            let posted = form.text.as_ref().filter(|(pl, _, _)| *pl == l);
            let (title, body, status) = match (posted, stored) {
                (Some((_, p, _)), _) => (p.title.clone(), p.body.clone(), p.status.clone()),
                (None, Some(x)) => (x.title.clone(), x.body.clone(), x.status.as_str().into()),
                (None, None) => (String::new(), String::new(), "draft".into()),
            };
            texts.push(TextBox {
                lang: l,
                label: t.label("help-lang", l),
                title,
                body,
                statuses: status_choices(&status),
                status_label: t.label(
                    "help-status",
                    stored.map_or("missing", |x| x.status.as_str()),
                ),
                preview: stored.map(|x| render_markdown(&x.body)).unwrap_or_default(),
                version: stored.map_or(0, |x| x.version),
                source_changed: stored.is_some_and(|x| x.source_changed),
                is_source: a.source_lang == l,
                errors: posted.map_or_else(|| Errors::new(&t), |(_, _, e)| e.clone()),
            });
        }
        for h in s.store.article_history(a.id).await? {
            history.push(HistoryRow {
                lang: t.label("help-lang", &h.lang),
                version: h.version,
                title: h.title,
                status: t.label("help-status", &h.status),
                by: h.saved_by.unwrap_or_else(|| "–".into()),
                at: t.datetime(&h.saved_at, tz),
            });
        }
        let counts = s.store.article_deflections(None, None).await?;
        let mine = counts.iter().find(|d| d.article_id == a.id);
        deflection = Some(figures(&t, mine.map(|d| d.counts).unwrap_or_default()));
        for l in s.store.article_links(a.id).await? {
            links.push(LinkRow {
                href: format!("/complaints/{}", l.complaint_id.0),
                reference: l.reference,
                by: l
                    .linked_by
                    .unwrap_or_else(|| t.get("help-linked-by-customer")),
                at: t.datetime(&l.linked_at, tz),
            });
        }
    }
    let back = id.map_or_else(
        || "/help/articles/new".into(),
        |id| format!("/help/articles/{id}"),
    );
    Ok(EditPage {
        chrome: Chrome::staff(staff, back),
        id,
        visibilities: pick(&label("help-visibility", &vis), &v.visibility, None),
        categories: pick(&cats, &v.category_id, Some("–".into())),
        owners: pick(&people, &v.owner_id, Some("–".into())),
        langs: pick(&label("help-lang", &LANGS), &v.source_lang, None),
        statuses: status_choices(&v.status),
        errors: form.errors.unwrap_or_else(|| Errors::new(&t)),
        texts,
        history,
        links,
        deflection,
        can_publish: staff.can(Permission::Manage),
        v,
        t,
    })
}
