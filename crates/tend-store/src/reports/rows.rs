//! The operations report's rows: every complaint that counts in a window — received in it,
//! or open at its start — with the instants and the durations stored at each event. SQL
//! selects the rows, Rust counts (`tend-app`'s `reports`), so both engines give one answer.

use std::collections::HashMap;

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::complaints::Kind;

use super::ENDED;
use crate::complaints::ComplaintFilter;
use crate::complaints::list::push_filters;
use crate::kernel::engine::Engine;
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::{opt_ts, ts, us};
use crate::segments::Members;
use crate::segments::outsider_ids;
use crate::store::Store;

/// What the report asks for: the inbox's filters (kind is always `complaint`; no search, no
/// cursor) and the window `[from, to)`.
#[derive(Debug, Clone)]
pub struct ReportRows {
    pub filter: ComplaintFilter,
    pub from: Timestamp,
    pub to: Timestamp,
    /// Only this customer segment's members' complaints.
    pub segment: Option<Members>,
    /// Only the complaints of customers outside this segment (what a segment's report takes
    /// out of the roll-up's figures).
    pub outside: Option<Members>,
}

/// One complaint as the report counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub id: i64,
    pub customer_id: i64,
    pub channel: String,
    pub category_id: Option<i64>,
    pub product_id: Option<i64>,
    pub assignee_id: Option<i64>,
    pub tier: i64,
    pub received_at: Timestamp,
    /// First resolution, else closing: when it stopped being open.
    pub ended_at: Option<Timestamp>,
    pub first_resolved_at: Option<Timestamp>,
    /// Resolved now (`resolved_at` set): its latest resolution stands.
    pub resolved_now: bool,
    /// Each reopen's instant and the end of the spell it began (the next resolution or
    /// closing; none while it lasts), from the timeline (migration 0180), oldest first.
    pub reopens: Vec<(Timestamp, Option<Timestamp>)>,
    pub first_response_minutes: Option<i64>,
    pub first_response_seconds: Option<i64>,
    pub first_response_within: Option<bool>,
    pub first_resolution_minutes: Option<i64>,
    pub first_resolution_seconds: Option<i64>,
    pub final_resolution_minutes: Option<i64>,
    pub final_resolution_seconds: Option<i64>,
}

/// The columns [`row`] reads, of `complaints c`.
pub(crate) const COLUMNS: &str = "c.id, c.customer_id, c.channel, c.category_id, c.product_id, \
     c.assignee_id, c.tier, c.received_at, COALESCE(c.first_resolved_at, c.closed_at) AS ended_at, \
     c.first_resolved_at, c.resolved_at, c.first_response_minutes, c.first_response_seconds, \
     c.first_response_within, c.first_resolution_minutes, c.first_resolution_seconds, \
     c.final_resolution_minutes, c.final_resolution_seconds";

/// One row of [`COLUMNS`] with its reopen spells.
pub(crate) fn row(
    r: &sqlx::any::AnyRow,
    reopens: Vec<(Timestamp, Option<Timestamp>)>,
) -> StoreResult<ReportRow> {
    let within: Option<i64> = r.try_get("first_response_within")?;
    Ok(ReportRow {
        id: r.try_get("id")?,
        customer_id: r.try_get("customer_id")?,
        channel: r.try_get("channel")?,
        category_id: r.try_get("category_id")?,
        product_id: r.try_get("product_id")?,
        assignee_id: r.try_get("assignee_id")?,
        tier: r.try_get("tier")?,
        received_at: ts(r.try_get("received_at")?),
        ended_at: opt_ts(r.try_get("ended_at")?),
        first_resolved_at: opt_ts(r.try_get("first_resolved_at")?),
        resolved_now: r.try_get::<Option<i64>, _>("resolved_at")?.is_some(),
        reopens,
        first_response_minutes: r.try_get("first_response_minutes")?,
        first_response_seconds: r.try_get("first_response_seconds")?,
        first_response_within: within.map(|w| w != 0),
        first_resolution_minutes: r.try_get("first_resolution_minutes")?,
        first_resolution_seconds: r.try_get("first_resolution_seconds")?,
        final_resolution_minutes: r.try_get("final_resolution_minutes")?,
        final_resolution_seconds: r.try_get("final_resolution_seconds")?,
    })
}

