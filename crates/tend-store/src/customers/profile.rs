//! The counts behind the customer profile — customers per value of a field, per birth year,
//! complaints received in a span and satisfaction answers given in a span — of all customers,
//! or of a segment's members only, in ONE query: a segment's members are computed once, in a
//! materialized common table expression (`WITH m AS MATERIALIZED`, the same text on both
//! engines), and every count reads that set, so the profile costs one membership, not ten.
//! Every customer's counts are read from roll-ups kept by triggers in the transaction of each
//! write instead, exact: `customer_values` (customers per field value, migration 0163) and
//! `complaint_days` (complaints per day, 0162; the span's partial edge days counted from the
//! rows) — a second, cheap query.

use jiff::Timestamp;
use sqlx::Row;

use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::segments::Members;
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

/// The profile's counts, read in one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileCounts {
    /// Per field of [`PROFILE_FIELDS`] (same order): `(value, customers)`; `None` counts
    /// customers without it (NULL or blank).
    pub fields: Vec<Vec<(Option<String>, i64)>>,
    /// `(birth year, customers)`; customers without one are left out.
    pub birth_years: Vec<(i64, i64)>,
    /// The customers.
    pub customers: i64,
    /// Their complaints received in the span (those that count: not merged away, not deleted).
    pub complaints: i64,
    /// Satisfaction (CSAT) answers given in the span about their counted complaints, rated 4
    /// or 5 — the catalogue's `csat` measure's numerator.
    pub satisfied: i64,
    /// All those answers.
    pub answers: i64,
}

impl ProfileCounts {
    /// The counts of `field` (one of [`PROFILE_FIELDS`]; panics otherwise, a programming
    /// error).
    pub fn field(&self, field: &str) -> &[(Option<String>, i64)] {
        let i = PROFILE_FIELDS
            .iter()
            .position(|f| *f == field)
            .unwrap_or_else(|| panic!("not a profile field: {field}"));
        &self.fields[i]
    }
}

impl Store {
    /// The profile's counts of every customer, or of `members` only, with complaints received
    /// and CSAT answers given in `(from, to]` — one query, each row `(k, v, n, y)`: a field's
    /// value and its customers, a birth year, or a total (`y`: the answers rated 4 or 5).
    pub async fn profile_counts(
        &self,
        from: Timestamp,
        to: Timestamp,
        members: Option<&Members>,
    ) -> StoreResult<ProfileCounts> {
        let mut sql = Sql::new(self.engine(), "");
        let join = match members {
            Some(m) => {
                sql.push(&format!(
                    "WITH m AS MATERIALIZED (SELECT cu.id, cu.birth_year, cu.{} \
                     FROM customers cu WHERE 1 = 1",
                    PROFILE_FIELDS.join(", cu.")
                ));
                m.push_conditions(&mut sql);
                sql.push(") ");
                for f in PROFILE_FIELDS {
                    sql.push(&format!(
                        "SELECT '{f}' AS k, NULLIF(TRIM(cu.{f}), '') AS v, COUNT(*) AS n, 0 AS y \
                         FROM m cu GROUP BY NULLIF(TRIM(cu.{f}), '') UNION ALL "
                    ));
                }
                sql.push(
                    "SELECT 'birth_year', CAST(cu.birth_year AS TEXT), COUNT(*), 0 FROM m cu \
                     WHERE cu.birth_year IS NOT NULL GROUP BY cu.birth_year UNION ALL \
                     SELECT 'customers', NULL, COUNT(*), 0 FROM m cu UNION ALL \
                     SELECT 'complaints', NULL, COUNT(*), 0 FROM complaints c \
                     JOIN m ON m.id = c.customer_id WHERE c.received_at > ",
                )
                .bind(us(from))
                .push(" AND c.received_at <= ")
                .bind(us(to))
                .push(" AND ")
                .push(crate::complaints::COUNTED)
                .push(" UNION ALL ");
                " JOIN m ON m.id = c.customer_id"
            }
            None => {
                // Everyone: the per-value roll-up (every customer once per field); the
                // complaints from the per-day one (below).
                sql.push(
                    "SELECT field AS k, NULLIF(value, '') AS v, customers AS n, 0 AS y \
                     FROM customer_values WHERE customers <> 0 \
                     AND NOT (field = 'birth_year' AND value = '') UNION ALL \
                     SELECT 'customers', NULL, COALESCE(CAST(SUM(customers) AS BIGINT), 0), 0 \
                     FROM customer_values WHERE field = 'birth_year' UNION ALL ",
                );
                ""
            }
        };
        sql.push(&format!(
            "SELECT 'csat', NULL, COUNT(*), \
             COALESCE(SUM(CASE WHEN a.rating >= 4 THEN 1 ELSE 0 END), 0) \
             FROM csat_answers a JOIN csat_requests r ON r.id = a.request_id \
             JOIN complaints c ON c.id = r.complaint_id{join} WHERE a.answered_at > "
        ))
        .bind(us(from))
        .push(" AND a.answered_at <= ")
        .bind(us(to))
        .push(" AND ")
        .push(crate::complaints::COUNTED);
        let mut out = ProfileCounts {
            fields: vec![Vec::new(); PROFILE_FIELDS.len()],
            ..ProfileCounts::default()
        };
        for row in sql.build().fetch_all(self.read()).await? {
            let k: String = row.try_get("k")?;
            let v: Option<String> = row.try_get("v")?;
            let n: i64 = row.try_get("n")?;
            match k.as_str() {
                "birth_year" => {
                    let year = v.as_deref().and_then(|y| y.parse().ok()).ok_or_else(|| {
                        sqlx::Error::ColumnDecode {
                            index: "birth_year".into(),
                            source: format!("{v:?}").into(),
                        }
                    })?;
                    out.birth_years.push((year, n));
                }
                "customers" => out.customers = n,
                "complaints" => out.complaints = n,
                "csat" => (out.answers, out.satisfied) = (n, row.try_get("y")?),
                field => {
                    if let Some(i) = PROFILE_FIELDS.iter().position(|f| *f == field) {
                        out.fields[i].push((v, n));
                    }
                }
            }
        }
        out.birth_years.sort();
        if members.is_none() {
            // `(from, to]` is `[from + 1, to + 1)` in whole microseconds.
            let days = self.complaint_days(us(from) + 1, us(to) + 1).await?;
            out.complaints = days.values().map(|(n, _)| n).sum();
        }
        Ok(out)
    }
}
