//! What a number of the operations report links to: the inbox with the report's filters, the
//! group's value (or the absence of one, for "(none)"; exactly the category, not those below
//! it) and the window or subset the figure counted — so the list's length is the number.

use std::collections::HashMap;

use tend_app::reports::ReportQuery;
use tend_domain::reports::Group;
use tend_store::StoreResult;

use crate::WebState;
use crate::complaints::inbox::category_paths;
use crate::kit::error::urlencode;
use crate::kit::i18n::Tr;

/// A piece of a shown value: text, and the link to the records it counts when it is a count.
pub struct Part {
    pub text: String,
    pub link: Option<String>,
}

/// A value as shown: one or more parts (a share shows its within and n, each a link).
pub struct Value {
    pub parts: Vec<Part>,
}

impl Value {
    /// A value of one part.
    pub fn one(text: String, link: Option<String>) -> Value {
        Value {
            parts: vec![Part { text, link }],
        }
    }

    /// The first part's link.
    pub fn link(&self) -> Option<String> {
        self.parts.iter().find_map(|p| p.link.clone())
    }
}

/// The query string of `q` (range and filters), for the CSV link.
pub fn query_string(q: &ReportQuery) -> String {
    let mut pairs: Vec<(&str, String)> = [
        ("from", &q.from),
        ("to", &q.to),
        ("grain", &q.grain),
        ("group", &q.group),
    ]
    .into_iter()
    .filter_map(|(k, v)| {
        v.as_deref()
            .filter(|v| !v.trim().is_empty())
            .map(|v| (k, v.trim().to_owned()))
    })
    .collect();
    pairs.extend(q.filter_pairs());
    join(&pairs)
}

pub(crate) fn join(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The inbox's field a group's key fills.
pub(crate) fn group_field(g: Group) -> Option<&'static str> {
    match g {
        Group::Channel => Some("channel"),
        Group::Category => Some("category"),
        Group::Product => Some("product"),
        Group::Assignee => Some("assignee"),
        Group::Tier => Some("tier"),
        Group::None => None,
    }
}

/// Builds the inbox links of one report.
pub struct Links {
    pub filters: Vec<(&'static str, String)>,
    pub group: Group,
    /// The instant a segment's membership is read at: the range's end, as the report reads it.
    pub segment_at: String,
}

impl Links {
    /// The inbox link for the records of group `key` (none: every group) with `window`'s pairs.
    pub fn inbox(&self, key: Option<&str>, window: &[(&'static str, String)]) -> String {
        let mut pairs: Vec<(&str, String)> = vec![("kind", "complaint".to_owned())];
        let field = key.and_then(|_| group_field(self.group));
        // A category group is that category exactly: the filter (with those below) stays.
        let replaced = field.filter(|f| *f != "category" || key == Some(""));
        for (k, v) in &self.filters {
            if Some(*k) != replaced {
                pairs.push((k, v.clone()));
            }
            if *k == "segment" {
                pairs.push(("segment_at", self.segment_at.clone()));
            }
        }
        match (field, key) {
            (Some(f), Some("")) => pairs.push(("unset", f.to_owned())),
            (Some("category"), Some(k)) => pairs.push(("category_only", k.to_owned())),
            (Some(f), Some(k)) => pairs.push((f, k.to_owned())),
            _ => {}
        }
        pairs.extend(window.iter().cloned());
        format!("/inbox?{}", join(&pairs))
    }
}

/// Names of what a group key stands for.
pub struct Names {
    pub(crate) by: HashMap<(&'static str, String), String>,
}

impl Names {
    pub async fn load(s: &WebState, t: &Tr) -> StoreResult<Names> {
        let mut by = HashMap::new();
        for c in s.store.channels().await? {
            let l = t.label_or("channel", c.code.as_str());
            let l = if l == c.code.as_str() {
                c.name.clone()
            } else {
                l
            };
            by.insert(("channel", c.code.to_string()), l);
        }
        for (id, path) in category_paths(&s.store.categories().await?) {
            by.insert(("category", id.to_string()), path);
        }
        for p in s.store.products().await? {
            by.insert(("product", p.id.0.to_string()), p.name);
        }
        for e in s.store.employees().await? {
            by.insert(("assignee", e.id.0.to_string()), e.name);
        }
        Ok(Names { by })
    }
}
