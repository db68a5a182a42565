//! Complaints: the row mapping, reads, edits and actions with their timeline, steps.

use std::sync::LazyLock;

use jiff::Timestamp;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, AssertSqlSafe, Row};
use tend_domain::catalog::ChannelCode;
use tend_domain::complaint::{
    Compensation, CompensationKind, ComplaintRecord, FollowUpOutcome, Kind, Priority,
    ResponsibleParty, SolutionMode, Status,
};
use tend_domain::customer::Customer;
use tend_domain::ids::{
    CategoryId, ComplaintId, CustomerId, EmployeeId, ProductId, complaint_reference,
};
use tend_domain::money::{Currency, Money};
use tend_domain::text::Tier;
use tend_domain::timeline::{Change, TimelineEntry, diff};
use tend_domain::{DomainError, FieldErrors};

use crate::error::{StoreError, StoreResult};
use crate::search;
use crate::store::{Engine, Store};
use crate::time::{opt_ts, opt_us, ts, us};

/// Who made a change, as the timeline records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: Option<EmployeeId>,
    pub label: String,
}

impl Actor {
    pub fn employee(id: EmployeeId, name: &str) -> Self {
        Actor {
            id: Some(id),
            label: name.to_owned(),
        }
    }

    pub fn system(label: &str) -> Self {
        Actor {
            id: None,
            label: label.to_owned(),
        }
    }
}

/// A stored complaint.
#[derive(Debug, Clone, PartialEq)]
pub struct Complaint {
    pub id: ComplaintId,
    pub reference: String,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub record: ComplaintRecord,
}

/// How an import ended: rows stored, and rows already present (matched on their source id).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub inserted: u64,
    pub already_present: u64,
}

/// The record's columns, in the order `bind_record` binds them.
const RECORD_COLUMNS: [&str; 41] = [
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
    "source",
    "external_id",
];

pub(crate) static SELECT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT c.id, c.version, c.created_at, c.updated_at, {} FROM complaints c",
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

static INSERT: LazyLock<String> = LazyLock::new(|| {
    let n = RECORD_COLUMNS.len();
    let params: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
    format!(
        "INSERT INTO complaints ({}, version, created_at, updated_at) VALUES ({}, 1, ${}, ${}) \
         ON CONFLICT (source, external_id) DO NOTHING RETURNING id",
        RECORD_COLUMNS.join(", "),
        params.join(", "),
        n + 1,
        n + 1
    )
});

static UPDATE: LazyLock<String> = LazyLock::new(|| {
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

type AnyQuery<'q> = Query<'q, Any, AnyArguments>;

fn s<T: std::fmt::Display>(v: Option<T>) -> Option<String> {
    v.map(|v| v.to_string())
}

fn bind_record<'q>(q: AnyQuery<'q>, r: &ComplaintRecord) -> AnyQuery<'q> {
    let c = r.compensation.as_ref();
    q.bind(r.kind.as_str())
        .bind(r.status.as_str())
        .bind(r.customer_id.0)
        .bind(r.channel.as_str().to_owned())
        .bind(us(r.received_at))
        .bind(r.received_by.map(|e| e.0))
        .bind(r.category_id.map(|c| c.0))
        .bind(r.product_id.map(|p| p.0))
        .bind(r.subject.clone())
        .bind(r.description.clone())
        .bind(r.priority.as_str())
        .bind(i64::from(r.tier))
        .bind(r.assignee_id.map(|e| e.0))
        .bind(r.facts.clone())
        .bind(opt_us(r.first_response_at))
        .bind(r.root_cause.clone())
        .bind(s(r.responsible_party))
        .bind(r.customer_proposal.clone())
        .bind(r.agreed_solution.clone())
        .bind(s(r.solution_mode))
        .bind(opt_us(r.promised_by))
        .bind(r.corrective_action.clone())
        .bind(s(c.map(|c| c.kind)))
        .bind(c.and_then(|c| c.money).map(|m| m.minor()))
        .bind(
            c.and_then(|c| c.money)
                .map(|m| m.currency().as_str().to_owned()),
        )
        .bind(c.and_then(|c| c.note.clone()))
        .bind(r.prevention_suggestion.clone())
        .bind(opt_us(r.resolved_at))
        .bind(opt_us(r.follow_up_at))
        .bind(s(r.follow_up_outcome))
        .bind(r.follow_up_note.clone())
        .bind(opt_us(r.followed_up_at))
        .bind(r.satisfaction_rating.map(i64::from))
        .bind(r.escalated_to.map(|e| e.0))
        .bind(opt_us(r.escalated_at))
        .bind(r.escalation_reason.clone())
        .bind(opt_us(r.closed_at))
        .bind(r.close_reason.clone())
        .bind(r.reopen_reason.clone())
        .bind(r.source.clone())
        .bind(r.external_id.clone())
}

