//! The status page behind a customer's private link: where the complaint stands in plain
//! words, the agreed solution and its promised date, a way to add a message, and, once
//! resolved, the satisfaction question — the same CSAT instrument as the mailed link. A token
//! shows its own complaint and nothing else.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_app::csat::answer::{CsatForm, answer_on_status_page};
use tend_domain::complaints::Status;
use tend_domain::kernel::ids::ComplaintId;

use crate::WebState;
use crate::complaints::show::customer_zone;
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::{Errors, opt};
use crate::kit::i18n::Tr;
use crate::kit::session::{PublicForm, form_token, with_cookie};
use crate::public::complain::customer;
use crate::{Chrome, render_form};
use tend_app::complaints as changes;
use tend_domain::customers::consent::ConsentVia;

/// A message of the conversation as the customer sees it.
pub struct Message {
    pub at: String,
    /// "Our reply" or "You", in the reader's language.
    pub from: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "public/status.html")]
struct StatusPage {
    t: Tr,
    chrome: Chrome,
    token: String,
    reference: String,
    received: String,
    status_code: &'static str,
    now: String,
    waiting: Option<String>,
    solution: Option<String>,
    promised: Option<String>,
    resolved: Option<String>,
    outcome: Option<String>,
    /// The satisfaction question (the CSAT instrument, as mailed after a resolution) is asked:
    /// resolved, and this resolution's question not answered yet.
    ask_satisfaction: bool,
    /// This resolution's answer, `"4/5"`, once given (here or through the mailed link).
    satisfaction: Option<String>,
    /// The business's reasons: (code, text in the reader's language).
    reasons: Vec<(String, String)>,
    closed: bool,
    /// The customer's current consent to later contact.
    consent: bool,
    messages: Vec<Message>,
    errors: Errors,
}

/// The complaint a status link shows: its own, or, once merged, the one it was merged into;
/// a deleted complaint's link answers 410 "no longer available".
async fn complaint_of(s: &WebState, token: &str) -> PageResult<ComplaintId> {
    let id = s
        .store
        .complaint_for_status_token(token)
        .await?
        .ok_or_else(PageError::not_found)?;
    s.store
        .live_complaint(id)
        .await?
        .ok_or_else(|| PageError::new(StatusCode::GONE, "error-gone"))
}

