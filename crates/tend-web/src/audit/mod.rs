//! The audit log of staff actions, for admins (`/settings/audit`): the 200 most recent role
//! changes, tokens created and revoked, employees deactivated or reactivated and channel
//! settings changed — who, what, on whom or which channel, and when (in the reader's zone).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use tend_domain::staff::Permission;

use crate::kit::error::PageResult;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render};

/// How many rows the page lists, the most recent first.
const SHOWN: i64 = 200;

pub fn routes() -> Router<WebState> {
    Router::new().route("/settings/audit", get(page))
}

struct AuditRow {
    id: i64,
    at: String,
    actor: String,
    /// The action in the reader's language.
    action: String,
    subject: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "audit/log.html")]
struct AuditPage {
    t: Tr,
    chrome: Chrome,
    rows: Vec<AuditRow>,
    /// How many are listed (at most [`SHOWN`]).
    n: usize,
}

async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    let rows: Vec<AuditRow> = s
        .store
        .audit_log(SHOWN, None)
        .await?
        .into_iter()
        .map(|e| AuditRow {
            id: e.id,
            at: t.datetime(&e.at, staff.tz()),
            actor: e.actor,
            action: t.get(&format!("audit-action-{}", e.action.replace('_', "-"))),
            subject: e.subject,
            detail: e.detail,
        })
        .collect();
    let page = AuditPage {
        t,
        chrome: Chrome::staff(&staff, "/settings/audit"),
        n: rows.len(),
        rows,
    };
    render(&page)
}
