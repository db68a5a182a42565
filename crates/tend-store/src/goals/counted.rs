//! The measures counted row by row in Rust: first response and resolution within the
//! response standard (due times in each channel's service hours, from the domain's rule),
//! complainants satisfied (follow-up, else the latest CSAT answer) and NPS (answers to the NPS
//! questions of each survey's definition).

use std::collections::HashMap;

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::catalog::ChannelCode;
use tend_domain::complaints::Priority;
use tend_domain::goals::{Scale, Tally};
use tend_domain::surveys::Kind;

use super::measures::{Counted, Measured, Scope};
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::{opt_ts, ts};
use crate::store::Store;

impl Store {
    pub(super) async fn within_standard(
        &self,
        resolution: bool,
        scope: &Scope,
        from: i64,
        to: i64,
        as_of: Timestamp,
    ) -> StoreResult<Measured> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT c.id, c.channel, c.priority, c.received_at, c.paused_minutes, \
             c.first_response_at, c.resolved_at, c.waiting_since FROM complaints c \
             WHERE c.kind = 'complaint' AND c.received_at >= ",
        );
        sql.bind(from).push(" AND c.received_at < ").bind(to);
        scope.complaints(&mut sql);
        sql.push(" ORDER BY c.id");
        let mut settings = HashMap::new();
        let mut rows = Vec::new();
        for row in sql.build().fetch_all(self.read()).await? {
            let channel: String = row.try_get("channel")?;
            let priority: String = row.try_get("priority")?;
            let Ok(priority) = Priority::parse(&priority) else {
                continue;
            };
            if !settings.contains_key(&channel) {
                let code = ChannelCode::parse(&channel).map_err(|_| sqlx::Error::ColumnDecode {
                    index: "channel".into(),
                    source: channel.clone().into(),
                })?;
                settings.insert(channel.clone(), self.channel_settings(&code).await?);
            }
            let (hours, standards) = &settings[&channel];
            let received = ts(row.try_get("received_at")?);
            let paused: i64 = row.try_get("paused_minutes")?;
            let Ok((first, resolve)) = standards.due(hours, priority, received, paused) else {
                continue;
            };
            let (due, done) = if resolution {
                (resolve, opt_ts(row.try_get("resolved_at")?))
            } else {
                (first, opt_ts(row.try_get("first_response_at")?))
            };
            let Some(due) = due else { continue };
            let waiting: Option<i64> = row.try_get("waiting_since")?;
            let id: i64 = row.try_get("id")?;
            match done {
                Some(d) if d <= as_of => rows.push((id, d <= due)),
                _ if waiting.is_none() && due <= as_of => rows.push((id, false)),
                _ => {}
            }
        }
        Ok(Measured::of(Scale::Percent, "complaint", rows))
    }

    /// Complainants satisfied, one per customer: each customer with a complaint resolved in the
    /// window that has an answer (follow-up, else the latest CSAT rating) counts once, by the
    /// answer on their most recently resolved such complaint (ties: the higher id).
    pub(super) async fn satisfied(
        &self,
        scope: &Scope,
        from: i64,
        to: i64,
    ) -> StoreResult<Measured> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT c.id, c.customer_id, c.resolved_at, c.follow_up_outcome, (SELECT a.rating \
             FROM csat_requests r JOIN csat_answers a ON a.request_id = r.id \
             WHERE r.complaint_id = c.id ORDER BY a.answered_at DESC, r.id DESC LIMIT 1) AS rating \
             FROM complaints c WHERE c.kind = 'complaint' AND c.resolved_at >= ",
        );
        sql.bind(from).push(" AND c.resolved_at < ").bind(to);
        scope.complaints(&mut sql);
        sql.push(" ORDER BY c.resolved_at, c.id");
        // Rows come oldest resolution first, so each customer ends with their latest answer.
        let mut latest: HashMap<i64, bool> = HashMap::new();
        for row in sql.build().fetch_all(self.read()).await? {
            let outcome: Option<String> = row.try_get("follow_up_outcome")?;
            let rating: Option<i64> = row.try_get("rating")?;
            let satisfied = match (outcome.as_deref(), rating) {
                (Some("satisfied"), _) => Some(true),
                (Some("not_satisfied"), _) => Some(false),
                (_, Some(r)) => Some(r >= 4),
                _ => None,
            };
            if let Some(yes) = satisfied {
                latest.insert(row.try_get("customer_id")?, yes);
            }
        }
        Ok(Measured::of(
            Scale::Percent,
            "customer",
            latest.into_iter().collect(),
        ))
    }

    pub(super) async fn nps(&self, from: i64, to: i64) -> StoreResult<Measured> {
        let mut nps_questions = HashMap::new();
        for s in self.list_surveys().await? {
            for (i, q) in s.survey.questions.iter().enumerate() {
                if q.kind == Kind::Nps {
                    nps_questions.insert((s.id.0, i as i64 + 1), ());
                }
            }
        }
        let mut sql = Sql::new(
            self.engine(),
            "SELECT r.id, r.survey_id, a.question, a.number FROM survey_answers a \
             JOIN survey_responses r ON r.id = a.response_id \
             WHERE a.number IS NOT NULL AND r.completed_at >= ",
        );
        sql.bind(from)
            .push(" AND r.completed_at < ")
            .bind(to)
            .push(" ORDER BY r.id, a.question");
        let mut records = Vec::new();
        let mut net = 0;
        for row in sql.build().fetch_all(self.read()).await? {
            let key = (row.try_get("survey_id")?, row.try_get("question")?);
            if !nps_questions.contains_key(&key) {
                continue;
            }
            let score: i64 = row.try_get("number")?;
            net += match score {
                9..=10 => 1,
                0..=6 => -1,
                _ => 0,
            };
            records.push(Counted {
                kind: "survey_response",
                id: row.try_get("id")?,
                in_numerator: score >= 9,
            });
        }
        Ok(Measured {
            tally: Tally {
                numerator: net,
                denominator: records.len() as i64,
            },
            scale: Scale::Points,
            records,
        })
    }
}
