//! Listing complaints: filters, full-text search and keyset paging, newest received first
//! (search results too are in that order, recency, never by relevance).
//!
//! Pages are cut with a cursor on `(received_at, id)`, never with OFFSET, and no page counts
//! the whole table, so a page costs the same at ten thousand rows as at a million.

use jiff::Timestamp;
use tend_domain::catalog::ChannelCode;
use tend_domain::complaints::{Kind, Status};
use tend_domain::kernel::ids::{CategoryId, CustomerId, EmployeeId, ProductId};
use tend_domain::kernel::reason::*;

use super::{Complaint, SELECT, from_row};
use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::search;
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::store::Store;

/// Where the next page starts: just after this `(received_at µs, id)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub received_at: i64,
    pub id: i64,
}

impl Cursor {
    /// `received_at µs` `_` `id`, both decimal.
    pub fn encode(&self) -> String {
        format!("{}_{}", self.received_at, self.id)
    }

    /// Reads back what [`Cursor::encode`] wrote: two decimal numbers without sign or leading
    /// zero, at most 18 digits each, joined by `_` (anything else is refused).
    pub fn decode(raw: &str) -> Result<Cursor, String> {
        let bad = || "is not a cursor this server gave out".to_owned();
        let number = |s: &str| {
            let ok = (1..=18).contains(&s.len())
                && s.bytes().all(|b| b.is_ascii_digit())
                && (s == "0" || !s.starts_with('0'));
            if ok { s.parse::<i64>().ok() } else { None }
        };
        let (a, b) = raw.split_once('_').ok_or_else(bad)?;
        Ok(Cursor {
            received_at: number(a).ok_or_else(bad)?,
            id: number(b).ok_or_else(bad)?,
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct ComplaintFilter {
    pub status: Option<Status>,
    pub kind: Option<Kind>,
    pub channel: Option<ChannelCode>,
    /// Matches the category and every category below it.
    pub category_id: Option<CategoryId>,
    pub customer_id: Option<CustomerId>,
    pub assignee_id: Option<EmployeeId>,
    pub escalated: Option<bool>,
    /// Resolved complaints whose follow-up was due by this instant and is not done yet.
    pub follow_up_due_by: Option<Timestamp>,
    pub received_from: Option<Timestamp>,
    pub received_to: Option<Timestamp>,
    pub q: Option<String>,
    pub after: Option<Cursor>,
    pub limit: u32,
    /// Oldest received first instead of newest first (the cursor walks the same way).
    pub oldest_first: bool,
    /// The product.
    pub product_id: Option<ProductId>,
    /// The support tier (0–3).
    pub tier: Option<i64>,
    /// Assigned to a member of staff of this team.
    pub team: Option<String>,
    /// First resolved at or after this instant (see `first_resolved_at`, migration 0125).
    pub resolved_from: Option<Timestamp>,
    /// First resolved before this instant.
    pub resolved_to: Option<Timestamp>,
    /// Open at this instant: received before it and neither first resolved nor closed by it
    /// (the operations report's backlog, docs/reports.md).
    pub open_at: Option<Timestamp>,
    /// With a first response (`true`) or without one (`false`).
    pub responded: Option<bool>,
    /// Reopened (a recorded reopen instant, migration 0180) at or after this instant.
    pub reopened_from: Option<Timestamp>,
    /// Reopened before this instant.
    pub reopened_to: Option<Timestamp>,
    /// Only those with this field not set (a report's "(none)" group).
    pub unset: Option<crate::reports::Unset>,
    /// In exactly this category, not those below it (a report's category group).
    pub category_exact: Option<CategoryId>,
    /// Only those a report's figure measured (its n, or those within the standard).
    pub measured: Option<crate::reports::Subset>,
    /// Only the complaints of a customer segment's members (membership at its instant).
    pub segment: Option<crate::segments::Members>,
}

pub struct ComplaintPage {
    pub items: Vec<Complaint>,
    pub next: Option<Cursor>,
}

/// Complaints a search on SQLite walks newest first, testing each, before it asks FTS5.
const WALK: u32 = 2000;

/// The largest page a caller may ask for.
pub const MAX_LIMIT: u32 = 200;

impl Store {
    /// A page of complaints matching `f`, in its order (`received_at`, then id).
    ///
    /// A search (`q`) on SQLite is answered in one of two ways with the same answer: first the
    /// newest [`WALK`] complaints the other filters keep are tested one by one against their
    /// documents (`complaint_docs`), which finds a page of a common word at once; when they hold
    /// less than a page, FTS5 finds every match (few, then) and they are sorted. On PostgreSQL
    /// the planner chooses between walking the recency index and the GIN index from its
    /// statistics of the documents' tokens. A `q` that is a complaint's reference
    /// (`C-2026-000123`, see `parse_complaint_reference`) also finds that complaint — or, when
    /// it was merged, the one it was merged into — whatever its text says.
    ///
    /// Errors: `limit` outside 1..=[`MAX_LIMIT`], a `q` with no word, the database's.
    pub async fn list_complaints(&self, f: &ComplaintFilter) -> StoreResult<ComplaintPage> {
        if !(1..=MAX_LIMIT).contains(&f.limit) {
            return Err(StoreError::field(
                "limit",
                RANGE.with("min", 1).with("max", MAX_LIMIT),
            ));
        }
        let words = match f.q.as_deref() {
            Some(q) => {
                let words = tend_domain::kernel::search_text::query_words(q);
                if words.is_empty() {
                    return Err(StoreError::field("q", SEARCH_WORDS));
                }
                Some(words)
            }
            None => None,
        };
        let order = if f.oldest_first { "ASC" } else { "DESC" };
        let reference =
            f.q.as_deref()
                .and_then(tend_domain::kernel::ids::parse_complaint_reference);
        if let Some(words) = &words
            && self.engine() == Engine::Sqlite
            && reference.is_none()
        {
            // Only the ids and times are walked (a covering index); the rows are read for the hits.
            let mut qb = Sql::new(
                self.engine(),
                "WITH recent AS (SELECT c.id AS rid, c.received_at AS rat FROM complaints c WHERE 1 = 1",
            );
            push_filters(&mut qb, f);
            qb.push(&format!(
                " ORDER BY c.received_at {order}, c.id {order} LIMIT {WALK}), \
                 hits AS (SELECT rid FROM recent JOIN complaint_docs d ON d.id = recent.rid WHERE "
            ));
            search::push_doc_test(&mut qb, words);
            qb.push(&format!(
                " ORDER BY rat {order}, rid {order} LIMIT {}) {} JOIN hits ON hits.rid = c.id",
                f.limit + 1,
                *SELECT
            ));
            let page = self.page(qb, f, order).await?;
            if page.next.is_some() {
                return Ok(page);
            }
        }
        let mut qb = Sql::new(self.engine(), format!("{} WHERE 1 = 1", *SELECT));
        push_filters(&mut qb, f);
        if let Some(words) = &words {
            qb.push(" AND (");
            if let Some((year, id)) = reference {
                // The complaint with that reference, or the one it was merged into (which
                // holds its timeline), besides those whose text mentions it.
                qb.push("c.id IN (SELECT r.id FROM complaints r WHERE r.id = ")
                    .bind(id.0)
                    .push(" AND r.reference_year = ")
                    .bind(i64::from(year))
                    .push(" UNION ALL SELECT r.merged_into FROM complaints r WHERE r.id = ")
                    .bind(id.0)
                    .push(" AND r.reference_year = ")
                    .bind(i64::from(year))
                    .push(" AND r.merged_into IS NOT NULL) OR ");
            }
            search::push_condition(&mut qb, self.engine(), words);
            qb.push(")");
        }
        self.page(qb, f, order).await
    }

    /// Runs a listing query cut to a page: `limit + 1` rows in `order`, the extra one saying
    /// there is a next page.
    async fn page(
        &self,
        mut qb: Sql,
        f: &ComplaintFilter,
        order: &str,
    ) -> StoreResult<ComplaintPage> {
        // The limit is a validated number, written into the text so that PostgreSQL's generic
        // plans know a page is small (a bound LIMIT made it plan for the whole table).
        qb.push(&format!(
            " ORDER BY c.received_at {order}, c.id {order} LIMIT {}",
            f.limit + 1
        ));
        let rows = qb.build().fetch_all(self.read()).await?;
        let mut items = rows.iter().map(from_row).collect::<StoreResult<Vec<_>>>()?;
        let next = if items.len() > f.limit as usize {
            items.truncate(f.limit as usize);
            items.last().map(|c| Cursor {
                received_at: us(c.record.received_at),
                id: c.id.0,
            })
        } else {
            None
        };
        Ok(ComplaintPage { items, next })
    }
}

/// The filters of `f` other than the search, and the cursor, as `AND …` conditions on `c`;
/// merged and deleted complaints are never listed.
pub(crate) fn push_filters(qb: &mut Sql, f: &ComplaintFilter) {
    qb.push(" AND ").push(super::COUNTED);
    if let Some(s) = f.status {
        qb.push(" AND c.status = ").bind(s.as_str().to_owned());
    }
    if let Some(k) = f.kind {
        qb.push(" AND c.kind = ").bind(k.as_str().to_owned());
    }
    if let Some(ch) = &f.channel {
        qb.push(" AND c.channel = ").bind(ch.as_str().to_owned());
    }
    if let Some(c) = f.customer_id {
        qb.push(" AND c.customer_id = ").bind(c.0);
    }
    if let Some(a) = f.assignee_id {
        qb.push(" AND c.assignee_id = ").bind(a.0);
    }
    if let Some(cat) = f.category_id {
        qb.push(
            " AND c.category_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM categories WHERE id = ",
        )
        .bind(cat.0)
        .push(" UNION ALL SELECT k.id FROM categories k JOIN sub ON k.parent_id = sub.id) SELECT id FROM sub)");
    }
    match f.escalated {
        Some(true) => qb.push(" AND c.escalated_at IS NOT NULL"),
        Some(false) => qb.push(" AND c.escalated_at IS NULL"),
        None => &mut *qb,
    };
    if let Some(t) = f.follow_up_due_by {
        qb.push(
            " AND c.status = 'resolved' AND c.follow_up_outcome IS NULL AND c.follow_up_at <= ",
        )
        .bind(us(t));
    }
    if let Some(t) = f.received_from {
        qb.push(" AND c.received_at >= ").bind(us(t));
    }
    if let Some(t) = f.received_to {
        qb.push(" AND c.received_at < ").bind(us(t));
    }
    crate::reports::push_report_filters(qb, f);
    let past = if f.oldest_first { " > " } else { " < " };
    if let Some(c) = f.after {
        qb.push(" AND (c.received_at")
            .push(past)
            .bind(c.received_at)
            .push(" OR (c.received_at = ")
            .bind(c.received_at)
            .push(" AND c.id")
            .push(past)
            .bind(c.id)
            .push("))");
    }
}
