//! Whether the roll-up can answer a report, and how to read it: the dimension (the filtered
//! fields and the grouped one, one to three fields: a single field, a pair or a triple), the
//! values kept of each filtered part and the group's key.

use std::collections::HashSet;

use tend_domain::reports::Group;
use tend_store::{ComplaintFilter, Kept, Store, StoreResult, like_literal};

use super::operations::OperationsFilter;
use super::tally::{Dim, JOIN};

/// The most `LIKE` patterns a report narrows its reading of the roll-up by (else it reads
/// every value of its dimension).
const MAX_PATTERNS: usize = 64;

/// How to read the roll-up for `f`, when it can answer.
pub(super) async fn plan(store: &Store, f: &OperationsFilter) -> StoreResult<Option<Read>> {
    // Every field named, so a new filter is a compile error here until it is decided.
    let ComplaintFilter {
        status,
        kind,
        channel,
        category_id,
        customer_id,
        assignee_id,
        escalated,
        follow_up_due_by,
        received_from,
        received_to,
        q,
        after,
        limit: _,
        oldest_first: _,
        product_id,
        tier,
        team,
        resolved_from,
        resolved_to,
        open_at,
        responded,
        reopened_from,
        reopened_to,
        unset,
        category_exact,
        measured,
        segment,
    } = &f.filter;
    let unanswerable = status.is_some()
        || kind.is_some_and(|k| k != tend_domain::complaints::Kind::Complaint)
        || customer_id.is_some()
        || escalated.is_some()
        || follow_up_due_by.is_some()
        || received_from.is_some()
        || received_to.is_some()
        || q.is_some()
        || after.is_some()
        || resolved_from.is_some()
        || resolved_to.is_some()
        || open_at.is_some()
        || responded.is_some()
        || reopened_from.is_some()
        || reopened_to.is_some()
        || unset.is_some()
        || category_exact.is_some()
        || measured.is_some()
        || segment.is_some()
        || f.segment_id.is_some();
    if unanswerable {
        return Ok(None);
    }
    let mut filters: Vec<(Group, Vec<String>)> = Vec::new();
    if let Some(c) = channel {
        filters.push((Group::Channel, vec![c.as_str().to_owned()]));
    }
    if let Some(p) = product_id {
        filters.push((Group::Product, vec![p.0.to_string()]));
    }
    if let Some(t) = tier {
        filters.push((Group::Tier, vec![t.to_string()]));
    }
    if let Some(a) = assignee_id {
        filters.push((Group::Assignee, vec![a.0.to_string()]));
    }
    if let Some(team) = team {
        let ids = store.employees().await?.into_iter();
        let ids = ids.filter(|e| e.team.as_deref() == Some(team.as_str()));
        filters.push((Group::Assignee, ids.map(|e| e.id.0.to_string()).collect()));
    }
    if let Some(c) = category_id {
        let all = store.categories().await?;
        let mut keep: HashSet<i64> = HashSet::from([c.0]);
        loop {
            let more: Vec<i64> = all
                .iter()
                .filter(|k| {
                    k.parent_id.is_some_and(|p| keep.contains(&p.0)) && !keep.contains(&k.id.0)
                })
                .map(|k| k.id.0)
                .collect();
            if more.is_empty() {
                break;
            }
            keep.extend(more);
        }
        filters.push((Group::Category, keep.iter().map(i64::to_string).collect()));
    }
    // Two filters of one field (an assignee and a team) keep the values both allow.
    let mut fields: Vec<(Group, Vec<String>)> = Vec::new();
    for (field, values) in filters {
        match fields.iter_mut().find(|(g, _)| *g == field) {
            Some((_, kept)) => kept.retain(|v| values.contains(v)),
            None => fields.push((field, values)),
        }
    }
    // The filtered fields and the grouped one, when it is not among them: one to three
    // fields make a dimension (a triple answers two filters grouped by a third, or three
    // filters grouped by none or one of them); more are counted live.
    let group = f.range.group;
    if fields.is_empty() {
        return Ok(Some(Read {
            dim: Dim(group, None, None),
            filters: Vec::new(),
            key: (group != Group::None).then_some(0),
        }));
    }
    let mut parts: Vec<Group> = fields.iter().map(|(g, _)| *g).collect();
    if group != Group::None && !parts.contains(&group) {
        parts.push(group);
    }
    let Some((dim, at)) = Dim::of(&parts) else {
        return Ok(None);
    };
    Ok(Some(Read {
        dim,
        filters: fields
            .into_iter()
            .zip(&at)
            .map(|((_, values), i)| (*i, values))
            .collect(),
        key: parts.iter().position(|g| *g == group).map(|i| at[i]),
    }))
}

