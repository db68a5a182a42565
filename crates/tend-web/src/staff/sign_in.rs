//! Signing in and out, the language switcher, and accepting an invitation (choosing a
//! password through a one-time link).

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_store::AuthedEmployee;

use crate::WebState;
use crate::kit::cookies::{cookie, set_cookie};
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::{Language, Tr};
use crate::kit::redirect::local_or;
use crate::kit::session::{
    PublicForm, SESSION_COOKIE, SESSION_TTL, StaffForm, form_token, with_cookie,
};
use crate::{Chrome, render, render_form};

/// How long the language cookie lasts: a year.
pub(crate) const LANG_COOKIE_AGE: u64 = 365 * 24 * 3600;

/// The shortest password an invited employee may choose.
const MIN_PASSWORD: usize = 10;

#[derive(Template)]
#[template(path = "staff/sign_in.html")]
struct SignInPage {
    t: Tr,
    chrome: Chrome,
    next: String,
    email: String,
    failed: bool,
    first_run: bool,
}

#[derive(Deserialize)]
pub struct Next {
    #[serde(default)]
    next: String,
}

async fn sign_in_page(
    s: &WebState,
    t: Tr,
    headers: &HeaderMap,
    next: &str,
    email: &str,
    failed: bool,
) -> PageResult<Response> {
    let (csrf, set) = form_token(headers, s.config.secure_cookies);
    let page = SignInPage {
        t,
        chrome: Chrome::public(csrf, "/sign-in"),
        next: local_or(next, "/inbox").to_owned(),
        email: email.to_owned(),
        failed,
        first_run: !s.store.any_employee().await?,
    };
    let mut res = render(&page)?;
    if failed {
        *res.status_mut() = StatusCode::UNAUTHORIZED;
    }
    Ok(with_cookie(res, set))
}

pub async fn form(
    State(s): State<WebState>,
    t: Tr,
    headers: HeaderMap,
    Query(q): Query<Next>,
) -> PageResult<Response> {
    sign_in_page(&s, t, &headers, &q.next, "", false).await
}

#[derive(Deserialize)]
pub struct Credentials {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Opens a session and sends the browser on with its cookie; a browser that has not chosen a
/// language gets the one the employee chose elsewhere.
pub(crate) async fn open_session(
    s: &WebState,
    headers: &HeaderMap,
    e: &AuthedEmployee,
    to: &str,
) -> PageResult<Response> {
    let (token, _) = s
        .store
        .create_session(e, s.clock.now(), SESSION_TTL)
        .await?;
    let c = set_cookie(
        SESSION_COOKIE,
        &token,
        Some(SESSION_TTL.as_secs()),
        "Lax",
        s.config.secure_cookies,
    );
    let mut res = Redirect::to(to).into_response();
    res.headers_mut().append(header::SET_COOKIE, c);
    if cookie(headers, "lang").is_none()
        && let Some(lang) = Language::parse(&s.store.employee_language(e.id).await?)
        && lang != Language::En
    {
        let c = set_cookie(
            "lang",
            lang.code(),
            Some(LANG_COOKIE_AGE),
            "Lax",
            s.config.secure_cookies,
        );
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(res)
}

pub async fn submit(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    PublicForm { form, headers }: PublicForm<Credentials>,
) -> PageResult<Response> {
    s.config.limits.sign_in(peer.ip())?;
    let to = local_or(&form.next, "/inbox").to_owned();
    match s.store.check_password(&form.email, &form.password).await? {
        Some(e) => open_session(&s, &headers, &e, &to).await,
        None => sign_in_page(&s, t, &headers, &to, &form.email, true).await,
    }
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn sign_out(
    State(s): State<WebState>,
    headers: HeaderMap,
    StaffForm { .. }: StaffForm<Empty>,
) -> PageResult<Response> {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        s.store.end_session(&token).await?;
    }
    let gone = set_cookie(SESSION_COOKIE, "", Some(0), "Lax", s.config.secure_cookies);
    let mut res = Redirect::to("/sign-in").into_response();
    res.headers_mut().append(header::SET_COOKIE, gone);
    Ok(res)
}

#[derive(Deserialize)]
pub struct LanguageChoice {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

/// Keeps the chosen language in a cookie for a year, and, for a signed-in employee, as their
/// setting.
pub async fn language(
    State(s): State<WebState>,
    PublicForm { form, headers }: PublicForm<LanguageChoice>,
) -> PageResult<Response> {
    let lang = Language::parse(&form.lang).ok_or_else(PageError::bad_request)?;
    if let Some(token) = cookie(&headers, SESSION_COOKIE)
        && let Ok(session) = s.store.session(&token, s.clock.now()).await
    {
        let id = session.employee.id;
        s.store.set_employee_language(id, lang.code()).await?;
    }
    let c = set_cookie(
        "lang",
        lang.code(),
        Some(LANG_COOKIE_AGE),
        "Lax",
        s.config.secure_cookies,
    );
    let mut res = Redirect::to(local_or(&form.back, "/")).into_response();
    res.headers_mut().append(header::SET_COOKIE, c);
    Ok(res)
}

#[derive(Template)]
#[template(path = "staff/invite.html")]
struct InvitePage {
    t: Tr,
    chrome: Chrome,
    token: String,
    name: String,
    email: String,
    errors: Errors,
}

async fn invite_page(
    s: &WebState,
    t: Tr,
    headers: &HeaderMap,
    token: String,
    errors: Errors,
) -> PageResult<Response> {
    let invite = s.store.invite(&token, s.clock.now()).await?;
    let (csrf, set) = form_token(headers, s.config.secure_cookies);
    let failed = !errors.is_empty();
    let page = InvitePage {
        t,
        chrome: Chrome::public(csrf, format!("/invite/{token}")),
        token,
        name: invite.employee.name,
        email: invite.email,
        errors,
    };
    let res = render_form(&page, failed)?;
    Ok(with_cookie(res, set))
}

pub async fn invite(
    State(s): State<WebState>,
    t: Tr,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> PageResult<Response> {
    invite_page(&s, t, &headers, token, Errors::new(&t)).await
}

#[derive(Deserialize)]
pub struct NewPassword {
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
}

pub async fn accept_invite(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    Path(token): Path<String>,
    PublicForm { form, headers }: PublicForm<NewPassword>,
) -> PageResult<Response> {
    s.config.limits.sign_in(peer.ip())?;
    let mut errors = Errors::new(&t);
    if form.password.chars().count() < MIN_PASSWORD {
        errors.add(
            "password",
            t.arg("error-password-short", "min", &MIN_PASSWORD.to_string()),
        );
    } else if form.password != form.repeat {
        errors.add("repeat", t.get("error-password-repeat"));
    }
    if !errors.is_empty() {
        return invite_page(&s, t, &headers, token, errors).await;
    }
    let password = form.password;
    let hash = tokio::task::spawn_blocking(move || tend_store::hash_password(&password))
        .await
        .map_err(|_| PageError::new(StatusCode::INTERNAL_SERVER_ERROR, "error-internal"))?;
    let e = s.store.redeem_invite(&token, &hash, s.clock.now()).await?;
    open_session(&s, &headers, &e, "/inbox").await
}
