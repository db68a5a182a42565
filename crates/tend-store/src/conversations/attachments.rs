//! The files of a conversation (`message_attachments`): their metadata only — the bytes live
//! outside the database under their SHA-256 (`tend_app::conversations::files`). Rows are
//! written in the transaction of the message they came with (`write`), or beside the complaint
//! a mail opened; append-only by trigger.

use std::collections::HashSet;

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::kernel::ids::ComplaintId;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A file to record: its content's hash (64 lower-case hex digits), its name made safe to show
/// (`tend_domain::conversations::attachment::display_name`), the type the sender declared,
/// the type its bytes show (`None`: not recognised) and its size in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub sha256: String,
    pub name: String,
    pub declared_type: String,
    pub sniffed_type: Option<String>,
    pub size: i64,
}

/// A recorded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAttachment {
    pub id: i64,
    pub complaint_id: ComplaintId,
    /// The message it came with; `None` for the mail that opened the complaint.
    pub message_id: Option<i64>,
    pub at: Timestamp,
    pub file: NewAttachment,
}

fn from_row(r: &sqlx::any::AnyRow) -> StoreResult<StoredAttachment> {
    Ok(StoredAttachment {
        id: r.try_get("id")?,
        complaint_id: ComplaintId(r.try_get("complaint_id")?),
        message_id: r.try_get("message_id")?,
        at: ts(r.try_get("at")?),
        file: NewAttachment {
            sha256: r.try_get("sha256")?,
            name: r.try_get("name")?,
            declared_type: r.try_get("declared_type")?,
            sniffed_type: r.try_get("sniffed_type")?,
            size: r.try_get("size")?,
        },
    })
}

const SELECT: &str = "SELECT id, complaint_id, message_id, at, sha256, name, declared_type, \
                      sniffed_type, size FROM message_attachments";

/// Records `files` on complaint `id`, with message `message` (if any), at `now`, on `conn`.
pub(crate) async fn insert(
    conn: &mut AnyConnection,
    id: ComplaintId,
    message: Option<i64>,
    files: &[NewAttachment],
    now: Timestamp,
) -> StoreResult<()> {
    for f in files {
        sqlx::query(
            "INSERT INTO message_attachments \
             (complaint_id, message_id, at, sha256, name, declared_type, sniffed_type, size) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id.0)
        .bind(message)
        .bind(us(now))
        .bind(f.sha256.clone())
        .bind(f.name.clone())
        .bind(f.declared_type.clone())
        .bind(f.sniffed_type.clone())
        .bind(f.size)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

impl Store {
    /// Which of `hashes` (SHA-256, lower-case hex) some attachment row names: the files the
    /// sweep of unreferenced files must keep.
    pub async fn referenced_files(&self, hashes: &[String]) -> StoreResult<HashSet<String>> {
        let mut out = HashSet::new();
        for chunk in hashes.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT DISTINCT sha256 FROM message_attachments WHERE sha256 IN ({})",
                marks.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for h in chunk {
                q = q.bind(h.clone());
            }
            for r in q.fetch_all(self.read()).await? {
                out.insert(r.try_get("sha256")?);
            }
        }
        Ok(out)
    }

    /// The files of complaint `id`'s conversation, in the order they came.
    pub async fn attachments(&self, id: ComplaintId) -> StoreResult<Vec<StoredAttachment>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE complaint_id = $1 ORDER BY id"
        )))
        .bind(id.0)
        .fetch_all(self.read())
        .await?;
        rows.iter().map(from_row).collect()
    }

    /// One file of complaint `id`; `NotFound` if `attachment` is not one of its files.
    pub async fn attachment(
        &self,
        id: ComplaintId,
        attachment: i64,
    ) -> StoreResult<StoredAttachment> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE id = $1 AND complaint_id = $2"
        )))
        .bind(attachment)
        .bind(id.0)
        .fetch_optional(self.read())
        .await?
        .ok_or(StoreError::NotFound("attachment"))?;
        from_row(&row)
    }
}
