//! A survey's open answers, newest first, searchable: read a page at a time in the order of
//! the index `survey_responses_done` (survey, completion, response) and continued after the
//! last row seen, so a listing with a limit reads about that many rows, not the whole survey.

use sqlx::Row;
use tend_domain::surveys::SurveyId;

use super::tallies::{OpenAnswer, TallyFilter};
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// Rows read per page while searching (the search folds case in Rust, alike on both engines).
const PAGE: usize = 500;

impl Store {
    /// The open answers of complete responses that `f` selects, newest first: every one whose
    /// text contains `search` (case-folded alike on both engines), at most `limit`.
    pub async fn survey_open_answers(
        &self,
        id: SurveyId,
        f: &TallyFilter,
        search: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<OpenAnswer>> {
        let needle = search
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(crate::customers::fold);
        let page = if needle.is_some() {
            PAGE.max(limit)
        } else {
            limit
        };
        let mut out = Vec::new();
        // The last row seen: (completed_at, response, question).
        let mut after: Option<(i64, i64, i64)> = None;
        while out.len() < limit {
            let mut sql = Sql::new(
                self.engine(),
                "SELECT a.response_id, a.question, a.text, r.completed_at \
                 FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id \
                 WHERE r.completed_at IS NOT NULL AND a.number IS NULL AND a.choices IS NULL \
                 AND a.text IS NOT NULL AND r.survey_id = ",
            );
            sql.bind(id.0);
            if let Some(from) = f.from {
                sql.push(" AND r.completed_at >= ").bind(us(from));
            }
            if let Some(to) = f.to {
                sql.push(" AND r.completed_at < ").bind(us(to));
            }
            if let Some(c) = &f.channel {
                sql.push(" AND r.channel = ").bind(c.clone());
            }
            if let Some((at, response, question)) = after {
                sql.push(" AND (r.completed_at < ").bind(at);
                sql.push(" OR (r.completed_at = ").bind(at);
                sql.push(" AND (r.id < ").bind(response);
                sql.push(" OR (r.id = ").bind(response);
                sql.push(" AND a.question > ").bind(question);
                sql.push("))))");
            }
            // The limit is written, not bound: PostgreSQL's generic plan for a bound limit may
            // sort every open answer instead of walking the index.
            sql.push(&format!(
                " ORDER BY r.completed_at DESC, r.id DESC, a.question LIMIT {page}"
            ));
            let rows = sql.build().fetch_all(self.read()).await?;
            let fetched = rows.len();
            for row in rows {
                let text: String = row.try_get("text")?;
                let response_id: i64 = row.try_get("response_id")?;
                let question: i64 = row.try_get("question")?;
                let completed_at: i64 = row.try_get("completed_at")?;
                after = Some((completed_at, response_id, question));
                if out.len() >= limit
                    || needle
                        .as_ref()
                        .is_some_and(|n| !crate::customers::fold(&text).contains(n.as_str()))
                {
                    continue;
                }
                out.push(OpenAnswer {
                    response_id,
                    question: question as usize,
                    text,
                    completed_at: ts(completed_at),
                });
            }
            if fetched < page {
                break;
            }
        }
        Ok(out)
    }
}
