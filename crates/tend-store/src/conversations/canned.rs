//! Canned replies: saved texts per language, with `{name}` and `{reference}` to fill in
//! (`tend_domain::conversations::canned`).

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::conversations::canned::{CannedBody, CannedTitle, language};
use tend_domain::kernel::error::FieldErrors;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::*;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A stored canned reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CannedReply {
    pub id: i64,
    /// `en`, `es` or `tr`.
    pub language: String,
    pub title: String,
    /// With its placeholders, as saved.
    pub body: String,
    pub created_by: EmployeeId,
    pub created_at: Timestamp,
}

fn from_row(r: &sqlx::any::AnyRow) -> StoreResult<CannedReply> {
    Ok(CannedReply {
        id: r.try_get("id")?,
        language: r.try_get("language")?,
        title: r.try_get("title")?,
        body: r.try_get("body")?,
        created_by: EmployeeId(r.try_get("created_by")?),
        created_at: ts(r.try_get("created_at")?),
    })
}

const SELECT: &str = "SELECT id, language, title, body, created_by, created_at FROM canned_replies";

impl Store {
    /// Saves a canned reply; every bad field is refused at once (`language`, `title`, `body`),
    /// a title used already in that language with `duplicate`.
    pub async fn create_canned_reply(
        &self,
        lang: &str,
        title: &str,
        body: &str,
        by: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<CannedReply> {
        let mut e = FieldErrors::new();
        let lang = language(lang).map_err(|r| e.add("language", r)).ok();
        let title = CannedTitle::parse(title)
            .map_err(|r| e.add("title", r))
            .ok();
        let body = CannedBody::parse(body).map_err(|r| e.add("body", r)).ok();
        let (Some(lang), Some(title), Some(body)) = (lang, title, body) else {
            return Err(StoreError::invalid(e));
        };
        let row = sqlx::query(
            "INSERT INTO canned_replies (language, title, body, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(lang)
        .bind(title.as_str().to_owned())
        .bind(body.as_str().to_owned())
        .bind(by.0)
        .bind(us(now))
        .fetch_one(self.write())
        .await
        .map_err(|e| StoreError::unique(e, "title", DUPLICATE_CANNED_REPLY))?;
        self.canned_reply(row.try_get("id")?).await
    }

    /// One canned reply; `NotFound` if there is none with `id`.
    pub async fn canned_reply(&self, id: i64) -> StoreResult<CannedReply> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
            .bind(id)
            .fetch_optional(self.write())
            .await?
            .ok_or(StoreError::NotFound("canned reply"))?;
        from_row(&row)
    }

    /// The canned replies, in `lang` only if given, by language then title.
    pub async fn canned_replies(&self, lang: Option<&str>) -> StoreResult<Vec<CannedReply>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE ($1 = '' OR language = $1) ORDER BY language, title, id"
        )))
        .bind(lang.unwrap_or("").to_owned())
        .fetch_all(self.read())
        .await?;
        rows.iter().map(from_row).collect()
    }
}
