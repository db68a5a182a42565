//! Mail received, for managers (`/settings/mail-in`): the latest messages taken in over LMTP
//! and what became of each — threaded, a new complaint, or set aside (an auto-reply or bounce,
//! Tend's own mail, over the sender's limit, a duplicate, unreadable) — and the per-sender
//! limit (messages an hour before the next are held), set with the page's form and audited.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::tz::TimeZone;
use serde::Deserialize;
use tend_domain::kernel::reason::REQUIRED;
use tend_domain::staff::Permission;

use crate::kit::error::PageResult;
use crate::kit::fields::{Errors, number};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

/// How many messages the page lists, the most recent first.
const SHOWN: u32 = 200;

struct Row {
    at: String,
    sender: String,
    subject: String,
    /// The outcome in the reader's language.
    outcome: String,
    /// `threaded`, `created`, … (for styling).
    code: String,
    why: String,
    complaint: Option<i64>,
    /// SPF, DKIM and DMARC, in the reader's language.
    checks: String,
}

#[derive(Template)]
#[template(path = "conversations/mail_in.html")]
struct MailInPage {
    t: Tr,
    chrome: Chrome,
    rows: Vec<Row>,
    /// The limit's field as shown (what was typed, when refused).
    limit: String,
    errors: Errors,
}

/// The limit's form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LimitForm {
    per_sender_per_hour: String,
}

async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    limit: Option<String>,
    errors: Errors,
) -> PageResult<Response> {
    let rows = s
        .store
        .recent_inbound(SHOWN)
        .await?
        .into_iter()
        .map(|m| Row {
            at: t.datetime(&m.received_at, &TimeZone::UTC),
            sender: m.sender.unwrap_or_default(),
            subject: m.subject.unwrap_or_default(),
            outcome: t.label_or(
                "mail-in-outcome",
                m.held_reason.as_deref().unwrap_or(&m.outcome),
            ),
            code: m.outcome,
            why: m.why.unwrap_or_default(),
            complaint: m.complaint_id.map(|c| c.0),
            checks: super::checks::summary(&t, &m.auth),
        })
        .collect();
    let limit = match limit {
        Some(typed) => typed,
        None => s.store.mail_in_limit().await?.to_string(),
    };
    let refused = !errors.is_empty();
    let page = MailInPage {
        t,
        chrome: Chrome::staff(staff, "/settings/mail-in"),
        rows,
        limit,
        errors,
    };
    render_form(&page, refused)
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let errors = Errors::new(&t);
    show(&s, t, &staff, None, errors).await
}

/// Sets the per-sender limit; a refusal shows the page again with the reason by the field.
pub async fn set_limit(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form }: StaffForm<LimitForm>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut errors = Errors::new(&t);
    let field = "per_sender_per_hour";
    match number(&form.per_sender_per_hour, &t) {
        Ok(Some(n)) => match s
            .store
            .set_mail_in_limit(n, &staff.actor(), s.clock.now())
            .await
        {
            Ok(()) => return Ok(Redirect::to("/settings/mail-in").into_response()),
            Err(e) => errors = Errors::from_store(e, &t)?,
        },
        Ok(None) => errors.reason(field, REQUIRED),
        Err(why) => errors.add(field, why),
    }
    show(&s, t, &staff, Some(form.per_sender_per_hour), errors).await
}
