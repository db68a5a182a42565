//! Each catalogue measure computed for one window and scope, on both engines alike: the SQL
//! selects the rows (instants compared as microseconds, no engine-specific function) and Rust
//! counts them, so both engines give the same tally. Each measure also names the records it
//! counted (the list behind the number). Definitions: `tend_domain::goals::Measure::definition`.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::figures::Unit;
use tend_domain::goals::{Goal, Measure, Scale, Tally, Window};

use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::segments::Members;
use crate::store::Store;

/// Microseconds in a day (the repurchase window counts whole 24-hour days).
const DAY_US: i64 = 86_400_000_000;

/// What a goal's measure narrows to; `None` everywhere is the whole business.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scope {
    pub channel: Option<String>,
    /// This category and every category below it.
    pub category_id: Option<i64>,
    pub product_id: Option<i64>,
    /// Only this segment's members (their complaints, purchases and answers).
    pub segment: Option<Members>,
}

impl Scope {
    /// The scope of goal `g` (its segment, if any, is read by [`Store::scope_of`]).
    pub fn of(g: &Goal) -> Scope {
        Scope {
            channel: g.channel.as_ref().map(|c| c.to_string()),
            category_id: g.category_id.map(|c| c.0),
            product_id: g.product_id.map(|p| p.0),
            segment: None,
        }
    }

    /// Narrows purchases `t` to the segment's members, when there is one.
    fn purchases(&self, sql: &mut Sql) {
        if let Some(m) = &self.segment {
            m.push_in(sql, "t.customer_id");
        }
    }

    /// Narrows `c` to the scope, and to the complaints that count (never merged-away or
    /// deleted ones: `complaints::counted`).
    pub(super) fn complaints(&self, sql: &mut Sql) {
        sql.push(" AND ").push(crate::complaints::COUNTED);
        if let Some(ch) = &self.channel {
            sql.push(" AND c.channel = ").bind(ch.clone());
        }
        if let Some(cat) = self.category_id {
            sql.push(
                " AND c.category_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM categories WHERE id = ",
            )
            .bind(cat)
            .push(" UNION ALL SELECT k.id FROM categories k JOIN sub ON k.parent_id = sub.id) SELECT id FROM sub)");
        }
        if let Some(p) = self.product_id {
            sql.push(" AND c.product_id = ").bind(p);
        }
        if let Some(m) = &self.segment {
            m.push_in(sql, "c.customer_id");
        }
    }
}

/// One record counted: its kind (`complaint`, `customer`, `purchase`, `csat_answer`,
/// `survey_response`), its id, and whether it is in the numerator (else only in the
/// denominator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub kind: &'static str,
    pub id: i64,
    pub in_numerator: bool,
}

/// A measure's result for one window: the tally, how its value is scaled, and the records
/// counted (empty for figures, whose values are the records).
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub tally: Tally,
    pub scale: Scale,
    pub records: Vec<Counted>,
}

impl Measured {
    pub(super) fn of(scale: Scale, kind: &'static str, mut rows: Vec<(i64, bool)>) -> Measured {
        rows.sort();
        let numerator = rows.iter().filter(|(_, n)| *n).count() as i64;
        Measured {
            tally: Tally {
                numerator,
                denominator: rows.len() as i64,
            },
            scale,
            records: rows
                .into_iter()
                .map(|(id, in_numerator)| Counted {
                    kind,
                    id,
                    in_numerator,
                })
                .collect(),
        }
    }

    /// The value (`None`: no data).
    pub fn value(&self) -> Option<f64> {
        self.tally.value(self.scale)
    }
}

impl Store {
    /// The scope of goal `g` with its segment's members read at `at` (the end of the window
    /// measured, or the as-of instant if earlier).
    pub async fn scope_of(&self, g: &Goal, at: Timestamp) -> StoreResult<Scope> {
        let mut scope = Scope::of(g);
        if let Some(id) = g.segment_id {
            let s = self.segment(id).await?;
            scope.segment = Some(Members::new(s.current().segment.rule.clone(), at));
        }
        Ok(scope)
    }

