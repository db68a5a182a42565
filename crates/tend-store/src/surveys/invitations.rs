//! Survey invitations: customers invited by a chosen list or a segment — only those with an
//! address who agreed to be contacted (the consent log keeps `consent_to_contact` current) —
//! each once per survey, with a private link (`"{invitation}.{base64url HMAC-SHA256}"`, keyed
//! like status links); and the response rate's counts.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use jiff::Timestamp;
use sha2::Sha256;
use sqlx::{AnyConnection, Row};
use tend_domain::kernel::ids::{CustomerId, EmployeeId};
use tend_domain::surveys::SurveyId;

use crate::jobs::{NewJob, insert_many};
use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::segments::Members;
use crate::store::Store;

fn mac(key: &[u8], invitation: i64) -> Hmac<Sha256> {
    let mut m = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    m.update(b"tend-survey-invitation:");
    m.update(invitation.to_string().as_bytes());
    m
}

/// Who is invited: a list of customers, or the customers (every customer when every filter
/// is empty) by country (ISO code), preferred language and a saved customer segment's members
/// (`segments::Members`). Either way only those with an e-mail address and consent to
/// contact are invited.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Audience {
    pub customers: Vec<CustomerId>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub segment: Option<Members>,
    /// The relationship schedule's rule instead of "once per survey": customers asked by any
    /// survey (an invitation, or a satisfaction request) after this instant are left out as
    /// `already`, and others may be invited to this survey again.
    pub not_asked_since: Option<Timestamp>,
}

/// What an invitation round did: invitations made, and those chosen but left out (no consent
/// or no address), and those invited before (or asked within the cooldown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Invited {
    pub invited: u64,
    pub without_consent: u64,
    pub already: u64,
}

/// One invitation, as its mail job reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: i64,
    pub survey_id: SurveyId,
    pub customer_id: CustomerId,
    pub language: String,
    pub invited_at: Timestamp,
    /// Its response is complete.
    pub answered: bool,
    /// Its mail came back.
    pub bounced: bool,
}

/// A survey's invitation counts: `invited`; `sent` (their invitation mail logged as sent);
/// `bounced` (sent, then came back); `answered` (complete responses through an invitation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InvitationCounts {
    pub invited: u64,
    pub sent: u64,
    pub bounced: u64,
    pub answered: u64,
}

impl Store {
    /// Invites `audience` to survey `id` in one transaction: each customer chosen with an
    /// address and consent, not invited before (or, with `not_asked_since`, not asked by any
    /// survey since), gets an invitation in `language_of(their preferred language)` and the
    /// jobs `jobs(invitation id)` makes.
    pub async fn invite_to_survey(
        &self,
        id: SurveyId,
        audience: &Audience,
        by: Option<EmployeeId>,
        language_of: impl Fn(Option<&str>) -> String,
        jobs: impl Fn(i64) -> Vec<NewJob>,
        now: Timestamp,
    ) -> StoreResult<Invited> {
        let mut tx = self.write().begin().await?;
        let out = invite_in(
            &mut tx,
            self.engine(),
            id,
            audience,
            by,
            language_of,
            jobs,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Invitation `id`, if there is one.
    pub async fn survey_invitation(&self, id: i64) -> StoreResult<Option<Invitation>> {
        let row = sqlx::query(
            "SELECT i.id, i.survey_id, i.customer_id, i.language, i.invited_at, i.bounced_at, \
             r.completed_at \
             FROM survey_invitations i LEFT JOIN survey_responses r ON r.invitation_id = i.id \
             WHERE i.id = $1",
        )
        .bind(id)
        .fetch_optional(self.write())
        .await?;
        row.map(|r| {
            Ok(Invitation {
                id: r.try_get("id")?,
                survey_id: SurveyId(r.try_get("survey_id")?),
                customer_id: CustomerId(r.try_get("customer_id")?),
                language: r.try_get("language")?,
                invited_at: crate::kernel::time::ts(r.try_get("invited_at")?),
                answered: r.try_get::<Option<i64>, _>("completed_at")?.is_some(),
                bounced: r.try_get::<Option<i64>, _>("bounced_at")?.is_some(),
            })
        })
        .transpose()
    }

    /// The private link token of invitation `id`.
    pub async fn survey_invitation_token(&self, id: i64) -> StoreResult<String> {
        let key = self.status_key().await?;
        let tag = mac(&key, id).finalize().into_bytes();
        Ok(format!("{id}.{}", URL_SAFE_NO_PAD.encode(tag)))
    }

    /// The invitation a token names, or `None` when it is malformed, forged (compared in
    /// constant time) or names none.
    pub async fn survey_invitation_for_token(
        &self,
        token: &str,
    ) -> StoreResult<Option<Invitation>> {
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
        self.survey_invitation(id).await
    }

    /// The counts the response rate is computed from; `event_prefix` is the invitation mail's
    /// event key before the invitation id (e.g. `survey_invitation:`).
    pub async fn survey_invitation_counts(
        &self,
        id: SurveyId,
        event_prefix: &str,
    ) -> StoreResult<InvitationCounts> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS invited, \
             COUNT(m.event_key) AS sent, \
             COUNT(CASE WHEN m.event_key IS NOT NULL AND i.bounced_at IS NOT NULL THEN 1 END) \
               AS bounced, \
             COUNT(CASE WHEN m.event_key IS NOT NULL AND i.bounced_at IS NULL \
               AND r.completed_at IS NOT NULL THEN 1 END) AS answered \
             FROM survey_invitations i \
             LEFT JOIN sent_mail m ON m.event_key = $1 || CAST(i.id AS TEXT) \
             LEFT JOIN survey_responses r ON r.invitation_id = i.id \
             WHERE i.survey_id = $2",
        )
        .bind(event_prefix)
        .bind(id.0)
        .fetch_one(self.read())
        .await?;
        let n = |c: &str| -> StoreResult<u64> {
            Ok(u64::try_from(row.try_get::<i64, _>(c)?).unwrap_or(0))
        };
        Ok(InvitationCounts {
            invited: n("invited")?,
            sent: n("sent")?,
            bounced: n("bounced")?,
            answered: n("answered")?,
        })
    }

