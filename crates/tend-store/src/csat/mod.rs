//! Satisfaction after resolution (CSAT): one request per resolution of a complaint, its
//! private single-use link (`"{request}.{base64url HMAC-SHA256}"`, keyed like status links),
//! its one answer, and the per-channel switch (default on).

mod reasons;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::{ComplaintId, EmployeeId};
use tend_domain::kernel::reason::CSAT_ANSWERED;

use crate::complaints::{Actor, Complaint, Entry};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{opt_ts, ts, us};
use crate::store::Store;

type HmacSha256 = Hmac<Sha256>;
use sha2::Sha256;

fn mac(key: &[u8], request: i64) -> HmacSha256 {
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    m.update(b"tend-csat-link:");
    m.update(request.to_string().as_bytes());
    m
}

/// One CSAT request: which resolution (`resolved_at`) of which complaint it asks about, who
/// was assigned at resolution, and when its answer came and what it was (none yet: `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsatRequest {
    pub id: i64,
    pub complaint_id: ComplaintId,
    pub resolved_at: Timestamp,
    pub assignee_id: Option<EmployeeId>,
    pub created_at: Timestamp,
    pub answered_at: Option<Timestamp>,
    /// The answer's rating (on 1–5), once answered.
    pub rating: Option<i64>,
}

/// One answer: `rating` on 1..=`scale` (the scale is stored with it, always 5 for now), a
/// reason code and an open "why" (both only asked for a rating of 1–3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsatAnswer {
    pub rating: i64,
    pub scale: i64,
    pub reason: Option<String>,
    pub why: Option<String>,
}