    /// Goal `g`'s measure over window `w` as it stands at `as_of` (records dated after `as_of`
    /// are not counted; a target not reached and not yet due is pending, so not counted).
    pub async fn measure(&self, g: &Goal, w: &Window, as_of: Timestamp) -> StoreResult<Measured> {
        let scope = self.scope_of(g, w.end.min(as_of)).await?;
        let (from, to) = (us(w.start), us(w.end.min(as_of)));
        match g.measure {
            Measure::FirstResponse | Measure::Resolution => {
                self.within_standard(g.measure == Measure::Resolution, &scope, from, to, as_of)
                    .await
            }
            Measure::ReturnRate => {
                let mut sql = Sql::new(
                    self.engine(),
                    "SELECT t.id, t.returned AS yes FROM transactions t WHERE t.occurred_at >= ",
                );
                sql.bind(from).push(" AND t.occurred_at < ").bind(to);
                if let Some(p) = scope.product_id {
                    sql.push(" AND t.product_id = ").bind(p);
                }
                scope.purchases(&mut sql);
                Ok(Measured::of(
                    Scale::Percent,
                    "purchase",
                    flags(self, sql).await?,
                ))
            }
            Measure::Satisfied => self.satisfied(&scope, from, to).await,
            Measure::Repurchase => {
                let window = g.days.unwrap_or(0) * DAY_US;
                let mut sql = Sql::new(
                    self.engine(),
                    "SELECT c.customer_id AS id, CASE WHEN EXISTS (SELECT 1 FROM transactions t \
                     WHERE t.customer_id = c.customer_id AND t.occurred_at > c.resolved_at \
                     AND t.occurred_at <= c.resolved_at + ",
                );
                sql.bind(window)
                    .push(") THEN 1 ELSE 0 END AS yes FROM complaints c WHERE c.kind = 'complaint' AND c.resolved_at >= ")
                    .bind(from)
                    .push(" AND c.resolved_at < ")
                    .bind(to)
                    .push(" AND c.resolved_at + ")
                    .bind(window)
                    .push(" <= ")
                    .bind(us(as_of));
                scope.complaints(&mut sql);
                // One per customer: yes when any of their complaints was followed by a purchase.
                let mut bought: std::collections::HashMap<i64, bool> = Default::default();
                for (customer, yes) in flags(self, sql).await? {
                    *bought.entry(customer).or_default() |= yes;
                }
                Ok(Measured::of(
                    Scale::Percent,
                    "customer",
                    bought.into_iter().collect(),
                ))
            }
            Measure::Csat => {
                let mut sql = Sql::new(
                    self.engine(),
                    "SELECT a.request_id AS id, CASE WHEN a.rating >= 4 THEN 1 ELSE 0 END AS yes \
                     FROM csat_answers a JOIN csat_requests r ON r.id = a.request_id \
                     JOIN complaints c ON c.id = r.complaint_id WHERE a.answered_at >= ",
                );
                sql.bind(from).push(" AND a.answered_at < ").bind(to);
                scope.complaints(&mut sql);
                Ok(Measured::of(
                    Scale::Percent,
                    "csat_answer",
                    flags(self, sql).await?,
                ))
            }
            Measure::Nps => self.nps(from, to).await,
            Measure::ComplaintsPerThousandOrders => {
                let mut sql = Sql::new(
                    self.engine(),
                    "SELECT c.id, 1 AS yes FROM complaints c WHERE c.kind = 'complaint' AND c.received_at >= ",
                );
                sql.bind(from).push(" AND c.received_at < ").bind(to);
                scope.complaints(&mut sql);
                let complaints = flags(self, sql).await?;
                let mut sql = Sql::new(
                    self.engine(),
                    "SELECT COUNT(*) AS n FROM transactions t WHERE t.occurred_at >= ",
                );
                sql.bind(from).push(" AND t.occurred_at < ").bind(to);
                if let Some(p) = scope.product_id {
                    sql.push(" AND t.product_id = ").bind(p);
                }
                scope.purchases(&mut sql);
                let orders: i64 = sql.build().fetch_one(self.read()).await?.try_get("n")?;
                let mut m = Measured::of(Scale::PerThousand, "complaint", complaints);
                m.tally.denominator = orders;
                Ok(m)
            }
            Measure::CallsAnswered | Measure::Figure => {
                let figure = self.figure(g.figure_id.unwrap_or(0)).await?;
                let points = self
                    .figure_points(&figure, w.first_day, w.end_day, None)
                    .await?;
                let numerator: i64 = points.iter().map(|p| p.numerator).sum();
                let (denominator, scale) = match (figure.ratio, figure.unit) {
                    (true, Unit::Percent) => (den(&points), Scale::Percent),
                    (true, _) => (den(&points), Scale::Ratio),
                    (false, _) => (points.len() as i64, Scale::Sum),
                };
                Ok(Measured {
                    tally: Tally {
                        numerator,
                        denominator,
                    },
                    scale,
                    records: Vec::new(),
                })
            }
        }
    }
}

fn den(points: &[tend_domain::figures::Point]) -> i64 {
    points.iter().filter_map(|p| p.denominator).sum()
}

async fn flags(store: &Store, sql: Sql) -> StoreResult<Vec<(i64, bool)>> {
    let mut out = Vec::new();
    for row in sql.build().fetch_all(store.read()).await? {
        let yes: i64 = row.try_get("yes")?;
        out.push((row.try_get("id")?, yes == 1));
    }
    Ok(out)
}