impl Store {
    /// The rows of complaints received before `to` that were received in the window or still
    /// open at its start; merged and deleted complaints never count.
    pub async fn report_rows(&self, q: &ReportRows) -> StoreResult<Vec<ReportRow>> {
        let mut conn = self.read().acquire().await?;
        rows_on(&mut conn, self.engine(), q).await
    }
}

/// Customer ids per statement when reading a segment's outsiders' rows.
const OUTSIDERS_CHUNK: usize = 5000;

/// [`Store::report_rows`] on `conn` (a snapshot's transaction, say). With `outside`, the
/// outsiders are read first and their rows looked up by their ids (through the customer
/// index): no planner can tell from a segment's rule how few they are.
pub(crate) async fn rows_on(
    conn: &mut AnyConnection,
    engine: Engine,
    q: &ReportRows,
) -> StoreResult<Vec<ReportRow>> {
    let Some(m) = &q.outside else {
        return rows_of(conn, engine, q, None).await;
    };
    let ids = outsider_ids(conn, engine, m).await?;
    let mut out = Vec::new();
    for chunk in ids.chunks(OUTSIDERS_CHUNK) {
        out.extend(rows_of(conn, engine, q, Some(chunk)).await?);
    }
    Ok(out)
}

/// The rows of `q`, only of `customers` when given (never of none: `Some` is not empty).
async fn rows_of(
    conn: &mut AnyConnection,
    engine: Engine,
    q: &ReportRows,
    customers: Option<&[i64]>,
) -> StoreResult<Vec<ReportRow>> {
    let mut f = q.filter.clone();
    f.kind = Some(Kind::Complaint);
    f.q = None;
    f.after = None;
    if q.segment.is_some() {
        f.segment = q.segment.clone();
    }
    let mut sql = Sql::new(
        engine,
        format!("SELECT {COLUMNS} FROM complaints c WHERE c.received_at < "),
    );
    sql.bind(us(q.to))
        .push(" AND (c.received_at >= ")
        .bind(us(q.from))
        .push(&format!(" OR {ENDED} IS NULL OR {ENDED} >= "))
        .bind(us(q.from))
        .push(" OR EXISTS (SELECT 1 FROM complaint_reopens o WHERE o.complaint_id = c.id AND o.reopened_at < ")
        .bind(us(q.to))
        .push(" AND (o.ended_at IS NULL OR o.ended_at >= ")
        .bind(us(q.from))
        .push(")))");
    push_filters(&mut sql, &f);
    push_customers(&mut sql, customers);
    sql.push(" ORDER BY c.id");
    let rows = sql.build().fetch_all(&mut *conn).await?;
    let mut reopens = reopens_on(conn, engine, q, &f, customers).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: i64 = r.try_get("id")?;
        out.push(row(&r, reopens.remove(&id).unwrap_or_default())?);
    }
    Ok(out)
}

fn push_customers(sql: &mut Sql, customers: Option<&[i64]>) {
    if let Some(ids) = customers {
        sql.push(" AND c.customer_id IN (");
        for (i, id) in ids.iter().enumerate() {
            sql.push(if i == 0 { "" } else { ", " }).bind(*id);
        }
        sql.push(")");
    }
}

/// The reopen spells begun before the window's end of the complaints `f` keeps, by
/// complaint, oldest first.
async fn reopens_on(
    conn: &mut AnyConnection,
    engine: Engine,
    q: &ReportRows,
    f: &ComplaintFilter,
    customers: Option<&[i64]>,
) -> StoreResult<HashMap<i64, Vec<(Timestamp, Option<Timestamp>)>>> {
    let mut sql = Sql::new(
        engine,
        "SELECT o.complaint_id, o.reopened_at, o.ended_at FROM complaint_reopens o \
         JOIN complaints c ON c.id = o.complaint_id WHERE o.reopened_at < "
            .to_owned(),
    );
    sql.bind(us(q.to));
    push_filters(&mut sql, f);
    push_customers(&mut sql, customers);
    sql.push(" ORDER BY o.complaint_id, o.reopened_at");
    let mut out: HashMap<i64, Vec<_>> = HashMap::new();
    for r in sql.build().fetch_all(&mut *conn).await? {
        out.entry(r.try_get("complaint_id")?).or_default().push((
            ts(r.try_get("reopened_at")?),
            opt_ts(r.try_get("ended_at")?),
        ));
    }
    Ok(out)
}
