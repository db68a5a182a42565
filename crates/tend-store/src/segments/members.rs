//! A segment's members as one SQL condition over `customers cu`, the same text on both engines
//! (instants as microseconds, years as integers, no engine function): every query that narrows
//! to a segment — its member list, its profile, a goal's measure, a survey's audience, a
//! report — pushes this, so membership is computed in one query, never row by row in Rust.
//!
//! Conditions (all given must hold):
//! - age bounds: `year − max_age ≤ birth_year ≤ year − min_age`, `year` the UTC year of `at`
//!   (customers without a birth year fail any bound; served by `customers_birth_year` and
//!   `customers_country_birth_year`);
//! - country, city, gender, education level, preferred language and channel: equality with the
//!   stored value;
//! - purchases: at least N (and at least one) of the customer's purchases with `returned = 0`,
//!   `occurred_at` in `(at − days, at]`, and — with an amount — at least that sum of
//!   `amount_minor` over those purchases in its currency;
//! - complaints: at least N (and at least one) of the customer's complaints of kind
//!   `complaint`, counted (`complaints::COUNTED`), `received_at` in `(at − days, at]`.
//!
//! Both are correlated to `cu.id` (`EXISTS` for one, else a count), served by the
//! `(customer_id, instant)` indexes `transactions_customer` and `complaints_customer`: a segment
//! narrowed by its demographics probes only its candidates' rows, never every purchase.

use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use sqlx::Row;
use tend_domain::segments::{EDUCATION_LEVELS, GENDERS, Rule, code_of};

use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::store::Store;

/// Who is in a segment at an instant: its rule, read at `at` (the age's year and the end of
/// the purchase and complaint windows).
#[derive(Debug, Clone, PartialEq)]
pub struct Members {
    pub rule: Rule,
    pub at: Timestamp,
}

impl Members {
    pub fn new(rule: Rule, at: Timestamp) -> Members {
        Members { rule, at }
    }

    fn since(&self, days: i64) -> i64 {
        us(self.at - SignedDuration::from_hours(days * 24))
    }

    /// Pushes the rule's conditions on `customers cu`, each as ` AND …`.
    pub(crate) fn push_conditions(&self, sql: &mut Sql) {
        let r = &self.rule;
        let year = i64::from(self.at.to_zoned(TimeZone::UTC).year());
        let (earliest, latest) = r.birth_years(year);
        if let Some(y) = earliest {
            sql.push(" AND cu.birth_year >= ").bind(y);
        }
        if let Some(y) = latest {
            sql.push(" AND cu.birth_year <= ").bind(y);
        }
        let texts = [
            ("country", r.country.as_ref().map(|c| c.to_string())),
            ("city", r.city.as_ref().map(|c| c.to_string())),
            ("gender", r.gender.map(|g| code_of(&GENDERS, g).to_owned())),
            (
                "education_level",
                r.education_level
                    .map(|l| code_of(&EDUCATION_LEVELS, l).to_owned()),
            ),
            (
                "preferred_language",
                r.preferred_language.as_ref().map(|l| l.to_string()),
            ),
            (
                "preferred_channel",
                r.preferred_channel.as_ref().map(|c| c.to_string()),
            ),
        ];
        for (column, value) in texts {
            if let Some(v) = value {
                sql.push(&format!(" AND cu.{column} = ")).bind(v);
            }
        }
        let now = us(self.at);
        if let Some(p) = &r.purchases {
            let window = |sql: &mut Sql| {
                sql.push(
                    " FROM transactions t WHERE t.customer_id = cu.id AND t.returned = 0 \
                     AND t.occurred_at > ",
                )
                .bind(self.since(p.days))
                .push(" AND t.occurred_at <= ")
                .bind(now)
                .push(")");
            };
            at_least(sql, p.min_count, window);
            if let Some(m) = p.min_spent {
                sql.push(" AND (SELECT COALESCE(SUM(CASE WHEN t.currency = ")
                    .bind(m.currency().as_str().to_owned())
                    .push(" THEN COALESCE(t.amount_minor, 0) ELSE 0 END), 0)");
                window(sql);
                sql.push(" >= ").bind(m.minor());
            }
        }
        if let Some(c) = &r.complaints {
            at_least(sql, c.min_count, |sql: &mut Sql| {
                sql.push(
                    " FROM complaints c WHERE c.customer_id = cu.id AND c.kind = 'complaint' AND ",
                )
                .push(crate::complaints::COUNTED)
                .push(" AND c.received_at > ")
                .bind(self.since(c.days))
                .push(" AND c.received_at <= ")
                .bind(now)
                .push(")");
            });
        }
    }

    /// Pushes ` AND {column} IN (the members' ids)`.
    pub(crate) fn push_in(&self, sql: &mut Sql, column: &str) {
        sql.push(&format!(
            " AND {column} IN (SELECT cu.id FROM customers cu WHERE 1 = 1"
        ));
        self.push_conditions(sql);
        sql.push(")");
    }
}

/// The ids of the customers who are not members of `m`, ascending (one query, on `conn`): a
/// condition that is unknown (a null compared) makes an outsider, as it fails membership.
pub(crate) async fn outsider_ids(
    conn: &mut sqlx::AnyConnection,
    engine: crate::kernel::engine::Engine,
    m: &Members,
) -> StoreResult<Vec<i64>> {
    let mut sql = Sql::new(
        engine,
        "SELECT cu.id FROM customers cu WHERE NOT COALESCE((1 = 1",
    );
    m.push_conditions(&mut sql);
    sql.push("), FALSE) ORDER BY cu.id");
    let rows = sql.build().fetch_all(&mut *conn).await?;
    rows.iter().map(|r| Ok(r.try_get("id")?)).collect()
}

/// The ids of the members of `m`, ascending (one query, on `conn`: a snapshot's, say).
pub(crate) async fn member_ids(
    conn: &mut sqlx::AnyConnection,
    engine: crate::kernel::engine::Engine,
    m: &Members,
) -> StoreResult<Vec<i64>> {
    let mut sql = Sql::new(engine, "SELECT cu.id FROM customers cu WHERE 1 = 1");
    m.push_conditions(&mut sql);
    sql.push(" ORDER BY cu.id");
    let rows = sql.build().fetch_all(&mut *conn).await?;
    rows.iter().map(|r| Ok(r.try_get("id")?)).collect()
}

/// Pushes ` AND` at least `min` (never fewer than one) of the customer's rows that `from`
/// selects (it pushes ` FROM … WHERE … = cu.id …)`): `EXISTS` for one, which PostgreSQL may
/// run as a semi-join, else a correlated count served by the `(customer_id, instant)` index.
fn at_least(sql: &mut Sql, min: i64, from: impl Fn(&mut Sql)) {
    if min <= 1 {
        sql.push(" AND EXISTS (SELECT 1");
        from(sql);
    } else {
        sql.push(" AND (SELECT COUNT(*)");
        from(sql);
        sql.push(" >= ").bind(min);
    }
}

impl Store {
    /// The ids of the segment's members, ascending (one query).
    pub async fn segment_members(&self, m: &Members) -> StoreResult<Vec<i64>> {
        let mut conn = self.read().acquire().await?;
        member_ids(&mut conn, self.engine(), m).await
    }

    /// How many customers are members (one query).
    pub async fn segment_size(&self, m: &Members) -> StoreResult<i64> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT COUNT(*) AS n FROM customers cu WHERE 1 = 1",
        );
        m.push_conditions(&mut sql);
        Ok(sql.build().fetch_one(self.read()).await?.try_get("n")?)
    }
}
