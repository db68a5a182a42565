//! The counts behind the customer profile: customers per value of a field, per birth year,
//! complaints received in a span and satisfaction answers given in a span — of all customers,
//! or of a segment's members only (`Members`, one query each).

use jiff::Timestamp;
use sqlx::Row;

use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::segments::Members;
use crate::segments::narrow;
use crate::store::Store;

/// The text fields a profile counts by (a fixed list: they are written into the SQL).
pub const PROFILE_FIELDS: [&str; 7] = [
    "country",
    "region",
    "city",
    "gender",
    "education_level",
    "preferred_language",
    "preferred_channel",
];

impl Store {
    /// `(value, customers)` of one of [`PROFILE_FIELDS`]; `None` counts customers without it
    /// (NULL or blank). Panics on a field outside the list (a programming error).
    pub async fn customers_by(
        &self,
        field: &str,
        members: Option<&Members>,
    ) -> StoreResult<Vec<(Option<String>, i64)>> {
        assert!(
            PROFILE_FIELDS.contains(&field),
            "not a profile field: {field}"
        );
        let mut sql = Sql::new(
            self.engine(),
            format!(
                "SELECT NULLIF(TRIM(cu.{field}), '') AS v, COUNT(*) AS n FROM customers cu \
                 WHERE 1 = 1"
            ),
        );
        narrow(&mut sql, members);
        sql.push(&format!(" GROUP BY NULLIF(TRIM(cu.{field}), '')"));
        let rows = sql.build().fetch_all(self.read()).await?;
        rows.iter()
            .map(|r| Ok((r.try_get("v")?, r.try_get("n")?)))
            .collect()
    }

    /// `(birth year, customers)`; customers without one are left out.
    pub async fn customers_by_birth_year(
        &self,
        members: Option<&Members>,
    ) -> StoreResult<Vec<(i64, i64)>> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT cu.birth_year, COUNT(*) AS n FROM customers cu \
             WHERE cu.birth_year IS NOT NULL",
        );
        narrow(&mut sql, members);
        sql.push(" GROUP BY cu.birth_year");
        let rows = sql.build().fetch_all(self.read()).await?;
        rows.iter()
            .map(|r| Ok((r.try_get("birth_year")?, r.try_get("n")?)))
            .collect()
    }

    /// The customers, and the complaints they made received in `(from, to]` (those that
    /// count: not merged away, not deleted).
    pub async fn customers_and_complaints(
        &self,
        from: Timestamp,
        to: Timestamp,
        members: Option<&Members>,
    ) -> StoreResult<(i64, i64)> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT (SELECT COUNT(*) FROM customers cu WHERE 1 = 1",
        );
        narrow(&mut sql, members);
        sql.push(") AS customers, (SELECT COUNT(*) FROM complaints c WHERE c.received_at > ")
            .bind(us(from))
            .push(" AND c.received_at <= ")
            .bind(us(to))
            .push(" AND ")
            .push(crate::complaints::COUNTED);
        if let Some(m) = members {
            m.push_in(&mut sql, "c.customer_id");
        }
        sql.push(") AS complaints");
        let row = sql.build().fetch_one(self.read()).await?;
        Ok((row.try_get("customers")?, row.try_get("complaints")?))
    }

    /// Satisfaction (CSAT) answers given in `(from, to]` about the customers' counted
    /// complaints: `(rated 4 or 5, all answers)` — the catalogue's `csat` measure's counts.
    pub async fn csat_of(
        &self,
        from: Timestamp,
        to: Timestamp,
        members: Option<&Members>,
    ) -> StoreResult<(i64, i64)> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT COALESCE(SUM(CASE WHEN a.rating >= 4 THEN 1 ELSE 0 END), 0) AS yes, \
             COUNT(*) AS n FROM csat_answers a JOIN csat_requests r ON r.id = a.request_id \
             JOIN complaints c ON c.id = r.complaint_id WHERE a.answered_at > ",
        );
        sql.bind(us(from))
            .push(" AND a.answered_at <= ")
            .bind(us(to))
            .push(" AND ")
            .push(crate::complaints::COUNTED);
        if let Some(m) = members {
            m.push_in(&mut sql, "c.customer_id");
        }
        let row = sql.build().fetch_one(self.read()).await?;
        Ok((row.try_get("yes")?, row.try_get("n")?))
    }
}