fn parse_col<T>(
    row: &AnyRow,
    col: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> StoreResult<Option<T>> {
    let raw: Option<String> = row.try_get(col)?;
    raw.map(|v| {
        parse(&v)
            .map_err(|e| StoreError::Database(sqlx::Error::Decode(format!("{col}: {e}").into())))
    })
    .transpose()
}

fn req<T>(v: Option<T>, col: &str) -> StoreResult<T> {
    v.ok_or_else(|| StoreError::Database(sqlx::Error::Decode(format!("{col} is NULL").into())))
}

pub(crate) fn from_row(row: &AnyRow) -> StoreResult<Complaint> {
    let id = ComplaintId(row.try_get("id")?);
    let i = |col: &str| row.try_get::<Option<i64>, _>(col);
    let t = |col: &str| row.try_get::<Option<String>, _>(col);
    let compensation = match parse_col(row, "compensation_kind", CompensationKind::parse)? {
        None => None,
        Some(kind) => {
            let money = match (
                i("compensation_minor")?,
                parse_col(row, "compensation_currency", Currency::parse)?,
            ) {
                (Some(m), Some(c)) => {
                    Some(Money::from_minor(m, c).map_err(|e| sqlx::Error::Decode(e.into()))?)
                }
                _ => None,
            };
            Some(Compensation {
                kind,
                money,
                note: t("compensation_note")?,
            })
        }
    };
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
        facts: t("facts")?,
        first_response_at: opt_ts(i("first_response_at")?),
        root_cause: t("root_cause")?,
        responsible_party: parse_col(row, "responsible_party", ResponsibleParty::parse)?,
        customer_proposal: t("customer_proposal")?,
        agreed_solution: t("agreed_solution")?,
        solution_mode: parse_col(row, "solution_mode", SolutionMode::parse)?,
        promised_by: opt_ts(i("promised_by")?),
        corrective_action: t("corrective_action")?,
        compensation,
        prevention_suggestion: t("prevention_suggestion")?,
        resolved_at: opt_ts(i("resolved_at")?),
        follow_up_at: opt_ts(i("follow_up_at")?),
        follow_up_outcome: parse_col(row, "follow_up_outcome", FollowUpOutcome::parse)?,
        follow_up_note: t("follow_up_note")?,
        followed_up_at: opt_ts(i("followed_up_at")?),
        satisfaction_rating: i("satisfaction_rating")?.and_then(|r| u8::try_from(r).ok()),
        escalated_to: i("escalated_to")?.map(EmployeeId),
        escalated_at: opt_ts(i("escalated_at")?),
        escalation_reason: t("escalation_reason")?,
        closed_at: opt_ts(i("closed_at")?),
        close_reason: t("close_reason")?,
        reopen_reason: t("reopen_reason")?,
        source: row.try_get("source")?,
        external_id: t("external_id")?,
    };
    Ok(Complaint {
        id,
        reference: complaint_reference(
            record.received_at.to_zoned(jiff::tz::TimeZone::UTC).year(),
            id,
        ),
        version: row.try_get("version")?,
        created_at: ts(row.try_get("created_at")?),
        updated_at: ts(row.try_get("updated_at")?),
        record,
    })
}

/// Checks, in one round trip, that every row the record points at exists; names each that does not.
pub(crate) async fn check_refs(
    conn: &mut AnyConnection,
    r: &ComplaintRecord,
) -> sqlx::Result<FieldErrors> {
    let row = sqlx::query(
        "SELECT (SELECT count(*) FROM customers WHERE id = $1) AS customer, \
                (SELECT count(*) FROM channels WHERE code = $2) AS channel, \
                (SELECT count(*) FROM categories WHERE id = $3) AS category, \
                (SELECT count(*) FROM products WHERE id = $4) AS product, \
                (SELECT count(*) FROM employees WHERE id = $5) AS received_by, \
                (SELECT count(*) FROM employees WHERE id = $6) AS assignee, \
                (SELECT count(*) FROM employees WHERE id = $7) AS escalated_to",
    )
    .bind(r.customer_id.0)
    .bind(r.channel.as_str().to_owned())
    .bind(r.category_id.map_or(0, |c| c.0))
    .bind(r.product_id.map_or(0, |p| p.0))
    .bind(r.received_by.map_or(0, |e| e.0))
    .bind(r.assignee_id.map_or(0, |e| e.0))
    .bind(r.escalated_to.map_or(0, |e| e.0))
    .fetch_one(&mut *conn)
    .await?;
    let mut e = FieldErrors::new();
    let missing = |col: &str| row.try_get::<i64, _>(col).map(|n| n == 0);
    if missing("customer")? {
        e.add(
            "customer_id",
            format!("no customer with id {}", r.customer_id),
        );
    }
    if missing("channel")? {
        e.add("channel", format!("no channel {:?}", r.channel.as_str()));
    }
    for (col, field, id) in [
        ("category", "category_id", r.category_id.map(|c| c.0)),
        ("product", "product_id", r.product_id.map(|p| p.0)),
        ("received_by", "received_by", r.received_by.map(|e| e.0)),
        ("assignee", "assignee_id", r.assignee_id.map(|e| e.0)),
        ("escalated_to", "to", r.escalated_to.map(|e| e.0)),
    ] {
        if let Some(id) = id
            && missing(col)?
        {
            e.add(field, format!("no {} with id {id}", col.replace('_', " ")));
        }
    }
    Ok(e)
}

