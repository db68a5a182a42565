//! The report's query as typed, the same for the page, the CSV and the API: every field text,
//! checked here into an [`OperationsFilter`] with each bad field named.

use jiff::civil::Date;
use serde::Deserialize;
use tend_domain::DomainError;
use tend_domain::catalog::ChannelCode;
use tend_domain::kernel::error::FieldErrors;
use tend_domain::kernel::ids::{CategoryId, EmployeeId, ProductId};
use tend_domain::kernel::reason::*;
use tend_domain::reports::range;
use tend_store::ComplaintFilter;

use super::OperationsFilter;

/// The query string: local days `from` (inclusive) and `to` (exclusive) as `YYYY-MM-DD`,
/// `grain` (day, week, month, quarter), `group` (channel, category, product, assignee, tier,
/// none) and the filters (channel code, category id — with the categories below it —,
/// product id, assignee id, tier 0–3, team, customer segment id). Empty means absent.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReportQuery {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub grain: Option<String>,
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub product: Option<String>,
    #[serde(default)]
    pub assignee: Option<String>,
    #[serde(default)]
    pub tier: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
    /// A saved customer segment's id: only its members' complaints.
    #[serde(default)]
    pub segment: Option<String>,
}

fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn id(e: &mut FieldErrors, field: &str, v: &Option<String>) -> Option<i64> {
    let v = present(v)?;
    match v.parse::<i64>() {
        Ok(n) if n > 0 => Some(n),
        _ => {
            e.add(
                field,
                OUT_OF_RANGE
                    .with("min", 1)
                    .with("max", i64::MAX)
                    .with("got", v.to_owned()),
            );
            None
        }
    }
}

impl ReportQuery {
    /// The checked filter, `today` being the company's local date (for the default range).
    pub fn filter(&self, today: Date) -> Result<OperationsFilter, DomainError> {
        let mut e = FieldErrors::new();
        let r = range(
            present(&self.from),
            present(&self.to),
            present(&self.grain),
            present(&self.group),
            today,
        )
        .map_err(|err| {
            if let DomainError::Invalid(fe) = err {
                e.extend(fe)
            }
        })
        .ok();
        let channel = present(&self.channel)
            .and_then(|c| ChannelCode::parse(c).map_err(|r| e.add("channel", r)).ok());
        let category_id = id(&mut e, "category", &self.category).map(CategoryId);
        let product_id = id(&mut e, "product", &self.product).map(ProductId);
        let assignee_id = id(&mut e, "assignee", &self.assignee).map(EmployeeId);
        let tier = present(&self.tier).and_then(|t| match t.parse::<i64>() {
            Ok(n) if (0..=3).contains(&n) => Some(n),
            _ => {
                e.add(
                    "tier",
                    OUT_OF_RANGE
                        .with("min", 0)
                        .with("max", 3)
                        .with("got", t.to_owned()),
                );
                None
            }
        });
        let team = present(&self.team).map(str::to_owned);
        let segment_id = id(&mut e, "segment", &self.segment);
        e.finish(|| OperationsFilter {
            range: r.expect("a range when no field is wrong"),
            filter: ComplaintFilter {
                channel,
                category_id,
                product_id,
                assignee_id,
                tier,
                team,
                ..Default::default()
            },
            segment_id,
        })
    }

    /// The query string of the filters (not the range), for links: `&channel=…` pairs.
    pub fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("channel", &self.channel),
            ("category", &self.category),
            ("product", &self.product),
            ("assignee", &self.assignee),
            ("tier", &self.tier),
            ("team", &self.team),
            ("segment", &self.segment),
        ]
        .into_iter()
        .filter_map(|(k, v)| present(v).map(|v| (k, v.to_owned())))
        .collect()
    }
}
