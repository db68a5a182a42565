//! The complaint row: its columns, the values a record stores in them, and the record read back.

use std::sync::LazyLock;

use sqlx::Row;
use sqlx::any::AnyRow;
use tend_domain::catalog::ChannelCode;
use tend_domain::complaints::{ComplaintRecord, Kind, Priority, Solution, Status};
use tend_domain::kernel::ids::{
    CategoryId, ComplaintId, CustomerId, EmployeeId, ProductId, complaint_reference,
};
use tend_domain::kernel::text::Tier;

use super::Complaint;
use super::step_rows::{self, parse_col};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::{AnyQuery, V, Value};
use crate::kernel::time::{opt_us, ts, us};

/// Binds every value of the record, in column order, to a prepared statement.
pub(crate) fn bind_record<'q>(q: AnyQuery<'q>, r: &ComplaintRecord) -> AnyQuery<'q> {
    values(r).into_iter().fold(q, |q, v| v.bind_query(q))
}

/// The record's columns, in the order `values` lists them.
pub(crate) const RECORD_COLUMNS: [&str; 44] = [
    "kind",
    "status",
    "customer_id",
    "channel",
    "received_at",
    "received_by",
    "category_id",
    "product_id",
    "subject",
    "description",
    "priority",
    "tier",
    "assignee_id",
    "facts",
    "first_response_at",
    "root_cause",
    "responsible_party",
    "customer_proposal",
    "agreed_solution",
    "solution_mode",
    "promised_by",
    "corrective_action",
    "compensation_kind",
    "compensation_minor",
    "compensation_currency",
    "compensation_note",
    "prevention_suggestion",
    "resolved_at",
    "follow_up_at",
    "follow_up_outcome",
    "follow_up_note",
    "followed_up_at",
    "satisfaction_rating",
    "escalated_to",
    "escalated_at",
    "escalation_reason",
    "closed_at",
    "close_reason",
    "reopen_reason",
    "waiting_since",
    "waiting_reason",
    "paused_minutes",
    "source",
    "external_id",
];

pub(crate) static SELECT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT c.id, c.version, c.created_at, c.updated_at, c.reference_year, {} FROM complaints c",
        prefixed("c.")
    )
});

