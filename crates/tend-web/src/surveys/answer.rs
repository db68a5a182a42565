//! Answering a survey at its public link, without JavaScript: one page of questions at a time,
//! each page's answers stored when it is sent (so the same browser resumes where it stopped),
//! one response per browser (a cookie holds the respondent's key; only its digest is stored),
//! rate-limited per address like the public complaint form, with a honeypot. An invitation's
//! private link (`/s/i/{token}`) answers the same way, once per invitation, in the language
//! the customer was invited in, until the link expires (`survey-expired`: it then stores
//! nothing).

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use tend_domain::surveys::Status;
use tend_store::{PageSent, StoreError, new_key};

use super::form::{QuestionView, questions, raw};
use super::link::{Link, cookie_name, expired, key_of, load, load_invitation};
use crate::WebState;
use crate::kit::cookies::set_cookie;
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{PublicForm, form_token, with_cookie};
use crate::{Chrome, render, render_form};

const YEAR: u64 = 365 * 24 * 3600;

#[derive(Template)]
#[template(path = "surveys/answer.html")]
struct AnswerPage {
    t: Tr,
    chrome: Chrome,
    /// Where the form posts: the link itself.
    action: String,
    title: String,
    intro: String,
    page: u16,
    progress: String,
    last: bool,
    questions: Vec<QuestionView>,
    errors: Errors,
}

/// A short page: thanked, answered already, closed, or an invitation's link expired
/// (`message`, in the page's language).
#[derive(Template)]
#[template(path = "surveys/done.html")]
struct DonePage {
    t: Tr,
    chrome: Chrome,
    title: String,
    message: String,
}

fn done(t: Tr, csrf: String, link: &Link, message: &'static str) -> PageResult<Response> {
    let message = t.get(message);
    done_saying(t, csrf, link, message)
}

/// The page of an expired invitation link: it says so, and how long links last.
fn expired_page(t: Tr, csrf: String, link: &Link) -> PageResult<Response> {
    let days = link.expires.map_or(0, |(_, d)| d).to_string();
    let message = t.args("survey-expired", &[("days", &days)]);
    done_saying(t, csrf, link, message)
}

fn done_saying(t: Tr, csrf: String, link: &Link, message: String) -> PageResult<Response> {
    let survey = &link.survey;
    render(&DonePage {
        chrome: Chrome::public(csrf, link.path.clone()),
        title: survey
            .survey
            .text(&survey.survey.draft.title, t.code())
            .to_owned(),
        t,
        message,
    })
}

fn page_of(
    t: Tr,
    csrf: String,
    link: &Link,
    page: u16,
    sent: &[(String, String)],
    errors: Errors,
) -> PageResult<Response> {
    let survey = &link.survey;
    let pages = survey.survey.pages();
    let position = pages.iter().position(|p| *p == page).unwrap_or(0);
    let s = &survey.survey;
    let view = AnswerPage {
        chrome: Chrome::public(csrf, link.path.clone()),
        action: link.path.clone(),
        title: s.text(&s.draft.title, t.code()).to_owned(),
        intro: if position == 0 {
            s.text(&s.draft.intro, t.code()).to_owned()
        } else {
            String::new()
        },
        page,
        progress: t.args(
            "survey-progress",
            &[
                ("page", &(position + 1).to_string()),
                ("pages", &pages.len().to_string()),
            ],
        ),
        last: position + 1 == pages.len(),
        questions: questions(s, page, t.code(), &t, sent),
        errors,
        t,
    };
    render_form(&view, !view.errors.is_empty())
}

/// The page the respondent is at: the first, or where their response stopped.
pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> PageResult<Response> {
    let (link, t) = load(&s, &token, t).await?;
    show(&s, t, &headers, &link).await
}

