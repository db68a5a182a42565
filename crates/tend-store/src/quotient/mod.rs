//! The customer service quotient's assessments: stored once with their ratings (append-only in
//! the database), read back per round.

use std::collections::BTreeMap;

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::text::{Name, Text};
use tend_domain::quotient::{Area, Assessment};

use crate::kernel::error::StoreResult;
use crate::kernel::sql::{Sql, V};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A stored assessment: its round, who answered, who submitted it and when, and the answers.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAssessment {
    pub id: i64,
    pub round: String,
    pub employee_id: EmployeeId,
    pub submitted_at: Timestamp,
    pub assessment: Assessment,
}

/// A column the domain's types cannot hold: a decode error naming it.
fn decode(column: &str, why: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: why.to_string().into(),
    }
}

impl Store {
    /// Stores `a` in `round` (with every rating), submitted by `employee` at `now`, in one
    /// transaction.
    pub async fn create_assessment(
        &self,
        a: &Assessment,
        round: &str,
        employee: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<StoredAssessment> {
        let mut tx = self.write().begin().await?;
        let mut sql = Sql::new(
            self.engine(),
            "INSERT INTO quotient_assessments (round, respondent, employee_id, submitted_at) \
             VALUES ",
        );
        sql.push_tuple(
            0,
            [
                V::from(round.to_owned()),
                V::from(a.respondent.to_string()),
                V::from(employee.0),
                V::from(us(now)),
            ],
        );
        sql.push(" RETURNING id");
        let id: i64 = sql.build().fetch_one(&mut *tx).await?.try_get("id")?;
        let mut sql = Sql::new(
            self.engine(),
            "INSERT INTO quotient_ratings (assessment_id, area, statement, rating) VALUES ",
        );
        let mut n = 0;
        for (area, ratings) in &a.ratings {
            for (i, &r) in ratings.iter().enumerate() {
                let row = [
                    V::from(id),
                    V::from(area.code().to_owned()),
                    V::from(i as i64 + 1),
                    V::from(i64::from(r)),
                ];
                sql.push_tuple(n, row);
                n += 1;
            }
        }
        sql.build().execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(StoredAssessment {
            id,
            round: round.to_owned(),
            employee_id: employee,
            submitted_at: tend_domain::kernel::clock::micros(now),
            assessment: a.clone(),
        })
    }

    /// Every assessment, oldest first, or only those of `round`.
    pub async fn assessments(&self, round: Option<&str>) -> StoreResult<Vec<StoredAssessment>> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT a.id, a.round, a.respondent, a.employee_id, a.submitted_at, r.area, \
             r.statement, r.rating FROM quotient_assessments a \
             JOIN quotient_ratings r ON r.assessment_id = a.id",
        );
        if let Some(round) = round {
            sql.push(" WHERE a.round = ").bind(round.to_owned());
        }
        sql.push(" ORDER BY a.id, r.area, r.statement");
        let rows = sql.build().fetch_all(self.read()).await?;
        let mut out: Vec<StoredAssessment> = Vec::new();
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            if out.last().is_none_or(|a| a.id != id) {
                let respondent: String = row.try_get("respondent")?;
                out.push(StoredAssessment {
                    id,
                    round: row.try_get("round")?,
                    employee_id: EmployeeId(row.try_get("employee_id")?),
                    submitted_at: ts(row.try_get("submitted_at")?),
                    assessment: Assessment {
                        respondent: Name::parse(&respondent)
                            .map_err(|e| decode("respondent", e))?,
                        round: None,
                        ratings: BTreeMap::new(),
                    },
                });
            }
            let area: String = row.try_get("area")?;
            let area = Area::parse(&area).ok_or_else(|| decode("area", &area))?;
            let rating: i64 = row.try_get("rating")?;
            let last = out.last_mut().expect("pushed above");
            last.assessment
                .ratings
                .entry(area)
                .or_default()
                .push(rating as u8);
        }
        for a in &mut out {
            a.assessment.round = Text::parse(&a.round).ok();
        }
        Ok(out)
    }

    /// The rounds with their assessments, in the order of their first assessment.
    pub async fn quotient_rounds(&self) -> StoreResult<Vec<(String, Vec<StoredAssessment>)>> {
        let mut rounds: Vec<(String, Vec<StoredAssessment>)> = Vec::new();
        for a in self.assessments(None).await? {
            match rounds.iter_mut().find(|(r, _)| *r == a.round) {
                Some((_, list)) => list.push(a),
                None => rounds.push((a.round.clone(), vec![a])),
            }
        }
        Ok(rounds)
    }
}
