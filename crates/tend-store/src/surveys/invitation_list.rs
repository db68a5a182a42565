//! A survey's invitations one by one, as the API lists them: who, in which language, when
//! invited, when its mail and its reminder were logged as sent, when it bounced and when it
//! was answered, with its status by the one rule (`InvitationStatus::of`, written here in SQL
//! so that a status filter pages by keyset like the rest).

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::CustomerId;
use tend_domain::surveys::{InvitationStatus, SurveyId};

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::Sql;
use crate::kernel::time::{opt_ts, ts};
use crate::store::Store;

/// One invitation with what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRow {
    pub id: i64,
    pub customer_id: CustomerId,
    pub language: String,
    pub invited_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    pub reminded_at: Option<Timestamp>,
    pub bounced_at: Option<Timestamp>,
    pub answered_at: Option<Timestamp>,
    pub status: InvitationStatus,
}

/// The status rule of `InvitationStatus::of` over the columns below.
const STATUS: &str = "CASE WHEN i.bounced_at IS NOT NULL THEN 'bounced' \
    WHEN r.completed_at IS NOT NULL THEN 'answered' \
    WHEN rm.event_key IS NOT NULL THEN 'reminded' \
    WHEN m.event_key IS NOT NULL THEN 'sent' ELSE 'pending' END";

impl Store {
    /// Survey `id`'s invitations by id after `after`, at most `limit`, only those of
    /// `status` when given. `sent_prefix` and `reminder_prefix` are the mails' event keys
    /// before the invitation id.
    #[allow(clippy::too_many_arguments)]
    pub async fn survey_invitation_list(
        &self,
        id: SurveyId,
        sent_prefix: &str,
        reminder_prefix: &str,
        status: Option<InvitationStatus>,
        after: i64,
        limit: i64,
    ) -> StoreResult<Vec<InvitationRow>> {
        let mut sql = Sql::new(
            self.engine(),
            format!(
                "SELECT * FROM (SELECT i.id, i.customer_id, i.language, i.invited_at, \
                 m.sent_at AS sent_at, rm.sent_at AS reminded_at, i.bounced_at, \
                 r.completed_at AS answered_at, {STATUS} AS status \
                 FROM survey_invitations i \
                 LEFT JOIN sent_mail m ON m.event_key = "
            ),
        );
        sql.bind(sent_prefix.to_owned());
        sql.push(" || CAST(i.id AS TEXT) LEFT JOIN sent_mail rm ON rm.event_key = ");
        sql.bind(reminder_prefix.to_owned());
        sql.push(
            " || CAST(i.id AS TEXT) \
             LEFT JOIN survey_responses r ON r.invitation_id = i.id WHERE i.survey_id = ",
        );
        sql.bind(id.0);
        sql.push(" AND i.id > ");
        sql.bind(after);
        sql.push(") x");
        if let Some(s) = status {
            sql.push(" WHERE x.status = ");
            sql.bind(s.as_str().to_owned());
        }
        sql.push(" ORDER BY x.id LIMIT ");
        sql.bind(limit);
        let rows = sql.build().fetch_all(self.read()).await?;
        rows.iter()
            .map(|r| {
                let status: String = r.try_get("status")?;
                Ok(InvitationRow {
                    id: r.try_get("id")?,
                    customer_id: CustomerId(r.try_get("customer_id")?),
                    language: r.try_get("language")?,
                    invited_at: ts(r.try_get("invited_at")?),
                    sent_at: opt_ts(r.try_get("sent_at")?),
                    reminded_at: opt_ts(r.try_get("reminded_at")?),
                    bounced_at: opt_ts(r.try_get("bounced_at")?),
                    answered_at: opt_ts(r.try_get("answered_at")?),
                    status: InvitationStatus::parse(&status).ok_or_else(|| {
                        StoreError::Database(sqlx::Error::Decode(
                            format!("invitation status {status}").into(),
                        ))
                    })?,
                })
            })
            .collect()
    }
}
