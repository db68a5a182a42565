//! The withdrawal link every mail to a customer carries (`/consent/{token}`, signed per
//! customer): the link shows a confirmation, and only the form's POST withdraws consent to
//! later contact (a mail scanner following links changes nothing). Logged as `mail_link`.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::CustomerId;

use crate::WebState;
use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::{PublicForm, form_token, with_cookie};
use crate::public::status::Empty;
use crate::{Chrome, render};

#[derive(Template)]
#[template(path = "public/consent.html")]
struct ConsentPage {
    t: Tr,
    chrome: Chrome,
    token: String,
    done: bool,
}

async fn customer_of(s: &WebState, token: &str) -> PageResult<CustomerId> {
    s.store
        .customer_for_consent_token(token)
        .await?
        .ok_or_else(PageError::not_found)
}

/// The confirmation: "stop all later contact?" with one button.
pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> PageResult<Response> {
    customer_of(&s, &token).await?;
    let (csrf, set) = form_token(&headers, s.config.secure_cookies);
    let page = ConsentPage {
        chrome: Chrome::public(csrf, format!("/consent/{token}")),
        t,
        token,
        done: false,
    };
    Ok(with_cookie(render(&page)?, set))
}

/// Withdraws the customer's consent (once; again changes nothing) and says so.
pub async fn withdraw(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    Path(token): Path<String>,
    PublicForm { headers, .. }: PublicForm<Empty>,
) -> PageResult<Response> {
    s.config.limits.public_form(peer.ip())?;
    let customer = customer_of(&s, &token).await?;
    s.store
        .set_consent(customer, false, ConsentVia::MailLink, s.clock.now())
        .await?;
    let (csrf, _) = form_token(&headers, s.config.secure_cookies);
    render(&ConsentPage {
        chrome: Chrome::public(csrf, format!("/consent/{token}")),
        t,
        token,
        done: true,
    })
}
