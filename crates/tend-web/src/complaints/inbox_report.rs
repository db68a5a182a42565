//! The inbox's filters that the operations report's numbers link with (`/reports`): windows
//! as RFC 3339 instants, product, assignee, tier, team, the "(none)" group, a category exactly,
//! and the subset a figure measured — so the list is exactly the records a number counted.

use serde::Deserialize;
use tend_store::{ComplaintFilter, Subset, Unset};

/// What a number of the operations report links to: the records it counted. Every field text.
#[derive(Deserialize, Default)]
pub struct ReportFilters {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub received_from: String,
    #[serde(default)]
    pub received_to: String,
    #[serde(default)]
    pub resolved_from: String,
    #[serde(default)]
    pub resolved_to: String,
    #[serde(default)]
    pub open_at: String,
    #[serde(default)]
    pub responded: String,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub assignee: String,
    #[serde(default)]
    pub tier: String,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub reopened_from: String,
    #[serde(default)]
    pub reopened_to: String,
    /// `category`, `product` or `assignee`: those without it (a report's "(none)" group).
    #[serde(default)]
    pub unset: String,
    /// Exactly this category, not those below it (a report's category group).
    #[serde(default)]
    pub category_only: String,
    /// The subset a report's figure measured (`tend_store::Subset`).
    #[serde(default)]
    pub measured: String,
    /// A customer segment's id, and the instant its membership is read at (`segment_at`).
    #[serde(default)]
    pub segment: String,
    #[serde(default)]
    pub segment_at: String,
}

impl ReportFilters {
    pub(super) fn pairs(&self) -> [(&'static str, &String); 18] {
        [
            ("kind", &self.kind),
            ("received_from", &self.received_from),
            ("received_to", &self.received_to),
            ("resolved_from", &self.resolved_from),
            ("resolved_to", &self.resolved_to),
            ("open_at", &self.open_at),
            ("responded", &self.responded),
            ("product", &self.product),
            ("assignee", &self.assignee),
            ("tier", &self.tier),
            ("team", &self.team),
            ("reopened_from", &self.reopened_from),
            ("reopened_to", &self.reopened_to),
            ("unset", &self.unset),
            ("category_only", &self.category_only),
            ("measured", &self.measured),
            ("segment", &self.segment),
            ("segment_at", &self.segment_at),
        ]
    }

    /// The set ones as `(name, value)`, for the form's hidden fields.
    pub fn set(&self) -> Vec<(&'static str, String)> {
        self.pairs()
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k, v.clone()))
            .collect()
    }

    /// Applies them to `f`; `bad` is told of a value that is not one.
    pub(super) fn apply(&self, f: &mut ComplaintFilter, mut bad: impl FnMut()) {
        let instant = |v: &str, bad: &mut dyn FnMut()| -> Option<jiff::Timestamp> {
            if v.is_empty() {
                return None;
            }
            v.parse().map_err(|_| bad()).ok()
        };
        let int = |v: &str, bad: &mut dyn FnMut()| -> Option<i64> {
            if v.is_empty() {
                return None;
            }
            v.parse().map_err(|_| bad()).ok()
        };
        if !self.kind.is_empty() {
            f.kind = tend_domain::complaints::Kind::parse(&self.kind)
                .map_err(|_| bad())
                .ok();
        }
        f.received_from = instant(&self.received_from, &mut bad);
        f.received_to = instant(&self.received_to, &mut bad);
        f.resolved_from = instant(&self.resolved_from, &mut bad);
        f.resolved_to = instant(&self.resolved_to, &mut bad);
        f.open_at = instant(&self.open_at, &mut bad);
        f.responded = match self.responded.as_str() {
            "" => None,
            "1" => Some(true),
            "0" => Some(false),
            _ => {
                bad();
                None
            }
        };
        if let Some(p) = int(&self.product, &mut bad) {
            f.product_id = Some(tend_domain::kernel::ids::ProductId(p));
        }
        if let Some(a) = int(&self.assignee, &mut bad) {
            f.assignee_id = Some(tend_domain::kernel::ids::EmployeeId(a));
        }
        f.tier = int(&self.tier, &mut bad);
        f.team = (!self.team.is_empty()).then(|| self.team.clone());
        f.reopened_from = instant(&self.reopened_from, &mut bad);
        f.reopened_to = instant(&self.reopened_to, &mut bad);
        if !self.unset.is_empty() {
            f.unset = Unset::parse(&self.unset).or_else(|| {
                bad();
                None
            });
        }
        if let Some(c) = int(&self.category_only, &mut bad) {
            f.category_exact = Some(tend_domain::kernel::ids::CategoryId(c));
        }
        if !self.measured.is_empty() {
            f.measured = Subset::parse(&self.measured).or_else(|| {
                bad();
                None
            });
        }
    }

    /// The segment asked for and the instant of its membership (now without one): `Err` when
    /// either is not one.
    pub(super) fn segment(
        &self,
        now: jiff::Timestamp,
    ) -> Result<Option<(i64, jiff::Timestamp)>, ()> {
        if self.segment.is_empty() {
            return Ok(None);
        }
        let id = self.segment.parse().map_err(|_| ())?;
        let at = match self.segment_at.as_str() {
            "" => now,
            t => t.parse().map_err(|_| ())?,
        };
        Ok(Some((id, at)))
    }
}