/// Inserts one complaint with its `created` timeline entry and search document.
/// The outer error aborts the caller's transaction; the inner one is this record's own fault.
pub(crate) async fn insert(
    conn: &mut AnyConnection,
    engine: Engine,
    record: &ComplaintRecord,
    actor: &Actor,
    now: Timestamp,
) -> sqlx::Result<StoreResult<Option<Complaint>>> {
    let problems = check_refs(conn, record).await?;
    if !problems.is_empty() {
        return Ok(Err(StoreError::invalid(problems)));
    }
    let row = bind_record(sqlx::query(AssertSqlSafe(INSERT.as_str())), record)
        .bind(us(now))
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(Ok(None)) };
    let id = ComplaintId(row.try_get("id")?);
    let reference = complaint_reference(
        record.received_at.to_zoned(jiff::tz::TimeZone::UTC).year(),
        id,
    );
    let created = Change {
        field: "reference",
        old: None,
        new: Some(reference.clone()),
    };
    append_events(conn, id, actor, "created", &[created], now).await?;
    search::reindex(conn, engine, id).await?;
    Ok(Ok(Some(Complaint {
        id,
        reference,
        version: 1,
        created_at: now,
        updated_at: now,
        record: record.clone(),
    })))
}

async fn append_events(
    conn: &mut AnyConnection,
    id: ComplaintId,
    actor: &Actor,
    action: &str,
    changes: &[Change],
    now: Timestamp,
) -> sqlx::Result<()> {
    for c in changes {
        sqlx::query(
            "INSERT INTO complaint_events (complaint_id, at, actor_id, actor, action, field, old_value, new_value) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id.0)
        .bind(us(now))
        .bind(actor.id.map(|e| e.0))
        .bind(actor.label.clone())
        .bind(action.to_owned())
        .bind(c.field)
        .bind(c.old.clone())
        .bind(c.new.clone())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Fields whose text feeds the search index.
const SEARCHED: [&str; 5] = [
    "description",
    "subject",
    "facts",
    "agreed_solution",
    "customer_id",
];

impl Store {
    pub async fn complaint(&self, id: ComplaintId) -> StoreResult<Complaint> {
        let row = sqlx::query(AssertSqlSafe(format!("{} WHERE c.id = $1", *SELECT)))
            .bind(id.0)
            .fetch_optional(self.read())
            .await?
            .ok_or(StoreError::NotFound("complaint"))?;
        from_row(&row)
    }

    /// Changes a complaint under the method's rules: `change` edits the record or refuses; the
    /// changed fields become timeline entries under `action`, all in one transaction. With
    /// `expected_version`, a complaint changed by someone else since is a conflict.
    pub async fn change_complaint(
        &self,
        id: ComplaintId,
        expected_version: Option<i64>,
        actor: &Actor,
        action: &str,
        now: Timestamp,
        change: impl FnOnce(&mut ComplaintRecord) -> Result<(), DomainError>,
    ) -> StoreResult<Complaint> {
        let mut tx = self.write().begin().await?;
        let row = sqlx::query(AssertSqlSafe(format!("{} WHERE c.id = $1", *SELECT)))
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound("complaint"))?;
        let mut current = from_row(&row)?;
        if let Some(v) = expected_version.filter(|v| *v != current.version) {
            return Err(StoreError::Conflict {
                field: "version",
                reason: format!(
                    "the complaint changed since version {v}; it is at version {}",
                    current.version
                ),
            });
        }
        let before = current.record.snapshot();
        change(&mut current.record)?;
        let changes = diff(&before, &current.record.snapshot());
        if changes.is_empty() {
            return Ok(current);
        }
        let problems = check_refs(&mut tx, &current.record).await?;
        if !problems.is_empty() {
            return Err(StoreError::invalid(problems));
        }
        let done = bind_record(sqlx::query(AssertSqlSafe(UPDATE.as_str())), &current.record)
            .bind(us(now))
            .bind(id.0)
            .bind(current.version)
            .execute(&mut *tx)
            .await
            .map_err(|e| {
                StoreError::unique(
                    e,
                    "external_id",
                    "another complaint from this source has that id",
                )
            })?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict {
                field: "version",
                reason: "the complaint changed meanwhile; try again".into(),
            });
        }
        append_events(&mut tx, id, actor, action, &changes, now).await?;
        if changes.iter().any(|c| SEARCHED.contains(&c.field)) {
            search::reindex(&mut tx, self.engine(), id).await?;
        }
        tx.commit().await?;
        current.version += 1;
        current.updated_at = now;
        Ok(current)
    }

    /// Appends a dated step taken; steps, like the timeline, are never edited.
    pub async fn add_step(
        &self,
        id: ComplaintId,
        actor: &Actor,
        text: &str,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let text =
            tend_domain::text::LongText::parse(text).map_err(|r| StoreError::field("text", r))?;
        let mut tx = self.write().begin().await?;
        let bumped = sqlx::query(
            "UPDATE complaints SET version = version + 1, updated_at = $1 WHERE id = $2",
        )
        .bind(us(now))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if bumped.rows_affected() == 0 {
            return Err(StoreError::NotFound("complaint"));
        }
        let row = sqlx::query("INSERT INTO complaint_steps (complaint_id, at, author_id, text) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(id.0)
            .bind(us(now))
            .bind(actor.id.map(|e| e.0))
            .bind(text.as_str().to_owned())
            .fetch_one(&mut *tx)
            .await?;
        let step = Change {
            field: "steps",
            old: None,
            new: Some(text.into_string()),
        };
        append_events(&mut tx, id, actor, "step_added", &[step], now).await?;
        search::reindex(&mut tx, self.engine(), id).await?;
        tx.commit().await?;
        Ok(row.try_get("id")?)
    }

    /// The steps taken, oldest first: `(id, at, author id, text)`.
    pub async fn steps(
        &self,
        id: ComplaintId,
    ) -> StoreResult<Vec<(i64, Timestamp, Option<EmployeeId>, String)>> {
        let rows = sqlx::query("SELECT id, at, author_id, text FROM complaint_steps WHERE complaint_id = $1 ORDER BY id")
            .bind(id.0)
            .fetch_all(self.read())
            .await?;
        rows.iter()
            .map(|r| {
                let author: Option<i64> = r.try_get("author_id")?;
                Ok((
                    r.try_get("id")?,
                    ts(r.try_get("at")?),
                    author.map(EmployeeId),
                    r.try_get("text")?,
                ))
            })
            .collect()
    }

    /// Every timeline entry of a complaint, oldest first.
    pub async fn timeline(&self, id: ComplaintId) -> StoreResult<Vec<TimelineEntry>> {
        let rows = sqlx::query(
            "SELECT id, at, actor_id, actor, action, field, old_value, new_value FROM complaint_events \
             WHERE complaint_id = $1 ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let actor_id: Option<i64> = r.try_get("actor_id")?;
                Ok(TimelineEntry {
                    id: r.try_get("id")?,
                    complaint_id: id,
                    at: ts(r.try_get("at")?),
                    actor_id: actor_id.map(EmployeeId),
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    field: r.try_get("field")?,
                    old_value: r.try_get("old_value")?,
                    new_value: r.try_get("new_value")?,
                })
            })
            .collect()
    }

    /// Stores many complaints in one transaction: all or nothing. Records whose
    /// `(source, external_id)` is stored already are counted, not duplicated.
    pub async fn import_complaints(
        &self,
        records: &[ComplaintRecord],
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let rows: Vec<_> = records.iter().map(|r| (None, r.clone())).collect();
        self.import(rows, actor, now).await
    }

    /// Like `import_complaints`, each record with the customer it belongs to: a customer with an
    /// `external_ref` stored already is reused, so re-imports do not duplicate customers either.
    pub async fn import(
        &self,
        rows: Vec<(Option<Customer>, ComplaintRecord)>,
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let mut tx = self.write().begin().await?;
        let mut out = ImportOutcome::default();
        for (customer, mut record) in rows {
            if let Some(c) = customer {
                record.customer_id = crate::customers::upsert(&mut tx, &c, now).await?;
            }
            match insert(&mut tx, self.engine(), &record, actor, now).await?? {
                Some(_) => out.inserted += 1,
                None => out.already_present += 1,
            }
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Every complaint, oldest first, in pages of `batch` (for exports).
    pub async fn all_complaints_after(
        &self,
        after: Option<ComplaintId>,
        batch: u32,
    ) -> StoreResult<Vec<Complaint>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{} WHERE c.id > $1 ORDER BY c.id LIMIT $2",
            *SELECT
        )))
        .bind(after.map_or(0, |a| a.0))
        .bind(i64::from(batch))
        .fetch_all(self.read())
        .await?;
        rows.iter().map(from_row).collect()
    }
}
