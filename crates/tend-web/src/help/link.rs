//! Agents and help articles on a complaint's page: the articles linked to the complaint (by an
//! agent, or read by the customer before sending), linking another one (agents and up; a
//! refusal names `article_id` in the reader's language), and putting an article's public link
//! into the reply form (in the customer's language; nothing is sent from here).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_app::i18n::Language;
use tend_domain::help::Visibility;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::reason::NO_ARTICLE;
use tend_domain::staff::Permission;

use super::articles::title_of;
use crate::complaints::complaint::{parse_id, show_with};
use crate::conversations::Draft;
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

/// The help section of a complaint's page.
pub struct Panel {
    /// (article id, title, who linked it).
    pub linked: Vec<(i64, String, String)>,
    /// The articles that may be linked (internal or public): (id, title).
    pub choices: Vec<(i64, String)>,
}

/// The help section of complaint `id`'s page in `t`'s language.
pub async fn panel(s: &WebState, t: &Tr, id: ComplaintId) -> PageResult<Panel> {
    let linked = s
        .store
        .complaint_articles(id)
        .await?
        .into_iter()
        .map(|l| {
            let by = l
                .linked_by
                .unwrap_or_else(|| t.get("help-linked-by-customer"));
            (l.article_id, l.title, by)
        })
        .collect();
    let choices = s
        .store
        .articles()
        .await?
        .iter()
        .filter(|a| matches!(a.visibility, Visibility::Internal | Visibility::Public))
        .map(|a| (a.id, title_of(a, t.code())))
        .collect();
    Ok(Panel { linked, choices })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LinkForm {
    article_id: String,
}

#[derive(Template)]
#[template(path = "help/link_refused.html")]
struct Refused {
    t: Tr,
    chrome: Chrome,
    back: String,
    errors: Errors,
}

pub async fn link(
    State(s): State<WebState>,
    t: Tr,
    Path(raw): Path<String>,
    StaffForm { staff, form }: StaffForm<LinkForm>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = parse_id(&s, &raw).await?;
    let back = format!("/complaints/{}", id.0);
    let article = form.article_id.trim().parse::<i64>().ok();
    let done = match article {
        Some(a) => s
            .store
            .link_article(a, id, staff.session.employee.id, s.clock.now())
            .await
            .map(|_| ())
            .map_err(|e| Errors::from_store(e, &t)),
        None => {
            let mut errors = Errors::new(&t);
            let r = NO_ARTICLE.with("id", form.article_id.trim());
            errors.reason("article_id", r);
            Err(Ok(errors))
        }
    };
    match done {
        Ok(()) => Ok(Redirect::to(&format!("{back}#help-articles")).into_response()),
        Err(e) => render_form(
            &Refused {
                chrome: Chrome::staff(&staff, back.clone()),
                errors: e?,
                back,
                t,
            },
            true,
        ),
    }
}

/// The complaint's page with the reply form holding article `article`'s title and public link
/// in the customer's language.
pub async fn reply(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path((raw, article)): Path<(String, String)>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = parse_id(&s, &raw).await?;
    let article: i64 = article.parse().map_err(|_| PageError::not_found())?;
    let c = s.store.complaint(id).await?;
    let customer = s.store.customer(c.record.customer_id).await?;
    let lang = customer
        .customer
        .preferred_language
        .as_ref()
        .map_or(Language::En, |l| Language::from_tag(l.as_str()));
    let a = s
        .store
        .public_article(article, lang.code())
        .await
        .map_err(|_| PageError::not_found())?;
    let url = format!(
        "{}/help/{}/articles/{article}",
        s.public_url().trim_end_matches('/'),
        lang.code()
    );
    let draft = Draft {
        kind: "reply".to_owned(),
        body: format!("{}\n{url}", a.hit.title),
    };
    show_with(&s, t, &staff, id, None, Errors::new(&t), draft).await
}
