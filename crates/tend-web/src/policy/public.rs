//! The public policy page (`/policy`): only the version in effect, only its customer-facing
//! areas (returns, shipping, payment, contact, how to complain, and custom areas marked so),
//! in the reader's language (else English, else the language it was written in), rendered
//! from Markdown and cleaned by ammonia. Linked from the public complaint form.

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use tend_app::policy;

use super::area_name;
use crate::kit::error::PageResult;
use crate::kit::i18n::Tr;
use crate::kit::session::{form_token, with_cookie};
use crate::{Chrome, WebState, render};

/// One area as the public reads it.
pub struct PublicArea {
    pub code: String,
    pub name: String,
    /// The language of the text, when it is not the reader's.
    pub other_lang: Option<String>,
    /// Rendered from Markdown and cleaned: safe to insert unescaped.
    pub html: String,
}

#[derive(Template)]
#[template(path = "policy/public.html")]
struct PublicPage {
    t: Tr,
    chrome: Chrome,
    version: Option<i64>,
    areas: Vec<PublicArea>,
}

pub async fn page(State(s): State<WebState>, t: Tr, headers: HeaderMap) -> PageResult<Response> {
    let (csrf, set) = form_token(&headers, s.config.secure_cookies);
    let found = policy::public(&s, t.lang).await?;
    let version = found.as_ref().map(|(id, _, _)| *id);
    let areas = found
        .map(|(_, _, areas)| areas)
        .unwrap_or_default()
        .into_iter()
        .map(|a| PublicArea {
            name: area_name(&t, &a.code, a.title.as_deref()),
            other_lang: (a.lang != t.code()).then(|| t.label("policy-language", &a.lang)),
            code: a.code,
            html: a.html,
        })
        .collect();
    let vision = tend_app::vision::public_statement(&s).await?;
    let page = PublicPage {
        chrome: Chrome::public(csrf, "/policy").with_vision(vision),
        t,
        version,
        areas,
    };
    Ok(with_cookie(render(&page)?, set))
}
