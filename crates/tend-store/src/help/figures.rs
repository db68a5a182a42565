//! The two-step complaint form's deflection figures, overall and per article, over a window of
//! event times: the visits shown articles, deflected ("this solved it", nothing sent) and sent
//! anyway, from the append-only `help_deflections` (the rate itself is
//! `tend_domain::help::deflection_rate`).

use jiff::Timestamp;
use sqlx::Row;

use crate::kernel::error::StoreResult;
use crate::kernel::time::us;
use crate::store::Store;

/// The visits counted by the deflection rate (see `tend_domain::help::deflection_rate`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeflectionCounts {
    /// Visits shown an article whose customer said "this solved it" and sent nothing.
    pub deflected: i64,
    /// Visits shown an article whose customer still sent the complaint.
    pub sent: i64,
    /// Visits shown at least one article (including those that left without answering).
    pub shown: i64,
}

/// One article's deflection figures: of the visits shown this article, those that said it
/// solved their problem and sent nothing (`deflected`) and those that still sent their
/// complaint (`sent`); the rate is `deflection_rate(deflected, sent)`, n = deflected + sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ArticleDeflection {
    pub article_id: i64,
    pub counts: DeflectionCounts,
}

/// Event times `[from, to)` in microseconds; either end open when `None`.
fn bounds(from: Option<Timestamp>, to: Option<Timestamp>) -> (i64, i64) {
    (from.map_or(i64::MIN, us), to.map_or(i64::MAX, us))
}

impl Store {
    /// The visits counted by the deflection rate, all time. A visit that sent its complaint
    /// counts as sent even if it had said "this solved it" before.
    pub async fn deflection_counts(&self) -> StoreResult<DeflectionCounts> {
        self.deflection_counts_in(None, None).await
    }

    /// [`Store::deflection_counts`] over events at or after `from` and before `to`: `shown`
    /// counts visits with a `shown` event in the window, `sent` visits with their `sent` event
    /// in it, `deflected` visits with a `solved` event in it and no `sent` event at all.
    pub async fn deflection_counts_in(
        &self,
        from: Option<Timestamp>,
        to: Option<Timestamp>,
    ) -> StoreResult<DeflectionCounts> {
        let (from, to) = bounds(from, to);
        let r = sqlx::query(
            "SELECT \
             (SELECT count(DISTINCT flow) FROM help_deflections WHERE event = 'shown' \
              AND at >= $1 AND at < $2) AS shown, \
             (SELECT count(DISTINCT s.flow) FROM help_deflections s WHERE s.event = 'sent' \
              AND s.at >= $1 AND s.at < $2) AS sent, \
             (SELECT count(DISTINCT d.flow) FROM help_deflections d WHERE d.event = 'solved' \
              AND d.at >= $1 AND d.at < $2 \
              AND NOT EXISTS (SELECT 1 FROM help_deflections x WHERE x.flow = d.flow AND x.event = 'sent')) AS deflected",
        )
        .bind(from)
        .bind(to)
        .fetch_one(self.read())
        .await?;
        Ok(DeflectionCounts {
            deflected: r.try_get("deflected")?,
            sent: r.try_get("sent")?,
            shown: r.try_get("shown")?,
        })
    }

    /// Each article's figures over the window (as [`Store::deflection_counts_in`], per article):
    /// `shown` visits shown it, `sent` visits shown it whose `sent` event is in the window,
    /// `deflected` visits that said it solved their problem in the window and sent nothing.
    /// Articles never shown in the window are left out; ordered by article id.
    pub async fn article_deflections(
        &self,
        from: Option<Timestamp>,
        to: Option<Timestamp>,
    ) -> StoreResult<Vec<ArticleDeflection>> {
        let (from, to) = bounds(from, to);
        let shown = "SELECT article_id AS a, count(DISTINCT flow) AS n FROM help_deflections \
             WHERE event = 'shown' AND at >= $1 AND at < $2 GROUP BY article_id ORDER BY article_id";
        let sent = "SELECT sh.article_id AS a, count(DISTINCT se.flow) AS n FROM help_deflections se \
             JOIN help_deflections sh ON sh.flow = se.flow AND sh.event = 'shown' \
             WHERE se.event = 'sent' AND se.at >= $1 AND se.at < $2 GROUP BY sh.article_id";
        let deflected = "SELECT d.article_id AS a, count(DISTINCT d.flow) AS n FROM help_deflections d \
             WHERE d.event = 'solved' AND d.at >= $1 AND d.at < $2 AND NOT EXISTS \
             (SELECT 1 FROM help_deflections x WHERE x.flow = d.flow AND x.event = 'sent') \
             GROUP BY d.article_id";
        let mut out: Vec<ArticleDeflection> = Vec::new();
        for (i, q) in [shown, sent, deflected].into_iter().enumerate() {
            let rows = sqlx::query(q)
                .bind(from)
                .bind(to)
                .fetch_all(self.read())
                .await?;
            for r in &rows {
                let (a, n): (i64, i64) = (r.try_get("a")?, r.try_get("n")?);
                let at = match out.iter().position(|x| x.article_id == a) {
                    Some(at) => at,
                    None => {
                        out.push(ArticleDeflection {
                            article_id: a,
                            ..Default::default()
                        });
                        out.len() - 1
                    }
                };
                let c = &mut out[at].counts;
                match i {
                    0 => c.shown = n,
                    1 => c.sent = n,
                    _ => c.deflected = n,
                }
            }
        }
        out.sort_by_key(|x| x.article_id);
        Ok(out)
    }
}
