//! The public pages, no sign-in: the complaint form (rate-limited per address, with a
//! honeypot), the thank-you page with the private status link, and the status page behind
//! that link — where the complaint stands in plain words, a way to add a message, and, once
//! resolved, "are you satisfied?". A token shows its own complaint and nothing else.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::complaint::{ComplaintDraft, ComplaintRecord, FollowUpOutcome, Kind, Status};
use tend_domain::customer::CustomerDraft;
use tend_domain::ids::ComplaintId;
use tend_domain::lifecycle::{Action, apply_with};
use tend_store::Actor;

use super::error::{PageError, PageResult};
use super::fields::{Errors, opt};
use super::i18n::Tr;
use super::inbox::Choice;
use super::session::{PublicForm, form_token};
use super::show::zone;
use super::{Chrome, render};
use crate::AppState;
use crate::routes::year;

/// The channel and source of complaints sent through the public form.
const CHANNEL: &str = "web";
const SOURCE: &str = "web_form";

fn customer() -> Actor {
    Actor::system("customer")
}

fn with_cookie(mut res: Response, c: Option<header::HeaderValue>) -> Response {
    if let Some(c) = c {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    res
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Complain {
    kind: String,
    name: String,
    email: String,
    phone: String,
    description: String,
    order: String,
    updates: String,
    /// The honeypot: hidden from people, filled in by bots.
    website: String,
}

#[derive(Template)]
#[template(path = "complain.html")]
struct ComplainPage {
    t: Tr,
    chrome: Chrome,
    v: Complain,
    kinds: Vec<Choice>,
    errors: Errors,
}

fn complain_page(t: Tr, csrf: String, v: Complain, errors: Errors) -> PageResult<Response> {
    let failed = !errors.is_empty();
    let page = ComplainPage {
        kinds: Kind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().to_owned(),
                label: t.label("kind", k.as_str()),
                selected: v.kind == k.as_str(),
            })
            .collect(),
        chrome: Chrome::public(csrf, "/complain"),
        t,
        v,
        errors,
    };
    let mut res = render(&page)?;
    if failed {
        *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(res)
}

pub async fn form(State(s): State<AppState>, t: Tr, headers: HeaderMap) -> PageResult<Response> {
    let (csrf, set) = form_token(&headers, s.web.secure_cookies);
    let v = Complain {
        kind: "complaint".into(),
        updates: "1".into(),
        ..Default::default()
    };
    Ok(with_cookie(complain_page(t, csrf, v, Errors::new())?, set))
}

#[derive(Template)]
#[template(path = "thanks.html")]
struct ThanksPage {
    t: Tr,
    chrome: Chrome,
    reference: Option<String>,
    link: Option<String>,
}

/// The address the status link is shown with.
fn link(s: &AppState, headers: &HeaderMap, token: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    let scheme = if s.web.secure_cookies {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}/status/{token}")
}

pub async fn submit(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    PublicForm { form: v, headers }: PublicForm<Complain>,
) -> PageResult<Response> {
    s.web.limits.public_form(peer.ip())?;
    let (csrf, _) = form_token(&headers, s.web.secure_cookies);
    let chrome = Chrome::public(csrf.clone(), "/complain");
    if !v.website.is_empty() {
        // A bot: it is thanked like anyone, and nothing is stored.
        tracing::info!(ip = %peer.ip(), "public form honeypot filled");
        return render(&ThanksPage {
            t,
            chrome,
            reference: None,
            link: None,
        });
    }
    let now = s.clock.now();
    let mut errors = Errors::new();
    if opt(&v.email).is_none() && opt(&v.phone).is_none() {
        errors.add("contact", t.get("error-contact"));
    }
    let person = CustomerDraft {
        name: opt(&v.name),
        email: opt(&v.email),
        phone: opt(&v.phone),
        preferred_language: Some(t.code().to_owned()),
        preferred_channel: Some(CHANNEL.to_owned()),
        consent_to_contact: Some(v.updates == "1"),
        ..Default::default()
    }
    .validate(year(&s))
    .map_err(|e| {
        for (k, r) in Errors::from_domain(e, &t).all() {
            errors.add(&k, r);
        }
    });
    let draft = ComplaintDraft {
        kind: Some(Kind::parse(&v.kind).unwrap_or(Kind::Complaint)),
        customer_id: Some(tend_domain::ids::CustomerId(0)),
        channel: Some(CHANNEL.to_owned()),
        subject: opt(&v.order).map(|o| t.arg("public-order-subject", "order", &o)),
        description: Some(v.description.clone()),
        ..Default::default()
    };
    let intake = draft.validate(now).map_err(|e| {
        for (k, r) in Errors::from_domain(e, &t).all() {
            let k = if k == "subject" {
                "order".to_owned()
            } else {
                k
            };
            errors.add(&k, r);
        }
    });
    let (Ok(person), Ok(mut intake), true) = (person, intake, errors.is_empty()) else {
        return complain_page(t, csrf, v, errors);
    };
    let stored = s.store.create_customer(&person, now).await?;
    intake.customer_id = stored.id;
    let c = s
        .store
        .create_complaint(ComplaintRecord::received(intake, SOURCE), customer(), now)
        .await?;
    let token = s.store.status_token(c.id).await?;
    render(&ThanksPage {
        link: Some(link(&s, &headers, &token)),
        reference: Some(c.reference),
        t,
        chrome,
    })
}

pub struct Message {
    pub at: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "status.html")]
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
    ask_satisfaction: bool,
    closed: bool,
    messages: Vec<Message>,
    errors: Errors,
}

