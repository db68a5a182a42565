//! What rides with a new complaint in its group commit's transaction, kept only if the
//! complaint is: the two-step form's visit that sent it, or the mail that opened it.

use jiff::Timestamp;
use sqlx::AnyConnection;
use tend_domain::kernel::ids::ComplaintId;

use crate::conversations::{Taking, write_taking};
use crate::help::SentVisit;
use crate::kernel::error::StoreResult;

/// What to store with a new complaint, in its transaction.
#[derive(Debug, Clone, Default)]
pub enum Rider {
    /// Nothing more.
    #[default]
    None,
    /// The two-step form's visit: its `sent` event and the links to the articles shown.
    Visit(SentVisit),
    /// The mail that opened it: its Message-ID taken, its files, its log entry.
    Mail(Box<Taking>),
}

impl Rider {
    /// Writes what rides with complaint `id`, taken at `now`, on `conn`.
    pub(crate) async fn write(
        &self,
        conn: &mut AnyConnection,
        id: ComplaintId,
        now: Timestamp,
    ) -> StoreResult<()> {
        match self {
            Rider::None => Ok(()),
            Rider::Visit(v) => Ok(crate::help::record_sent_in(conn, v, id, now).await?),
            Rider::Mail(t) => write_taking(conn, t, id, now).await,
        }
    }
}