    /// Marks invitation `id`'s mail as returned (a bounce): it no longer counts as delivered.
    pub async fn survey_invitation_bounced(&self, id: i64, now: Timestamp) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE survey_invitations SET bounced_at = $1 WHERE id = $2 AND bounced_at IS NULL",
        )
        .bind(us(now))
        .bind(id)
        .execute(self.write())
        .await?;
        if done.rows_affected() == 0 {
            self.survey_invitation(id)
                .await?
                .ok_or(StoreError::NotFound("invitation"))?;
        }
        Ok(())
    }
}

/// The invitation round of [`Store::invite_to_survey`] inside `tx`, its jobs stored too.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn invite_in(
    tx: &mut AnyConnection,
    engine: Engine,
    id: SurveyId,
    audience: &Audience,
    by: Option<EmployeeId>,
    language_of: impl Fn(Option<&str>) -> String,
    jobs: impl Fn(i64) -> Vec<NewJob>,
    now: Timestamp,
) -> StoreResult<Invited> {
    let mut sql = Sql::new(
        engine,
        "SELECT c.id, c.preferred_language, c.consent_to_contact, c.email, ",
    );
    match audience.not_asked_since {
        None => {
            sql.push("(SELECT COUNT(*) FROM survey_invitations i WHERE i.survey_id = ");
            sql.bind(id.0);
            sql.push(" AND i.customer_id = c.id)");
        }
        Some(since) => {
            // Asked by any survey after `since`: an invitation, or a satisfaction request
            // about one of their complaints.
            sql.push("(SELECT COUNT(*) FROM survey_invitations i WHERE i.customer_id = c.id AND i.invited_at > ");
            sql.bind(us(since));
            sql.push(") + (SELECT COUNT(*) FROM csat_requests q JOIN complaints k ON k.id = q.complaint_id WHERE k.customer_id = c.id AND q.created_at > ");
            sql.bind(us(since));
            sql.push(")");
        }
    }
    sql.push(" AS invited FROM customers c WHERE 1 = 1");
    if !audience.customers.is_empty() {
        sql.push(" AND c.id IN (");
        for (n, c) in audience.customers.iter().enumerate() {
            if n > 0 {
                sql.push(", ");
            }
            sql.bind(c.0);
        }
        sql.push(")");
    }
    if let Some(country) = &audience.country {
        sql.push(" AND c.country = ");
        sql.bind(country.clone());
    }
    if let Some(lang) = &audience.language {
        sql.push(" AND c.preferred_language = ");
        sql.bind(lang.clone());
    }
    if let Some(m) = &audience.segment {
        m.push_in(&mut sql, "c.id");
    }
    sql.push(" ORDER BY c.id");
    let rows = sql.build().fetch_all(&mut *tx).await?;
    let mut out = Invited::default();
    let mut new_jobs = Vec::new();
    for r in rows {
        let consent = r.try_get::<i64, _>("consent_to_contact")? == 1;
        let email: Option<String> = r.try_get("email")?;
        if r.try_get::<i64, _>("invited")? > 0 {
            out.already += 1;
            continue;
        }
        if !consent || email.is_none() {
            out.without_consent += 1;
            continue;
        }
        let lang: Option<String> = r.try_get("preferred_language")?;
        let invitation: i64 = sqlx::query(
            "INSERT INTO survey_invitations (survey_id, customer_id, language, invited_by, \
             invited_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(id.0)
        .bind(r.try_get::<i64, _>("id")?)
        .bind(language_of(lang.as_deref()))
        .bind(by.map(|e| e.0))
        .bind(us(now))
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        new_jobs.extend(jobs(invitation));
        out.invited += 1;
    }
    insert_many(&mut *tx, engine, &new_jobs, now).await?;
    Ok(out)
}
