//! The complaint form's two steps, help centre side: after the customer wrote what happened,
//! the public articles in their language that share its words are shown (each shown article
//! recorded for the visit, a random token in the form's hidden `flow` field); "this solved it"
//! records the visit as deflected and sends nothing; "this didn't help" sends the complaint,
//! recorded as sent with the articles shown linked to it, in the complaint's transaction.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::response::Response;
use serde::Deserialize;
use tend_store::SentVisit;

use super::centre::{Link, link};
use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::{PublicForm, form_token, random_token};
use crate::{Chrome, WebState, render};

/// Articles suggested at most.
const SUGGESTED: usize = 5;

/// Whether `flow` is a token this form made (43 URL-safe base64 characters).
fn valid_flow(flow: &str) -> bool {
    flow.len() == 43
        && flow
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The articles to show for `text` in `t`'s language, and the visit's new token; nothing
/// (and nothing recorded) when none matches.
pub async fn suggest(s: &WebState, t: &Tr, text: &str) -> PageResult<Option<(String, Vec<Link>)>> {
    let text: String = text.chars().take(2_000).collect();
    let hits = s.store.suggest_public(t.code(), &text, SUGGESTED).await?;
    if hits.is_empty() {
        return Ok(None);
    }
    let flow = random_token();
    s.store
        .record_shown(&flow, t.code(), &hits, s.clock.now())
        .await?;
    Ok(Some((flow, hits.iter().map(|h| link(t, h)).collect())))
}

/// The visit `flow` sending its complaint, in `t`'s language (`None` for a forged or empty
/// token); its `sent` event is stored with the complaint (`take_after_visit`).
pub fn visit(t: &Tr, flow: &str) -> Option<SentVisit> {
    valid_flow(flow).then(|| SentVisit {
        flow: flow.to_owned(),
        lang: t.code().to_owned(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Solved {
    flow: String,
    article: String,
}

#[derive(Template)]
#[template(path = "help/solved.html")]
struct SolvedPage {
    t: Tr,
    chrome: Chrome,
    article: Link,
}

/// "This solved it": recorded when that article was shown to that visit; no complaint is sent.
pub async fn solved(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    PublicForm { form, headers }: PublicForm<Solved>,
) -> PageResult<Response> {
    s.config.limits.public_form(peer.ip())?;
    let id: i64 = form.article.parse().map_err(|_| PageError::bad_request())?;
    if !valid_flow(&form.flow) {
        return Err(PageError::bad_request());
    }
    let a = s
        .store
        .public_article(id, t.code())
        .await
        .map_err(|e| match e {
            tend_store::StoreError::NotFound(_) => PageError::not_found(),
            e => e.into(),
        })?;
    s.store
        .record_solved(&form.flow, t.code(), &a.hit, s.clock.now())
        .await?;
    let (csrf, _) = form_token(&headers, s.config.secure_cookies);
    render(&SolvedPage {
        chrome: Chrome::public(csrf, "/complain"),
        article: link(&t, &a.hit),
        t,
    })
}