/// An invitation's page: as [`page`], the respondent known by the invitation.
pub async fn invited_page(
    State(s): State<WebState>,
    t: Tr,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> PageResult<Response> {
    let (link, t) = load_invitation(&s, &token, t).await?;
    show(&s, t, &headers, &link).await
}

async fn show(s: &WebState, t: Tr, headers: &HeaderMap, link: &Link) -> PageResult<Response> {
    let survey = &link.survey;
    let (csrf, set) = form_token(headers, s.config.secure_cookies);
    if survey.status == Status::Closed {
        return Ok(with_cookie(done(t, csrf, link, "survey-closed")?, set));
    }
    let mut page = survey.survey.pages()[0];
    if let Some(key) = key_of(link, headers) {
        match s.store.survey_response(survey.id, &key).await? {
            Some(r) if r.completed => {
                return Ok(with_cookie(done(t, csrf, link, "survey-answered")?, set));
            }
            Some(r) if survey.survey.pages().contains(&r.page) => page = r.page,
            _ => {}
        }
    }
    if expired(link, s.clock.now()) {
        return Ok(with_cookie(expired_page(t, csrf, link)?, set));
    }
    Ok(with_cookie(
        page_of(t, csrf, link, page, &[], Errors::new(&t))?,
        set,
    ))
}

/// One page sent: its answers checked and stored, then on to the next page (303), or the
/// page shown again with each refused answer's reason (422).
pub async fn submit(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    Path(token): Path<String>,
    PublicForm {
        form: sent,
        headers,
    }: PublicForm<Vec<(String, String)>>,
) -> PageResult<Response> {
    s.config.limits.public_form(peer.ip())?;
    let (link, t) = load(&s, &token, t).await?;
    take(&s, peer, t, &link, &sent, &headers).await
}

/// An invitation's page sent: as [`submit`], stored as the invitation's one response.
pub async fn invited_submit(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    Path(token): Path<String>,
    PublicForm {
        form: sent,
        headers,
    }: PublicForm<Vec<(String, String)>>,
) -> PageResult<Response> {
    s.config.limits.public_form(peer.ip())?;
    let (link, t) = load_invitation(&s, &token, t).await?;
    take(&s, peer, t, &link, &sent, &headers).await
}

async fn take(
    s: &WebState,
    peer: SocketAddr,
    t: Tr,
    link: &Link,
    sent: &[(String, String)],
    headers: &HeaderMap,
) -> PageResult<Response> {
    let survey = &link.survey;
    let (csrf, _) = form_token(headers, s.config.secure_cookies);
    let value = |k: &str| sent.iter().find(|(f, _)| f == k).map(|(_, v)| v.as_str());
    if value("website").is_some_and(|w| !w.is_empty()) {
        // A bot: thanked like anyone, and nothing is stored.
        tracing::info!(ip = %peer.ip(), "survey honeypot filled");
        return done(t, csrf, link, "survey-thanks");
    }
    if survey.status == Status::Closed {
        return done(t, csrf, link, "survey-closed");
    }
    if expired(link, s.clock.now()) {
        // An expired link stores nothing, not even a page of a response begun before.
        return expired_page(t, csrf, link);
    }
    let pages = survey.survey.pages();
    let page = value("page")
        .and_then(|p| p.parse::<u16>().ok())
        .filter(|p| pages.contains(p))
        .ok_or_else(PageError::bad_request)?;
    let mut errors = Errors::new(&t);
    let mut answers = Vec::new();
    for (number, q) in survey.survey.on_page(page) {
        match q.answer(&raw(sent, number)) {
            Ok(a) => answers.push((number, a)),
            Err(r) => errors.reason(&format!("q{number}"), r),
        }
    }
    if !errors.is_empty() {
        return page_of(t, csrf, link, page, sent, errors);
    }
    let (key, set) = match key_of(link, headers) {
        Some(k) => (k, None),
        None => {
            let k = new_key();
            let c = set_cookie(
                &cookie_name(survey),
                &k,
                Some(YEAR),
                "Lax",
                s.config.secure_cookies,
            );
            (k, Some(c))
        }
    };
    let next_page = pages.iter().copied().find(|p| *p > page);
    let saved = s
        .store
        .save_survey_page(
            survey.id,
            &PageSent {
                key: &key,
                channel: if link.invitation.is_some() {
                    "invitation"
                } else {
                    "public"
                },
                invitation: link.invitation.as_ref().map(|(id, _)| *id),
                language: t.code(),
                answers: &answers,
                next_page,
            },
            s.clock.now(),
        )
        .await;
    match saved {
        Err(StoreError::Conflict { .. }) => return done(t, csrf, link, "survey-answered"),
        Err(StoreError::Domain(_)) => return done(t, csrf, link, "survey-closed"),
        other => other?,
    };
    let mut res = Redirect::to(&link.path).into_response();
    if let Some(c) = set {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(res)
}