fn prefixed(p: &str) -> String {
    RECORD_COLUMNS
        .iter()
        .map(|c| format!("{p}{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) static UPDATE: LazyLock<String> = LazyLock::new(|| {
    let n = RECORD_COLUMNS.len();
    let sets: Vec<String> = RECORD_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ${}", i + 1))
        .collect();
    format!(
        "UPDATE complaints SET {}, version = version + 1, updated_at = ${} WHERE id = ${} AND version = ${}",
        sets.join(", "),
        n + 1,
        n + 2,
        n + 3
    )
});

fn s<T: std::fmt::Display>(v: Option<T>) -> Option<String> {
    v.map(|v| v.to_string())
}

pub(crate) fn values(r: &ComplaintRecord) -> Vec<Value> {
    let (u, res, f) = (&r.understanding, &r.resolution, &r.follow_up);
    let (cause, sol) = (r.cause.as_ref(), r.solution.as_ref());
    let (esc, closing, wait) = (
        r.escalation.as_ref(),
        r.closing.as_ref(),
        r.waiting.as_ref(),
    );
    let answer = f.answer.as_ref();
    let c = res.compensation.as_ref();
    vec![
        V::from(r.kind.as_str()),
        V::from(r.status.as_str()),
        V::from(r.customer_id.0),
        V::from(r.channel.as_str().to_owned()),
        V::from(us(r.received_at)),
        V::from(r.received_by.map(|e| e.0)),
        V::from(r.category_id.map(|c| c.0)),
        V::from(r.product_id.map(|p| p.0)),
        V::from(r.subject.clone()),
        V::from(r.description.clone()),
        V::from(r.priority.as_str()),
        V::from(i64::from(r.tier)),
        V::from(r.assignee_id.map(|e| e.0)),
        V::from(u.facts.clone()),
        V::from(opt_us(u.first_response_at)),
        V::from(cause.map(|x| x.root_cause.clone())),
        V::from(s(cause.map(|x| x.responsible_party))),
        V::from(sol.and_then(|x| x.customer_proposal.clone())),
        V::from(sol.map(|x| x.agreed.clone())),
        V::from(s(sol.and_then(Solution::mode))),
        V::from(opt_us(sol.and_then(Solution::promised_by))),
        V::from(res.corrective_action.clone()),
        V::from(s(c.map(|c| c.kind))),
        V::from(c.and_then(|c| c.money).map(|m| m.minor())),
        V::from(
            c.and_then(|c| c.money)
                .map(|m| m.currency().as_str().to_owned()),
        ),
        V::from(c.and_then(|c| c.note.clone())),
        V::from(res.prevention_suggestion.clone()),
        V::from(opt_us(res.resolved_at)),
        V::from(opt_us(f.scheduled_at)),
        V::from(s(answer.map(|a| a.outcome))),
        V::from(answer.and_then(|a| a.note.clone())),
        V::from(opt_us(answer.map(|a| a.at))),
        V::from(f.satisfaction_rating.map(i64::from)),
        V::from(esc.map(|e| e.to.0)),
        V::from(opt_us(esc.map(|e| e.at))),
        V::from(esc.map(|e| e.reason.clone())),
        V::from(opt_us(closing.map(|x| x.at))),
        V::from(closing.and_then(|x| x.reason.clone())),
        V::from(r.reopen_reason.clone()),
        V::from(opt_us(wait.map(|w| w.since))),
        V::from(wait.map(|w| w.reason.clone())),
        V::from(r.paused_minutes),
        V::from(r.source.clone()),
        V::from(r.external_id.clone()),
    ]
}

fn req<T>(v: Option<T>, col: &str) -> StoreResult<T> {
    v.ok_or_else(|| StoreError::Database(sqlx::Error::Decode(format!("{col} is NULL").into())))
}

pub(crate) fn from_row(row: &AnyRow) -> StoreResult<Complaint> {
    let id = ComplaintId(row.try_get("id")?);
    let i = |col: &str| row.try_get::<Option<i64>, _>(col);
    let t = |col: &str| row.try_get::<Option<String>, _>(col);
    let steps = step_rows::steps(row)?;
    let record = ComplaintRecord {
        kind: req(parse_col(row, "kind", Kind::parse)?, "kind")?,
        status: req(parse_col(row, "status", Status::parse)?, "status")?,
        customer_id: CustomerId(row.try_get("customer_id")?),
        channel: req(parse_col(row, "channel", ChannelCode::parse)?, "channel")?,
        received_at: ts(row.try_get("received_at")?),
        received_by: i("received_by")?.map(EmployeeId),
        category_id: i("category_id")?.map(CategoryId),
        product_id: i("product_id")?.map(ProductId),
        subject: t("subject")?,
        description: row.try_get("description")?,
        priority: req(parse_col(row, "priority", Priority::parse)?, "priority")?,
        tier: Tier::new(row.try_get("tier")?).map_err(|e| sqlx::Error::Decode(e.into()))?,
        assignee_id: i("assignee_id")?.map(EmployeeId),
        understanding: steps.understanding,
        cause: steps.cause,
        solution: steps.solution,
        resolution: steps.resolution,
        follow_up: steps.follow_up,
        escalation: steps.escalation,
        closing: steps.closing,
        reopen_reason: t("reopen_reason")?,
        waiting: steps.waiting,
        paused_minutes: row.try_get("paused_minutes")?,
        source: row.try_get("source")?,
        external_id: t("external_id")?,
    };
    Ok(Complaint {
        id,
        // The year stored at creation: correcting received_at never changes the reference.
        reference: complaint_reference(
            i16::try_from(row.try_get::<i64, _>("reference_year")?).unwrap_or_default(),
            id,
        ),
        version: row.try_get("version")?,
        created_at: ts(row.try_get("created_at")?),
        updated_at: ts(row.try_get("updated_at")?),
        record,
    })
}
