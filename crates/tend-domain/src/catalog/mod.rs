//! Channels, categories and products: the catalog complaints are filed against.

use crate::kernel::reason::*;
use serde::{Deserialize, Serialize};

use crate::kernel::ids::{CategoryId, ProductId};

/// A channel's stable code, e.g. `phone` or `web`: lower-case letters, digits and `_`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ChannelCode(String);

/// The channels every Tend installation starts with: `(code, name)`.
pub const BUILT_IN_CHANNELS: [(&str, &str); 7] = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("web", "Web form"),
    ("chat", "Live chat"),
    ("social", "Social media"),
    ("in_person", "In person"),
    ("self_service", "Self-service"),
];

impl ChannelCode {
    pub fn parse(raw: &str) -> Result<Self, Reason> {
        let s = raw.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let ok = (1..=32).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok {
            Ok(Self(s))
        } else {
            Err(CHANNEL_CODE.with("got", format!("{raw:?}")))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ChannelCode {
    type Error = Reason;
    fn try_from(s: String) -> Result<Self, Reason> {
        ChannelCode::parse(&s)
    }
}

impl From<ChannelCode> for String {
    fn from(c: ChannelCode) -> String {
        c.0
    }
}

impl std::fmt::Display for ChannelCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Channel {
    pub code: ChannelCode,
    pub name: String,
}

/// A node of the user-editable category tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Category {
    pub id: CategoryId,
    pub parent_id: Option<CategoryId>,
    pub name: String,
    /// Days from resolution to follow-up for complaints of this category; `None` takes the
    /// parent's, and at the top Tend's default.
    pub follow_up_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Product {
    pub id: ProductId,
    pub name: String,
    pub sku: Option<String>,
}

/// Days from resolution to follow-up when no category on the way up sets them.
pub const DEFAULT_FOLLOW_UP_DAYS: i64 = 7;

/// The follow-up delay, in days, for a complaint of `category`: its own setting, else the
/// nearest ancestor's, else [`DEFAULT_FOLLOW_UP_DAYS`]. A cycle cannot loop forever.
pub fn follow_up_days(all: &[Category], category: Option<CategoryId>) -> i64 {
    let mut at = category;
    for _ in 0..=all.len() {
        let Some(c) = at.and_then(|id| all.iter().find(|c| c.id == id)) else {
            break;
        };
        if let Some(d) = c.follow_up_days {
            return d;
        }
        at = c.parent_id;
    }
    DEFAULT_FOLLOW_UP_DAYS
}

/// Every category's path in the tree, `Parent / Child`, sorted by path: how a category is
/// named wherever it is shown (lists, forms, the problems ranking, the plan). A chain longer
/// than 32 names is cut there.
pub fn category_paths(all: &[Category]) -> Vec<(CategoryId, String)> {
    let by_id = |id: CategoryId| all.iter().find(|c| c.id == id);
    let mut out: Vec<(CategoryId, String)> = all
        .iter()
        .map(|c| {
            let mut path = vec![c.name.clone()];
            let mut parent = c.parent_id.and_then(by_id);
            while let (Some(p), true) = (parent, path.len() < 32) {
                path.push(p.name.clone());
                parent = p.parent_id.and_then(by_id);
            }
            path.reverse();
            (c.id, path.join(" / "))
        })
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_codes_are_normalised() {
        assert_eq!(
            ChannelCode::parse("In Person").unwrap().as_str(),
            "in_person"
        );
        assert!(ChannelCode::parse("").is_err());
        assert!(ChannelCode::parse("pho/ne").is_err());
        for (code, _) in BUILT_IN_CHANNELS {
            assert_eq!(ChannelCode::parse(code).unwrap().as_str(), code);
        }
    }
}
