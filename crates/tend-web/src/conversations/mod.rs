//! The conversation on a complaint's page: its messages (replies, notes, the customer's) and
//! the form to reply or leave a note; the customer's status page shows the public part
//! (`public_messages`).

mod checks;
mod files;
mod mail_in;
mod quarantine;

use axum::Router;
use axum::extract::Query;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use jiff::tz::TimeZone;
use serde::Deserialize;
use tend_domain::conversations::MessageKind;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::reason::NO_CANNED_REPLY;
use tend_domain::staff::Permission;
use tend_store::{StoreError, StoredMessage};

use crate::WebState;
use crate::complaints::complaint::{parse_id, show_with};
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::kit::upload::{StaffUpload, UPLOAD_LIMIT};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route(
            "/complaints/{id}/messages",
            post(submit).layer(axum::extract::DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/complaints/{id}/attachments/{attachment}",
            get(files::download),
        )
        .route("/complaints/{id}/reply", get(pick))
        .route(
            "/settings/mail-in",
            get(mail_in::page).post(mail_in::set_limit),
        )
        .route("/settings/mail-in/quarantine", get(quarantine::page))
        .route(
            "/settings/mail-in/quarantine/{id}/release",
            post(quarantine::release),
        )
        .route(
            "/settings/mail-in/quarantine/{id}/delete",
            post(quarantine::delete),
        )
}

/// One message as a page shows it.
pub struct Shown {
    pub at: String,
    /// Who wrote it: the employee's name, or "the customer" in the reader's language.
    pub who: String,
    /// `reply`, `note` or `customer` (for styling).
    pub kind: &'static str,
    /// The kind in the reader's language, with where a customer's message came from.
    pub label: String,
    pub body: String,
    /// Its files: (id, name, size in the reader's way of writing numbers).
    pub files: Vec<(i64, String, String)>,
    /// For mail received: its sender checks (SPF, DKIM, DMARC) in the reader's language.
    pub checks: String,
    /// The Message-ID it arrived with.
    message_id: Option<String>,
}

/// What the reply form was sent with, shown again when it is refused.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Draft {
    pub kind: String,
    pub body: String,
}

/// The conversation section of a complaint's page.
pub struct Panel {
    pub messages: Vec<Shown>,
    pub draft: Draft,
    /// The canned replies in the customer's language: (id, title).
    pub canned: Vec<(i64, String)>,
    /// Files that came with the mail that opened the complaint: (id, name, size).
    pub opening_files: Vec<(i64, String, String)>,
    /// The sender checks of the mail that opened the complaint, if it came by mail.
    pub opening_checks: String,
}

/// `messages` as the reader sees them, in `tz`.
pub fn shown(t: &Tr, tz: &TimeZone, messages: Vec<StoredMessage>) -> Vec<Shown> {
    messages
        .into_iter()
        .map(|m| Shown {
            at: t.datetime(&m.at, tz),
            who: m
                .author
                .map_or_else(|| t.get("actor-customer"), |(_, name)| name),
            kind: m.kind.as_str(),
            label: match m.kind {
                MessageKind::Customer => t.label("message-via", m.via.as_str()),
                k => t.label("message-kind", k.as_str()),
            },
            body: m.body,
            files: Vec::new(),
            checks: String::new(),
            message_id: m.message_id,
        })
        .collect()
}

/// The conversation of complaint `id` for staff, with the form's `draft`.
pub async fn panel(
    s: &WebState,
    t: &Tr,
    id: ComplaintId,
    tz: &TimeZone,
    draft: Draft,
) -> PageResult<Panel> {
    let all = s.store.conversation(id, false).await?;
    let ids: Vec<Option<i64>> = all.iter().map(|m| m.id).collect();
    let (canned, _) = tend_app::conversations::canned::for_complaint(s, id).await?;
    let mut messages = shown(t, tz, all);
    let mut opening_files = Vec::new();
    for a in s.store.attachments(id).await? {
        let size = t.args(
            "attachment-size",
            &[("size", &t.decimal(&a.file.size.to_string()))],
        );
        let file = (a.id, a.file.name, size);
        match ids.iter().position(|m| m.is_some() && *m == a.message_id) {
            Some(i) => messages[i].files.push(file),
            None => opening_files.push(file),
        }
    }
    let mut opening_checks = String::new();
    for (outcome, message_id, auth) in s.store.mail_checks(id).await? {
        let checks = checks::summary(t, &auth);
        if outcome == "created" {
            opening_checks = checks;
        } else if let Some(m) =
            (messages.iter_mut()).find(|m| m.message_id.is_some() && m.message_id == message_id)
        {
            m.checks = checks;
        }
    }
    Ok(Panel {
        opening_checks,
        messages,
        draft,
        canned: canned.into_iter().map(|c| (c.id, c.title)).collect(),
        opening_files,
    })
}

/// What the customer sees on their status page: replies and their own messages, never notes.
pub async fn public_messages(
    s: &WebState,
    t: &Tr,
    id: ComplaintId,
    tz: &TimeZone,
) -> PageResult<Vec<Shown>> {
    Ok(shown(t, tz, s.store.conversation(id, true).await?))
}

/// Sends a reply or a note, with its files (a multipart form; a URL-encoded one has none); a
/// refusal shows the page again with the text kept and the reason next to its field, in the
/// reader's language.
pub async fn submit(
    State(s): State<WebState>,
    t: Tr,
    Path(raw): Path<String>,
    upload: StaffUpload,
) -> PageResult<Response> {
    let form: Draft = upload.form()?;
    let StaffUpload { staff, files, .. } = upload;
    staff.require(Permission::WorkComplaints)?;
    let id = parse_id(&s, &raw).await?;
    let posted = match MessageKind::parse_by_staff(&form.kind) {
        Ok(kind) => {
            let actor = staff.actor();
            tend_app::conversations::post_with_files(&s, id, &actor, kind, &form.body, files)
                .await
                .map(drop)
        }
        Err(r) => Err(StoreError::field("kind", r)),
    };
    match posted {
        Ok(()) => Ok(Redirect::to(&format!("/complaints/{}#conversation", id.0)).into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show_with(&s, t, &staff, id, None, errors, form).await
        }
    }
}

/// Which canned reply to start from.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Pick {
    canned: String,
}

/// The complaint's page with the reply form filled from a canned reply (in the customer's
/// language, their name and the reference filled in) — to read, change and send; nothing is
/// sent from here.
pub async fn pick(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(raw): Path<String>,
    Query(p): Query<Pick>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = parse_id(&s, &raw).await?;
    let (all, _) = tend_app::conversations::canned::for_complaint(&s, id).await?;
    let wanted = p.canned.trim().parse::<i64>().ok();
    let mut errors = Errors::new(&t);
    let draft = match all.into_iter().find(|c| Some(c.id) == wanted) {
        Some(c) => Draft {
            kind: "reply".to_owned(),
            body: c.body,
        },
        None => {
            errors.reason("canned", NO_CANNED_REPLY.with("id", p.canned.trim()));
            Draft::default()
        }
    };
    show_with(&s, t, &staff, id, None, errors, draft).await
}
