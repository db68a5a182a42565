//! Whether the roll-up can answer a report, and how to read it: the dimension (one field, or
//! the pair of a filtered field and a grouped one, or of two filtered fields grouped by
//! neither or by one of them), the values kept and the group's key.

use std::collections::HashSet;

use tend_domain::reports::Group;
use tend_store::{ComplaintFilter, Store, StoreResult};

use super::operations::OperationsFilter;
use super::tally::{Dim, JOIN};

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
    let group = f.range.group;
    let key_of =
        |parts: &[Group]| (group != Group::None).then(|| parts.iter().position(|g| *g == group));
    Ok(match fields.as_slice() {
        [] => Some(Read {
            dim: Dim(group, None),
            filters: Vec::new(),
            key: (group != Group::None).then_some(0),
        }),
        [(field, values)] if group == Group::None || group == *field => Some(Read {
            dim: Dim(*field, None),
            filters: vec![(0, values.clone())],
            key: (group != Group::None).then_some(0),
        }),
        [(field, values)] => {
            let (dim, swapped) = Dim::pair(*field, group);
            let (f, g) = if swapped { (1, 0) } else { (0, 1) };
            Some(Read {
                dim,
                filters: vec![(f, values.clone())],
                key: Some(g),
            })
        }
        // Two fields, grouped by neither, one or the other: their pair.
        [(a, va), (b, vb)] => {
            let (dim, swapped) = Dim::pair(*a, *b);
            let parts = if swapped { [*b, *a] } else { [*a, *b] };
            let (ia, ib) = if swapped { (1, 0) } else { (0, 1) };
            match key_of(&parts) {
                Some(None) => None,
                key => Some(Read {
                    dim,
                    filters: vec![(ia, va.clone()), (ib, vb.clone())],
                    key: key.flatten(),
                }),
            }
        }
        _ => None,
    })
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

    /// The values the store can keep itself (a single field's filter).
    pub(super) fn stored_values(&self) -> Option<&[String]> {
        match (self.filters.as_slice(), self.dim.1) {
            ([(0, values)], None) => Some(values),
            _ => None,
        }
    }
}
