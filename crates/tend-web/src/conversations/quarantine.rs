//! The quarantine, for managers (`/settings/mail-in/quarantine`): mail the loop rules
//! (auto-replies, bounces) and the sender limits set aside, waiting for a decision — release
//! (delivered into its conversation as if just received) or delete (its content erased). Each
//! decision is audited. Each message shows its sender checks (SPF, DKIM, DMARC).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::staff::Permission;
use tend_store::Review;

use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render};

/// How many held messages the page lists, the most recent first.
const SHOWN: u32 = 200;

struct Row {
    id: i64,
    at: String,
    sender: String,
    subject: String,
    /// Why it was held, in the reader's language, with the rule's detail.
    held: String,
    why: String,
    /// SPF, DKIM and DMARC, in the reader's language.
    checks: String,
    size: String,
}

#[derive(Template)]
#[template(path = "conversations/quarantine.html")]
struct QuarantinePage {
    t: Tr,
    chrome: Chrome,
    /// The number of messages listed (n).
    n: String,
    rows: Vec<Row>,
}

pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let rows: Vec<Row> = s
        .store
        .quarantine(SHOWN)
        .await?
        .into_iter()
        .map(|m| Row {
            id: m.id,
            at: t.datetime(&m.received_at, &jiff::tz::TimeZone::UTC),
            sender: m.sender.unwrap_or_default(),
            subject: m.subject.unwrap_or_default(),
            held: t.label_or(
                "mail-in-outcome",
                m.held_reason.as_deref().unwrap_or(&m.outcome),
            ),
            why: m.why.unwrap_or_default(),
            checks: super::checks::summary(&t, &m.auth),
            size: t.args(
                "attachment-size",
                &[("size", &t.decimal(&m.size.to_string()))],
            ),
        })
        .collect();
    render(&QuarantinePage {
        n: t.decimal(&rows.len().to_string()),
        t,
        chrome: Chrome::staff(&staff, "/settings/mail-in/quarantine"),
        rows,
    })
}

#[derive(Deserialize)]
pub struct Empty {}

fn held_id(raw: &str) -> Result<i64, PageError> {
    raw.parse().map_err(|_| PageError::not_found())
}

/// Releases a held message into its conversation; on to the complaint it went to.
pub async fn release(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, .. }: StaffForm<Empty>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = held_id(&id)?;
    let c = tend_app::conversations::inbound::release(&s, id, &staff.actor()).await?;
    Ok(Redirect::to(&format!("/complaints/{}#conversation", c.0)).into_response())
}

/// Deletes a held message (its content erased); back to the quarantine.
pub async fn delete(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, .. }: StaffForm<Empty>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = held_id(&id)?;
    s.store
        .review_held_mail(id, Review::Deleted, &staff.actor(), s.clock.now())
        .await?;
    Ok(Redirect::to("/settings/mail-in/quarantine").into_response())
}
