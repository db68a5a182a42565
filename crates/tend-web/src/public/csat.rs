//! The satisfaction question mailed after a resolution (`/csat/{token}`, a private single-use
//! link): the page asks 1–5 and, for 1–3, a reason and an open "why"; the POST takes the answer
//! through `tend_app::csat::answer` (one answer per link, 336 h from sending).

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use tend_app::csat::answer::{CsatForm, answer};

use crate::WebState;
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::{Errors, opt};
use crate::kit::i18n::Tr;
use crate::kit::session::{PublicForm, form_token, with_cookie};
use crate::{Chrome, render};

/// What the page may be showing: the question, the thanks, or that the link was used.
#[derive(PartialEq)]
enum Showing {
    Ask,
    Thanks,
    Answered,
}

#[derive(Template)]
#[template(path = "public/csat.html")]
struct CsatPage {
    t: Tr,
    chrome: Chrome,
    token: String,
    state: Showing,
    errors: Errors,
    /// The business's reasons: (code, text in the reader's language).
    reasons: Vec<(String, String)>,
}

impl CsatPage {
    fn asking(&self) -> bool {
        self.state == Showing::Ask
    }
    fn thanked(&self) -> bool {
        self.state == Showing::Thanks
    }
}

/// The form's fields: `rating` 1–5, `reason` a code of the business's list, `why` free text.
#[derive(Deserialize, Default)]
pub struct Answer {
    #[serde(default)]
    rating: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    why: String,
}

async fn page(
    s: &WebState,
    t: Tr,
    headers: &HeaderMap,
    token: String,
    state: Showing,
    errors: Errors,
) -> PageResult<Response> {
    let (csrf, set) = form_token(headers, s.config.secure_cookies);
    let reasons = s.store.csat_reasons().await?.in_language(t.code());
    let page = CsatPage {
        chrome: Chrome::public(csrf, format!("/csat/{token}")),
        t,
        token,
        state,
        errors,
        reasons,
    };
    Ok(with_cookie(render(&page)?, set))
}

/// The question, or "already answered" when the link was used.
pub async fn ask(
    State(s): State<WebState>,
    t: Tr,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> PageResult<Response> {
    let req = s
        .store
        .csat_request_for_token(&token)
        .await?
        .ok_or_else(PageError::not_found)?;
    let state = if req.answered_at.is_some() {
        Showing::Answered
    } else {
        Showing::Ask
    };
    let errors = Errors::new(&t);
    page(&s, t, &headers, token, state, errors).await
}

/// Takes the answer; a refusal shows the form again with the field's reason.
pub async fn submit(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    Path(token): Path<String>,
    PublicForm { form, headers }: PublicForm<Answer>,
) -> PageResult<Response> {
    s.config.limits.public_form(peer.ip())?;
    let mut errors = Errors::new(&t);
    let Ok(rating) = form.rating.trim().parse::<i64>() else {
        errors.add("rating", t.get("csat-rating-required"));
        return page(&s, t, &headers, token, Showing::Ask, errors).await;
    };
    let input = CsatForm {
        rating,
        reason: opt(&form.reason),
        why: opt(&form.why),
    };
    match answer(&s, &token, input).await {
        Ok(_) => page(&s, t, &headers, token, Showing::Thanks, errors).await,
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            page(&s, t, &headers, token, Showing::Ask, errors).await
        }
    }
}
