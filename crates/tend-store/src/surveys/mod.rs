//! Surveys: their definitions and life (`write`), the responses kept page by page
//! (`responses`), the counts the results are computed from (`tallies`, read mostly from the
//! daily roll-up `tally_days`), the open answers (`open_answers`) and the raw answers
//! (`export`), invitations by mail with the response rate's counts (`invitations`), and
//! the codes given to open answers (`codes`).

mod codes;
mod export;
mod invitation_list;
mod invitations;
mod open_answers;
mod responses;
mod schedules;
mod settings;
mod tallies;
mod tally_days;
mod write;

pub use codes::{CodeCounts, SurveyCode};
pub use export::RawAnswerRow;
pub use invitation_list::InvitationRow;
pub use invitations::{Audience, Invitation, InvitationCounts, Invited};
pub use responses::{PageSent, StoredResponse};
pub use schedules::SurveySchedule;
pub use tallies::{OpenAnswer, SurveyTallies, TallyFilter};

use jiff::Timestamp;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;
use tend_domain::surveys::{Status, Survey, SurveyDraft, SurveyId};

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{opt_ts, ts};

/// A stored survey: its definition, where it is in its life, and the token of its public link
/// (`/s/{public_token}`).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSurvey {
    pub id: SurveyId,
    pub status: Status,
    pub survey: Survey,
    pub public_token: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub opened_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
}

pub(crate) const COLUMNS: &str =
    "id, status, definition, public_token, created_at, updated_at, opened_at, closed_at";

pub(crate) fn from_row(row: &AnyRow) -> StoreResult<StoredSurvey> {
    let status: String = row.try_get("status")?;
    let definition: String = row.try_get("definition")?;
    let draft: SurveyDraft = serde_json::from_str(&definition)
        .map_err(|e| StoreError::Database(sqlx::Error::Decode(Box::new(e))))?;
    Ok(StoredSurvey {
        id: SurveyId(row.try_get("id")?),
        status: Status::parse(&status).ok_or_else(|| {
            StoreError::Database(sqlx::Error::Decode(
                format!("survey status {status}").into(),
            ))
        })?,
        survey: draft.validate()?,
        public_token: row.try_get("public_token")?,
        created_at: ts(row.try_get("created_at")?),
        updated_at: ts(row.try_get("updated_at")?),
        opened_at: opt_ts(row.try_get("opened_at")?),
        closed_at: opt_ts(row.try_get("closed_at")?),
    })
}

/// 32 random bytes, URL-safe hex: a public link's token or a respondent's key.
pub fn new_key() -> String {
    let mut buf = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// What is stored of a respondent's key: its SHA-256, in hex.
pub(crate) fn key_digest(key: &str) -> String {
    Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
