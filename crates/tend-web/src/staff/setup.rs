//! The first run in the browser: `/setup?token=…`, the one-time link `tend serve` prints while
//! nobody can sign in, creates the first administrator (name, e-mail, a password that passes a
//! strength check — zxcvbn, score 3 of 4 at least —, language) with the company's name and time
//! zone, and signs them in. A missing or wrong token is refused (403); once used, the page is
//! gone (404) on every server sharing the database.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use tend_domain::kernel::text::{Email, Name, Text};
use tend_domain::staff::zone::parse_zone_name;
use tend_store::FirstRun;

use crate::WebState;
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{PublicForm, form_token, with_cookie};
use crate::staff::sign_in::open_session;
use crate::{Chrome, render_form};

/// The weakest password zxcvbn score accepted (0 to 4; 3 is "safely unguessable").
const MIN_SCORE: u8 = 3;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Setup {
    token: String,
    name: String,
    email: String,
    password: String,
    repeat: String,
    language: String,
    company: String,
    time_zone: String,
}

#[derive(Template)]
#[template(path = "staff/setup.html")]
struct SetupPage {
    t: Tr,
    chrome: Chrome,
    v: Setup,
    errors: Errors,
}

/// Refuses unless the token is a live setup token: 404 once someone can sign in, else 403.
async fn admit(s: &WebState, token: &str) -> PageResult<()> {
    if s.store.any_employee().await? {
        return Err(PageError::not_found());
    }
    if token.is_empty() || !s.store.setup_token_valid(token).await? {
        return Err(PageError::new(StatusCode::FORBIDDEN, "error-setup-token"));
    }
    Ok(())
}

fn page(t: Tr, csrf: String, v: Setup, errors: Errors) -> PageResult<Response> {
    let failed = !errors.is_empty();
    let page = SetupPage {
        chrome: Chrome::public(csrf, "/sign-in"),
        t,
        v,
        errors,
    };
    render_form(&page, failed)
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

pub async fn form(
    State(s): State<WebState>,
    t: Tr,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> PageResult<Response> {
    admit(&s, &q.token).await?;
    let (csrf, set) = form_token(&headers, s.config.secure_cookies);
    let v = Setup {
        token: q.token,
        language: t.code().to_owned(),
        ..Default::default()
    };
    Ok(with_cookie(page(t, csrf, v, Errors::new(&t))?, set))
}

/// Whether `password` is strong enough, judged against the other things typed.
fn strong(password: &str, context: &[&str]) -> bool {
    let score: u8 = zxcvbn::zxcvbn(password, context).score().into();
    score >= MIN_SCORE
}

pub async fn submit(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    PublicForm { form: v, headers }: PublicForm<Setup>,
) -> PageResult<Response> {
    s.config.limits.sign_in(peer.ip())?;
    admit(&s, &v.token).await?;
    let mut errors = Errors::new(&t);
    let name = Name::parse(&v.name)
        .map_err(|r| errors.reason("name", r))
        .ok();
    let email = Email::parse(&v.email)
        .map_err(|r| errors.reason("email", r))
        .ok();
    let company = Text::<200>::parse(&v.company)
        .map_err(|r| errors.reason("company", r))
        .ok();
    let zone = parse_zone_name(&v.time_zone)
        .map_err(|r| errors.reason("time_zone", r))
        .unwrap_or_default();
    if !["en", "es", "tr"].contains(&v.language.as_str()) {
        errors.add("language", t.get("error-language"));
    }
    if !strong(&v.password, &[&v.name, &v.email, &v.company, "tend"]) {
        errors.add("password", t.get("error-password-weak"));
    } else if v.password != v.repeat {
        errors.add("repeat", t.get("error-password-repeat"));
    }
    let (Some(name), Some(email), Some(company), true) = (name, email, company, errors.is_empty())
    else {
        let (csrf, _) = form_token(&headers, s.config.secure_cookies);
        return page(
            t,
            csrf,
            Setup {
                password: String::new(),
                repeat: String::new(),
                ..v
            },
            errors,
        );
    };
    let password = v.password.clone();
    let hash = tokio::task::spawn_blocking(move || tend_store::hash_password(&password))
        .await
        .map_err(|_| PageError::new(StatusCode::INTERNAL_SERVER_ERROR, "error-internal"))?;
    let first = FirstRun {
        email: &email,
        name: &name,
        language: &v.language,
        password_hash: &hash,
        company: company.as_str(),
        time_zone: &zone,
    };
    let admin = s
        .store
        .complete_setup(&v.token, &first, s.clock.now())
        .await?;
    open_session(&s, &headers, &admin, "/inbox").await
}