async fn status_page(
    s: &WebState,
    t: Tr,
    headers: &HeaderMap,
    token: String,
    errors: Errors,
) -> PageResult<Response> {
    let id = complaint_of(s, &token).await?;
    let c = s.store.complaint(id).await?;
    let r = &c.record;
    let customer = s.store.customer(r.customer_id).await?.customer;
    let tz = customer_zone(s, &customer, &r.channel).await?;
    let (csrf, set) = form_token(headers, s.config.secure_cookies);
    // The public part of the conversation: our replies and their own messages, never notes.
    let messages = crate::conversations::public_messages(s, &t, id, &tz)
        .await?
        .into_iter()
        .map(|m| Message {
            at: m.at,
            from: t.get(if m.kind == "reply" {
                "status-from-us"
            } else {
                "status-from-you"
            }),
            text: m.body,
        })
        .collect();
    let failed = !errors.is_empty();
    let resolved_at = r
        .resolution
        .resolved_at
        .filter(|_| r.status == Status::Resolved);
    let request = match resolved_at {
        Some(at) => s.store.csat_request_of(id, at).await?,
        None => None,
    };
    let satisfaction = request.and_then(|q| q.rating).map(|x| format!("{x}/5"));
    let page = StatusPage {
        chrome: Chrome::public(csrf, format!("/status/{token}")),
        reference: c.reference.clone(),
        received: t.datetime(&r.received_at, &tz),
        status_code: r.status.as_str(),
        now: t.label("public-status", r.status.as_str()),
        waiting: r.waiting.as_ref().map(|w| w.reason.clone()),
        solution: r.solution.as_ref().map(|x| x.agreed.clone()),
        promised: (r.solution.as_ref())
            .and_then(|x| x.promised_by())
            .map(|p| t.datetime(&p, &tz)),
        resolved: r.resolution.resolved_at.map(|p| t.datetime(&p, &tz)),
        outcome: (r.follow_up.answer.as_ref()).map(|a| t.label("outcome", a.outcome.as_str())),
        ask_satisfaction: resolved_at.is_some() && satisfaction.is_none(),
        satisfaction,
        reasons: s.store.csat_reasons().await?.in_language(t.code()),
        closed: r.status == Status::Closed,
        consent: customer.consent_to_contact,
        messages,
        token,
        errors,
        t,
    };
    let res = render_form(&page, failed)?;
    Ok(with_cookie(res, set))
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> PageResult<Response> {
    status_page(&s, t, &headers, token, Errors::new(&t)).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewMessage {
    text: String,
}

/// The customer writes: a step on the timeline, and, if we were waiting on them, the clock runs
/// again — one transaction (see `tend_app::complaints::answer`).
pub async fn message(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    Path(token): Path<String>,
    PublicForm { form, headers }: PublicForm<NewMessage>,
) -> PageResult<Response> {
    s.config.limits.public_form(peer.ip())?;
    let id = complaint_of(&s, &token).await?;
    let c = s.store.complaint(id).await?;
    if c.record.status == Status::Closed {
        return Err(PageError::new(StatusCode::CONFLICT, "error-closed"));
    }
    if let Err(e) = changes::answer::customer_wrote(&s, id, &customer(), &form.text).await {
        let errors = Errors::from_store(e, &t)?;
        return status_page(&s, t, &headers, token, errors).await;
    }
    Ok(Redirect::to(&format!("/status/{token}#messages")).into_response())
}

/// The satisfaction question's fields, as on the mailed link: `rating` 1–5, `reason` a code of
/// the business's list, `why` free text.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Satisfaction {
    rating: String,
    reason: String,
    why: String,
}

/// "How satisfied are you with how we handled it?" — the CSAT instrument itself
/// (`tend_app::csat::answer::answer_on_status_page`): one answer per resolution, here or through
/// the mailed link; 4–5 is the follow-up's outcome, 1–3 opens the follow-up again.
pub async fn satisfaction(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    Path(token): Path<String>,
    PublicForm { form, headers }: PublicForm<Satisfaction>,
) -> PageResult<Response> {
    s.config.limits.public_form(peer.ip())?;
    let id = complaint_of(&s, &token).await?;
    let Ok(rating) = form.rating.trim().parse::<i64>() else {
        let mut errors = Errors::new(&t);
        errors.add("rating", t.get("csat-rating-required"));
        return status_page(&s, t, &headers, token, errors).await;
    };
    let input = CsatForm {
        rating,
        reason: opt(&form.reason),
        why: opt(&form.why),
    };
    if let Err(e) = answer_on_status_page(&s, id, input).await {
        let errors = Errors::from_store(e, &t)?;
        return status_page(&s, t, &headers, token, errors).await;
    }
    Ok(Redirect::to(&format!("/status/{token}#satisfaction")).into_response())
}

/// The customer withdraws their consent to later contact from the status page; logged as
/// `status_page` with the change.
pub async fn withdraw(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
    PublicForm { .. }: PublicForm<Empty>,
) -> PageResult<Response> {
    s.config.limits.public_form(peer.ip())?;
    let id = complaint_of(&s, &token).await?;
    let customer = s.store.complaint(id).await?.record.customer_id;
    let via = ConsentVia::StatusPage;
    s.store
        .set_consent(customer, false, via, s.clock.now())
        .await?;
    Ok(Redirect::to(&format!("/status/{token}#consent")).into_response())
}

/// A form with no fields but its CSRF token.
#[derive(Deserialize, Default)]
pub struct Empty {}
