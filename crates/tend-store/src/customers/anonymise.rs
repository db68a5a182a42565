//! Anonymising a customer, irreversibly and in one transaction: their name, contact details
//! and notes, the free text they wrote (complaint descriptions, subjects, proposals, their
//! messages) and every other mention of those details in staff text, the timeline and the mail
//! log are erased; ids, counts, categories, statuses, dates, amounts, ratings and the coarse
//! demographics the figures use (country, gender, education level, birth year, language) are
//! kept, so goals and rankings stay true.
//!
//! The timeline stays append-only: old events are not rewritten, only erased — the database
//! lets an UPDATE set a value to the literal [`ERASED`] and nothing else, and only for a
//! complaint with a row in the append-only `complaint_anonymisations` log, written first
//! (migration `0021_customers_anonymisation`). The anonymisation is itself a timeline event.

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::CustomerId;

use super::consent::set_consent_in;
use crate::complaints::Actor;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

/// What erased text reads as.
pub const ERASED: &str = "[anonymised]";
/// The name an anonymised customer keeps.
pub const ANONYMOUS_NAME: &str = "Anonymised customer";

/// Complaint columns the customer wrote: replaced whole.
const THEIRS: [&str; 3] = ["description", "subject", "customer_proposal"];
/// Complaint columns staff wrote: the customer's details are cut out of them.
const STAFF_TEXT: [&str; 11] = [
    "facts",
    "root_cause",
    "agreed_solution",
    "corrective_action",
    "compensation_note",
    "prevention_suggestion",
    "follow_up_note",
    "escalation_reason",
    "close_reason",
    "reopen_reason",
    "waiting_reason",
];

/// `text` with every mention of `personal` (as written, lower- or upper-cased) erased.
fn scrub(text: &str, personal: &[String]) -> String {
    let mut out = text.to_owned();
    for p in personal {
        for form in [p.clone(), p.to_lowercase(), p.to_uppercase()] {
            out = out.replace(&form, ERASED);
        }
    }
    out
}

/// Whether `text` holds any of `needles` (ignoring case).
fn mentions(text: &str, needles: &[String]) -> bool {
    let lower = text.to_lowercase();
    needles.iter().any(|n| lower.contains(&n.to_lowercase()))
}

async fn texts(
    conn: &mut AnyConnection,
    sql: &str,
    id: i64,
) -> sqlx::Result<Vec<sqlx::any::AnyRow>> {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(id)
        .fetch_all(&mut *conn)
        .await
}

