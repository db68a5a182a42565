//! Service goals kept as their versions: creating a goal stores its first version, a change
//! appends the next (the tables refuse UPDATE and DELETE on both engines), and the version in
//! force is the newest. `measures` computes each catalogue measure for a window and scope;
//! `results` keeps each closed period's value, computed once.

mod counted;
mod measures;
mod results;

pub use measures::{Counted, Measured, Scope};
pub use results::FrozenResult;

use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;
use tend_domain::FieldErrors;
use tend_domain::goals::{Goal, GoalDraft, Measure};
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::*;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::{Sql, V};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// One version of a goal: its number (1, 2, …), the goal as it then was, who saved it (id and
/// name) and when.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalVersion {
    pub version: i64,
    pub goal: Goal,
    pub saved_by: EmployeeId,
    pub saved_by_name: String,
    pub saved_at: Timestamp,
}

/// A goal: its id, when it was created, and its versions oldest first (the last is in force).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredGoal {
    pub id: i64,
    pub created_at: Timestamp,
    pub versions: Vec<GoalVersion>,
}

impl StoredGoal {
    /// The version in force.
    pub fn current(&self) -> &GoalVersion {
        self.versions.last().expect("a goal has a first version")
    }

    /// The version in force at `t`: the newest saved at or before it, else the first.
    pub fn at(&self, t: Timestamp) -> &GoalVersion {
        self.versions
            .iter()
            .rev()
            .find(|v| v.saved_at <= t)
            .unwrap_or(&self.versions[0])
    }
}

const SELECT: &str = "SELECT v.goal_id, g.created_at, v.version, v.name, v.measure, \
     v.target_hundredths, v.direction, v.period, v.rolling, v.days, v.minutes, v.figure_id, \
     v.channel, v.category_id, v.product_id, v.segment_id, v.owner_id, v.focus_category_id, v.saved_by, \
     e.name AS saved_by_name, v.saved_at FROM goal_versions v JOIN goals g ON g.id = v.goal_id \
     JOIN employees e ON e.id = v.saved_by";

fn decode(row: &AnyRow) -> StoreResult<GoalVersion> {
    let target: i64 = row.try_get("target_hundredths")?;
    let rolling: i64 = row.try_get("rolling")?;
    let draft = GoalDraft {
        name: Some(row.try_get("name")?),
        measure: Some(row.try_get("measure")?),
        target: Some(target as f64 / 100.0),
        direction: Some(row.try_get("direction")?),
        period: Some(row.try_get("period")?),
        rolling: Some(rolling == 1),
        days: row.try_get("days")?,
        minutes: row.try_get("minutes")?,
        figure_id: row.try_get("figure_id")?,
        channel: row.try_get("channel")?,
        category_id: row.try_get("category_id")?,
        product_id: row.try_get("product_id")?,
        segment_id: row.try_get("segment_id")?,
        owner_id: Some(row.try_get("owner_id")?),
        focus_category_id: row.try_get("focus_category_id")?,
    };
    let goal = draft.validate().map_err(|e| {
        StoreError::Database(sqlx::Error::ColumnDecode {
            index: "goal_versions".into(),
            source: e.to_string().into(),
        })
    })?;
    Ok(GoalVersion {
        version: row.try_get("version")?,
        goal,
        saved_by: EmployeeId(row.try_get("saved_by")?),
        saved_by_name: row.try_get("saved_by_name")?,
        saved_at: ts(row.try_get("saved_at")?),
    })
}

