//! The public complaint form, no sign-in: rate-limited per address, with a honeypot; on
//! success it redirects to the thank-you page, which gives the reference and the private status
//! link (`status`).

use std::net::SocketAddr;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::transactions::CustomerKey;

use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord, Kind};
use tend_domain::customers::CustomerDraft;
use tend_store::Actor;

use crate::WebState;
use crate::complaints::inbox::Choice;
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::{Errors, opt};
use crate::kit::i18n::Tr;
use crate::kit::session::{PublicForm, form_token, with_cookie};
use crate::{Chrome, render, render_form};
use tend_app::complaints::{self as changes, Complainant};

/// The channel and source of complaints sent through the public form.
const CHANNEL: &str = "web";
const SOURCE: &str = "web_form";

/// Who the timeline says acted when a customer did.
pub fn customer() -> Actor {
    Actor::system("customer")
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
    /// Consent to later contact (offers, surveys, news): unticked unless the customer ticks it.
    /// Updates about the case itself need no consent and are not asked for.
    later_contact: String,
    /// The honeypot: hidden from people, filled in by bots.
    website: String,
    /// `check`: the first step, show matching help articles before sending (empty: send).
    step: String,
    /// The visit's token once articles were shown (see `help::deflect`).
    flow: String,
}

#[derive(Template)]
#[template(path = "public/complain.html")]
struct ComplainPage {
    t: Tr,
    chrome: Chrome,
    v: Complain,
    kinds: Vec<Choice>,
    errors: Errors,
    /// The help articles shown at the second step (empty at the first).
    suggestions: Vec<crate::help::Link>,
}

fn complain_page(
    t: Tr,
    csrf: String,
    v: Complain,
    errors: Errors,
    vision: Option<String>,
) -> PageResult<Response> {
    suggest_page(t, csrf, v, errors, vision, Vec::new())
}

fn suggest_page(
    t: Tr,
    csrf: String,
    v: Complain,
    errors: Errors,
    vision: Option<String>,
    suggestions: Vec<crate::help::Link>,
) -> PageResult<Response> {
    let failed = !errors.is_empty();
    let page = ComplainPage {
        suggestions,
        kinds: Kind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().to_owned(),
                label: t.label("kind", k.as_str()),
                selected: v.kind == k.as_str(),
            })
            .collect(),
        chrome: Chrome::public(csrf, "/complain").with_vision(vision),
        t,
        v,
        errors,
    };
    let res = render_form(&page, failed)?;
    Ok(res)
}

pub async fn form(State(s): State<WebState>, t: Tr, headers: HeaderMap) -> PageResult<Response> {
    let (csrf, set) = form_token(&headers, s.config.secure_cookies);
    let vision = tend_app::vision::public_statement(&s).await?;
    let v = Complain {
        kind: "complaint".into(),
        ..Default::default()
    };
    Ok(with_cookie(
        complain_page(t, csrf, v, Errors::new(&t), vision)?,
        set,
    ))
}

#[derive(Template)]
#[template(path = "public/thanks.html")]
struct ThanksPage {
    t: Tr,
    chrome: Chrome,
    reference: Option<String>,
    link: Option<String>,
}

/// The address the status link is shown with.
fn link(s: &WebState, headers: &HeaderMap, token: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    let scheme = if s.config.secure_cookies {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}/status/{token}")
}

pub async fn submit(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    t: Tr,
    PublicForm { form: v, headers }: PublicForm<Complain>,
) -> PageResult<Response> {
    s.config.limits.public_form(peer.ip())?;
    let (csrf, _) = form_token(&headers, s.config.secure_cookies);
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
    if v.step == "check"
        && let Some((flow, found)) = crate::help::deflect::suggest(&s, &t, &v.description).await?
    {
        let vision = tend_app::vision::public_statement(&s).await?;
        let v = Complain {
            flow,
            step: String::new(),
            ..v
        };
        return suggest_page(t, csrf, v, Errors::new(&t), vision, found);
    }
    let now = s.clock.now();
    let mut errors = Errors::new(&t);
    if opt(&v.email).is_none() && opt(&v.phone).is_none() {
        errors.add("contact", t.get("error-contact"));
    }
    let person = CustomerDraft {
        name: opt(&v.name),
        email: opt(&v.email),
        phone: opt(&v.phone),
        preferred_language: Some(t.code().to_owned()),
        preferred_channel: Some(CHANNEL.to_owned()),
        consent_to_contact: Some(v.later_contact == "1"),
        ..Default::default()
    }
    .validate(s.year())
    .map_err(|e| {
        for (k, r) in Errors::from_domain(e, &t).all() {
            errors.add(&k, r);
        }
    });
    let draft = ComplaintDraft {
        kind: Some(Kind::parse(&v.kind).unwrap_or(Kind::Complaint)),
        customer_id: Some(tend_domain::kernel::ids::CustomerId(0)),
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
    let (Ok(person), Ok(intake), true) = (person, intake, errors.is_empty()) else {
        let vision = tend_app::vision::public_statement(&s).await?;
        return complain_page(t, csrf, v, errors, vision);
    };
    // Someone who wrote before with this address is the same customer, as in any help desk;
    // their stored profile is not changed from a public form.
    let known = match &person.email {
        Some(e) => {
            s.store
                .resolve_customers(&[&CustomerKey::Email(e.clone())])
                .await?[0]
        }
        None => None,
    };
    let from = match known {
        Some(id) => Complainant::Existing(id),
        // Stored with the complaint, in its transaction: both or neither.
        None => Complainant::New(Box::new(person), ConsentVia::PublicForm),
    };
    // The visit's "sent" event is stored in the complaint's transaction.
    let c = changes::take_after_visit(
        &s,
        from,
        ComplaintRecord::received(intake, SOURCE),
        crate::help::deflect::visit(&t, &v.flow),
        customer(),
        now,
    )
    .await?;
    let token = s.store.status_token(c.id).await?;
    // Post, redirect, get: reloading the thank-you page sends nothing twice.
    Ok(Redirect::to(&format!("/thanks/{token}")).into_response())
}

/// The thank-you page: the reference and the private status link.
pub async fn thanks(
    State(s): State<WebState>,
    t: Tr,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> PageResult<Response> {
    let id = s
        .store
        .complaint_for_status_token(&token)
        .await?
        .ok_or_else(PageError::not_found)?;
    let c = s.store.complaint(id).await?;
    let (csrf, set) = form_token(&headers, s.config.secure_cookies);
    let page = ThanksPage {
        link: Some(link(&s, &headers, &token)),
        reference: Some(c.reference),
        chrome: Chrome::public(csrf, "/complain"),
        t,
    };
    Ok(with_cookie(render(&page)?, set))
}