impl Store {
    /// Anonymises customer `id` (see the module's documentation); `actor` is recorded in the
    /// anonymisation log and in each complaint's timeline. Returns how many complaints were
    /// touched. Irreversible. Errors: `NotFound("customer")`.
    pub async fn anonymise_customer(
        &self,
        id: CustomerId,
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<u64> {
        let mut tx = self.write().begin().await?;
        let c = sqlx::query(
            "SELECT name, address, phone, email, city, region, notes, external_ref FROM customers WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound("customer"))?;
        let mut personal: Vec<String> = Vec::new();
        for col in [
            "name",
            "address",
            "phone",
            "email",
            "city",
            "region",
            "notes",
            "external_ref",
        ] {
            if let Some(v) = c.try_get::<Option<String>, _>(col)?
                && v.trim().chars().count() >= 3
                && v != ANONYMOUS_NAME
            {
                personal.push(v.trim().to_owned());
            }
        }
        let email: Option<String> = c.try_get("email")?;
        let complaints: Vec<i64> = texts(
            &mut tx,
            "SELECT id FROM complaints WHERE customer_id = $1 ORDER BY id",
            id.0,
        )
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<sqlx::Result<_>>()?;
        // What the customer wrote: erased wherever it was copied (the timeline).
        let mut written: Vec<String> = personal.clone();
        for &cid in &complaints {
            sqlx::query(
                "INSERT INTO complaint_anonymisations (complaint_id, customer_id, actor_id, at) VALUES ($1, $2, $3, $4)",
            )
            .bind(cid)
            .bind(id.0)
            .bind(actor.id.map(|e| e.0))
            .bind(us(now))
            .execute(&mut *tx)
            .await?;
            let cols = THEIRS
                .iter()
                .chain(&STAFF_TEXT)
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            let row = texts(
                &mut tx,
                &format!("SELECT {cols} FROM complaints WHERE id = $1"),
                cid,
            )
            .await?;
            let row = &row[0];
            let mut sets = Vec::new();
            let mut values: Vec<Option<String>> = Vec::new();
            for col in THEIRS {
                let v: Option<String> = row.try_get(col)?;
                if let Some(v) = v.filter(|v| v != ERASED) {
                    written.push(v);
                    sets.push(col);
                    values.push(Some(ERASED.to_owned()));
                }
            }
            for col in STAFF_TEXT {
                if let Some(v) = row.try_get::<Option<String>, _>(col)? {
                    let s = scrub(&v, &personal);
                    if s != v {
                        sets.push(col);
                        values.push(Some(s));
                    }
                }
            }
            let assign: Vec<String> = sets
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c} = ${}", i + 3))
                .collect();
            let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE complaints SET version = version + 1, updated_at = $1{}{} WHERE id = $2",
                if assign.is_empty() { "" } else { ", " },
                assign.join(", ")
            )))
            .bind(us(now))
            .bind(cid);
            for v in values {
                q = q.bind(v);
            }
            q.execute(&mut *tx).await?;
            for s in texts(
                &mut tx,
                "SELECT id, author_id, text FROM complaint_steps WHERE complaint_id = $1",
                cid,
            )
            .await?
            {
                let text: String = s.try_get("text")?;
                let by_customer = s.try_get::<Option<i64>, _>("author_id")?.is_none();
                let new = if by_customer {
                    ERASED.to_owned()
                } else {
                    scrub(&text, &personal)
                };
                if by_customer && text != ERASED {
                    written.push(text.clone());
                }
                if new != text {
                    sqlx::query("UPDATE complaint_steps SET text = $1 WHERE id = $2")
                        .bind(new)
                        .bind(s.try_get::<i64, _>("id")?)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            // The conversation: the customer's messages erased, staff's scrubbed.
            let sql = "SELECT id, kind, body FROM complaint_messages WHERE complaint_id = $1";
            for m in texts(&mut tx, sql, cid).await? {
                let (body, kind): (String, String) = (m.try_get("body")?, m.try_get("kind")?);
                let theirs = kind == "customer";
                let new = if theirs {
                    ERASED.to_owned()
                } else {
                    scrub(&body, &personal)
                };
                if theirs && body != ERASED {
                    written.push(body.clone());
                }
                if new != body {
                    sqlx::query("UPDATE complaint_messages SET body = $1 WHERE id = $2")
                        .bind(new)
                        .bind(m.try_get::<i64, _>("id")?)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        written.retain(|w| w.trim().chars().count() >= 3 && w != ERASED);
        for &cid in &complaints {
            for e in texts(
                &mut tx,
                "SELECT id, old_value, new_value FROM complaint_events WHERE complaint_id = $1",
                cid,
            )
            .await?
            {
                let erase = |col: &str| -> sqlx::Result<bool> {
                    Ok(e.try_get::<Option<String>, _>(col)?
                        .is_some_and(|v| v != ERASED && mentions(&v, &written)))
                };
                let (old, new) = (erase("old_value")?, erase("new_value")?);
                if old || new {
                    sqlx::query(
                        "UPDATE complaint_events SET old_value = CASE WHEN $1 = 1 THEN $3 ELSE old_value END, \
                         new_value = CASE WHEN $2 = 1 THEN $3 ELSE new_value END WHERE id = $4",
                    )
                    .bind(i64::from(old))
                    .bind(i64::from(new))
                    .bind(ERASED)
                    .bind(e.try_get::<i64, _>("id")?)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            sqlx::query(
                "INSERT INTO complaint_events (complaint_id, at, actor_id, actor, action) VALUES ($1, $2, $3, $4, 'anonymised')",
            )
            .bind(cid)
            .bind(us(now))
            .bind(actor.id.map(|e| e.0))
            .bind(actor.label.clone())
            .execute(&mut *tx)
            .await?;
        }
        set_consent_in(&mut tx, id, false, ConsentVia::Anonymised, now).await?;
        sqlx::query(
            "UPDATE customers SET name = $1, name_folded = $2, address = NULL, phone = NULL, email = NULL, \
             email_folded = NULL, city = NULL, region = NULL, notes = NULL, external_ref = NULL, updated_at = $3, \
             search_folded = $5, phone_digits = NULL WHERE id = $4",
        )
        .bind(ANONYMOUS_NAME)
        .bind(ANONYMOUS_NAME.to_lowercase())
        .bind(us(now))
        .bind(id.0)
        .bind(super::rows::search_folded(ANONYMOUS_NAME, None, None))
        .execute(&mut *tx)
        .await?;
        crate::conversations::erase_inbound(&mut tx, email.as_deref(), &complaints).await?;
        if let Some(email) = email {
            sqlx::query("UPDATE sent_mail SET recipient = $1 WHERE lower(recipient) = lower($2)")
                .bind(ERASED)
                .bind(email.clone())
                .execute(&mut *tx)
                .await?;
            // Queued work that would mail them (its payload carries their address) goes too.
            sqlx::query("DELETE FROM jobs WHERE payload LIKE $1")
                .bind(format!("%\"{}\"%", email.replace(['%', '_'], "")))
                .execute(&mut *tx)
                .await?;
        }
        for &cid in &complaints {
            let cid = tend_domain::kernel::ids::ComplaintId(cid);
            crate::kernel::search::reindex(&mut tx, self.engine(), cid).await?;
        }
        tx.commit().await?;
        Ok(complaints.len() as u64)
    }
}