async fn complaint_of(s: &AppState, token: &str) -> PageResult<ComplaintId> {
    s.store
        .complaint_for_status_token(token)
        .await?
        .ok_or_else(PageError::not_found)
}

async fn status_page(
    s: &AppState,
    t: Tr,
    headers: &HeaderMap,
    token: String,
    errors: Errors,
) -> PageResult<Response> {
    let id = complaint_of(s, &token).await?;
    let c = s.store.complaint(id).await?;
    let r = &c.record;
    let tz = zone(s, &r.channel).await?;
    let (csrf, set) = form_token(headers, s.web.secure_cookies);
    let messages = s
        .store
        .steps(id)
        .await?
        .into_iter()
        .filter(|(_, _, author, _)| author.is_none())
        .map(|(_, at, _, text)| Message {
            at: t.datetime(&at, &tz),
            text,
        })
        .collect();
    let failed = !errors.is_empty();
    let page = StatusPage {
        chrome: Chrome::public(csrf, format!("/status/{token}")),
        reference: c.reference.clone(),
        received: t.datetime(&r.received_at, &tz),
        status_code: r.status.as_str(),
        now: t.label("public-status", r.status.as_str()),
        waiting: r
            .waiting_since
            .map(|_| r.waiting_reason.clone().unwrap_or_default()),
        solution: r.agreed_solution.clone(),
        promised: r.promised_by.map(|p| t.datetime(&p, &tz)),
        resolved: r.resolved_at.map(|p| t.datetime(&p, &tz)),
        outcome: r.follow_up_outcome.map(|o| t.label("outcome", o.as_str())),
        ask_satisfaction: r.status == Status::Resolved && r.follow_up_outcome.is_none(),
        closed: r.status == Status::Closed,
        messages,
        token,
        errors,
        t,
    };
    let mut res = render(&page)?;
    if failed {
        *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(with_cookie(res, set))
}

pub async fn status(
    State(s): State<AppState>,
    t: Tr,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> PageResult<Response> {
    status_page(&s, t, &headers, token, Errors::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewMessage {
    text: String,
}

/// The customer writes: a step on the timeline, and, if we were waiting on them, the clock runs
/// again.
pub async fn message(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    Path(token): Path<String>,
    PublicForm { form, headers }: PublicForm<NewMessage>,
) -> PageResult<Response> {
    s.web.limits.public_form(peer.ip())?;
    let id = complaint_of(&s, &token).await?;
    let now = s.clock.now();
    let c = s.store.complaint(id).await?;
    if c.record.status == Status::Closed {
        return Err(PageError::new(StatusCode::CONFLICT, "error-closed"));
    }
    if let Err(e) = s.store.add_step(id, &customer(), &form.text, now).await {
        let errors = Errors::from_store(e, &t)?;
        return status_page(&s, t, &headers, token, errors).await;
    }
    if c.record.waiting_since.is_some() {
        let (hours, _) = s.store.channel_settings(&c.record.channel).await?;
        let replied = Action::CustomerReplied { note: None };
        s.store
            .change_complaint(id, None, &customer(), replied.name(), now, |r| {
                apply_with(r, replied, now, &hours)
            })
            .await?;
    }
    Ok(Redirect::to(&format!("/status/{token}#messages")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Satisfaction {
    satisfied: String,
}

/// "Are you satisfied with how we resolved this?" — the method's follow-up, in the customer's
/// own words.
pub async fn satisfaction(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    Path(token): Path<String>,
    PublicForm { form, headers }: PublicForm<Satisfaction>,
) -> PageResult<Response> {
    s.web.limits.public_form(peer.ip())?;
    let id = complaint_of(&s, &token).await?;
    let outcome = match form.satisfied.as_str() {
        "yes" => FollowUpOutcome::Satisfied,
        "no" => FollowUpOutcome::NotSatisfied,
        _ => return Err(PageError::bad_request()),
    };
    let now = s.clock.now();
    let c = s.store.complaint(id).await?;
    let (hours, _) = s.store.channel_settings(&c.record.channel).await?;
    let action = Action::FollowUp {
        outcome,
        note: Some(t.get("public-answered-note")),
        satisfaction_rating: None,
    };
    let done = s
        .store
        .change_complaint(id, None, &customer(), action.name(), now, |r| {
            apply_with(r, action, now, &hours)
        })
        .await;
    if let Err(e) = done {
        let errors = Errors::from_store(e, &t)?;
        return status_page(&s, t, &headers, token, errors).await;
    }
    Ok(Redirect::to(&format!("/status/{token}")).into_response())
}