impl Store {
    /// The complaint and rating of each CSAT request in `ids` that has an answer: request id →
    /// (complaint id, rating). For the list behind a CSAT number.
    pub async fn csat_answers_of(
        &self,
        ids: &[i64],
    ) -> StoreResult<std::collections::HashMap<i64, (i64, i64)>> {
        let mut out = std::collections::HashMap::new();
        for chunk in ids.chunks(500) {
            let mut sql = crate::kernel::sql::Sql::new(
                self.engine(),
                "SELECT r.id, r.complaint_id, a.rating FROM csat_requests r \
                 JOIN csat_answers a ON a.request_id = r.id WHERE r.id IN (",
            );
            for (i, id) in chunk.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                sql.bind(*id);
            }
            sql.push(")");
            for row in sql.build().fetch_all(self.read()).await? {
                out.insert(
                    row.try_get("id")?,
                    (row.try_get("complaint_id")?, row.try_get("rating")?),
                );
            }
        }
        Ok(out)
    }

    /// The request for the resolution of `complaint` at `resolved_at`, made now if it is the
    /// first time (concurrent callers agree on one). Returns its id.
    pub async fn csat_request(
        &self,
        complaint: ComplaintId,
        resolved_at: Timestamp,
        assignee: Option<EmployeeId>,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut tx = self.write().begin().await?;
        sqlx::query(
            "INSERT INTO csat_requests (complaint_id, resolved_at, assignee_id, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (complaint_id, resolved_at) DO NOTHING",
        )
        .bind(complaint.0)
        .bind(us(resolved_at))
        .bind(assignee.map(|e| e.0))
        .bind(us(now))
        .execute(&mut *tx)
        .await?;
        let row = sqlx::query(
            "SELECT id FROM csat_requests WHERE complaint_id = $1 AND resolved_at = $2",
        )
        .bind(complaint.0)
        .bind(us(resolved_at))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(row.try_get("id")?)
    }

    /// The private link token of request `id`.
    pub async fn csat_token(&self, id: i64) -> StoreResult<String> {
        let key = self.status_key().await?;
        let tag = mac(&key, id).finalize().into_bytes();
        Ok(format!("{id}.{}", URL_SAFE_NO_PAD.encode(tag)))
    }

    /// The request a token names, or `None` when the token is malformed, forged (its
    /// signature is compared in constant time) or names no request.
    pub async fn csat_request_for_token(&self, token: &str) -> StoreResult<Option<CsatRequest>> {
        let Some((id, tag)) = token.split_once('.') else {
            return Ok(None);
        };
        let (Ok(id), Ok(tag)) = (id.parse::<i64>(), URL_SAFE_NO_PAD.decode(tag)) else {
            return Ok(None);
        };
        if id <= 0 || tag.len() != 32 {
            return Ok(None);
        }
        let key = self.status_key().await?;
        if mac(&key, id).verify_slice(&tag).is_err() {
            return Ok(None);
        }
        self.csat_request_by_id(id).await
    }

    /// Request `id`, with when it was answered, if it exists.
    pub async fn csat_request_by_id(&self, id: i64) -> StoreResult<Option<CsatRequest>> {
        self.csat_request_where("r.id = $1", id, None).await
    }

    /// The request about the resolution of `complaint` at `resolved_at`, if it was made: the
    /// one a status page answers, as the mailed link does.
    pub async fn csat_request_of(
        &self,
        complaint: ComplaintId,
        resolved_at: Timestamp,
    ) -> StoreResult<Option<CsatRequest>> {
        let cond = "r.complaint_id = $1 AND r.resolved_at = $2";
        self.csat_request_where(cond, complaint.0, Some(us(resolved_at)))
            .await
    }

    async fn csat_request_where(
        &self,
        cond: &'static str,
        first: i64,
        second: Option<i64>,
    ) -> StoreResult<Option<CsatRequest>> {
        let sql = format!(
            "SELECT r.id, r.complaint_id, r.resolved_at, r.assignee_id, r.created_at, \
             a.answered_at, a.rating FROM csat_requests r \
             LEFT JOIN csat_answers a ON a.request_id = r.id WHERE {cond}"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(first);
        if let Some(v) = second {
            q = q.bind(v);
        }
        let row = q.fetch_optional(self.write()).await?;
        row.map(|r| -> StoreResult<CsatRequest> {
            Ok(CsatRequest {
                id: r.try_get("id")?,
                complaint_id: ComplaintId(r.try_get("complaint_id")?),
                resolved_at: ts(r.try_get("resolved_at")?),
                assignee_id: r.try_get::<Option<i64>, _>("assignee_id")?.map(EmployeeId),
                created_at: ts(r.try_get("created_at")?),
                answered_at: opt_ts(r.try_get("answered_at")?),
                rating: r.try_get("rating")?,
            })
        })
        .transpose()
    }

    /// Stores the one answer to request `id` and, in the same transaction, the change it
    /// makes to its complaint (`entries`, as [`Store::change_complaint_all`] takes them): both
    /// are stored or neither. A second answer is refused (`Conflict` on `token`, reason
    /// `csat_answered`), whoever wins a race.
    pub async fn record_csat_answer(
        &self,
        id: i64,
        answer: &CsatAnswer,
        complaint: ComplaintId,
        actor: &Actor,
        now: Timestamp,
        entries: Vec<Entry<'_>>,
    ) -> StoreResult<Complaint> {
        let mut tx = self.write().begin().await?;
        sqlx::query(
            "INSERT INTO csat_answers (request_id, rating, scale, reason, why, answered_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(answer.rating)
        .bind(answer.scale)
        .bind(answer.reason.clone())
        .bind(answer.why.clone())
        .bind(us(now))
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::unique(e, "token", CSAT_ANSWERED))?;
        let changed = self
            .change_in(&mut tx, complaint, None, actor, now, entries)
            .await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// When the message about `event_key` went out, if it did (from the mail log).
    pub async fn mail_sent_at(&self, event_key: &str) -> StoreResult<Option<Timestamp>> {
        let row = sqlx::query("SELECT sent_at FROM sent_mail WHERE event_key = $1")
            .bind(event_key.to_owned())
            .fetch_optional(self.write())
            .await?;
        Ok(row.map(|r| r.try_get("sent_at")).transpose()?.map(ts))
    }

    /// Whether `channel` asks for satisfaction after resolution (default: yes).
    pub async fn csat_enabled(&self, channel: &str) -> StoreResult<bool> {
        let row = sqlx::query("SELECT enabled FROM csat_channels WHERE channel = $1")
            .bind(channel.to_owned())
            .fetch_optional(self.write())
            .await?;
        Ok(row
            .map(|r| r.try_get::<i64, _>("enabled"))
            .transpose()?
            .is_none_or(|e| e == 1))
    }

    /// Turns the CSAT request of `channel` on or off.
    pub async fn set_csat_enabled(&self, channel: &str, enabled: bool) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO csat_channels (channel, enabled) VALUES ($1, $2) \
             ON CONFLICT (channel) DO UPDATE SET enabled = excluded.enabled",
        )
        .bind(channel.to_owned())
        .bind(i64::from(enabled))
        .execute(self.write())
        .await?;
        Ok(())
    }
}
