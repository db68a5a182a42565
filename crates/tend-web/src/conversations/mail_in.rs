//! Mail received, for managers (`/settings/mail-in`): the latest messages taken in over LMTP
//! and what became of each — threaded, a new complaint, or set aside (an auto-reply or bounce,
//! Tend's own mail, over the sender's limit, a duplicate, unreadable). Read-only.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use jiff::tz::TimeZone;
use tend_domain::staff::Permission;

use crate::kit::error::PageResult;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render};

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
}

#[derive(Template)]
#[template(path = "conversations/mail_in.html")]
struct MailInPage {
    t: Tr,
    chrome: Chrome,
    rows: Vec<Row>,
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let rows = s
        .store
        .recent_inbound(SHOWN)
        .await?
        .into_iter()
        .map(|m| Row {
            at: t.datetime(&m.received_at, &TimeZone::UTC),
            sender: m.sender.unwrap_or_default(),
            subject: m.subject.unwrap_or_default(),
            outcome: t.label_or("mail-in-outcome", &m.outcome),
            code: m.outcome,
            why: m.why.unwrap_or_default(),
            complaint: m.complaint_id.map(|c| c.0),
        })
        .collect();
    render(&MailInPage {
        t,
        chrome: Chrome::staff(&staff, "/settings/mail-in"),
        rows,
    })
}