impl Store {
    /// Stores a new goal with `g` as its first version, saved by `by` at `now`; returns its id.
    /// Refuses ids that name nothing (`owner_id`, `category_id`, …) and a `calls_answered_within`
    /// figure that is not a ratio, each naming its field.
    pub async fn create_goal(&self, g: &Goal, by: EmployeeId, now: Timestamp) -> StoreResult<i64> {
        self.check_goal_refs(g).await?;
        let mut tx = self.write().begin().await?;
        let mut sql = Sql::new(
            self.engine(),
            "INSERT INTO goals (created_by, created_at) VALUES (",
        );
        sql.bind(by.0)
            .push(", ")
            .bind(us(now))
            .push(") RETURNING id");
        let id: i64 = sql.build().fetch_one(&mut *tx).await?.try_get("id")?;
        insert_version(self, &mut tx, id, 1, g, by, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Appends `g` as goal `id`'s next version (saved by `by` at `now`); returns its number.
    /// A lost race for the same number is a conflict on `version`.
    pub async fn change_goal(
        &self,
        id: i64,
        g: &Goal,
        by: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<i64> {
        self.check_goal_refs(g).await?;
        let mut tx = self.write().begin().await?;
        let mut sql = Sql::new(
            self.engine(),
            "SELECT COALESCE(MAX(version), 0) AS v FROM goal_versions WHERE goal_id = ",
        );
        sql.bind(id);
        let last: i64 = sql.build().fetch_one(&mut *tx).await?.try_get("v")?;
        if last == 0 {
            return Err(StoreError::NotFound("goal"));
        }
        insert_version(self, &mut tx, id, last + 1, g, by, now).await?;
        tx.commit().await?;
        Ok(last + 1)
    }

    /// Every goal with its versions, oldest goal first.
    pub async fn goals(&self) -> StoreResult<Vec<StoredGoal>> {
        self.read_goals(None).await
    }

    /// Goal `id` with its versions.
    pub async fn goal(&self, id: i64) -> StoreResult<StoredGoal> {
        self.read_goals(Some(id))
            .await?
            .pop()
            .ok_or(StoreError::NotFound("goal"))
    }

    async fn read_goals(&self, id: Option<i64>) -> StoreResult<Vec<StoredGoal>> {
        let mut sql = Sql::new(self.engine(), SELECT);
        if let Some(id) = id {
            sql.push(" WHERE v.goal_id = ").bind(id);
        }
        sql.push(" ORDER BY v.goal_id, v.version");
        let mut out: Vec<StoredGoal> = Vec::new();
        for row in sql.build().fetch_all(self.read()).await? {
            let goal_id: i64 = row.try_get("goal_id")?;
            let v = decode(&row)?;
            match out.last_mut() {
                Some(g) if g.id == goal_id => g.versions.push(v),
                _ => out.push(StoredGoal {
                    id: goal_id,
                    created_at: ts(row.try_get("created_at")?),
                    versions: vec![v],
                }),
            }
        }
        Ok(out)
    }

    async fn check_goal_refs(&self, g: &Goal) -> StoreResult<()> {
        let mut e = FieldErrors::new();
        let checks = [
            ("owner_id", "employees", Some(g.owner_id.0), NO_EMPLOYEE),
            (
                "category_id",
                "categories",
                g.category_id.map(|c| c.0),
                NO_CATEGORY,
            ),
            (
                "focus_category_id",
                "categories",
                g.focus_category_id.map(|c| c.0),
                NO_CATEGORY,
            ),
            (
                "product_id",
                "products",
                g.product_id.map(|p| p.0),
                NO_PRODUCT,
            ),
            ("segment_id", "segments", g.segment_id, NO_SEGMENT),
        ];
        for (field, table, id, reason) in checks {
            let Some(id) = id else { continue };
            let mut sql = Sql::new(self.engine(), format!("SELECT id FROM {table} WHERE id = "));
            sql.bind(id);
            if sql.build().fetch_optional(self.read()).await?.is_none() {
                e.add(field, reason.with("id", id));
            }
        }
        if let Some(c) = &g.channel {
            let mut sql = Sql::new(self.engine(), "SELECT code FROM channels WHERE code = ");
            sql.bind(c.to_string());
            if sql.build().fetch_optional(self.read()).await?.is_none() {
                e.add("channel", NO_CHANNEL.with("got", c));
            }
        }
        if let Some(f) = g.figure_id {
            match self.figure(f).await {
                Ok(fig) if g.measure == Measure::CallsAnswered && !fig.ratio => {
                    e.add("figure_id", GOAL_FIGURE_RATIO.with("got", fig.code))
                }
                Ok(_) => {}
                Err(StoreError::NotFound(_)) => e.add("figure_id", NO_FIGURE.with("got", f)),
                Err(other) => return Err(other),
            }
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(StoreError::invalid(e))
        }
    }
}

async fn insert_version(
    store: &Store,
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    version: i64,
    g: &Goal,
    by: EmployeeId,
    now: Timestamp,
) -> StoreResult<()> {
    let mut sql = Sql::new(
        store.engine(),
        "INSERT INTO goal_versions (goal_id, version, name, measure, target_hundredths, \
         direction, period, rolling, days, minutes, figure_id, channel, category_id, product_id, \
         segment_id, owner_id, focus_category_id, saved_by, saved_at) VALUES ",
    );
    sql.push_tuple(
        0,
        [
            V::from(id),
            V::from(version),
            V::from(g.name.to_string()),
            V::from(g.measure.code()),
            V::from(g.target_hundredths),
            V::from(g.direction.code()),
            V::from(g.length.code()),
            V::from(i64::from(g.rolling)),
            V::from(g.days),
            V::from(g.minutes),
            V::from(g.figure_id),
            V::from(g.channel.as_ref().map(|c| c.to_string())),
            V::from(g.category_id.map(|c| c.0)),
            V::from(g.product_id.map(|p| p.0)),
            V::from(g.segment_id),
            V::from(g.owner_id.0),
            V::from(g.focus_category_id.map(|c| c.0)),
            V::from(by.0),
            V::from(us(now)),
        ],
    );
    sql.build()
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::unique(e, "version", GOAL_CHANGED_MEANWHILE))?;
    Ok(())
}