/// How a report reads the roll-up: the dimension, the values kept of each filtered part, and
/// the part that is the group's key (none: one group).
pub(super) struct Read {
    pub(super) dim: Dim,
    filters: Vec<(usize, Vec<String>)>,
    key: Option<usize>,
}

impl Read {
    /// The group a stored value counts in, or none when the filter leaves it out.
    pub(super) fn key(&self, value: &str) -> Option<String> {
        let parts: Vec<&str> = value.split(JOIN).collect();
        for (i, values) in &self.filters {
            if !values.iter().any(|v| Some(&v.as_str()) == parts.get(*i)) {
                return None;
            }
        }
        Some(
            self.key
                .and_then(|i| parts.get(i))
                .unwrap_or(&"")
                .to_string(),
        )
    }

    /// The `LIKE` patterns of the values a pair's or a triple's filters keep, each filtered
    /// part one of its values and the others `%`, built by [`Read::narrow`]; none when no
    /// part is filtered or they would be more than [`MAX_PATTERNS`].
    fn patterns(&self) -> Option<Vec<String>> {
        if self.filters.is_empty() {
            return None;
        }
        let mut out: Vec<String> = vec![String::new()];
        for (i, _) in self.dim.parts().enumerate() {
            let options: Vec<String> = match self.filters.iter().find(|(at, _)| *at == i) {
                Some((_, values)) => values.iter().map(|v| like_literal(v)).collect(),
                None => vec!["%".to_owned()],
            };
            let mut buf = [0; 4];
            let sep: &str = if i == 0 {
                ""
            } else {
                JOIN.encode_utf8(&mut buf)
            };
            out = out
                .iter()
                .flat_map(|p| options.iter().map(move |o| format!("{p}{sep}{o}")))
                .collect();
            if out.len() > MAX_PATTERNS {
                return None;
            }
        }
        Some(out)
    }

    /// Fills `patterns` (when the dimension joins fields) and says which values the store
    /// reads: exactly a single field's filtered values, those matching `patterns`, or all.
    pub(super) fn narrow<'a>(&'a self, patterns: &'a mut Vec<String>) -> Kept<'a> {
        match (self.filters.as_slice(), self.dim.1) {
            ([(0, values)], None) => Kept::Only(values),
            (_, Some(_)) => match self.patterns() {
                Some(p) => {
                    *patterns = p;
                    Kept::Like(patterns)
                }
                None => Kept::All,
            },
            _ => Kept::All,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_triple_is_narrowed_by_a_pattern_per_filtered_value() {
        let (dim, _) = Dim::of(&[Group::Channel, Group::Assignee, Group::Tier]).unwrap();
        let read = Read {
            dim,
            filters: vec![(0, vec!["phone".into()]), (2, vec!["1".into(), "2".into()])],
            key: Some(1),
        };
        let mut p = Vec::new();
        assert!(matches!(read.narrow(&mut p), Kept::Like(_)));
        assert_eq!(p, vec!["phone\u{1f}%\u{1f}1", "phone\u{1f}%\u{1f}2"]);
        assert_eq!(read.key("phone\u{1f}7\u{1f}2").as_deref(), Some("7"));
        assert_eq!(read.key("phone\u{1f}7\u{1f}3"), None);
        // A value's `_`, `%` and `\` are literals in its pattern.
        let odd = Read {
            dim,
            filters: vec![(0, vec!["live_chat".into(), "a%b\\c".into()])],
            key: None,
        };
        odd.narrow(&mut p);
        assert_eq!(
            p,
            vec!["live\\_chat\u{1f}%\u{1f}%", "a\\%b\\\\c\u{1f}%\u{1f}%"]
        );
        // Too many alternatives: every value is read (and each checked by `key`).
        let many = Read {
            dim,
            filters: vec![
                (0, (0..9).map(|i| i.to_string()).collect()),
                (2, (0..9).map(|i| i.to_string()).collect()),
            ],
            key: None,
        };
        assert!(matches!(many.narrow(&mut p), Kept::All));
    }
}
